// How one kind of row (work line, contract) maps to columns and keys: the table both the CSV and
// the JSON reader and writer walk, so the two formats cannot disagree about a field.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <tariff/model.hpp>

#include "formats/text_rules.hpp"

namespace tariff::formats {

/// The JSON value types a key accepts (a bit set). Each is turned into text before `read`.
enum json_types : std::uint8_t {
  json_string = 1,   ///< the string's value
  json_number = 2,   ///< the number's exact text
  json_boolean = 4,  ///< "true" or "false"
};

/// A plain (non-attribute) column.
template <class Row>
struct field_spec {
  std::string_view name;  ///< the CSV column and the JSON key
  bool required;          ///< a row without it is an error
  std::uint8_t json;      ///< json_types accepted; written as a bare literal if json_boolean
  /// Reads non-empty text into the row; returns the complaint if the text does not read.
  std::optional<std::string> (*read)(Row& row, std::string_view text);
  /// The text to write; nullopt (or empty) when absent.
  std::optional<std::string> (*write)(const Row& row);
  /// The control characters its text may hold (text_rules.hpp): a code unless it is free text.
  text_kind text = text_kind::code;
  /// The CSV writer writes the column only when some row has a value: a column added to a format
  /// later (a payment's `kind`, a work line's `void`) leaves the files without it as they were.
  bool sparse = false;
};

/// A group of attributes: CSV columns `prefix` + NAME, or the JSON object under `key`.
template <class Row>
struct attribute_spec {
  std::string_view prefix;     ///< "site."
  std::string_view key;        ///< "site_attributes"
  attribute_map Row::*member;  ///< where the values go
};

/// A whole-row complaint: the column at fault and what is wrong.
struct row_problem {
  std::string column;
  std::string message;
};

/// Everything the generic readers and writers need to know about a row type.
template <class Row>
struct row_spec {
  std::span<const field_spec<Row>> fields;          ///< in writing order; fields[0] is `id`
  std::span<const attribute_spec<Row>> attributes;  ///< in writing order
  /// Checks that need several fields (end after start); runs after every field read.
  std::optional<row_problem> (*check)(const Row& row);
};

}  // namespace tariff::formats
