// textDocument/formatting: the formatter's canonical layout (formatter.hpp) as one edit of the
// whole document, or none when it is already formatted. A document with syntax errors is not
// formatted: the request fails with the first error, which the diagnostics show in full.
#include <tariff/formatter.hpp>

#include "lsp/capabilities.hpp"

namespace tariff::lsp {

nlohmann::json formatting(session& s, const nlohmann::json& params) {
  const document& d = s.document_of(params);
  const format_result f = format_tariff(d.text, file_name_of(d.uri));
  if (!f.text) {
    std::string why = "not formatted: the tariff has syntax errors";
    if (!f.diagnostics.empty())
      why += " (" + std::to_string(f.diagnostics.front().line) + ":" +
             std::to_string(f.diagnostics.front().column) + ": " + f.diagnostics.front().message +
             ")";
    throw rpc_error(error_code::request_failed, why);
  }
  if (*f.text == d.text) return nlohmann::json::array();
  const text_range whole{{0, 0}, d.lines.position(d.text, d.text.size(), s.encoding)};
  return nlohmann::json::array({{{"range", to_json(whole)}, {"newText", *f.text}}});
}

}  // namespace tariff::lsp
