// The typical work mix of the performance suite, generated from a fixed seed (docs/performance.md,
// "The typical tariff and its work mix"). Contract c and its lines depend only on c, so the first
// N contracts of any run are the same lines: the pricing suite takes the first 1 000 000 lines,
// billing 100 000 contracts, the Python script the first 100 000 lines.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <tariff/model.hpp>

namespace bench {

/// Lines per contract in a generated workload (30: a month of a small site's requests).
inline constexpr std::size_t lines_per_contract = 30;

struct workload {
  std::vector<tariff::contract> contracts;
  std::vector<tariff::work_line> lines;  ///< contract c's lines are [30 c, 30 c + 30)
};

/// The first `contracts` contracts of the typical mix, each with 30 lines of March 2026.
workload make_workload(std::size_t contracts);

/// Appends contract `c` of the mix and its 30 lines to `w` (make_workload adds 0, 1, 2…): a
/// program writing millions of lines generates them a block of contracts at a time.
void add_contract(workload& w, std::size_t c);

/// The typical tariff's source (benchmarks/typical/typical.tariff).
std::string typical_tariff_source();

/// What the mix holds, to check that it is the documented one.
struct mix_stats {
  std::size_t timed = 0;     ///< lines billed by time
  std::size_t crossing = 0;  ///< timed lines that cross local 22:00 or midnight
  std::size_t dst = 0;       ///< timed lines that cross a UTC offset change of their zone
  std::size_t billable = 0;  ///< billable lines (the rest are warranty work)
};
mix_stats stats_of(const workload& w);

}  // namespace bench
