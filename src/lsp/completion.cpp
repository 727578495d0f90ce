// textDocument/completion: what may be written at the cursor, read from the words before it on
// its line (the grammar's contexts, docs/language.md): a unit after an item's `per`, a period
// after a plan's `per` or `period`, a window after `in`, a day set after `on`, a season after
// `during`, a rounding mode after a rounding step, an attribute after `site.`, items in a `for`,
// `catalogue` or `includes` list, a type after an attribute's `:`, declaration keywords at the
// start of a line, and the names an expression may read after `:` or `when`.
#include <regex>

#include "lsp/capabilities.hpp"
#include "lsp/declarations.hpp"

namespace tariff::lsp {
namespace {

using json = nlohmann::json;

// CompletionItemKind of the specification.
enum kind : int {
  function_kind = 3,
  variable_kind = 6,
  module_kind = 9,
  property_kind = 10,
  unit_kind = 11,
  value_kind = 12,
  keyword_kind = 14,
  enum_member_kind = 20,
  constant_kind = 21,
  struct_kind = 22,
};

class collector {
 public:
  void add(const std::string& label, int kind, const std::string& detail) {
    for (const json& i : items_)
      if (i["label"] == label) return;
    items_.push_back({{"label", label}, {"kind", kind}, {"detail", detail}});
  }
  void words(std::initializer_list<const char*> labels, int kind, const std::string& detail) {
    for (const char* label : labels)
      add(label, kind, detail);
  }
  json result() { return {{"isIncomplete", false}, {"items", std::move(items_)}}; }

