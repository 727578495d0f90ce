// UTF-8, as RFC 3629 defines it: what the engine accepts as text and how it shows the rest.
#pragma once

#include <cstddef>
#include <string_view>

namespace tariff::text {

/// The length of the well-formed UTF-8 character that starts at `at` in `s` (1 to 4), or 0 if
/// the bytes there are not one: a stray continuation byte, an overlong form, a surrogate,
/// something past U+10FFFF, or a character cut off by the end of `s`.
constexpr std::size_t utf8_length(std::string_view s, std::size_t at) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = b(at);
  if (lead < 0x80) return 1;
  std::size_t n = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    n = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    n = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong below U+0800
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    n = 4;
    if (lead == 0xF0) low = 0x90;   // overlong below U+10000
    if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
  } else {
    return 0;
  }
  if (at + n > s.size() || b(at + 1) < low || b(at + 1) > high) return 0;
  for (std::size_t i = 2; i < n; ++i)
    if (b(at + i) < 0x80 || b(at + i) > 0xBF) return 0;
  return n;
}

}  // namespace tariff::text
