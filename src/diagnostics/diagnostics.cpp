// Formatting of diagnostics and the sink that collects them.
#include <algorithm>

#include <tariff/diagnostics.hpp>

#include "diagnostics/sink.hpp"

namespace tariff {

std::string format(const diagnostic& d) {
  std::string out = d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                    (d.level == severity::error ? "error: " : "warning: ") + d.message;
  if (!d.source_line.empty()) {
    out += "\n  " + d.source_line + "\n  ";
    // Keep tabs under tabs so the caret lines up whatever the tab width.
    for (int i = 0; i + 1 < d.column && i < static_cast<int>(d.source_line.size()); ++i)
      out += d.source_line[static_cast<std::size_t>(i)] == '\t' ? '\t' : ' ';
    out += '^';
  }
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

void diagnostic_sink::add(severity level, ast::position at, std::string message) {
  if (level == severity::error) ++errors_;
  diagnostics_.push_back(
      {level, file_, at.line, at.column, std::move(message), std::string(line_text(at.line))});
}

std::string_view diagnostic_sink::line_text(int line) const {
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
  return text;
}

std::vector<diagnostic> diagnostic_sink::take() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const diagnostic& a, const diagnostic& b) {
                     return a.line != b.line ? a.line < b.line : a.column < b.column;
                   });
  errors_ = 0;
  return std::move(diagnostics_);
}

}  // namespace tariff
