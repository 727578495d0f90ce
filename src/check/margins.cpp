// The price-shape warnings: can the written discounts take an item's price under its cost
// (below-cost), or the rules take it below zero (negative-price)?
//
// Limitation, on purpose: only top-level rules whose value reads `price * F` (F a constant number
// or percent, or a table of them: its smallest value counts) or `price - price * P` (P a constant
// or a table of them: its largest value counts) are understood. Conditions are assumed to hold
// (except a constant false one), rules that raise the price are assumed not to fire, and groups,
// min/max, divisions and item discounts are not looked at. The warning is a hint, not a proof.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "check/constant.hpp"
#include "check/passes.hpp"

namespace tariff::check_stage {
namespace {

bool is_price(const ast::expression& e) {
  const auto* n = std::get_if<ast::name_ref>(&e.node);
  return n != nullptr && n->name == "price";
}

// A constant or a table's value as a fraction: 10% is 0.10, 0.9 stays 0.9.
std::optional<decimal> as_fraction(const constant& c) {
  if (c.value_type.kind == type_kind::number) return c.number;
  if (c.value_type.kind == type_kind::percent)
    return divide(c.number, decimal(100), std::min(c.number.scale() + 2, decimal::max_scale),
                  rounding_mode::half_even);
  return std::nullopt;
}

// A constant amount taken off a price: 2000.00 (a number beside money is money).
std::optional<decimal> as_amount(const constant& c) {
  if (c.value_type.kind == type_kind::money || c.value_type.kind == type_kind::number)
    return c.number;
  return std::nullopt;
}

// What a value is read as: a share of the price (a factor), or an amount of money.
enum class reading : std::uint8_t { fraction, amount };

std::optional<decimal> read_as(const constant& c, reading r) {
  return r == reading::fraction ? as_fraction(c) : as_amount(c);
}

// The smallest (or largest) value of a table's entries, read as `r`; nullopt if one is not a
// constant of that kind.
std::optional<decimal> extreme_entry(const ast::table_decl& table, bool largest, reading r) {
  std::optional<decimal> best;
  for (const ast::table_entry& entry : table.entries) {
    const std::optional<constant> c = fold(entry.value);
    const std::optional<decimal> value = c ? read_as(*c, r) : std::nullopt;
    if (!value) return std::nullopt;
    if (!best || (largest ? *value > *best : *value < *best)) best = value;
  }
  return best;
}

// The extremes of the tables the rules name, each table's found once: ten thousand rules may
// name one table of ten thousand entries.
class table_extremes {
 public:
  explicit table_extremes(const context& ctx) {
    for (const ast::table_decl& t : ctx.module.tables)
      tables_.emplace(t.name.text, &t);  // the first declaration of a name counts
  }

  // The smallest (or largest) value `e` can have: itself if constant, a table's extreme entry.
  std::optional<decimal> of(const ast::expression& e, bool largest, reading r = reading::fraction) {
    if (std::optional<constant> c = fold(e)) return read_as(*c, r);
    const auto* n = std::get_if<ast::name_ref>(&e.node);
    if (n == nullptr) return std::nullopt;
    const auto table = tables_.find(n->name);
    if (table == tables_.end()) return std::nullopt;
    auto [cached, is_new] = found_.try_emplace({table->second, largest, r});
    if (is_new) cached->second = extreme_entry(*table->second, largest, r);
    return cached->second;
  }

