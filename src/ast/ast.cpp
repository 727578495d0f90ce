// The language's words for the syntax tree's enumerators, for messages and formatting.
#include "ast/ast.hpp"

#include <array>

namespace tariff::ast {

namespace {
template <class Enum, std::size_t N>
const char* name_of(Enum e, const std::array<const char*, N>& names) {
  const auto i = static_cast<std::size_t>(e);
  return i < N ? names[i] : "?";
}
}  // namespace

const char* to_string(binary_op op) {
  return name_of(op, std::array{"+", "-", "*", "/", "=", "!=", "<", "<=", ">", ">=", "and", "or"});
}
const char* to_string(attribute_scope s) {
  return name_of(s, std::array{"contract", "client", "site", "work"});
}
const char* to_string(item_unit u) {
  return name_of(
      u, std::array{"hour", "minute", "day", "month", "visit", "piece", "km", "kg", "m2", "m3"});
}
const char* to_string(value_type t) {
  return name_of(t, std::array{"string", "number", "money", "percent", "bool", "date", "integer"});
}
const char* to_string(period_kind p) {
  return name_of(p, std::array{"month", "quarter", "year"});
}
const char* to_string(rounding_point p) {
  return name_of(p, std::array{"segment", "line", "statement"});
}
const char* to_string(tier_kind k) {
  return name_of(k, std::array{"graduated", "volume", "package", "percentage"});
}
const char* to_string(stacking s) {
  return name_of(s, std::array{"multiply", "largest", "add"});
}
const char* to_string(allowance_order o) {
  return name_of(o, std::array{"work", "cheapest", "dearest"});
}

const char* to_string(tax_basis b) {
  return name_of(b, std::array{"included", "excluded"});
}

const char* to_string(tax_scope s) {
  return name_of(s, std::array{"line", "statement"});
}

}  // namespace tariff::ast
