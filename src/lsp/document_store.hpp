// The documents the client has open: their text as the client last sent it, kept in step by
// incremental changes (textDocument/didChange with ranges), and their version.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "lsp/positions.hpp"

namespace tariff::lsp {

/// One open document.
struct document {
  std::string uri;
  std::string text;
  int version = 0;             ///< as the client numbers it
  std::uint64_t revision = 0;  ///< the server's own count of changes, unique across documents
  line_map lines{""};          ///< of `text`, rebuilt after each change
};

/// The open documents by URI.
class document_store {
 public:
  /// didOpen: replaces any document of that URI.
  document& open(const std::string& uri, std::string text, int version);
  /// didChange: applies `changes` in order (each {range, text} or a whole {text}) with positions
  /// in `encoding`; throws std::out_of_range for a document that is not open.
  document& change(const std::string& uri, const nlohmann::json& changes, int version,
                   position_encoding encoding);
  /// didClose.
  void close(const std::string& uri) { documents_.erase(uri); }
  /// The document, or null when it is not open.
  [[nodiscard]] const document* find(std::string_view uri) const;

 private:
  std::map<std::string, document, std::less<>> documents_;
  std::uint64_t revisions_ = 0;
};

}  // namespace tariff::lsp
