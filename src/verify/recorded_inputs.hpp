// The inputs a statement records (docs/formats.md, "Statement inputs"), read back to bill it again.
#pragma once

#include <vector>

#include <tariff/billing.hpp>

#include "formats/json_reader.hpp"

namespace tariff::verify_stage {

/// What bill() was given for one statement, owned.
struct recorded_inputs {
  contract billed;
  date_span period;
  billing_state opening;
  std::vector<work_line> work;
  std::vector<payment> payments;
  bill_options options;
};

/// The statement's `inputs` section read with the readers of each part; throws
/// verify_input_error naming `statement` ("statement 1 (contract C-1)") and the part.
recorded_inputs read_recorded_inputs(const formats::json_value& inputs,
                                     const std::string& statement);

}  // namespace tariff::verify_stage