 private:
  json items_ = json::array();
};

void items(collector& c, const ast::module& m) {
  for (const ast::pricelist_decl& p : m.pricelists)
    for (const ast::item_decl& i : p.items)
      if (!i.is_override)
        c.add(i.name.text, value_kind, "item" + (i.title.empty() ? "" : " \"" + i.title + "\""));
}

void windows(collector& c, const ast::module& m) {
  for (const ast::calendar_decl& cal : m.calendars)
    for (const ast::window_decl& w : cal.windows)
      c.add(w.name.text, constant_kind,
            "window " + clock_text(w.start) + " .. " + clock_text(w.end));
}

void day_sets(collector& c, const ast::module& m) {
  for (const ast::calendar_decl& cal : m.calendars)
    for (const ast::days_decl& d : cal.day_sets)
      c.add(d.name.text, constant_kind, "days");
  c.add("holiday", keyword_kind, "a holiday of the calendar");
}

void seasons(collector& c, const ast::module& m) {
  for (const ast::calendar_decl& cal : m.calendars)
    for (const ast::season_decl& s : cal.seasons)
      c.add(s.name.text, constant_kind, "season");
}

void attributes(collector& c, const ast::module& m, const std::string& scope) {
  for (const ast::attribute_decl& a : m.attributes)
    if (scope.empty() || to_string(a.scope) == scope)
      c.add(scope.empty() ? std::string(to_string(a.scope)) + "." + a.name.text : a.name.text,
            property_kind, std::string("attribute : ") + to_string(a.type));
  for (const built_in_attribute& b : built_in_attributes()) {
    const std::string_view key = b.key;
    const std::size_t dot = key.find('.');
    if (scope.empty())
      c.add(b.key, property_kind, std::string("attribute : ") + b.type + " (built in)");
    else if (key.substr(0, dot) == scope)
      c.add(std::string(key.substr(dot + 1)), property_kind,
            std::string("attribute : ") + b.type + " (built in)");
  }
}

void expression_names(collector& c, const ast::module& m) {
  for (const ast::table_decl& t : m.tables)
    c.add(t.name.text, struct_kind, "table");
  c.add("price", variable_kind, "money: the price per unit so far");
  c.add("base", variable_kind, "money: the starting price per unit");
  c.add("cost", variable_kind, "money: the item's cost price per unit");
  c.add("quantity", variable_kind, "number: the line's billed quantity");
  c.words({"min", "max"}, function_kind, "function");
  c.words({"and", "or", "not", "in", "on", "during", "round", "true", "false"}, keyword_kind,
          "keyword");
  attributes(c, m, "");
}

void declaration_keywords(collector& c) {
  c.words({"tariff", "rounding", "calendar", "attribute", "table", "pricelist", "rule", "group",
           "plan", "tax", "pay", "migrate"},
          keyword_kind, "declaration");
}

void entry_keywords(collector& c) {
  c.words({"item", "timezone", "window", "days", "holidays", "season", "rule", "pricelist", "fee",
           "includes", "catalogue", "period", "order", "prepaid", "late", "rate", "exempt"},
          keyword_kind, "keyword");
}

bool matches(const std::string& text, const char* pattern) {
  return std::regex_search(text, std::regex(pattern));
}

}  // namespace

json completion(session& s, const json& params) {
  const document& d = s.document_of(params);
  const ast::position place = s.place_of(d, position_from_json(params.at("position")));
  const std::string_view line = d.lines.line(d.text, place.line - 1);
  std::string_view before_cursor =
      line.substr(0, std::min(line.size(), static_cast<std::size_t>(place.column - 1)));
  // The context is in the last few words. std::regex recurses once per character it repeats
  // over, so a line of megabytes (hostile or generated) would overflow the stack: the
  // expressions below read at most the last 256 bytes of a line longer than 1024.
  if (before_cursor.size() > 1024) before_cursor.remove_prefix(before_cursor.size() - 256);
  const std::string prefix(before_cursor);
  const ast::module& m = s.analysis_of(d).module();
  collector c;

  std::smatch scoped;
  static const std::regex attribute_scope(R"((contract|client|site|work)\.[a-z0-9_]*$)");
  if (std::regex_search(prefix, scoped, attribute_scope)) {
    attributes(c, m, scoped[1]);
    return c.result();
  }
  // The words before the one being typed.
  static const std::regex partial(R"([a-z0-9_]*$)");
  std::string before = std::regex_replace(prefix, partial, "");
  while (!before.empty() && (before.back() == ' ' || before.back() == '\t'))
    before.pop_back();
  std::string last = before;
  if (const std::size_t space = before.find_last_of(" \t"); space != std::string::npos)
    last = before.substr(space + 1);
  const std::string trimmed = std::regex_replace(prefix, std::regex(R"(^\s+)"), "");

  if (before.empty()) {
    if (prefix.empty() || (prefix[0] != ' ' && prefix[0] != '\t'))
      declaration_keywords(c);
    else
      entry_keywords(c);
  } else if (last == "per") {
    if (matches(trimmed, R"(^(item\s|[a-z0-9_]+\s+"))") || matches(before, R"(\bstarted\s)")) {
      if (matches(before, R"(\bstarted\s)"))
        c.words({"segment", "line"}, enum_member_kind, "billing step per");
      else
        c.words({"hour", "minute", "day", "month", "visit", "piece", "km", "kg", "m2", "m3"},
                unit_kind, "unit");
    } else {
      c.words({"month", "quarter", "year"}, enum_member_kind, "period");
    }
  } else if (last == "period") {
    c.words({"month", "quarter", "year"}, enum_member_kind, "period");
  } else if (last == "in") {
    windows(c, m);
  } else if (last == "on") {
    day_sets(c, m);
  } else if (last == "during") {
    seasons(c, m);
  } else if (last == "stack") {
    c.words({"multiply", "largest", "add"}, enum_member_kind, "stacking");
  } else if (last == "tiers") {
    c.words({"graduated", "volume", "package", "percentage"}, enum_member_kind, "tier kind");
  } else if (last == "order") {
    c.words({"work", "cheapest", "dearest"}, enum_member_kind, "allowance order");
  } else if (last == "rounding") {
    c.words({"segment", "line", "statement"}, enum_member_kind, "rounding point");
  } else if (matches(before, R"((\brounding\s+(segment|line|statement)|\bround)\s+[0-9.]+$)")) {
    c.words({"half_even", "half_up", "half_down", "up", "down", "ceiling", "floor"},
            enum_member_kind, "rounding mode");
  } else if (last == "extends" || (last == "pricelist" && !trimmed.starts_with("pricelist"))) {
    for (const ast::pricelist_decl& p : m.pricelists)
      c.add(p.name.text, module_kind, "price list");
  } else if (last == ":" && trimmed.starts_with("attribute")) {
    c.words({"string", "number", "money", "percent", "bool", "date"}, enum_member_kind, "type");
  } else if (matches(before, R"(\bfor(\s+[a-z0-9_,\s]*)?$)") ||
             matches(before, R"(\bcatalogue(\s+[a-z0-9_,\s]*)?$)") ||
             matches(before, R"(\bincludes\s+[0-9.]+(h|min)?$)") ||
             matches(before, R"(\bincludes\s+[0-9.]+(h|min)?\s+[a-z0-9_,\s]*,$)")) {
    items(c, m);
  } else if (matches(before, R"((:|\bwhen|\bexempt when)\s*.*$)") &&
             (matches(trimmed, R"(^(rule|table|attribute)\b)") || matches(before, R"(\bwhen\b)"))) {
    expression_names(c, m);
  } else {
    declaration_keywords(c);
    expression_names(c, m);
  }
  return c.result();
}

}  // namespace tariff::lsp
