// Declarations by name and their words (declarations.hpp).
#include "lsp/declarations.hpp"

#include <cstdio>

namespace tariff::lsp {

std::vector<item_in_list> items_named(const ast::module& m, std::string_view name) {
  std::vector<item_in_list> found;
  for (const ast::pricelist_decl& p : m.pricelists)
    for (const ast::item_decl& i : p.items)
      if (i.name.text == name) found.push_back({&p, &i});
  return found;
}

rule_place rule_named(const ast::module& m, std::string_view name) {
  const int count = static_cast<int>(m.rules.size());
  int index = 0;
  for (const ast::rule_or_group& r : m.rules) {
    ++index;
    if (const auto* single = std::get_if<ast::rule_decl>(&r)) {
      if (single->name.text == name) return {single, nullptr, index, count};
      continue;
    }
    const auto& group = std::get<ast::group_decl>(r);
    if (group.name.text == name) return {nullptr, &group, index, count};
    for (const ast::rule_decl& inner : group.rules)
      if (inner.name.text == name) return {&inner, &group, index, count};
  }
  return {};
}

const ast::table_decl* table_named(const ast::module& m, std::string_view name) {
  for (const ast::table_decl& t : m.tables)
    if (t.name.text == name) return &t;
  return nullptr;
}

const ast::window_decl* window_named(const ast::module& m, std::string_view name) {
  for (const ast::calendar_decl& c : m.calendars)
    for (const ast::window_decl& w : c.windows)
      if (w.name.text == name) return &w;
  return nullptr;
}

const ast::days_decl* day_set_named(const ast::module& m, std::string_view name) {
  for (const ast::calendar_decl& c : m.calendars)
    for (const ast::days_decl& d : c.day_sets)
      if (d.name.text == name) return &d;
  return nullptr;
}

const ast::season_decl* season_named(const ast::module& m, std::string_view name) {
  for (const ast::calendar_decl& c : m.calendars)
    for (const ast::season_decl& s : c.seasons)
      if (s.name.text == name) return &s;
  return nullptr;
}

const ast::attribute_decl* attribute_named(const ast::module& m, std::string_view key) {
  for (const ast::attribute_decl& a : m.attributes)
    if (std::string(to_string(a.scope)) + "." + a.name.text == key) return &a;
  return nullptr;
}

const std::vector<built_in_attribute>& built_in_attributes() {
  // The checker's built-ins (src/check/attributes.cpp), with the words docs/language.md uses.
  static const std::vector<built_in_attribute> list = {
      {"contract.year", "number"}, {"contract.start", "date"},
      {"contract.end", "date"},    {"contract.client_since", "date"},
      {"work.kind", "string"},     {"work.billable", "bool"},
      {"work.date", "date"},       {"work.duration", "duration"},
  };
  return list;
}

std::string clock_text(std::chrono::minutes m) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(m.count() / 60),
                static_cast<int>(m.count() % 60));
  return text;
}

std::string quantity_text(const ast::quantity& q) {
  if (q.unit.empty()) return q.amount.to_string();  // a count in the items' own unit
  if (q.unit == "h" || q.unit == "min") return q.amount.to_string() + q.unit;
  return q.amount.to_string() + " " + q.unit;
}

}  // namespace tariff::lsp
