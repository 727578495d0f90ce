// UTF-8 decoding one character at a time, for the readers' text checks (text_rules.hpp) and the
// visible escaping of text output (visible.hpp). Which bytes are UTF-8 is the project's one rule,
// text::utf8_length (src/text/utf8.hpp), which the tariff source is checked by too.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "text/utf8.hpp"

namespace tariff::io {

/// One character decoded from UTF-8: its code point and how many bytes it took.
struct utf8_char {
  char32_t code = 0;
  std::size_t length = 0;
};

/// The character that starts at byte `at` of `text`, or nullopt when the bytes there are not
/// UTF-8 (RFC 3629): a stray continuation byte, a sequence cut short, an overlong form, a
/// surrogate (U+D800..U+DFFF) or a code point beyond U+10FFFF.
inline std::optional<utf8_char> decode_utf8(std::string_view text, std::size_t at) {
  const std::size_t length = text::utf8_length(text, at);
  if (length == 0) return std::nullopt;
  const auto lead = static_cast<unsigned char>(text[at]);
  // The lead byte keeps 7 bits alone, then 5, 4 or 3 bits before 6 from each continuation byte.
  char32_t code = length == 1 ? lead : lead & (0x7FU >> length);
  for (std::size_t i = 1; i < length; ++i)
    code = (code << 6U) | (static_cast<unsigned char>(text[at + i]) & 0x3FU);
  return utf8_char{code, length};
}

}  // namespace tariff::io
