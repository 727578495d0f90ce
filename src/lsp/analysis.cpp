// One document version's analysis, each part on first use (analysis.hpp).
#include "lsp/analysis.hpp"

#include "check/checker.hpp"
#include "parse/parser.hpp"
#include "parse/source_text.hpp"

namespace tariff::lsp {

analysis::analysis(std::string text, std::string file)
    : text_(std::move(text)), file_(std::move(file)) {}

const std::vector<diagnostic>& analysis::diagnostics() {
  if (!diagnostics_) diagnostics_ = check(text_, file_);
  return *diagnostics_;
}

const ast::module& analysis::module() {
  if (!module_) {
    // The same gates as tariff::check(): a text too large or not readable is not parsed. The
    // findings go nowhere here: diagnostics() reports them.
    diagnostics::diagnostic_sink sink(text_, file_);
    if (check_stage::source_within_limit(text_, sink) && parse::source_text_readable(text_, sink))
      module_ = parse::parse_module(text_, sink);
    else
      module_.emplace();
  }
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
