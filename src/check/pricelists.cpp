// Price lists: versions, inheritance, items and their options, tiers.
#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "check/graph.hpp"
#include "check/passes.hpp"
#include "check/suggest.hpp"
#include "check/work_count.hpp"
#include "errors/stop_point.hpp"

namespace tariff::check_stage {
namespace {

std::string effective_text(const ast::pricelist_decl& list) {
  return list.effective ? " effective " + format_date(*list.effective) : std::string();
}

std::string quantity_text(const ast::quantity& q) {
  const bool duration = q.unit == "h" || q.unit == "min";
  return q.amount.to_string() + (duration || q.unit.empty() ? "" : " ") + q.unit;
}

bool is_duration(const ast::quantity& q) {
  return q.unit == "h" || q.unit == "min";
}

// Versions of one list share a name; two with the same effective date (or none) are duplicates.
void group_versions(context& ctx) {
  // (list, date) -> the first version: a list may have thousands of versions.
  std::map<std::pair<std::size_t, std::optional<local_date>>, const ast::pricelist_decl*> dated;
  for (const ast::pricelist_decl& list : ctx.module.pricelists) {
    work_count::add();
    auto [index, is_new] = ctx.pricelist_index.emplace(list.name.text, ctx.pricelists.size());
    if (is_new) {
      pricelist_family family;
      family.name = list.name.text;
      ctx.pricelists.push_back(std::move(family));
    }
    auto [same_date, first] = dated.try_emplace({index->second, list.effective}, &list);
    if (!first) {
      ctx.sink.report(diagnostics::code::duplicate_name, list.name.at,
                      "duplicate price list '" + list.name.text + "'" + effective_text(list) +
                          " (first declared at " + where(same_date->second->at) + ")");
    }
    ctx.pricelists[index->second].versions.push_back(&list);
  }
}

std::string base_text(const ast::pricelist_decl& list) {
  return list.base ? "'" + list.base->text + "'" : std::string("nothing");
}

void resolve_bases(context& ctx) {
  std::vector<std::string> names;
  for (const pricelist_family& f : ctx.pricelists)
    names.push_back(f.name);
  for (pricelist_family& family : ctx.pricelists) {
    const ast::pricelist_decl& first = *family.versions.front();
    for (const ast::pricelist_decl* version : family.versions) {
      if (version->base && !ctx.find_pricelist(version->base->text))
        if (!ctx.lost("price list", version->base->text))
          report_unknown(ctx.sink, diagnostics::code::unknown_pricelist, version->base->at,
                         "price list", version->base->text, names);
      const bool agree = version->base.has_value() == first.base.has_value() &&
                         (!version->base || version->base->text == first.base->text);
      if (!agree)
        ctx.sink.report(diagnostics::code::pricelist_versions_disagree,
                        version->base ? version->base->at : version->name.at,
                        "every version of price list '" + family.name +
                            "' must extend the same list: this one extends " + base_text(*version) +
                            ", the one at " + where(first.at) + " extends " + base_text(first));
    }
    if (first.base) {
      family.base = &*first.base;
      family.base_known = ctx.find_pricelist(first.base->text) != nullptr;
    }
  }
}

// Reports each inheritance cycle once, at the `extends` of the first declared list on it, and
// marks the lists on it. One pass over the lists, without recursion.
void report_cycles(context& ctx) {
  adjacency extends(ctx.pricelists.size());
  for (std::size_t i = 0; i < ctx.pricelists.size(); ++i)
    if (const pricelist_family& list = ctx.pricelists[i]; list.base_known)
      extends[i].push_back(
          static_cast<std::size_t>(ctx.find_pricelist(list.base->text) - ctx.pricelists.data()));
  for (const std::vector<std::size_t>& cycle : cycles(extends)) {
    std::string text;
    for (const std::size_t list : cycle) {
      ctx.pricelists[list].chain_broken = true;
      text += ctx.pricelists[list].name + " -> ";
    }
    const pricelist_family& first = ctx.pricelists[cycle.front()];
    ctx.sink.report(diagnostics::code::pricelist_cycle, first.base->at,
                    "price list inheritance cycle: " + text + first.name);
  }
}

// How deep each list extends others: past the limit, the first list on each chain that goes
// beyond it is reported, and it and the lists below it inherit nothing; so are the lists whose
// chain runs into a cycle (reported at the cycle). Each list's depth is found once, from its
// base's: linear in the lists however long the chains.
void check_extends_depth(context& ctx) {
  constexpr std::size_t unknown = std::numeric_limits<std::size_t>::max();
  struct chain_end {
    std::size_t depth = unknown;  ///< lists above it on its chain
    std::size_t top = 0;          ///< the list at the top of its chain
  };
  std::vector<chain_end> ends(ctx.pricelists.size());
  const auto index_of = [&](const pricelist_family& list) {
    return static_cast<std::size_t>(&list - ctx.pricelists.data());
  };
  std::vector<std::size_t> pending;  // lists whose depth waits for their base's, nearest last
  for (std::size_t start = 0; start < ctx.pricelists.size(); ++start) {
    std::size_t i = start;
    while (ends[i].depth == unknown && !ctx.pricelists[i].chain_broken) {
      work_count::add();
      const pricelist_family& list = ctx.pricelists[i];
      if (!list.base_known) {
        ends[i] = {0, i};
        break;
      }
      pending.push_back(i);
      i = index_of(*ctx.find_pricelist(list.base->text));
    }
    // `i` is settled, or broken (then so is every list waiting on it).
    while (!pending.empty()) {
      const std::size_t below = pending.back();
      pending.pop_back();
      pricelist_family& list = ctx.pricelists[below];
      if (ctx.pricelists[i].chain_broken) {
        list.chain_broken = true;
      } else {
        ends[below] = {ends[i].depth + 1, ends[i].top};
        if (ends[below].depth > limits::extends_depth) {
          list.chain_broken = true;
          if (ends[below].depth == limits::extends_depth + 1) {
            const pricelist_family& top = ctx.pricelists[ends[i].top];
            ctx.sink.report(diagnostics::code::limit_exceeded, list.base->at,
                            "price list '" + list.name + "' extends a chain of more than " +
                                std::to_string(limits::extends_depth) + " price lists (from '" +
                                top.name + "' at " + where(top.versions.front()->at) +
                                "); that is the limit (docs/language.md, Limits)");
          }
        }
      }
      i = below;
    }
  }
}

void collect_items(context& ctx) {
  for (pricelist_family& family : ctx.pricelists) {
    for (const ast::pricelist_decl* version : family.versions)
      for (const ast::item_decl& item : version->items) {
        // A list may hold 100 000 items: compile()'s stop condition is looked at among them.
        errors::poll_every(static_cast<std::size_t>(&item - version->items.data()),
                           version->items.size(), "items checked");
        if (item.is_override) continue;
        work_count::add();
        if (family.own_index.emplace(item.name.text, family.own_items.size()).second)
          family.own_items.push_back({item.name.text, item.unit, &item, family.name});
      }
  }
}

class item_checker {
 public:
  item_checker(context& ctx, const pricelist_family& family, const ast::pricelist_decl& version)
      : ctx_(ctx), family_(family), version_(version) {}

