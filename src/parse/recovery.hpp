// Error recovery: after a syntax error the parser resumes at the next line that starts, in
// column 1, with a declaration's keyword. The keywords are the grammar's own
// (grammar/tariff_lexicon.hpp), so a declaration added to the grammar is one recovery stops at.
#pragma once

#include <cstddef>
#include <string_view>

#include "grammar/tariff_lexicon.hpp"

namespace tariff::parse {

/// The words at which recovery resumes: the words the grammar's declarations start with.
inline constexpr const auto& recovery_keywords = grammar::lexicon::declaration_words;

/// Whether the line starting at `at` begins (in column 1) with a declaration keyword, a whole word.
inline bool starts_declaration(std::string_view source, std::size_t at) {
  const auto is_word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  std::size_t end = at;
  while (end < source.size() && is_word_char(source[end]))
    ++end;
  return grammar::lexicon::contains(recovery_keywords, source.substr(at, end - at));
}

}  // namespace tariff::parse
