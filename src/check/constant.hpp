// Constant folding: the value of an expression that reads nothing from the work or contract.
#pragma once

#include <optional>
#include <string>

#include "ast/ast.hpp"
#include "check/types.hpp"

namespace tariff::check_stage {

/// A constant value. Durations are held in minutes so that 1h equals 60min.
struct constant {
  type value_type;
  decimal number;  ///< number, percent (15 for 15%), duration (minutes), quantity
  std::string text;
  local_date day{};
  bool truth = false;
};

/// The value of `e` if it is constant; nullopt if it reads anything supplied at pricing time
/// or is beyond this small folder (division, which needs a rounding context, is not folded).
/// `false and x` folds to false and `true or x` to true whatever x is.
std::optional<constant> fold(const ast::expression& e);

/// Whether `e` is a literal or the negation of one: the form table values and defaults take.
bool is_literal_constant(const ast::expression& e);

}  // namespace tariff::check_stage