  void run() {
    std::map<std::string, const ast::item_decl*> seen;
    for (const ast::item_decl& item : version_.items) {
      errors::poll_every(static_cast<std::size_t>(&item - version_.items.data()),
                         version_.items.size(), "items checked");
      auto [first, inserted] = seen.emplace(item.name.text, &item);
      if (!inserted) {
        ctx_.sink.report(diagnostics::code::duplicate_name, item.name.at,
                         "duplicate item '" + item.name.text + "' (first declared at " +
                             where(first->second->at) + ")");
        check_options(item, item.unit);  // what the name means is said; its options still count
        continue;
      }
      std::optional<ast::item_unit> unit =
          item.is_override ? check_override(item) : check_new(item);
      check_options(item, unit);
    }
  }

 private:
  // Whether what this version inherits cannot be known: its base is unknown, or a chain through
  // it is broken (each reported already).
  bool inheritance_unknown() const {
    const pricelist_family* base = ctx_.find_pricelist(version_.base->text);
    return base == nullptr || base->chain_broken || family_.chain_broken;
  }

  // What this version inherits through its own `extends` (versions that disagree on it are
  // reported, and each is then checked against the list it names).
  const item_info* inherited(const std::string& name) const {
    if (!version_.base || family_.chain_broken) return nullptr;
    return ctx_.inherited_item(family_, version_.base->text, name);
  }

