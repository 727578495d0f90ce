// Sorting more records than memory may hold (docs/cli.md, "Large inputs"): records are gathered
// in memory up to a budget, then sorted and written to a temporary file as a run; once every
// record is in, the runs are merged. A date-ordered export of any size is read back by
// contract this way in bounded memory, and its ids are checked for repeats.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tariff::cli {

/// The memory the tool's sorts take before they spill to temporary files: TARIFF_SORT_MEMORY
/// (bytes, or with a suffix K, M or G) if set and valid, else 128M; throws failure for a value
/// that does not read.
std::size_t sort_memory();

/// Records, each a key and a payload, given in any order and read back ordered by key (bytes
/// compared as unsigned, a prefix before a longer key); records with equal keys come back in the
/// order they were added.
class external_sort {
 public:
  /// Keeps up to about `memory` bytes of records in memory before it writes a run.
  explicit external_sort(std::size_t memory);
  external_sort(const external_sort&) = delete;
  external_sort& operator=(const external_sort&) = delete;
  ~external_sort();

  /// Adds a record; throws failure if a run cannot be written (the disk is full).
  void add(std::string_view key, std::string_view payload);

  /// Ends the input: what follows reads the records in order. Call once, after every add.
  void finish();
  /// The next record in order, false after the last. The views stay valid until the next call.
  [[nodiscard]] bool next(std::string_view& key, std::string_view& payload);

 private:
  class run_file;
  struct cursor;

  void spill();
  void sort_memory_records();
  void merge_down(std::size_t fan_in);
  void advance(std::size_t source);
  [[nodiscard]] bool later(std::size_t a, std::size_t b) const;

  std::size_t memory_;
  std::string records_;                // each: key size, payload size (varints), key, payload
  std::vector<std::uint64_t> starts_;  // where each record of records_ starts, then sorted
  std::vector<std::unique_ptr<run_file>> runs_;
  std::vector<cursor> cursors_;  // while merging: one per run, or one over memory
  std::vector<std::size_t> heap_;
  std::size_t next_in_memory_ = 0;
  std::string key_, payload_;  // the record next() gave last, when it came from a run
};

}  // namespace tariff::cli
