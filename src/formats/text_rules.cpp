// The readers' rules for text in a field (text_rules.hpp).
#include "formats/text_rules.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#include "text/utf8.hpp"
#include "text/visible.hpp"

namespace tariff::formats {

namespace {

bool allowed_control(char32_t c, text_kind kind) {
  return c == '\t' || (kind == text_kind::prose && (c == '\n' || c == '\r'));
}

std::string hex_byte(unsigned char byte) {
  static constexpr std::array<char, 16> hex{'0', '1', '2', '3', '4', '5', '6', '7',
                                            '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  return {'0', 'x', hex[byte >> 4U], hex[byte & 0xFU]};
}

}  // namespace

namespace {

// Windows-1251 puts the Cyrillic letters at 0xC0-0xFF, and Ё, ё at 0xA8, 0xB8: a word in it is a
// run of such bytes, none of them valid UTF-8. Only a hint (the bytes are never read as any
// encoding but UTF-8): at least two such bytes, and no UTF-8 character before the first bad byte,
// so that a Latin-1 'é' or a UTF-8 character cut short gets no word about Cyrillic.
bool looks_like_cp1251(std::string_view text, std::size_t first_bad) {
  std::size_t letters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (i < first_bad && byte >= 0x80U) return false;
    if (byte >= 0xC0U || byte == 0xA8U || byte == 0xB8U) ++letters;
  }
  return letters >= 2;
}

}  // namespace

std::optional<std::string> text_problem(std::string_view text, text_kind kind) {
  // Eight bytes at a time while every one is printable ASCII (0x20..0x7f): subtracting 0x20
  // from each sets its top bit exactly when some byte is below 0x20, and a byte from 0x80 up
  // has it already. Where a word fails, the byte loop below finds out why.
  constexpr std::uint64_t spaces = 0x2020202020202020U;
  constexpr std::uint64_t tops = 0x8080808080808080U;
  std::size_t at = 0;
  for (; at + 8 <= text.size(); at += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + at, sizeof word);
    if ((((word - spaces) | word) & tops) != 0) break;
  }
  std::size_t character = at;  // each byte passed was a character
  while (at < text.size()) {
    const auto byte = static_cast<unsigned char>(text[at]);
    ++character;
    if (byte >= 0x20U && byte < 0x80U) {  // printable ASCII, the usual case
      ++at;
      continue;
    }
    const std::optional<text::utf8_char> c = text::decode_utf8(text, at);
    if (!c) {
      return text::quote(text) + " is not valid UTF-8 at byte " + std::to_string(at + 1) + " (" +
             hex_byte(byte) + ")" +
             (looks_like_cp1251(text, at)
                  ? "; if the file is in Windows-1251 (cp1251), save it as UTF-8"
                  : "");
    }
    if (c->code == 0xFEFF) {
      return text::quote(text) + " holds a byte order mark (U+FEFF) at character " +
             std::to_string(character) + ": one may only start the input";
    }
    if (c->code < 0x20 && !allowed_control(c->code, kind)) {
      return text::quote(text) + " holds a control character, " +
             text::visible(text.substr(at, c->length)) + ", at character " +
             std::to_string(character) +
             (kind == text_kind::code
                  ? ": ids, codes, keys and zone names may hold no control character but tab"
                  : ": text may hold no control character but tab and line breaks");
    }
    at += c->length;
  }
  return std::nullopt;
}

}  // namespace tariff::formats
