// tariff — contracts, work lines and payments as CSV and JSON, the formats docs/formats.md
// describes.
//
// Readers never stop at the first bad row: every row that reads is returned, and every row that
// does not is reported with its row number, the column and what is wrong with it. Numbers are read
// exactly from their text (a JSON number is never passed through a double).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/export.h>
#include <tariff/model.hpp>

namespace tariff {

/// Why one row of input was not read.
struct TARIFF_API input_error {
  std::size_t row = 0;  ///< CSV: the line the record starts on (the header is line 1);
                        ///< JSON: the element's position in the array, from 1;
                        ///< 0 when the whole JSON document is at fault (malformed, not an array)
  std::string id;       ///< the row's `id` when it could be read, for the message
  std::string column;   ///< the column or key at fault; empty for the row as a whole
  std::string message;  ///< plain words: "'2026-03-29 01:30' is not a timestamp with an offset"

  friend bool operator==(const input_error&, const input_error&) = default;
};

/// "row 12 (id L-17), column 'start': message".
[[nodiscard]] TARIFF_API std::string format(const input_error& e);

/// What a reader read, and what it could not.
template <class Row>
struct read_result {
  std::vector<Row> rows;                 ///< the rows that read, in input order
  std::vector<input_error> errors;       ///< the rows that did not, in input order
  std::vector<std::size_t> row_numbers;  ///< where each of `rows` was read, as input_error::row
                                         ///< numbers it: for errors found later (a contract's
                                         ///< prepaid span naming a fee its plan lacks)
};

/// What separates the fields of a CSV input.
enum class csv_delimiter : unsigned char {
  detect,  ///< ',' unless the header has a ';' and no ',': then ';' (docs/formats.md, "CSV rules")
  comma,   ///< ',' whatever the header holds
  semicolon,  ///< ';', what spreadsheet programs export in locales with a decimal comma
};

/// How the CSV readers read.
struct csv_options {
  /// Given, rather than detected, when the header alone cannot tell: a semicolon file whose
  /// header holds a ',' inside a quoted field.
  csv_delimiter delimiter = csv_delimiter::detect;
};

/// Work lines from CSV with a header row.
[[nodiscard]] TARIFF_API read_result<work_line> read_work_csv(std::string_view text,
                                                              const csv_options& options = {});
/// Work lines from a JSON array of objects.
[[nodiscard]] TARIFF_API read_result<work_line> read_work_json(std::string_view text);
/// Work lines from CSV a block at a time, for input too large to hold: a file of any size is read
/// in the memory of one block. What it reads, with the row numbers and messages, is what
/// read_work_csv reads from the same text, except one check: an id given twice is not found
/// across blocks (a caller that keeps no more than a block checks ids itself, as the `tariff`
/// tool does by sorting them).
///
///     std::FILE* file = std::fopen("work.csv", "rb");
///     tariff::work_csv_reader reader(
///         [file](char* buffer, std::size_t size) { return std::fread(buffer, 1, size, file); });
///     tariff::read_result<tariff::work_line> block;
///     while (reader.next(block))
///       price_and_write(block.rows);  // block.errors: the rows of this block that did not read
class TARIFF_API work_csv_reader {
 public:
  /// Fills `buffer` with up to `size` bytes of the input and returns how many; 0 at its end. An
  /// exception it throws (a read error) leaves next().
  using source = std::function<std::size_t(char* buffer, std::size_t size)>;

  explicit work_csv_reader(source in, const csv_options& options = {});
  work_csv_reader(work_csv_reader&&) noexcept;
  work_csv_reader& operator=(work_csv_reader&&) noexcept;
  ~work_csv_reader();

  /// Reads the next block of about `max_rows` rows into `block` (cleared first): the rows that
  /// read, with their row numbers, and the errors of those that did not. A problem with the
  /// header is the one error of the first block, and nothing follows. False, with `block` empty,
  /// once the input is exhausted.
  [[nodiscard]] bool next(read_result<work_line>& block, std::size_t max_rows = 4096);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// Contracts from CSV with a header row.
[[nodiscard]] TARIFF_API read_result<contract> read_contracts_csv(std::string_view text,
                                                                  const csv_options& options = {});
/// Contracts from a JSON array of objects.
[[nodiscard]] TARIFF_API read_result<contract> read_contracts_json(std::string_view text);

/// Payments towards prepaid balances (id, contract, date, amount) from CSV with a header row.
[[nodiscard]] TARIFF_API read_result<payment> read_payments_csv(std::string_view text,
                                                                const csv_options& options = {});
/// Payments from a JSON array of objects.
[[nodiscard]] TARIFF_API read_result<payment> read_payments_json(std::string_view text);

/// Work lines as CSV: a header row, then one row per line; reads back to the same lines.
[[nodiscard]] TARIFF_API std::string write_work_csv(std::span<const work_line> lines);
/// Work lines as a JSON array; reads back to the same lines.
[[nodiscard]] TARIFF_API std::string write_work_json(std::span<const work_line> lines);
/// Contracts as CSV; reads back to the same contracts.
[[nodiscard]] TARIFF_API std::string write_contracts_csv(std::span<const contract> contracts);
/// Contracts as a JSON array; reads back to the same contracts.
[[nodiscard]] TARIFF_API std::string write_contracts_json(std::span<const contract> contracts);
/// Payments as CSV; reads back to the same payments.
[[nodiscard]] TARIFF_API std::string write_payments_csv(std::span<const payment> payments);
/// Payments as a JSON array; reads back to the same payments.
[[nodiscard]] TARIFF_API std::string write_payments_json(std::span<const payment> payments);

}  // namespace tariff
