// Fees against the ledger (docs/design.md, decision 11): a fee period is charged once; a second
// statement of the period charges only what the first did not, and a retroactive change to what a
// fee period costs (an amendment of its units or of the plan, dated back, or a contract closed
// early) is billed as the difference.
#pragma once

#include <vector>

#include <tariff/billing.hpp>

#include "bill/plan_changes.hpp"
#include "plan/program.hpp"

namespace tariff::bill_stage {

/// Charges `period`'s fees of the contract's plans (`plans`, plan_stretches()) for `deal` into
/// `fees` (and `alerts`), as charge_fees does, leaving out the fee periods `records` holds; then,
/// for this period and every earlier one `records` holds, a fee period whose amount recomputed
/// today differs from the one recorded gets a fee adjustment line (`billed_before` set, `amount`
/// the difference). A plan change dated in a period billed before (from `horizon` on) charges the
/// new plan's fees there too. A closed contract is charged nothing new; its recorded fee periods
/// are recomputed to its end. `records` ends holding every fee period charged, as now computed,
/// sorted by fee, fee period and days. `program` is the version of `period` (of `tariff`, with
/// all its versions); an earlier period is recomputed by its own version (docs/design.md,
/// decision 12).
void charge_fees_once(const plan::tariff_program& tariff, const plan::tariff_program& program,
                      const std::vector<plan_stretch>& plans, const contract& deal,
                      const date_span& period, local_date horizon,
                      std::vector<billing_state::billed_fee>& records, std::vector<fee_line>& fees,
                      std::vector<alert>& alerts);

}  // namespace tariff::bill_stage
