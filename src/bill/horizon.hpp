// The late-work horizon (docs/design.md, decision 11): how far back a statement reaches, and the
// ledger entries it forgets. A record is dropped only together with the right to bill its period,
// so a dropped record can never let the same line, fee or payment be billed twice.
#pragma once

#include <optional>

#include <tariff/billing.hpp>

#include "plan/program.hpp"

namespace tariff::bill_stage {

/// The first day the ledger still answers for when billing `period` from `opening`: the first day
/// of the statement period `periods` periods before the later of `period` and the latest period
/// the state has billed. Throws billing_input_error if `period` itself is before it.
local_date horizon_start(const plan::plan& p, const contract& deal, const date_span& period,
                         const billing_state& opening, int periods);

/// The horizon in force: the options', else the plan's, else default_late_work_periods. Throws
/// call_error for fewer than 1.
int horizon_periods(const plan::plan& p, const bill_options& options);

/// Drops from `state` every entry whose span ended before `first`: allowance use, volumes, billed
/// lines and fees, payments, statements.
void forget_before(billing_state& state, local_date first, const period_scheme& statements);

}  // namespace tariff::bill_stage
