#include "check/print.hpp"

namespace tariff::checker {
namespace {

// Binding strength, loosest first, as in grammar/tariff.ebnf.
enum precedence : int {
  disjunction,
  conjunction,
  negation,
  comparison,
  sum,
  product,
  unary,
  primary
};

int precedence_of(ast::binary_op op) {
  switch (op) {
    case ast::binary_op::logical_or:
      return disjunction;
    case ast::binary_op::logical_and:
      return conjunction;
    case ast::binary_op::add:
    case ast::binary_op::subtract:
      return sum;
    case ast::binary_op::multiply:
    case ast::binary_op::divide:
      return product;
    default:
      return comparison;
  }
}

int precedence_of(const ast::expression& e) {
  if (const auto* b = std::get_if<ast::binary>(&e.node)) return precedence_of(b->op);
  if (const auto* u = std::get_if<ast::unary>(&e.node))
    return u->op == ast::unary_op::logical_not ? negation : unary;
  return primary;
}

std::string literal_text(const ast::literal& l) {
  switch (l.kind) {
    case ast::literal_kind::number:
      return l.number.to_string();
    case ast::literal_kind::percent:
      return l.number.to_string() + "%";
    case ast::literal_kind::quantity:
      return l.number.to_string() + (l.text == "h" || l.text == "min" ? "" : " ") + l.text;
    case ast::literal_kind::string:
      return "\"" + l.text + "\"";
    case ast::literal_kind::date:
      return format_date(l.day);
    case ast::literal_kind::boolean:
      return l.truth ? "true" : "false";
  }
  return "?";
}

// `e` in parentheses if it binds more loosely than `needed`.
std::string operand_text(const ast::expression& e, int needed) {
  std::string text = to_text(e);
  return precedence_of(e) < needed ? "(" + text + ")" : text;
}

std::string binary_text(const ast::binary& b) {
  const int own = precedence_of(b.op);
  // Operators are left-associative: the right operand needs parentheses at equal strength.
  std::string text = operand_text(*b.left, own) + " " + ast::to_string(b.op) + " " +
                     operand_text(*b.right, own + 1);
  if (b.rounding)
    text += " round " + b.rounding->step.to_string() + " " +
            std::string(tariff::to_string(b.rounding->mode));
  return text;
}

std::string call_text(const ast::call& c) {
  std::string text = c.fn == ast::function::min ? "min(" : "max(";
  for (std::size_t i = 0; i < c.arguments.size(); ++i)
    text += (i == 0 ? "" : ", ") + to_text(*c.arguments[i]);
  return text + ")";
}

struct printer {
  std::string operator()(const ast::literal& l) const { return literal_text(l); }
  std::string operator()(const ast::name_ref& n) const { return n.name; }
  std::string operator()(const ast::attribute_ref& a) const {
    return std::string(ast::to_string(a.scope)) + "." + a.name;
  }
  std::string operator()(const ast::unary& u) const {
    if (u.op == ast::unary_op::logical_not) return "not " + operand_text(*u.operand, negation);
    return "-" + operand_text(*u.operand, unary);
  }
  std::string operator()(const ast::binary& b) const { return binary_text(b); }
  std::string operator()(const ast::call& c) const { return call_text(c); }
  std::string operator()(const ast::in_window& w) const { return "in " + w.window.text; }
  std::string operator()(const ast::on_days& d) const {
    return "on " + (d.day_set ? d.day_set->text : std::string("holiday"));
  }
  std::string operator()(const ast::during& d) const {
    if (d.season) return "during " + d.season->text;
    return "during " + format_date(d.first) + " .. " + format_date(d.last);
  }
};

}  // namespace

std::string to_text(const ast::expression& e) {
  return std::visit(printer{}, e.node);
}

bool is_operand_of_product(const ast::expression& e) {
  return precedence_of(e) > product;
}

}  // namespace tariff::checker
