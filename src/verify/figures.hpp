// Two statements' JSON compared figure by figure: what `tariff verify` reports.
#pragma once

#include <string>
#include <vector>

#include <tariff/verify.hpp>

#include "formats/json_reader.hpp"

namespace tariff::verify_stage {

/// Every figure of `repriced` that differs from `recorded` (both statement objects as
/// write_statement_json writes them), in the recorded statement's order. Lines, adjustments,
/// rejected lines and reversals are matched by id, everything else by key and position; the
/// members `inputs`, `engine` and `tzdata` are not figures. A difference inside a line or fee
/// names it (`element`) and carries both explained. `contract` and `period` are left empty.
std::vector<verify_difference> compare_figures(const formats::json_value& recorded,
                                               const formats::json_value& repriced);

/// A line or fee as the verify text shows it: its amounts, then each trace step, a line each.
std::string explain_element(const formats::json_value& element);

}  // namespace tariff::verify_stage
