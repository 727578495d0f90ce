// Formatting of diagnostics and the sink that collects them.
#include <algorithm>

#include <tariff/diagnostics.hpp>

#include "diagnostics/render.hpp"
#include "diagnostics/sink.hpp"
#include "text/utf8.hpp"
#include "text/visible.hpp"

namespace tariff {

namespace {

// ANSI styles, used only when the options ask for colour.
struct styles {
  std::string_view bold, error, warning, note, caret, fix, reset;
};
constexpr styles plain{};
constexpr styles coloured{"\x1b[1m",    "\x1b[1;31m", "\x1b[1;35m", "\x1b[1;36m",
                          "\x1b[1;32m", "\x1b[32m",   "\x1b[0m"};

// The source line as a terminal may show it, with the caret line under it (and, if a fix-it
// replaces text on this line, the replacement under its place). A character that would not print
// as itself (a control character, a byte that is not UTF-8) is shown escaped as all output text
// is (text::visible: \r, \x00), never raw: a NUL or an escape sequence would cut or restyle the
// message. Columns count bytes; the caret counts what is shown: one place per character, an
// escape's width, tabs kept so they line up at any width.
void append_line_with_caret(std::string& out, std::string_view line, int column, int length,
                            const fix_it* fix, const styles& s) {
  std::string shown;
  std::string caret;    // the indent up to the caret
  std::string fix_pad;  // the indent up to the fix-it's column
  int underline = 0;    // places after the caret that the span covers
  const int fix_column = fix != nullptr ? fix->column : 0;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t n = std::max<std::size_t>(text::utf8_length(line, i), 1);
    const std::string_view character = line.substr(i, n);
    const int at = static_cast<int>(i) + 1;
    const std::string piece = character == "\t" ? std::string("\t") : text::visible(character);
    const std::string blank = character == "\t"
                                  ? std::string("\t")
                                  : std::string(piece == character ? 1 : piece.size(), ' ');
    shown += piece;
    if (at < column) caret += blank;
    if (at > column && at < column + length)
      underline += piece == character ? 1 : static_cast<int>(piece.size());
    if (at < fix_column) fix_pad += blank;
    i += n;
  }
  for (int i = static_cast<int>(line.size()); i + 1 < column; ++i)
    caret += ' ';  // a place just past the line's end
  for (int i = static_cast<int>(line.size()); i + 1 < fix_column; ++i)
    fix_pad += ' ';
  out += "\n  " + shown + "\n  " + caret;
  out += s.caret;
  out += '^';
  out.append(static_cast<std::size_t>(underline), '~');
  out += s.reset;
  if (fix != nullptr && !fix->replacement.empty()) {
    out += "\n  " + fix_pad;
    out += s.fix;
    out += text::visible(fix->replacement);
    out += s.reset;
  }
}

// The bytes of the word (a name, a number, a zone such as Europe/Moscow) that starts at `column`:
// most findings are about one word, and its length is the span an editor underlines. 0 where no
// word starts there (an operator, the end of a line).
int word_length(std::string_view line, int column) {
  const auto in_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '/' || c == '.' || c == '%';
  };
  if (column < 1) return 0;
  std::size_t end = static_cast<std::size_t>(column) - 1;
  while (end < line.size() && in_word(line[end]))
    ++end;
  return static_cast<int>(end - std::min(end, static_cast<std::size_t>(column) - 1));
}

std::string place(const diagnostic& d) {
  return d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": ";
}

}  // namespace

std::string diagnostics::render(const diagnostic& d, const render_options& options) {
  const styles& s = options.color ? coloured : plain;
  std::string out(s.bold);
  out += place(d);
  out += d.level == severity::error ? s.error : s.warning;
  out += d.level == severity::error ? "error: " : "warning: ";
  out += s.reset;
  out += s.bold;
  out += d.message;
  if (options.with_name && !d.name.empty()) out += " [" + d.name + "]";
  out += s.reset;
  // A fix-it is shown under the line when it edits that line alone; JSON and SARIF carry all.
  const fix_it* fix = nullptr;
  if (!d.fixes.empty() && d.fixes.front().line == d.line && d.fixes.front().end_line == d.line)
    fix = &d.fixes.front();
  if (!d.source_line.empty())
    append_line_with_caret(out, d.source_line, d.column, options.underline ? d.length : 0, fix, s);
  if (!d.note.empty()) {
    out += '\n';
    out += s.bold;
    out += place(d);
    out += s.note;
    out += "note: ";
    out += s.reset;
    out += d.note;
  }
  return out;
}

std::string format(const diagnostic& d) {
  return diagnostics::render(d, {});
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
  d.length = length > 0 ? length : word_length(line, at.column);
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
