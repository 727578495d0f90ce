#include "check/types.hpp"

#include <array>
#include <optional>

#include "check/constant.hpp"
#include "check/context.hpp"
#include "check/print.hpp"
#include "check/suggest.hpp"
#include "check/work_count.hpp"

namespace tariff::check_stage {

std::string describe(const type& t) {
  switch (t.kind) {
    case type_kind::invalid:
      return "an invalid value";
    case type_kind::number:
      return "number";
    case type_kind::money:
      return "money";
    case type_kind::percent:
      return "percent";
    case type_kind::duration:
      return "duration";
    case type_kind::quantity:
      return "quantity in " + t.unit;
    case type_kind::date:
      return "date";
    case type_kind::string:
      return "string";
    case type_kind::boolean:
      return "bool";
  }
  return "?";
}

type from_value_type(ast::value_type t) {
  switch (t) {
    case ast::value_type::string:
      return {type_kind::string, {}};
    case ast::value_type::number:
    case ast::value_type::integer:  // a number that must be whole where it is given
      return {type_kind::number, {}};
    case ast::value_type::money:
      return {type_kind::money, {}};
    case ast::value_type::percent:
      return {type_kind::percent, {}};
    case ast::value_type::boolean:
      return {type_kind::boolean, {}};
    case ast::value_type::date:
      return {type_kind::date, {}};
  }
  return {};
}

type type_of_literal(const ast::literal& l) {
  switch (l.kind) {
    case ast::literal_kind::number:
      return {type_kind::number, {}};
    case ast::literal_kind::percent:
      return {type_kind::percent, {}};
    case ast::literal_kind::quantity:
      if (l.text == "h" || l.text == "min") return {type_kind::duration, {}};
      return {type_kind::quantity, l.text};
    case ast::literal_kind::string:
      return {type_kind::string, {}};
    case ast::literal_kind::date:
      return {type_kind::date, {}};
    case ast::literal_kind::boolean:
      return {type_kind::boolean, {}};
  }
  return {};
}

namespace {

using enum type_kind;

type of(type_kind k) {
  return type{k, {}};
}

// One line of an operator's table: left and right operand kinds and the result's.
struct signature {
  type_kind left, right, result;
};

constexpr std::array additive{
    signature{number, number, number},    signature{money, money, money},
    signature{money, number, money},      signature{number, money, money},
    signature{percent, percent, percent}, signature{duration, duration, duration},
};
constexpr std::array multiplicative{
    signature{number, number, number},     signature{money, number, money},
    signature{number, money, money},       signature{money, percent, money},
    signature{percent, money, money},      signature{number, percent, number},
    signature{percent, number, number},    signature{duration, number, duration},
    signature{number, duration, duration},
};
constexpr std::array divisive{
    signature{money, number, money},
    signature{money, money, number},
    signature{number, number, number},
    signature{duration, duration, number},
};

template <std::size_t n>
std::optional<type> look_up(const std::array<signature, n>& table, const type& a, const type& b) {
  for (const signature& s : table)
    if (s.left == a.kind && s.right == b.kind) return of(s.result);
  return std::nullopt;
}

bool is_comparison(ast::binary_op op) {
  return op == ast::binary_op::equal || op == ast::binary_op::not_equal ||
         op == ast::binary_op::less || op == ast::binary_op::less_equal ||
         op == ast::binary_op::greater || op == ast::binary_op::greater_equal;
}

std::string mismatch_message(ast::binary_op op, const type& a, const type& b) {
  switch (op) {
    case ast::binary_op::add:
      return "cannot add " + describe(a) + " and " + describe(b);
    case ast::binary_op::subtract:
      return "cannot subtract " + describe(b) + " from " + describe(a);
    case ast::binary_op::multiply:
      return "cannot multiply " + describe(a) + " by " + describe(b);
    case ast::binary_op::divide:
      return "cannot divide " + describe(a) + " by " + describe(b);
    default:
      if (a == b) return "cannot order " + describe(a) + " values: only = and != compare them";
      return "cannot compare " + describe(a) + " with " + describe(b);
  }
}

// The result of `a op b` for arithmetic and comparisons, or nullopt if the types do not go.
std::optional<type> result_type(ast::binary_op op, const type& a, const type& b) {
  if (is_comparison(op)) {
    const bool money_and_number =
        (a.kind == money && b.kind == number) || (a.kind == number && b.kind == money);
    if (!(a == b || money_and_number)) return std::nullopt;
    // Strings and truth values have no order the language defines: only = and != compare them.
    const bool ordering = op != ast::binary_op::equal && op != ast::binary_op::not_equal;
    if (ordering && (a.kind == string || a.kind == boolean)) return std::nullopt;
    return of(boolean);
  }
  switch (op) {
    case ast::binary_op::add:
    case ast::binary_op::subtract:
      if (a.kind == quantity && a == b) return a;  // 2 visit + 1 visit
      return look_up(additive, a, b);
    case ast::binary_op::multiply:
      return look_up(multiplicative, a, b);
    case ast::binary_op::divide:
      return look_up(divisive, a, b);
    default:
      return std::nullopt;
  }
}

// min and max take values that order: the common type of two arguments, if there is one.
std::optional<type> common_ordered_type(const type& a, const type& b) {
  if ((a.kind == money && b.kind == number) || (a.kind == number && b.kind == money))
    return of(money);
  if (!(a == b) || a.kind == string || a.kind == boolean) return std::nullopt;
  return a;
}

class typer {
 public:
  explicit typer(context& ctx) : ctx_(ctx) {}

