// Plans: price list, catalogue, allowances and fees.
#include <algorithm>

#include "check/passes.hpp"
#include "check/suggest.hpp"
#include "model/allowance_key.hpp"

namespace tariff::check_stage {
namespace {

bool is_duration(const ast::quantity& q) {
  return q.unit == "h" || q.unit == "min";
}

std::string amount_text(const ast::quantity& q) {
  const bool joined = is_duration(q) || q.unit.empty();
  return q.amount.to_string() + (joined ? "" : " ") + q.unit;
}

class plan_checker {
 public:
  plan_checker(context& ctx, const ast::plan_decl& plan) : ctx_(ctx), plan_(plan) {}

  void run() {
    resolve_pricelist();
    name_table fee_names;
    for (const ast::fee_decl& fee : plan_.fees) {
      check_fee(fee);
      if (!fee.name) continue;
      if (std::optional<ast::position> first = fee_names.add(fee.name->text, fee.at))
        ctx_.sink.report(diagnostics::code::duplicate_name, fee.name->at,
                         "duplicate fee '" + fee.name->text + "' in plan '" + plan_.name.text +
                             "' (first declared at " + where(*first) + ")");
    }
    if (plan_.prepaid) check_prepaid(*plan_.prepaid);
    if (plan_.late_work) check_late_work(*plan_.late_work);
    name_table allowance_keys;
    for (const ast::allowance_decl& allowance : plan_.allowances) {
      check_allowance(allowance);
      // Two allowances of the same items and period would share one use in the billing state.
      std::vector<std::string_view> items;
      for (const ast::identifier& name : allowance.items)
        items.push_back(name.text);
      const std::string key =
          model::allowance_key(std::move(items), ast::to_string(allowance.period));
      if (std::optional<ast::position> first = allowance_keys.add(key, allowance.at))
        ctx_.sink.report(diagnostics::code::allowance_repeated, allowance.at,
                         "allowance " + key + " is given twice in plan '" + plan_.name.text +
                             "' (first at " + where(*first) +
                             "); write it once with the whole amount");
    }
    for (const ast::identifier& name : plan_.catalogue)
      find_item(name);
  }

 private:
  void resolve_pricelist() {
    if (!plan_.pricelist) {
      ctx_.sink.report(diagnostics::code::plan_without_pricelist, plan_.name.at,
                       "plan '" + plan_.name.text + "' needs a price list: add 'pricelist <name>'");
      return;
    }
    list_ = ctx_.find_pricelist(plan_.pricelist->text);
    if (list_ == nullptr) {
      std::vector<std::string> names;
      for (const pricelist_family& f : ctx_.pricelists)
        names.push_back(f.name);
      if (!ctx_.lost("price list", plan_.pricelist->text))
        report_unknown(ctx_.sink, diagnostics::code::unknown_pricelist, plan_.pricelist->at,
                       "price list", plan_.pricelist->text, names);
      return;
    }
  }

  // The item `name` in the plan's price list; null (after an error) if it is not there. A list
  // whose `extends` chain is broken is reported already: what it offers is not known.
  const item_info* find_item(const ast::identifier& name) {
    if (list_ == nullptr) return nullptr;  // the missing list is the error
    if (const item_info* item = ctx_.visible_item(*list_, name.text)) return item;
    if (list_->chain_broken) return nullptr;
    if (!ctx_.lost("item", name.text))
      report_unknown(ctx_.sink, diagnostics::code::unknown_item, name.at, "item", name.text,
                     ctx_.visible_names(*list_), " in price list '" + list_->name + "'");
    return nullptr;
  }

  void check_fee(const ast::fee_decl& fee) {
    if (fee.amount.sign() <= 0)
      ctx_.sink.report(diagnostics::code::not_positive, or_else(fee.amount_at, fee.at),
                       "fee must be greater than 0");
    if (!fee.per_unit) return;
    const ast::position at = or_else(fee.per_unit_at, fee.at);
    const std::string key = attribute_key(fee.per_unit->scope, fee.per_unit->name);
    auto found = ctx_.attributes.find(key);
    if (found == ctx_.attributes.end()) {
      std::vector<std::string> same_scope;
      const std::string prefix = scope_name(fee.per_unit->scope) + ".";
      for (const auto& [name, info] : ctx_.attributes)
        if (name.starts_with(prefix)) same_scope.push_back(name);
      report_unknown(ctx_.sink, diagnostics::code::unknown_attribute, at, "attribute", key,
                     same_scope);
    } else if (found->second.value_type.kind != type_kind::number) {
      ctx_.sink.report(diagnostics::code::fee_per_unit_type, at,
                       "a fee per unit needs a number attribute; '" + key + "' is a " +
                           describe(found->second.value_type));
    }
  }

