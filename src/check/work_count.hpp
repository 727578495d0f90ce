// A count of the front end's steps on this thread: expression nodes typed, folded, printed or
// compiled, lists visited on `extends` chains, items indexed or looked up, tables visited. Only
// tests read it: they check and compile a tariff of size n and 8n and compare the counts, which
// shows that checking and compiling grow linearly with the source without timing anything.
#pragma once

#include <cstdint>

namespace tariff::check_stage::work_count {

inline thread_local std::uint64_t steps = 0;

/// Counts `n` steps of work on this thread.
inline void add(std::uint64_t n = 1) noexcept {
  steps += n;
}

/// The steps counted on this thread since the last reset.
inline std::uint64_t total() noexcept {
  return steps;
}

/// Starts the count again from zero.
inline void reset() noexcept {
  steps = 0;
}

}  // namespace tariff::check_stage::work_count
