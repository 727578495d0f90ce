// The symbol index (symbols.hpp): one walk over the syntax tree.
#include "lsp/symbols.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace tariff::lsp {
namespace {

class walker {
 public:
  walker(const ast::module& m, std::vector<occurrence>& out) : out_(out) {
    for (const ast::table_decl& t : m.tables)
      tables_.insert(t.name.text);
  }

  void add(symbol_kind kind, const ast::identifier& id, bool declaration) {
    if (id.text.empty() || id.at.line == 0) return;
    out_.push_back({kind, id.text, id.at, static_cast<int>(id.text.size()), declaration});
  }

  void attribute(const ast::attribute_ref& a, ast::position at, bool declaration) {
    if (at.line == 0) return;
    std::string key = std::string(to_string(a.scope)) + "." + a.name;
    const int length = static_cast<int>(key.size());
    out_.push_back({symbol_kind::attribute, std::move(key), at, length, declaration});
  }

  void expression(const ast::expression& e) {
    std::visit([&](const auto& node) { visit(e, node); }, e.node);
  }

  void expression(const std::optional<ast::expression>& e) {
    if (e) expression(*e);
  }

 private:
  void visit(const ast::expression&, const ast::literal&) {}
  void visit(const ast::expression& e, const ast::name_ref& n) {
    if (tables_.contains(n.name)) add(symbol_kind::table, ast::identifier{n.name, e.at}, false);
  }
  void visit(const ast::expression& e, const ast::attribute_ref& a) { attribute(a, e.at, false); }
  void visit(const ast::expression&, const ast::unary& u) {
    if (u.operand) expression(*u.operand);
  }
  void visit(const ast::expression&, const ast::chain& c) {
    if (c.first) expression(*c.first);
    for (const ast::chain_link& link : c.links)
      if (link.operand) expression(*link.operand);
  }
  void visit(const ast::expression&, const ast::call& c) {
    for (const ast::expression_ptr& argument : c.arguments)
      if (argument) expression(*argument);
  }
  void visit(const ast::expression&, const ast::in_window& w) {
    add(symbol_kind::window, w.window, false);
  }
  void visit(const ast::expression&, const ast::on_days& d) {
    if (d.day_set) add(symbol_kind::day_set, *d.day_set, false);
  }
  void visit(const ast::expression&, const ast::during& d) {
    if (d.season) add(symbol_kind::season, *d.season, false);
  }

  std::vector<occurrence>& out_;
  std::set<std::string, std::less<>> tables_;
};

void rule(walker& w, const ast::rule_decl& r) {
  w.add(symbol_kind::rule, r.name, true);
  for (const ast::identifier& item : r.items)
    w.add(symbol_kind::item, item, false);
  w.expression(r.condition);
  w.expression(r.value);
}

}  // namespace

const char* to_string(symbol_kind kind) {
  static constexpr std::array<const char*, 13> names = {
      "item",    "price list", "plan",      "rule", "group",    "table", "window",
      "day set", "season",     "attribute", "tax",  "tax rate", "pay"};
  return vocabulary::word_of(kind, names);
}

symbol_index::symbol_index(const ast::module& m) {
  walker w(m, occurrences_);
  for (const ast::calendar_decl& c : m.calendars) {
    for (const ast::window_decl& d : c.windows)
      w.add(symbol_kind::window, d.name, true);
    for (const ast::days_decl& d : c.day_sets)
      w.add(symbol_kind::day_set, d.name, true);
    for (const ast::season_decl& d : c.seasons)
      w.add(symbol_kind::season, d.name, true);
  }
  for (const ast::attribute_decl& a : m.attributes) {
    // The declaration's identifier is the name after "scope."; the occurrence spans both.
    const int scope = static_cast<int>(std::string_view(to_string(a.scope)).size()) + 1;
    w.attribute({a.scope, a.name.text}, {a.name.at.line, a.name.at.column - scope}, true);
    w.expression(a.default_value);
  }
  for (const ast::table_decl& t : m.tables) {
    w.add(symbol_kind::table, t.name, true);
    w.expression(t.key);
    for (const ast::table_entry& e : t.entries)
      w.expression(e.value);
  }
  for (const ast::pricelist_decl& p : m.pricelists) {
    w.add(symbol_kind::pricelist, p.name, true);
    if (p.base) w.add(symbol_kind::pricelist, *p.base, false);
    for (const ast::item_decl& i : p.items)
      w.add(symbol_kind::item, i.name, !i.is_override);
  }
  for (const ast::rule_or_group& r : m.rules) {
    if (const auto* single = std::get_if<ast::rule_decl>(&r)) {
      rule(w, *single);
    } else {
      const auto& group = std::get<ast::group_decl>(r);
      w.add(symbol_kind::group, group.name, true);
      for (const ast::rule_decl& inner : group.rules)
        rule(w, inner);
    }
  }
  for (const ast::plan_decl& p : m.plans) {
    w.add(symbol_kind::plan, p.name, true);
    if (p.pricelist) w.add(symbol_kind::pricelist, *p.pricelist, false);
    for (const ast::fee_decl& f : p.fees)
      if (f.per_unit) w.attribute(*f.per_unit, f.per_unit_at, false);
    for (const ast::allowance_decl& a : p.allowances)
      for (const ast::identifier& item : a.items)
        w.add(symbol_kind::item, item, false);
    for (const ast::identifier& item : p.catalogue)
      w.add(symbol_kind::item, item, false);
  }
  for (const ast::tax_decl& t : m.taxes) {
    w.add(symbol_kind::tax, t.name, true);
    for (const ast::tax_rate_decl& r : t.rates) {
      w.add(symbol_kind::tax_rate, r.name, true);
      for (const ast::identifier& item : r.items)
        w.add(symbol_kind::item, item, false);
    }
    w.expression(t.exempt);
  }
  for (const ast::pay_decl& p : m.pays) {
    w.add(symbol_kind::pay, p.name, true);
    for (const ast::rule_decl& r : p.rules) {
      // Pay rules are named within their block, not among the pricing rules.
      for (const ast::identifier& item : r.items)
        w.add(symbol_kind::item, item, false);
      w.expression(r.condition);
      w.expression(r.value);
    }
  }
  std::stable_sort(occurrences_.begin(), occurrences_.end(),
                   [](const occurrence& a, const occurrence& b) {
                     return std::tie(a.at.line, a.at.column) < std::tie(b.at.line, b.at.column);
                   });
}

const occurrence* symbol_index::at(int line, int column) const {
  const occurrence* found = nullptr;
  for (const occurrence& o : occurrences_) {
    if (o.at.line != line) continue;
    if (column >= o.at.column && column < o.at.column + o.length) return &o;
    if (column == o.at.column + o.length) found = &o;
  }
  return found;
}

std::vector<const occurrence*> symbol_index::find(symbol_kind kind, std::string_view name) const {
  std::vector<const occurrence*> found;
  for (const occurrence& o : occurrences_)
    if (o.kind == kind && o.name == name) found.push_back(&o);
  return found;
}

bool symbol_index::declared(symbol_kind kind, std::string_view name) const {
  return std::any_of(occurrences_.begin(), occurrences_.end(), [&](const occurrence& o) {
    return o.declaration && o.kind == kind && o.name == name;
  });
}

}  // namespace tariff::lsp
