#include "bill/horizon.hpp"

#include <algorithm>
#include <string>

#include "bill/ledger.hpp"
#include "errors/errors.hpp"

namespace tariff::bill_stage {

int horizon_periods(const plan::plan& p, const bill_options& options) {
  const int periods =
      options.late_work_periods.value_or(p.late_work_periods.value_or(default_late_work_periods));
  // The bounds `late work N periods` has in a tariff (docs/language.md, Limits).
  if (periods < 1 || periods > 1200)
    throw call_error("the late-work horizon must be from 1 to 1200 periods, not " +
                     std::to_string(periods));
  return periods;
}

local_date horizon_start(const plan::plan& p, const contract& deal, const date_span& period,
                         const billing_state& opening, int periods) {
  const period_scheme statements = scheme_of(p.period);
  date_span latest = period;
  for (const billing_state::issued_statement& s : opening.statements)
    if (s.period.first > latest.first) latest = statements.containing(s.period.first);
  date_span first = latest;
  for (int i = 0; i < periods; ++i)
    first = statements.previous(first);
  if (period.first < first.first)
    throw billing_input_error("contract '" + deal.id + "': " + format_span(period) +
                              " is closed: the state has billed " + format_span(latest) +
                              ", and late work reaches back " + std::to_string(periods) +
                              " periods, to " + format_date(first.first));
  return first.first;
}

namespace {

template <typename T, typename Ends>
void drop(std::vector<T>& entries, local_date first, Ends ends) {
  entries.erase(
      std::remove_if(entries.begin(), entries.end(), [&](const T& e) { return ends(e) <= first; }),
      entries.end());
}

}  // namespace

void forget_before(billing_state& state, local_date first, const period_scheme& statements) {
  drop(state.allowances, first, [](const auto& e) { return e.period.end; });
  drop(state.volumes, first, [](const auto& e) { return e.period.end; });
  drop(state.lines, first, [&](const auto& e) { return statements.containing(e.date).end; });
  drop(state.fees, first, [](const auto& e) { return e.fee_period.end; });
  drop(state.payments, first, [&](const auto& e) { return statements.containing(e.date).end; });
  drop(state.statements, first, [](const auto& e) { return e.period.end; });
}

}  // namespace tariff::bill_stage
