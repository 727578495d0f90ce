// Turns the cells of one row (from CSV or JSON alike) into a row value or the first error.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <tariff/io.hpp>

#include "formats/row_spec.hpp"
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

/// Ids seen so far in one input, with the row each was first on.
using seen_ids = std::map<std::string, std::size_t, std::less<>>;

/// The id to name a row by in its errors: `text`, unless it is not clean text (text_rules.hpp),
/// which a message must not carry; then none.
inline std::string row_id(std::string_view text) {
  return text_problem(text, text_kind::code) ? std::string() : std::string(text);
}

/// Reads one row from its cells, in order: the id (and whether it repeats an earlier row's), then
/// each cell in input order (its text first: UTF-8 and control characters, text_rules.hpp), then
/// the required fields, then the row's own checks. The first thing wrong is the row's error.
template <class Row>
std::variant<Row, input_error> read_row(const row_spec<Row>& spec, std::size_t row_number,
                                        const std::vector<cell>& cells, seen_ids& seen) {
  input_error error;
  error.row = row_number;
  for (const cell& c : cells) {
    if (c.field == 0 && c.error.empty()) error.id = row_id(c.text);
  }
  auto fail = [&](std::string column, std::string message) {
    error.column = std::move(column);
    error.message = std::move(message);
    return error;
  };
  if (!error.id.empty()) {
    const auto [it, inserted] = seen.emplace(error.id, row_number);
    if (!inserted) {
      return fail(
          std::string(spec.fields[0].name),
          "duplicate id '" + error.id + "' (first on row " + std::to_string(it->second) + ")");
    }
  }

  Row row{};
  std::vector<bool> given(spec.fields.size(), false);
  for (const cell& c : cells) {
    if (!c.error.empty()) return fail(c.column, c.error);
    if (c.text.empty()) continue;  // an empty cell is an absent value
    const text_kind kind =
        c.field >= 0 ? spec.fields[static_cast<std::size_t>(c.field)].text : text_kind::prose;
    if (auto problem = text_problem(c.text, kind)) return fail(c.column, *problem);
    if (c.field >= 0) {
      const auto index = static_cast<std::size_t>(c.field);
      if (auto problem = spec.fields[index].read(row, c.text)) return fail(c.column, *problem);
      given[index] = true;
    } else {
      (row.*(spec.attributes[static_cast<std::size_t>(c.attribute)].member))[c.name] = c.text;
    }
  }
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    if (spec.fields[i].required && !given[i]) {
      return fail(std::string(spec.fields[i].name), "a value is required");
    }
  }
  if (auto problem = spec.check(row)) return fail(problem->column, problem->message);
  return row;
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
