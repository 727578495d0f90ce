// Work order (pricing semantics §4): the order in which lines use allowances, draw a prepaid
// balance and appear in statements, payouts and staff pay.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include <tariff/model.hpp>

namespace tariff::bill_stage {

/// Indexes of `work` by start, then by the host's line id; equal starts and ids keep their input
/// order, as a stable sort would.
std::vector<std::size_t> work_order(std::span<const work_line> work);

}  // namespace tariff::bill_stage
