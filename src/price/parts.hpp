// Splitting a part of a priced line: allowances take the first piece of a part, and graduated
// tiers cut parts at their bounds.
#pragma once

#include <chrono>
#include <vector>

#include <tariff/pricing.hpp>

namespace tariff::price_stage {

/// Splits parts[i] so that its first `take` of billed quantity is a part of its own (at index i)
/// and the rest follows at i + 1. The first piece gets `measured_take` of the measured quantity
/// (at most all of it), so costs and the pieces' clock times still add up to the original part's.
inline void split_part(std::vector<priced_part>& parts, std::size_t i, const decimal& take,
                       const decimal& measured_take) {
  priced_part rest = parts[i];
  priced_part& first = parts[i];
  const decimal measured = min(measured_take, first.measured.value);
  first.billed.value = take;
  first.measured.value = measured;
  rest.billed.value = rest.billed.value - take;
  rest.measured.value = rest.measured.value - measured;
  if (first.measured.is_time()) {
    const auto seconds = measured.rescale(0, rounding_mode::down).to_units(0);
    first.end = first.begin + std::chrono::seconds(seconds);
    rest.begin = first.end;
  }
  parts.insert(parts.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(rest));
}

/// split_part where billed and measured are in the same measure: measured time goes to the first
/// piece first.
inline void split_part(std::vector<priced_part>& parts, std::size_t i, const decimal& take) {
  split_part(parts, i, take, take);
}

}  // namespace tariff::price_stage
