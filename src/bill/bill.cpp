// Period billing: fees, lines with allowances in work order, adjustments, totals, alerts, state.
#include <algorithm>
#include <numeric>
#include <optional>
#include <stdexcept>

#include <tariff/billing.hpp>
#include <tariff/version.hpp>

#include "bill/allowances.hpp"
#include "bill/fee_ledger.hpp"
#include "bill/fees.hpp"
#include "bill/horizon.hpp"
#include "bill/ledger.hpp"
#include "bill/line_records.hpp"
#include "bill/payment_ledger.hpp"
#include "bill/plan_changes.hpp"
#include "bill/prepaid.hpp"
#include "bill/repeats.hpp"
#include "bill/state_entries.hpp"
#include "bill/statement_id.hpp"
#include "bill/taxes.hpp"
#include "bill/work_order.hpp"
#include "errors/errors.hpp"
#include "errors/release.hpp"
#include "errors/stop_point.hpp"
#include "plan/access.hpp"
#include "price/amounts.hpp"

namespace tariff {

namespace {

const plan::plan& plan_of(const plan::tariff_program& program, const contract& deal) {
  const plan::plan* found = program.find_plan(deal.plan);  // or the plan it migrated to
  if (found == nullptr)
    throw call_error("contract '" + deal.id + "' has no plan of tariff '" + program.name +
                     "' (plan '" + deal.plan + "')");
  return *found;
}

// Tiers count the volume billed before a line in its statement period, from the ledger.
void count_volumes(price_stage::line_pricer& pricer, const plan::plan* p,
                   const bill_stage::allowance_ledger& ledger) {
  if (p == nullptr) return;
  pricer.set_volume_source([&ledger, statements = bill_stage::scheme_of(p->period)](
                               const plan::item& it, local_date day) {
    return ledger.volume(it.name, statements.containing(day));
  });
}

// A line priced on its own adds to its item's volume (tiered items) and goes through the plan's
// allowances (billable work only). It must be the line `pricer` priced last.
// Returns the volume the line added.
decimal use_allowances(price_stage::line_pricer& pricer, const plan::plan* p, priced_line& line,
                       bill_stage::allowance_ledger& ledger,
                       std::vector<bill_stage::allowance_take>& takes) {
  if (!line.ok() || line.kind != work_kind::billable || p == nullptr) return {};
  // The plan in force on the line's date takes it (docs/design.md, decision 13: the use of a key
  // both plans have carries over the change), in the version that priced it (decision 12).
  if (pricer.last_plan() != nullptr) p = pricer.last_plan();
  const plan::item& it = *pricer.last_item();
  decimal volume;
  if (it.tiers) {
    volume = line.billed.value;
    ledger.add_volume(it.name, bill_stage::scheme_of(p->period).containing(*line.date), volume);
  }
  if (!p->allowances.empty()) bill_stage::apply_allowances(pricer, *p, it, line, ledger, takes);
  return volume;
}

item_quantity quantity_of(const plan::allowance& a, const decimal& value) {
  return {value, a.unit_seconds};
}

void report_allowances(const plan::tariff_program& program,
                       const std::vector<const plan::allowance*>& shown, const date_span& period,
                       const bill_stage::allowance_ledger& opening,
                       const std::vector<bill_stage::allowance_take>& takes, statement& out) {
  for (const plan::allowance* shown_allowance : shown) {
    const plan::allowance& al = *shown_allowance;
    const date_span span = bill_stage::scheme_of(al.period).containing(period.first);
    const decimal before = bill_stage::used_in(opening, al, span);
    decimal used;
    decimal covered = program.zero_amount();
    for (const bill_stage::allowance_take& t : takes)
      if (t.period == span && bill_stage::counts_for(al, t)) {
        used += t.taken;
        covered += t.covered;
      }
    decimal remaining = al.amount - before - used;
    if (remaining.sign() < 0) remaining = decimal();
    out.allowances.push_back({al.key, span, quantity_of(al, al.amount), quantity_of(al, before),
                              quantity_of(al, used), quantity_of(al, remaining), covered});
    for (const bill_stage::allowance_take& t : takes) {
      if (!bill_stage::counts_for(al, t)) continue;
      for (const decimal& percent : al.alerts) {
        const decimal level = al.amount * percent;  // compared × 100, exactly
        if (t.before * decimal(100) < level && level <= (t.before + t.taken) * decimal(100))
          out.alerts.push_back({alert_kind::allowance_threshold,
                                "allowance " + al.key + " for " + format_span(t.period) +
                                    " reached " + percent.to_string() + "% with line " + t.line +
                                    ": " + quantity_of(al, t.before + t.taken).to_string() +
                                    " of " + quantity_of(al, al.amount).to_string() + " used",
                                al.key,
                                percent,
                                t.line,
                                {}});
      }
    }
  }
}

// The allowances of the plans of `stretches` that `shown` picks, each key once with the latest
// plan's allowance: the latest plan's in its order, then the earlier plans' other ones.
template <typename Pick>
std::vector<const plan::allowance*> allowances_of(
    const std::vector<bill_stage::plan_stretch>& stretches, Pick shown) {
  std::vector<const plan::allowance*> out;
  for (auto s = stretches.rbegin(); s != stretches.rend(); ++s) {
    if (!shown(*s)) continue;
    for (const plan::allowance& a : s->plan->allowances)
      if (std::none_of(out.begin(), out.end(),
                       [&](const plan::allowance* known) { return known->key == a.key; }))
        out.push_back(&a);
  }
  return out;
}

// `p` when the contract never changes plan; else `every_plan` made `p` with the allowances of all
// its plans (for reversals and the state's entries) and their fees (a prepaid span may name any).
const plan::plan& all_plans(const std::vector<bill_stage::plan_stretch>& stretches,
                            const plan::plan& p, plan::plan& every_plan) {
  if (stretches.size() == 1) return p;
  every_plan = p;
  every_plan.allowances.clear();
  for (const plan::allowance* a : allowances_of(stretches, [](const auto&) { return true; }))
    every_plan.allowances.push_back(*a);
  for (const bill_stage::plan_stretch& s : stretches)
    if (s.plan != &p)
      every_plan.fees.insert(every_plan.fees.end(), s.plan->fees.begin(), s.plan->fees.end());
  return every_plan;
}

// The plans the contract bills under in `period`, with their days (the contract's days in it, or
// the period when it has none there).
std::vector<plan_days> plans_in(const std::vector<bill_stage::plan_stretch>& stretches,
                                const contract& deal, const date_span& period) {
  date_span window{std::max(period.first, deal.start),
                   std::min(period.end, deal.end + date::days{1})};
  if (window.first >= window.end) window = period;
  std::vector<plan_days> out;
  for (const bill_stage::plan_stretch& s : stretches) {
    date_span days = window;
    if (s.from) days.first = std::max(days.first, *s.from);
    if (s.until) days.end = std::min(days.end, *s.until);
    if (days.first < days.end) out.push_back({s.plan->name, days});
  }
  return out;
}

// Totals, taxes and the prepaid balance; the order matters: taxes need the amounts, the total
// needs the taxes, and the balance is drawn by what each amount costs with its tax.
void add_totals(const plan::tariff_program& program, const contract& deal, statement& s) {
  s.fees_total = s.work_total = s.cost = s.tax = program.zero_amount();
  for (const fee_line& f : s.fees)
    s.fees_total += f.amount;
  for (const auto* lines : {&s.lines, &s.adjustments})
    for (const priced_line& l : *lines) {
      errors::poll_every(static_cast<std::size_t>(&l - lines->data()), lines->size(),
                         "lines totalled");  // bill()'s stop condition, as in every O(lines) step
      s.work_total += l.amount;
      s.cost += l.cost;
    }
  for (const reversal& r : s.reversals) {
    s.work_total += r.amount;
    s.cost += r.cost;
  }
  bill_stage::apply_taxes(program, deal, s);
  const bool included =
      program.tax_rules && program.tax_rules->basis == vocabulary::tax_basis::included;
  s.total = s.fees_total + s.work_total;
  if (!included) s.total += s.tax;
  if (program.statement_rounding)
    s.total = s.total.round_to(program.statement_rounding->step, program.statement_rounding->mode);
  s.revenue = s.tax.is_zero() ? s.total : s.total - s.tax;  // keeps the total's scale
  if (included && !s.tax.is_zero())  // a line's margin is what it earns without the tax
    for (auto* lines : {&s.lines, &s.adjustments})
      for (priced_line& l : *lines)
        l.margin = l.amount - l.tax - l.cost;
  s.margin = s.revenue - s.cost;
  if (!s.revenue.is_zero())
    s.margin_percent = divide(s.margin * decimal(100), s.revenue, 2, rounding_mode::half_even);
}

// The versions that priced a line or charged a fee of `s`, in date order; none for a tariff of
// one file (docs/design.md, decision 12).
std::vector<tariff_version> versions_used(const plan::tariff_program& newest,
                                          const date_span& period, const statement& s) {
  std::vector<tariff_version> out;
  if (newest.versions.empty()) return out;
  std::vector<bool> used(newest.versions.size(), false);
  auto mark = [&](local_date day) {
    const plan::version& v = newest.version_entry_on(day);
    used[static_cast<std::size_t>(&v - newest.versions.data())] = true;
  };
  if (!s.fees.empty()) mark(period.first);
  for (const auto* lines : {&s.lines, &s.adjustments})
    for (const priced_line& l : *lines)
      mark(*l.date);
  for (std::size_t i = 0; i < used.size(); ++i)
    if (used[i]) {
      const plan::version& v = newest.versions[i];
      out.push_back({v.dated ? std::optional(v.effective) : std::nullopt, v.source_hash, v.file});
    }
  return out;
}

}  // namespace

std::string_view to_string(alert_kind kind) {
  switch (kind) {
    case alert_kind::allowance_threshold:
      return "allowance_threshold";
    case alert_kind::contract_expiring:
      return "contract_expiring";
    case alert_kind::fee_not_charged:
      return "fee_not_charged";
    case alert_kind::balance_low:
      return "balance_low";
    case alert_kind::balance_exhausted:
      return "balance_exhausted";
    case alert_kind::unknown_state_entry:
      return "unknown_state_entry";
    case alert_kind::state_migrated:
      return "state_migrated";
    case alert_kind::balance_negative:
      return "balance_negative";
  }
  return "alert";
}

std::string_view to_string(reversal_reason reason) {
  return reason == reversal_reason::voided ? "voided" : "corrected";
}

std::vector<input_error> contract_problems(const compiled_tariff& tariff, const contract& deal) {
  std::vector<input_error> out;
  const plan::tariff_program& program = plan::program_of(tariff);
  const plan::plan* found = program.find_plan(deal.plan);
  if (found == nullptr) {
    out.push_back(
        {0, deal.id, "plan", "plan '" + deal.plan + "' is not in tariff '" + program.name + "'"});
    return out;
  }
  for (std::string& problem : bill_stage::amendment_plan_problems(program, deal))
    out.push_back({0, deal.id, "amendments", std::move(problem)});
  if (!out.empty()) return out;
  for (std::string& problem : bill_stage::unknown_prepaid_fees(*found, deal))
    out.push_back({0, deal.id, "prepaid", std::move(problem)});
  return out;
}

date_span statement_period(const compiled_tariff& tariff, const contract& deal, local_date day) {
  return bill_stage::scheme_of(plan_of(plan::program_of(tariff).version_on(day), deal).period)
      .containing(day);
}

statement bill(const compiled_tariff& tariff, const contract& deal, date_span period,
               const billing_state& opening, std::span<const work_line> work,
               const bill_options& options) {
  return bill(tariff, deal, period, opening, work, {}, options);
}

namespace {

statement bill_contract(const compiled_tariff& tariff, const contract& deal, date_span period,
                        const billing_state& opening, std::span<const work_line> work,
                        std::span<const payment> payments, const bill_options& options) {
  // The version in force on the period's first day charges its fees and allowances and taxes
  // the statement; each line is priced by its own date's (docs/design.md, decision 12).
  const plan::tariff_program& program = plan::program_of(tariff).version_on(period.first);
  (void)plan_of(program, deal);  // the contract's own plan, as it was signed, must be the tariff's
  // Its plans over its life; the statement is under the plan in force on the period's last day
  // the contract is in force (docs/design.md, decision 13).
  const std::vector<bill_stage::plan_stretch> stretches = bill_stage::plan_stretches(
      program, deal, bill_stage::next_version_after(plan::program_of(tariff), period.first));
  const plan::plan& p =
      *bill_stage::stretch_on(stretches, std::min(period.end - date::days{1}, deal.end)).plan;
  // Every plan's allowances, for reversals and the state's entries: one plan for most contracts.
  plan::plan every_plan;
  const plan::plan& whole = all_plans(stretches, p, every_plan);
  const errors::stop_scope stopping(options.stop);  // sort_work and records.close poll it
  const period_scheme statements = bill_stage::scheme_of(p.period);
  if (statements.containing(period.first) != period)
    throw call_error(format_span(period) + " is not a statement period of plan '" + p.name +
                     "' (statements are per " + vocabulary::to_string(p.period) + ")");
  if (const std::vector<std::string> problems = bill_stage::unknown_prepaid_fees(whole, deal);
      !problems.empty())
    throw billing_input_error("contract '" + deal.id + "': " + problems.front());
  if (!p.prepaid)  // a payment with no balance to credit would be dropped: money lost to view
    for (const payment& paid : payments)
      if (paid.contract == deal.id)
        throw billing_input_error("contract '" + deal.id + "': payment '" + paid.id + "' of " +
                                  format_date(paid.date) + " (" + paid.amount.to_string() +
                                  ") tops up a prepaid balance, but plan '" + p.name +
                                  "' has none ('prepaid'): it cannot be credited");
  if (!opening.contract.empty() && opening.contract != deal.id)
    throw billing_input_error("contract '" + deal.id + "': the opening state is contract '" +
                              opening.contract + "''s");
  const local_date horizon =
      bill_stage::horizon_start(p, deal, period, opening, bill_stage::horizon_periods(p, options));

  // The closing state in the making: the opening one, less what the horizon forgets.
  billing_state state = opening;
  bill_stage::forget_before(state, horizon, statements);

  statement out;
  out.opening_revision = opening.revision;
  out.supplementary = std::any_of(state.statements.begin(), state.statements.end(),
                                  [&](const auto& issued) { return issued.period == period; });
  out.contract = deal.id;
  out.client = deal.client;
  out.plan = p.name;
  out.plans = plans_in(stretches, deal, period);
  out.currency = program.currency;
  out.tariff_hash = plan::program_of(tariff).source_hash;
  out.engine = version;  // docs/statement.md, "Checking a past statement"
  out.tzdata = tzdata_version();
  out.period = period;
  if (opening.format < billing_state::current_format)
    out.alerts.push_back({alert_kind::state_migrated,
                          "the opening state is format " + std::to_string(opening.format) +
                              ", read as format 2 without a ledger: work, fees and payments " +
                              "billed before it cannot be recognised if sent again",
                          {},
                          {},
                          {},
                          {}});

  if (deal.status != contract_status::draft)  // a closed contract's fees are credited to its end
    bill_stage::charge_fees_once(plan::program_of(tariff), program, stretches, deal, period,
                                 horizon, state.fees, out.fees, out.alerts);

  const auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  if (!std::is_sorted(state.lines.begin(), state.lines.end(), by_id))  // a host's hand-made state
    std::stable_sort(state.lines.begin(), state.lines.end(), by_id);
  bill_stage::sorted_work sorted =
      bill_stage::sort_work(deal, work, state.lines, options.on_repeat);
  out.already_billed = std::move(sorted.already_billed);

  const price_options price_opts{options.trace};
  price_stage::line_pricer pricer(tariff, price_opts);
  const errors::stop_point stop(options.stop, work.size(), "lines");  // every 64 lines
  std::size_t priced = 0;
  bill_stage::allowance_ledger ledger(state);
  count_volumes(pricer, &p, ledger);
  std::vector<std::pair<std::size_t, priced_line>> rejected = std::move(sorted.rejected);
  // Why a line dated outside what this statement bills is not billed now, or nothing.
  auto outside =
      [&](const priced_line& line) -> std::optional<std::pair<reject_reason, std::string>> {
    if (*line.date >= period.end)  // waits for its own statement; it uses nothing now
      return std::pair{reject_reason::after_period, "it is dated " + format_date(*line.date) +
                                                        ", after the statement's period " +
                                                        format_span(period)};
    if (*line.date < horizon)
      return std::pair{reject_reason::period_closed, "it is dated " + format_date(*line.date) +
                                                         ", before the late-work horizon (" +
                                                         format_date(horizon) +
                                                         "): that period is closed"};
    return std::nullopt;
  };

  // A correction whose new version cannot be billed now keeps the version billed: reversing it
  // alone would credit the client for work done.
  std::vector<bool> pricing(work.size(), false);
  for (std::size_t i : sorted.to_price)
    pricing[i] = true;
  std::vector<bill_stage::allowance_take> takes;
  bill_stage::line_records records(work.size());
  // A bill cancelled (or failing) among a million lines returns without freeing them here.
  const errors::release_on_unwind release(work.size() >= errors::release_elsewhere_from, out,
                                          sorted, state, records, takes, rejected);
  for (const bill_stage::sorted_work::reversed& r : sorted.reversals) {
    if (r.reason == reversal_reason::corrected) {
      stop.at(priced++);
      priced_line trial;
      pricer.price(&deal, work[r.index], trial);
      if (trial.ok())
        if (const auto why = outside(trial))
          price_stage::line_pricer::fail(trial, why->first, why->second);
      if (!trial.ok()) {
        trial.message += " (line " + trial.id + " stays as billed)";
        rejected.emplace_back(r.index, std::move(trial));
        pricing[r.index] = false;
        continue;
      }
    }
    if (auto back = records.reverse(*r.billed, r.reason, whole, ledger, takes))
      out.reversals.push_back(std::move(*back));
  }

  out.lines.reserve(sorted.to_price.size());
  for (std::size_t i : bill_stage::work_order(work)) {
    if (!pricing[i]) continue;
    stop.at(priced++);
    const work_line& w = work[i];
    // Priced in place as one of the period's lines, which most are; moved if it is not.
    priced_line& line = out.lines.emplace_back();
    pricer.price(&deal, w, line);
    if (line.ok())
      if (const auto why = outside(line))
        price_stage::line_pricer::fail(line, why->first, why->second);
    const std::size_t first_take = takes.size();
    decimal volume;
    if (line.ok()) volume = use_allowances(pricer, &p, line, ledger, takes);
    if (!line.ok()) {
      rejected.emplace_back(i, std::move(line));
      out.lines.pop_back();
      continue;
    }
    const bool late = *line.date < period.first;
    records.priced(i, first_take, takes.size(), std::move(volume), late);
    if (late) {
      out.adjustments.push_back(std::move(line));
      out.lines.pop_back();
    }
  }
  stop.check(priced);  // and between the steps after the lines, each O(lines)
  // The state's entries the plan cannot match: an error for the periods this statement bills
  // (its own, later ones, and those its late work falls in), reported for older ones.
  bill_stage::check_state_entries(
      program, whole, deal, state,
      [&](const date_span& span) {
        if (span.end > period.first) return true;
        for (const auto* lines : {&out.lines, &out.adjustments})
          for (const priced_line& l : *lines)
            if (span.contains(*l.date)) return true;
        return false;
      },
      &out.alerts);
  std::sort(rejected.begin(), rejected.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [index, line] : rejected)
    out.rejected.push_back(std::move(line));

  const bill_stage::allowance_ledger before(state);
  report_allowances(program,
                    allowances_of(stretches,
                                  [&](const bill_stage::plan_stretch& s) {
                                    return std::any_of(out.plans.begin(), out.plans.end(),
                                                       [&](const plan_days& d) {
                                                         return d.plan == s.plan->name &&
                                                                s.contains(d.days.first);
                                                       });
                                  }),
                    period, before, takes, out);
  const local_date last_day = period.end - date::days{1};
  if (deal.status == contract_status::registered && deal.end >= period.first &&
      deal.end <= last_day + date::days{options.expiry_warning_days})
    out.alerts.push_back({alert_kind::contract_expiring,
                          "contract '" + deal.id + "' ends on " + format_date(deal.end) +
                              ", within " + std::to_string(options.expiry_warning_days) +
                              " days of the period's end (" + format_date(last_day) + ")",
                          {},
                          {},
                          {},
                          {}});
  std::vector<payment> credited;
  if (p.prepaid)
    credited = bill_stage::payments_to_credit(deal, payments, period, horizon, options.on_repeat,
                                              state.payments, out.already_credited);
  stop.check(priced);
  add_totals(program, deal, out);
  if (p.prepaid) {
    const bool tax_added =
        program.tax_rules && program.tax_rules->basis == vocabulary::tax_basis::excluded;
    state.balance = bill_stage::draw_prepaid(p, state.balance, deal, credited, tax_added, out);
  }

  // The closing state: the use recorded, the lines billed and reversed.
  stop.check(priced);
  const billing_state used = ledger.state();
  state.allowances = used.allowances;
  state.volumes = used.volumes;
  records.close(program, out, sorted, takes, state.lines);
  state.format = billing_state::current_format;
  state.contract = deal.id;

  stop.check(priced);
  out.versions = versions_used(plan::program_of(tariff), period, out);
  out.id = bill_stage::statement_id(out);
  if (state == opening) {  // everything was billed before: billing it again changes nothing
    out.closing = opening;
  } else {
    state.revision = opening.revision + 1;
    state.statements.push_back({out.id, period, state.revision});
    out.closing = std::move(state);
  }
  return out;
}

}  // namespace

statement bill(const compiled_tariff& tariff, const contract& deal, date_span period,
               const billing_state& opening, std::span<const work_line> work,
               std::span<const payment> payments, const bill_options& options) {
  try {
    return bill_contract(tariff, deal, period, opening, work, payments, options);
  } catch (const decimal_error& e) {
    // A sum past the decimal limits (amounts, payments or a balance of hundreds of digits): the
    // contract's data, named as such; a line's own arithmetic is already its rejection.
    throw billing_input_error("contract '" + deal.id + "': its statement for " +
                              format_span(period) + " cannot be computed: " + e.what());
  }
}

std::vector<priced_line> price_with_state(const compiled_tariff& tariff, const contract& deal,
                                          billing_state& state, std::span<const work_line> work,
                                          const price_options& options) {
  const plan::tariff_program& program = plan::program_of(tariff);
  const plan::plan* p = program.find_plan(deal.plan);
  price_options with_parts = options;
  with_parts.parts = true;  // allowances split parts: the billing stage always keeps them
  price_stage::line_pricer pricer(tariff, with_parts);
  bill_stage::allowance_ledger ledger(state);
  count_volumes(pricer, p, ledger);
  std::vector<bill_stage::allowance_take> takes;
  std::vector<priced_line> out(work.size());
  const errors::stop_point stop(options.stop, work.size(), "lines");  // `state` is assigned last
  std::size_t priced = 0;
  for (std::size_t i : bill_stage::work_order(work)) {
    stop.at(priced++);
    out[i] = pricer.price(&deal, work[i]);
    (void)use_allowances(pricer, p, out[i], ledger, takes);
  }
  // A contract that changes plan reads the state with all its plans' allowances.
  plan::plan every_plan;
  if (p != nullptr && bill_stage::amendment_plan_problems(program, deal).empty() &&
      std::any_of(deal.amendments.begin(), deal.amendments.end(),
                  [](const contract_amendment& a) { return !a.plan.empty(); }))
    p = &all_plans(bill_stage::plan_stretches(program, deal), *p, every_plan);
  if (p != nullptr)  // an entry the plan cannot match, in a period a line falls in, is an error
    bill_stage::check_state_entries(
        program, *p, deal, state,
        [&](const date_span& span) {
          return std::any_of(out.begin(), out.end(), [&](const priced_line& l) {
            return l.ok() && span.contains(*l.date);
          });
        },
        nullptr);
  // Only the use: the ledger and the balance are bill()'s, which knows what was billed and paid.
  billing_state used = ledger.state();
  state.allowances = std::move(used.allowances);
  state.volumes = std::move(used.volumes);
  bill_stage::tax_each_line(program, deal, out);
  return out;
}

std::vector<priced_line> estimate(const compiled_tariff& tariff, const contract& deal,
                                  const billing_state& state, std::span<const work_line> work,
                                  const price_options& options) {
  billing_state scratch = state;
  return price_with_state(tariff, deal, scratch, work, options);
}

std::vector<contract> expiring_contracts(std::span<const contract> contracts, local_date day,
                                         int days) {
  std::vector<contract> out;
  for (const contract& c : contracts)
    if (c.status == contract_status::registered && c.end >= day && c.end <= day + date::days{days})
      out.push_back(c);
  std::stable_sort(out.begin(), out.end(), [](const contract& a, const contract& b) {
    return a.end != b.end ? a.end < b.end : a.id < b.id;
  });
  return out;
}

}  // namespace tariff
