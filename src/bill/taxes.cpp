// Taxes on a statement (docs/statement.md, "Taxes").
#include "bill/taxes.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>

#include "plan/evaluate.hpp"

namespace tariff::bill_stage {

using plan::evaluator;
using plan::line_facts;
using plan::part_facts;
using plan::pricing_error;
using plan::tariff_program;
using plan::tax;

namespace {

// The exact tax contained in or added to an amount at `percent`, in steps of the tax's `round`:
// amount × p / (100 × step) when prices exclude the tax, amount × p / ((100 + p) × step) when
// they include it. The numerator is the amount's, the denominator the rate's.
decimal tax_numerator(const decimal& amount, const decimal& percent) {
  return amount * percent;
}

decimal tax_denominator(const tax& t, const decimal& percent) {
  const decimal hundred(100);
  return (t.basis == vocabulary::tax_basis::included ? hundred + percent : hundred) * t.step;
}

// The tax on `amount`, rounded once to a multiple of the tax's step (the quotient is exact
// before it is rounded).
decimal tax_of(const tax& t, const decimal& amount, const decimal& percent) {
  return divide(tax_numerator(amount, percent), tax_denominator(t, percent), 0, t.mode) * t.step;
}

// One amount the tax applies to: a fee's or a line's, with the rate it is taxed at.
struct taxed {
  decimal* tax;
  const decimal* amount;
  std::uint32_t rate;
};

}  // namespace

bool tax_exempt(const tariff_program& program, const tax& t, const contract& deal, local_date day) {
  if (!t.exempt) return false;
  line_facts facts;
  facts.deal = &deal;
  facts.client_since = deal.client_since.value_or(deal.start);
  facts.date = std::max(day, facts.client_since);
  facts.contract_year = contract_year(facts.client_since, facts.date);
  evaluator ev(program);
  ev.start_line(facts);
  try {
    return ev.run(*t.exempt, part_facts{}).truth;
  } catch (const pricing_error& e) {
    throw billing_input_error("contract '" + deal.id + "': cannot tell whether tax '" + t.name +
                              "' is exempt: " + e.message);
  }
}

namespace {

// The rate of the line's item (the default for an item the tax does not know).
std::uint32_t rate_of(const tariff_program& program, const tax& t, const std::string& item) {
  const auto id = program.item_ids.find(item);
  return id == program.item_ids.end() || id->second >= t.rate_of_item.size()
             ? t.default_rate
             : t.rate_of_item[id->second];
}

// Whether the contract is exempt for the statement period containing a day: decided once per
// period. An amount is exempt by its own period, so late work keeps its period's answer and a
// line priced alone gets the tax the statement gives it.
class exemption {
 public:
  exemption(const tariff_program& program, const tax& t, const contract& deal,
            const period_scheme* statements)
      : program_(program), tax_(t), deal_(deal), statements_(statements) {}

  bool on(local_date day) {
    if (statements_ != nullptr) day = statements_->containing(day).first;
    const auto [at, added] = known_.try_emplace(day, false);
    if (added) at->second = tax_exempt(program_, tax_, deal_, day);
    return at->second;
  }

