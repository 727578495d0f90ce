// Splitting a source into tokens with the grammar's own token rules (tokens.hpp).
#include "format/tokens.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "grammar/tariff_grammar.hpp"
#include "grammar/tariff_lexicon.hpp"

namespace tariff::format_stage {

namespace {

namespace g = grammar;
namespace pegtl = tao::pegtl;

// The length of `Rule`'s match at the start of `text`; 0 if it does not match there.
template <class Rule>
std::size_t match(std::string_view text) {
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.size(), "");
  try {
    if (!pegtl::parse<Rule>(in)) return 0;
  } catch (const pegtl::parse_error&) {
    return 0;  // an unterminated string: not a token
  }
  return static_cast<std::size_t>(in.current() - text.data());
}

struct word_rule : pegtl::identifier {};
struct number_rule : pegtl::seq<pegtl::plus<pegtl::digit>,
                                pegtl::opt<pegtl::one<'.'>, pegtl::plus<pegtl::digit>>> {};

constexpr std::array<std::string_view, 17> punctuation = {
    "..", "->", "<=", ">=", "!=", "{", "}", "(", ")", ",", ":", ".", "=", "<", ">", "+", "-"};
constexpr std::array<std::string_view, 2> more_punctuation = {"*", "/"};

std::size_t match_punct(std::string_view text) {
  for (std::string_view p : punctuation)
    if (text.starts_with(p)) return p.size();
  for (std::string_view p : more_punctuation)
    if (text.starts_with(p)) return p.size();
  return 0;
}

// The grammar reads a zone name only after `timezone` and a clock time only in a `window`
// entry; elsewhere "Etc/GMT+3" would be a division and "10:15" a tier's key and value.
struct lexer_context {
  bool after_timezone = false;
  int window_tokens_left = 0;
};

std::optional<token> next_token(std::string_view rest, const lexer_context& context) {
  const auto make = [&](token_kind kind, std::size_t length) -> std::optional<token> {
    if (length == 0) return std::nullopt;
    return token{kind, rest.substr(0, length), 0};
  };
  const char c = rest.front();
  if (c == '#') return make(token_kind::comment, 1);  // its extent is the caller's
  if (c == '"') return make(token_kind::string, match<g::string_literal>(rest));
  if (context.after_timezone) return make(token_kind::zone, match<g::zone_name>(rest));
  if (c >= '0' && c <= '9') {
    if (std::size_t n = match<g::date_literal>(rest)) return make(token_kind::date, n);
    if (context.window_tokens_left > 0)
      if (std::size_t n = match<g::time_literal>(rest)) return make(token_kind::time, n);
    if (std::size_t n = match<g::percent>(rest)) return make(token_kind::percent, n);
    if (std::size_t n = match<g::duration>(rest)) return make(token_kind::duration, n);
    // The grammar's number refuses a letter right after it ("3visit"); so does the tokenizer.
    if (std::size_t n = match<g::number>(rest)) return make(token_kind::number, n);
    return std::nullopt;
  }
  if (std::size_t n = match<word_rule>(rest)) return make(token_kind::word, n);
  return make(token_kind::punct, match_punct(rest));
}

}  // namespace

std::optional<std::vector<token>> tokenize(std::string_view source) {
  std::vector<token> out;
  lexer_context context;
  int line = 1;
  std::size_t at = 0;
  if (source.starts_with("\xEF\xBB\xBF")) at = 3;  // a byte-order mark is not text
  while (at < source.size()) {
    const char c = source[at];
    if (c == '\n') {
      ++line;
      ++at;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++at;
      continue;
    }
    std::optional<token> t = next_token(source.substr(at), context);
    if (!t) return std::nullopt;
    t->line = line;
    if (t->kind == token_kind::comment) {
      // A comment runs to the end of the line; trailing spaces are not part of its text.
      const std::size_t end = std::min(source.find('\n', at), source.size());
      t->text = source.substr(at, end - at);
      while (t->text.back() == ' ' || t->text.back() == '\t' || t->text.back() == '\r')
        t->text.remove_suffix(1);
      at = end;
      out.push_back(*t);
      continue;
    }
    const bool is_word = t->kind == token_kind::word;
    context.after_timezone = is_word && t->text == grammar::lexicon::word<g::timezone_entry>();
    // `window NAME TIME .. TIME`: the four tokens after the keyword.
    if (context.window_tokens_left > 0) --context.window_tokens_left;
    if (is_word && t->text == grammar::lexicon::word<g::window_entry>())
      context.window_tokens_left = 4;
    at += t->text.size();
    out.push_back(*t);
  }
  return out;
}

}  // namespace tariff::format_stage
