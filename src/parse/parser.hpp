// The parser: tariff source text to a syntax tree, with every syntax error reported.
#pragma once

#include <string_view>

#include "ast/ast.hpp"
#include "diagnostics/sink.hpp"

namespace tariff::parse {

/// Parses `source`. Syntax errors go to `sink`; the parser then skips to the next line that starts
/// a declaration (a declaration keyword at the start of a line) and goes on, so a file with three
/// broken declarations gets three errors. The module holds every declaration that parsed.
ast::module parse_module(std::string_view source, diagnostics::diagnostic_sink& sink);

}  // namespace tariff::parse
