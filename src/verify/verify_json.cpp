// A verify_result as JSON: what tariff_verify returns (docs/c_interface.md, "Checking a past
// statement").
#include <string>

#include <tariff/verify.hpp>

#include "formats/json_writer.hpp"

namespace tariff {

namespace {

void append_strings(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    formats::append_json_string(out, items[i]);
  }
  out += ']';
}

void append_member(std::string& out, std::string_view key, const std::string& value, bool last) {
  formats::append_json_string(out, key);
  out += ": ";
  formats::append_json_string(out, value);
  if (!last) out += ", ";
}

}  // namespace

std::string write_verify_json(const verify_result& r) {
  std::string out = "{\n  \"identical\": ";
  out += r.identical ? "true" : "false";
  out += ",\n  \"statements\": " + std::to_string(r.statements);
  out += ",\n  \"differing\": " + std::to_string(r.differing);
  out += ",\n  \"missing_hashes\": ";
  append_strings(out, r.missing_hashes);
  out += ",\n  \"differences\": [";
  for (std::size_t i = 0; i < r.differences.size(); ++i) {
    const verify_difference& d = r.differences[i];
    out += i == 0 ? "\n    {" : ",\n    {";
    append_member(out, "contract", d.contract, false);
    append_member(out, "period", d.period, false);
    append_member(out, "element", d.element, false);
    append_member(out, "where", d.where, false);
    append_member(out, "recorded", d.recorded, false);
    append_member(out, "repriced", d.repriced, false);
    append_member(out, "recorded_line", d.recorded_line, false);
    append_member(out, "repriced_line", d.repriced_line, true);
    out += '}';
  }
  out += r.differences.empty() ? "]" : "\n  ]";
  out += ",\n  \"notes\": ";
  append_strings(out, r.notes);
  out += "\n}\n";
  return out;
}

}  // namespace tariff
