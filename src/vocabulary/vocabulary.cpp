// The language's words for the shared enumerators, for messages and formatting.
#include "vocabulary/vocabulary.hpp"

#include <array>

namespace tariff::vocabulary {

const char* to_string(attribute_scope s) {
  return word_of(s, std::array{"contract", "client", "site", "work"});
}

const char* to_string(item_unit u) {
  return word_of(
      u, std::array{"hour", "minute", "day", "month", "visit", "piece", "km", "kg", "m2", "m3"});
}

const char* to_string(value_type t) {
  return word_of(t, std::array{"string", "number", "money", "percent", "bool", "date", "integer"});
}

const char* to_string(period_kind p) {
  return word_of(p, std::array{"month", "quarter", "year"});
}

const char* to_string(tier_kind k) {
  return word_of(k, std::array{"graduated", "volume", "package", "percentage"});
}

const char* to_string(stacking s) {
  return word_of(s, std::array{"multiply", "largest", "add"});
}

const char* to_string(allowance_order o) {
  return word_of(o, std::array{"work", "cheapest", "dearest"});
}

const char* to_string(tax_basis b) {
  return word_of(b, std::array{"included", "excluded"});
}

const char* to_string(tax_scope s) {
  return word_of(s, std::array{"line", "statement"});
}

}  // namespace tariff::vocabulary
