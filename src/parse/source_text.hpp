// The text of a tariff source, checked before it is parsed: what a parser would misread in
// silence or print raw into messages. A tariff is UTF-8 text with LF or CRLF line ends and no
// control characters but TAB; a UTF-8 byte order mark at the start is allowed and skipped.
#pragma once

#include <cstddef>
#include <string_view>

#include "diagnostics/sink.hpp"

namespace tariff::parse {

/// The number of bytes of a UTF-8 byte order mark at the start of `source`: 3 or 0.
std::size_t byte_order_mark(std::string_view source);

/// Reports each line's first problem with the text (up to ten lines), at its line and column:
/// bytes that are not UTF-8, a control character, a carriage return that does not end a line
/// with the line feed after it (CR-only line ends would hide everything after a comment), a
/// byte order mark past the start. Returns whether there was none.
bool source_text_readable(std::string_view source, diagnostics::diagnostic_sink& sink);

}  // namespace tariff::parse
