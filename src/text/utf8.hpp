// UTF-8, as RFC 3629 defines it: what the engine accepts as text and how it shows the rest.
#pragma once

#include <cstddef>
#include <optional>
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

/// One character decoded from UTF-8: its code point and how many bytes it took.
struct utf8_char {
  char32_t code = 0;
  std::size_t length = 0;
};

/// The character that starts at byte `at` of `text`, or nullopt when the bytes there are not
/// UTF-8 (RFC 3629): a stray continuation byte, a sequence cut short, an overlong form, a
/// surrogate (U+D800..U+DFFF) or a code point beyond U+10FFFF.
inline std::optional<utf8_char> decode_utf8(std::string_view text, std::size_t at) {
  const std::size_t length = utf8_length(text, at);
  if (length == 0) return std::nullopt;
  const auto lead = static_cast<unsigned char>(text[at]);
  // The lead byte keeps 7 bits alone, then 5, 4 or 3 bits before 6 from each continuation byte.
  char32_t code = length == 1 ? lead : lead & (0x7FU >> length);
  for (std::size_t i = 1; i < length; ++i)
    code = (code << 6U) | (static_cast<unsigned char>(text[at + i]) & 0x3FU);
  return utf8_char{code, length};
}

}  // namespace tariff::text
