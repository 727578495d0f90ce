// What the handlers share (session.hpp).
#include "lsp/session.hpp"

#include <algorithm>

namespace tariff::lsp {

const document& session::document_of(const nlohmann::json& params) const {
  const std::string& uri = params.at("textDocument").at("uri").get_ref<const std::string&>();
  const document* d = documents.find(uri);
  if (d == nullptr) throw rpc_error(error_code::invalid_params, "document not open: " + uri);
  return *d;
}

analysis& session::analysis_of(const document& d) {
  versioned& v = analyses_[d.uri];
  if (!v.result || v.revision != d.revision) {
    v.result = std::make_unique<analysis>(d.text, file_name_of(d.uri));
    v.revision = d.revision;
  }
  return *v.result;
}

text_range session::range_of(const document& d, ast::position at, int length) const {
  const text_position start = d.lines.from_source(d.text, at.line, at.column, encoding);
  const text_position end = d.lines.from_source(d.text, at.line, at.column + length, encoding);
  return {start, end};
}

ast::position session::place_of(const document& d, text_position p) const {
  const std::size_t offset = d.lines.offset(d.text, p, encoding);
  const text_position bytes = d.lines.position(d.text, offset, position_encoding::utf8);
  // The front end counts the first line's columns after a byte order mark.
  const int bom = bytes.line == 0 && d.text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  return {bytes.line + 1, std::max(bytes.character - bom, 0) + 1};
}

std::string file_name_of(std::string_view uri) {
  const std::size_t slash = uri.find_last_of('/');
  return std::string(slash == std::string_view::npos ? uri : uri.substr(slash + 1));
}

}  // namespace tariff::lsp
