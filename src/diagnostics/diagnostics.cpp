// Formatting of diagnostics and the sink that collects them.
#include <algorithm>

#include <tariff/diagnostics.hpp>

#include "diagnostics/sink.hpp"
#include "text/utf8.hpp"
#include "text/visible.hpp"

namespace tariff {

namespace {

// The source line as a terminal may show it, with the caret line under it. A character that
// would not print as itself (a control character, a byte that is not UTF-8) is shown escaped as
// all output text is (text::visible: \r, \x00), never raw: a NUL or an escape sequence would cut
// or restyle the message. Columns count bytes; the caret counts what is shown: one place per
// character, an escape's width, tabs kept so they line up at any width.
void append_line_with_caret(std::string& out, std::string_view line, int column) {
  std::string shown;
  std::string caret;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t n = std::max<std::size_t>(text::utf8_length(line, i), 1);
    const std::string_view character = line.substr(i, n);
    const bool before_caret = static_cast<int>(i) + 1 < column;
    if (character == "\t") {
      shown += '\t';
      if (before_caret) caret += '\t';
    } else {
      const std::string piece = text::visible(character);
      shown += piece;
      if (before_caret) caret.append(piece == character ? 1 : piece.size(), ' ');
    }
    i += n;
  }
  for (int i = static_cast<int>(line.size()); i + 1 < column; ++i)
    caret += ' ';  // a place just past the line's end
  out += "\n  " + shown + "\n  " + caret + '^';
}

}  // namespace

std::string format(const diagnostic& d) {
  std::string out = d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                    (d.level == severity::error ? "error: " : "warning: ") + d.message;
  if (!d.source_line.empty()) append_line_with_caret(out, d.source_line, d.column);
  return out;
}

std::string format(const std::vector<diagnostic>& ds) {
  std::string out;
  for (const diagnostic& d : ds) {
    out += format(d);
    out += '\n';
  }
  return out;
}

bool has_errors(const std::vector<diagnostic>& ds) {
  return std::any_of(ds.begin(), ds.end(),
                     [](const diagnostic& d) { return d.level == severity::error; });
}

diagnostic& diagnostics::diagnostic_sink::report(code kind, vocabulary::position at,
                                                 std::string message, int length) {
  const code_info& row = info(kind);
  if (row.level == severity::error) ++errors_;
  // A line too long to read on a terminal (a generated rule of megabytes) is not quoted: every
  // diagnostic would carry a copy of it. The place still says where.
  std::string_view line = line_text(at.line);
  if (line.size() > max_quoted_line) line = {};
  diagnostic d;
  d.level = row.level;
  d.file = file_;
  d.line = at.line;
  d.column = at.column;
  d.message = std::move(message);
  d.source_line = std::string(line);
  d.name = std::string(row.name);
  d.length = length;
  return diagnostics_.emplace_back(std::move(d));
}

std::string_view diagnostics::diagnostic_sink::line_text(int line) const {
  if (line_starts_.empty()) {  // once: a file with thousands of errors must not rescan itself
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < source_.size(); ++i)
      if (source_[i] == '\n') line_starts_.push_back(i + 1);
  }
  if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return {};
  const std::size_t begin = line_starts_[static_cast<std::size_t>(line) - 1];
  std::size_t end = source_.find('\n', begin);
  if (end == std::string_view::npos) end = source_.size();
  std::string_view text = source_.substr(begin, end - begin);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  if (line == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // columns skip it
  return text;
}

std::vector<diagnostic> diagnostics::diagnostic_sink::take() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const diagnostic& a, const diagnostic& b) {
                     return a.line != b.line ? a.line < b.line : a.column < b.column;
                   });
  errors_ = 0;
  return std::move(diagnostics_);
}

}  // namespace tariff
