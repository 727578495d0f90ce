// The work line's columns and keys (work_io.cpp), for the readers beside the public ones: the
// stream (work_stream.hpp).
#pragma once

#include <tariff/model.hpp>

#include "formats/row_spec.hpp"

namespace tariff::formats {

/// The row_spec read_work_csv and read_work_json read with.
const row_spec<work_line>& work_row_spec();

}  // namespace tariff::formats
