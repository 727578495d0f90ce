// Turns the cells of one row (from CSV or JSON alike) into a row value or the first error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <tariff/io.hpp>

#include "formats/row_spec.hpp"
#include "formats/seen_ids.hpp"
#include "formats/text_rules.hpp"

namespace tariff::formats {

/// One value given for a row, already located: a plain field or an attribute.
struct cell {
  std::string column;  ///< as messages name it: "start", "site.region"
  int field = -1;      ///< index into row_spec::fields, or -1 for an attribute
  int attribute = -1;  ///< index into row_spec::attributes when field is -1
  std::string name;    ///< the attribute's name
  std::string text;    ///< the value as text; empty means absent
  std::string error;   ///< non-empty: the format already found this cell wrong (a JSON type)
};

/// A cell whose texts live elsewhere (the CSV reader's header and record): nothing is copied.
struct cell_view {
  std::string_view column;
  int field = -1;
  int attribute = -1;
  std::string_view name;
  std::string_view text;
  std::string_view error;
};

/// The id to name a row by in its errors: `text`, unless it is not clean text (text_rules.hpp),
/// which a message must not carry; then none.
inline std::string_view row_id_view(std::string_view text) {
  return text_problem(text, text_kind::code) ? std::string_view() : text;
}
inline std::string row_id(std::string_view text) {
  return std::string(row_id_view(text));
}

/// Reads one row from its cells (cell or cell_view) into `row` (default-constructed), in order:
/// the id (and, given `seen`, whether it repeats an earlier row's), then each cell in input order
/// (its text first: UTF-8 and control characters, text_rules.hpp), then the required fields, then
/// the row's own checks. The first thing wrong goes to `error`, and the result is false.
template <class Row, class Cells>
bool read_row_into(const row_spec<Row>& spec, std::size_t row_number, const Cells& cells,
                   seen_ids* seen, Row& row, input_error& error) {
  std::string_view id;
  for (const auto& c : cells) {
    if (c.field == 0 && c.error.empty()) id = row_id_view(c.text);
  }
  auto fail = [&](std::string_view column, std::string message) {
    error.row = row_number;
    error.id = std::string(id);
    error.column = std::string(column);
    error.message = std::move(message);
    return false;
  };
  if (!id.empty() && seen != nullptr) {
    if (const std::optional<std::size_t> first = seen->first_row(id, row_number)) {
      return fail(spec.fields[0].name, "duplicate id '" + std::string(id) + "' (first on row " +
                                           std::to_string(*first) + ")");
    }
  }

  // Which fields were given: bits while they fit in a word, as every spec's do.
  std::uint64_t given_bits = 0;
  std::vector<bool> given_many(spec.fields.size() > 64 ? spec.fields.size() : 0, false);
  auto give = [&](std::size_t i) {
    if (given_many.empty()) {
      given_bits |= std::uint64_t{1} << i;
    } else {
      given_many[i] = true;
    }
  };
  auto given = [&](std::size_t i) {
    return given_many.empty() ? (given_bits >> i & 1U) != 0 : given_many[i];
  };
  for (const auto& c : cells) {
    if (!c.error.empty()) return fail(c.column, std::string(c.error));
    if (c.text.empty()) continue;  // an empty cell is an absent value
    const text_kind kind =
        c.field >= 0 ? spec.fields[static_cast<std::size_t>(c.field)].text : text_kind::prose;
    if (auto problem = text_problem(c.text, kind)) return fail(c.column, std::move(*problem));
    if (c.field >= 0) {
      const auto index = static_cast<std::size_t>(c.field);
      if (auto problem = spec.fields[index].read(row, c.text)) {
        return fail(c.column, std::move(*problem));
      }
      give(index);
    } else {
      attribute_map& map = row.*(spec.attributes[static_cast<std::size_t>(c.attribute)].member);
      map.insert_or_assign(std::string(c.name), std::string(c.text));
    }
  }
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    if (spec.fields[i].required && !given(i))
      return fail(spec.fields[i].name, "a value is required");
  }
  if (auto problem = spec.check(row)) {
    return fail(problem->column, std::move(problem->message));
  }
  return true;
}

/// read_row_into with a row of its own, checking ids for repeats.
template <class Row, class Cells>
std::variant<Row, input_error> read_row(const row_spec<Row>& spec, std::size_t row_number,
                                        const Cells& cells, seen_ids& seen) {
  Row row{};
  input_error error;
  if (read_row_into(spec, row_number, cells, &seen, row, error)) return row;
  return error;
}

/// Adds a row's outcome to a result.
template <class Row>
void add_outcome(read_result<Row>& result, std::size_t row_number,
                 std::variant<Row, input_error> outcome) {
  if (auto* row = std::get_if<Row>(&outcome)) {
    result.rows.push_back(std::move(*row));
    result.row_numbers.push_back(row_number);
  } else {
    result.errors.push_back(std::move(std::get<input_error>(outcome)));
  }
}

}  // namespace tariff::formats
