// What every request handler shares: the negotiated position encoding, the open documents, the
// analysis of each document's current version, and the error a handler answers with.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "ast/ast.hpp"
#include "lsp/analysis.hpp"
#include "lsp/document_store.hpp"
#include "lsp/positions.hpp"

namespace tariff::lsp {

/// JSON-RPC and LSP error codes.
namespace error_code {
inline constexpr int parse_error = -32700;
inline constexpr int invalid_request = -32600;
inline constexpr int method_not_found = -32601;
inline constexpr int invalid_params = -32602;
inline constexpr int internal_error = -32603;
inline constexpr int server_not_initialized = -32002;
inline constexpr int request_failed = -32803;
}  // namespace error_code

/// A request that cannot be answered with a result: the server answers with this error.
struct rpc_error : std::runtime_error {
  rpc_error(int error, const std::string& message) : std::runtime_error(message), code(error) {}
  int code;
};

struct session {
  position_encoding encoding = position_encoding::utf16;
  document_store documents;

  /// The open document `params.textDocument.uri` names; invalid_params if it is not open.
  const document& document_of(const nlohmann::json& params) const;
  /// The analysis of the document's current version (made on first use, kept until it changes).
  analysis& analysis_of(const document& d);
  /// Forgets a closed document's analysis.
  void forget(const std::string& uri) { analyses_.erase(uri); }

  /// The LSP range of `length` bytes from a front-end place.
  [[nodiscard]] text_range range_of(const document& d, ast::position at, int length) const;
  /// The front-end place (1-based line, 1-based byte column) of an LSP position.
  [[nodiscard]] ast::position place_of(const document& d, text_position p) const;

 private:
  struct versioned {
    std::uint64_t revision = 0;
    std::unique_ptr<analysis> result;
  };
  std::map<std::string, versioned, std::less<>> analyses_;
};

/// The name diagnostics give a document: its URI's last path segment ("facilities.tariff").
std::string file_name_of(std::string_view uri);

}  // namespace tariff::lsp
