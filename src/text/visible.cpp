// Visible escaping of text output (visible.hpp).
#include "text/visible.hpp"

#include <array>

#include "text/utf8.hpp"

namespace tariff::text {

namespace {

constexpr std::array<char, 16> hex{'0', '1', '2', '3', '4', '5', '6', '7',
                                   '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

// Characters that print as nothing, or change how the text around them prints.
bool hidden(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
         c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

void append_escape(std::string& out, char32_t c) {
  switch (c) {
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      break;
  }
  if (c <= 0x7F) {
    out += "\\x";
    out += hex[c >> 4U];
    out += hex[c & 0xFU];
    return;
  }
  out += "\\u";
  for (unsigned shift = 12;; shift -= 4) {
    out += hex[(c >> shift) & 0xFU];
    if (shift == 0) break;
  }
}

}  // namespace

void append_visible(std::string& out, std::string_view text) {
  // Most text is printable ASCII: copied as it is.
  std::size_t at = 0;
  while (at < text.size()) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x20U || byte >= 0x7FU) break;
    ++at;
  }
  out.append(text.substr(0, at));
  while (at < text.size()) {
    const std::optional<utf8_char> c = decode_utf8(text, at);
    if (!c) {
      const auto byte = static_cast<unsigned char>(text[at]);
      out += "\\x";
      out += hex[byte >> 4U];
      out += hex[byte & 0xFU];
      ++at;
      continue;
    }
    if (hidden(c->code)) {
      append_escape(out, c->code);
    } else {
      out.append(text.substr(at, c->length));
    }
    at += c->length;
  }
}

std::string visible(std::string_view text) {
  std::string out;
  append_visible(out, text);
  return out;
}

std::string quote(std::string_view text) {
  return "'" + visible(text) + "'";
}

}  // namespace tariff::text
