// Work lines from CSV of any size in bounded memory: the reader the tool uses on a 1 GB export.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>

#include <tariff/io.hpp>

namespace tariff::formats {

/// Reads work lines from CSV a block at a time, so that a file of any size is read in bounded
/// memory. Rows, row numbers and messages are exactly read_work_csv's, except that ids are not
/// checked for repeats across the input (a caller that holds no more than a block checks them
/// itself; read_work_csv does).
class work_csv_stream {
 public:
  /// Fills `buffer` with up to `size` bytes and returns how many (0: the end of the input);
  /// throws to stop the reading (an I/O error), and the exception leaves next().
  using source = std::function<std::size_t(char* buffer, std::size_t size)>;
  explicit work_csv_stream(source in, const csv_options& options = {});
  ~work_csv_stream();
  work_csv_stream(work_csv_stream&&) noexcept;
  work_csv_stream& operator=(work_csv_stream&&) noexcept;
  /// Reads the next block of rows (about `max_rows`): `batch` is cleared, then the rows that read
  /// go to batch.rows with their numbers in batch.row_numbers, the rest to batch.errors (a header
  /// problem is an error, as in read_work_csv, and ends the reading). Returns false, with `batch`
  /// empty, once the input is exhausted.
  [[nodiscard]] bool next(read_result<work_line>& batch, std::size_t max_rows = 4096);

 private:
  // The reader points into its own header, so it stays where it was made: behind a pointer.
  struct state;
  std::unique_ptr<state> state_;
};

}  // namespace tariff::formats
