// The server's loop: read a message or wait for the next diagnostics to fall due (server.hpp).
#include "lsp/server.hpp"

#include <algorithm>

#include "lsp/dispatch.hpp"
#include "lsp/framing.hpp"

namespace tariff::lsp {

int serve(int in, int out, const server_options& options) {
  dispatcher d(options);
  message_reader reader(in);
  std::string body;
  const auto send = [out](const std::vector<nlohmann::json>& messages) {
    for (const nlohmann::json& m : messages)
      // Text from the document may hold bytes that are not UTF-8: replaced, never a throw.
      write_message(out, m.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  };
  while (!d.exited()) {
    int timeout = -1;
    if (const auto next = d.next_due()) {
      const auto wait =
          std::chrono::ceil<std::chrono::milliseconds>(*next - dispatcher::clock::now());
      timeout = static_cast<int>(std::max<std::chrono::milliseconds::rep>(wait.count(), 0));
    }
    const message_reader::status got = reader.next(body, timeout);
    if (got == message_reader::status::closed) break;
    if (got == message_reader::status::message) send(d.handle(body, dispatcher::clock::now()));
    if (got == message_reader::status::bad_header)
      send({dispatcher::framing_error(reader.problem())});
    send(d.due(dispatcher::clock::now()));
  }
  return d.exit_status() == 0 && d.exited() ? 0 : 1;
}

}  // namespace tariff::lsp