 private:
  const tariff_program& program_;
  const tax& tax_;
  const contract& deal_;
  const period_scheme* statements_;
  std::map<local_date, bool> known_;
};

// The statement periods of the contract's plan, if it has one of the tariff.
std::optional<period_scheme> statements_of(const tariff_program& program, const contract& deal) {
  const auto found = program.plan_index.find(deal.plan);
  if (found == program.plan_index.end()) return std::nullopt;
  return scheme_of(program.plans[found->second].period);
}

}  // namespace

std::string rate_name(const tariff_program& program, const std::string& item) {
  if (!program.tax_rules) return {};
  const tax& t = *program.tax_rules;
  return t.rates[rate_of(program, t, item)].name;
}

void tax_each_line(const tariff_program& program, const contract& deal,
                   std::span<priced_line> lines) {
  if (!program.tax_rules) return;
  const tax& t = *program.tax_rules;
  const decimal zero = decimal::from_units(0, t.step.scale());
  const std::optional<period_scheme> statements = statements_of(program, deal);
  exemption exempt(program, t, deal, statements ? &*statements : nullptr);
  for (priced_line& l : lines) {
    if (!l.ok()) continue;
    l.tax = exempt.on(*l.date) ? zero
                               : tax_of(t, l.amount, t.rates[rate_of(program, t, l.item)].percent);
    if (t.basis == vocabulary::tax_basis::included && !l.tax.is_zero())
      l.margin = l.amount - l.tax - l.cost;
  }
}

void apply_taxes(const tariff_program& program, const contract& deal, statement& s) {
  if (!program.tax_rules) return;
  const tax& t = *program.tax_rules;
  const decimal zero = decimal::from_units(0, t.step.scale());
  const std::optional<period_scheme> statements = statements_of(program, deal);
  exemption exempt(program, t, deal, statements ? &*statements : nullptr);
  s.tax = zero;
  s.tax_included = t.basis == vocabulary::tax_basis::included;
  s.tax_exempt = exempt.on(s.period.first);

  // Fees are taxed by the statement's period, lines by their own (late work by its period's).
  std::vector<taxed> amounts;
  for (fee_line& f : s.fees) {
    f.tax = zero;
    if (!s.tax_exempt) amounts.push_back({&f.tax, &f.amount, t.default_rate});
  }
  for (auto* lines : {&s.adjustments, &s.lines})
    for (priced_line& l : *lines) {
      l.tax = zero;
      if (!exempt.on(*l.date)) amounts.push_back({&l.tax, &l.amount, rate_of(program, t, l.item)});
    }

  for (std::uint32_t r = 0; r < t.rates.size(); ++r) {
    const tax::rate& rate = t.rates[r];
    std::vector<taxed*> at_rate;
    decimal gross;
    for (taxed& a : amounts)
      if (a.rate == r) {
        at_rate.push_back(&a);
        gross += *a.amount;
      }
    // A reversal takes back the tax its line was billed, exactly: it is added to its rate's
    // figures as recorded, never shared or rounded again.
    bool reversed = false;
    decimal reversed_gross;
    decimal reversed_tax;
    for (const reversal& rev : s.reversals)
      if (rev.rate == rate.name) {
        reversed = true;
        reversed_gross += rev.amount;
        reversed_tax += rev.tax;
      }
    if (at_rate.empty() && !reversed) continue;
    decimal total = zero;
    if (at_rate.empty()) {
      // only reversals at this rate
    } else if (t.scope == vocabulary::tax_scope::line) {
      for (taxed* a : at_rate) {
        *a->tax = tax_of(t, *a->amount, rate.percent);
        total += *a->tax;
      }
    } else {
      // The rate's tax is the summed amounts' tax, rounded once; each amount's share is its
      // exact tax rounded toward zero, and the steps left over go with their sign to the
      // amounts of that sign (a refund's share is never positive): allocate_whole.
      std::vector<decimal> numerators;
      numerators.reserve(at_rate.size());
      for (const taxed* a : at_rate)
        numerators.push_back(tax_numerator(*a->amount, rate.percent));
      const decimal denominator = tax_denominator(t, rate.percent);
      const decimal steps = divide(tax_numerator(gross, rate.percent), denominator, 0, t.mode);
      total = steps * t.step;
      const std::vector<decimal> shares = allocate_whole(steps, numerators, denominator);
      for (std::size_t i = 0; i < at_rate.size(); ++i)
        *at_rate[i]->tax = shares[i] * t.step;
    }
    if (reversed) {
      gross += reversed_gross;
      total += reversed_tax;
    }
    const decimal base = t.basis == vocabulary::tax_basis::included ? gross - total : gross;
    s.taxes.push_back({t.name, rate.name, rate.percent, base, total});
    s.tax += total;
  }
}

}  // namespace tariff::bill_stage
