// Messages to methods, lifecycle and errors (dispatch.hpp).
#include "lsp/dispatch.hpp"

#include <new>

#include <tariff/version.hpp>

#include "lsp/capabilities.hpp"

namespace tariff::lsp {
namespace {

using json = nlohmann::json;

json error_response(const json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

json notification_message(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

// window/logMessage with an error: a notification that failed has no one to answer to.
json log_error(const std::string& message) {
  return notification_message("window/logMessage", {{"type", 1}, {"message", message}});
}

json server_capabilities(position_encoding encoding) {
  return {
      {"positionEncoding", encoding == position_encoding::utf8 ? "utf-8" : "utf-16"},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}}},
      {"hoverProvider", true},
      {"completionProvider", {{"triggerCharacters", {".", " "}}}},
      {"definitionProvider", true},
      {"referencesProvider", true},
      {"documentSymbolProvider", true},
      {"renameProvider", {{"prepareProvider", true}}},
      {"documentFormattingProvider", true},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
      {"codeLensProvider", {{"resolveProvider", false}}},
      {"executeCommandProvider", {{"commands", {explain_command}}}},
  };
}

}  // namespace

json dispatcher::framing_error(const std::string& problem) {
  return error_response(nullptr, error_code::parse_error, problem);
}

json dispatcher::initialize(const json& params) {
  if (initialized_) throw rpc_error(error_code::invalid_request, "initialize was already sent");
  if (!params.is_object()) throw rpc_error(error_code::invalid_params, "params must be an object");
  // utf-8 when the client can count in it: positions then need no conversion.
  session_.encoding = position_encoding::utf16;
  const json* offered = nullptr;
  if (const auto c = params.find("capabilities"); c != params.end() && c->is_object())
    if (const auto g = c->find("general"); g != c->end() && g->is_object())
      if (const auto e = g->find("positionEncodings"); e != g->end() && e->is_array())
        offered = &*e;
  if (offered != nullptr)
    for (const json& e : *offered)
      if (e == "utf-8") session_.encoding = position_encoding::utf8;
  if (const auto o = params.find("initializationOptions"); o != params.end() && o->is_object())
    if (const auto d = o->find("debounce"); d != o->end()) {
      if (!d->is_number_integer() || d->get<long long>() < 0 || d->get<long long>() > 60000)
        throw rpc_error(error_code::invalid_params,
                        "initializationOptions.debounce: milliseconds from 0 to 60000");
      debounce_ = std::chrono::milliseconds(d->get<int>());
    }
  initialized_ = true;
  return {{"capabilities", server_capabilities(session_.encoding)},
          {"serverInfo", {{"name", "tariff"}, {"version", tariff::version}}}};
}

json dispatcher::request(const std::string& method, const json& params) {
  if (method == "initialize") return initialize(params);
  if (!initialized_)
    throw rpc_error(error_code::server_not_initialized, "the server is not initialized yet");
  if (shut_down_) throw rpc_error(error_code::invalid_request, "the server is shut down");
  if (method == "shutdown") {
    shut_down_ = true;
    return nullptr;
  }
  using handler = json (*)(session&, const json&);
  static const std::map<std::string, handler, std::less<>> handlers = {
      {"textDocument/hover", hover},
      {"textDocument/completion", completion},
      {"textDocument/definition", definition},
      {"textDocument/references", references},
      {"textDocument/documentSymbol", document_symbols},
      {"textDocument/prepareRename", prepare_rename},
      {"textDocument/rename", rename},
      {"textDocument/formatting", formatting},
      {"textDocument/codeAction", code_actions},
      {"textDocument/codeLens", code_lenses},
      {"workspace/executeCommand", execute_command},
  };
  const auto found = handlers.find(method);
  if (found == handlers.end())
    throw rpc_error(error_code::method_not_found, "unknown method: " + method);
  if (!params.is_object()) throw rpc_error(error_code::invalid_params, "params must be an object");
  return found->second(session_, params);
}

