// Rows of any row_spec as CSV with a header row.
#pragma once

#include <algorithm>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/io.hpp>

#include "formats/csv.hpp"
#include "formats/row_reader.hpp"
#include "formats/row_spec.hpp"
#include "formats/text_rules.hpp"
#include "text/visible.hpp"

namespace tariff::formats {

/// What a header column stands for: a field, or an attribute of a group.
struct csv_column {
  int field = -1;
  int attribute = -1;
  std::string name;  // the attribute's name
};

/// Maps the header's columns; every problem with the header is reported.
template <class Row>
std::vector<csv_column> read_csv_header(const row_spec<Row>& spec, const csv_record& header,
                                        std::vector<input_error>& errors) {
  auto complain = [&](std::string column, std::string message) {
    errors.push_back({header.line, {}, std::move(column), std::move(message)});
  };
  std::vector<csv_column> columns;
  std::set<std::string, std::less<>> names;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string& name = header.fields[i];
    csv_column col;
    if (name.empty()) {
      complain("", "column " + std::to_string(i + 1) + " of the header has no name");
    } else if (auto problem = text_problem(name, text_kind::code)) {
      complain(text::visible(name), *problem);
    } else if (!names.insert(name).second) {
      complain(name, "the column appears more than once");
    } else {
      for (std::size_t f = 0; f < spec.fields.size(); ++f) {
        if (spec.fields[f].name == name) col.field = static_cast<int>(f);
      }
      for (std::size_t a = 0; a < spec.attributes.size() && col.field < 0; ++a) {
        const std::string_view prefix = spec.attributes[a].prefix;
        if (std::string_view(name).starts_with(prefix)) {
          col.attribute = static_cast<int>(a);
          col.name = name.substr(prefix.size());
        }
      }
      if (col.attribute >= 0 && col.name.empty()) {
        complain(name, "an attribute column needs a name after the '.'");
      } else if (col.field < 0 && col.attribute < 0) {
        complain(name, "unknown column");
      }
    }
    columns.push_back(std::move(col));
  }
  for (const auto& f : spec.fields) {
    if (f.required && !names.contains(f.name)) {
      complain(std::string(f.name), "the required column is missing");
    }
  }
  return columns;
}

/// Reads CSV rows. Header problems stop the reading: the columns cannot be trusted.
template <class Row>
read_result<Row> read_csv_rows(std::string_view text, const row_spec<Row>& spec) {
  read_result<Row> result;
  const std::vector<csv_record> records = split_csv(text);
  if (records.empty()) {
    result.errors.push_back({1, {}, {}, "the input is empty; a header row is expected"});
    return result;
  }
  if (!records[0].error.empty()) {
    result.errors.push_back({records[0].line, {}, {}, records[0].error});
    return result;
  }
  const std::vector<csv_column> columns = read_csv_header(spec, records[0], result.errors);
  if (!result.errors.empty()) return result;

  seen_ids seen;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const csv_record& record = records[r];
    input_error error{record.line, {}, {}, {}};
    for (std::size_t i = 0; i < columns.size() && i < record.fields.size(); ++i) {
      if (columns[i].field == 0) error.id = row_id(record.fields[i]);
    }
    if (!record.error.empty() || record.fields.size() != columns.size()) {
      error.message = !record.error.empty()
                          ? record.error
                          : "the row has " + std::to_string(record.fields.size()) +
                                " fields; the header has " + std::to_string(columns.size());
      result.errors.push_back(std::move(error));
      continue;
    }
    std::vector<cell> cells;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      cells.push_back({records[0].fields[i],
                       columns[i].field,
                       columns[i].attribute,
                       columns[i].name,
                       record.fields[i],
                       {}});
    }
    add_outcome(result, record.line, read_row(spec, record.line, cells, seen));
  }
  return result;
}

/// Writes rows as CSV: the fields in spec order, then every attribute column any row has,
/// sorted by column name.
template <class Row>
std::string write_csv_rows(std::span<const Row> rows, const row_spec<Row>& spec) {
  std::set<std::string> attribute_columns;
  for (const Row& row : rows) {
    for (const auto& group : spec.attributes) {
      for (const auto& entry : row.*(group.member)) {
        attribute_columns.insert(std::string(group.prefix) + entry.first);
      }
    }
  }
  // The fields written: all but a sparse one no row has a value for.
  std::vector<const field_spec<Row>*> written;
  for (const auto& f : spec.fields) {
    const bool some = !f.sparse || std::any_of(rows.begin(), rows.end(), [&](const Row& row) {
      return !f.write(row).value_or("").empty();
    });
    if (some) written.push_back(&f);
  }
  std::vector<std::string> fields;
  for (const auto* f : written)
    fields.emplace_back(f->name);
  fields.insert(fields.end(), attribute_columns.begin(), attribute_columns.end());
  std::string out;
  append_csv_record(out, fields);
  for (const Row& row : rows) {
    fields.clear();
    for (const auto* f : written)
      fields.push_back(f->write(row).value_or(""));
    for (const std::string& column : attribute_columns) {
      std::string value;
      for (const auto& group : spec.attributes) {
        if (!column.starts_with(group.prefix)) continue;
        const attribute_map& map = row.*(group.member);
        if (auto it = map.find(column.substr(group.prefix.size())); it != map.end()) {
          value = it->second;
        }
      }
      fields.push_back(std::move(value));
    }
    append_csv_record(out, fields);
  }
  return out;
}

}  // namespace tariff::formats
