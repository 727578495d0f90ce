#include "parse/lost_names.hpp"

#include <cctype>
#include <string>
#include <vector>

namespace tariff::parse {
namespace {

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// The words of `text`, outside strings and comments, in order.
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '"') {  // a string, to its end or the line's
      ++i;
      while (i < text.size() && text[i] != '"' && text[i] != '\n')
        i += text[i] == '\\' ? 2 : 1;
      ++i;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n')
        ++i;
    } else if (is_word_char(c)) {
      const std::size_t start = i;
      while (i < text.size() && is_word_char(text[i]))
        ++i;
      words.push_back(text.substr(start, i - start));
    } else {
      ++i;
    }
  }
  return words;
}

}  // namespace

void record_lost_names(std::string_view text, ast::module& module) {
  const std::vector<std::string_view> words = words_of(text);
  const auto add = [&](const char* kind, std::string_view name) {
    module.lost_names.emplace(kind, std::string(name));
  };
  if (words.size() >= 2 && words[0] == "pricelist") add("price list", words[1]);
  if (words.size() >= 2 && words[0] == "table") add("table", words[1]);
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i] == "item") add("item", words[i + 1]);
    if (words[i] == "window") add("window", words[i + 1]);
    if (words[i] == "days") add("day set", words[i + 1]);
    if (words[i] == "season") add("season", words[i + 1]);
  }
}

}  // namespace tariff::parse
