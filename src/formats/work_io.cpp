// Work lines: their columns and keys, and the public readers and writers.
#include <array>

#include <tariff/io.hpp>

#include "formats/csv_table.hpp"
#include "formats/json_table.hpp"
#include "formats/values.hpp"
#include "formats/work_spec.hpp"
#include "text/visible.hpp"

namespace tariff {
namespace {

using formats::field_spec;
using formats::json_boolean;
using formats::json_number;
using formats::json_string;
// Free text, a name: may hold line breaks (formats::text_kind). Every other field is a code.
constexpr formats::text_kind prose = formats::text_kind::prose;

std::optional<std::string> read_quantity(work_line& line, std::string_view text) {
  decimal q;
  if (auto problem = formats::parse_value(text, q)) return problem;
  if (q.sign() <= 0) return "the quantity must be greater than zero";
  line.quantity = std::move(q);
  return std::nullopt;
}

std::optional<std::string> read_kind(work_line& line, std::string_view text) {
  const std::optional<work_kind> kind = parse_work_kind(text);
  if (!kind) {
    return text::quote(text) +
           " is not a work kind (billable, internal, warranty, bug_fix, company_cost)";
  }
  line.kind = *kind;
  return std::nullopt;
}

std::optional<std::string> write_kind(const work_line& line) {
  return std::string(to_string(line.kind));
}

// Strict on purpose: "yes" or "1" might mean something else in the host's export.
std::optional<std::string> read_accepted(work_line& line, std::string_view text) {
  if (text != "true" && text != "false") return text::quote(text) + " is not true or false";
  line.accepted = text == "true";
  return std::nullopt;
}

std::optional<std::string> write_accepted(const work_line& line) {
  return line.accepted ? "true" : "false";
}

std::optional<std::string> read_void(work_line& line, std::string_view text) {
  if (text != "true" && text != "false") return text::quote(text) + " is not true or false";
  line.voided = text == "true";
  return std::nullopt;
}

// Written only for a voided line: other lines read and write as before `void` existed.
std::optional<std::string> write_void(const work_line& line) {
  if (!line.voided) return std::nullopt;
  return "true";
}

// Whether find_time_zone knows `name`. An export names a handful of zones on millions of lines,
// so the names found are remembered (per thread: the readers share nothing); a name not found
// is looked up again each time, and its message made as before.
bool known_time_zone(std::string_view name) {
  constexpr std::size_t remembered = 16;
  thread_local std::array<std::string, remembered> found;
  thread_local std::size_t next = 0;  // the slot the next name found replaces
  for (const std::string& f : found) {
    if (!f.empty() && f == name) return true;
  }
  try {
    (void)find_time_zone(name);
  } catch (const calendar_error&) {
    return false;
  }
  found[next].assign(name);
  next = (next + 1) % remembered;
  return true;
}

std::optional<std::string> read_time_zone(work_line& line, std::string_view text) {
  if (!known_time_zone(text))
    return text::quote(text) + " is not a time zone the tz database knows";
  line.time_zone.assign(text);
  return std::nullopt;
}

template <auto Member>
constexpr auto read = formats::read_member<work_line, Member>;
template <auto Member>
constexpr auto write = formats::write_member<work_line, Member>;

constexpr std::array<field_spec<work_line>, 14> work_fields{{
    {"id", true, json_string, read<&work_line::id>, write<&work_line::id>},
    {"request", false, json_string, read<&work_line::request>, write<&work_line::request>},
    {"contract", true, json_string, read<&work_line::contract>, write<&work_line::contract>},
    {"item", true, json_string, read<&work_line::item>, write<&work_line::item>},
    {"start", true, json_string, read<&work_line::start>, write<&work_line::start>},
    {"end", false, json_string, read<&work_line::end>, write<&work_line::end>},
    {"quantity", false, json_string | json_number, read_quantity, write<&work_line::quantity>},
    {"kind", false, json_string, read_kind, write_kind},
    {"performer", false, json_string, read<&work_line::performer>, write<&work_line::performer>,
     prose},
    {"accepted", false, json_boolean, read_accepted, write_accepted},
    {"accepted_on", false, json_string, read<&work_line::accepted_on>,
     write<&work_line::accepted_on>},
    {"site", false, json_string, read<&work_line::site>, write<&work_line::site>, prose},
    {"time_zone", false, json_string, read_time_zone, write<&work_line::time_zone>},
    {"void", false, json_boolean, read_void, write_void, formats::text_kind::code, true},
}};

constexpr std::array<formats::attribute_spec<work_line>, 2> work_attributes{{
    {"site.", "site_attributes", &work_line::site_attributes},
    {"work.", "attributes", &work_line::attributes},
}};

std::optional<formats::row_problem> check_line(const work_line& line) {
  if (!line.end && !line.quantity) {
    return formats::row_problem{"", "a line needs either an end time or a quantity"};
  }
  if (line.end && line.quantity) {
    return formats::row_problem{"", "a line has both an end time and a quantity; give one"};
  }
  if (line.end && *line.end < line.start) {
    return formats::row_problem{"end", "the end is before the start"};
  }
  return std::nullopt;
}

const formats::row_spec<work_line> work_spec{work_fields, work_attributes, check_line};

}  // namespace

const formats::row_spec<work_line>& formats::work_row_spec() {
  return work_spec;
}

read_result<work_line> read_work_csv(std::string_view text, const csv_options& options) {
  return formats::read_csv_rows(text, work_spec, options);
}

read_result<work_line> read_work_json(std::string_view text) {
  return formats::read_json_rows(text, work_spec);
}

std::string write_work_csv(std::span<const work_line> lines) {
  return formats::write_csv_rows(lines, work_spec);
}

std::string write_work_json(std::span<const work_line> lines) {
  return formats::write_json_rows(lines, work_spec);
}

}  // namespace tariff