  // Returns the unit the overridden item is billed in, if known.
  std::optional<ast::item_unit> check_override(const ast::item_decl& item) {
    if (!version_.base) {
      ctx_.sink.report(diagnostics::code::override_without_base, item.name.at,
                       "'" + item.name.text + "' changes an inherited item, but price list '" +
                           family_.name + "' extends no other list; write 'item " + item.name.text +
                           " per ...' to declare it");
      return std::nullopt;
    }
    if (inheritance_unknown()) return std::nullopt;  // reported already
    if (const item_info* base = inherited(item.name.text)) return base->unit;
    report_unknown(ctx_.sink, diagnostics::code::unknown_inherited_item, item.name.at,
                   "inherited item", item.name.text,
                   ctx_.inherited_names(family_, version_.base->text));
    return std::nullopt;
  }

  std::optional<ast::item_unit> check_new(const ast::item_decl& item) {
    const std::string& name = item.name.text;
    const item_info* base = inherited(name);
    if (base != nullptr)
      ctx_.sink.report(diagnostics::code::inherited_item_redeclared, item.name.at,
                       "item '" + name + "' is inherited from '" + base->list + "'; write '" +
                           name + " price ...' to override it");
    if (!item.unit)
      ctx_.sink.report(diagnostics::code::item_incomplete, item.name.at,
                       "item '" + name + "' needs a unit, such as 'per hour'");
    if (!item.price)
      ctx_.sink.report(diagnostics::code::item_incomplete, item.name.at,
                       "item '" + name + "' needs a price");
    return item.unit;
  }

  void check_options(const ast::item_decl& item, std::optional<ast::item_unit> unit) {
    const std::string& name = item.name.text;
    check_not_negative(item, item.price, "price");
    check_not_negative(item, item.cost, "cost");
    check_not_negative(item, item.minimum_charge, "minimum charge");
    check_not_negative(item, item.maximum_charge, "maximum charge");
    if (item.step) check_step(item, *item.step, unit);
    if (item.minimum && unit) check_quantity_unit(name, *item.minimum, *unit, "'minimum'");
    if (item.minimum_charge && item.maximum_charge && *item.maximum_charge < *item.minimum_charge)
      ctx_.sink.report(diagnostics::code::charge_limits_reversed,
                       or_else(item.maximum_charge_at, item.at),
                       "maximum charge " + item.maximum_charge->to_string() +
                           " is below the minimum charge " + item.minimum_charge->to_string());
    if (item.discount_percent &&
        (item.discount_percent->sign() < 0 || *item.discount_percent > 100))
      ctx_.sink.report(
          diagnostics::code::percent_out_of_range, or_else(item.discount_at, item.at),
          "discount " + item.discount_percent->to_string() + "% must be between 0% and 100%");
    if (item.tiers) check_tiers(*item.tiers);
  }

  void check_not_negative(const ast::item_decl& item, const std::optional<decimal>& value,
                          const char* what) {
    if (value && value->sign() < 0)
      ctx_.sink.report(
          diagnostics::code::negative_amount, item.at,
          std::string(what) + " of item '" + item.name.text + "' must not be negative");
  }

  void check_step(const ast::item_decl& item, const ast::billing_step& step,
                  std::optional<ast::item_unit> unit) {
    if (step.step.amount.sign() <= 0)
      ctx_.sink.report(diagnostics::code::not_positive, step.step.at,
                       "billing step must be greater than 0");
    if (!unit) return;
    check_quantity_unit(item.name.text, step.step, *unit, "'bill started'");
    if (step.per_segment && !is_time_unit(*unit))
      ctx_.sink.report(diagnostics::code::per_segment_not_timed, step.at,
                       "'per segment' applies only to items billed by time; '" + item.name.text +
                           "' is billed per " + unit_name(*unit));
  }

