// From PEGTL's parse tree of one declaration to the syntax tree.
#pragma once

#include "ast/ast.hpp"
#include "diagnostics/sink.hpp"
#include "parse/parse_tree.hpp"

namespace tariff::parse {

/// Adds the declaration `n` (a child of the parse root) to `module`. Values the grammar cannot
/// judge (a date that does not exist, a time past 24:00, a number beyond the decimal's limits, an
/// option given twice) are reported to `sink`. A price list's items are taken out of `n` as they
/// are read (their subtrees freed), looking at compile()'s stop condition among them.
void build_declaration(node& n, ast::module& module, diagnostics::diagnostic_sink& sink);

}  // namespace tariff::parse
