// Expression compilation: names to indexes, literals to exact values, constants folded.
#include "compile/expressions.hpp"

#include <algorithm>

#include "check/work_count.hpp"

namespace tariff::compile_stage {

namespace work_count = check_stage::work_count;
using plan::code;
using plan::instruction;
using plan::op;
using plan::pricing_error;
using plan::value;

namespace {

// 15% is held as the fraction 0.15, so that `price * 15%` is a plain product.
decimal percent_fraction(const decimal& percent) {
  return percent * decimal::from_units(1, 2);
}

op binary_code(ast::binary_op o) {
  switch (o) {
    case ast::binary_op::add:
      return op::add;
    case ast::binary_op::subtract:
      return op::subtract;
    case ast::binary_op::multiply:
      return op::multiply;
    case ast::binary_op::divide:
      return op::divide;
    case ast::binary_op::equal:
      return op::equal;
    case ast::binary_op::not_equal:
      return op::not_equal;
    case ast::binary_op::less:
      return op::less;
    case ast::binary_op::less_equal:
      return op::less_equal;
    case ast::binary_op::greater:
      return op::greater;
    case ast::binary_op::greater_equal:
      return op::greater_equal;
    case ast::binary_op::logical_and:
      return op::jump_if_false;
    case ast::binary_op::logical_or:
      return op::jump_if_true;
  }
  return op::add;
}

// Built-in attributes read straight from the line and contract.
std::optional<op> built_in(ast::attribute_scope scope, std::string_view name) {
  using s = ast::attribute_scope;
  if (scope == s::contract) {
    if (name == "year") return op::contract_year;
    if (name == "start") return op::contract_start;
    if (name == "end") return op::contract_end;
    if (name == "client_since") return op::client_since;
  }
  if (scope == s::work) {
    if (name == "kind") return op::work_kind;
    if (name == "billable") return op::work_billable;
    if (name == "date") return op::work_date;
    if (name == "duration") return op::work_duration;
  }
  return std::nullopt;
}

}  // namespace

std::int64_t seconds_per(std::string_view duration_unit) {
  return duration_unit == "min" ? 60 : 3600;
}

code expression_compiler::compile(const ast::expression& e) {
  code out;
  emit(e, out);
  program_.max_stack = std::max(program_.max_stack, out.ops.size());
  return out;
}

code expression_compiler::compile_pay(const ast::expression& e) {
  pay_rule_ = true;
  code out;
  try {
    out = compile(e);
  } catch (...) {
    pay_rule_ = false;
    throw;
  }
  pay_rule_ = false;
  return out;
}

value expression_compiler::constant(const ast::expression& e) {
  code out;
  emit(e, out);
  return folder_.run_constant(out.ops, 0, out.ops.size());
}

void expression_compiler::push_constant(value v, code& out) {
  program_.constants.push_back(std::move(v));
  out.ops.push_back({op::constant, static_cast<std::uint32_t>(program_.constants.size() - 1)});
}

bool expression_compiler::emit_literal(const ast::literal& l, code& out) {
  switch (l.kind) {
    case ast::literal_kind::number:
      push_constant(value::number(l.number), out);
      break;
    case ast::literal_kind::percent:
      push_constant(value::number(percent_fraction(l.number)), out);
      break;
    case ast::literal_kind::quantity:
      // Durations are seconds; a count in an item's unit is its number.
      if (l.text == "h" || l.text == "min")
        push_constant(value::number(l.number * decimal(seconds_per(l.text))), out);
      else
        push_constant(value::number(l.number), out);
      break;
    case ast::literal_kind::string:
      program_.strings.push_back(l.text);
      push_constant(value::string(program_.strings.back()), out);
      break;
    case ast::literal_kind::date:
      push_constant(value::date(l.day), out);
      break;
    case ast::literal_kind::boolean:
      push_constant(value::boolean(l.truth), out);
      break;
  }
  return true;
}

std::uint32_t expression_compiler::date_range_bit(const ast::during& d, ast::position at) {
  if (d.season) return names_.seasons.at(d.season->text);
  const auto key = std::pair{static_cast<int>(d.first.time_since_epoch().count()),
                             static_cast<int>(d.last.time_since_epoch().count())};
  if (const auto found = literal_ranges_.find(key); found != literal_ranges_.end())
    return found->second;
  if (program_.cal.date_ranges().size() == calendar::max_per_kind)
    throw compile_failure{at,
                          "too many date ranges: seasons and the ranges written in 'during' "
                          "together may number at most " +
                              std::to_string(calendar::max_per_kind)};
  const auto bit = static_cast<std::uint32_t>(program_.cal.add_date_range({"", d.first, d.last}));
  literal_ranges_.emplace(key, bit);
  return bit;
}

bool expression_compiler::emit(const ast::expression& e, code& out) {
  work_count::add();
  const std::size_t start = out.ops.size();
  bool constant = false;
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::literal>) {
          constant = emit_literal(node, out);
          return;  // already a single constant
        } else if constexpr (std::is_same_v<T, ast::name_ref>) {
          if (node.name == "price" || (pay_rule_ && node.name == "amount")) {
            out.ops.push_back({op::price});
            out.reads_part = true;
          } else if (node.name == "base") {
            out.ops.push_back({op::base});
            out.reads_part = true;
          } else if (node.name == "cost") {
            out.ops.push_back({op::cost});
          } else if (node.name == "quantity") {
            out.ops.push_back({op::quantity});
            out.reads_part = true;
          } else {
            const std::uint32_t t = names_.tables.at(node.name);
            out.ops.push_back({op::table, t});
            if (program_.tables[t].key.reads_part) out.reads_part = true;
          }
        } else if constexpr (std::is_same_v<T, ast::attribute_ref>) {
          if (auto b = built_in(node.scope, node.name))
            out.ops.push_back({*b});
          else
            out.ops.push_back(
                {op::attribute,
                 names_.attributes.at(std::string(ast::to_string(node.scope)) + "." + node.name)});
        } else if constexpr (std::is_same_v<T, ast::unary>) {
          constant = emit(*node.operand, out);
          for (std::uint32_t i = 0; i < node.times; ++i)
            out.ops.push_back({node.op == ast::unary_op::negate ? op::negate : op::logical_not});
        } else if constexpr (std::is_same_v<T, ast::chain>) {
          constant = emit_chain(node, out);
        } else if constexpr (std::is_same_v<T, ast::call>) {
          constant = true;
          for (const auto& argument : node.arguments)
            constant = emit(*argument, out) && constant;
          out.ops.push_back({node.fn == ast::function::min ? op::min : op::max,
                             static_cast<std::uint32_t>(node.arguments.size())});
        } else if constexpr (std::is_same_v<T, ast::in_window>) {
          out.ops.push_back({op::in_window, names_.windows.at(node.window.text)});
          out.reads_part = true;
        } else if constexpr (std::is_same_v<T, ast::on_days>) {
          if (node.day_set)
            out.ops.push_back({op::on_days, names_.day_sets.at(node.day_set->text)});
          else
            out.ops.push_back({op::on_holiday});
          out.reads_part = true;
        } else if constexpr (std::is_same_v<T, ast::during>) {
          out.ops.push_back({op::during, date_range_bit(node, e.at)});
          out.reads_part = true;
        }
      },
      e.node);
  // Fold a constant subexpression to one value. Its operands were folded already, so this
  // evaluates a handful of instructions: folding stays linear in the expression's size.
  if (constant && out.ops.size() - start > 1) constant = fold(start, out);
  return constant;
}

