// What a syntax error can teach beyond "expected X, found Y": the nearest of the words it
// expected ("did you mean 'visit'?"), and hints for mistakes writers make (docs/language.md,
// Hints), each with a fix-it where one edit resolves it.
#pragma once

#include <tariff/diagnostics.hpp>

namespace tariff::parse {

/// Adds to the syntax error `d` (its message, place and source line already set) a suggestion,
/// a note and fix-its where the text around its place shows a known mistake.
void add_syntax_hints(diagnostic& d);

}  // namespace tariff::parse
