// textDocument/publishDiagnostics: the diagnostics `tariff check` prints, placed in LSP ranges,
// with their stable name as `code` and their fix-its kept in `data` for code actions.
#include <cctype>

#include "lsp/capabilities.hpp"

namespace tariff::lsp {
namespace {

bool name_character(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.';
}

// The bytes a finding spans: its own length, else the name or number that starts there, else
// one character, so that an editor has something to underline.
int span_of(const document& d, const diagnostic& found) {
  if (found.length > 0) return found.length;
  const std::string_view line = d.lines.line(d.text, found.line - 1);
  auto i = static_cast<std::size_t>(std::max(found.column, 1) - 1);
  const std::size_t start = i;
  while (i < line.size() && name_character(line[i]))
    ++i;
  if (i > start) return static_cast<int>(i - start);
  return start < line.size() ? 1 : 0;
}

}  // namespace

nlohmann::json diagnostics_of(session& s, const document& d) {
  nlohmann::json list = nlohmann::json::array();
  for (const diagnostic& found : s.analysis_of(d).diagnostics()) {
    std::string message = found.message;
    if (!found.note.empty()) message += "\nnote: " + found.note;
    nlohmann::json item = {
        {"range", to_json(s.range_of(d, {found.line, found.column}, span_of(d, found)))},
        {"severity", found.level == severity::error ? 1 : 2},
        {"source", "tariff"},
        {"message", message},
    };
    if (!found.name.empty()) item["code"] = found.name;
    if (!found.fixes.empty()) {
      nlohmann::json fixes = nlohmann::json::array();
      for (const fix_it& f : found.fixes) {
        const text_position start = d.lines.from_source(d.text, f.line, f.column, s.encoding);
        const text_position end = d.lines.from_source(d.text, f.end_line, f.end_column, s.encoding);
        fixes.push_back({{"range", to_json(text_range{start, end})}, {"newText", f.replacement}});
      }
      item["data"] = {{"fixes", fixes}};
    }
    list.push_back(std::move(item));
  }
  return {{"uri", d.uri}, {"version", d.version}, {"diagnostics", list}};
}

}  // namespace tariff::lsp
