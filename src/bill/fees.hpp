// A plan's fees in a statement: which fee periods a statement charges, and how much.
#pragma once

#include <vector>

#include <tariff/billing.hpp>

#include "compile/program.hpp"

namespace tariff::detail {

/// The fees of `p` that `deal` is charged in `period`, in the plan's order; a fee that cannot be
/// computed (its per-unit attribute is missing or not a number) becomes an alert instead.
void charge_fees(const tariff_program& program, const plan& p, const contract& deal,
                 const date_span& period, std::vector<fee_line>& fees, std::vector<alert>& alerts);

}  // namespace tariff::detail
