// What the parser's and the formatter's tests share: a source parsed with its diagnostics, and
// one well-formed declaration for each declaration keyword (grammar/tariff_lexicon.hpp).
#pragma once

#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "parse/parser.hpp"

namespace tariff::testing_parse {

struct parsed {
  ast::module module;
  std::vector<diagnostic> diagnostics;
};

inline parsed parse(std::string_view source) {
  diagnostics::diagnostic_sink sink(source, "test.tariff");
  ast::module m = parse::parse_module(source, sink);
  return {std::move(m), sink.take()};
}

/// Declaration keyword -> a well-formed declaration starting with it.
inline const std::map<std::string_view, std::string_view>& declaration_samples() {
  static const std::map<std::string_view, std::string_view> table = {
      {"tariff", "tariff \"T\" currency RUB"},
      {"rounding", "rounding line 0.01 half_up"},
      {"calendar", "calendar { timezone Europe/Moscow }"},
      {"attribute", "attribute site.region : string"},
      {"table", "table t by site.region { \"x\": 1 }"},
      {"pricelist", "pricelist p { item a per hour price 1 }"},
      {"rule", "rule r : price"},
      {"group", "group g stack multiply { rule r : price }"},
      {"plan", "plan p { period month }"},
      {"tax", "tax vat included per line round 0.01 half_up { rate standard 20% }"},
      {"pay", "pay staff { rule r : price }"},
      {"migrate", "migrate plan basic -> standard"},
  };
  return table;
}

}  // namespace tariff::testing_parse
