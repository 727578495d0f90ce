// What text the readers accept in a field (docs/formats.md, "Text"): UTF-8 only, and no control
// character that would let a value forge or hide output: a NUL in an id written raw into CSV, an
// escape sequence or a line break in a code. Checked for every CSV field and header name and
// every JSON string and key, before the field's own reading.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tariff::formats {

/// What a field holds, for the control characters it may hold.
enum class text_kind : unsigned char {
  code,   ///< ids, codes, keys, attribute names, zone names, dates, numbers: tab, no other control
  prose,  ///< free text (a client's or performer's name, an attribute's value): also line breaks
};

/// Why `text` cannot be a value of this kind, or nullopt: bytes that are not UTF-8, a byte order
/// mark (U+FEFF, allowed only at the very start of an input, where the readers skip it), or a
/// control character U+0000..U+001F other than tab (prose: tab, LF and CR). The message quotes
/// the text visibly and names the byte or character (from 1) at fault.
std::optional<std::string> text_problem(std::string_view text, text_kind kind);

}  // namespace tariff::formats
