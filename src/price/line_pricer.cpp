// The path of one work line, as docs/language.md "Pricing semantics" states:
//
//   validate (contract, plan, item, version, shape) -> split into segments -> billing step and
//   minimum -> per part: list price, discount, rules in written order, amount -> line: sum,
//   charge limits, rounding, cost and margin.
//
// Every check that fails throws a pricing_error, which price() turns into the line's rejection.
#include "price/line_pricer.hpp"

#include <algorithm>
#include <utility>

#include "calendar/internal.hpp"
#include "decimal/in_place.hpp"
#include "price/amounts.hpp"
#include "price/parts.hpp"

namespace tariff::price_stage {

namespace wide = decimal_stage::wide;
using plan::code;
using plan::group;
using plan::item;
using plan::line_facts;
using plan::part_facts;
using plan::pricelist_snapshot;
using plan::pricing_error;
using plan::rule;
using plan::step;
using plan::table;
using plan::tariff_program;
using plan::tier;
using plan::tier_table;
using plan::to_decimal;
using plan::value;

namespace {

[[noreturn]] void reject(reject_reason reason, std::string message) {
  throw pricing_error{reason, std::move(message)};
}

// x rounded up to a whole number of `step`s.
decimal round_up_to(const decimal& x, const decimal& step) {
  return divide(x, step, 0, rounding_mode::ceiling) * step;
}

// `parts` as n parts for split() to fill: new ones are default-constructed; those a line priced
// before had (price_into) keep their memory and are emptied of what only some lines write (an
// allowance, trace steps). Every other field is written for every part of a line priced in full:
// split() its place and measure, bill_quantities() `billed`, price_parts() `unit_price`, finish()
// `amount`, `cost` and `covered`; a line that fails on the way loses its parts (fail()).
void reuse_parts(std::vector<priced_part>& parts, std::size_t n) {
  const std::size_t kept = std::min(parts.size(), n);
  parts.resize(n);  // the first `kept` stay
  for (std::size_t i = 0; i < kept; ++i) {
    parts[i].allowance.clear();
    parts[i].trace.clear();
  }
}

std::string where(const tariff_program& p, vocabulary::position at) {
  return p.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

}  // namespace

priced_line version_pricer::price(const contract* deal, const work_line& work) {
  priced_line out;
  price(deal, work, out);
  return out;
}

void version_pricer::price(const contract* deal, const work_line& work, priced_line& out) {
  last_item_ = nullptr;
  last_plan_ = nullptr;
  // A line priced before (price_into) is priced again in place, keeping its memory. Set back here
  // is what a priced line may not write: the rest (title, price list, quantities, amount, cost,
  // margin, parts, line trace) is written by a line priced in full, and by fail() for one that is
  // rejected.
  out.date.reset();
  out.rejected.reset();
  out.message.clear();
  if (!out.tax.is_zero() || out.tax.scale() != 0) out.tax = decimal();
  out.id = work.id;
  out.request = work.request;
  out.contract = work.contract;
  out.item = work.item;
  out.kind = work.kind;
  // Lean: the line is priced with the pricer's own parts in its place, given back afterwards.
  const bool lean = !options_.parts;
  if (lean) out.parts.swap(lean_parts_);
  try {
    price_line(deal, work, out);
  } catch (const pricing_error& e) {
    fail(out, e.reason, e.message);
  } catch (const decimal_error& e) {
    fail(out, reject_reason::arithmetic_limit, e.what());
  } catch (const calendar_error& e) {
    fail(out, reject_reason::invalid_contract, e.what());
  }
  if (lean) {
    out.parts.swap(lean_parts_);
    out.parts.clear();  // a result priced before with parts keeps their memory, not their values
  }
  if (!out.ok()) last_item_ = nullptr, last_plan_ = nullptr;
}

void version_pricer::fail(priced_line& out, reject_reason reason, const std::string& message) {
  out.rejected = reason;
  out.message = "line " + out.id + ": " + message;
  out.title.clear();
  out.price_list.clear();
  out.measured = {};
  out.billed = {};
  out.amount = out.cost = out.margin = decimal();
  out.parts.clear();
  out.line_trace.clear();
}

void version_pricer::price_line(const contract* deal, const work_line& work, priced_line& out) {
  if (deal == nullptr)
    reject(reject_reason::unknown_contract,
           "contract '" + work.contract + "' is not among the contracts given");
  if (!work.contract.empty() && !same_text(work.contract, deal->id))
    reject(reject_reason::wrong_contract,
           "the line is for contract '" + work.contract + "', not '" + deal->id + "'");
  out.contract = deal->id;
  if (deal->status != contract_status::registered)
    reject(reject_reason::contract_not_registered, "contract '" + deal->id + "' is " +
                                                       std::string(to_string(deal->status)) +
                                                       "; only a registered contract is billed");

  const date::time_zone* zone = &program_.cal.zone();
  if (!work.time_zone.empty()) {
    // A site's lines repeat its zone: the look-up by name (a search of the tz database) is
    // done again only when the name changes.
    if (const auto* known = zones_.find(work.time_zone)) {
      zone = *known;
    } else {
      try {
        zone = &find_time_zone(work.time_zone);
      } catch (const calendar_error&) {
        const std::optional<std::string> problem = time_zone_name_problem(work.time_zone);
        reject(reject_reason::unknown_time_zone,
               problem ? *problem
                       : "time zone '" + work.time_zone + "' is not in the time-zone database");
      }
      zones_.add(work.time_zone, zone);
    }
  }
  const local_date day = calendar_stage::local_date_of(work.start, *zone, offsets_);
  out.date = day;
  if (day < deal->start)
    reject(reject_reason::contract_not_started, "work on " + format_date(day) +
                                                    " is before contract '" + deal->id +
                                                    "' starts (" + format_date(deal->start) + ")");
  if (day > deal->end)
    reject(reject_reason::contract_ended, "contract '" + deal->id + "' ended on " +
                                              format_date(deal->end) + "; work on " +
                                              format_date(day) + " is after it");

  const resolved r = resolve(*deal, work, day);
  const item& it = *r.found;
  out.title = it.title;
  out.price_list = r.list->name;
  check_shape(it, work);

  // A member, not a local: the evaluator keeps a pointer to it, and reprice() runs after this.
  line_facts& facts = facts_;
  facts = line_facts{};
  facts.deal = deal;
  facts.work = &work;
  facts.date = day;
  facts.client_since = deal->client_since.value_or(deal->start);
  if (day < facts.client_since)
    reject(reject_reason::invalid_contract, "contract '" + deal->id + "' has client_since " +
                                                format_date(facts.client_since) +
                                                ", after the line's date " + format_date(day));
  // The contract year holds from one anniversary to the next: computed again only when a line
  // falls outside the year of the line before (or has another relationship start).
  if (year_ == 0 || facts.client_since != year_since_ || day < year_from_ || day >= year_until_) {
    year_ = contract_year(facts.client_since, day);
    year_since_ = facts.client_since;
    year_from_ = contract_year_start(facts.client_since, year_);
    try {
      year_until_ = contract_year_start(facts.client_since, year_ + 1);
    } catch (const calendar_error&) {  // the last year the calendar has: no next anniversary
      year_until_ = day + date::days{1};
    }
  }
  facts.contract_year = year_;
  if (work.end) facts.duration = decimal((*work.end - work.start).count());
  facts.billable = work.kind == work_kind::billable;
  evaluator_.start_line(facts);
  // The thread's memo is fetched per line, never kept: another pricer on this thread may have
  // replaced it (for another program) since the last line.
  memo_ = use_memo_ ? &unit_price_memo::for_thread(program_) : nullptr;
  if (memo_ != nullptr && !memo_->usable()) memo_ = nullptr;
  if (memo_ != nullptr) memo_->start_line(facts);

  split(it, work, *zone, day, out);
  bill_quantities(it, facts.billable, out);
  if (facts.billable && it.tiers) apply_tiers(it, day, out);
  price_parts(it, facts.billable, out);
  finish(it, facts.billable, out);
  last_item_ = &it;
  last_plan_ = r.contract_plan;
}

// The contract's plan on `day` (docs/design.md, decision 13: an amendment may change it) and its
// price list. A plan an earlier version migrated (`migrate plan`, decision 12) is found under its
// new name.
void version_pricer::resolve_contract(const contract& deal, local_date day, resolved& r) const {
  const std::string& plan_name = plan_on(deal, day);
  if (!plan_name.empty()) {
    r.contract_plan = program_.find_plan(plan_name);
    if (r.contract_plan == nullptr)
      reject(reject_reason::unknown_plan,
             "contract '" + deal.id + "' names plan '" + plan_name +
                 (&plan_name == &deal.plan
                      ? std::string("'")
                      : "' (its amendment in force on " + format_date(day) + ")") +
                 ", which the tariff does not have");
  }
  if (!deal.pricelist.empty()) {
    const auto l = program_.pricelist_index.find(deal.pricelist);
    if (l == program_.pricelist_index.end())
      reject(reject_reason::unknown_price_list, "contract '" + deal.id + "' names price list '" +
                                                    deal.pricelist +
                                                    "', which the tariff does not have");
    r.list = &program_.pricelists[l->second];
  } else if (r.contract_plan != nullptr) {
    r.list = &program_.pricelists[static_cast<std::size_t>(r.contract_plan->pricelist)];
  } else {
    reject(reject_reason::no_price_list,
           "contract '" + deal.id + "' names neither a plan nor a price list");
  }
}

version_pricer::resolved version_pricer::resolve(const contract& deal, const work_line& work,
                                                 local_date day) {
  resolved r;
  if (&deal == resolved_deal_) {  // the contract of the line before: its plan and list stand
    r.contract_plan = deal_plan_;
    r.list = deal_list_;
  } else {
    resolve_contract(deal, day, r);
    // A contract that changes plan is resolved again for each line's date.
    const bool plan_changes =
        std::any_of(deal.amendments.begin(), deal.amendments.end(),
                    [](const contract_amendment& a) { return !a.plan.empty(); });
    resolved_deal_ = plan_changes ? nullptr : &deal;
    deal_plan_ = r.contract_plan;
    deal_list_ = r.list;
  }
  std::uint32_t id = 0;
  if (const std::uint32_t* known = item_ids_.find(work.item)) {
    id = *known;
  } else {
    const auto found = program_.item_ids.find(work.item);
    if (found == program_.item_ids.end())
      reject(reject_reason::unknown_item,
             "item '" + work.item + "' is in no price list of tariff '" + program_.name + "'");
    id = found->second;
    item_ids_.add(work.item, id);
  }
  if (r.contract_plan != nullptr && !r.contract_plan->catalogue.empty() &&
      !r.contract_plan->catalogue[id])
    reject(
        reject_reason::item_not_in_catalogue,
        "item '" + work.item + "' is not in the catalogue of plan '" + r.contract_plan->name + "'");
  const pricelist_snapshot* snapshot = r.list->on(day);
  if (snapshot == nullptr || !snapshot->in_force)
    reject(reject_reason::no_price_list_version,
           "price list '" + r.list->name + "' has no version in force on " + format_date(day));
  const std::int32_t index = snapshot->by_id[id];
  if (index < 0)
    reject(reject_reason::item_not_in_price_list, "price list '" + r.list->name + "' in force on " +
                                                      format_date(day) + " does not have item '" +
                                                      work.item + "'");
  r.found = &snapshot->items[static_cast<std::size_t>(index)];
  if (r.found->tiers && r.found->tiers->kind == vocabulary::tier_kind::package &&
      r.found->unit_seconds != 0)
    reject(reject_reason::not_supported,
           "item '" + work.item + "' is billed by time; package tiers price counted items only");
  return r;
}

void version_pricer::check_shape(const item& it, const work_line& work) {
  if (work.end && *work.end < work.start)
    reject(reject_reason::end_before_start, "it ends (" + format_instant(*work.end) +
                                                ") before it starts (" +
                                                format_instant(work.start) + ")");
  const auto unit = [&it] {
    return std::string(vocabulary::to_string(it.unit));
  };  // for messages only
  if (it.unit_seconds != 0) {
    if (work.quantity)
      reject(reject_reason::unexpected_quantity,
             "item '" + it.name + "' is billed per " + unit() +
                 " from the line's start and end; the line gives a quantity instead");
    if (!work.end)
      reject(reject_reason::missing_end,
             "item '" + it.name + "' is billed per " + unit() + " and the line has no end");
    if (*work.end - work.start > max_line_span)
      reject(reject_reason::span_too_long,
             "it lasts from " + format_instant(work.start) + " to " + format_instant(*work.end) +
                 ", longer than the 366 days a line may span: split it");
    return;
  }
  if (!work.quantity)
    reject(reject_reason::missing_quantity,
           "item '" + it.name + "' is counted per " + unit() + " and the line has no quantity");
  if (work.quantity->sign() < 0)
    reject(reject_reason::invalid_quantity,
           "quantity " + work.quantity->to_string() + " is negative");
}

// Parts with their measured quantity: segments for time, the whole line for a count.
void version_pricer::split(const item& it, const work_line& work, const date::time_zone& zone,
                           local_date day, priced_line& out) {
  if (it.unit_seconds == 0) {
    reuse_parts(out.parts, 1);
    priced_part& p = out.parts.front();
    p.begin = p.end = work.start;
    p.date = day;
    p.labels = calendar_stage::labels_at(program_.cal, work.start, zone, offsets_);
    p.labels.windows = 0;  // a count has no duration, so it is in no window
    p.measured = {*work.quantity, 0};
    p.list_price = it.price;
    return;
  }
  calendar_stage::split(program_.cal, work.start, *work.end, zone, segments_, offsets_);
  if (segments_.empty())  // a zero-length line still has a part, which a minimum can fill
    segments_.push_back({work.start, work.start, day,
                         calendar_stage::labels_at(program_.cal, work.start, zone, offsets_)});
  reuse_parts(out.parts, segments_.size());
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    const segment& s = segments_[i];
    priced_part& p = out.parts[i];
    p.begin = s.begin;
    p.end = s.end;
    p.date = s.date;
    p.labels = s.labels;
    set_units(p.measured.value, s.duration().count(), 0);  // in place
    p.measured.unit_seconds = it.unit_seconds;
    p.list_price = it.price;
  }
}

// Billing step and minimum (pricing semantics §3); non-billable work bills nothing.
void version_pricer::bill_quantities(const item& it, bool billable, priced_line& out) {
  if (it.unit_seconds != 0 && bill_seconds(it, billable, out)) return;
  decimal measured;
  for (priced_part& p : out.parts) {
    measured += p.measured.value;
    p.billed = {billable ? p.measured.value : decimal(), it.unit_seconds};
  }
  out.measured = {measured, it.unit_seconds};
  decimal billed = billable ? measured : decimal();
  if (billable && it.step) {
    if (it.step_per_segment) {
      billed = decimal();
      for (priced_part& p : out.parts) {
        p.billed.value = round_up_to(p.billed.value, *it.step);
        billed += p.billed.value;
      }
    } else {
      const decimal rounded = round_up_to(billed, *it.step);
      out.parts.back().billed.value += rounded - billed;
      billed = rounded;
    }
  }
  if (billable && it.minimum && billed < *it.minimum) {
    out.parts.back().billed.value += *it.minimum - billed;
    billed = *it.minimum;
  }
  out.billed = {billed, it.unit_seconds};
}

// bill_quantities for time, in 64-bit seconds: the parts of a time item measure whole seconds
// (scale 0), and so do its step and minimum, so every figure below is a whole number of
// seconds at scale 0, as the decimal operations give them. False, with nothing changed, for a
// step or minimum that is not a positive whole number of seconds within 64 bits, or sums that
// would not fit; bill_quantities then takes the decimal path.
bool version_pricer::bill_seconds(const item& it, bool billable, priced_line& out) {
  auto seconds = [](const decimal& x, std::int64_t& to) {
    std::int64_t c = 0;
    if (x.scale() != 0 || !units_of(x, c) || c < 0) return false;
    to = c;
    return true;
  };
  std::int64_t step_s = 0;
  std::int64_t minimum = 0;
  if (billable && it.step && (it.step_per_segment || !seconds(*it.step, step_s) || step_s == 0))
    return false;
  if (billable && it.minimum && !seconds(*it.minimum, minimum)) return false;
  std::int64_t measured = 0;
  for (const priced_part& p : out.parts) {
    std::int64_t s = 0;
    if (!seconds(p.measured.value, s) || __builtin_add_overflow(measured, s, &measured))
      return false;
  }
  std::int64_t billed = billable ? measured : 0;
  std::int64_t added = 0;  // to the last part: up to the step, then up to the minimum
  if (billable && it.step) {
    const std::int64_t rounded =
        wide::round_quotient<std::int64_t>(billed, step_s, rounding_mode::ceiling);
    if (__builtin_mul_overflow(rounded, step_s, &added)) return false;
    added -= billed;
    billed += added;
  }
  if (billable && it.minimum && billed < minimum) {
    added += minimum - billed;
    billed = minimum;
  }
  // Written in place (set_units): the seconds as the decimals above would hold them, at scale 0.
  // The last part's cannot overflow: it is at most the line's billed seconds.
  for (priced_part& p : out.parts) {
    std::int64_t s = 0;
    if (billable) seconds(p.measured.value, s);  // read above: whole seconds within 64 bits
    if (&p == &out.parts.back()) s += added;
    set_units(p.billed.value, s, 0);
    p.billed.unit_seconds = it.unit_seconds;
  }
  set_units(out.measured.value, measured, 0);
  out.measured.unit_seconds = it.unit_seconds;
  set_units(out.billed.value, billed, 0);
  out.billed.unit_seconds = it.unit_seconds;
  return true;
}

void version_pricer::apply_tiers(const item& it, local_date day, priced_line& out) {
  const tier_table& table = *it.tiers;
  decimal volume = volume_before_ ? volume_before_(it, day) : decimal();
  // A package tier bills whole packages: the line's billed quantity becomes their number.
  if (table.kind == vocabulary::tier_kind::package) {
    priced_part& p = out.parts.front();  // a counted line has one part
    p.billed.value = divide(p.billed.value, decimal(table.package_size), 0, rounding_mode::ceiling);
    out.billed.value = p.billed.value;
  }
  const int scale = it.price.scale();
  auto start_price = [&](const tier& t) {
    return table.kind == vocabulary::tier_kind::percentage ? tidy(it.price * t.value, scale)
                                                           : t.value;
  };
  auto mark = [&](priced_part& p, const tier& t) {
    p.list_price = start_price(t);
    if (part_trace_)
      p.trace.push_back(
          {trace_kind::tier, it.name, it.price, p.list_price, decimal(), t.at.line, t.at.column});
  };
  // The tier of quantity x is the first whose upper bound is at least x.
  auto tier_of = [&](const decimal& x) -> const tier& {
    for (const tier& t : table.tiers)
      if (!t.high || x <= *t.high) return t;
    return table.tiers.back();
  };
  if (table.kind == vocabulary::tier_kind::volume) {
    const tier& t = tier_of(volume + out.billed.value);
    for (priced_part& p : out.parts)
      mark(p, t);
    return;
  }
  // Graduated, percentage, package: each stretch of quantity at the tier it falls in, so a part
  // that crosses a bound is split there.
  for (std::size_t i = 0; i < out.parts.size(); ++i) {
    const decimal billed = out.parts[i].billed.value;
    const tier* t = &table.tiers.back();
    for (const tier& candidate : table.tiers)
      if (!candidate.high || volume < *candidate.high) {
        t = &candidate;
        break;
      }
    if (t->high && billed > *t->high - volume) {
      const decimal take = *t->high - volume;
      // Package tiers bill packages but measure units: the first packages hold N units each.
      const decimal units =
          table.kind == vocabulary::tier_kind::package ? take * decimal(table.package_size) : take;
      split_part(out.parts, i, take, units);
    }
    mark(out.parts[i], *t);
    volume += out.parts[i].billed.value;
  }
}

void version_pricer::price_parts(const item& it, bool billable, priced_line& out) {
  for (priced_part& p : out.parts) {
    if (billable && memo_ != nullptr && !it.tiers) {
      // With the trace on, only a price remembered with its steps will do; the steps are the
      // rules' on the same inputs, so they are the ones the rules would record again.
      if (const unit_price_memo::entry* known = memo_->find(it, p.labels, part_trace_)) {
        p.unit_price = known->price;
        if (part_trace_) {
          const std::vector<trace_step>& steps = memo_->trace_of(*known);
          p.trace.assign(steps.begin(), steps.end());
        }
        continue;
      }
      p.unit_price = unit_price(it, p, out.billed.value, nullptr);
      memo_->add(it, p.labels, p.unit_price, part_trace_ ? &p.trace : nullptr);
      continue;
    }
    if (billable) {
      p.unit_price = unit_price(it, p, out.billed.value, nullptr);
      continue;
    }
    p.unit_price = tidy(decimal(), it.price.scale());
    if (part_trace_)
      p.trace.push_back({trace_kind::not_billable, std::string(to_string(out.kind)), it.price,
                         p.unit_price, decimal(), 0, 0});
  }
}

void version_pricer::reprice(const item& it, priced_part& part, const decimal& start,
                             const decimal& line_billed) {
  part.trace.clear();
  part.unit_price = unit_price(it, part, line_billed, &start);
}

void version_pricer::finish(const item& it, bool billable, priced_line& line) {
  const std::int64_t den = it.unit_seconds == 0 ? 1 : it.unit_seconds;
  const int scale = it.price.scale();
  const bool rounded = program_.segment_rounding.has_value();
  // The line's sums are gathered here, from the products each part's figures are made of, so
  // that total() need not multiply them again (§6: without `segment` rounding the parts are
  // summed exactly and divided once).
  // The sums are a member, set to 0 here: a local's three decimals were zeroed by a `rep stos`.
  // 0 at scale 0, which the first add_into replaces by its term at the term's scale.
  line_sums& sums = sums_;
  for (decimal* sum : {&sums.amount, &sums.cost, &sums.billed})
    set_units(*sum, 0, 0);
  // The lean result has no parts to show: their own figures are needed only when the line's
  // amount is their sum (`segment` rounding).
  const bool part_figures = options_.parts || rounded;
  for (priced_part& p : line.parts) {
    decimal value_num = p.unit_price * p.billed.value;
    decimal cost_num = it.cost * p.measured.value;
    const bool included = !p.allowance.empty();
    // Written in place (amount_into): these are the figures of every part of every line.
    if (part_figures) {
      if (!included) {
        amount_into(p.amount, value_num, den, program_.segment_rounding, scale);
        set_units(p.covered, 0, 0);
      } else {
        set_units(p.amount, 0, scale);  // tidy(decimal(), scale)
        amount_into(p.covered, value_num, den, program_.segment_rounding, scale);
      }
      amount_into(p.cost, cost_num, den, program_.segment_rounding, scale);
    }
    if (!included) add_into(sums.billed, sums.billed, p.billed.value);
    // An included part adds nothing to the amount (its value is `covered`), all to the cost.
    if (rounded) {
      add_into(sums.amount, sums.amount, p.amount);
      add_into(sums.cost, sums.cost, p.cost);
    } else {
      if (!included) add_into(sums.amount, sums.amount, value_num);
      add_into(sums.cost, sums.cost, cost_num);
    }
  }
  line.line_trace.clear();
  total(it, billable, line, sums);
}

// The list price, less the item's discount, through the rules in written order (§5).
decimal version_pricer::unit_price(const item& it, priced_part& part, const decimal& line_billed,
                                   const decimal* overage) {
  decimal price = part.list_price;
  if (overage != nullptr) {
    // Beyond an allowance with its own price: that price replaces the list price (and its
    // discount) as the start, and the rules still apply (docs/language.md, Allowances).
    if (part_trace_)
      part.trace.push_back({trace_kind::overage, it.name, it.price, *overage, decimal(), 0, 0});
    price = *overage;
  } else if (it.discount) {
    const decimal after =
        tidy(price - price * *it.discount * decimal::from_units(1, 2), it.price.scale());
    if (part_trace_)
      part.trace.push_back({trace_kind::discount, it.name, price, after, *it.discount,
                            it.discount_at.line, it.discount_at.column});
    price = after;
  }
  const decimal base = price;
  const int scale = it.price.scale();
  part_facts facts;
  facts.labels = &part.labels;
  facts.date = part.date;
  facts.base = &base;
  facts.cost = &it.cost;
  facts.quantity = &line_billed;
  facts.unit_seconds = it.unit_seconds;
  // The step that last took the price below zero: a price that ends there is refused by name,
  // unless the item is a credit; one that comes back above zero is not.
  const step* below_zero = nullptr;
  for (const step& s : program_.steps) {
    facts.price = &price;
    const bool was_negative = price.sign() < 0;
    if (const auto* r = std::get_if<rule>(&s)) {
      if (!applies(*r, it, facts)) continue;
      decimal after = to_decimal(run(*r, r->result, facts), "the price");
      if (part_trace_)
        part.trace.push_back({trace_kind::rule, r->name, tidy(price, scale), tidy(after, scale),
                              decimal(), r->at.line, r->at.column});
      price = std::move(after);
    } else {
      apply_group(std::get<group>(s), it, facts, part, price);
    }
    if (price.sign() < 0 && !was_negative) below_zero = &s;
  }
  if (price.sign() < 0 && !it.credit) refuse_negative(it, below_zero, price);
  return tidy(price, scale);
}

void version_pricer::refuse_negative(const item& it, const step* s, const decimal& price) const {
  std::string by = "its price";  // a start below zero; the checker allows none, but say so
  if (const auto* r = s != nullptr ? std::get_if<rule>(s) : nullptr)
    by = "rule '" + r->name + "' (" + where(program_, r->at) + ")";
  else if (s != nullptr)
    by = "group '" + std::get<group>(*s).name + "' (" + where(program_, std::get<group>(*s).at) +
         ")";
  throw pricing_error{reject_reason::negative_price,
                      by + " takes the price of '" + it.name + "' to " +
                          tidy(price, it.price.scale()).to_string() +
                          "; only an item declared `credit` may be priced below zero"};
}

bool version_pricer::applies(const rule& r, const item& it, const part_facts& facts) {
  if (!r.items.empty() && !r.items[it.id]) return false;
  return !r.condition || run(r, *r.condition, facts).truth;
}

value version_pricer::run(const rule& r, const code& c, const part_facts& facts) {
  try {
    return evaluator_.run(c, facts);
  } catch (pricing_error& e) {
    e.message = "rule '" + r.name + "' (" + where(program_, r.at) + "): " + e.message;
    throw;
  } catch (const decimal_error& e) {
    throw pricing_error{reject_reason::arithmetic_limit,
                        "rule '" + r.name + "' (" + where(program_, r.at) + "): " + e.what()};
  }
}

void version_pricer::apply_group(const group& g, const item& it, const part_facts& facts,
                                 priced_part& part, decimal& price) {
  const std::size_t first_factor = part.trace.size();
  std::optional<decimal> combined;
  for (const rule& r : g.rules) {
    if (!applies(r, it, facts)) continue;
    const decimal factor = to_decimal(run(r, r.result, facts), "the factor");
    if (part_trace_) {
      const decimal shown = tidy(price, it.price.scale());
      part.trace.push_back(
          {trace_kind::group_factor, r.name, shown, shown, factor, r.at.line, r.at.column});
    }
    if (!combined) {
      combined = g.stack == vocabulary::stacking::add ? decimal(1) + (factor - decimal(1)) : factor;
      continue;
    }
    switch (g.stack) {
      case vocabulary::stacking::multiply:
        *combined = *combined * factor;
        break;
      case vocabulary::stacking::largest:
        *combined = max(*combined, factor);
        break;
      case vocabulary::stacking::add:
        *combined = *combined + (factor - decimal(1));
        break;
    }
  }
  if (!combined) return;
  decimal after = price * *combined;
  if (part_trace_) {
    const int scale = it.price.scale();
    part.trace.insert(part.trace.begin() + static_cast<std::ptrdiff_t>(first_factor),
                      {trace_kind::group, g.name, tidy(price, scale), tidy(after, scale), *combined,
                       g.at.line, g.at.column});
  }
  price = std::move(after);
}

// The line's amount: its parts, bounded by the charge limits, rounded at `line`; its cost.
void version_pricer::total(const item& it, bool billable, priced_line& out, line_sums& sums) {
  const std::int64_t den = it.unit_seconds == 0 ? 1 : it.unit_seconds;
  decimal& amount_num = sums.amount;
  const decimal& cost_num = sums.cost;
  std::int64_t amount_den = program_.segment_rounding ? 1 : den;

  // The charge limits bound what is billed; a line wholly included is not raised.
  if (billable && sums.billed.sign() > 0) {
    // amount_num / amount_den against each limit; limit() changes them only after comparing.
    if (it.minimum_charge && amount_num < *it.minimum_charge * decimal(amount_den))
      limit(out, trace_kind::minimum_charge, it, *it.minimum_charge, it.minimum_charge_at,
            amount_num, amount_den);
    else if (it.maximum_charge && amount_num > *it.maximum_charge * decimal(amount_den))
      limit(out, trace_kind::maximum_charge, it, *it.maximum_charge, it.maximum_charge_at,
            amount_num, amount_den);
  }
  const int scale = it.price.scale();
  amount_into(out.amount, amount_num, amount_den, program_.line_rounding, scale);
  amount_into(out.cost, cost_num, program_.segment_rounding ? 1 : den, program_.line_rounding,
              scale);
  subtract_into(out.margin, out.amount, out.cost);
}

void version_pricer::limit(priced_line& out, trace_kind kind, const item& it, const decimal& bound,
                           vocabulary::position at, decimal& amount_num, std::int64_t& amount_den) {
  if (options_.trace)
    out.line_trace.push_back({kind, it.name,
                              amount_of(amount_num, amount_den, std::nullopt, it.price.scale()),
                              bound, decimal(), at.line, at.column});
  amount_num = bound;
  amount_den = 1;
}

}  // namespace tariff::price_stage

