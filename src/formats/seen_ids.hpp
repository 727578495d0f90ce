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
  // An id, in the order first seen.
  struct entry {
    std::size_t offset;  // of its bytes in bytes_
    std::size_t size;
    std::size_t row;
  };
  // A slot of the table: small, so that more of the table stays in the cache.
  struct slot {
    std::uint32_t tag = 0;    // bits of the id's hash, to compare before the id itself
    std::uint32_t entry = 0;  // 1 + its index in entries_; 0: the slot is free
  };

  void grow();
  std::string_view id_of(const entry& e) const {
    return std::string_view(bytes_).substr(e.offset, e.size);
  }

  std::vector<slot> slots_;  // open addressing, linear probing; a power of two long
  std::vector<entry> entries_;
  std::string bytes_;
};

}  // namespace tariff::formats
