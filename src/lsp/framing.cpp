// The base protocol's framing (framing.hpp).
#include "lsp/framing.hpp"

#include <cerrno>
#include <charconv>
#include <poll.h>
#include <unistd.h>

namespace tariff::lsp {
namespace {

// A header larger than this is not a header: a client sending garbage must not make the server
// buffer it all while looking for the empty line.
constexpr std::size_t max_header = 8192;
// Nor may a Content-Length make it wait for more than any tariff takes (16 MiB of source,
// docs/language.md, "Limits", escaped in JSON).
constexpr std::size_t max_body = std::size_t{128} << 20;

// The value of Content-Length in a header block, or nullopt.
std::optional<std::size_t> content_length(std::string_view header) {
  std::optional<std::size_t> length;
  while (!header.empty()) {
    const std::size_t end = header.find("\r\n");
    const std::string_view line = header.substr(0, end);
    header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 2);
    constexpr std::string_view name = "content-length:";
    if (line.size() < name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size(); ++i)
      same = same && (line[i] | 0x20) == name[i];
    if (!same) continue;
    std::string_view value = line.substr(name.size());
    while (!value.empty() && value.front() == ' ')
      value.remove_prefix(1);
    std::size_t n = 0;
    const auto [end_of_number, error] =
        std::from_chars(value.data(), value.data() + value.size(), n);
    if (error != std::errc{} || end_of_number != value.data() + value.size()) return std::nullopt;
    length = n;
  }
  return length;
}

}  // namespace

bool message_reader::take(std::string& body) {
  if (!body_length_) {
    const std::size_t end = buffer_.find("\r\n\r\n");
    if (end == std::string::npos) {
      if (buffer_.size() > max_header) {
        bad_header_ = "a header of more than 8192 bytes without an empty line after it";
        buffer_.clear();
      }
      return false;
    }
    body_length_ = content_length(std::string_view(buffer_).substr(0, end));
    if (body_length_ && *body_length_ > max_body) {
      body_length_.reset();
      bad_header_ = "a Content-Length of more than 128 MiB";
      buffer_.erase(0, end + 4);
      return false;
    }
    if (!body_length_) {
      bad_header_ = "a header without a valid Content-Length";
      buffer_.erase(0, end + 4);
      return false;
    }
    buffer_.erase(0, end + 4);
  }
  if (buffer_.size() < *body_length_) return false;
  body.assign(buffer_, 0, *body_length_);
  buffer_.erase(0, *body_length_);
  body_length_.reset();
  return true;
}

bool message_reader::fill(int timeout_ms) {
  pollfd p{fd_, POLLIN, 0};
  const int ready = ::poll(&p, 1, timeout_ms);
  if (ready == 0) return true;
  if (ready < 0) return errno == EINTR;
  char chunk[65536];
  const ssize_t n = ::read(fd_, chunk, sizeof chunk);
  if (n < 0) return errno == EINTR || errno == EAGAIN;
  if (n == 0) return false;
  buffer_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

message_reader::status message_reader::next(std::string& body, int timeout_ms) {
  for (;;) {
    if (take(body)) return status::message;
    if (bad_header_) {
      problem_ = *bad_header_;
      bad_header_.reset();
      return status::bad_header;
    }
    if (closed_) return status::closed;
    const std::size_t before = buffer_.size();
    if (!fill(timeout_ms)) {
      closed_ = true;
      continue;
    }
    // Nothing arrived within the timeout: the caller has work to do meanwhile.
    if (buffer_.size() == before && timeout_ms >= 0) {
      if (take(body)) return status::message;
      return status::timed_out;
    }
  }
}

bool write_message(int fd, std::string_view body) {
  std::string message = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  message += body;
  std::string_view rest = message;
  while (!rest.empty()) {
    const ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace tariff::lsp