bool expression_compiler::emit_chain(const ast::chain& c, code& out) {
  const std::size_t start = out.ops.size();
  bool constant = emit(*c.first, out);
  std::vector<std::size_t> jumps;  // this chain's `and` / `or` jumps, to point past its end
  for (const ast::chain_link& link : c.links) {
    const bool logical =
        link.op == ast::binary_op::logical_and || link.op == ast::binary_op::logical_or;
    if (logical) {
      jumps.push_back(out.ops.size());
      out.ops.push_back({binary_code(link.op)});
    }
    const bool right = emit(*link.operand, out);
    if (logical) {
      // Past this operand for now, so that a constant prefix folds by itself; past the whole
      // chain once it is complete.
      out.ops[jumps.back()].arg = static_cast<std::uint32_t>(out.ops.size());
    } else {
      instruction in{binary_code(link.op)};
      if (link.op == ast::binary_op::divide) {
        program_.divisions.push_back({link.rounding->step, link.rounding->mode, link.at});
        in.arg = static_cast<std::uint32_t>(program_.divisions.size() - 1);
      }
      out.ops.push_back(in);
    }
    // The constant prefix folds at each operator, so each fold evaluates three instructions.
    constant = constant && right && fold(start, out);
    if (constant) jumps.clear();  // folded away with the prefix
  }
  for (const std::size_t jump : jumps)
    out.ops[jump].arg = static_cast<std::uint32_t>(out.ops.size());
  return constant;
}

bool expression_compiler::fold(std::size_t start, code& out) {
  try {
    value v = folder_.run_constant(out.ops, start, out.ops.size());
    out.ops.resize(start);
    push_constant(std::move(v), out);
    return true;
  } catch (const pricing_error&) {
  } catch (const decimal_error&) {
  }
  // Left for pricing, which reports it on the lines that reach it. It no longer counts as
  // constant, so nothing around it tries (and fails) to fold it again.
  return false;
}

}  // namespace tariff::compile_stage