  /// The errors past the first `shown`, counted and not reported: a chain of four million
  /// operands, each an unknown name, must not give four million errors (each carrying its source
  /// line, which may be the whole 16 MiB rule).
  static constexpr std::size_t shown = 20;
  std::size_t not_shown() const { return reported_ > shown ? reported_ - shown : 0; }

  type operator()(const ast::expression& e) {
    work_count::add();
    return std::visit([&](const auto& node) { return type_node(e, node); }, e.node);
  }

 private:
  type type_node(const ast::expression&, const ast::literal& l) { return type_of_literal(l); }

  type type_node(const ast::expression& e, const ast::name_ref& n) {
    if (ctx_.place == expression_place::contract) {
      report(diagnostics::code::not_readable_here, e.at, [&] {
        return "'" + n.name +
               "' cannot be read here: this condition holds for the whole "
               "contract and reads only contract and client attributes";
      });
      return {};
    }
    if (ctx_.place == expression_place::pay_rule) {
      if (n.name == "amount" || n.name == "cost") return of(money);
      if (n.name == "quantity") return of(number);
      if (n.name == "price" || n.name == "base") {
        report(diagnostics::code::not_readable_here, e.at, [&] {
          return "a pay rule reads the priced line: 'amount' (what the client "
                 "pays for it), 'cost' and 'quantity', not '" +
                 n.name + "'";
        });
        return {};
      }
    } else {
      if (n.name == "price" || n.name == "base" || n.name == "cost") return of(money);
      if (n.name == "quantity") return of(number);
    }
    if (auto table = ctx_.table_types.find(n.name); table != ctx_.table_types.end())
      return table->second;
    if (ctx_.lost("table", n.name)) return {};  // a table lost to a syntax error
    std::vector<std::string> candidates;        // made only if the error is shown
    diagnostic* d = report(diagnostics::code::unknown_name, e.at, [&] {
      candidates = ctx_.place == expression_place::pay_rule
                       ? std::vector<std::string>{"amount", "cost", "quantity"}
                       : std::vector<std::string>{"price", "base", "cost", "quantity"};
      for (const std::string& table_name : ctx_.tables.names())
        candidates.push_back(table_name);
      return unknown_name_message("name", n.name, candidates);
    });
    if (d != nullptr) add_fix(*d, rename_fix(e.at, n.name, candidates));
    return {};
  }

  type type_node(const ast::expression& e, const ast::attribute_ref& a) {
    const std::string key = attribute_key(a.scope, a.name);
    if (ctx_.place == expression_place::contract &&
        (a.scope == ast::attribute_scope::work || a.scope == ast::attribute_scope::site)) {
      report(diagnostics::code::not_readable_here, e.at, [&] {
        return "'" + key +
               "' cannot be read here: this condition holds for the whole "
               "contract and reads only contract and client attributes";
      });
      return {};
    }
    if (auto found = ctx_.attributes.find(key); found != ctx_.attributes.end())
      return found->second.value_type;
    std::vector<std::string> same_scope;  // made only if the error is shown
    diagnostic* d = report(diagnostics::code::unknown_attribute, e.at, [&] {
      const std::string prefix = scope_name(a.scope) + ".";
      for (const auto& [name, info] : ctx_.attributes)
        if (name.starts_with(prefix)) same_scope.push_back(name);
      return unknown_name_message("attribute", key, same_scope);
    });
    if (d != nullptr) add_fix(*d, rename_fix(e.at, key, same_scope));
    return {};
  }

  // A run of one operator has the type one of them has; an error belongs to the last of them,
  // which applies to the operand.
  type type_node(const ast::expression&, const ast::unary& u) {
    const type operand = (*this)(*u.operand);
    if (operand.kind == invalid) return {};
    if (u.op == ast::unary_op::logical_not) {
      if (operand.kind == boolean) return operand;
      report(diagnostics::code::type_mismatch, u.innermost,
             [&] { return "'not' needs a bool, not " + describe(operand); });
      return {};
    }
    if (operand.kind == number || operand.kind == money || operand.kind == percent ||
        operand.kind == duration)
      return operand;
    report(diagnostics::code::type_mismatch, u.innermost,
           [&] { return "cannot negate " + describe(operand); });
    return {};
  }