namespace tariff::price_stage {

void line_pricer::set_volume_source(const volume_source& source) {
  newest_.set_volume_source(source);
  if (program_.versions.empty()) return;
  if (!versioned_) versioned_ = std::make_unique<versioned>();
  versioned_->volume_before = source;
  for (const auto& p : versioned_->by_version)
    if (p) p->set_volume_source(source);
}

// The line's local date picks its version; the zones of all versions are one (the checker's
// version-time-zone-differs), so the date means the same in each. A line whose zone is not known
// goes to the newest version, which rejects it as a tariff of one file would.
version_pricer& line_pricer::versioned_pricer_for(const work_line& work) {
  if (!versioned_) versioned_ = std::make_unique<versioned>();
  versioned& v = *versioned_;
  const date::time_zone* zone = &program_.cal.zone();
  if (!work.time_zone.empty()) {
    if (const auto* known = v.zones.find(work.time_zone)) {
      zone = *known;
    } else {
      try {
        zone = &find_time_zone(work.time_zone);
      } catch (const calendar_error&) {
        last_ = &newest_;
        last_program_ = &program_;
        return newest_;
      }
      v.zones.add(work.time_zone, zone);
    }
  }
  const local_date day = calendar_stage::local_date_of(work.start, *zone, v.offsets);
  const auto& versions = program_.versions;
  std::size_t i = versions.size() - 1;
  while (i > 0 && day < versions[i].effective)
    --i;
  const plan::tariff_program& chosen = *versions[i].program;
  last_program_ = &chosen;
  if (&chosen == &program_) return *(last_ = &newest_);
  if (v.by_version.size() < versions.size()) v.by_version.resize(versions.size());
  if (!v.by_version[i]) {
    v.by_version[i] = std::make_unique<version_pricer>(chosen, options_);
    if (v.volume_before) v.by_version[i]->set_volume_source(v.volume_before);
  }
  last_ = v.by_version[i].get();
  return *last_;
}

}  // namespace tariff::price_stage