  // Time items take durations; others a quantity in their own unit.
  void check_quantity_unit(const std::string& name, const ast::quantity& q, ast::item_unit unit,
                           const char* option) {
    const std::string billed = "item '" + name + "' is billed per " + unit_name(unit) + ": ";
    if (is_time_unit(unit)) {
      if (!is_duration(q))
        ctx_.sink.report(
            diagnostics::code::quantity_unit_mismatch, q.at,
            billed + option + " takes a duration such as 15min, not " + quantity_text(q));
    } else if (q.unit != unit_name(unit)) {
      ctx_.sink.report(diagnostics::code::quantity_unit_mismatch, q.at,
                       billed + option + " takes a quantity in " + unit_name(unit) + ", not " +
                           quantity_text(q));
    }
  }

  void check_tiers(const ast::tiers_decl& tiers) {
    if (tiers.kind == ast::tier_kind::package && tiers.package_size <= 0)
      ctx_.sink.report(diagnostics::code::not_positive, tiers.at,
                       "package size must be greater than 0");
    const ast::tier* previous = nullptr;
    bool previous_reversed = false;  // then where it ends means nothing: no gap or overlap to see
    for (const ast::tier& t : tiers.tiers) {
      check_tier_value(tiers.kind, t);
      const bool reversed = t.high && *t.high < t.low;
      if (reversed) {
        ctx_.sink.report(diagnostics::code::reversed_range, t.at,
                         "tier " + tier_text(t) + " ends before it starts");
      } else if (previous == nullptr) {
        if (t.low != 0 && t.low != 1)
          ctx_.sink.report(diagnostics::code::tier_bounds, t.at,
                           "the first tier must start at 0 or 1, not " + t.low.to_string());
      } else if (previous->high && !previous_reversed) {
        check_tier_follows(*previous, t);
      }
      if (!t.high && &t != &tiers.tiers.back())
        ctx_.sink.report(diagnostics::code::tier_bounds, t.at,
                         "only the last tier may be open-ended");
      previous = &t;
      previous_reversed = reversed;
    }
  }

  // A tier starts where the previous one ends (0..10, 10..20) or one after it (1..10, 11..20).
  void check_tier_follows(const ast::tier& previous, const ast::tier& t) {
    const decimal& end = *previous.high;
    if (t.low < previous.low)
      ctx_.sink.report(
          diagnostics::code::tier_bounds, t.at,
          "tiers must ascend: " + tier_text(t) + " comes after " + tier_text(previous));
    else if (t.low < end)
      ctx_.sink.report(diagnostics::code::tier_bounds, t.at,
                       "tier " + tier_text(t) + " overlaps " + tier_text(previous));
    else if (t.low - decimal(1) > end)  // bounds have no sign: low - 1 stays in the limits
      ctx_.sink.report(diagnostics::code::tier_bounds, t.at,
                       "gap between tiers " + tier_text(previous) + " and " + tier_text(t));
  }

  void check_tier_value(ast::tier_kind kind, const ast::tier& t) {
    const bool percent = t.value.kind == ast::literal_kind::percent;
    const std::string value = t.value.number.to_string() + (percent ? "%" : "");
    if (kind == ast::tier_kind::percentage && !percent)
      ctx_.sink.report(diagnostics::code::tier_value_kind, t.at,
                       "a percentage tier takes a percent such as 10%, not " + value);
    if (kind != ast::tier_kind::percentage && percent)
      ctx_.sink.report(diagnostics::code::tier_value_kind, t.at,
                       std::string("a ") + ast::to_string(kind) +
                           " tier takes a price such as 90.00, not " + value);
  }

  static std::string tier_text(const ast::tier& t) {
    return t.low.to_string() + ".." + (t.high ? t.high->to_string() : std::string());
  }

  context& ctx_;
  const pricelist_family& family_;
  const ast::pricelist_decl& version_;
};

}  // namespace

void check_pricelists(context& ctx) {
  group_versions(ctx);
  resolve_bases(ctx);
  report_cycles(ctx);
  check_extends_depth(ctx);
  collect_items(ctx);
  for (const pricelist_family& family : ctx.pricelists)
    for (const ast::pricelist_decl* version : family.versions)
      item_checker(ctx, family, *version).run();
}

}  // namespace tariff::check_stage
