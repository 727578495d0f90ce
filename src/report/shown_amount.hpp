// An amount as a text report shows it: at the tariff's display scale, marked when the exact
// value has more digits (docs/cli.md, "Amounts, times and durations in text output"). JSON and CSV
// keep the exact value; only text for people is shortened.
#pragma once

#include <string>
#include <string_view>

#include <tariff/pricing.hpp>

namespace tariff::report {

/// The marker before an amount shown with fewer digits than its exact value has.
inline constexpr std::string_view inexact_marker = "≈";

/// `exact` at tariff.amount_scale(), rounded as the tariff rounds line amounts, with
/// inexact_marker before it when digits that are not zero were dropped: "≈4583.33" for
/// 4583.3333…, "5000.00" for 5000.0000. A tariff that does not round amounts shows them exact.
std::string shown_amount(const decimal& exact, const compiled_tariff& tariff);

}  // namespace tariff::report
