// The words of the language as the rest of the front end needs them, derived from the rules of
// grammar/tariff_grammar.hpp and never written out again: the parser's error recovery resumes at
// a line that starts with a declaration's keyword, and the formatter tells an entry from a
// continued line by its first word. A declaration or an entry added to the grammar is known to
// both from then on.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

#include "tariff_grammar.hpp"

namespace tariff::grammar::lexicon {

namespace detail {

// The keyword a rule starts with, found through the rules that match their first part first: a
// keyword itself, a seq<> (t<> is one), an if_must<> (its condition) and atomic<>. A rule derived
// from one of these (`struct rule : if_must<...>`) converts to it, which is how the overloads
// below see through the grammar's named rules. Any other rule (a sor<>, an opt<>, a name) has no
// single leading keyword.
template <class Rule>
struct next {};  // go on with Rule
struct none {};

template <char... Cs>
ascii::keyword<Cs...> first_part(const ascii::keyword<Cs...>*);
template <class Rule, class... Rules>
next<Rule> first_part(const seq<Rule, Rules...>*);
template <class Cond, class... Rules>
next<Cond> first_part(const if_must<Cond, Rules...>*);
template <class Rule>
next<Rule> first_part(const atomic<Rule>*);
none first_part(const void*);

template <class Step>
struct leading;
template <class Rule>
struct leading<next<Rule>> : leading<decltype(first_part(static_cast<const Rule*>(nullptr)))> {};
template <char... Cs>
struct leading<ascii::keyword<Cs...>> {
  using type = ascii::keyword<Cs...>;
};
template <>
struct leading<none> {
  using type = void;
};

template <std::size_t N>
constexpr std::size_t count_unique(std::array<std::string_view, N> words) {
  std::sort(words.begin(), words.end());
  return static_cast<std::size_t>(std::unique(words.begin(), words.end()) - words.begin());
}

}  // namespace detail

/// The keyword rule `Rule` starts with (ascii::keyword<...>), or void if it has none.
template <class Rule>
using leading_keyword_t = typename detail::leading<detail::next<Rule>>::type;

/// The spelling of the keyword `Rule` starts with: `tariff` for the header, `minimum` for
/// `minimum charge`.
template <class Rule>
constexpr std::string_view word() {
  static_assert(!std::is_void_v<leading_keyword_t<Rule>>,
                "this rule does not start with a keyword");
  return word_of<leading_keyword_t<Rule>>::value;
}

/// The words the rules of a list start with, sorted, each once.
template <class... Rules>
constexpr auto words(type_list<Rules...> /*unused*/) {
  constexpr std::array<std::string_view, sizeof...(Rules)> all = {word<Rules>()...};
  constexpr std::size_t n = detail::count_unique(all);
  std::array<std::string_view, sizeof...(Rules)> sorted = all;
  std::sort(sorted.begin(), sorted.end());
  static_cast<void>(std::unique(sorted.begin(), sorted.end()));
  std::array<std::string_view, n> out{};
  std::copy_n(sorted.begin(), n, out.begin());
  return out;
}

/// The words the alternatives of a sor<> rule start with: what may start one of its entries.
template <class Alternatives>
inline constexpr auto first_words = words(typename Alternatives::subs_t{});

/// Whether `text` is one of `words` (a set from this header).
template <std::size_t N>
constexpr bool contains(const std::array<std::string_view, N>& words, std::string_view text) {
  return std::binary_search(words.begin(), words.end(), text);
}

// ---------------------------------------------------------------------------------------------
// The sets

/// The words a declaration starts with: where the parser resumes after a syntax error, and where
/// the formatter starts a statement at the top.
inline constexpr auto declaration_words = first_words<declaration>;

/// The words an entry of a block starts with, block by block.
inline constexpr auto calendar_entry_words = first_words<calendar_entry>;
inline constexpr auto plan_entry_words = first_words<plan_entry>;
inline constexpr auto tax_entry_words = first_words<tax_entry>;
inline constexpr auto item_option_words = first_words<item_option>;  // also an override's options

/// The tier kinds that open a list of tiers: `tiers graduated { ... }`.
inline constexpr auto tier_kind_words = first_words<tier_kind>;

/// The words after which an operand or a condition is due: a line ending in one goes on below,
/// and a `-` after one is a negation.
inline constexpr auto words_before_operand = words(
    type_list<logical_and, logical_or, logical_not, rule_condition, tax_when, attribute_default>{});

/// The words that join conditions: a line starting with one continues the statement above.
inline constexpr auto logical_operator_words = words(type_list<logical_and, logical_or>{});

/// The functions: `min(`, `max(` take no space before the parenthesis.
inline constexpr auto function_words = words(type_list<min_call, max_call>{});

/// The reserved words: no name may be one of them.
inline constexpr auto reserved_words = keyword::words;

// Each declaration starts with a keyword of its own, or recovery could not tell them apart; and
// the words an override may start with are the options an item has.
static_assert(declaration_words.size() == declaration::subs_t::size);
static_assert(words(option_start::subs_t{}) == item_option_words);

}  // namespace tariff::grammar::lexicon
