// JSON-RPC messages over a byte stream with LSP's base protocol framing: a header of
// "Content-Length: N" (and optionally "Content-Type: ..."), an empty line, then N bytes of JSON.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tariff::lsp {

/// Reads framed messages from a file descriptor, with a timeout so that the server can publish
/// debounced diagnostics while it waits.
class message_reader {
 public:
  explicit message_reader(int fd) : fd_(fd) {}

  enum class status {
    message,     ///< a message's body was read
    bad_header,  ///< a header without a valid Content-Length was skipped (see problem())
    timed_out,   ///< nothing complete arrived within the timeout
    closed,      ///< the stream ended (or failed)
  };
  /// Waits up to `timeout_ms` (negative: forever) for the next message and stores its body.
  /// A header block without a valid Content-Length cannot say where its body ends: it is
  /// skipped, and the reader looks for the next header block.
  status next(std::string& body, int timeout_ms);
  /// What was wrong with the header last skipped.
  [[nodiscard]] const std::string& problem() const { return problem_; }

 private:
  // Takes one complete message out of the buffer, if it holds one.
  bool take(std::string& body);
  // Reads what is available within the timeout; false once the stream has ended.
  bool fill(int timeout_ms);

  int fd_;
  std::string buffer_;
  std::optional<std::size_t> body_length_;  // of the message whose header was read
  std::optional<std::string> bad_header_;
  std::string problem_;
  bool closed_ = false;
};

/// Writes one message with its header to `fd`; false if the stream is gone.
bool write_message(int fd, std::string_view body);

}  // namespace tariff::lsp
