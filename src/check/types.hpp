// The types of the rules language and the typing of expressions.
#pragma once

#include <cstdint>
#include <string>

#include "ast/ast.hpp"

namespace tariff::check_stage {

struct context;

enum class type_kind : std::uint8_t {
  invalid,  ///< an expression already reported as wrong: no further errors about it
  number,
  money,
  percent,
  duration,
  quantity,  ///< a count in an item unit (`unit` says which)
  date,
  string,
  boolean,
};

/// A value's type; quantities carry their unit ("visit").
struct type {
  type_kind kind = type_kind::invalid;
  std::string unit;

  friend bool operator==(const type&, const type&) = default;
};

/// How messages name a type: "number", "money", "quantity of visit", "bool".
std::string describe(const type& t);
/// The type an attribute of declared type `t` has in expressions.
type from_value_type(ast::value_type t);
/// The type of a literal: a quantity in h or min is a duration.
type type_of_literal(const ast::literal& l);

/// Types `e`, reporting every error in it; an expression with an error types as invalid.
type check_expression(context& ctx, const ast::expression& e);

}  // namespace tariff::check_stage
