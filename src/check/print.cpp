#include "check/print.hpp"

#include "check/work_count.hpp"

namespace tariff::check_stage {
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
  if (const auto* c = std::get_if<ast::chain>(&e.node)) return precedence_of(c->links.front().op);
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

void write(const ast::expression& e, std::string& out);

// `e` in parentheses if it binds more loosely than `needed`.
void write_operand(const ast::expression& e, int needed, std::string& out) {
  const bool parenthesized = precedence_of(e) < needed;
  if (parenthesized) out += '(';
  write(e, out);
  if (parenthesized) out += ')';
}

// Everything is appended to one string, so a chain of any length prints in linear time.
struct printer {
  std::string& out;

  void operator()(const ast::literal& l) const { out += literal_text(l); }
  void operator()(const ast::name_ref& n) const { out += n.name; }
  void operator()(const ast::attribute_ref& a) const {
    out += ast::to_string(a.scope);
    out += '.';
    out += a.name;
  }
  void operator()(const ast::unary& u) const {
    for (std::uint32_t i = 0; i < u.times; ++i)
      out += u.op == ast::unary_op::logical_not ? "not " : "-";
    write_operand(*u.operand, u.op == ast::unary_op::logical_not ? negation : unary, out);
  }
  void operator()(const ast::chain& c) const {
    const int own = precedence_of(c.links.front().op);
    write_operand(*c.first, own, out);
    for (const ast::chain_link& link : c.links) {
      out += ' ';
      out += ast::to_string(link.op);
      out += ' ';
      // Operators are left-associative: a right operand needs parentheses at equal strength.
      write_operand(*link.operand, own + 1, out);
      if (link.rounding) {
        out += " round " + link.rounding->step.to_string() + " ";
        out += tariff::to_string(link.rounding->mode);
      }
    }
  }
  void operator()(const ast::call& c) const {
    out += c.fn == ast::function::min ? "min(" : "max(";
    for (std::size_t i = 0; i < c.arguments.size(); ++i) {
      if (i != 0) out += ", ";
      write(*c.arguments[i], out);
    }
    out += ')';
  }
  void operator()(const ast::in_window& w) const { out += "in " + w.window.text; }
  void operator()(const ast::on_days& d) const {
    out += "on " + (d.day_set ? d.day_set->text : std::string("holiday"));
  }
  void operator()(const ast::during& d) const {
    if (d.season)
      out += "during " + d.season->text;
    else
      out += "during " + format_date(d.first) + " .. " + format_date(d.last);
  }
};

void write(const ast::expression& e, std::string& out) {
  work_count::add();
  std::visit(printer{out}, e.node);
}

}  // namespace

std::string to_text(const ast::expression& e) {
  std::string out;
  write(e, out);
  return out;
}

bool is_operand_of_product(const ast::expression& e) {
  return precedence_of(e) > product;
}

}  // namespace tariff::check_stage
