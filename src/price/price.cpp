// The pricing stage: one work line at a time, as docs/language.md "Pricing semantics" states.
//
//   validate (contract, plan, item, version, shape) -> split into segments -> billing step and
//   minimum -> per part: list price, discount, rules in written order, amount -> line: sum,
//   charge limits, rounding, cost and margin.
//
// A line that cannot be priced is rejected with a reason; nothing of it leaks into the others.
#include <map>
#include <utility>

#include <tariff/pricing.hpp>

#include "compile/program.hpp"
#include "price/evaluate.hpp"

namespace tariff {

namespace {

using detail::pricing_error;
using detail::value;

[[noreturn]] void reject(reject_reason reason, std::string message) {
  throw pricing_error{reason, std::move(message)};
}

decimal tidy(const decimal& x, int scale);

// Digits kept for an amount that has no finite decimal form and no declared rounding
// (25 minutes at 2500.00 per hour with neither `rounding segment` nor `rounding line`).
constexpr int undeclared_scale = 20;

// num / den as the amount it stands for: rounded by `r` if a rounding is declared there, else
// exact, or to `undeclared_scale` digits when the quotient does not terminate.
decimal finish(const decimal& num, std::int64_t den, const std::optional<detail::rounding>& r,
               int scale) {
  if (r) return divide(num, decimal(den) * r->step, 0, r->mode) * r->step;
  if (auto exact = detail::exact_quotient(num, den)) return tidy(*exact, scale);
  return divide(num, decimal(den), std::max(num.scale(), undeclared_scale),
                rounding_mode::half_even);
}

// x without trailing zeros beyond `scale` digits: 2250.000000 (2500.00 × 1.00 × 90%) is shown as
// 2250.00, the scale of the list price, while 1041.6666… keeps every digit. The value is the same.
decimal tidy(const decimal& x, int scale) {
  if (x.scale() == scale) return x;
  if (x.scale() < scale) return x.rescale(scale, rounding_mode::half_even);  // exact: adds zeros
  decimal at_scale = x.rescale(scale, rounding_mode::down);
  if (at_scale == x) return at_scale;  // only zeros beyond `scale`: the usual case, one division
  return x.trimmed();
}

// x rounded up to a whole number of `step`s.
decimal round_up_to(const decimal& x, const decimal& step) {
  return divide(x, step, 0, rounding_mode::ceiling) * step;
}

std::string where(const detail::tariff_program& p, ast::position at) {
  return p.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

class line_pricer {
 public:
  line_pricer(const compiled_tariff& tariff, const price_options& options)
      : program_(tariff.program()), options_(options), evaluator_(program_) {}

  priced_line price(const contract* deal, const work_line& work) {
    priced_line out;
    out.id = work.id;
    out.request = work.request;
    out.contract = work.contract;
    out.item = work.item;
    out.kind = work.kind;
    try {
      price_into(deal, work, out);
    } catch (const pricing_error& e) {
      fail(out, e.reason, e.message);
    } catch (const decimal_error& e) {
      fail(out, reject_reason::arithmetic_limit, e.what());
    } catch (const calendar_error& e) {
      fail(out, reject_reason::invalid_contract, e.what());
    }
    return out;
  }

 private:
  static void fail(priced_line& out, reject_reason reason, const std::string& message) {
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

  struct resolved {
    const detail::plan* plan = nullptr;
    const detail::pricelist* list = nullptr;
    const detail::item* item = nullptr;
  };

  void price_into(const contract* deal, const work_line& work, priced_line& out) {
    if (deal == nullptr)
      reject(reject_reason::unknown_contract,
             "contract '" + work.contract + "' is not among the contracts given");
    if (!work.contract.empty() && work.contract != deal->id)
      reject(reject_reason::wrong_contract,
             "the line is for contract '" + work.contract + "', not '" + deal->id + "'");
    out.contract = deal->id;
    if (deal->status != contract_status::registered)
      reject(reject_reason::contract_not_registered, "contract '" + deal->id + "' is " +
                                                         std::string(to_string(deal->status)) +
                                                         "; only a registered contract is billed");

    const date::time_zone* zone = &program_.cal.zone();
    if (!work.time_zone.empty()) {
      try {
        zone = &find_time_zone(work.time_zone);
      } catch (const calendar_error&) {
        reject(reject_reason::unknown_time_zone,
               "time zone '" + work.time_zone + "' is not in the time-zone database");
      }
    }
    const local_date day = local_date_of(work.start, *zone);
    out.date = day;
    if (day < deal->start)
      reject(reject_reason::contract_not_started,
             "work on " + format_date(day) + " is before contract '" + deal->id + "' starts (" +
                 format_date(deal->start) + ")");
    if (day > deal->end)
      reject(reject_reason::contract_ended, "contract '" + deal->id + "' ended on " +
                                                format_date(deal->end) + "; work on " +
                                                format_date(day) + " is after it");

    const resolved r = resolve(*deal, work, day);
    const detail::item& it = *r.item;
    out.title = it.title;
    out.price_list = r.list->name;
    check_shape(it, work);

    detail::line_facts facts;
    facts.deal = deal;
    facts.work = &work;
    facts.date = day;
    facts.client_since = deal->client_since.value_or(deal->start);
    if (day < facts.client_since)
      reject(reject_reason::invalid_contract, "contract '" + deal->id + "' has client_since " +
                                                  format_date(facts.client_since) +
                                                  ", after the line's date " + format_date(day));
    facts.contract_year = contract_year(facts.client_since, day);
    if (work.end) facts.duration = decimal((*work.end - work.start).count());
    facts.billable = work.kind == work_kind::billable;
    evaluator_.start_line(facts);

    split(it, work, *zone, day, out);
    bill_quantities(it, facts.billable, out);
    price_parts(it, facts.billable, out);
    total(it, facts.billable, out);
  }

  resolved resolve(const contract& deal, const work_line& work, local_date day) const {
    resolved r;
    if (!deal.plan.empty()) {
      const auto p = program_.plan_index.find(deal.plan);
      if (p == program_.plan_index.end())
        reject(reject_reason::unknown_plan, "contract '" + deal.id + "' names plan '" + deal.plan +
                                                "', which the tariff does not have");
      r.plan = &program_.plans[p->second];
    }
    if (!deal.pricelist.empty()) {
      const auto l = program_.pricelist_index.find(deal.pricelist);
      if (l == program_.pricelist_index.end())
        reject(reject_reason::unknown_price_list, "contract '" + deal.id + "' names price list '" +
                                                      deal.pricelist +
                                                      "', which the tariff does not have");
      r.list = &program_.pricelists[l->second];
    } else if (r.plan != nullptr) {
      r.list = &program_.pricelists[static_cast<std::size_t>(r.plan->pricelist)];
    } else {
      reject(reject_reason::no_price_list,
             "contract '" + deal.id + "' names neither a plan nor a price list");
    }

    const auto id = program_.item_ids.find(work.item);
    if (id == program_.item_ids.end())
      reject(reject_reason::unknown_item,
             "item '" + work.item + "' is in no price list of tariff '" + program_.name + "'");
    if (r.plan != nullptr && !r.plan->catalogue.empty() && !r.plan->catalogue[id->second])
      reject(reject_reason::item_not_in_catalogue,
             "item '" + work.item + "' is not in the catalogue of plan '" + r.plan->name + "'");
    const detail::pricelist_snapshot* snapshot = r.list->on(day);
    if (snapshot == nullptr || !snapshot->in_force)
      reject(reject_reason::no_price_list_version,
             "price list '" + r.list->name + "' has no version in force on " + format_date(day));
    const std::int32_t index = snapshot->by_id[id->second];
    if (index < 0)
      reject(reject_reason::item_not_in_price_list, "price list '" + r.list->name +
                                                        "' in force on " + format_date(day) +
                                                        " does not have item '" + work.item + "'");
    r.item = &snapshot->items[static_cast<std::size_t>(index)];
    // Refused, not priced at the plain price: a tiered price ignored would be a wrong price.
    if (r.item->tiered)
      reject(reject_reason::not_supported,
             "item '" + work.item + "' has tiers, which the pricing stage does not price yet");
    return r;
  }

  static void check_shape(const detail::item& it, const work_line& work) {
    if (work.end && *work.end < work.start)
      reject(reject_reason::end_before_start, "it ends (" + format_instant(*work.end) +
                                                  ") before it starts (" +
                                                  format_instant(work.start) + ")");
    const std::string unit = ast::to_string(it.unit);
    if (it.unit_seconds != 0) {
      if (work.quantity)
        reject(reject_reason::unexpected_quantity,
               "item '" + it.name + "' is billed per " + unit +
                   " from the line's start and end; the line gives a quantity instead");
      if (!work.end)
        reject(reject_reason::missing_end,
               "item '" + it.name + "' is billed per " + unit + " and the line has no end");
      return;
    }
    if (!work.quantity)
      reject(reject_reason::missing_quantity,
             "item '" + it.name + "' is counted per " + unit + " and the line has no quantity");
    if (work.quantity->sign() < 0)
      reject(reject_reason::invalid_quantity,
             "quantity " + work.quantity->to_string() + " is negative");
  }

  // Parts with their measured quantity: segments for time, the whole line for a count.
  void split(const detail::item& it, const work_line& work, const date::time_zone& zone,
             local_date day, priced_line& out) {
    if (it.unit_seconds == 0) {
      priced_part& p = out.parts.emplace_back();
      p.begin = p.end = work.start;
      p.date = day;
      p.labels = program_.cal.labels_at(work.start, zone);
      p.labels.windows = 0;  // a count has no duration, so it is in no window
      p.measured = {*work.quantity, 0};
      return;
    }
    program_.cal.split(work.start, *work.end, zone, segments_);
    if (segments_.empty())  // a zero-length line still has a part, which a minimum can fill
      segments_.push_back({work.start, work.start, day, program_.cal.labels_at(work.start, zone)});
    out.parts.reserve(segments_.size());
    for (const segment& s : segments_) {
      priced_part& p = out.parts.emplace_back();
      p.begin = s.begin;
      p.end = s.end;
      p.date = s.date;
      p.labels = s.labels;
      p.measured = {decimal(s.duration().count()), it.unit_seconds};
    }
  }

  // Billing step and minimum (pricing semantics §3); non-billable work bills nothing.
  static void bill_quantities(const detail::item& it, bool billable, priced_line& out) {
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

  void price_parts(const detail::item& it, bool billable, priced_line& out) {
    const std::int64_t den = it.unit_seconds == 0 ? 1 : it.unit_seconds;
    const int scale = it.price.scale();
    for (priced_part& p : out.parts) {
      p.list_price = it.price;
      if (!billable) {
        p.unit_price = tidy(decimal(), scale);
        if (options_.trace)
          p.trace.push_back({trace_kind::not_billable, std::string(to_string(out.kind)), it.price,
                             p.unit_price, decimal(), 0, 0});
      } else {
        p.unit_price = unit_price(it, p, out.billed.value);
      }
      p.amount = finish(p.unit_price * p.billed.value, den, program_.segment_rounding, scale);
      p.cost = finish(it.cost * p.measured.value, den, program_.segment_rounding, scale);
    }
  }

  // The list price, less the item's discount, through the rules in written order (§5).
  decimal unit_price(const detail::item& it, priced_part& part, const decimal& line_billed) {
    decimal price = it.price;
    if (it.discount) {
      const decimal after =
          tidy(price - price * *it.discount * decimal::from_units(1, 2), it.price.scale());
      if (options_.trace)
        part.trace.push_back({trace_kind::discount, it.name, price, after, *it.discount,
                              it.discount_at.line, it.discount_at.column});
      price = after;
    }
    const decimal base = price;
    const int scale = it.price.scale();
    detail::part_facts facts;
    facts.labels = &part.labels;
    facts.date = part.date;
    facts.base = &base;
    facts.cost = &it.cost;
    facts.quantity = &line_billed;
    facts.unit_seconds = it.unit_seconds;
    for (const detail::step& s : program_.steps) {
      facts.price = &price;
      if (const auto* r = std::get_if<detail::rule>(&s)) {
        if (!applies(*r, it, facts)) continue;
        decimal after = detail::to_decimal(run(*r, r->result, facts), "the price");
        if (options_.trace)
          part.trace.push_back({trace_kind::rule, r->name, tidy(price, scale), tidy(after, scale),
                                decimal(), r->at.line, r->at.column});
        price = std::move(after);
        continue;
      }
      apply_group(std::get<detail::group>(s), it, facts, part, price);
    }
    return tidy(price, scale);
  }

  bool applies(const detail::rule& r, const detail::item& it, const detail::part_facts& facts) {
    if (!r.items.empty() && !r.items[it.id]) return false;
    return !r.condition || run(r, *r.condition, facts).truth;
  }

  value run(const detail::rule& r, const detail::code& c, const detail::part_facts& facts) {
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

  void apply_group(const detail::group& g, const detail::item& it, const detail::part_facts& facts,
                   priced_part& part, decimal& price) {
    const std::size_t first_factor = part.trace.size();
    std::optional<decimal> combined;
    for (const detail::rule& r : g.rules) {
      if (!applies(r, it, facts)) continue;
      const decimal factor = detail::to_decimal(run(r, r.result, facts), "the factor");
      if (options_.trace)
        part.trace.push_back(
            {trace_kind::group_factor, r.name, price, price, factor, r.at.line, r.at.column});
      if (!combined) {
        combined = g.stack == ast::stacking::add ? decimal(1) + (factor - decimal(1)) : factor;
        continue;
      }
      switch (g.stack) {
        case ast::stacking::multiply:
          *combined = *combined * factor;
          break;
        case ast::stacking::largest:
          *combined = max(*combined, factor);
          break;
        case ast::stacking::add:
          *combined = *combined + (factor - decimal(1));
          break;
      }
    }
    if (!combined) return;
    decimal after = tidy(price * *combined, it.price.scale());
    if (options_.trace)
      part.trace.insert(
          part.trace.begin() + static_cast<std::ptrdiff_t>(first_factor),
          {trace_kind::group, g.name, price, after, *combined, g.at.line, g.at.column});
    price = std::move(after);
  }

  // The line's amount: its parts, bounded by the charge limits, rounded at `line`; its cost.
  void total(const detail::item& it, bool billable, priced_line& out) {
    const std::int64_t den = it.unit_seconds == 0 ? 1 : it.unit_seconds;
    // Without `segment` rounding the parts are summed exactly and divided once (§6).
    decimal amount_num;
    decimal cost_num;
    std::int64_t amount_den = den;
    for (const priced_part& p : out.parts) {
      if (program_.segment_rounding) {
        amount_num += p.amount;
        cost_num += p.cost;
      } else {
        amount_num += p.unit_price * p.billed.value;
        cost_num += it.cost * p.measured.value;
      }
    }
    if (program_.segment_rounding) amount_den = 1;

    if (billable && out.billed.value.sign() > 0) {
      const decimal scaled = amount_num;  // compared as amount_num / amount_den
      if (it.minimum_charge && scaled < *it.minimum_charge * decimal(amount_den))
        limit(out, trace_kind::minimum_charge, it, *it.minimum_charge, it.minimum_charge_at,
              amount_num, amount_den);
      else if (it.maximum_charge && scaled > *it.maximum_charge * decimal(amount_den))
        limit(out, trace_kind::maximum_charge, it, *it.maximum_charge, it.maximum_charge_at,
              amount_num, amount_den);
    }
    const int scale = it.price.scale();
    out.amount = finish(amount_num, amount_den, program_.line_rounding, scale);
    out.cost = finish(cost_num, program_.segment_rounding ? 1 : den, program_.line_rounding, scale);
    out.margin = out.amount - out.cost;
  }

  void limit(priced_line& out, trace_kind kind, const detail::item& it, const decimal& bound,
             ast::position at, decimal& amount_num, std::int64_t& amount_den) {
    if (options_.trace)
      out.line_trace.push_back({kind, it.name,
                                finish(amount_num, amount_den, std::nullopt, it.price.scale()),
                                bound, decimal(), at.line, at.column});
    amount_num = bound;
    amount_den = 1;
  }

  const detail::tariff_program& program_;
  const price_options& options_;
  detail::evaluator evaluator_;
  std::vector<segment> segments_;
};

}  // namespace

std::vector<priced_line> price(const compiled_tariff& tariff, const contract& deal,
                               std::span<const work_line> lines, const price_options& options) {
  line_pricer pricer(tariff, options);
  std::vector<priced_line> out;
  out.reserve(lines.size());
  for (const work_line& w : lines)
    out.push_back(pricer.price(&deal, w));
  return out;
}

std::vector<priced_line> price(const compiled_tariff& tariff, std::span<const contract> contracts,
                               std::span<const work_line> lines, const price_options& options) {
  std::map<std::string_view, const contract*, std::less<>> by_id;
  for (const contract& c : contracts)
    by_id.emplace(c.id, &c);  // the first of a repeated id
  line_pricer pricer(tariff, options);
  std::vector<priced_line> out;
  out.reserve(lines.size());
  for (const work_line& w : lines) {
    const auto found = by_id.find(w.contract);
    out.push_back(pricer.price(found == by_id.end() ? nullptr : found->second, w));
  }
  return out;
}

}  // namespace tariff
