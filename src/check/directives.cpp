#include "check/directives.hpp"

#include <algorithm>
#include <string>

#include "diagnostics/nearest.hpp"

namespace tariff::check_stage {
namespace {

// Where the comment of a line starts: the first '#' outside a string, or npos.
std::size_t comment_start(std::string_view line) {
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && in_string) {
      ++i;
    } else if (line[i] == '"') {
      in_string = !in_string;
    } else if (line[i] == '#' && !in_string) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string> warning_names() {
  std::vector<std::string> names;
  for (const diagnostics::code_info& row : diagnostics::all_codes())
    if (row.level == severity::warning) names.emplace_back(row.name);
  return names;
}

}  // namespace

directives::directives(std::string_view source, diagnostics::diagnostic_sink& sink) {
  int line_number = 0;
  for (std::size_t begin = 0; begin <= source.size();) {
    std::size_t end = source.find('\n', begin);
    if (end == std::string_view::npos) end = source.size();
    const std::string_view line = source.substr(begin, end - begin);
    ++line_number;
    begin = end + 1;
    const std::size_t hash = comment_start(line);
    if (hash == std::string_view::npos || line.substr(hash, 2) != "#@") continue;
    const auto column = [&](std::size_t at) { return static_cast<int>(at) + 1; };
    std::string_view text = line.substr(hash + 2);
    const std::string_view body = trim(text);
    if (!body.starts_with("allow ") && body != "allow") {
      sink.report(diagnostics::code::unknown_directive, {line_number, column(hash)},
                  "unknown directive '#@ " + std::string(body.substr(0, body.find(' '))) +
                      "'; the one directive is '#@ allow NAME'");
      continue;
    }
    // A directive alone on its line covers the next line; one after code, its own.
    const int covered = trim(line.substr(0, hash)).empty() ? line_number + 1 : line_number;
    // The names, separated by commas, each where it is written (for its own diagnostic).
    std::size_t at = hash + 2 + static_cast<std::size_t>(body.data() - text.data()) + 5;
    while (at < line.size()) {
      std::size_t comma = line.find(',', at);
      if (comma == std::string_view::npos) comma = line.size();
      const std::string_view raw = line.substr(at, comma - at);
      const std::string_view name = trim(raw);
      const std::size_t name_at = at + static_cast<std::size_t>(name.data() - raw.data());
      at = comma + 1;
      if (name.empty()) continue;
      const diagnostics::code_info* row = diagnostics::find_code(name);
      if (row != nullptr && row->level == severity::warning) {
        allows_.push_back({covered, std::string(name)});
        continue;
      }
      std::string message =
          row != nullptr ? "'" + std::string(name) + "' is an error; only warnings can be allowed"
                         : "unknown warning name '" + std::string(name) + "'";
      const std::vector<std::string> candidates = warning_names();
      std::optional<std::string> guess;
      if (row == nullptr && (guess = diagnostics::closest(name, candidates)))
        message += "; did you mean '" + *guess + "'?";
      diagnostic& d =
          sink.report(diagnostics::code::unknown_diagnostic_name, {line_number, column(name_at)},
                      std::move(message), static_cast<int>(name.size()));
      if (guess)
        d.fixes.push_back({.line = line_number,
                           .column = column(name_at),
                           .end_line = line_number,
                           .end_column = column(name_at + name.size()),
                           .replacement = *guess});
    }
  }
}

std::vector<diagnostic> directives::filter(std::vector<diagnostic> found) const {
  if (allows_.empty()) return found;
  std::erase_if(found, [&](const diagnostic& d) {
    return d.level == severity::warning &&
           std::any_of(allows_.begin(), allows_.end(),
                       [&](const allow& a) { return a.name == d.name && a.line == d.line; });
  });
  return found;
}

}  // namespace tariff::check_stage
