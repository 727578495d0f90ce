// Where each name of a tariff is declared and used: the index behind hover, definition,
// references, rename and the outline. Built from the syntax tree, which keeps where each name
// starts; a name's span is its text's length on that line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.hpp"

namespace tariff::lsp {

/// What a name names.
enum class symbol_kind : std::uint8_t {
  item,
  pricelist,
  plan,
  rule,
  group,
  table,
  window,
  day_set,
  season,
  attribute,  ///< "site.region": the scope and the name
  tax,
  tax_rate,
  pay,
};

/// The language's word for the kind ("day set", "price list").
const char* to_string(symbol_kind kind);

/// One place a name is written.
struct occurrence {
  symbol_kind kind = symbol_kind::item;
  std::string name;
  ast::position at;          ///< where the name starts (1-based line, byte column)
  int length = 0;            ///< its bytes
  bool declaration = false;  ///< declares the name (an item's override is a use)
};

/// Every occurrence of a name in one module, in source order.
class symbol_index {
 public:
  explicit symbol_index(const ast::module& module);

  /// The occurrence whose span holds the place (1-based line, 1-based byte column), or the one
  /// ending right there (the cursor just after a name); null if none.
  [[nodiscard]] const occurrence* at(int line, int column) const;
  /// Every occurrence of the name of that kind, in source order.
  [[nodiscard]] std::vector<const occurrence*> find(symbol_kind kind, std::string_view name) const;
  /// Whether a name of that kind is declared.
  [[nodiscard]] bool declared(symbol_kind kind, std::string_view name) const;
  [[nodiscard]] const std::vector<occurrence>& all() const { return occurrences_; }

 private:
  std::vector<occurrence> occurrences_;
};

}  // namespace tariff::lsp
