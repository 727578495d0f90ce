// The language's words for the syntax tree's enumerators, for messages and formatting.
#include "ast/ast.hpp"

#include <array>

namespace tariff::ast {

const char* to_string(binary_op op) {
  return vocabulary::word_of(
      op, std::array{"+", "-", "*", "/", "=", "!=", "<", "<=", ">", ">=", "and", "or"});
}

const char* to_string(rounding_point p) {
  return vocabulary::word_of(p, std::array{"segment", "line", "statement"});
}

}  // namespace tariff::ast
