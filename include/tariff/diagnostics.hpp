// tariff — diagnostics: what is wrong (or suspicious) in a tariff source, and where.
// One type for syntax errors, semantic errors and warnings, rendered like a compiler's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/export.h>

namespace tariff {

/// How bad a diagnostic is.
enum class severity : std::uint8_t {
  error,    ///< the tariff cannot be used
  warning,  ///< the tariff works but is probably not what was meant
};

/// A suggested edit that resolves a diagnostic: replace the bytes from (line, column) up to, not
/// including, (end_line, end_column) with `replacement`. An empty range inserts; an empty
/// replacement deletes. Lines and columns count as in `diagnostic`.
struct fix_it {
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;
  std::string replacement;

  friend bool operator==(const fix_it&, const fix_it&) = default;
};

/// One finding in a source file.
struct diagnostic {
  severity level = severity::error;
  std::string file;           ///< the source's name as given to the checker
  int line = 0;               ///< 1-based
  int column = 0;             ///< 1-based, in bytes
  std::string message;        ///< plain words, e.g. "unknown item 'vist'; did you mean 'visit'?"
  std::string source_line;    ///< the text of that line, for the caret display; empty for a line
                              ///< longer than 1024 bytes
  std::string name;           ///< stable name of the kind of finding, e.g. "unknown-item",
                              ///< listed with its number in docs/language.md
  int length = 0;             ///< bytes the finding spans on its line from `column` (0: a point)
  std::string note;           ///< a hint on how to fix it, shown as "note:"; may be empty
  std::vector<fix_it> fixes;  ///< edits that resolve it, each one alone ("did you mean")

  friend bool operator==(const diagnostic&, const diagnostic&) = default;
};

/// "file:line:col: error: message", then the source line and a caret under the column.
[[nodiscard]] TARIFF_API std::string format(const diagnostic& d);
/// Every diagnostic formatted, in order, separated by newlines.
[[nodiscard]] TARIFF_API std::string format(const std::vector<diagnostic>& ds);
/// Whether any diagnostic is an error.
[[nodiscard]] TARIFF_API bool has_errors(const std::vector<diagnostic>& ds);

/// Parses and checks a tariff source and returns every error and warning found, in source order.
/// `file` names the source in the diagnostics. An empty result means a clean tariff.
[[nodiscard]] TARIFF_API std::vector<diagnostic> check(std::string_view source,
                                                       std::string_view file = "<input>");

}  // namespace tariff
