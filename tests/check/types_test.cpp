// Typing, constant folding and printing of expressions built by hand (no parser involved).
#include "check/types.hpp"

#include <gtest/gtest.h>

#include "check/constant.hpp"
#include "check/context.hpp"
#include "check/print.hpp"

namespace tariff::check_stage {
namespace {

using ast::binary_op;

template <class Node>
ast::expression make(Node node, ast::position at = {1, 1}) {
  ast::expression e;
  e.at = at;
  e.node = std::move(node);
  return e;
}

ast::expression number(std::string_view text) {
  ast::literal l;
  l.kind = ast::literal_kind::number;
  l.number = decimal(text);
  return make(std::move(l));
}

ast::expression percent(std::string_view text) {
  ast::literal l;
  l.kind = ast::literal_kind::percent;
  l.number = decimal(text);
  return make(std::move(l));
}

ast::expression quantity(std::string_view amount, std::string unit) {
  ast::literal l;
  l.kind = ast::literal_kind::quantity;
  l.number = decimal(amount);
  l.text = std::move(unit);
  return make(std::move(l));
}

ast::expression text(std::string value) {
  ast::literal l;
  l.kind = ast::literal_kind::string;
  l.text = std::move(value);
  return make(std::move(l));
}

ast::expression day(int y, unsigned m, unsigned d) {
  ast::literal l;
  l.kind = ast::literal_kind::date;
  l.day = local_date(date::year{y} / date::month{m} / date::day{d});
  return make(std::move(l));
}

ast::expression truth(bool value) {
  ast::literal l;
  l.kind = ast::literal_kind::boolean;
  l.truth = value;
  return make(std::move(l));
}

ast::expression name(std::string n) {
  return make(ast::name_ref{std::move(n)});
}

ast::expression attribute(ast::attribute_scope scope, std::string n) {
  return make(ast::attribute_ref{scope, std::move(n)});
}

// `left op right`, a chain of one link; `left` may itself be a chain, as if in parentheses.
ast::expression binary(binary_op op, ast::expression left, ast::expression right,
                       ast::position at = {7, 9}) {
  ast::chain c;
  c.first = std::make_unique<ast::expression>(std::move(left));
  ast::chain_link& link = c.links.emplace_back();
  link.op = op;
  link.at = at;
  link.operand = std::make_unique<ast::expression>(std::move(right));
  if (op == binary_op::divide)
    link.rounding = ast::division_rounding{decimal("0.01"), rounding_mode::half_up};
  return make(std::move(c), at);
}

ast::expression negate(ast::expression operand) {
  ast::unary u;
  u.op = ast::unary_op::negate;
  u.operand = std::make_unique<ast::expression>(std::move(operand));
  u.innermost = {1, 1};
  return make(std::move(u));
}

ast::expression call(ast::function fn, std::vector<ast::expression> arguments) {
  ast::call c;
  c.fn = fn;
  for (ast::expression& a : arguments)
    c.arguments.push_back(std::make_unique<ast::expression>(std::move(a)));
  return make(std::move(c));
}

// Types an expression against an empty module with the built-in attributes.
class Typing : public testing::Test {
 protected:
  Typing() : sink_("", "test"), ctx_(module_, sink_) {
    ctx_.attributes["contract.year"] = {type{type_kind::number, {}}, nullptr};
    ctx_.attributes["work.date"] = {type{type_kind::date, {}}, nullptr};
    ctx_.table_types["loyalty"] = type{type_kind::percent, {}};
  }

  std::string type_of(const ast::expression& e) {
    const type t = check_expression(ctx_, e);
    return describe(t);
  }

  std::vector<std::string> messages() {
    std::vector<std::string> out;
    for (const diagnostic& d : sink_.take())
      out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
    return out;
  }

