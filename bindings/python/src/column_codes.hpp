// Codes for the values of output columns (the batch path, batch.cpp): each distinct value is
// numbered once, and the Python side turns codes and the values into columns whose cells share
// one object per value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include <tariff/decimal.hpp>

namespace tariff::python {

// Distinct values of a low-cardinality column, numbered in order of first appearance; the
// Python side turns codes and names into a categorical or text column.
template <class Key>
class coder {
 public:
  /// The key's code.
  std::int32_t code(const Key& key) {
    auto [at, added] = codes_.try_emplace(key, static_cast<std::int32_t>(keys_.size()));
    if (added) keys_.push_back(key);
    return at->second;
  }
  const std::vector<Key>& keys() const { return keys_; }

 private:
  std::unordered_map<Key, std::int32_t> codes_;
  std::vector<Key> keys_;
};

// Money figures repeat (the same price, the same hours), so each distinct figure becomes one
// Python object shared by every cell that has it, as a categorical would share it: far fewer
// objects to make and to keep. Figures are told apart by coefficient and scale ("1.5" and
// "1.50" are different texts), in an open-addressing table that doubles as it fills, because
// this runs three times per line. Figures beyond `capacity` distinct ones, and any beyond 64
// bits, get no code (and an object each). Quantities are coded the same way, with their unit
// (seconds per unit) as the tag.
template <class Key>
class figure_coder {
 public:
  explicit figure_coder(std::size_t capacity) : capacity_(capacity), slots_(capacity ? 1024 : 0) {}

  /// The code of `key`, whose number is `d` (and `tag`), or -1.
  std::int32_t code(const Key& key, const decimal& d, std::int64_t tag = 0) {
    if (capacity_ == 0) return -1;
    std::int64_t units = 0;
    try {
      units = d.to_units(d.scale());
    } catch (const decimal_error&) {
      return -1;
    }
    const std::int32_t scale = d.scale();
    slot* s = find(units, scale, tag);
    if (s->code >= 0) return s->code;
    if (keys_.size() >= capacity_) return -1;
    if (2 * (keys_.size() + 1) > slots_.size()) {
      grow();
      s = find(units, scale, tag);
    }
    *s = {units, tag, scale, static_cast<std::int32_t>(keys_.size())};
    keys_.push_back(key);
    return s->code;
  }
  const std::vector<Key>& keys() const { return keys_; }

 private:
  struct slot {
    std::int64_t units = 0;
    std::int64_t tag = 0;
    std::int32_t scale = 0;
    std::int32_t code = -1;  // -1: empty
  };
  // splitmix64's finalizer
  static std::size_t mix(std::int64_t units, std::int32_t scale, std::int64_t tag) {
    auto x = static_cast<std::uint64_t>(units) ^ (static_cast<std::uint64_t>(scale) << 56) ^
             (static_cast<std::uint64_t>(tag) * 0x9e3779b97f4a7c15ULL);
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<std::size_t>(x ^ (x >> 31));
  }
  // The slot holding the key, or the empty slot where it goes.
  slot* find(std::int64_t units, std::int32_t scale, std::int64_t tag) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = mix(units, scale, tag) & mask;; i = (i + 1) & mask) {
      slot& s = slots_[i];
      if (s.code < 0 || (s.units == units && s.scale == scale && s.tag == tag)) return &s;
    }
  }
  void grow() {
    std::vector<slot> old(2 * slots_.size());
    old.swap(slots_);
    for (const slot& s : old)
      if (s.code >= 0) *find(s.units, s.scale, s.tag) = s;
  }

  std::size_t capacity_;
  std::vector<slot> slots_;
  std::vector<Key> keys_;
};

}  // namespace tariff::python
