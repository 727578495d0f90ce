// Staff pay: each `pay` block's rules give a work line's pay in money, from the priced line.
#include <algorithm>

#include "check/passes.hpp"
#include "check/suggest.hpp"

namespace tariff::check_stage {

void check_pays(context& ctx) {
  const std::vector<std::string> item_names = ctx.all_item_names();
  name_table pays;
  ctx.place = expression_place::pay_rule;
  for (const ast::pay_decl& pay : ctx.module.pays) {
    if (std::optional<ast::position> first = pays.add(pay.name.text, pay.at))
      ctx.sink.report(
          diagnostics::code::duplicate_name, pay.name.at,
          "duplicate pay '" + pay.name.text + "' (first declared at " + where(*first) + ")");
    if (pay.rules.empty())
      ctx.sink.report(diagnostics::code::no_rules, pay.name.at,
                      "pay '" + pay.name.text + "' has no rules");
    name_table rules;
    for (const ast::rule_decl& rule : pay.rules) {
      if (std::optional<ast::position> first = rules.add(rule.name.text, rule.at))
        ctx.sink.report(diagnostics::code::duplicate_name, rule.name.at,
                        "duplicate rule '" + rule.name.text + "' in pay '" + pay.name.text +
                            "' (first declared at " + where(*first) + ")");
      for (const ast::identifier& item : rule.items)
        if (std::find(item_names.begin(), item_names.end(), item.text) == item_names.end())
          if (!ctx.lost("item", item.text))
            report_unknown(ctx.sink, diagnostics::code::unknown_item, item.at, "item", item.text,
                           item_names);
      if (rule.condition) {
        const type condition = check_expression(ctx, *rule.condition);
        if (condition.kind != type_kind::invalid && condition.kind != type_kind::boolean)
          ctx.sink.report(diagnostics::code::condition_not_bool, start_of(*rule.condition),
                          "condition of pay rule '" + rule.name.text + "' must be a bool, not " +
                              describe(condition));
      }
      const type value = check_expression(ctx, rule.value);
      // A number is an amount written out (quantity * 600.00); a percent or a count is not.
      if (value.kind != type_kind::invalid && value.kind != type_kind::money &&
          value.kind != type_kind::number)
        ctx.sink.report(diagnostics::code::wrong_value_type, start_of(rule.value),
                        "pay rule '" + rule.name.text +
                            "' must give an amount of money (such as "
                            "amount * 30%), not a " +
                            describe(value));
    }
  }
  ctx.place = expression_place::rule;
}

}  // namespace tariff::check_stage
