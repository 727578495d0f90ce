// textDocument/hover: what a name stands for, in the language's words. An item: its unit,
// price, cost and billing step in each price-list version; a rule: its items, condition, value and
// place in the written order (and its group's stacking); a table: its key and entries; an
// attribute: its type and default; a window: its hours; a day set, a season; a plan: its price
// list, fees, allowances and catalogue; a price list: its versions; an explain comment:
// the sample line priced rule by rule (explain.cpp).
#include <algorithm>

#include <tariff/calendar.hpp>

#include "check/print.hpp"
#include "lsp/capabilities.hpp"
#include "lsp/declarations.hpp"

namespace tariff::lsp {
namespace {

using json = nlohmann::json;

std::string code(const std::string& text) {
  return "`" + text + "`";
}

std::string item_text(const ast::module& m, const std::string& name) {
  const std::vector<item_in_list> found = items_named(m, name);
  std::string title;
  std::string unit;
  for (const item_in_list& f : found)
    if (!f.item->is_override) {
      if (title.empty()) title = f.item->title;
      if (unit.empty() && f.item->unit) unit = to_string(*f.item->unit);
    }
  std::string text = "**item** " + code(name);
  if (!title.empty()) text += " \"" + title + "\"";
  if (!unit.empty()) text += ", per " + unit;
  text += "\n\n| price list | price | cost | billing step |\n| --- | --- | --- | --- |\n";
  for (const item_in_list& f : found) {
    std::string list = code(f.list->name.text);
    if (f.list->effective) list += " from " + format_date(*f.list->effective);
    if (f.item->is_override) list += " (override)";
    const ast::item_decl& i = *f.item;
    std::string step = "—";
    if (i.step) {
      step = "started " + quantity_text(i.step->step);
      if (i.step->per_segment) step += " per segment";
    }
    if (i.minimum) step += ", minimum " + quantity_text(*i.minimum);
    text += "| " + list + " | " + (i.price ? i.price->to_string() : "—") + " | " +
            (i.cost ? i.cost->to_string() : "—") + " | " + step + " |\n";
  }
  return text;
}

std::string rule_text(const ast::module& m, const std::string& name) {
  const rule_place place = rule_named(m, name);
  std::string order = "rule " + std::to_string(place.index) + " of " + std::to_string(place.count) +
                      " in written order";
  if (place.rule == nullptr && place.group != nullptr) {
    std::string text = "**group** " + code(name) + ", stack " + to_string(place.group->stack) +
                       ": its rules' factors combine into one change of the price\n\n";
    text += "Place: " + order + "; each rule sees the price the one before it made.\n\nRules:";
    for (const ast::rule_decl& r : place.group->rules)
      text += " " + code(r.name.text);
    return text + "\n";
  }
  if (place.rule == nullptr) return {};
  const ast::rule_decl& r = *place.rule;
  std::string text = "**rule** " + code(name) + "\n\n";
  text += "- for: ";
  if (r.items.empty()) text += "every item";
  for (std::size_t i = 0; i < r.items.size(); ++i)
    text += (i > 0 ? ", " : "") + code(r.items[i].text);
  text += "\n- when: " + (r.condition ? code(check_stage::to_text(*r.condition)) : "always");
  text += "\n- value: " + code(check_stage::to_text(r.value));
  text += "\n- place: " + order;
  if (place.group != nullptr)
    text += ", in group " + code(place.group->name.text) + " (stack " +
            to_string(place.group->stack) + ")";
  return text + "; each rule sees the price the one before it made\n";
}

std::string table_text(const ast::module& m, const std::string& name) {
  const ast::table_decl* t = table_named(m, name);
  if (t == nullptr) return {};
  std::string text = "**table** " + code(name) + " by " + code(check_stage::to_text(t->key)) +
                     "\n\n| key | value |\n| --- | --- |\n";
  for (const ast::table_entry& e : t->entries) {
    std::string key;
    switch (e.kind) {
      case ast::table_key_kind::string:
        key = "\"" + e.text + "\"";
        break;
      case ast::table_key_kind::integer:
        key = std::to_string(e.low);
        break;
      case ast::table_key_kind::range:
        key = std::to_string(e.low) + ".." + (e.high ? std::to_string(*e.high) : "");
        break;
      case ast::table_key_kind::otherwise:
        key = "else";
        break;
    }
    text += "| " + key + " | " + check_stage::to_text(e.value) + " |\n";
  }
  return text;
}

std::string attribute_text(const ast::module& m, const std::string& key) {
  if (const ast::attribute_decl* a = attribute_named(m, key)) {
    std::string text = "**attribute** " + code(key) + " : " + to_string(a->type);
    text += a->default_value ? ", default " + code(check_stage::to_text(*a->default_value))
                             : ", no default: every contract, client, site or line must give it";
    return text + "\n";
  }
  for (const built_in_attribute& b : built_in_attributes())
    if (key == b.key) return "**attribute** " + code(key) + " : " + b.type + " (built in)\n";
  return {};
}

std::string window_text(const ast::module& m, const std::string& name) {
  const ast::window_decl* w = window_named(m, name);
  if (w == nullptr) return {};
  std::string text =
      "**window** " + code(name) + " " + clock_text(w->start) + " .. " + clock_text(w->end);
  if (w->end <= w->start) text += " (crosses midnight)";
  return text + ", in the site's local time\n";
}

std::string day_set_text(const ast::module& m, const std::string& name) {
  const ast::days_decl* d = day_set_named(m, name);
  if (d == nullptr) return {};
  static constexpr const char* names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  std::string text = "**days** " + code(name) + ":";
  for (std::size_t i = 0; i < d->days.size(); ++i)
    text += std::string(i > 0 ? ", " : " ") + names[d->days[i].c_encoding() % 7];
  return text + "\n";
}

std::string season_text(const ast::module& m, const std::string& name) {
  const ast::season_decl* s = season_named(m, name);
  if (s == nullptr) return {};
  return "**season** " + code(name) + " " + format_date(s->first) + " .. " + format_date(s->last) +
         "\n";
}

std::string plan_text(const ast::module& m, const std::string& name) {
  const auto found = std::find_if(m.plans.begin(), m.plans.end(),
                                  [&](const ast::plan_decl& p) { return p.name.text == name; });
  if (found == m.plans.end()) return {};
  const ast::plan_decl& p = *found;
  std::string text = "**plan** " + code(name);
  if (p.pricelist) text += ", price list " + code(p.pricelist->text);
  if (p.period) text += ", period " + std::string(to_string(*p.period));
  text += "\n";
  for (const ast::fee_decl& f : p.fees) {
    text += "\n- fee " + (f.name ? code(f.name->text) + " " : "") + f.amount.to_string() + " per ";
    text += f.per_unit
                ? std::string(to_string(f.per_unit->scope)) + "." + f.per_unit->name + " per "
                : "";
    text += to_string(f.period);
    if (f.prorated) text += ", prorated";
  }
  for (const ast::allowance_decl& a : p.allowances) {
    text += "\n- includes " + quantity_text(a.amount);
    for (std::size_t i = 0; i < a.items.size(); ++i)
      text += (i > 0 ? ", " : " ") + code(a.items[i].text);
    text += " per " + std::string(to_string(a.period));
  }
  if (!p.catalogue.empty()) {
    text += "\n- catalogue:";
    for (std::size_t i = 0; i < p.catalogue.size(); ++i)
      text += (i > 0 ? ", " : " ") + code(p.catalogue[i].text);
  }
  return text + "\n";
}

std::string pricelist_text(const ast::module& m, const std::string& name) {
  std::string text = "**price list** " + code(name) + "\n";
  for (const ast::pricelist_decl& p : m.pricelists) {
    if (p.name.text != name) continue;
    std::size_t overrides = 0;
    for (const ast::item_decl& i : p.items)
      overrides += i.is_override ? 1 : 0;
    text += "\n- " +
            (p.effective ? "from " + format_date(*p.effective) : std::string("always in force"));
    if (p.base) text += ", extends " + code(p.base->text);
    text += ": " + std::to_string(p.items.size() - overrides) + " items, " +
            std::to_string(overrides) + " overrides (line " + std::to_string(p.at.line) + ")";
  }
  return text + "\n";
}

std::string plain_text(const occurrence& o) {
  return "**" + std::string(to_string(o.kind)) + "** " + code(o.name) + "\n";
}

}  // namespace

json hover(session& s, const json& params) {
  const document& d = s.document_of(params);
  const ast::position place = s.place_of(d, position_from_json(params.at("position")));
  analysis& a = s.analysis_of(d);
  std::string text = explain_hover(s, d, place.line);
  const occurrence* o = nullptr;
  if (text.empty()) {
    o = a.symbols().at(place.line, place.column);
    if (o == nullptr) return nullptr;
    const ast::module& m = a.module();
    switch (o->kind) {
      case symbol_kind::item:
        text = item_text(m, o->name);
        break;
      case symbol_kind::rule:
      case symbol_kind::group:
        text = rule_text(m, o->name);
        break;
      case symbol_kind::table:
        text = table_text(m, o->name);
        break;
      case symbol_kind::attribute:
        text = attribute_text(m, o->name);
        break;
      case symbol_kind::window:
        text = window_text(m, o->name);
        break;
      case symbol_kind::day_set:
        text = day_set_text(m, o->name);
        break;
      case symbol_kind::season:
        text = season_text(m, o->name);
        break;
      case symbol_kind::plan:
        text = plan_text(m, o->name);
        break;
      case symbol_kind::pricelist:
        text = pricelist_text(m, o->name);
        break;
      default:
        text = plain_text(*o);
        break;
    }
    if (text.empty())
      text = "**" + std::string(to_string(o->kind)) + "** " + code(o->name) + ": not declared\n";
  }
  json result = {{"contents", {{"kind", "markdown"}, {"value", text}}}};
  if (o != nullptr) result["range"] = to_json(s.range_of(d, o->at, o->length));
  return result;
}

}  // namespace tariff::lsp
