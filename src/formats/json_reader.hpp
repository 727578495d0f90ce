// A JSON document as a small tree whose numbers keep the text they were written with.
//
// nlohmann::json's own values would turn 1.50 into the double 1.5; reading through its SAX
// interface lets us keep "1.50" and pass it to tariff::decimal exactly.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tariff::formats {

/// How deep arrays and objects may nest: the deepest document the readers take is 3 levels (an
/// array of objects with an attribute object), so 64 is far beyond any real input. The limit
/// bounds every recursion over a json_value: its destructor, and any walk over the tree, recurse
/// once per level, and 60 000 levels (120 KB of `[`) would overflow a 1 MiB thread stack.
inline constexpr std::size_t max_json_depth = 64;

struct json_member;

/// A JSON value. Objects keep their members in document order, duplicates included, so a reader
/// can report a key given twice.
struct json_value {
  enum class kind : unsigned char { null, boolean, number, string, array, object };

  kind type = kind::null;
  std::string text;  ///< boolean: "true"/"false"; number: its exact text; string: its value
  std::vector<json_value> items;     ///< array elements
  std::vector<json_member> members;  ///< object members
};

/// One key and its value in an object. (A struct, not std::pair: a pair may not hold the
/// still-incomplete json_value.)
struct json_member {
  std::string key;
  json_value value;
};

/// The word for a kind in messages: "a string", "an object".
std::string_view describe(json_value::kind k);

/// A parsed document, or the parser's complaint.
struct json_parse_result {
  std::optional<json_value> value;  ///< set when the text is well-formed JSON
  std::string error;  ///< otherwise: nlohmann's message or the depth limit's, with the place
};

/// Parses a complete JSON document (a UTF-8 byte order mark before it is skipped). Arrays and
/// objects nested deeper than max_json_depth stop the parse at the first one too deep:
/// "JSON nested too deep at byte 65 (line 1, column 65): level 65 of arrays and objects; the
/// limit is 64". Messages show the text they quote visibly (visible.hpp).
json_parse_result parse_json(std::string_view text);

}  // namespace tariff::formats
