#include "bill/fee_ledger.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "bill/fees.hpp"
#include "bill/ledger.hpp"

namespace tariff::bill_stage {

using plan::fee;
using plan::tariff_program;

namespace {

// What the ledger calls a fee: its name, or its description when it has none.
std::string key_of(const plan::plan& p, const fee_line& line) {
  for (const fee& f : p.fees)
    if (f.description == line.description && !f.name.empty()) return f.name;
  return line.description;
}

// The fee, its period's first day, and the plan change its plan's days start with (none for the
// contract's first plan): two plans' fees of one name in one fee period are two charges.
using fee_period_key = std::tuple<std::string, local_date, std::optional<local_date>>;

// The description of the fee the ledger calls `key`, from the contract's plans; else the key.
std::string description_of(const std::vector<plan_stretch>& plans, const std::string& key) {
  for (const plan_stretch& under : plans)
    for (const fee& f : under.plan->fees)
      if (f.name == key || (f.name.empty() && f.description == key)) return f.description;
  return key;
}

decimal sum(const std::vector<const fee_line*>& lines) {
  decimal total;
  for (const fee_line* l : lines)
    total += l->amount;
  return total;
}

}  // namespace

void charge_fees_once(const tariff_program& tariff, const tariff_program& program,
                      const std::vector<plan_stretch>& plans, const contract& deal,
                      const date_span& period, local_date horizon,
                      std::vector<billing_state::billed_fee>& records, std::vector<fee_line>& fees,
                      std::vector<alert>& alerts) {
  const period_scheme statements = scheme_of(plans.front().plan->period);
  // The version of the statement period `first` and the contract's plans in it: a period's fees
  // are its own version's (docs/design.md, decision 12), this statement's for most.
  std::map<const tariff_program*, std::vector<plan_stretch>> other_versions;
  const auto version_of = [&](local_date first) {
    const tariff_program& version = tariff.version_on(first);
    if (&version == &program) return std::pair{&program, &plans};
    auto [at, added] = other_versions.try_emplace(&version);
    if (added) at->second = plan_stretches(version, deal, next_version_after(tariff, first));
    return std::pair{&version, static_cast<const std::vector<plan_stretch>*>(&at->second)};
  };
  const auto plans_on = [&](local_date day) -> const std::vector<plan_stretch>& {
    return *version_of(statements.containing(day).first).second;
  };
  std::map<fee_period_key, std::vector<billing_state::billed_fee>> recorded;
  std::set<local_date> periods{period.first};  // statement periods whose fees are recomputed
  for (const billing_state::billed_fee& r : records) {
    recorded[{r.fee, r.fee_period.first, stretch_on(plans_on(r.covers.first), r.covers.first).from}]
        .push_back(r);
    periods.insert(statements.containing(r.covers.first).first);
  }
  // A plan change recorded late charges the new plan's fees in the periods billed before
  // (docs/design.md, decision 13).
  for (const plan_stretch& under : plans)
    if (under.from && *under.from >= horizon && *under.from < period.first)
      periods.insert(statements.containing(*under.from).first);
  // A closed contract is charged nothing new: its fee periods charged before are recomputed
  // to its end (docs/design.md, decision 14).
  const bool charging = deal.status == contract_status::registered;
  std::vector<billing_state::billed_fee> kept;
  std::set<fee_period_key> recomputed;
  for (const local_date first : periods) {
    const date_span statement_period = statements.containing(first);
    const bool own = statement_period == period;
    const auto [version, version_plans] = version_of(first);
    for (const plan_stretch& under : *version_plans) {
      const plan::plan& p = *under.plan;
      std::vector<fee_line> charged;
      std::vector<alert> unused;  // an earlier period's alerts were given by its statement
      charge_fees(*version, under, deal, statement_period, charged,
                  own && charging ? alerts : unused);
      // The lines of one fee period (two when an amendment splits it), in the plan's order.
      std::vector<std::pair<fee_period_key, std::vector<const fee_line*>>> groups;
      for (const fee_line& line : charged) {
        fee_period_key key{key_of(p, line), line.fee_period.first, under.from};
        if (groups.empty() || groups.back().first != key) groups.push_back({key, {}});
        groups.back().second.push_back(&line);
      }
      for (const auto& [key, lines] : groups) {
        const auto found = recorded.find(key);
        // Never charged: this statement's own fee, or one a late plan change brought into a
        // period billed before; else not this statement's.
        if (found == recorded.end() && !(charging && (own || under.from))) continue;
        if (found != recorded.end()) {
          recomputed.insert(key);
          decimal before;
          for (const billing_state::billed_fee& r : found->second)
            before += r.amount;
          const decimal now = sum(lines);
          if (now == before) {  // billed as it is: nothing to do
            kept.insert(kept.end(), found->second.begin(), found->second.end());
            continue;
          }
          fee_line adjustment = *lines.back();
          adjustment.covers = {lines.front()->covers.first, lines.back()->covers.end};
          adjustment.amount = now - before;
          adjustment.prepaid_units = decimal();
          adjustment.covered = adjustment.amount - adjustment.amount;
          adjustment.billed_before = before;
          fees.push_back(std::move(adjustment));
        } else {
          for (const fee_line* l : lines)
            fees.push_back(*l);
        }
        for (const fee_line* l : lines)
          kept.push_back({std::get<0>(key), l->fee_period, l->covers, l->units, l->amount});
      }
    }
  }
  // A fee period recorded but not computed now keeps its record when its per-unit value is
  // missing today: nothing is adjusted on a guess. One the contract no longer owes — its days are
  // after the contract's end, or under a plan (changed since) without that fee — is credited whole
  // (docs/design.md, decisions 13 and 14).
  for (const auto& [key, entries] : recorded) {
    if (recomputed.contains(key)) continue;
    const billing_state::billed_fee& first = entries.front();
    const plan::plan& now = *stretch_on(plans_on(first.covers.first), first.covers.first).plan;
    const bool owed = first.covers.first <= deal.end &&
                      std::any_of(now.fees.begin(), now.fees.end(), [&](const fee& f) {
                        return (f.name.empty() ? f.description : f.name) == first.fee;
                      });
    if (owed) {
      kept.insert(kept.end(), entries.begin(), entries.end());
      continue;
    }
    decimal before;
    for (const billing_state::billed_fee& r : entries)
      before += r.amount;
    fee_line credit{.description = description_of(plans, first.fee),
                    .covers = {first.covers.first, entries.back().covers.end},
                    .fee_period = first.fee_period,
                    .units = entries.back().units,
                    .amount = -before,
                    .prepaid_units = {},
                    .covered = before - before,
                    .tax = {},
                    .line = 0,
                    .column = 0,
                    .billed_before = before};
    fees.push_back(std::move(credit));
  }
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
    return std::tie(a.fee, a.fee_period.first, a.covers.first) <
           std::tie(b.fee, b.fee_period.first, b.covers.first);
  });
  records = std::move(kept);
}

}  // namespace tariff::bill_stage
