// The parser driver: one declaration at a time, so that after a syntax error it can skip to the
// next line that starts with a declaration keyword and go on.
#include "parse/parser.hpp"

#include <array>
#include <cctype>

#include "parse/build_ast.hpp"
#include "parse/parse_tree.hpp"

namespace tariff {

namespace {

namespace g = grammar;
namespace pegtl = tao::pegtl;

/// Where the parser stands in the source.
struct cursor {
  std::size_t byte = 0;
  std::size_t line = 1;
  std::size_t column = 1;
};

constexpr std::array<std::string_view, 9> declaration_keywords = {
    "tariff", "rounding", "calendar", "attribute", "table", "pricelist", "rule", "group", "plan"};

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// Whether the line starting at `at` begins (in column 1) with a declaration keyword.
bool starts_declaration(std::string_view source, std::size_t at) {
  std::size_t end = at;
  while (end < source.size() && is_word_char(source[end]))
    ++end;
  const std::string_view word = source.substr(at, end - at);
  for (std::string_view keyword : declaration_keywords)
    if (word == keyword) return true;
  return false;
}

/// The cursor at the start of the first line after the line of `from` that starts a declaration,
/// or at the end of the source.
cursor skip_to_next_declaration(std::string_view source, cursor from) {
  cursor c = from;
  for (;;) {
    while (c.byte < source.size() && source[c.byte] != '\n')
      ++c.byte;
    if (c.byte >= source.size()) return c;
    ++c.byte;
    ++c.line;
    c.column = 1;
    if (starts_declaration(source, c.byte)) return c;
  }
}

cursor cursor_of(const pegtl::internal::iterator& it) {
  return {it.byte, it.line, it.column};
}

/// Where to report a syntax error. PEGTL notices a missing operand only at the next token, which
/// may be on a later line; then the error is reported at the end of the line where the operand
/// was due ("found end of line"), which is where the writer has to type it.
ast::position reported_at(std::string_view source, const pegtl::position& p, std::string& message) {
  const ast::position at{static_cast<int>(p.line), static_cast<int>(p.column)};
  std::size_t stop = p.byte;
  int newlines = 0;
  while (stop > 0 && std::isspace(static_cast<unsigned char>(source[stop - 1])) != 0) {
    if (source[stop - 1] == '\n') ++newlines;
    --stop;
  }
  if (newlines == 0 || stop == 0) return at;
  const std::size_t line_start = source.rfind('\n', stop - 1) + 1;  // npos + 1 == 0
  bool in_string = false;
  for (std::size_t i = line_start; i < stop; ++i) {
    if (source[i] == '"') in_string = !in_string;
    if (source[i] == '#' && !in_string) return at;  // the line ends in a comment: keep it simple
  }
  if (const auto found = message.rfind(", found "); found != std::string::npos)
    message = message.substr(0, found) + ", found end of line";
  return {at.line - newlines, static_cast<int>(stop - line_start) + 1};
}

}  // namespace

ast::module parse_module(std::string_view source, diagnostic_sink& sink) {
  ast::module module;
  module.file = sink.file();
  const char* const end = source.data() + source.size();
  cursor at;
  {
    peg::input in(source.data(), end, module.file);
    pegtl::parse<g::sep>(in);
    at = cursor_of(in.iterator());
  }
  while (at.byte < source.size()) {
    peg::input in(source.data() + at.byte, end, module.file, at.byte, at.line, at.column);
    try {
      const auto root = pegtl::parse_tree::parse<g::next_declaration, parse::selector,
                                                 parse::depth_limit, parse::control>(in);
      at = cursor_of(in.iterator());
      if (root && !root->children.empty())
        parse::build_declaration(*root->children.front(), module, sink);
    } catch (const pegtl::parse_error& e) {
      std::string message(e.message());
      const pegtl::position& p = e.positions().front();
      ast::position where{static_cast<int>(p.line), static_cast<int>(p.column)};
      if (!message.empty() && message.front() == parse::at_next_token_marker) {
        message.erase(0, 1);
      } else {
        where = reported_at(source, p, message);
      }
      sink.error(where, std::move(message));
      // Resume at the first declaration line after the broken declaration's first line: an
      // error found at the start of the next declaration (a missing operand at the end of a
      // rule) must not swallow that declaration.
      at = skip_to_next_declaration(source, at);
    }
  }
  return module;
}

}  // namespace tariff
