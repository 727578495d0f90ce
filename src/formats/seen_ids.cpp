// The table of ids seen (seen_ids.hpp).
#include "formats/seen_ids.hpp"

#include <functional>
#include <stdexcept>

namespace tariff::formats {

namespace {

std::size_t hash_of(std::string_view id) {
  return std::hash<std::string_view>{}(id);
}

// The tag compared before the id: the hash's high bits (its low bits choose the slot).
std::uint32_t tag_of(std::size_t hash) {
  return static_cast<std::uint32_t>(hash >> 32U) | 1U;
}

}  // namespace

std::optional<std::size_t> seen_ids::first_row(std::string_view id, std::size_t row) {
  // At most half full, so that a probe ends soon at a free slot.
  if (2 * (entries_.size() + 1) > slots_.size()) grow();
  const std::size_t hash = hash_of(id);
  const std::uint32_t tag = tag_of(hash);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    slot& s = slots_[i];
    if (s.entry == 0) {
      entries_.push_back({bytes_.size(), id.size(), row});
      bytes_.append(id);
      s = {tag, static_cast<std::uint32_t>(entries_.size())};
      return std::nullopt;
    }
    if (s.tag == tag) {
      const entry& e = entries_[s.entry - 1];
      if (id_of(e) == id) return e.row;
    }
  }
}

void seen_ids::grow() {
  // Slots number entries in 32 bits: far more ids than any input that fits in memory holds.
  if (entries_.size() >= 0x7fffffffU) throw std::length_error("too many ids in one input");
  slots_.assign(slots_.empty() ? 64 : 2 * slots_.size(), slot{});
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    const std::size_t hash = hash_of(id_of(entries_[k]));
    std::size_t i = hash & mask;
    while (slots_[i].entry != 0)
      i = (i + 1) & mask;
    slots_[i] = {tag_of(hash), static_cast<std::uint32_t>(k + 1)};
  }
}

}  // namespace tariff::formats
