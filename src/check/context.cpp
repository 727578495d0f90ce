#include "check/context.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_set>

namespace tariff::checker {

std::optional<ast::position> name_table::add(const std::string& name, ast::position at) {
  auto [it, inserted] = first_.emplace(name, at);
  if (!inserted) return it->second;
  order_.push_back(name);
  return std::nullopt;
}

const pricelist_family* context::find_pricelist(std::string_view name) const {
  auto found = pricelist_index.find(name);
  return found == pricelist_index.end() ? nullptr : &pricelists[found->second];
}

std::vector<item_info> context::inherited_items(const pricelist_family& list) const {
  if (!list.base_known) return {};
  return items_of_chain(list.base->text, list.name);
}

std::vector<item_info> context::items_of_chain(std::string_view base_name,
                                               std::string_view self) const {
  std::vector<item_info> items;
  std::set<std::string, std::less<>> lists_seen{std::string(self)};  // a cycle must not loop
  std::set<std::string, std::less<>> items_seen;
  const pricelist_family* base = find_pricelist(base_name);
  while (base != nullptr && lists_seen.insert(base->name).second) {
    for (const item_info& item : base->own_items)
      if (items_seen.insert(item.name).second) items.push_back(item);
    base = base->base_known ? find_pricelist(base->base->text) : nullptr;
  }
  return items;
}

std::vector<item_info> context::visible_items(const pricelist_family& list) const {
  std::vector<item_info> items = list.own_items;
  std::unordered_set<std::string> own;
  for (const item_info& item : items)
    own.insert(item.name);
  for (item_info& inherited : inherited_items(list))
    if (!own.contains(inherited.name)) items.push_back(std::move(inherited));
  return items;
}

std::vector<std::string> context::all_item_names() const {
  std::vector<std::string> names;
  std::unordered_set<std::string_view> seen;
  for (const pricelist_family& list : pricelists)
    for (const item_info& item : list.own_items)
      if (seen.insert(item.name).second) names.push_back(item.name);
  return names;
}

std::vector<ast::item_unit> context::units_of_item(std::string_view name) const {
  std::vector<ast::item_unit> units;
  for (const pricelist_family& list : pricelists)
    for (const item_info& item : list.own_items)
      if (item.name == name && item.unit) units.push_back(*item.unit);
  return units;
}

std::string where(ast::position at) {
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

ast::position start_of(const ast::expression& e) {
  const ast::expression* first = &e;
  while (const auto* c = std::get_if<ast::chain>(&first->node))
    first = c->first.get();
  return first->at;
}

ast::position or_else(ast::position precise, ast::position fallback) {
  return precise.line > 0 ? precise : fallback;
}

std::string scope_name(ast::attribute_scope s) {
  return ast::to_string(s);
}

std::string attribute_key(ast::attribute_scope s, std::string_view name) {
  return scope_name(s) + "." + std::string(name);
}

std::string unit_name(ast::item_unit u) {
  return ast::to_string(u);
}

bool is_time_unit(ast::item_unit u) {
  return u == ast::item_unit::hour || u == ast::item_unit::minute || u == ast::item_unit::day;
}

std::string format_minutes(std::chrono::minutes m) {
  const long long total = m.count();
  char text[32];
  std::snprintf(text, sizeof text, "%02lld:%02lld", total / 60, total % 60);
  return text;
}

std::string period_name(ast::period_kind p) {
  return ast::to_string(p);
}

}  // namespace tariff::checker
