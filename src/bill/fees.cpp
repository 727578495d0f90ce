// Fees are charged in advance, once per fee period: in the statement that contains the first day
// of that period the contract covers (the period's first day, or the contract's start when it
// starts within the period). A prorated fee is charged for the days covered; an unprorated one in
// full.
#include "bill/fees.hpp"

#include <algorithm>

#include "bill/ledger.hpp"
#include "price/amounts.hpp"

namespace tariff::detail {

namespace {

// The value of a fee's per-unit attribute for this contract, or nullopt.
std::optional<decimal> units_of(const tariff_program& program, const fee& f, const contract& deal) {
  if (!f.per_unit) return std::nullopt;
  const attribute_slot& a = program.attributes[*f.per_unit];
  const attribute_map* source = a.scope == ast::attribute_scope::client ? &deal.client_attributes
                                : a.scope == ast::attribute_scope::contract ? &deal.attributes
                                                                            : nullptr;
  if (source == nullptr) return std::nullopt;  // a statement has no one site or work line
  if (const auto found = source->find(a.name); found != source->end()) {
    decimal d;
    if (decimal::try_parse(found->second, d)) return d;
    return std::nullopt;
  }
  if (a.default_value && a.default_value->kind == value_kind::number && a.default_value->den == 1)
    return a.default_value->num;
  return std::nullopt;
}

std::string day_text(local_date d) {
  return format_date(d);
}

}  // namespace

void charge_fees(const tariff_program& program, const plan& p, const contract& deal,
                 const date_span& period, std::vector<fee_line>& fees, std::vector<alert>& alerts) {
  const date_span in_force{deal.start, deal.end + date::days{1}};
  for (const fee& f : p.fees) {
    const period_scheme scheme = scheme_of(f.period);
    for (date_span fp = scheme.containing(period.first); fp.first < period.end;
         fp = scheme.next(fp)) {
      const date_span covers{std::max(fp.first, in_force.first), std::min(fp.end, in_force.end)};
      if (covers.first >= covers.end || !period.contains(covers.first)) continue;
      decimal units(1);
      if (f.per_unit) {
        const std::optional<decimal> value = units_of(program, f, deal);
        if (!value) {
          alerts.push_back({alert_kind::fee_not_charged,
                            "'" + f.description + "' for " + day_text(fp.first) + ".." +
                                day_text(fp.end - date::days{1}) +
                                " is not charged: " + f.per_unit_key +
                                " is not given as a number for contract '" + deal.id + "'",
                            {},
                            {},
                            {}});
          continue;
        }
        units = *value;
      }
      decimal amount = f.amount * units;
      if (f.prorated && covers.days() != fp.days()) amount = amount * decimal(covers.days());
      const std::int64_t den = f.prorated && covers.days() != fp.days() ? fp.days() : 1;
      const decimal rounded = amount_of(amount, den, program.line_rounding, f.amount.scale());
      fees.push_back({f.description, covers, fp, units, rounded, f.at.line, f.at.column});
    }
  }
}

}  // namespace tariff::detail