 private:
  std::unordered_map<std::string_view, const ast::table_decl*> tables_;
  std::map<std::tuple<const ast::table_decl*, bool, reading>, std::optional<decimal>> found_;
};

// `a op b` and nothing more: the chain of one link, if `e` is one.
const ast::chain* single_operation(const ast::expression& e, ast::binary_op op) {
  const auto* c = std::get_if<ast::chain>(&e.node);
  return c != nullptr && c->links.size() == 1 && c->links.front().op == op ? c : nullptr;
}

// The other operand of `price * x` or `x * price`.
const ast::expression* factor_of_price(const ast::expression& e) {
  const ast::chain* c = single_operation(e, ast::binary_op::multiply);
  if (c == nullptr) return nullptr;
  if (is_price(*c->first)) return c->links.front().operand.get();
  if (is_price(*c->links.front().operand)) return c->first.get();
  return nullptr;
}

// The lowest factor a rule can apply to the price, if its value has one of the known forms.
std::optional<decimal> worst_factor(table_extremes& extremes, const ast::expression& value) {
  if (const ast::expression* f = factor_of_price(value)) return extremes.of(*f, false);
  const ast::chain* c = single_operation(value, ast::binary_op::subtract);
  if (c == nullptr || !is_price(*c->first)) return std::nullopt;
  const ast::expression* p = factor_of_price(*c->links.front().operand);
  if (p == nullptr) return std::nullopt;
  std::optional<decimal> share = extremes.of(*p, true);
  if (!share) return std::nullopt;
  return decimal(1) - *share;
}

bool never_fires(const ast::rule_decl& rule) {
  if (!rule.condition) return false;
  const std::optional<constant> c = fold(*rule.condition);
  return c && c->value_type.kind == type_kind::boolean && !c->truth;
}

bool applies_to(const ast::rule_decl& rule, const std::string& item) {
  return rule.items.empty() ||
         std::any_of(rule.items.begin(), rule.items.end(),
                     [&](const ast::identifier& i) { return i.text == item; });
}

std::string rule_list(const std::vector<std::string>& names) {
  std::string text = names.size() == 1 ? "rule " : "rules ";
  for (std::size_t i = 0; i < names.size(); ++i)
    text += (i == 0 ? "'" : ", '") + names[i] + "'";
  return text;
}

struct priced_item {
  std::string name;
  decimal price, cost;
};

class margin_checker {
 public:
  // The discounts are read once; each item then only walks them.
  explicit margin_checker(context& ctx) : ctx_(ctx) {
    table_extremes extremes(ctx);
    for (const ast::rule_or_group& entry : ctx_.module.rules) {
      const auto* rule = std::get_if<ast::rule_decl>(&entry);
      if (rule == nullptr || never_fires(*rule)) continue;
      std::optional<decimal> f;
      try {
        f = worst_factor(extremes, rule->value);
      } catch (const decimal_error&) {
        continue;  // a factor past the decimal's limits: the hint skips the rule
      }
      if (f && *f < 1) discounts_.push_back({rule, *f});
    }
  }

  void check(const priced_item& item) {
    decimal factor(1);
    std::vector<std::string> applied;
    for (const discount& d : discounts_) {
      if (!applies_to(*d.rule, item.name)) continue;
      // Truncated to 12 places (toward zero, so never above the exact product): a long stack of
      // discounts must not grow the scale past the decimal's limit; a hint needs no more.
      factor = (factor * d.factor)
                   .rescale(std::min((factor * d.factor).scale(), 12), rounding_mode::down);
      applied.push_back(d.rule->name.text);
      const decimal lowest = item.price * factor;
      if (lowest >= item.cost) continue;
      if (warned_.insert(item.name).second)
        ctx_.sink.report(diagnostics::code::below_cost, d.rule->name.at,
                         "discounts can bring '" + item.name + "' to " +
                             lowest.rescale(item.price.scale(), rounding_mode::floor).to_string() +
                             ", below its cost " + item.cost.to_string() + " (" +
                             rule_list(applied) + ")");
      return;
    }
  }

 private:
  struct discount {
    const ast::rule_decl* rule;
    decimal factor;  // the lowest factor the rule can apply
  };