  void check_prepaid(const ast::prepaid_decl& prepaid) {
    for (std::size_t i = 0; i < prepaid.alerts.size(); ++i)
      if (prepaid.alerts[i].sign() <= 0)
        ctx_.sink.report(diagnostics::code::not_positive, or_else(prepaid.alerts_at[i], prepaid.at),
                         "a balance alert must be above 0 (an exhausted balance always alerts), "
                         "not " +
                             prepaid.alerts[i].to_string());
  }

  // A whole number from 1 to the limit, and `period` after 1 only: the one spelling of each
  // horizon, which the formatter, changing no word, cannot settle.
  void check_late_work(const ast::late_work_decl& late) {
    if (!late.periods) return;  // past the decimal's limits: reported by the parser
    const decimal& periods = *late.periods;
    const ast::position at = or_else(late.periods_at, late.at);
    const std::string text = periods.to_string();
    if (periods.scale() != 0) {
      ctx_.sink.report(diagnostics::code::invalid_late_work, at,
                       "late work must be a whole number of periods, such as 3, not " + text);
    } else if (periods.is_zero()) {
      ctx_.sink.report(diagnostics::code::invalid_late_work, at,
                       "late work must be at least 1 period, not 0");
    } else if (periods > decimal(limits::late_work_periods)) {
      ctx_.sink.report(diagnostics::code::invalid_late_work, at,
                       "late work must be at most " + std::to_string(limits::late_work_periods) +
                           " periods, not " + text +
                           "; that is the limit (docs/language.md, Limits)");
    } else if ((periods == 1) == late.plural) {
      const std::string written = text + (late.plural ? " periods" : " period");
      const std::string wanted = text + (late.plural ? " period" : " periods");
      ctx_.sink.report(diagnostics::code::late_work_wording, or_else(late.word_at, late.at),
                       "write 'late work " + wanted + "', not '" + written + "'");
    }
  }

  void check_allowance(const ast::allowance_decl& allowance) {
    for (const ast::identifier& name : allowance.items)
      if (const item_info* item = find_item(name)) check_allowance_unit(allowance, *item);
    const ast::period_kind plan_period = plan_.period.value_or(ast::period_kind::month);
    if (allowance.period < plan_period)
      ctx_.sink.report(diagnostics::code::allowance_period_too_short, allowance.at,
                       "an allowance per " + period_name(allowance.period) +
                           " is shorter than the plan's period (" + period_name(plan_period) + ")");
    for (std::size_t i = 0; i < allowance.alerts.size(); ++i) {
      const decimal& alert = allowance.alerts[i];
      if (alert.sign() > 0 && alert <= 100) continue;
      const ast::position at = or_else(
          i < allowance.alerts_at.size() ? allowance.alerts_at[i] : ast::position{}, allowance.at);
      ctx_.sink.report(diagnostics::code::percent_out_of_range, at,
                       "alert " + alert.to_string() + "% must be above 0% and at most 100%");
    }
  }

  // Time items take a duration; other items a count in their own unit.
  void check_allowance_unit(const ast::allowance_decl& allowance, const item_info& item) {
    if (!item.unit) return;
    const bool time_item = is_time_unit(*item.unit);
    if (time_item == is_duration(allowance.amount)) return;
    ctx_.sink.report(diagnostics::code::quantity_unit_mismatch, allowance.amount.at,
                     "allowance " + amount_text(allowance.amount) + " cannot cover '" + item.name +
                         "', which is billed per " + unit_name(*item.unit) + ": give " +
                         (time_item ? "a duration such as 20h" : "a count such as 3"));
  }

  context& ctx_;
  const ast::plan_decl& plan_;
  const pricelist_family* list_ = nullptr;
};

}  // namespace

void check_plans(context& ctx) {
  name_table plans;
  for (const ast::plan_decl& plan : ctx.module.plans) {
    if (std::optional<ast::position> first = plans.add(plan.name.text, plan.at))
      ctx.sink.report(
          diagnostics::code::duplicate_name, plan.name.at,
          "duplicate plan '" + plan.name.text + "' (first declared at " + where(*first) + ")");
    plan_checker(ctx, plan).run();
  }
}

}  // namespace tariff::check_stage
