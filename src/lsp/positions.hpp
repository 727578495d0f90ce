// Places in a document as LSP counts them, and as the front end counts them.
//
// The front end counts 1-based lines and 1-based byte columns; LSP counts 0-based lines and, on
// a line, code units of the encoding negotiated at `initialize`: UTF-16 by default, UTF-8 when the
// client offers it. A tariff is UTF-8, so with UTF-16 a character outside ASCII ("Договор") is one
// or two code units but two to four bytes, and every position crossing the wire is converted.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

namespace tariff::lsp {

/// The code units a client counts positions in.
enum class position_encoding { utf8, utf16 };

/// An LSP position: 0-based line, and code units into the line.
struct text_position {
  int line = 0;
  int character = 0;
  friend bool operator==(const text_position&, const text_position&) = default;
};

/// An LSP range: from `start` up to, not including, `end`.
struct text_range {
  text_position start;
  text_position end;
};

/// Where each line of a text starts, to convert between byte offsets and positions.
class line_map {
 public:
  explicit line_map(std::string_view text);

  /// The number of lines (a text ending in a line feed has an empty last line).
  [[nodiscard]] int lines() const { return static_cast<int>(starts_.size()); }
  /// Line `line` (0-based) without its line end; empty past the last line.
  [[nodiscard]] std::string_view line(std::string_view text, int line) const;
  /// The byte offset of an LSP position. A line past the end is the end of the text, a character
  /// past the end of its line is the line's end, and one inside a multi-unit character is its
  /// start (the specification asks servers to accept such positions).
  [[nodiscard]] std::size_t offset(std::string_view text, text_position at,
                                   position_encoding encoding) const;
  /// The LSP position of a byte offset.
  [[nodiscard]] text_position position(std::string_view text, std::size_t offset,
                                       position_encoding encoding) const;
  /// The LSP position of a front-end place (1-based line, 1-based byte column).
  [[nodiscard]] text_position from_source(std::string_view text, int line, int column,
                                          position_encoding encoding) const;

 private:
  std::vector<std::size_t> starts_;
};

/// Code units of `encoding` in the UTF-8 bytes `bytes`.
[[nodiscard]] int code_units(std::string_view bytes, position_encoding encoding);

nlohmann::json to_json(text_position p);
nlohmann::json to_json(const text_range& r);
/// Reads {"line": L, "character": C}; throws nlohmann::json's errors on another shape.
text_position position_from_json(const nlohmann::json& j);
/// Reads {"start": ..., "end": ...}.
text_range range_from_json(const nlohmann::json& j);

}  // namespace tariff::lsp
