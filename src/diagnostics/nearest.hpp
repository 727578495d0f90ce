// "Did you mean ...?": the nearest of some words to a misspelt one. The parser (keywords, units)
// and the checker (declared names) both suggest with it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tariff::diagnostics {

/// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring letters each cost 1 ("nigth" is 1 from "night").
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `name` within distance 2 (the first declared on a tie), if any.
/// A candidate equal to `name` is never suggested.
std::optional<std::string> closest(std::string_view name,
                                   const std::vector<std::string>& candidates);

}  // namespace tariff::diagnostics
