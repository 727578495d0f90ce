// Rules and groups: unique names, known items, typed conditions and values, rules that never fire.
#include <algorithm>

#include "check/constant.hpp"
#include "check/passes.hpp"
#include "check/print.hpp"
#include "check/suggest.hpp"

namespace tariff::check_stage {
namespace {

// A hint longer than this would bury the message; then only the message is given.
constexpr std::size_t longest_hint = 32;

// The window a condition cannot be true without: `in night`, or `in night and x`. Conservative:
// `not`, `or` with an operand free of windows, and everything else need none.
std::optional<std::string> required_window(const ast::expression& e) {
  if (const auto* w = std::get_if<ast::in_window>(&e.node)) return w->window.text;
  const auto* c = std::get_if<ast::chain>(&e.node);
  if (c == nullptr) return std::nullopt;
  const ast::binary_op op = c->links.front().op;  // a chain has one precedence: all and, or all or
  if (op != ast::binary_op::logical_and && op != ast::binary_op::logical_or) return std::nullopt;
  std::optional<std::string> first = required_window(*c->first);
  for (const ast::chain_link& link : c->links) {
    if (op == ast::binary_op::logical_and && first) return first;  // the first operand needing one
    std::optional<std::string> next = required_window(*link.operand);
    if (op == ast::binary_op::logical_and)
      first = std::move(next);
    else if (!next)
      return std::nullopt;  // `or`: only when every operand needs a window, the first one's
  }
  return first;
}

class rule_checker {
 public:
  explicit rule_checker(context& ctx) : ctx_(ctx), item_names_(ctx.all_item_names()) {}

  void check_top_level(const ast::rule_decl& rule) {
    check_common(rule);
    const type value = check_expression(ctx_, rule.value);
    if (value.kind == type_kind::invalid || value.kind == type_kind::money) return;
    std::string message =
        "rule '" + rule.name.text + "' must give a price (money), not a " + describe(value);
    if (value.kind == type_kind::number) {
      const std::string text = to_text(rule.value);
      const std::string hint =
          "price * " + (is_operand_of_product(rule.value) ? text : "(" + text + ")");
      if (hint.size() <= longest_hint) message += "; did you mean '" + hint + "'?";
    }
    ctx_.sink.report(diagnostics::code::wrong_value_type, start_of(rule.value), message);
  }

  void check_group(const ast::group_decl& group) {
    declare(group.name, group.at, "group");
    if (group.rules.empty())
      ctx_.sink.report(diagnostics::code::no_rules, group.name.at,
                       "group '" + group.name.text + "' has no rules");
    for (const ast::rule_decl& rule : group.rules) {
      check_common(rule);
      const type value = check_expression(ctx_, rule.value);
      if (value.kind == type_kind::invalid || value.kind == type_kind::number ||
          value.kind == type_kind::percent)
        continue;
      ctx_.sink.report(diagnostics::code::wrong_value_type, start_of(rule.value),
                       "rule '" + rule.name.text + "' in group '" + group.name.text +
                           "' must give a factor (number or percent), not " + describe(value));
    }
  }

 private:
  void declare(const ast::identifier& name, ast::position at, const char* kind) {
    if (std::optional<ast::position> first = names_.add(name.text, at))
      ctx_.sink.report(diagnostics::code::duplicate_name, name.at,
                       std::string("duplicate ") + kind + " '" + name.text +
                           "' (first declared at " + where(*first) + ")");
  }

  void check_common(const ast::rule_decl& rule) {
    declare(rule.name, rule.at, "rule");
    for (const ast::identifier& item : rule.items)
      if (std::find(item_names_.begin(), item_names_.end(), item.text) == item_names_.end())
        if (!ctx_.lost("item", item.text))
          report_unknown(ctx_.sink, diagnostics::code::unknown_item, item.at, "item", item.text,
                         item_names_);
    if (!rule.condition) return;
    const type condition = check_expression(ctx_, *rule.condition);
    if (condition.kind != type_kind::invalid && condition.kind != type_kind::boolean)
      ctx_.sink.report(
          diagnostics::code::condition_not_bool, start_of(*rule.condition),
          "condition of rule '" + rule.name.text + "' must be a bool, not " + describe(condition));
    warn_if_never_fires(rule);
  }

  void warn_if_never_fires(const ast::rule_decl& rule) {
    const std::string prefix = "rule '" + rule.name.text + "' can never fire: ";
    const std::optional<constant> value = fold(*rule.condition);
    if (value && value->value_type.kind == type_kind::boolean && !value->truth) {
      ctx_.sink.report(diagnostics::code::never_fires, rule.name.at,
                       prefix + "its condition is always false");
      return;
    }
    const std::optional<std::string> window = required_window(*rule.condition);
    if (window && !rule.items.empty() && none_billed_by_time(rule.items))
      ctx_.sink.report(
          diagnostics::code::never_fires, rule.name.at,
          prefix + "'in " + *window + "' needs a line billed by time, and none of its items is");
  }

  // True only when every item is known and none of its declarations is metered by time.
  bool none_billed_by_time(const std::vector<ast::identifier>& items) const {
    return std::all_of(items.begin(), items.end(), [&](const ast::identifier& item) {
      const std::vector<ast::item_unit> units = ctx_.units_of_item(item.text);
      return !units.empty() && std::none_of(units.begin(), units.end(), is_time_unit);
    });
  }

  context& ctx_;
  std::vector<std::string> item_names_;
  name_table names_;  // rules and groups share one namespace, nested rules included
};

}  // namespace

void check_rules(context& ctx) {
  rule_checker checker(ctx);
  for (const ast::rule_or_group& entry : ctx.module.rules) {
    if (const auto* rule = std::get_if<ast::rule_decl>(&entry))
      checker.check_top_level(*rule);
    else
      checker.check_group(std::get<ast::group_decl>(entry));
  }
}

}  // namespace tariff::check_stage
