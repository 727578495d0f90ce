#include "diagnostics/nearest.hpp"

#include <algorithm>

namespace tariff::diagnostics {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows suffice: a swap looks two rows back.
  const std::size_t width = b.size() + 1;
  std::vector<std::size_t> before_previous(width), previous(width), current(width);
  for (std::size_t j = 0; j < width; ++j)
    previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j < width; ++j) {
      const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before_previous[j - 2] + 1);
    }
    std::swap(before_previous, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string> closest(std::string_view name,
                                   const std::vector<std::string>& candidates) {
  constexpr std::size_t max_distance = 2;
  std::optional<std::string> best;
  std::size_t best_distance = max_distance + 1;
  for (const std::string& candidate : candidates) {
    if (candidate == name) continue;
    // The distance is at least the difference in length: most candidates of a long list are
    // ruled out without measuring it.
    const std::size_t length_difference = name.size() > candidate.size()
                                              ? name.size() - candidate.size()
                                              : candidate.size() - name.size();
    if (length_difference >= best_distance) continue;
    const std::size_t distance = edit_distance(name, candidate);
    // A distance as long as the name itself would turn "x" into any one-letter name.
    if (distance < best_distance && distance < std::max(name.size(), candidate.size())) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace tariff::diagnostics
