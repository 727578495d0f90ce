// The JSON-RPC side of the server: one message in, the messages to send out. It holds the
// lifecycle (initialize, shutdown, exit), routes each method to its capability, turns every
// failure into the JSON-RPC error the specification names, and keeps the debounced diagnostics
// waiting until they are due.
#pragma once

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lsp/server.hpp"
#include "lsp/session.hpp"

namespace tariff::lsp {

class dispatcher {
 public:
  using clock = std::chrono::steady_clock;

  explicit dispatcher(const server_options& options) : debounce_(options.debounce_ms) {}

  /// Handles one message's body; returns what to send (a response, notifications).
  std::vector<nlohmann::json> handle(std::string_view body, clock::time_point now);
  /// The diagnostics due at `now`, as publishDiagnostics notifications.
  std::vector<nlohmann::json> due(clock::time_point now);
  /// When the next diagnostics fall due, if any wait.
  [[nodiscard]] std::optional<clock::time_point> next_due() const;
  /// A header the framing could not read: answered as a parse error.
  [[nodiscard]] static nlohmann::json framing_error(const std::string& problem);

  [[nodiscard]] bool exited() const { return exited_; }
  /// 0 when `shutdown` came before `exit`, else 1.
  [[nodiscard]] int exit_status() const { return shut_down_ ? 0 : 1; }

 private:
  nlohmann::json request(const std::string& method, const nlohmann::json& params);
  void notification(const std::string& method, const nlohmann::json& params, clock::time_point now,
                    std::vector<nlohmann::json>& out);
  nlohmann::json initialize(const nlohmann::json& params);

  session session_;
  std::chrono::milliseconds debounce_;
  std::map<std::string, clock::time_point> pending_;  // documents whose diagnostics wait
  bool initialized_ = false;
  bool shut_down_ = false;
  bool exited_ = false;
};

}  // namespace tariff::lsp
