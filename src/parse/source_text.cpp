#include "parse/source_text.hpp"

#include <optional>
#include <string>

#include "text/utf8.hpp"
#include "text/visible.hpp"

namespace tariff::parse {

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";
constexpr int max_reports = 10;

// What is wrong at byte `at`, and how many bytes the character there takes.
std::optional<std::string> problem_at(std::string_view s, std::size_t at, std::size_t& length) {
  const auto c = static_cast<unsigned char>(s[at]);
  length = 1;
  if (c == '\t' || c == '\n') return std::nullopt;
  if (c == '\r') {
    if (at + 1 < s.size() && s[at + 1] == '\n') return std::nullopt;
    return std::string(
        "a carriage return (CR) that does not end a line with a line feed after it: "
        "save the file with LF or CRLF line ends");
  }
  if (c < 0x20 || c == 0x7F)
    return "a control character (" + text::visible(s.substr(at, 1)) +
           "): a tariff holds text, tabs and line ends";
  if (c < 0x80) return std::nullopt;
  length = text::utf8_length(s, at);
  if (length == 0) {
    length = 1;
    return "byte " + text::visible(s.substr(at, 1)) + " is not UTF-8: save the file as UTF-8";
  }
  if (s.substr(at, length) == bom)
    return std::string(
        "a byte order mark (U+FEFF) inside the text; only the file's start may have one");
  return std::nullopt;
}

}  // namespace

std::size_t byte_order_mark(std::string_view source) {
  return source.starts_with(bom) ? bom.size() : 0;
}

bool source_text_readable(std::string_view source, diagnostics::diagnostic_sink& sink) {
  int reports = 0;
  int line = 1;
  std::size_t line_start = 0;
  bool line_reported = false;
  for (std::size_t at = byte_order_mark(source); at < source.size();) {
    std::size_t length = 1;
    if (std::optional<std::string> problem = problem_at(source, at, length)) {
      if (!line_reported) {
        // Columns count bytes, as every other diagnostic's do; the start's mark is not one.
        const std::size_t skipped = line == 1 ? byte_order_mark(source) : 0;
        sink.report(diagnostics::code::invalid_source_text,
                    {line, static_cast<int>(at - line_start - skipped) + 1}, *problem);
        line_reported = true;
        if (++reports == max_reports) return false;
      }
    }
    if (source[at] == '\n') {
      ++line;
      line_start = at + 1;
      line_reported = false;
    }
    at += length;
  }
  return reports == 0;
}

}  // namespace tariff::parse
