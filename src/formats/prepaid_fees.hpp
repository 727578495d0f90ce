// A contract's prepaid fees as one text field, the same in CSV and JSON:
//   support 2026-01-01..2026-06-30; licences 2026-01-01..2026-12-31 units 40
// Entries are separated by ';': the fee's name, the days paid for (first..last, inclusive), and
// for a fee per unit optionally `units N`, the units paid for.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/model.hpp>

namespace tariff::formats {

/// Reads the text into `out`; returns the complaint if it does not read (then `out` is unchanged).
std::optional<std::string> parse_prepaid_fees(std::string_view text, std::vector<prepaid_fee>& out);
/// The text parse_prepaid_fees reads back; empty for none.
std::string format_prepaid_fees(const std::vector<prepaid_fee>& fees);

}  // namespace tariff::formats
