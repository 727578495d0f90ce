// Taxes: one tax declaration, its rates (one default, items in at most one rate), its rounding,
// and an exemption that reads only the contract.
#include <map>

#include "check/passes.hpp"
#include "check/suggest.hpp"

namespace tariff::check_stage {
namespace {

void check_rates(context& ctx, const ast::tax_decl& tax) {
  const std::vector<std::string> item_names = ctx.all_item_names();
  name_table rates;
  const ast::tax_rate_decl* fallback = nullptr;  // the rate without `for`
  std::map<std::string, const ast::tax_rate_decl*, std::less<>> rate_of_item;
  for (const ast::tax_rate_decl& rate : tax.rates) {
    if (std::optional<ast::position> first = rates.add(rate.name.text, rate.at))
      ctx.sink.report(
          diagnostics::code::duplicate_name, rate.name.at,
          "duplicate rate '" + rate.name.text + "' (first declared at " + where(*first) + ")");
    if (rate.percent > 100)
      ctx.sink.report(diagnostics::code::percent_out_of_range, or_else(rate.percent_at, rate.at),
                      "tax rate " + rate.percent.to_string() + "% must be at most 100%");
    if (rate.items.empty()) {
      if (fallback != nullptr)
        ctx.sink.report(diagnostics::code::tax_rate_conflict, rate.name.at,
                        "tax '" + tax.name.text + "' has two rates for every item ('" +
                            fallback->name.text + "' and '" + rate.name.text +
                            "'): give this one 'for' and its items");
      else
        fallback = &rate;
    }
    for (const ast::identifier& item : rate.items) {
      if (std::find(item_names.begin(), item_names.end(), item.text) == item_names.end()) {
        if (!ctx.lost("item", item.text))
          report_unknown(ctx.sink, diagnostics::code::unknown_item, item.at, "item", item.text,
                         item_names);
        continue;
      }
      auto [it, inserted] = rate_of_item.emplace(item.text, &rate);
      if (!inserted)
        ctx.sink.report(diagnostics::code::tax_rate_conflict, item.at,
                        "item '" + item.text + "' already has rate '" + it->second->name.text +
                            "' of tax '" + tax.name.text + "'");
    }
  }
  if (fallback == nullptr)
    ctx.sink.report(diagnostics::code::tax_without_default_rate, tax.name.at,
                    "tax '" + tax.name.text +
                        "' needs a rate for the items and fees no rate names, as in: "
                        "rate standard 20%");
}

}  // namespace

void check_taxes(context& ctx) {
  for (std::size_t i = 0; i < ctx.module.taxes.size(); ++i) {
    const ast::tax_decl& tax = ctx.module.taxes[i];
    if (i > 0) {
      ctx.sink.report(diagnostics::code::repeated_declaration, tax.at,
                      "a tariff has one tax; '" + ctx.module.taxes.front().name.text +
                          "' is declared at " + where(ctx.module.taxes.front().at));
      continue;
    }
    if (tax.step.sign() <= 0)
      ctx.sink.report(diagnostics::code::not_positive, or_else(tax.step_at, tax.at),
                      "a tax must round to a step greater than 0, not " + tax.step.to_string());
    check_rates(ctx, tax);
    if (!tax.exempt) continue;
    ctx.place = expression_place::contract;
    const type condition = check_expression(ctx, *tax.exempt);
    ctx.place = expression_place::rule;
    if (condition.kind != type_kind::invalid && condition.kind != type_kind::boolean)
      ctx.sink.report(diagnostics::code::condition_not_bool, start_of(*tax.exempt),
                      "the exemption of tax '" + tax.name.text + "' must be a bool, not " +
                          describe(condition));
  }
}

}  // namespace tariff::check_stage
