#include "parse/syntax_hints.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/nearest.hpp"

namespace tariff::parse {
namespace {

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// The word in "..., found 'word'", if the message ends so.
std::string found_word(const std::string& message) {
  const std::string marker = ", found '";
  const auto at = message.rfind(marker);
  if (at == std::string::npos || !message.ends_with("'")) return {};
  return message.substr(at + marker.size(), message.size() - at - marker.size() - 1);
}

// The words a message lists after its colon: "expected a unit: hour, minute, ... or m3, found
// 'vist'" lists hour, minute, ..., m3.
std::vector<std::string> listed_words(const std::string& message) {
  const auto colon = message.find(": ");
  const auto found = message.rfind(", found '");
  std::vector<std::string> words;
  if (colon == std::string::npos || found == std::string::npos || found < colon) return words;
  std::string list = message.substr(colon + 2, found - colon - 2);
  if (const auto last = list.rfind(" or "); last != std::string::npos) list.replace(last, 4, ", ");
  std::size_t start = 0;
  for (;;) {
    const auto comma = list.find(", ", start);
    std::string word = list.substr(start, comma == std::string::npos ? comma : comma - start);
    if (word.empty() || !std::all_of(word.begin(), word.end(), is_word_char)) return {};
    words.push_back(std::move(word));
    if (comma == std::string::npos) return words;
    start = comma + 2;
  }
}

fix_it replace_on_line(const diagnostic& d, std::size_t from, std::size_t to, std::string text) {
  return {.line = d.line,
          .column = static_cast<int>(from) + 1,
          .end_line = d.line,
          .end_column = static_cast<int>(to) + 1,
          .replacement = std::move(text)};
}

// "expected a unit: ..., found 'vist'": the listed word nearest to the one found.
void suggest_listed_word(diagnostic& d, const std::string& word, std::size_t at) {
  const std::optional<std::string> guess = diagnostics::closest(word, listed_words(d.message));
  if (!guess) return;
  d.message += "; did you mean '" + *guess + "'?";
  d.fixes.push_back(replace_on_line(d, at, at + word.size(), *guess));
}

// The suffix a duration takes for a unit written as a word ("hours" -> "h"), or none.
std::string_view duration_suffix(std::string_view word) {
  for (std::string_view w : {"h", "hr", "hrs", "hour", "hours"})
    if (word == w) return "h";
  for (std::string_view w : {"min", "mins", "minute", "minutes"})
    if (word == w) return "min";
  return {};
}

// A quantity with its unit as a separate word, `20 hours`, where the language has one token,
// `20h`: the error comes at the unit word or just after it (`includes 20 hours hvac_repair`).
bool hint_duration_word(diagnostic& d, std::string_view line, std::size_t at) {
  // The unit word: the one at the error or the one before it.
  std::size_t word_end = at;
  while (word_end < line.size() && is_word_char(line[word_end]))
    ++word_end;
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::size_t word_start = word_end;
    while (word_start > 0 && is_word_char(line[word_start - 1]))
      --word_start;
    const std::string_view word = line.substr(word_start, word_end - word_start);
    std::size_t number_end = word_start;
    while (number_end > 0 && line[number_end - 1] == ' ')
      --number_end;
    std::size_t number_start = number_end;
    while (number_start > 0 && (std::isdigit(static_cast<unsigned char>(line[number_start - 1])) ||
                                line[number_start - 1] == '.'))
      --number_start;
    const std::string_view suffix = duration_suffix(word);
    if (!suffix.empty() && number_start < number_end && number_end < word_start &&
        std::isdigit(static_cast<unsigned char>(line[number_start])) != 0) {
      const std::string written(line.substr(number_start, word_end - number_start));
      const std::string duration =
          std::string(line.substr(number_start, number_end - number_start)) + std::string(suffix);
      d.note = "a duration is one word, the number and its unit together: write '" + duration +
               "', not '" + written + "'";
      d.fixes.push_back(replace_on_line(d, number_start, word_end, duration));
      return true;
    }
    // Step back over the spaces before the word at the error to the word before it.
    word_end = word_start;
    while (word_end > 0 && line[word_end - 1] == ' ')
      --word_end;
    if (word_end == 0) return false;
  }
  return false;
}

// `rule x : price * 2 when in night`: the rule ends at its value, and `when` starts nothing.
bool hint_when_after_colon(diagnostic& d, std::string_view line, std::size_t at) {
  const std::size_t colon = line.rfind(':', at);
  if (colon == std::string_view::npos || !line.starts_with("rule ")) {
    d.message = "'when' after the value: a rule's condition comes before ':'";
    d.note = "write 'rule NAME when CONDITION : VALUE'";
    return true;
  }
  std::string_view value = line.substr(colon + 1, at - colon - 1);
  while (!value.empty() && value.front() == ' ')
    value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ')
    value.remove_suffix(1);
  std::string_view condition = line.substr(at);
  if (const auto comment = condition.find('#'); comment != std::string_view::npos)
    condition = condition.substr(0, comment);
  while (!condition.empty() && condition.back() == ' ')
    condition.remove_suffix(1);
  d.message = "'when' after the value: a rule's condition comes before ':'";
  d.note = "write 'rule NAME when CONDITION : VALUE'";
  d.fixes.push_back(replace_on_line(d, colon, at + condition.size(),
                                    std::string(condition) + " : " + std::string(value)));
  return true;
}

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// `price 1500,00`: a decimal comma, as many locales write numbers; the language's separator is
// the point. Only a comma with digits on both sides and no space is taken for one.
bool hint_decimal_comma(diagnostic& d, std::string_view line, std::size_t at) {
  if (at == 0 || at + 1 >= line.size() || !is_digit(line[at - 1]) || !is_digit(line[at + 1]))
    return false;
  std::size_t start = at;
  while (start > 0 && is_digit(line[start - 1]))
    --start;
  std::size_t end = at + 1;
  while (end < line.size() && is_digit(line[end]))
    ++end;
  if (start > 0 && (is_word_char(line[start - 1]) || line[start - 1] == '.')) return false;
  std::string number(line.substr(start, end - start));
  number[at - start] = '.';
  d.note = "the decimal separator is a point: write '" + number + "'";
  d.fixes.push_back(replace_on_line(d, start, end, number));
  return true;
}

// `rule x : when in night price * 2`: the condition written as the value.
bool hint_when_as_value(diagnostic& d) {
  if (!d.message.starts_with("expected the rule's value")) return false;
  d.message = "'when' after ':': a rule's condition comes before ':'";
  d.note = "write 'rule NAME when CONDITION : VALUE'";
  return true;
}

}  // namespace

void add_syntax_hints(diagnostic& d) {
  const std::string word = found_word(d.message);
  if (word.empty() || d.source_line.empty() || d.column < 1) return;
  const std::string_view line = d.source_line;
  const auto at = static_cast<std::size_t>(d.column) - 1;
  if (line.substr(at, word.size()) != word) return;  // the error is not at the word it names
  if (word == "when" && d.message.starts_with("expected a declaration")) {
    hint_when_after_colon(d, line, at);
    return;
  }
  if (word == "when" && hint_when_as_value(d)) return;
  if (word == "," && hint_decimal_comma(d, line, at)) return;
  if (hint_duration_word(d, line, at)) return;
  suggest_listed_word(d, word, at);
}

}  // namespace tariff::parse