  ast::module module_;
  diagnostics::diagnostic_sink sink_;
  context ctx_;
};

TEST_F(Typing, LiteralsAndNames) {
  EXPECT_EQ(type_of(number("2")), "number");
  EXPECT_EQ(type_of(percent("15")), "percent");
  EXPECT_EQ(type_of(quantity("1", "h")), "duration");
  EXPECT_EQ(type_of(quantity("15", "min")), "duration");
  EXPECT_EQ(type_of(quantity("3", "visit")), "quantity in visit");
  EXPECT_EQ(type_of(text("x")), "string");
  EXPECT_EQ(type_of(day(2026, 1, 1)), "date");
  EXPECT_EQ(type_of(truth(true)), "bool");
  EXPECT_EQ(type_of(name("price")), "money");
  EXPECT_EQ(type_of(name("base")), "money");
  EXPECT_EQ(type_of(name("cost")), "money");
  EXPECT_EQ(type_of(name("quantity")), "number");
  EXPECT_EQ(type_of(name("loyalty")), "percent");
  EXPECT_EQ(type_of(attribute(ast::attribute_scope::contract, "year")), "number");
  EXPECT_TRUE(messages().empty());
}

TEST_F(Typing, ArithmeticFollowsTheTable) {
  EXPECT_EQ(type_of(binary(binary_op::add, number("1"), number("2"))), "number");
  EXPECT_EQ(type_of(binary(binary_op::add, name("price"), name("cost"))), "money");
  EXPECT_EQ(type_of(binary(binary_op::add, name("price"), number("100"))), "money");
  EXPECT_EQ(type_of(binary(binary_op::subtract, number("100"), name("price"))), "money");
  EXPECT_EQ(type_of(binary(binary_op::add, percent("5"), percent("10"))), "percent");
  EXPECT_EQ(type_of(binary(binary_op::add, quantity("1", "h"), quantity("30", "min"))), "duration");
  EXPECT_EQ(type_of(binary(binary_op::multiply, name("price"), number("2"))), "money");
  EXPECT_EQ(type_of(binary(binary_op::multiply, number("2"), name("price"))), "money");
  EXPECT_EQ(type_of(binary(binary_op::multiply, name("price"), percent("10"))), "money");
  EXPECT_EQ(type_of(binary(binary_op::multiply, percent("10"), name("price"))), "money");
  EXPECT_EQ(type_of(binary(binary_op::multiply, number("2"), percent("10"))), "number");
  EXPECT_EQ(type_of(binary(binary_op::multiply, quantity("1", "h"), number("2"))), "duration");
  EXPECT_EQ(type_of(binary(binary_op::divide, name("price"), number("3"))), "money");
  EXPECT_EQ(type_of(binary(binary_op::divide, name("price"), name("cost"))), "number");
  EXPECT_EQ(type_of(binary(binary_op::divide, number("1"), number("3"))), "number");
  EXPECT_EQ(type_of(binary(binary_op::divide, quantity("1", "h"), quantity("15", "min"))),
            "number");
  EXPECT_EQ(type_of(negate(name("price"))), "money");
  EXPECT_EQ(type_of(negate(percent("5"))), "percent");
  EXPECT_TRUE(messages().empty());
}

TEST_F(Typing, MismatchesAreReportedAtTheOperatorWithBothTypes) {
  EXPECT_EQ(type_of(binary(binary_op::add, name("price"), day(2026, 1, 1))), "an invalid value");
  type_of(binary(binary_op::multiply, name("price"), name("cost"), {3, 14}));
  type_of(binary(binary_op::multiply, percent("5"), percent("10"), {4, 5}));
  type_of(binary(binary_op::subtract, name("price"), text("x"), {5, 5}));
  type_of(binary(binary_op::divide, number("1"), name("price"), {6, 5}));
  type_of(binary(binary_op::less, text("a"), number("1"), {8, 5}));
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "3:14: cannot multiply money by money",
                            "4:5: cannot multiply percent by percent",
                            "5:5: cannot subtract string from money",
                            "6:5: cannot divide number by money",
                            "7:9: cannot add money and date",
                            "8:5: cannot compare string with number",
                        }));
}

TEST_F(Typing, AnInvalidOperandIsReportedOnce) {
  // The unknown name is the error; the sum around it says nothing more.
  EXPECT_EQ(type_of(binary(binary_op::add, name("pirce"), day(2026, 1, 1))), "an invalid value");
  EXPECT_EQ(messages(),
            std::vector<std::string>{"1:1: unknown name 'pirce'; did you mean 'price'?"});
}

