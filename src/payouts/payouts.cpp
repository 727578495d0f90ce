// Contractor payouts for a period (payouts.hpp): each priced line's rate × measured quantity,
// payable once the client accepted the work.
#include <algorithm>
#include <map>
#include <numeric>
#include <stdexcept>

#include <tariff/payouts.hpp>

#include "bill/work_order.hpp"
#include "errors/errors.hpp"
#include "plan/access.hpp"
#include "plan/program.hpp"
#include "price/amounts.hpp"

namespace tariff {

namespace {

const plan::pricelist* find_list(const plan::tariff_program& program, std::string_view name) {
  const auto found = program.pricelist_index.find(name);
  return found == program.pricelist_index.end() ? nullptr : &program.pricelists[found->second];
}

// The item as `list` offers it on `day`; null if it does not.
const plan::item* item_on(const plan::tariff_program& program, const plan::pricelist& list,
                          const std::string& name, local_date day) {
  const plan::pricelist_snapshot* snapshot = list.on(day);
  const auto id = program.item_ids.find(name);
  if (snapshot == nullptr || !snapshot->in_force || id == program.item_ids.end() ||
      id->second >= snapshot->by_id.size() || snapshot->by_id[id->second] < 0)
    return nullptr;
  return &snapshot->items[static_cast<std::size_t>(snapshot->by_id[id->second])];
}

}  // namespace

payout_result payouts(const compiled_tariff& tariff, std::span<const contract> contracts,
                      std::span<const work_line> work, date_span period,
                      const payout_options& options) {
  payout_result result;
  const plan::tariff_program& program = plan::program_of(tariff);
  const plan::pricelist* rates = nullptr;
  if (!options.pricelist.empty()) {
    rates = find_list(program, options.pricelist);
    if (rates == nullptr)
      throw call_error("tariff '" + program.name + "' has no price list '" + options.pricelist +
                       "' for payout rates");
  }
  std::vector<priced_line> priced = price(tariff, contracts, work, {.trace = false});
  std::map<std::string, payout, std::less<>> by_performer;
  for (std::size_t i : bill_stage::work_order(work)) {
    const work_line& w = work[i];
    priced_line& line = priced[i];
    if (line.date && *line.date >= period.end) continue;  // done after the period
    // An acceptance dated before the work cannot be: readers cannot tell (the work's date
    // depends on the zone it is priced in), so the line is refused here, in its own period.
    if (line.ok() && w.accepted && w.accepted_on && *w.accepted_on < *line.date) {
      if (*line.date < period.first) continue;  // refused in its own period's run
      line.rejected = reject_reason::accepted_before_work;
      line.message = "line " + w.id + ": accepted on " + format_date(*w.accepted_on) +
                     ", before the work's date " + format_date(*line.date);
      result.rejected.push_back(std::move(line));
      continue;
    }
    const bool payable = w.accepted && line.date &&
                         w.accepted_on.value_or(*line.date) >= period.first &&
                         w.accepted_on.value_or(*line.date) < period.end;
    if (line.ok() && w.accepted && !payable) continue;  // accepted, and paid, in another period
    const plan::pricelist* list = rates != nullptr ? rates : find_list(program, line.price_list);
    const plan::item* it =
        line.ok() && list != nullptr ? item_on(program, *list, w.item, *line.date) : nullptr;
    if (line.ok() && it == nullptr) {
      line.rejected = reject_reason::item_not_in_price_list;
      line.message = "line " + w.id + ": item '" + w.item + "' has no payout rate in price list '" +
                     options.pricelist + "' on " + format_date(*line.date);
    }
    if (!line.ok()) {
      result.rejected.push_back(std::move(line));
      continue;
    }
    payout_line out;
    out.id = w.id;
    out.request = w.request;
    out.contract = w.contract;
    out.item = w.item;
    out.date = *line.date;
    out.accepted_on = w.accepted ? std::optional(w.accepted_on.value_or(*line.date)) : std::nullopt;
    out.quantity = line.measured;
    out.rate = rates != nullptr ? it->price : it->cost;
    const std::int64_t den = line.measured.is_time() ? line.measured.unit_seconds : 1;
    out.amount = price_stage::amount_of(out.rate * line.measured.value, den, program.line_rounding,
                                        out.rate.scale());
    out.payable = payable;

    auto [slot, added] = by_performer.try_emplace(w.performer);
    payout& p = slot->second;
    if (added) {
      p.performer = w.performer;
      p.currency = program.currency;
      p.period = period;
      p.payable = p.pending = program.zero_amount();
    }
    (payable ? p.payable : p.pending) += out.amount;
    p.lines.push_back(std::move(out));
  }
  result.payouts.reserve(by_performer.size());
  for (auto& [name, p] : by_performer)
    result.payouts.push_back(std::move(p));
  return result;
}

}  // namespace tariff
