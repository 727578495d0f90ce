// The same measure as the suggestions for names in a tariff (diagnostics/nearest.hpp), with the
// command line's own rule that an option is not "near" one it would replace whole.
#include "cli/suggest.hpp"

#include <algorithm>
#include <cstddef>

#include "diagnostics/nearest.hpp"

namespace tariff::cli {

namespace {

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
    const std::size_t distance = diagnostics::edit_distance(word, candidate);
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
