// The checker: names, types, units, table ranges, price-list inheritance, dates and windows.
#pragma once

#include <string_view>
#include <vector>

#include <tariff/diagnostics.hpp>

#include "ast/ast.hpp"
#include "diagnostics/sink.hpp"

namespace tariff::check_stage {

/// Checks a parsed module and reports every error and warning into `sink`.
void check_module(const ast::module& module, diagnostics::diagnostic_sink& sink);

/// Whether a source is small enough to parse (docs/language.md, Limits); reports it if not.
bool source_within_limit(std::string_view source, diagnostics::diagnostic_sink& sink);

/// The front end in one pass: the declarations that parsed and every finding. tariff::check()
/// is this without the tree; the language server keeps both, so a new version of a document is
/// parsed once. A text past the limits or not readable as text gives an empty module.
struct checked_source {
  ast::module module;
  std::vector<diagnostic> diagnostics;
};
checked_source check_source(std::string_view source, std::string_view file);

}  // namespace tariff::check_stage