  // Left to right, as the chain applies: each operator combines the value so far with its
  // operand. Every operand is typed, so the errors inside each are reported; once the value so
  // far is invalid, the operators after it say nothing more.
  type type_node(const ast::expression&, const ast::chain& c) {
    type value = (*this)(*c.first);
    const ast::expression* left = c.first.get();  // the left operand while it is one expression
    for (const ast::chain_link& link : c.links) {
      const type right = (*this)(*link.operand);
      if (link.op == ast::binary_op::divide) check_division(link);
      value = combine(link, left, value, right);
      left = nullptr;
    }
    return value;
  }

  // `left op right`, reported at the operator when the types do not go together.
  type combine(const ast::chain_link& link, const ast::expression* left_expression,
               const type& left, const type& right) {
    if (left.kind == invalid || right.kind == invalid) return {};
    if (link.op == ast::binary_op::logical_and || link.op == ast::binary_op::logical_or) {
      if (left.kind == boolean && right.kind == boolean) return left;
      const type& wrong = left.kind != boolean ? left : right;
      report(diagnostics::code::type_mismatch, link.at, [&] {
        return std::string("'") + ast::to_string(link.op) + "' needs bool on both sides, not " +
               describe(wrong);
      });
      return {};
    }
    if (std::optional<type> result = result_type(link.op, left, right)) return *result;
    diagnostic* d = report(diagnostics::code::type_mismatch, link.at,
                           [&] { return mismatch_message(link.op, left, right); });
    if (d != nullptr && (link.op == ast::binary_op::add || link.op == ast::binary_op::subtract)) {
      if (left.kind == number && right.kind == percent && left_expression != nullptr)
        hint_number_for_percent(*d, *left_expression, link, *left_expression, *link.operand);
      else if (left.kind == percent && right.kind == number && left_expression != nullptr)
        hint_number_for_percent(*d, *link.operand, link, *left_expression, *link.operand);
    }
    return {};
  }

  void check_division(const ast::chain_link& link) {
    if (link.rounding && link.rounding->step.sign() <= 0)
      report(diagnostics::code::not_positive, link.at, [&] {
        return "a division must round to a step greater than 0, not " +
               link.rounding->step.to_string();
      });
    const std::optional<constant> divisor = fold(*link.operand);
    const bool numeric =
        divisor && (divisor->value_type.kind == number || divisor->value_type.kind == percent ||
                    divisor->value_type.kind == duration);
    if (numeric && divisor->number.is_zero())
      report(diagnostics::code::division_by_zero, link.operand->at,
             [] { return std::string("division by zero"); });
  }

  type type_node(const ast::expression& e, const ast::call& c) {
    const char* name = c.fn == ast::function::min ? "min" : "max";
    std::vector<type> arguments;
    for (const ast::expression_ptr& argument : c.arguments)
      arguments.push_back((*this)(*argument));
    if (c.arguments.size() < 2) {
      report(diagnostics::code::too_few_arguments, e.at,
             [&] { return std::string(name) + " needs at least 2 values"; });
      return {};
    }
    type common = arguments[0];
    for (std::size_t i = 1; i < arguments.size(); ++i) {
      if (common.kind == invalid || arguments[i].kind == invalid) return {};
      std::optional<type> joined = common_ordered_type(common, arguments[i]);
      if (!joined) {
        report(diagnostics::code::type_mismatch, c.arguments[i]->at, [&] {
          return std::string("cannot take the ") + name + " of " + describe(common) + " and " +
                 describe(arguments[i]);
        });
        return {};
      }
      common = *joined;
    }
    return common;
  }

  // The segment's time and day exist only while a part of a line is priced.
  bool outside_segments(const ast::expression& e, const char* keyword) {
    if (ctx_.place == expression_place::rule) return false;
    report(diagnostics::code::not_readable_here, e.at, [&] {
      return std::string("'") + keyword +
             "' reads the time of a segment being priced, which this " +
             (ctx_.place == expression_place::pay_rule ? "pay rule" : "condition") +
             " does not have";
    });
    return true;
  }

  type type_node(const ast::expression& e, const ast::in_window& w) {
    if (outside_segments(e, "in")) return {};
    if (!ctx_.windows.contains(w.window.text)) report_calendar_name("window", w.window);
    return of(boolean);
  }

