// The table of ids seen (seen_ids.hpp).
#include "formats/seen_ids.hpp"

#include <functional>

namespace tariff::formats {

std::optional<std::size_t> seen_ids::first_row(std::string_view id, std::size_t row) {
  // At most half full, so that a probe ends soon at a free slot.
  if (2 * (count_ + 1) > slots_.size()) grow();
  const std::size_t hash = std::hash<std::string_view>{}(id);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    slot& s = slots_[i];
    if (s.size == 0) {
      s = {hash, bytes_.size(), id.size(), row};
      bytes_.append(id);
      ++count_;
      return std::nullopt;
    }
    if (s.hash == hash && std::string_view(bytes_).substr(s.offset, s.size) == id) return s.row;
  }
}

void seen_ids::grow() {
  std::vector<slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : 2 * old.size(), slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const slot& s : old) {
    if (s.size == 0) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].size != 0)
      i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace tariff::formats
