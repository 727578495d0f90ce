// The same measure as the checker's suggestions for names in a tariff (check/suggest.hpp), kept
// here because the tool links only the public library and the text stage.
#include "cli/suggest.hpp"

#include <algorithm>
#include <cstddef>

namespace tariff::cli {

namespace {

// The optimal-string-alignment distance; three rows suffice, a swap looks two rows back.
std::size_t edit_distance(std::string_view a, std::string_view b) {
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

// The letters of an option's name, without its dashes: "--tarif" and "--tariff" differ by one
// letter, "-x" and "-f" by all of theirs.
std::string_view letters(std::string_view word) {
  while (!word.empty() && word.front() == '-')
    word.remove_prefix(1);
  return word;
}

}  // namespace

std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  constexpr std::size_t max_distance = 2;
  std::optional<std::string> best;
  std::size_t best_distance = max_distance + 1;
  for (const std::string& candidate : candidates) {
    if (candidate == word) continue;
    const std::size_t distance = edit_distance(word, candidate);
    const std::size_t longest = std::max(letters(word).size(), letters(candidate).size());
    if (distance < best_distance && distance < longest) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::optional<std::string> guess = nearest(word, candidates);
  return guess ? "; did you mean '" + *guess + "'?" : std::string();
}

}  // namespace tariff::cli
