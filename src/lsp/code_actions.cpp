// textDocument/codeAction: a quick fix for each fix-it of each diagnostic in the request's
// context ("did you mean 'visit'?" becomes "Replace 'vist' with 'visit'"). The fix-its travel in
// the published diagnostic's `data` (diagnostics.cpp), so the action is the one the client
// shows the diagnostic for, even if the document has changed since; a client that drops `data`
// gets the fix-its of the same diagnostic in the current version.
#include "lsp/capabilities.hpp"

namespace tariff::lsp {
namespace {

using json = nlohmann::json;

std::string title_of(const document& d, const text_range& range, const std::string& text,
                     position_encoding encoding) {
  const std::size_t begin = d.lines.offset(d.text, range.start, encoding);
  const std::size_t end = std::max(begin, d.lines.offset(d.text, range.end, encoding));
  const std::string old_text = d.text.substr(begin, end - begin);
  if (old_text.empty()) return "Insert '" + text + "'";
  if (text.empty()) return "Remove '" + old_text + "'";
  return "Replace '" + old_text + "' with '" + text + "'";
}

// The diagnostic's fix-its: those it carries in `data`, or, from a client that does not keep
// `data`, those of the same diagnostic (same range and message) as the server published it for
// the document's current version.
json fixes_of(session& s, const document& d, const json& diagnostic) {
  const auto data = diagnostic.find("data");
  if (data != diagnostic.end() && data->is_object() && data->contains("fixes"))
    return data->at("fixes");
  const json published = diagnostics_of(s, d).at("diagnostics");
  for (const json& p : published)
    if (p.at("range") == diagnostic.at("range") && p.at("message") == diagnostic.at("message") &&
        p.contains("data"))
      return p["data"]["fixes"];
  return json::array();
}

}  // namespace

json code_actions(session& s, const json& params) {
  const document& d = s.document_of(params);
  json actions = json::array();
  for (const json& diagnostic : params.at("context").at("diagnostics")) {
    const json fixes = fixes_of(s, d, diagnostic);
    for (const json& fix : fixes) {
      const text_range range = range_from_json(fix.at("range"));
      const std::string& text = fix.at("newText").get_ref<const std::string&>();
      actions.push_back({
          {"title", title_of(d, range, text, s.encoding)},
          {"kind", "quickfix"},
          {"diagnostics", json::array({diagnostic})},
          {"isPreferred", fixes.size() == 1},
          {"edit",
           {{"changes", {{d.uri, json::array({{{"range", to_json(range)}, {"newText", text}}})}}}}},
      });
    }
  }
  return actions;
}

}  // namespace tariff::lsp
