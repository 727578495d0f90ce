// The checker: names, types, units, table ranges, price-list inheritance, dates and windows.
#pragma once

#include "ast/ast.hpp"
#include "diagnostics/sink.hpp"

namespace tariff {

/// Checks a parsed module and reports every error and warning into `sink`.
void check_module(const ast::module& module, diagnostic_sink& sink);

/// Whether a source is small enough to parse (docs/language.md, Limits); reports it if not.
bool source_within_limit(std::string_view source, diagnostic_sink& sink);

}  // namespace tariff
