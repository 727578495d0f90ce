// Open documents and incremental sync (document_store.hpp).
#include "lsp/document_store.hpp"

#include <algorithm>
#include <stdexcept>

namespace tariff::lsp {

document& document_store::open(const std::string& uri, std::string text, int version) {
  document& d = documents_[uri];
  d.uri = uri;
  d.text = std::move(text);
  d.version = version;
  d.revision = ++revisions_;
  d.lines = line_map(d.text);
  return d;
}

document& document_store::change(const std::string& uri, const nlohmann::json& changes, int version,
                                 position_encoding encoding) {
  const auto found = documents_.find(uri);
  if (found == documents_.end()) throw std::out_of_range("document not open: " + uri);
  document& d = found->second;
  for (const nlohmann::json& change : changes) {
    const std::string& text = change.at("text").get_ref<const std::string&>();
    if (!change.contains("range")) {
      d.text = text;
    } else {
      // Each change's range refers to the text as the changes before it left it.
      const text_range range = range_from_json(change.at("range"));
      const std::size_t begin = d.lines.offset(d.text, range.start, encoding);
      const std::size_t end = std::max(begin, d.lines.offset(d.text, range.end, encoding));
      d.text.replace(begin, end - begin, text);
    }
    d.lines = line_map(d.text);
  }
  d.version = version;
  d.revision = ++revisions_;
  return d;
}

const document* document_store::find(std::string_view uri) const {
  const auto found = documents_.find(uri);
  return found == documents_.end() ? nullptr : &found->second;
}

}  // namespace tariff::lsp
