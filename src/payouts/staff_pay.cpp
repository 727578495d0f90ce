// Staff pay for a period (staff_pay.hpp): the first `pay` rule that fits each priced line.
#include <algorithm>
#include <map>
#include <numeric>
#include <stdexcept>

#include <tariff/staff_pay.hpp>

#include "bill/work_order.hpp"
#include "errors/errors.hpp"
#include "plan/access.hpp"
#include "plan/evaluate.hpp"
#include "plan/program.hpp"
#include "price/amounts.hpp"

namespace tariff {

namespace {

const plan::pay& pay_block(const plan::tariff_program& program, const std::string& name) {
  if (program.pays.empty())
    throw call_error("tariff '" + program.name + "' has no pay block ('pay NAME { ... }')");
  if (name.empty()) {
    if (program.pays.size() == 1) return program.pays.front();
    throw call_error("tariff '" + program.name + "' has " + std::to_string(program.pays.size()) +
                     " pay blocks: name the one to use");
  }
  for (const plan::pay& p : program.pays)
    if (p.name == name) return p;
  throw call_error("tariff '" + program.name + "' has no pay block '" + name + "'");
}

const contract* contract_named(std::span<const contract> contracts, const std::string& id) {
  for (const contract& c : contracts)
    if (c.id == id) return &c;
  return nullptr;
}

// Runs the block's rules on one priced line: the first whose items and condition fit pays it.
class pay_rules {
 public:
  pay_rules(const plan::tariff_program& program, const plan::pay& block)
      : program_(program), block_(block), evaluator_(program) {}

  /// Fills `out.rule`, `out.pay` and the rule's place. Throws plan::pricing_error.
  void apply(const contract& deal, const work_line& w, const priced_line& line,
             staff_pay_line& out) {
    plan::line_facts facts;
    facts.deal = &deal;
    facts.work = &w;
    facts.date = *line.date;
    facts.client_since = deal.client_since.value_or(deal.start);
    facts.contract_year = contract_year(facts.client_since, facts.date);
    facts.billable = w.kind == work_kind::billable;
    if (w.end)
      facts.duration =
          decimal(std::chrono::duration_cast<std::chrono::seconds>(*w.end - w.start).count());
    evaluator_.start_line(facts);
    const segment_labels none{};
    plan::part_facts part;
    part.labels = &none;
    part.date = *line.date;
    part.price = part.base = &line.amount;
    part.cost = &line.cost;
    part.quantity = &line.measured.value;
    part.unit_seconds = line.measured.unit_seconds;
    const auto item = program_.item_ids.find(line.item);
    for (const plan::rule& r : block_.rules) {
      if (!r.items.empty() && (item == program_.item_ids.end() || !r.items[item->second])) continue;
      if (r.condition && !evaluator_.run(*r.condition, part).truth) continue;
      const plan::value v = evaluator_.run(r.result, part);
      out.rule = r.name;
      out.line = r.at.line;
      out.column = r.at.column;
      out.pay = price_stage::amount_of(v.num, v.den, program_.line_rounding, line.amount.scale());
      return;
    }
  }

 private:
  const plan::tariff_program& program_;
  const plan::pay& block_;
  plan::evaluator evaluator_;
};

}  // namespace

staff_pay_result staff_pays(const compiled_tariff& tariff, std::span<const contract> contracts,
                            std::span<const work_line> work, date_span period,
                            const std::string& pay) {
  staff_pay_result result;
  const plan::tariff_program& program = plan::program_of(tariff);
  pay_rules rules(program, pay_block(program, pay));
  std::vector<priced_line> priced = price(tariff, contracts, work, {.trace = false});
  const decimal zero =
      decimal::from_units(0, program.line_rounding ? program.line_rounding->step.scale() : 0);
  std::map<std::string, staff_pay, std::less<>> by_employee;
  for (std::size_t i : bill_stage::work_order(work)) {
    const work_line& w = work[i];
    priced_line& line = priced[i];
    if (line.date && !period.contains(*line.date)) continue;
    staff_pay_line out;
    if (line.ok()) {
      out.pay = zero;
      try {
        rules.apply(*contract_named(contracts, w.contract), w, line, out);
      } catch (const plan::pricing_error& e) {
        line.rejected = e.reason;
        line.message = "line " + w.id + ": " + e.message;
      }
    }
    if (!line.ok()) {
      result.rejected.push_back(std::move(line));
      continue;
    }
    out.id = w.id;
    out.request = w.request;
    out.contract = w.contract;
    out.item = w.item;
    out.kind = w.kind;
    out.date = *line.date;
    out.quantity = line.measured;
    out.amount = line.amount;
    auto [slot, added] = by_employee.try_emplace(w.performer);
    staff_pay& p = slot->second;
    if (added) {
      p.employee = w.performer;
      p.currency = program.currency;
      p.period = period;
      p.total = zero;
    }
    p.total += out.pay;
    p.lines.push_back(std::move(out));
  }
  result.pays.reserve(by_employee.size());
  for (auto& [name, p] : by_employee)
    result.pays.push_back(std::move(p));
  return result;
}

}  // namespace tariff
