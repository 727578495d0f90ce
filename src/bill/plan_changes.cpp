#include "bill/plan_changes.hpp"

#include <algorithm>

namespace tariff::bill_stage {

namespace {

// The plan named `name`, or the plan an earlier version's `name` migrated to (decision 12).
const plan::plan* find_plan(const plan::tariff_program& program, const std::string& name) {
  return program.find_plan(name);
}

// The amendments that name a plan, by date (stable: the later in the list wins a shared date).
std::vector<const contract_amendment*> plan_amendments(const contract& deal) {
  std::vector<const contract_amendment*> out;
  for (const contract_amendment& a : deal.amendments)
    if (!a.plan.empty()) out.push_back(&a);
  std::stable_sort(out.begin(), out.end(),
                   [](const auto* a, const auto* b) { return a->effective < b->effective; });
  return out;
}

std::string unknown_plan(const plan::tariff_program& program, const contract_amendment& a) {
  return "the amendment of " + format_date(a.effective) + " names plan '" + a.plan +
         "', which tariff '" + program.name + "' does not have";
}

std::string mismatch(const contract_amendment& a, const plan::plan& from, const plan::plan& to) {
  const std::string head = "the amendment of " + format_date(a.effective) +
                           " moves the contract from plan '" + from.name + "' to plan '" + to.name +
                           "', ";
  if (from.period != to.period)
    return head + "which bills per " + std::string(vocabulary::to_string(to.period)) +
           ", not per " + std::string(vocabulary::to_string(from.period)) +
           ": a contract's plans must share the statement period";
  return head + "and only one of them is 'prepaid': a contract's plans must share the balance";
}

}  // namespace

std::vector<std::string> amendment_plan_problems(const plan::tariff_program& program,
                                                 const contract& deal) {
  std::vector<std::string> problems;
  const plan::plan* before = find_plan(program, deal.plan);
  for (const contract_amendment* a : plan_amendments(deal)) {
    const plan::plan* p = find_plan(program, a->plan);
    if (p == nullptr) {
      problems.push_back(unknown_plan(program, *a));
      continue;
    }
    if (before != nullptr && (before->period != p->period || before->prepaid != p->prepaid))
      problems.push_back(mismatch(*a, *before, *p));
    before = p;
  }
  return problems;
}

std::vector<plan_stretch> plan_stretches(const plan::tariff_program& program, const contract& deal,
                                         std::optional<local_date> until) {
  std::vector<plan_stretch> out;
  out.push_back({find_plan(program, deal.plan), std::nullopt, std::nullopt});
  for (const contract_amendment* a : plan_amendments(deal)) {
    if (until && a->effective >= *until) break;  // by date: every later one is a later version's
    const plan::plan* p = find_plan(program, a->plan);
    if (p == nullptr) throw call_error("contract '" + deal.id + "': " + unknown_plan(program, *a));
    plan_stretch& last = out.back();
    if (p == last.plan) continue;  // the plan in force already: no change
    if (last.plan != nullptr &&
        (last.plan->period != p->period || last.plan->prepaid != p->prepaid))
      throw billing_input_error("contract '" + deal.id + "': " + mismatch(*a, *last.plan, *p));
    if (last.from && *last.from == a->effective) {  // two plans named for one day: the later
      last.plan = p;
      if (out[out.size() - 2].plan == p) {  // back to the plan before: no change after all
        out.pop_back();
        out.back().until.reset();
      }
      continue;
    }
    last.until = a->effective;
    out.push_back({p, a->effective, std::nullopt});
  }
  return out;
}

std::optional<local_date> next_version_after(const plan::tariff_program& tariff, local_date day) {
  for (const plan::version& v : tariff.versions)
    if (v.effective > day) return v.effective;
  return std::nullopt;
}

const plan_stretch& stretch_on(const std::vector<plan_stretch>& stretches, local_date day) {
  for (const plan_stretch& s : stretches)
    if (s.contains(day)) return s;
  return stretches.back();
}

}  // namespace tariff::bill_stage
