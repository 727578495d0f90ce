#include "cli/check_formats.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include <tariff/version.hpp>

#include "diagnostics/names.hpp"

namespace tariff::cli {
namespace {

// Keys in the order docs/cli.md shows them.
using json = nlohmann::ordered_json;

// The sources are UTF-8 (checked before they are parsed); a file name or a reason may not be,
// and is written with its bytes replaced rather than failing the whole document.
std::string dump(const json& document) {
  return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

const char* severity_word(severity s) {
  return s == severity::error ? "error" : "warning";
}

int number_of(const std::string& name) {
  const diagnostics::code_info* row = diagnostics::find_code(name);
  return row != nullptr ? row->number : 0;
}

json json_diagnostic(const diagnostic& d) {
  json fixes = json::array();
  for (const fix_it& f : d.fixes)
    fixes.push_back({{"line", f.line},
                     {"column", f.column},
                     {"end_line", f.end_line},
                     {"end_column", f.end_column},
                     {"replacement", f.replacement}});
  return {{"name", d.name},
          {"number", number_of(d.name)},
          {"severity", severity_word(d.level)},
          {"line", d.line},
          {"column", d.column},
          {"length", d.length},
          {"message", d.message},
          {"note", d.note},
          {"fixes", std::move(fixes)}};
}

// SARIF regions are 1-based; an end is given only where the diagnostic has one.
json sarif_region(int line, int column, int end_line, int end_column) {
  json region = {{"startLine", std::max(line, 1)}, {"startColumn", std::max(column, 1)}};
  if (end_line > 0) region["endLine"] = end_line;
  if (end_column > 0) region["endColumn"] = end_column;
  return region;
}

json sarif_result(const std::string& file, const diagnostic& d) {
  const json location = {{"uri", file}};
  std::string text = d.message;
  if (!d.note.empty()) text += "\nnote: " + d.note;
  json result = {
      {"ruleId", d.name},
      {"ruleIndex", std::max(number_of(d.name) - 1, 0)},
      {"level", severity_word(d.level)},
      {"message", {{"text", text}}},
      {"locations",
       json::array({{{"physicalLocation",
                      {{"artifactLocation", location},
                       {"region", sarif_region(d.line, d.column, 0,
                                               d.length > 0 ? d.column + d.length : 0)}}}}})}};
  if (!d.fixes.empty()) {
    json fixes = json::array();
    for (const fix_it& f : d.fixes)
      fixes.push_back(
          {{"description", {{"text", "replace with '" + f.replacement + "'"}}},
           {"artifactChanges",
            json::array({{{"artifactLocation", location},
                          {"replacements",
                           json::array({{{"deletedRegion",
                                          sarif_region(f.line, f.column, f.end_line, f.end_column)},
                                         {"insertedContent", {{"text", f.replacement}}}}})}}})}});
    result["fixes"] = std::move(fixes);
  }
  return result;
}

}  // namespace

std::string diagnostics_json(const std::vector<checked_file>& files) {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  json listed = json::array();
  for (const checked_file& f : files) {
    json entry = {{"file", f.file}};
    if (!f.unreadable.empty()) {
      ++errors;
      entry["unreadable"] = f.unreadable;
    }
    json found = json::array();
    for (const diagnostic& d : f.diagnostics) {
      (d.level == severity::error ? errors : warnings) += 1;
      found.push_back(json_diagnostic(d));
    }
    entry["diagnostics"] = std::move(found);
    listed.push_back(std::move(entry));
  }
  return dump({{"files", std::move(listed)}, {"errors", errors}, {"warnings", warnings}});
}

std::string diagnostics_sarif(const std::vector<checked_file>& files) {
  json rules = json::array();
  for (const diagnostics::code_info& row : diagnostics::all_codes())
    rules.push_back({{"id", row.name},
                     {"name", row.name},
                     {"shortDescription", {{"text", row.summary}}},
                     {"defaultConfiguration", {{"level", severity_word(row.level)}}},
                     {"properties", {{"number", row.number}}}});
  json results = json::array();
  json notifications = json::array();
  for (const checked_file& f : files) {
    for (const diagnostic& d : f.diagnostics)
      results.push_back(sarif_result(f.file, d));
    if (!f.unreadable.empty())
      notifications.push_back({{"level", "error"}, {"message", {{"text", f.unreadable}}}});
  }
  const bool read_all = notifications.empty();
  return dump(
      {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
       {"version", "2.1.0"},
       {"runs",
        json::array({{{"tool",
                       {{"driver",
                         {{"name", "tariff"}, {"version", version}, {"rules", std::move(rules)}}}}},
                      {"invocations",
                       json::array({{{"executionSuccessful", read_all},
                                     {"toolExecutionNotifications", std::move(notifications)}}})},
                      {"results", std::move(results)}}})}});
}

}  // namespace tariff::cli
