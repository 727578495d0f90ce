// The inputs a statement records (docs/formats.md, "Statement inputs"), read back to bill it again.
#pragma once

#include <string>

#include <tariff/billing.hpp>
#include <tariff/statement_io.hpp>

#include "formats/json_reader.hpp"

namespace tariff::verify_stage {

/// The statement's `inputs` section read with the readers of each part; throws
/// verify_input_error naming `statement` ("statement 1 (contract C-1)") and the part.
owned_statement_inputs read_recorded_inputs(const formats::json_value& inputs,
                                            const std::string& statement);

}  // namespace tariff::verify_stage
