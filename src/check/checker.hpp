// The checker: names, types, units, table ranges, price-list inheritance, dates and windows.
#pragma once

#include "ast/ast.hpp"
#include "diagnostics/sink.hpp"

namespace tariff {

/// Checks a parsed module and reports every error and warning into `sink`.
void check_module(const ast::module& module, diagnostic_sink& sink);

}  // namespace tariff
