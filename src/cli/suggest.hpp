// "Did you mean ...?" for the command line: the nearest command or option to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tariff::cli {

/// The candidate nearest to `word` within two edits (insertions, deletions, substitutions, swaps
/// of neighbours), the first given on a tie; none when nothing is that near, or when the only
/// near ones would replace the word whole ("-x" is not a misspelt "-f").
std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates);

/// "; did you mean 'NEAREST'?" when a candidate is near, otherwise nothing.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace tariff::cli
