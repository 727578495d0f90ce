// The tokens of a tariff source, comments included: what the formatter lays out. Each token is
// matched with the grammar's own token rule (grammar/tariff_grammar.hpp), so the formatter splits
// a source exactly where the parser does.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace tariff::format_stage {

enum class token_kind : std::uint8_t {
  word,      ///< a name or keyword: `rule`, `hvac_repair`, `RUB`
  number,    ///< 1.25
  percent,   ///< 15%
  duration,  ///< 1h, 15min
  date,      ///< 2026-01-01
  time,      ///< 22:00 (in a window)
  zone,      ///< Europe/Moscow (after `timezone`)
  string,    ///< "HVAC repair"
  punct,     ///< { } ( ) , : . .. = != < <= > >= + - * /
  comment,   ///< # to the end of the line
};

struct token {
  token_kind kind = token_kind::word;
  std::string_view text;  ///< a view into the source
  int line = 0;           ///< 1-based
};

/// The source's tokens in order, or nullopt if some text is not a token of the language (the
/// formatter only runs on sources that parse, so this means the two disagree).
std::optional<std::vector<token>> tokenize(std::string_view source);

}  // namespace tariff::format_stage
