// Rows of any row_spec as CSV with a header row: read (csv_rows.hpp) and written.
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
#include "formats/csv_rows.hpp"
#include "formats/row_reader.hpp"
#include "formats/row_spec.hpp"
#include "formats/text_rules.hpp"
#include "text/visible.hpp"

namespace tariff::formats {

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
