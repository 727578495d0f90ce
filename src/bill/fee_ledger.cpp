#include "bill/fee_ledger.hpp"

#include <algorithm>
#include <map>
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

using fee_period_key = std::pair<std::string, local_date>;  // the fee, its period's first day

decimal sum(const std::vector<const fee_line*>& lines) {
  decimal total;
  for (const fee_line* l : lines)
    total += l->amount;
  return total;
}

}  // namespace

void charge_fees_once(const tariff_program& program, const plan::plan& p, const contract& deal,
                      const date_span& period, std::vector<billing_state::billed_fee>& records,
                      std::vector<fee_line>& fees, std::vector<alert>& alerts) {
  const period_scheme statements = scheme_of(p.period);
  std::map<fee_period_key, std::vector<billing_state::billed_fee>> recorded;
  std::set<local_date> periods{period.first};  // statement periods whose fees are recomputed
  for (const billing_state::billed_fee& r : records) {
    recorded[{r.fee, r.fee_period.first}].push_back(r);
    periods.insert(statements.containing(r.covers.first).first);
  }
  std::vector<billing_state::billed_fee> kept;
  std::set<fee_period_key> recomputed;
  for (const local_date first : periods) {
    const date_span statement_period = statements.containing(first);
    const bool own = statement_period == period;
    std::vector<fee_line> charged;
    std::vector<alert> unused;  // an earlier period's alerts were given by its statement
    charge_fees(program, p, deal, statement_period, charged, own ? alerts : unused);
    // The lines of one fee period (two when an amendment splits it), in the plan's order.
    std::vector<std::pair<fee_period_key, std::vector<const fee_line*>>> groups;
    for (const fee_line& line : charged) {
      fee_period_key key{key_of(p, line), line.fee_period.first};
      if (groups.empty() || groups.back().first != key) groups.push_back({key, {}});
      groups.back().second.push_back(&line);
    }
    for (const auto& [key, lines] : groups) {
      const auto found = recorded.find(key);
      if (found == recorded.end() && !own) continue;  // never charged: not this statement's
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
        kept.push_back({key.first, l->fee_period, l->covers, l->units, l->amount});
    }
  }
  // A fee period recorded but not computed now (its per-unit value is missing today) keeps its
  // record: nothing is adjusted on a guess.
  for (const auto& [key, entries] : recorded)
    if (!recomputed.contains(key)) kept.insert(kept.end(), entries.begin(), entries.end());
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
    return std::tie(a.fee, a.fee_period.first, a.covers.first) <
           std::tie(b.fee, b.fee_period.first, b.covers.first);
  });
  records = std::move(kept);
}

}  // namespace tariff::bill_stage
