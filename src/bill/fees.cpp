// Fees are charged in advance, once per fee period: in the statement that contains the first day
// of that period the contract covers (the period's first day, or the contract's start when it
// starts within the period). A prorated fee is charged for the days covered; an unprorated one in
// full.
#include "bill/fees.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>

#include "bill/ledger.hpp"
#include "price/amounts.hpp"

namespace tariff::bill_stage {

using plan::attribute_slot;
using plan::fee;
using plan::tariff_program;
using plan::value_kind;
using price_stage::amount_of;

namespace {

// The date of the amendment that gives the contract's value of attribute `name` on `day`; none
// when the value is the contract's own.
std::optional<local_date> amended_on(const contract& deal, bool client, std::string_view name,
                                     local_date day) {
  std::optional<local_date> latest;
  for (const contract_amendment& m : deal.amendments) {
    const attribute_map& values = client ? m.client_attributes : m.attributes;
    if (m.effective <= day && values.find(name) != values.end() &&
        (!latest || m.effective >= *latest))
      latest = m.effective;
  }
  return latest;
}

// The number of units a fee per unit is charged for on `day`: its attribute's value for this
// contract, as amended; nullopt if the attribute is missing and has no default. A value that is
// not a number, is negative, or is fractional for an `integer` attribute would turn the fee into
// a credit or a fraction of a counted thing: it refuses the contract's statement
// (billing_input_error naming the contract, the attribute and where the value comes from).
std::optional<decimal> units_on(const tariff_program& program, const fee& f, const contract& deal,
                                local_date day) {
  const attribute_slot& a = program.attributes[*f.per_unit];
  if (a.scope != vocabulary::attribute_scope::contract &&
      a.scope != vocabulary::attribute_scope::client)
    return std::nullopt;  // a statement has no one site or work line
  const bool client = a.scope == vocabulary::attribute_scope::client;
  const bool whole = a.type == vocabulary::value_type::integer;
  std::string text;
  std::string source;
  if (const std::string* given = attribute_on(deal, client, a.name, day)) {
    text = *given;
    const std::optional<local_date> amended = amended_on(deal, client, a.name, day);
    source = amended ? "its amendment of " + format_date(*amended) : "the contract";
  } else if (a.default_value && a.default_value->kind == value_kind::number &&
             a.default_value->den == 1) {
    text = a.default_value->num.to_string();
    source = "the attribute's default";
  } else {
    return std::nullopt;
  }
  if (std::optional<decimal> units = decimal::try_parse(text);
      units && units->sign() >= 0 && (!whole || units->is_integer()))
    return units;
  throw billing_input_error(
      "contract '" + deal.id + "': " + f.description + ": " + f.per_unit_key + " is '" + text +
      "' (from " + source + ", in force on " + format_date(day) + "); a fee per unit needs " +
      (whole ? "a whole number of units, 0 or more" : "a number of units, 0 or more") +
      ", so the contract's statement is not billed");
}

// The days of `covers` on which a fee's per-unit attribute may change: amendment dates.
std::vector<local_date> change_days(const tariff_program& program, const fee& f,
                                    const contract& deal, const date_span& covers) {
  std::vector<local_date> days;
  if (!f.per_unit) return days;
  const attribute_slot& a = program.attributes[*f.per_unit];
  const bool client = a.scope == vocabulary::attribute_scope::client;
  for (const contract_amendment& m : deal.amendments) {
    const attribute_map& values = client ? m.client_attributes : m.attributes;
    if (values.find(a.name) != values.end() && covers.first < m.effective &&
        m.effective < covers.end)
      days.push_back(m.effective);
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

// The contract's prepaid span for this fee that covers the fee period starting on `first`.
const prepaid_fee* prepaid_for(const fee& f, const contract& deal, local_date first) {
  if (f.name.empty()) return nullptr;
  for (const prepaid_fee& paid : deal.prepaid_fees)
    if (paid.fee == f.name && paid.span.contains(first)) return &paid;
  return nullptr;
}

}  // namespace

std::vector<std::string> unknown_prepaid_fees(const plan::plan& p, const contract& deal) {
  std::vector<std::string> problems;
  for (const prepaid_fee& paid : deal.prepaid_fees) {
    const auto named = [&](const fee& f) { return f.name == paid.fee; };
    if (std::any_of(p.fees.begin(), p.fees.end(), named)) continue;
    std::string names;
    for (const fee& f : p.fees)
      if (!f.name.empty()) names += (names.empty() ? "" : ", ") + f.name;
    problems.push_back("prepaid fee '" + paid.fee + " " + format_span(paid.span) +
                       "' names no fee of plan '" + p.name + "' (" +
                       (names.empty() ? "it has no named fee" : "its named fees: " + names) + ")");
  }
  return problems;
}

void charge_fees(const tariff_program& program, const plan_stretch& under, const contract& deal,
                 const date_span& period, std::vector<fee_line>& fees, std::vector<alert>& alerts) {
  const plan::plan& p = *under.plan;
  const date_span in_force{deal.start, deal.end + date::days{1}};
  // The plan's own days (docs/design.md, decision 13): a plan change splits a fee period between
  // the two plans' fees by days, prorated or not.
  const auto under_plan = [&under](date_span days) {
    if (under.from) days.first = std::max(days.first, *under.from);
    if (under.until) days.end = std::min(days.end, *under.until);
    return days;
  };
  // A closed contract's fee periods end with it, prorated or not: the unused days of a fee
  // charged in advance are credited (docs/design.md, decision 14).
  const bool ended = deal.status == contract_status::closed;
  for (const fee& f : p.fees) {
    const period_scheme scheme = scheme_of(f.period);
    for (date_span fp = scheme.containing(period.first); fp.first < period.end;
         fp = scheme.next(fp)) {
      const date_span covers =
          under_plan({std::max(fp.first, in_force.first), std::min(fp.end, in_force.end)});
      if (covers.first >= covers.end || !period.contains(covers.first)) continue;
      // What is charged for: the days covered if prorated, else the whole period (the plan's part
      // of it). Split where an amendment changes the per-unit value; each stretch is charged by
      // its days.
      date_span charged = f.prorated ? covers : under_plan(fp);
      if (ended) charged.end = std::min(charged.end, in_force.end);
      std::vector<date_span> stretches;
      local_date from = charged.first;
      for (local_date change : change_days(program, f, deal, charged)) {
        stretches.push_back({from, change});
        from = change;
      }
      stretches.push_back({from, charged.end});
      for (const date_span& stretch : stretches) {
        decimal units(1);
        if (f.per_unit) {
          // The value in force on the stretch's first day the contract covers.
          const std::optional<decimal> value =
              units_on(program, f, deal, std::max(stretch.first, covers.first));
          if (!value) {
            alerts.push_back({alert_kind::fee_not_charged,
                              "'" + f.description + "' for " + format_span(stretch) +
                                  " is not charged: " + f.per_unit_key +
                                  " is not given for contract '" + deal.id + "'",
                              {},
                              {},
                              {},
                              {}});
            continue;
          }
          units = *value;
        }
        const bool whole = stretch.days() == fp.days();
        const std::int64_t den = whole ? 1 : fp.days();
        const decimal days = whole ? decimal(1) : decimal(stretch.days());
        auto amount_for = [&](const decimal& count) {
          try {
            return amount_of(f.amount * count * days, den, program.line_rounding, f.amount.scale());
          } catch (const decimal_error& e) {  // units past the decimal limits: the data's fault
            throw billing_input_error("contract '" + deal.id + "': " + f.description + " for " +
                                      format_span(stretch) + " cannot be computed with " +
                                      f.per_unit_key + " = " + count.to_string() + ": " + e.what());
          }
        };
        // Units paid for in advance are not charged again; units added since are.
        decimal prepaid_units;
        if (const prepaid_fee* paid = prepaid_for(f, deal, fp.first))
          prepaid_units = min(units, paid->units.value_or(units));
        if (prepaid_units.sign() < 0) prepaid_units = decimal();
        const decimal charged_units = units - prepaid_units;
        fee_line line{.description = f.description,
                      .covers = stretch,
                      .fee_period = fp,
                      .units = units,
                      .amount = amount_for(charged_units),
                      .prepaid_units = prepaid_units,
                      .covered = {},
                      .tax = {},
                      .line = f.at.line,
                      .column = f.at.column,
                      .billed_before = {}};
        line.covered =
            prepaid_units.is_zero() ? line.amount - line.amount : amount_for(prepaid_units);
        fees.push_back(std::move(line));
      }
    }
  }
}

}  // namespace tariff::bill_stage
