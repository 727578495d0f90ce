// Equality of the short texts pricing compares on every line (a line's contract against the
// contract's id, zone and item names against the last ones seen, the memo's attribute texts),
// without a call to memcmp: the texts are a few bytes to a few dozen, usually of equal length
// when they are compared at all, and the call costs more than the comparison.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace tariff::price_stage {

/// a == b, byte for byte. Reads only the bytes of the two texts: words of 8 bytes, the last one
/// overlapping the one before; 4 bytes twice for 4 to 7; bytes below 4.
inline bool same_text(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  auto word = [](const char* at) {
    std::uint64_t w = 0;
    std::memcpy(&w, at, sizeof w);
    return w;
  };
  auto half = [](const char* at) {
    std::uint32_t w = 0;
    std::memcpy(&w, at, sizeof w);
    return w;
  };
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8)
      if (word(p + i) != word(q + i)) return false;
    return word(p + n - 8) == word(q + n - 8);
  }
  if (n >= 4) return half(p) == half(q) && half(p + n - 4) == half(q + n - 4);
  for (std::size_t i = 0; i < n; ++i)
    if (p[i] != q[i]) return false;
  return true;
}

}  // namespace tariff::price_stage
