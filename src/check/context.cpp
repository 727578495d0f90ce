#include "check/context.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_set>

#include "check/work_count.hpp"

namespace tariff::check_stage {

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

namespace {

// The list `name` names as a base seen from `self`, if its chain can be walked: not `self` (a
// chain that comes back to it), not a broken chain.
const pricelist_family* walkable_base(const context& ctx, const pricelist_family& self,
                                      std::string_view name) {
  const pricelist_family* base = ctx.find_pricelist(name);
  if (base == nullptr || base == &self || base->chain_broken) return nullptr;
  return base;
}

// The base of `list` on its chain, or null at the chain's top (or a list that comes back to
// `self`). An unbroken chain is at most the limit long, so the walks below end quickly.
const pricelist_family* next_base(const context& ctx, const pricelist_family& self,
                                  const pricelist_family& list) {
  work_count::add();
  if (!list.base_known) return nullptr;
  const pricelist_family* base = ctx.find_pricelist(list.base->text);
  return base == &self ? nullptr : base;
}

const item_info* own_item(const pricelist_family& list, std::string_view name) {
  const auto found = list.own_index.find(name);
  return found == list.own_index.end() ? nullptr : &list.own_items[found->second];
}

}  // namespace

const item_info* context::inherited_item(const pricelist_family& self, std::string_view base,
                                         std::string_view name) const {
  for (const pricelist_family* list = walkable_base(*this, self, base); list != nullptr;
       list = next_base(*this, self, *list))
    if (const item_info* item = own_item(*list, name)) return item;
  return nullptr;
}

const item_info* context::visible_item(const pricelist_family& list, std::string_view name) const {
  work_count::add();
  if (const item_info* item = own_item(list, name)) return item;
  if (!list.base_known) return nullptr;
  return inherited_item(list, list.base->text, name);
}

std::vector<std::string> context::inherited_names(const pricelist_family& self,
                                                  std::string_view base) const {
  std::vector<std::string> names;
  std::unordered_set<std::string_view> seen;
  for (const pricelist_family* list = walkable_base(*this, self, base); list != nullptr;
       list = next_base(*this, self, *list))
    for (const item_info& item : list->own_items)
      if (seen.insert(item.name).second) names.push_back(item.name);
  return names;
}

std::vector<std::string> context::visible_names(const pricelist_family& list) const {
  std::vector<std::string> names;
  for (const item_info& item : list.own_items)
    names.push_back(item.name);
  if (!list.base_known) return names;
  // Views of the list's own items, not of `names`, whose strings move as it grows.
  std::unordered_set<std::string_view> own;
  for (const item_info& item : list.own_items)
    own.insert(item.name);
  for (std::string& name : inherited_names(list, list.base->text))
    if (!own.contains(name)) names.push_back(std::move(name));
  return names;
}

std::vector<std::string> context::all_item_names() const {
  std::vector<std::string> names;
  std::unordered_set<std::string_view> seen;
  for (const pricelist_family& list : pricelists)
    for (const item_info& item : list.own_items)
      if (seen.insert(item.name).second) names.push_back(item.name);
  // Items of a price list lost to a syntax error are still suggested for a misspelt one.
  for (const auto& [kind, name] : module.lost_names)
    if (kind == "item" && seen.insert(name).second) names.push_back(name);
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

}  // namespace tariff::check_stage
