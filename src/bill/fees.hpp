// A plan's fees in a statement: which fee periods a statement charges, and how much.
#pragma once

#include <vector>

#include <tariff/billing.hpp>

#include "bill/plan_changes.hpp"
#include "plan/program.hpp"

namespace tariff::bill_stage {

/// The fees of the plan of `under` that `deal` is charged in `period` for the plan's days, in the
/// plan's order; a fee whose per-unit attribute is missing becomes an alert instead. A fee period
/// cut by a plan change is charged for the plan's days of it, prorated or not; a closed contract's
/// for its days up to its end. Throws billing_input_error, naming the
/// contract and the attribute, if a per-unit value is not a number, is negative, or is not whole
/// for an `integer` attribute: a fee never turns into a credit or a fraction of a counted thing.
void charge_fees(const plan::tariff_program& program, const plan_stretch& under,
                 const contract& deal, const date_span& period, std::vector<fee_line>& fees,
                 std::vector<alert>& alerts);

/// What is wrong with the contract's prepaid fee spans under plan `p`: one message for each span
/// naming a fee `p` does not have. The client paid for that fee; charging them again without a
/// word would be the silent failure, so billing refuses the contract.
std::vector<std::string> unknown_prepaid_fees(const plan::plan& p, const contract& deal);

}  // namespace tariff::bill_stage
