// A contract's plans over its life (docs/design.md, decision 13): an amendment may move it to
// another plan from a date; these are the stretches of days under each plan.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <tariff/billing.hpp>

#include "plan/program.hpp"

namespace tariff::bill_stage {

/// The days a contract bills under one plan: from a plan change (or, for the first stretch,
/// from always) until the next change (or, for the last, for ever).
struct plan_stretch {
  const plan::plan* plan = nullptr;
  std::optional<local_date> from;   ///< the change that starts it; empty for the first stretch
  std::optional<local_date> until;  ///< the next change; empty for the last stretch

  [[nodiscard]] bool contains(local_date day) const {
    return (!from || *from <= day) && (!until || day < *until);
  }
};

/// The contract's plan stretches in date order: one for a contract that never changes plan.
/// An amendment naming the plan already in force is no change. Throws call_error naming the
/// contract and the amendment's date for a plan the tariff does not have (as for the contract's
/// own plan), and billing_input_error when two of its plans bill by different statement periods
/// or one is `prepaid` and another not: a statement is one period of one balance. `program` is
/// one version of a versioned tariff: the amendments from `until` on (the next version's first
/// day) are the later versions', and may name plans only they have, so they are left out.
std::vector<plan_stretch> plan_stretches(const plan::tariff_program& program, const contract& deal,
                                         std::optional<local_date> until = std::nullopt);

/// The first day of the version of `tariff` after the one in force on `day`; none when that is
/// the newest (or the tariff has one version): where plan_stretches() of that version stops.
std::optional<local_date> next_version_after(const plan::tariff_program& tariff, local_date day);

/// The stretch that contains `day`.
const plan_stretch& stretch_on(const std::vector<plan_stretch>& stretches, local_date day);

/// What is wrong with the plans the contract's amendments name, as plan_stretches() would refuse
/// it, without the contract's id (contract_problems() gives it as the problem's id); empty when
/// nothing is.
std::vector<std::string> amendment_plan_problems(const plan::tariff_program& program,
                                                 const contract& deal);

}  // namespace tariff::bill_stage
