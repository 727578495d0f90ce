// JSON string escaping (RFC 8259 §7): quote, backslash and control characters; other bytes,
// UTF-8 included, are copied as they are.
#include "io/json_writer.hpp"

#include <array>

namespace tariff::io {

void append_json_string(std::string& out, std::string_view text) {
  static constexpr std::array<char, 16> hex{'0', '1', '2', '3', '4', '5', '6', '7',
                                            '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  out += '"';
  for (const char c : text) {
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
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

}  // namespace tariff::io
