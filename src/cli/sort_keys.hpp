// Keys for the tool's external sorts (external_sort.hpp): numbers written big-endian, so that
// comparing keys byte by byte compares the numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tariff::cli {

/// Appends the low `bytes` bytes of `n`, most significant first.
inline void append_big_endian(std::string& key, std::uint64_t n, int bytes) {
  for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8)
    key += static_cast<char>((n >> shift) & 0xFF);
}

/// The number append_big_endian wrote in `bytes` (all of them).
inline std::uint64_t read_big_endian(std::string_view bytes) {
  std::uint64_t n = 0;
  for (const char c : bytes)
    n = (n << 8) | static_cast<unsigned char>(c);
  return n;
}

/// The key of a line in a sort by contract: its contract's place (4 bytes), then its position in
/// the input (8 bytes). A contract's lines come back together and in input order.
inline void contract_key(std::string& key, std::uint32_t place, std::size_t position) {
  key.clear();
  append_big_endian(key, place, 4);
  append_big_endian(key, position, 8);
}

/// The contract's place in a key contract_key wrote.
inline std::uint32_t place_of_key(std::string_view key) {
  return static_cast<std::uint32_t>(read_big_endian(key.substr(0, 4)));
}

}  // namespace tariff::cli