  type type_node(const ast::expression& e, const ast::on_days& d) {
    if (outside_segments(e, "on")) return {};
    if (d.day_set && !ctx_.day_sets.contains(d.day_set->text))
      report_calendar_name("day set", *d.day_set);
    return of(boolean);
  }

  type type_node(const ast::expression& e, const ast::during& d) {
    if (outside_segments(e, "during")) return {};
    if (d.season) {
      if (!ctx_.seasons.contains(d.season->text)) report_calendar_name("season", *d.season);
    } else if (d.last < d.first) {
      report(diagnostics::code::reversed_range, e.at, [&] {
        return "date range " + format_date(d.first) + " .. " + format_date(d.last) +
               " ends before it starts";
      });
    }
    return of(boolean);
  }

  // Names a misspelling among the same kind, or says which keyword fits a name of another kind:
  // `in weekend` when weekend is a day set.
  // `same_kind` is set to the names it suggests from, if it suggests one of the same kind.
  std::string unknown_calendar_name(const std::string& kind, const std::string& name,
                                    const std::vector<std::string>*& same_kind) {
    struct other {
      const name_table* names;
      const char* kind;
      const char* keyword;
    };
    const std::array others{other{&ctx_.windows, "window", "in"},
                            other{&ctx_.day_sets, "day set", "on"},
                            other{&ctx_.seasons, "season", "during"}};
    for (const other& o : others)
      if (o.kind != kind && o.names->contains(name))
        return "unknown " + kind + " '" + name + "'; '" + name + "' is a " + o.kind + ": write '" +
               o.keyword + " " + name + "'";
    for (const other& o : others)
      if (o.kind == kind) {
        same_kind = &o.names->names();
        return unknown_name_message(kind, name, o.names->names());
      }
    return unknown_name_message(kind, name, {});
  }

  // `1 - loyalty` where `100% - loyalty` is meant: a number written beside a percent is the same
  // share as the percent 100 times it, so the hint writes the number as a percent. Only a number
  // written as such (a literal) is rewritten; a computed one has no one place to edit.
  void hint_number_for_percent(diagnostic& d, const ast::expression& number_side,
                               const ast::chain_link& link, const ast::expression& left,
                               const ast::expression& right) {
    const auto* l = std::get_if<ast::literal>(&number_side.node);
    if (l == nullptr || l->kind != ast::literal_kind::number) return;
    const std::string written = l->number.to_string();
    std::string as_percent = (l->number * decimal(100)).to_string();
    if (as_percent.find('.') != std::string::npos) {  // 0.125 * 100 = 12.500: no trailing zeros
      while (as_percent.back() == '0')
        as_percent.pop_back();
      if (as_percent.back() == '.') as_percent.pop_back();
    }
    as_percent += "%";
    const bool number_left = &number_side == &left;
    const std::string rewritten = (number_left ? as_percent : to_text(left)) + " " +
                                  ast::to_string(link.op) + " " +
                                  (number_left ? to_text(right) : as_percent);
    d.note = "a share written as a number does not mix with a percent: " + written + " is " +
             as_percent + ", so write '" + rewritten + "'";
    d.fixes.push_back({.line = number_side.at.line,
                       .column = number_side.at.column,
                       .end_line = number_side.at.line,
                       .end_column = number_side.at.column + static_cast<int>(written.size()),
                       .replacement = as_percent});
  }

  // Reports an unknown calendar name, with the fix-it to the nearest name of its kind if any.
  void report_calendar_name(const std::string& kind, const ast::identifier& name) {
    if (ctx_.lost(kind, name.text)) return;
    const std::vector<std::string>* same_kind = nullptr;
    diagnostic* d = report(diagnostics::code::unknown_calendar_name, name.at,
                           [&] { return unknown_calendar_name(kind, name.text, same_kind); });
    if (d != nullptr && same_kind != nullptr)
      add_fix(*d, rename_fix(name.at, name.text, *same_kind));
  }

  // Reports the error `message()` gives at `at`, unless this expression has shown enough; then
  // the message is not even made (its suggestions search every name).
  // Returns the diagnostic, for a fix-it, or null if it was not shown.
  template <class Message>
  diagnostic* report(diagnostics::code kind, ast::position at, Message message) {
    if (++reported_ > shown) return nullptr;
    return &ctx_.sink.report(kind, at, message());
  }

  context& ctx_;
  std::size_t reported_ = 0;
};

}  // namespace

type check_expression(context& ctx, const ast::expression& e) {
  typer t(ctx);
  const type result = t(e);
  if (const std::size_t more = t.not_shown(); more > 0)
    ctx.sink.report(diagnostics::code::too_many_errors, start_of(e),
                    "this expression has " + std::to_string(more) +
                        " more errors; only the first " + std::to_string(typer::shown) +
                        " are shown");
  return result;
}

}  // namespace tariff::check_stage
