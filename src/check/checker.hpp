// The checker: names, types, units, table ranges, price-list inheritance, dates and windows.
#pragma once

#include "ast/ast.hpp"
#include "diagnostics/sink.hpp"

namespace tariff::check_stage {

/// Checks a parsed module and reports every error and warning into `sink`.
void check_module(const ast::module& module, diagnostics::diagnostic_sink& sink);

/// Whether a source is small enough to parse (docs/language.md, Limits); reports it if not.
bool source_within_limit(std::string_view source, diagnostics::diagnostic_sink& sink);

}  // namespace tariff::check_stage
