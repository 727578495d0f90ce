// tariff — checking a past statement: billed again from the inputs it records, under the tariff
// archived with its hash, every figure compared (docs/statement.md, "Checking a past statement").
//
//   const tariff::verify_result r = tariff::verify(read("march.json"), "archive/");
//   if (!r.missing_hashes.empty()) { /* the archive lacks a tariff the statement names */ }
//   else if (r.identical)          { /* the same figures today */ }
//   else std::cout << tariff::write_verify_text(r);  // what differs, both lines explained
//
// A statement carries its inputs when it was written with them (write_statement_json's
// statement_inputs overload; `tariff bill -f json`). Nothing is written anywhere.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/error.hpp>
#include <tariff/export.h>

namespace tariff {

/// A statement that cannot be verified as given: a document that is not JSON, not a statement or
/// an array of them, a statement without inputs, inputs that do not read, an archived tariff that
/// does not compile. The message names the statement (its contract) and the part.
class TARIFF_API verify_input_error : public error {
 public:
  using error::error;
};

/// One figure that billing the inputs again gives otherwise than the statement records.
struct verify_difference {
  std::string contract;  ///< the statement's contract
  std::string period;    ///< the statement's period, "2026-03-01..2026-03-31"
  std::string element;   ///< the line or fee the figure belongs to: "lines[V4]", "fees[1]"; empty
                         ///< for the statement's own figures (totals, allowances, the state)
  std::string where;     ///< the figure's path in the statement's JSON: "lines[V4].amount",
                         ///< "revenue", "closing.allowances[1].used"
  std::string recorded;  ///< its value in the statement, as JSON text; "(none)" if it has none
  std::string repriced;  ///< its value billed again, as JSON text; "(none)" if it has none
  std::string recorded_line;  ///< when `element` is set: that element as recorded, explained
                              ///< (amounts and each trace step), one item a line
  std::string repriced_line;  ///< the same element billed again, explained
};

/// What tariff::verify found.
struct verify_result {
  bool identical = false;      ///< every statement billed again, every figure the same
  std::size_t statements = 0;  ///< statements in the document
  std::size_t differing = 0;   ///< statements with at least one difference
  /// Hashes a statement names (`tariff_hash`, each of `tariff_versions`) that no file in the
  /// archive has: the statements naming them were not billed again.
  std::vector<std::string> missing_hashes;
  std::vector<verify_difference> differences;  ///< statement by statement, in document order
  /// What differs from when the statement was priced without being a figure: the engine's
  /// version, the tz database's (tariff::tzdata_version()); and the archived file each hash was
  /// found in. A different version fails nothing by itself: the figures decide.
  std::vector<std::string> notes;
};

/// Verifies each statement of `statement_json` (one statement object, or the array `tariff bill
/// -f json` writes): finds in `tariff_dir` (and its subfolders) the `.tariff` file whose SHA-256
/// is the statement's tariff hash, bills the recorded inputs again under it and compares every
/// figure of the statement (its `id`, fees, lines, adjustments, rejected lines, reversals, totals,
/// taxes, prepaid balance, allowances, alerts and closing state; not `engine`, `tzdata` or the
/// inputs themselves). Lines are matched by id, fees and the rest by position. Throws
/// verify_input_error for input it cannot verify, std::filesystem::filesystem_error if the
/// folder cannot be read.
[[nodiscard]] TARIFF_API verify_result verify(std::string_view statement_json,
                                              const std::filesystem::path& tariff_dir);

/// The result as `tariff verify` prints it: the notes, then each statement's differences with
/// both explanations, then one closing line: "identical", "differs: …" or "not verified: …".
[[nodiscard]] TARIFF_API std::string write_verify_text(const verify_result& result);

/// The result as one JSON object: {"identical", "statements", "differing", "missing_hashes",
/// "differences": [{"contract", "period", "element", "where", "recorded", "repriced",
/// "recorded_line", "repriced_line"}], "notes"} (tariff_verify's result).
[[nodiscard]] TARIFF_API std::string write_verify_json(const verify_result& result);

}  // namespace tariff
