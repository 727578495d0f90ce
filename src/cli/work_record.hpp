// A work line as bytes and back, for the temporary files of the tool's sorts: every field,
// exactly, in a form much shorter and quicker to read than the CSV it came from.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <tariff/model.hpp>

namespace tariff::cli {

/// Appends `line` and the row it was read from to `out`.
void append_work_record(std::string& out, const work_line& line, std::size_t row);

/// The line append_work_record wrote in `bytes` (all of them), and its row.
work_line read_work_record(std::string_view bytes, std::size_t& row);

}  // namespace tariff::cli
