// tariff check --format json|sarif: the diagnostics of every file as one document on standard
// output, for CI annotations and editors (docs/cli.md, tariff check).
#pragma once

#include <string>
#include <vector>

#include <tariff/diagnostics.hpp>

namespace tariff::cli {

/// One file's outcome: its diagnostics, or why it could not be read.
struct checked_file {
  std::string file;
  std::vector<diagnostic> diagnostics;
  std::string unreadable;  ///< the reason, for a file that could not be read
};

/// {"files": [{"file", "diagnostics": [...]}], "errors", "warnings"} (docs/cli.md).
std::string diagnostics_json(const std::vector<checked_file>& files);
/// A SARIF 2.1.0 log: one run, every name of the table as a rule, one result per diagnostic.
std::string diagnostics_sarif(const std::vector<checked_file>& files);

}  // namespace tariff::cli
