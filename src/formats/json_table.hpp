// Rows of any row_spec as a JSON array of objects.
#pragma once

#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/io.hpp>

#include "formats/json_reader.hpp"
#include "formats/json_writer.hpp"
#include "formats/row_reader.hpp"
#include "formats/row_spec.hpp"
#include "formats/text_rules.hpp"
#include "text/visible.hpp"

namespace tariff::formats {

/// "a string, a number or a boolean": the types a key accepts, for messages.
inline std::string describe_types(std::uint8_t types) {
  std::vector<std::string_view> words;
  if ((types & json_string) != 0) words.emplace_back("a string");
  if ((types & json_number) != 0) words.emplace_back("a number");
  if ((types & json_boolean) != 0) words.emplace_back("a boolean");
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 < words.size() ? ", " : " or ";
    out += words[i];
  }
  return out;
}

/// The text of a scalar a key accepts, or the complaint about its type. Null is absent (empty).
inline bool json_scalar_text(const json_value& v, std::uint8_t types, std::string& text,
                             std::string& error) {
  using k = json_value::kind;
  const bool ok = v.type == k::null || (v.type == k::string && (types & json_string) != 0) ||
                  (v.type == k::number && (types & json_number) != 0) ||
                  (v.type == k::boolean && (types & json_boolean) != 0);
  if (!ok) {
    error = "expected " + describe_types(types) + ", not " + std::string(describe(v.type));
    return false;
  }
  text = v.text;
  return true;
}

/// The cells of one object, in key order.
template <class Row>
std::vector<cell> json_cells(const row_spec<Row>& spec, const json_value& object) {
  std::vector<cell> cells;
  std::set<std::string, std::less<>> keys;
  for (const auto& [key, value] : object.members) {
    cell c;
    c.column = text::visible(key);
    if (auto problem = text_problem(key, text_kind::code)) {
      c.error = *problem;
      cells.push_back(std::move(c));
      continue;
    }
    if (!keys.insert(key).second) {
      c.error = "the key appears more than once";
      cells.push_back(std::move(c));
      continue;
    }
    for (std::size_t f = 0; f < spec.fields.size(); ++f) {
      if (spec.fields[f].name == key) c.field = static_cast<int>(f);
    }
    if (c.field >= 0) {
      json_scalar_text(value, spec.fields[static_cast<std::size_t>(c.field)].json, c.text, c.error);
      cells.push_back(std::move(c));
      continue;
    }
    for (std::size_t a = 0; a < spec.attributes.size(); ++a) {
      if (spec.attributes[a].key == key) c.attribute = static_cast<int>(a);
    }
    if (c.attribute < 0) {
      c.error = "unknown key";
      cells.push_back(std::move(c));
    } else if (value.type == json_value::kind::object) {
      std::set<std::string, std::less<>> names;
      for (const auto& [name, attribute] : value.members) {
        cell a{text::visible(key + "." + name), -1, c.attribute, name, {}, {}};
        if (auto problem = text_problem(name, text_kind::code)) {
          a.error = *problem;
        } else if (!names.insert(name).second) {
          a.error = "the attribute appears more than once";
        } else {
          json_scalar_text(attribute, json_string | json_number | json_boolean, a.text, a.error);
        }
        if (name.empty() && a.error.empty()) a.error = "an attribute needs a name";
        cells.push_back(std::move(a));
      }
    } else if (value.type != json_value::kind::null) {
      c.error = "expected an object, not " + std::string(describe(value.type));
      cells.push_back(std::move(c));
    }
  }
  return cells;
}

/// Reads a JSON array of objects. A malformed document is one error (row 0) and nothing is read.
template <class Row>
read_result<Row> read_json_rows(std::string_view text, const row_spec<Row>& spec) {
  read_result<Row> result;
  json_parse_result parsed = parse_json(text);
  if (!parsed.value) {
    result.errors.push_back({0, {}, {}, parsed.error});
    return result;
  }
  if (parsed.value->type != json_value::kind::array) {
    result.errors.push_back(
        {0,
         {},
         {},
         "expected an array of objects, not " + std::string(describe(parsed.value->type))});
    return result;
  }
  seen_ids seen;
  for (std::size_t i = 0; i < parsed.value->items.size(); ++i) {
    const json_value& item = parsed.value->items[i];
    if (item.type != json_value::kind::object) {
      result.errors.push_back(
          {i + 1, {}, {}, "expected an object, not " + std::string(describe(item.type))});
      continue;
    }
    add_outcome(result, i + 1, read_row(spec, i + 1, json_cells(spec, item), seen));
  }
  return result;
}

/// Writes rows as a JSON array, two-space indent, keys in spec order, absent values left out.
/// Every value is a string except booleans, so numbers stay exact.
template <class Row>
std::string write_json_rows(std::span<const Row> rows, const row_spec<Row>& spec) {
  if (rows.empty()) return "[]\n";
  std::string out = "[\n";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Row& row = rows[r];
    out += "  {";
    const char* separator = "\n";
    auto start_member = [&](std::string_view indent, std::string_view key) {
      out += separator;
      out += indent;
      append_json_string(out, key);
      out += ": ";
    };
    for (const auto& f : spec.fields) {
      const std::optional<std::string> value = f.write(row);
      if (!value || value->empty()) continue;
      start_member("    ", f.name);
      if ((f.json & json_string) == 0 && (f.json & json_boolean) != 0) {
        out += *value;  // a boolean: true or false
      } else {
        append_json_string(out, *value);
      }
      separator = ",\n";
    }
    for (const auto& group : spec.attributes) {
      const attribute_map& map = row.*(group.member);
      if (map.empty()) continue;
      start_member("    ", group.key);
      out += "{";
      const char* inner = "\n";
      for (const auto& [name, value] : map) {
        out += inner;
        out += "      ";
        append_json_string(out, name);
        out += ": ";
        append_json_string(out, value);
        inner = ",\n";
      }
      out += "\n    }";
      separator = ",\n";
    }
    out += "\n  }";
    out += r + 1 < rows.size() ? ",\n" : "\n";
  }
  out += "]\n";
  return out;
}

}  // namespace tariff::formats
