// The pieces of the what-if report's JSON (compare_io.cpp) that the report stage's
// comparison_writer also writes, so that a report written in pieces is the one written whole.
#pragma once

#include <cstddef>
#include <string>

#include <tariff/compare.hpp>
#include <tariff/pricing.hpp>

namespace tariff::formats {

/// The report's object from its opening brace to `"lines": `: every figure of `c`.
void append_comparison_json_head(std::string& out, const comparison& c);

/// One changed line as an element of "lines", at `indent`.
void append_line_change_json(std::string& out, const line_change& l, std::size_t indent,
                             const compiled_tariff& old_tariff, const compiled_tariff& new_tariff);

}  // namespace tariff::formats
