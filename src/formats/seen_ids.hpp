// The ids an input has given so far, for "duplicate id 'L-7' (first on row 3)": a table the
// readers ask once a row, over millions of rows, so it keeps every id's bytes in one buffer and
// allocates nothing per id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tariff::formats {

/// Ids seen so far in one input, with the row each was first on.
class seen_ids {
 public:
  /// The row `id` (not empty) was first on, or nullopt after remembering `row` as its first.
  std::optional<std::size_t> first_row(std::string_view id, std::size_t row);

 private:
  struct slot {
    std::size_t hash = 0;
    std::size_t offset = 0;  // of the id in bytes_
    std::size_t size = 0;    // 0: the slot is free (ids are never empty)
    std::size_t row = 0;
  };

  void grow();

  std::vector<slot> slots_;  // open addressing, linear probing; a power of two long
  std::string bytes_;
  std::size_t count_ = 0;
};

}  // namespace tariff::formats
