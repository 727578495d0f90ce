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

namespace tariff::io {

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
  std::string error;                ///< otherwise: nlohmann's message, with the byte position
};

/// Parses a complete JSON document.
json_parse_result parse_json(std::string_view text);

}  // namespace tariff::io
