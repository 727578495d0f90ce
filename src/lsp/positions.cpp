// Byte offsets and LSP positions, both ways (positions.hpp).
#include "lsp/positions.hpp"

#include <algorithm>

namespace tariff::lsp {
namespace {

// The bytes a UTF-8 sequence takes, from its lead byte; a stray continuation byte counts alone
// (the front end refuses such text, but a half-typed document may hold it).
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

// Code units one sequence of `length` bytes takes: UTF-16 needs a surrogate pair above U+FFFF.
int units_of(std::size_t length, position_encoding encoding) {
  if (encoding == position_encoding::utf8) return static_cast<int>(length);
  return length == 4 ? 2 : 1;
}

}  // namespace

line_map::line_map(std::string_view text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

std::string_view line_map::line(std::string_view text, int line) const {
  if (line < 0 || line >= lines()) return {};
  const std::size_t begin = starts_[static_cast<std::size_t>(line)];
  std::size_t end =
      line + 1 < lines() ? starts_[static_cast<std::size_t>(line) + 1] - 1 : text.size();
  if (end > begin && text[end - 1] == '\r') --end;
  return text.substr(begin, end - begin);
}

std::size_t line_map::offset(std::string_view text, text_position at,
                             position_encoding encoding) const {
  if (at.line < 0) return 0;
  if (at.line >= lines()) return text.size();
  const std::string_view content = line(text, at.line);
  const std::size_t begin = starts_[static_cast<std::size_t>(at.line)];
  std::size_t i = 0;
  int units = 0;
  while (i < content.size()) {
    const std::size_t length =
        std::min(sequence_length(static_cast<unsigned char>(content[i])), content.size() - i);
    const int step = units_of(length, encoding);
    if (units + step > at.character) break;
    units += step;
    i += length;
  }
  return begin + i;
}

text_position line_map::position(std::string_view text, std::size_t offset,
                                 position_encoding encoding) const {
  offset = std::min(offset, text.size());
  const auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<int>(after - starts_.begin()) - 1;
  const std::size_t begin = starts_[static_cast<std::size_t>(line)];
  return {line, code_units(text.substr(begin, offset - begin), encoding)};
}

text_position line_map::from_source(std::string_view text, int line, int column,
                                    position_encoding encoding) const {
  if (line < 1) return {0, 0};
  if (line > lines()) return position(text, text.size(), encoding);
  const std::string_view content = line_map::line(text, line - 1);
  // The front end counts columns after a byte order mark, which LSP counts as a character.
  const std::size_t bom = line == 1 && content.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const std::size_t bytes =
      std::min(bom + static_cast<std::size_t>(std::max(column, 1) - 1), content.size());
  return {line - 1, code_units(content.substr(0, bytes), encoding)};
}

int code_units(std::string_view bytes, position_encoding encoding) {
  int units = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t length =
        std::min(sequence_length(static_cast<unsigned char>(bytes[i])), bytes.size() - i);
    units += units_of(length, encoding);
    i += length;
  }
  return units;
}

nlohmann::json to_json(text_position p) {
  return {{"line", p.line}, {"character", p.character}};
}

nlohmann::json to_json(const text_range& r) {
  return {{"start", to_json(r.start)}, {"end", to_json(r.end)}};
}

text_position position_from_json(const nlohmann::json& j) {
  return {j.at("line").get<int>(), j.at("character").get<int>()};
}

text_range range_from_json(const nlohmann::json& j) {
  return {position_from_json(j.at("start")), position_from_json(j.at("end"))};
}

}  // namespace tariff::lsp
