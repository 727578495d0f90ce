// One document version's analysis, each part on first use (analysis.hpp).
#include "lsp/analysis.hpp"

#include "check/checker.hpp"

namespace tariff::lsp {

analysis::analysis(std::string text, std::string file)
    : text_(std::move(text)), file_(std::move(file)) {}

// The diagnostics and the tree come from one pass of the front end, whichever is asked first.
void analysis::analyse() {
  check_stage::checked_source checked = check_stage::check_source(text_, file_);
  diagnostics_ = std::move(checked.diagnostics);
  module_ = std::move(checked.module);
}

const std::vector<diagnostic>& analysis::diagnostics() {
  if (!diagnostics_) analyse();
  return *diagnostics_;
}

const ast::module& analysis::module() {
  if (!module_) analyse();
  return *module_;
}

const symbol_index& analysis::symbols() {
  if (!symbols_) symbols_.emplace(module());
  return *symbols_;
}

const compile_result& analysis::compiled() {
  if (!compiled_) compiled_ = compile(text_, file_);
  return *compiled_;
}

}  // namespace tariff::lsp
