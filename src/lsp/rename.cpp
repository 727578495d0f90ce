// textDocument/prepareRename and textDocument/rename. Only names local to the file are renamed:
// rules, groups, tables, windows, day sets and seasons. Items, plans and price lists are refused
// with the reason (contracts, work files and stored billing states name them, and would silently
// stop matching); so are attributes, taxes and pay blocks, which hosts and statements name.
#include <algorithm>

#include "grammar/tariff_grammar.hpp"
#include "lsp/capabilities.hpp"

namespace tariff::lsp {
namespace {

using json = nlohmann::json;

// Why a name of this kind is not renamed, or empty when it may be.
std::string refusal(const occurrence& o) {
  const std::string what = std::string(to_string(o.kind)) + " '" + o.name + "'";
  switch (o.kind) {
    case symbol_kind::rule:
    case symbol_kind::group:
    case symbol_kind::table:
    case symbol_kind::window:
    case symbol_kind::day_set:
    case symbol_kind::season:
      return {};
    case symbol_kind::item:
      return "the item '" + o.name +
             "' is not renamed: contracts, work files and stored billing states name items by "
             "their code and would no longer match";
    case symbol_kind::plan:
      return "the plan '" + o.name +
             "' is not renamed: contracts name their plan and stored billing states record it";
    case symbol_kind::pricelist:
      return "the price list '" + o.name +
             "' is not renamed: contracts may name a price list and priced lines and stored "
             "states record the one that priced them";
    case symbol_kind::attribute:
      return "the attribute '" + o.name +
             "' is not renamed: contracts, clients, sites and work lines give attributes by name";
    default:
      return "the " + what +
             " is not renamed: only names local to the file are (rules, groups, tables, windows, "
             "day sets, seasons)";
  }
}

// The kinds whose names one name may not take twice: rules and groups share names (the trace
// names them), and so do windows, day sets and seasons (a segment's labels name them).
std::vector<symbol_kind> sharing_names(symbol_kind kind) {
  switch (kind) {
    case symbol_kind::rule:
    case symbol_kind::group:
      return {symbol_kind::rule, symbol_kind::group};
    case symbol_kind::window:
    case symbol_kind::day_set:
    case symbol_kind::season:
      return {symbol_kind::window, symbol_kind::day_set, symbol_kind::season};
    default:
      return {kind};
  }
}

// A lowercase letter, then lowercase letters, digits and '_' (the grammar's `name`, reserved
// words aside).
bool is_name_form(std::string_view text) {
  if (text.empty() || text.front() < 'a' || text.front() > 'z') return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

const occurrence& renamable_at(session& s, const document& d, const json& params) {
  const ast::position place = s.place_of(d, position_from_json(params.at("position")));
  const occurrence* o = s.analysis_of(d).symbols().at(place.line, place.column);
  if (o == nullptr) throw rpc_error(error_code::request_failed, "no name to rename here");
  if (const std::string why = refusal(*o); !why.empty())
    throw rpc_error(error_code::request_failed, why);
  return *o;
}

}  // namespace

json prepare_rename(session& s, const json& params) {
  const document& d = s.document_of(params);
  const occurrence& o = renamable_at(s, d, params);
  return {{"range", to_json(s.range_of(d, o.at, o.length))}, {"placeholder", o.name}};
}

json rename(session& s, const json& params) {
  const document& d = s.document_of(params);
  const std::string new_name = params.at("newName").get<std::string>();
  const occurrence& o = renamable_at(s, d, params);
  const auto& reserved = grammar::keyword::words;
  if (!is_name_form(new_name))
    throw rpc_error(error_code::request_failed,
                    "'" + new_name +
                        "' is not a name: a lowercase letter, then lowercase "
                        "letters, digits and '_'");
  if (std::binary_search(reserved.begin(), reserved.end(), std::string_view(new_name)))
    throw rpc_error(error_code::request_failed, "'" + new_name + "' is a reserved word");
  if (o.kind == symbol_kind::table &&
      (new_name == "price" || new_name == "base" || new_name == "cost" || new_name == "quantity"))
    throw rpc_error(error_code::request_failed,
                    "'" + new_name +
                        "' is a built-in name: a table of that name could not be "
                        "looked up");
  const symbol_index& symbols = s.analysis_of(d).symbols();
  if (new_name != o.name)
    for (symbol_kind k : sharing_names(o.kind))
      if (symbols.declared(k, new_name))
        throw rpc_error(error_code::request_failed,
                        "a " + std::string(to_string(k)) + " is already named '" + new_name + "'");
  json edits = json::array();
  for (const occurrence* each : symbols.find(o.kind, o.name))
    edits.push_back(
        {{"range", to_json(s.range_of(d, each->at, each->length))}, {"newText", new_name}});
  return {{"changes", {{d.uri, edits}}}};
}

}  // namespace tariff::lsp
