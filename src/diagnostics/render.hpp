// A diagnostic as text, with the choices a terminal tool makes (colour, the name, an underline)
// that `tariff::format` leaves out: hosts get the plain form, the `tariff` tool this one.
#pragma once

#include <string>
#include <vector>

#include <tariff/diagnostics.hpp>

namespace tariff::diagnostics {

struct render_options {
  bool color = false;      ///< ANSI colours (only where the output is a terminal that wants them)
  bool with_name = false;  ///< "[unknown-item]" after the message
  bool underline = false;  ///< '~' under the rest of the span after the caret
};

/// "file:line:col: error: message", the source line, a caret (and the underline), the first
/// fix-it's replacement under the span, then "file:line:col: note: ..." if there is a note.
std::string render(const diagnostic& d, const render_options& options);

}  // namespace tariff::diagnostics
