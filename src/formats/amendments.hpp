// A contract's amendments as one text field, the same in CSV and JSON:
//   2026-03-16: contract.workstations=50, client.segment=b2b; 2026-06-01: contract.workstations=60
//   2026-03-11: plan=premium, contract.workstations=50
// Entries are separated by ';', values by ','; a '\' escapes ';', ',', '=' and '\' in a value.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/model.hpp>

namespace tariff::formats {

/// Reads the text into `out`; returns the complaint if it does not read (then `out` is unchanged).
std::optional<std::string> parse_amendments(std::string_view text,
                                            std::vector<contract_amendment>& out);
/// The text parse_amendments reads back; empty for no amendments.
std::string format_amendments(const std::vector<contract_amendment>& amendments);

}  // namespace tariff::formats
