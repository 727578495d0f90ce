// JSON string escaping (RFC 8259 §7): quote, backslash and control characters; other characters,
// UTF-8 included, are copied as they are, and a byte that is not UTF-8 is written as U+FFFD.
#include "formats/json_writer.hpp"

#include <array>

#include "text/utf8.hpp"

namespace tariff::formats {

void append_json_string(std::string& out, std::string_view text) {
  static constexpr std::array<char, 16> hex{'0', '1', '2', '3', '4', '5', '6', '7',
                                            '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  out += '"';
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          const auto byte = static_cast<unsigned char>(c);
          out += "\\u00";
          out += hex[byte >> 4U];
          out += hex[byte & 0xFU];
        } else if (static_cast<unsigned char>(c) < 0x80) {
          out += c;
        } else if (const std::optional<text::utf8_char> u = text::decode_utf8(text, at)) {
          out.append(text.substr(at, u->length));
          at += u->length - 1;
        } else {
          // Only a host's own value can get here (the readers refuse text that is not UTF-8);
          // copied raw, it would make the whole document unreadable.
          out += "\\ufffd";
        }
    }
  }
  out += '"';
}

}  // namespace tariff::formats
