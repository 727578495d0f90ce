// The vocabulary the syntax tree and the compiled plan share: places in the source and the
// language's enumerations that survive compilation (a unit, a period, how rules stack). It sits
// below both stages so that the plan, and everything that reads it, never includes the syntax
// tree (docs/architecture.md, "Stages").
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace tariff::vocabulary {

/// A place in the source: 1-based line and column (column counts bytes). 0 means "none".
struct position {
  int line = 0;
  int column = 0;
  friend bool operator==(const position&, const position&) = default;
};

enum class attribute_scope : std::uint8_t { contract, client, site, work };

enum class value_type : std::uint8_t { string, number, money, percent, boolean, date, integer };

enum class item_unit : std::uint8_t { hour, minute, day, month, visit, piece, km, kg, m2, m3 };

enum class tier_kind : std::uint8_t { graduated, volume, package, percentage };

enum class stacking : std::uint8_t { multiply, largest, add };

enum class period_kind : std::uint8_t { month, quarter, year };

enum class allowance_order : std::uint8_t { work, cheapest, dearest };

enum class tax_basis : std::uint8_t { included, excluded };

enum class tax_scope : std::uint8_t { line, statement };

/// names[e], or "?" for a value outside the enumeration: each stage's to_string of its enums.
template <class Enum, std::size_t N>
const char* word_of(Enum e, const std::array<const char*, N>& names) {
  const auto i = static_cast<std::size_t>(e);
  return i < N ? names[i] : "?";
}

/// The language's word for each enumerator, for messages and formatting.
const char* to_string(attribute_scope s);
const char* to_string(value_type t);
const char* to_string(item_unit u);
const char* to_string(tier_kind k);
const char* to_string(stacking s);
const char* to_string(period_kind p);
const char* to_string(allowance_order o);
const char* to_string(tax_basis b);
const char* to_string(tax_scope s);

}  // namespace tariff::vocabulary
