#include "cli/check_formats.hpp"

#include <algorithm>
#include <cstdio>

#include "diagnostics/names.hpp"

namespace tariff::cli {
namespace {

// A JSON string: quotes, backslashes and control characters escaped; other bytes as they are
// (the sources are UTF-8, checked before they are parsed).
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string severity_word(severity s) {
  return s == severity::error ? "error" : "warning";
}

std::string number_of(const std::string& name) {
  const diagnostics::code_info* row = diagnostics::find_code(name);
  return std::to_string(row != nullptr ? row->number : 0);
}

std::string json_fix(const fix_it& f) {
  return "{\"line\": " + std::to_string(f.line) + ", \"column\": " + std::to_string(f.column) +
         ", \"end_line\": " + std::to_string(f.end_line) +
         ", \"end_column\": " + std::to_string(f.end_column) +
         ", \"replacement\": " + quoted(f.replacement) + "}";
}

std::string json_diagnostic(const diagnostic& d) {
  std::string fixes;
  for (const fix_it& f : d.fixes)
    fixes += (fixes.empty() ? "" : ", ") + json_fix(f);
  return "{\"name\": " + quoted(d.name) + ", \"number\": " + number_of(d.name) +
         ", \"severity\": \"" + severity_word(d.level) + "\", \"line\": " + std::to_string(d.line) +
         ", \"column\": " + std::to_string(d.column) + ", \"length\": " + std::to_string(d.length) +
         ", \"message\": " + quoted(d.message) + ", \"note\": " + quoted(d.note) +
         ", \"fixes\": [" + fixes + "]}";
}

std::size_t rule_index(const std::string& name) {
  const diagnostics::code_info* row = diagnostics::find_code(name);
  return row != nullptr ? static_cast<std::size_t>(row->number - 1) : 0;
}

std::string sarif_region(int line, int column, int end_line, int end_column) {
  std::string region = "{\"startLine\": " + std::to_string(std::max(line, 1)) +
                       ", \"startColumn\": " + std::to_string(std::max(column, 1));
  if (end_line > 0) region += ", \"endLine\": " + std::to_string(end_line);
  if (end_column > 0) region += ", \"endColumn\": " + std::to_string(end_column);
  return region + "}";
}

std::string sarif_result(const std::string& file, const diagnostic& d) {
  const std::string uri = "{\"uri\": " + quoted(file) + "}";
  std::string text = d.message;
  if (!d.note.empty()) text += "\nnote: " + d.note;
  std::string out =
      "{\"ruleId\": " + quoted(d.name) + ", \"ruleIndex\": " + std::to_string(rule_index(d.name)) +
      ", \"level\": \"" + severity_word(d.level) + "\", \"message\": {\"text\": " + quoted(text) +
      "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": " + uri +
      ", \"region\": " + sarif_region(d.line, d.column, 0, d.length > 0 ? d.column + d.length : 0) +
      "}}]";
  if (!d.fixes.empty()) {
    out += ", \"fixes\": [";
    for (std::size_t i = 0; i < d.fixes.size(); ++i) {
      const fix_it& f = d.fixes[i];
      out += std::string(i > 0 ? ", " : "") +
             "{\"description\": {\"text\": " + quoted("replace with '" + f.replacement + "'") +
             "}, \"artifactChanges\": [{\"artifactLocation\": " + uri +
             ", \"replacements\": [{\"deletedRegion\": " +
             sarif_region(f.line, f.column, f.end_line, f.end_column) +
             ", \"insertedContent\": {\"text\": " + quoted(f.replacement) + "}}]}]}";
    }
    out += "]";
  }
  return out + "}";
}

}  // namespace

std::string diagnostics_json(const std::vector<checked_file>& files) {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::string out = "{\"files\": [";
  for (std::size_t i = 0; i < files.size(); ++i) {
    const checked_file& f = files[i];
    out += std::string(i > 0 ? ",\n  " : "\n  ") + "{\"file\": " + quoted(f.file);
    if (!f.unreadable.empty()) {
      ++errors;
      out += ", \"unreadable\": " + quoted(f.unreadable);
    }
    out += ", \"diagnostics\": [";
    for (std::size_t j = 0; j < f.diagnostics.size(); ++j) {
      const diagnostic& d = f.diagnostics[j];
      (d.level == severity::error ? errors : warnings) += 1;
      out += std::string(j > 0 ? ",\n    " : "\n    ") + json_diagnostic(d);
    }
    out += "]}";
  }
  return out + "],\n \"errors\": " + std::to_string(errors) +
         ", \"warnings\": " + std::to_string(warnings) + "}\n";
}

std::string diagnostics_sarif(const std::vector<checked_file>& files) {
  std::string rules;
  for (const diagnostics::code_info& row : diagnostics::all_codes())
    rules += std::string(rules.empty() ? "\n        " : ",\n        ") +
             "{\"id\": " + quoted(row.name) + ", \"name\": " + quoted(row.name) +
             ", \"shortDescription\": {\"text\": " + quoted(row.summary) +
             "}, \"defaultConfiguration\": {\"level\": \"" + severity_word(row.level) +
             "\"}, \"properties\": {\"number\": " + std::to_string(row.number) + "}}";
  std::string results;
  std::string notifications;
  for (const checked_file& f : files) {
    for (const diagnostic& d : f.diagnostics)
      results += std::string(results.empty() ? "\n    " : ",\n    ") + sarif_result(f.file, d);
    if (!f.unreadable.empty())
      notifications += std::string(notifications.empty() ? "" : ", ") +
                       "{\"level\": \"error\", \"message\": {\"text\": " + quoted(f.unreadable) +
                       "}}";
  }
  return "{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"version\": "
         "\"2.1.0\", \"runs\": [{\n  \"tool\": {\"driver\": {\"name\": \"tariff\", "
         "\"rules\": [" +
         rules + "]}},\n  \"invocations\": [{\"executionSuccessful\": " +
         (notifications.empty() ? "true" : "false") + ", \"toolExecutionNotifications\": [" +
         notifications + "]}],\n  \"results\": [" + results + "]}]}\n";
}

}  // namespace tariff::cli