  context& ctx_;
  std::vector<discount> discounts_;
  std::set<std::string> warned_;  // one warning per item name, the first list to show it
};

// What a rule can do to the lowest price so far, if its value has a known form: `price - A`
// subtracts at most the largest A; `price * F` and `price - price * P` scale by a factor.
struct price_step {
  const ast::rule_decl* rule;
  std::optional<decimal> factor;    // the lowest factor
  std::optional<decimal> subtract;  // the largest amount taken off
};

std::optional<price_step> step_of(table_extremes& extremes, const ast::rule_decl& rule) {
  if (const ast::chain* c = single_operation(rule.value, ast::binary_op::subtract);
      c != nullptr && is_price(*c->first)) {
    if (std::optional<decimal> amount =
            extremes.of(*c->links.front().operand, true, reading::amount);
        amount && amount->sign() > 0)
      return price_step{&rule, std::nullopt, amount};
  }
  if (std::optional<decimal> f = worst_factor(extremes, rule.value); f && *f < 1)
    return price_step{&rule, f, std::nullopt};
  return std::nullopt;
}

// The negative-price warning: the same shapes, with amounts taken off as well as factors, the
// price only (no cost needed). A factor on a price still above zero never takes it below; an
// amount taken off can. One warning per item, at the rule where the lowest price first goes
// below zero.
class negative_price_checker {
 public:
  explicit negative_price_checker(context& ctx) : ctx_(ctx) {
    table_extremes extremes(ctx);
    for (const ast::rule_or_group& entry : ctx_.module.rules) {
      const auto* rule = std::get_if<ast::rule_decl>(&entry);
      if (rule == nullptr || never_fires(*rule)) continue;
      try {
        if (std::optional<price_step> s = step_of(extremes, *rule)) steps_.push_back(*s);
      } catch (const decimal_error&) {
        // a value past the decimal's limits: the hint skips the rule
      }
    }
  }

  void check(const std::string& item, const decimal& price) {
    decimal lowest = price;
    std::vector<std::string> applied;
    for (const price_step& s : steps_) {
      if (!applies_to(*s.rule, item)) continue;
      if (s.subtract) {
        lowest = lowest - *s.subtract;
      } else {
        const decimal scaled = lowest * *s.factor;
        lowest = scaled.rescale(std::min(scaled.scale(), 12), rounding_mode::down);
      }
      applied.push_back(s.rule->name.text);
      if (lowest.sign() >= 0) continue;
      if (warned_.insert(item).second)
        ctx_.sink.report(diagnostics::code::negative_price, s.rule->name.at,
                         "rules can bring '" + item + "' to " +
                             lowest.rescale(price.scale(), rounding_mode::floor).to_string() +
                             ", below zero (" + rule_list(applied) + ")");
      return;
    }
  }

 private:
  context& ctx_;
  std::vector<price_step> steps_;
  std::set<std::string> warned_;
};

// Each item of each list version with both a price and a cost, overrides taking the rest
// from the item they override.
std::vector<priced_item> priced_items(const context& ctx) {
  std::vector<priced_item> items;
  for (const pricelist_family& family : ctx.pricelists)
    for (const ast::pricelist_decl* version : family.versions)
      for (const ast::item_decl& item : version->items) {
        std::optional<decimal> price = item.price;
        std::optional<decimal> cost = item.cost;
        if (item.is_override && family.base_known && !family.chain_broken) {
          if (const item_info* base =
                  ctx.inherited_item(family, family.base->text, item.name.text)) {
            if (!price) price = base->decl->price;
            if (!cost) cost = base->decl->cost;
          }
        }
        if (price && cost) items.push_back({item.name.text, *price, *cost});
      }
  return items;
}

}  // namespace

void check_negative_prices(context& ctx) {
  negative_price_checker checker(ctx);
  for (const pricelist_family& family : ctx.pricelists)
    for (const ast::pricelist_decl* version : family.versions)
      for (const ast::item_decl& item : version->items) {
        if (item.credit) continue;  // declared to go below zero: a refund, not a mistake
        std::optional<decimal> price = item.price;
        if (!price && item.is_override && family.base_known && !family.chain_broken)
          if (const item_info* base = ctx.inherited_item(family, family.base->text, item.name.text))
            price = base->decl->price;
        if (!price) continue;
        try {
          checker.check(item.name.text, *price);
        } catch (const decimal_error&) {
          // a price past the decimal's limits: no hint for it
        }
      }
}

void check_margins(context& ctx) {
  margin_checker checker(ctx);
  for (const priced_item& item : priced_items(ctx)) {
    try {
      checker.check(item);
    } catch (const decimal_error&) {
      // A price or cost past the decimal's limits (hundreds of digits): no hint for it.
    }
  }
}

}  // namespace tariff::check_stage
