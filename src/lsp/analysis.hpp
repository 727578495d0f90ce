// What the server knows of one version of a document, each part worked out when first asked:
// the diagnostics (those `tariff check` prints), the syntax tree with its symbol index, and the
// compiled tariff the explain command prices with.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <tariff/diagnostics.hpp>
#include <tariff/pricing.hpp>

#include "ast/ast.hpp"
#include "lsp/symbols.hpp"

namespace tariff::lsp {

class analysis {
 public:
  /// `file` names the source in diagnostics and traces.
  analysis(std::string text, std::string file);

  [[nodiscard]] const std::string& text() const { return text_; }
  /// Every error and warning, as tariff::check() reports them.
  [[nodiscard]] const std::vector<diagnostic>& diagnostics();
  /// The declarations that parsed (the parser recovers at the next declaration, so a half-typed
  /// one does not hide the others); empty for a text the front end refuses to read.
  [[nodiscard]] const ast::module& module();
  [[nodiscard]] const symbol_index& symbols();
  /// The compiled tariff, or the reason it could not be compiled.
  [[nodiscard]] const compile_result& compiled();

 private:
  void analyse();

  std::string text_;
  std::string file_;
  std::optional<std::vector<diagnostic>> diagnostics_;
  std::optional<ast::module> module_;
  std::optional<symbol_index> symbols_;
  std::optional<compile_result> compiled_;
};

}  // namespace tariff::lsp
