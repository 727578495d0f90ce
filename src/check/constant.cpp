#include "check/constant.hpp"

#include <compare>

#include "check/work_count.hpp"

namespace tariff::check_stage {
namespace {

std::optional<constant> from_literal(const ast::literal& l) {
  constant c;
  c.value_type = type_of_literal(l);
  switch (l.kind) {
    case ast::literal_kind::number:
    case ast::literal_kind::percent:
      c.number = l.number;
      break;
    case ast::literal_kind::quantity:
      c.number = l.number;
      if (l.text == "h") {
        try {
          c.number = l.number * decimal(60);
        } catch (const decimal_error&) {
          return std::nullopt;  // hours past the decimal's limits in minutes: not folded
        }
      }
      break;
    case ast::literal_kind::string:
      c.text = l.text;
      break;
    case ast::literal_kind::date:
      c.day = l.day;
      break;
    case ast::literal_kind::boolean:
      c.truth = l.truth;
      break;
  }
  return c;
}

constant boolean(bool truth) {
  constant c;
  c.value_type = type{type_kind::boolean, {}};
  c.truth = truth;
  return c;
}

bool is_numeric(const constant& c) {
  const type_kind k = c.value_type.kind;
  return k == type_kind::number || k == type_kind::percent || k == type_kind::duration ||
         k == type_kind::quantity;
}

// The order of two constants of one type; nullopt when they do not compare.
std::optional<std::strong_ordering> order(const constant& a, const constant& b) {
  if (!(a.value_type == b.value_type)) return std::nullopt;
  if (is_numeric(a)) return a.number <=> b.number;
  switch (a.value_type.kind) {
    case type_kind::string:
      return a.text <=> b.text;
    case type_kind::date:
      return a.day <=> b.day;
    case type_kind::boolean:
      return a.truth <=> b.truth;
    default:
      return std::nullopt;
  }
}

std::optional<constant> fold_comparison(ast::binary_op op, const constant& a, const constant& b) {
  const std::optional<std::strong_ordering> o = order(a, b);
  if (!o) return std::nullopt;
  switch (op) {
    case ast::binary_op::equal:
      return boolean(*o == 0);
    case ast::binary_op::not_equal:
      return boolean(*o != 0);
    case ast::binary_op::less:
      return boolean(*o < 0);
    case ast::binary_op::less_equal:
      return boolean(*o <= 0);
    case ast::binary_op::greater:
      return boolean(*o > 0);
    case ast::binary_op::greater_equal:
      return boolean(*o >= 0);
    default:
      return std::nullopt;
  }
}

std::optional<constant> fold_arithmetic(ast::binary_op op, const constant& a, const constant& b) {
  // Only a type with itself (and number * number): enough to see through `1 + 1 > 3`.
  if (!(a.value_type == b.value_type) || !is_numeric(a)) return std::nullopt;
  constant result = a;
  try {
    switch (op) {
      case ast::binary_op::add:
        result.number = a.number + b.number;
        return result;
      case ast::binary_op::subtract:
        result.number = a.number - b.number;
        return result;
      case ast::binary_op::multiply:
        if (a.value_type.kind != type_kind::number) return std::nullopt;
        result.number = a.number * b.number;
        return result;
      default:
        return std::nullopt;
    }
  } catch (const decimal_error&) {
    return std::nullopt;  // past the decimal's limits (huge literals): not a constant we can tell
  }
}

bool is_bool(const std::optional<constant>& c, bool truth) {
  return c && c->value_type.kind == type_kind::boolean && c->truth == truth;
}

// `left op right`, where either may not be constant: `false and x` is false whatever x is.
std::optional<constant> fold_step(ast::binary_op op, const std::optional<constant>& left,
                                  const std::optional<constant>& right) {
  if (op == ast::binary_op::logical_and) {
    if (is_bool(left, false) || is_bool(right, false)) return boolean(false);
    if (is_bool(left, true) && is_bool(right, true)) return boolean(true);
    return std::nullopt;
  }
  if (op == ast::binary_op::logical_or) {
    if (is_bool(left, true) || is_bool(right, true)) return boolean(true);
    if (is_bool(left, false) && is_bool(right, false)) return boolean(false);
    return std::nullopt;
  }
  if (!left || !right) return std::nullopt;
  if (std::optional<constant> compared = fold_comparison(op, *left, *right)) return compared;
  return fold_arithmetic(op, *left, *right);
}

// Left to right, as the chain applies.
std::optional<constant> fold_chain(const ast::chain& c) {
  std::optional<constant> value = fold(*c.first);
  for (const ast::chain_link& link : c.links)
    value = fold_step(link.op, value, fold(*link.operand));
  return value;
}

std::optional<constant> fold_unary(const ast::unary& u) {
  std::optional<constant> operand = fold(*u.operand);
  if (!operand) return std::nullopt;
  const bool odd = u.times % 2 == 1;  // twice is none at all
  if (u.op == ast::unary_op::logical_not) {
    if (operand->value_type.kind != type_kind::boolean) return std::nullopt;
    if (odd) operand->truth = !operand->truth;
    return operand;
  }
  if (!is_numeric(*operand)) return std::nullopt;
  if (odd) operand->number = -operand->number;
  return operand;
}

std::optional<constant> fold_call(const ast::call& c) {
  std::optional<constant> best;
  for (const ast::expression_ptr& argument : c.arguments) {
    std::optional<constant> value = fold(*argument);
    if (!value || !is_numeric(*value)) return std::nullopt;
    if (!best) {
      best = value;
      continue;
    }
    const std::optional<std::strong_ordering> o = order(*value, *best);
    if (!o) return std::nullopt;
    if ((c.fn == ast::function::min && *o < 0) || (c.fn == ast::function::max && *o > 0))
      best = value;
  }
  return best;
}

}  // namespace

std::optional<constant> fold(const ast::expression& e) {
  work_count::add();
  if (const auto* l = std::get_if<ast::literal>(&e.node)) return from_literal(*l);
  if (const auto* u = std::get_if<ast::unary>(&e.node)) return fold_unary(*u);
  if (const auto* c = std::get_if<ast::chain>(&e.node)) return fold_chain(*c);
  if (const auto* c = std::get_if<ast::call>(&e.node)) return fold_call(*c);
  return std::nullopt;
}

bool is_literal_constant(const ast::expression& e) {
  if (std::holds_alternative<ast::literal>(e.node)) return true;
  const auto* u = std::get_if<ast::unary>(&e.node);
  return u != nullptr && u->op == ast::unary_op::negate && u->times == 1 &&
         std::holds_alternative<ast::literal>(u->operand->node);
}

}  // namespace tariff::check_stage
