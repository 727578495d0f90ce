// The server's answers, one function per LSP method, each in its own file. Each takes the
// request's params and returns its result; a request it cannot answer throws rpc_error, and a
// params object of the wrong shape throws nlohmann::json's errors (the dispatcher answers both).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "lsp/session.hpp"

namespace tariff::lsp {

// diagnostics.cpp
/// The params of textDocument/publishDiagnostics for the document's current version.
nlohmann::json diagnostics_of(session& s, const document& d);

// hover.cpp
nlohmann::json hover(session& s, const nlohmann::json& params);

// completion.cpp
nlohmann::json completion(session& s, const nlohmann::json& params);

// navigation.cpp
nlohmann::json definition(session& s, const nlohmann::json& params);
nlohmann::json references(session& s, const nlohmann::json& params);

// outline.cpp
nlohmann::json document_symbols(session& s, const nlohmann::json& params);

// rename.cpp
nlohmann::json prepare_rename(session& s, const nlohmann::json& params);
nlohmann::json rename(session& s, const nlohmann::json& params);

// formatting.cpp
nlohmann::json formatting(session& s, const nlohmann::json& params);

// code_actions.cpp
nlohmann::json code_actions(session& s, const nlohmann::json& params);

// explain.cpp
/// The name of the explain command (workspace/executeCommand).
inline constexpr const char* explain_command = "tariff.explain";
nlohmann::json execute_command(session& s, const nlohmann::json& params);
nlohmann::json code_lenses(session& s, const nlohmann::json& params);
/// The hover text of an explain comment at the place, or empty if the line holds none.
std::string explain_hover(session& s, const document& d, int line);

}  // namespace tariff::lsp
