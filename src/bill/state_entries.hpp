// The opening state's entries checked against the plan that reads them. A state entry the plan
// cannot match (a misspelt or removed allowance key, a volume of an item the tariff lacks) would
// otherwise be ignored in silence, and the allowance it records would be given again.
#pragma once

#include <functional>
#include <vector>

#include <tariff/billing.hpp>

#include "plan/program.hpp"

namespace tariff::bill_stage {

/// Checks `opening` against plan `p`. An allowance entry whose key the plan lacks, or a volume of
/// an item the tariff lacks, is an error when `open` says its period is still open to the work
/// being billed (throws billing_input_error naming the contract, the entry and its period); an
/// entry of an older period is reported as an `unknown_state_entry` alert in `alerts` (if given)
/// and kept, so that a tariff edit never makes every stored state unusable.
void check_state_entries(const plan::tariff_program& program, const plan::plan& p,
                         const contract& deal, const billing_state& opening,
                         const std::function<bool(const date_span&)>& open,
                         std::vector<alert>* alerts);

}  // namespace tariff::bill_stage
