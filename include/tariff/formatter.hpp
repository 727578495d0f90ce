// tariff — the canonical layout of a tariff source, as `tariff fmt` writes it.
//
//   tariff::format_result f = tariff::format_tariff(source, "facilities.tariff");
//   if (!f.text) { std::cerr << tariff::format(f.diagnostics); return 1; }
//   write(path, *f.text);
//
// Formatting changes only the space between tokens: the tokens, their order, the comments and the
// line breaks the author chose stay as they are, so a formatted tariff prices exactly as the
// original. What it settles: indentation (two spaces a block, four more for a continued line),
// one space between tokens (none inside parentheses, before commas, around `.` and around `..`
// between numbers, before `:` in tables and tiers), columns aligned in runs of rules, items,
// attributes and tables, trailing comments aligned in runs, at most one blank line, and a final
// newline. Formatting a formatted source changes nothing. docs/language.md ("Layout") has the
// details.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/diagnostics.hpp>
#include <tariff/export.h>

namespace tariff {

/// What format_tariff() produced.
struct format_result {
  std::optional<std::string> text;      ///< the formatted source; empty if it has syntax errors
  std::vector<diagnostic> diagnostics;  ///< the syntax errors that stopped formatting
};

/// The source in canonical layout. A source with syntax errors is not formatted: its errors come
/// back instead (semantic errors, such as an unknown item, do not stop formatting).
[[nodiscard]] TARIFF_API format_result format_tariff(std::string_view source,
                                                     std::string_view file = "<input>");

}  // namespace tariff
