// tariff — a comparison (compare.hpp) as text, JSON and CSV: the what-if report.
//
// Decimals are written exactly, with their scale. docs/compare.md shows each form.
#pragma once

#include <string>

#include <tariff/compare.hpp>
#include <tariff/pricing.hpp>

namespace tariff {

/// The report as aligned text for a terminal: the totals, then per client, item and month; with
/// `lines`, each changed line with its two pricings and their traces side by side. `old_tariff`
/// and `new_tariff` must be the tariffs compared (they name the parts' labels).
std::string write_comparison_text(const comparison& c, const compiled_tariff& old_tariff,
                                  const compiled_tariff& new_tariff, bool lines);

/// The report as one JSON object: every figure, and the changed lines as write_priced_json writes
/// lines ("old" and "new").
std::string write_comparison_json(const comparison& c, const compiled_tariff& old_tariff,
                                  const compiled_tariff& new_tariff);

/// The figures as CSV, one row per group: group ("total", "fees", "client", "item", "month"),
/// key, lines, changed, rejected counts, and the revenue, cost and margin under each tariff with
/// the changes.
std::string write_comparison_csv(const comparison& c);

}  // namespace tariff
