// The work lines of one input file, a block at a time (docs/cli.md, "Large inputs").
#pragma once

#include <cstddef>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <tariff/io.hpp>

#include "cli/external_sort.hpp"

namespace tariff::cli {

/// Reads work lines as a stream: CSV a block at a time, in the memory of one block; JSON whole
/// (an array is one value; docs/cli.md names it) and then handed out in blocks. Every row that
/// does not read is printed to standard error as it is found, as load_work prints it. Ids given
/// twice are found by sorting the ids (external_sort), so when the input ends: each later row
/// with an id already used, if it read, is printed then as read_work_csv words it.
class work_input {
 public:
  /// Opens `path` ("-": standard input); throws failure if it cannot be read or is a directory.
  /// The ids' sort keeps up to `id_memory` bytes in memory.
  work_input(const std::string& path, std::size_t id_memory);
  work_input(const work_input&) = delete;
  work_input& operator=(const work_input&) = delete;
  ~work_input();

  /// The next block of lines that read, and the row each was read from; false at the end of the
  /// input, once the ids have been checked.
  [[nodiscard]] bool next(std::vector<work_line>& lines, std::vector<std::size_t>& rows);

  /// The rows that did not read so far; all of them once next() has returned false.
  [[nodiscard]] std::size_t errors() const { return errors_; }
  /// The bytes of the input read so far, and its size (0 when not known: standard input).
  [[nodiscard]] std::size_t bytes_read() const { return bytes_read_; }
  [[nodiscard]] std::size_t size() const { return size_; }
  /// The file as messages name it.
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  void report(const input_error& e);
  void check_ids();

  std::string path_;
  std::FILE* file_ = nullptr;  // CSV: the open input (standard input is not closed)
  std::optional<work_csv_reader> csv_;
  read_result<work_line> block_;
  read_result<work_line> json_rows_;  // JSON: every row, handed out from json_next_
  std::size_t json_next_ = 0;
  bool json_ = false;
  std::unique_ptr<external_sort> ids_;  // CSV: (id, row, reported) of every row with an id
  std::string key_;
  std::size_t errors_ = 0;
  std::size_t bytes_read_ = 0;
  std::size_t size_ = 0;
  bool ended_ = false;
};

/// Reads the work at `path` as a stream (work_input, the ids' sort taking `id_memory`) and gives
/// each line that read, with its row, to `each`. Every row is read: a row that did not read is
/// printed, and then failure ("PATH: N row(s) could not be read; nothing was priced") is thrown
/// once the input ends. For the commands that sort the work before they price any of it.
void read_all_work(const std::string& path, std::size_t id_memory,
                   const std::function<void(const work_line& line, std::size_t row)>& each);

}  // namespace tariff::cli