TEST_F(Typing, ComparisonsAndLogic) {
  EXPECT_EQ(type_of(binary(binary_op::greater, name("price"), number("100"))), "bool");
  EXPECT_EQ(type_of(binary(binary_op::equal, text("a"), text("b"))), "bool");
  EXPECT_EQ(type_of(binary(binary_op::logical_and, truth(true), truth(false))), "bool");
  type_of(binary(binary_op::logical_or, truth(true), number("1"), {2, 3}));
  EXPECT_EQ(messages(), std::vector<std::string>{"2:3: 'or' needs bool on both sides, not number"});
}

TEST_F(Typing, MinAndMaxTakeOneTypeWithNumbersJoiningMoney) {
  std::vector<ast::expression> args;
  args.push_back(name("price"));
  args.push_back(number("100"));
  EXPECT_EQ(type_of(call(ast::function::min, std::move(args))), "money");
  std::vector<ast::expression> one;
  one.push_back(name("price"));
  type_of(call(ast::function::max, std::move(one)));
  std::vector<ast::expression> mixed;
  mixed.push_back(name("price"));
  mixed.push_back(day(2026, 1, 1));
  type_of(call(ast::function::min, std::move(mixed)));
  EXPECT_EQ(messages(), (std::vector<std::string>{"1:1: max needs at least 2 values",
                                                  "1:1: cannot take the min of money and date"}));
}

TEST_F(Typing, DivisionByAConstantZero) {
  type_of(binary(binary_op::divide, name("price"), number("0")));
  EXPECT_EQ(messages(), std::vector<std::string>{"1:1: division by zero"});
}

TEST(Folding, SeesThroughConstantsOnly) {
  const auto folded = fold(binary(binary_op::greater, number("1"), number("2")));
  ASSERT_TRUE(folded.has_value());
  EXPECT_EQ(folded->value_type.kind, type_kind::boolean);
  EXPECT_FALSE(folded->truth);
  EXPECT_FALSE(fold(binary(binary_op::greater, name("price"), number("2"))).has_value());
  // `false and x` is false whatever x is; `true or x` is true.
  const auto conjunction = fold(binary(binary_op::logical_and, truth(false), name("x")));
  ASSERT_TRUE(conjunction.has_value());
  EXPECT_FALSE(conjunction->truth);
  const auto disjunction = fold(binary(binary_op::logical_or, name("x"), truth(true)));
  ASSERT_TRUE(disjunction.has_value());
  EXPECT_TRUE(disjunction->truth);
  // 1h = 60min.
  const auto equal = fold(binary(binary_op::equal, quantity("1", "h"), quantity("60", "min")));
  ASSERT_TRUE(equal.has_value());
  EXPECT_TRUE(equal->truth);
}

TEST(Folding, LiteralConstantsAreLiteralsOrTheirNegation) {
  EXPECT_TRUE(is_literal_constant(number("1.25")));
  EXPECT_TRUE(is_literal_constant(negate(number("0.5"))));
  EXPECT_FALSE(is_literal_constant(binary(binary_op::add, number("1"), number("1"))));
  EXPECT_FALSE(is_literal_constant(name("price")));
}

TEST(Printing, WritesParenthesesOnlyWhereNeeded) {
  EXPECT_EQ(to_text(binary(binary_op::multiply, name("price"), number("2"))), "price * 2");
  EXPECT_EQ(to_text(binary(binary_op::multiply, binary(binary_op::add, number("1"), number("0.5")),
                           name("price"))),
            "(1 + 0.5) * price");
  EXPECT_EQ(to_text(binary(binary_op::subtract, name("price"),
                           binary(binary_op::subtract, name("base"), name("cost")))),
            "price - (base - cost)");
  EXPECT_EQ(to_text(binary(binary_op::divide, name("price"), number("3"))),
            "price / 3 round 0.01 half_up");
  EXPECT_EQ(to_text(quantity("3", "visit")), "3 visit");
  EXPECT_EQ(to_text(quantity("15", "min")), "15min");
  EXPECT_EQ(to_text(percent("15")), "15%");
  EXPECT_EQ(to_text(day(2026, 3, 1)), "2026-03-01");
  EXPECT_TRUE(is_operand_of_product(number("2")));
  EXPECT_FALSE(is_operand_of_product(binary(binary_op::add, number("1"), number("2"))));
}

}  // namespace
}  // namespace tariff::check_stage
