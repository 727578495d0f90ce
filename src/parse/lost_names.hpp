// The names a declaration lost to a syntax error still declares: read from its words, not parsed
// (the text is broken), so that the checker takes them as declared and one error does not make
// every use of them another (docs/language.md, Syntax errors and recovery).
#pragma once

#include <string_view>

#include "ast/ast.hpp"

namespace tariff::parse {

/// Records in `module.lost_names` the names `text` (a broken declaration, up to where parsing
/// resumes) declares: `pricelist NAME`, `table NAME` at its start; `item NAME`, `window NAME`,
/// `days NAME`, `season NAME` anywhere in it.
void record_lost_names(std::string_view text, ast::module& module);

}  // namespace tariff::parse
