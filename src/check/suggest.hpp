// "Did you mean ...?": the nearest declared name to a misspelt one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tariff::check_stage {

/// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring letters each cost 1 ("nigth" is 1 from "night").
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `name` within distance 2 (the first declared on a tie), if any.
/// A candidate equal to `name` is never suggested.
std::optional<std::string> closest(std::string_view name,
                                   const std::vector<std::string>& candidates);

/// "unknown <kind> '<name>'<place>" with "; did you mean '<closest>'?" when a candidate is near;
/// `place` says where it was looked for (" in price list 'retail'").
std::string unknown_name_message(std::string_view kind, std::string_view name,
                                 const std::vector<std::string>& candidates,
                                 std::string_view place = {});

}  // namespace tariff::check_stage
