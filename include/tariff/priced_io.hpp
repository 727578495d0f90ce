// tariff — priced lines as CSV and JSON, the formats docs/formats.md describes, and as text.
//
// One output row (or object) per input line, in input order, priced or rejected, so a host can
// join the output to its work by `id`. Decimals are written exactly, with their scale.
#pragma once

#include <span>
#include <string>

#include <tariff/pricing.hpp>

namespace tariff {

/// Priced lines as CSV: a header row, then one row per line; parts and trace as compact text.
/// `tariff` must be the tariff that priced them (it names the segments' labels).
std::string write_priced_csv(std::span<const priced_line> lines, const compiled_tariff& tariff);
/// Priced lines as a JSON array of objects, parts and trace steps nested.
std::string write_priced_json(std::span<const priced_line> lines, const compiled_tariff& tariff);

/// Priced lines as aligned text for a terminal: each priced line with its parts (and with
/// `explain` their trace steps), then the rejected lines with their reasons, then totals.
std::string write_priced_text(std::span<const priced_line> lines, const compiled_tariff& tariff,
                              bool explain);

}  // namespace tariff
