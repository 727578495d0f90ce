// Text for people, made safe to print: a name from the input must not be able to start a new line
// of a statement (and forge a "total 0.00" under it), move the cursor back over what was printed,
// or send the terminal an escape sequence (docs/formats.md, "Text output").
#pragma once

#include <string>
#include <string_view>

namespace tariff::text {

/// `text` with every character that would not print as itself written visibly, in ASCII:
/// `\n`, `\r`, `\t`; other control characters (U+0000..U+001F, U+007F) as `\x1b`; C1 controls
/// (U+0080..U+009F) and the invisible characters that reorder or hide text (bidi controls
/// U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069; U+2028, U+2029; U+FEFF) as
/// `\u202e`; each byte that is not UTF-8 as `\xff`. Everything else, the backslash included, is
/// copied, so visible(visible(t)) == visible(t): text escaped once is never escaped twice.
std::string visible(std::string_view text);
/// visible(text) appended to `out`, without a string of its own.
void append_visible(std::string& out, std::string_view text);

/// `'text'`, escaped by visible(): how messages quote a value they refuse.
std::string quote(std::string_view text);

}  // namespace tariff::text
