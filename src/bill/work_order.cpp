#include "bill/work_order.hpp"

#include <algorithm>
#include <utility>

#include "errors/stop_point.hpp"

namespace tariff::bill_stage {

// The starts are copied next to the indexes, so that sorting reads a compact array instead of
// the work lines.
std::vector<std::size_t> work_order(std::span<const work_line> work) {
  std::vector<std::pair<instant, std::size_t>> keyed(work.size());
  for (std::size_t i = 0; i < work.size(); ++i) {
    errors::poll_every(i, work.size(), "lines ordered");  // bill()'s stop condition
    keyed[i] = {work[i].start, i};
  }
  errors::sort_watched(  // and while a long list is sorted
      keyed.begin(), keyed.end(),
      [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        if (const int c = work[a.second].id.compare(work[b.second].id); c != 0) return c < 0;
        return a.second < b.second;
      },
      "lines ordered");
  std::vector<std::size_t> order(work.size());
  for (std::size_t i = 0; i < keyed.size(); ++i)
    order[i] = keyed[i].second;
  return order;
}

}  // namespace tariff::bill_stage
