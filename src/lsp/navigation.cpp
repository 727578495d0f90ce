// textDocument/definition and textDocument/references: the declarations of the name at the
// cursor, and every place it is written. Names are the file's own; an item is declared by each
// price list version that declares it (not by an override, which is a use).
#include "lsp/capabilities.hpp"

namespace tariff::lsp {
namespace {

using json = nlohmann::json;

json location(session& s, const document& d, const occurrence& o) {
  return {{"uri", d.uri}, {"range", to_json(s.range_of(d, o.at, o.length))}};
}

const occurrence* at_cursor(session& s, const document& d, const json& params) {
  const ast::position place = s.place_of(d, position_from_json(params.at("position")));
  return s.analysis_of(d).symbols().at(place.line, place.column);
}

}  // namespace

json definition(session& s, const json& params) {
  const document& d = s.document_of(params);
  const occurrence* o = at_cursor(s, d, params);
  if (o == nullptr) return nullptr;
  json found = json::array();
  for (const occurrence* each : s.analysis_of(d).symbols().find(o->kind, o->name))
    if (each->declaration) found.push_back(location(s, d, *each));
  if (found.empty()) return nullptr;
  return found;
}

json references(session& s, const json& params) {
  const document& d = s.document_of(params);
  const occurrence* o = at_cursor(s, d, params);
  if (o == nullptr) return nullptr;
  bool with_declaration = true;
  if (const auto c = params.find("context"); c != params.end())
    with_declaration = c->value("includeDeclaration", true);
  json found = json::array();
  for (const occurrence* each : s.analysis_of(d).symbols().find(o->kind, o->name))
    if (with_declaration || !each->declaration) found.push_back(location(s, d, *each));
  return found;
}

}  // namespace tariff::lsp