void dispatcher::notification(const std::string& method, const json& params, clock::time_point now,
                              std::vector<json>& out) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  // Before initialize, notifications are dropped (the specification's rule), and after
  // shutdown nothing but exit is expected.
  if (!initialized_ || shut_down_) return;
  if (method == "textDocument/didOpen") {
    const json& item = params.at("textDocument");
    const document& d =
        session_.documents.open(item.at("uri").get<std::string>(),
                                item.at("text").get<std::string>(), item.at("version").get<int>());
    pending_[d.uri] = now + debounce_;
  } else if (method == "textDocument/didChange") {
    const json& id = params.at("textDocument");
    const json& changes = params.at("contentChanges");
    if (!changes.is_array())
      throw rpc_error(error_code::invalid_params, "contentChanges must be an array");
    const document& d = session_.documents.change(id.at("uri").get<std::string>(), changes,
                                                  id.at("version").get<int>(), session_.encoding);
    pending_[d.uri] = now + debounce_;
  } else if (method == "textDocument/didClose") {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    session_.documents.close(uri);
    session_.forget(uri);
    pending_.erase(uri);
    // A closed document's diagnostics are cleared, as the specification advises.
    out.push_back(notification_message("textDocument/publishDiagnostics",
                                       {{"uri", uri}, {"diagnostics", json::array()}}));
  }
  // Other notifications (initialized, $/cancelRequest, $/setTrace, didSave...) need nothing.
}

std::vector<json> dispatcher::handle(std::string_view body, clock::time_point now) {
  std::vector<json> out;
  json message = json::parse(body, nullptr, false);
  if (message.is_discarded()) {
    out.push_back(error_response(nullptr, error_code::parse_error, "the message is not JSON"));
    return out;
  }
  if (!message.is_object()) {
    out.push_back(error_response(nullptr, error_code::invalid_request,
                                 "a message must be a JSON object (batches are not used by LSP)"));
    return out;
  }
  const auto id = message.find("id");
  const bool has_id = id != message.end();
  if (has_id && !id->is_number_integer() && !id->is_string()) {
    out.push_back(error_response(nullptr, error_code::invalid_request,
                                 "a request's id must be an integer or a string"));
    return out;
  }
  const auto method = message.find("method");
  if (method == message.end() || !method->is_string()) {
    // A response to a request of ours: the server sends none, so there is nothing to match.
    if (has_id && (message.contains("result") || message.contains("error"))) return out;
    out.push_back(error_response(has_id ? *id : json(nullptr), error_code::invalid_request,
                                 "a message needs a method"));
    return out;
  }
  if (message.value("jsonrpc", "") != "2.0") {
    if (has_id)
      out.push_back(error_response(*id, error_code::invalid_request, "jsonrpc must be \"2.0\""));
    return out;
  }
  const std::string name = method->get<std::string>();
  const json params = message.contains("params") ? message["params"] : json::object();
  try {
    if (has_id) {
      json result = request(name, params);
      out.push_back({{"jsonrpc", "2.0"}, {"id", *id}, {"result", std::move(result)}});
    } else {
      notification(name, params, now, out);
    }
  } catch (const rpc_error& e) {
    if (has_id)
      out.push_back(error_response(*id, e.code, e.what()));
    else
      out.push_back(log_error(name + ": " + e.what()));
  } catch (const json::exception& e) {
    // The params are not of the shape the method takes.
    const std::string message_text = "invalid params: " + std::string(e.what());
    if (has_id)
      out.push_back(error_response(*id, error_code::invalid_params, message_text));
    else
      out.push_back(log_error(name + ": " + message_text));
  } catch (const std::out_of_range& e) {
    if (has_id)
      out.push_back(error_response(*id, error_code::invalid_params, e.what()));
    else
      out.push_back(log_error(name + ": " + e.what()));
  } catch (const std::bad_alloc&) {
    if (has_id) out.push_back(error_response(*id, error_code::internal_error, "out of memory"));
  } catch (const std::exception& e) {
    if (has_id)
      out.push_back(error_response(*id, error_code::internal_error, e.what()));
    else
      out.push_back(log_error(name + ": " + e.what()));
  }
  return out;
}

std::vector<json> dispatcher::due(clock::time_point now) {
  std::vector<json> out;
  for (auto i = pending_.begin(); i != pending_.end();) {
    if (i->second > now) {
      ++i;
      continue;
    }
    if (const document* d = session_.documents.find(i->first))
      out.push_back(
          notification_message("textDocument/publishDiagnostics", diagnostics_of(session_, *d)));
    i = pending_.erase(i);
  }
  return out;
}

std::optional<dispatcher::clock::time_point> dispatcher::next_due() const {
  std::optional<clock::time_point> first;
  for (const auto& [uri, at] : pending_)
    if (!first || at < *first) first = at;
  return first;
}

}  // namespace tariff::lsp
