#include "bill/payment_ledger.hpp"

#include <algorithm>
#include <map>

namespace tariff::bill_stage {

namespace {

std::string named(const contract& deal, const payment& paid) {
  return "contract '" + deal.id + "': " + std::string(to_string(paid.kind)) + " '" + paid.id +
         "' of " + format_date(paid.date) + " (" + paid.amount.to_string() + ")";
}

bool same(const billing_state::credited_payment& r, const payment& paid) {
  return r.date == paid.date && r.amount == paid.amount && r.kind == paid.kind &&
         r.reverses == paid.reverses;
}

}  // namespace

std::vector<payment> payments_to_credit(const contract& deal, std::span<const payment> payments,
                                        const date_span& period, local_date horizon,
                                        repeat_policy on_repeat,
                                        std::vector<billing_state::credited_payment>& records,
                                        std::vector<std::string>& already) {
  std::vector<const payment*> mine;
  for (const payment& paid : payments)
    if (paid.contract == deal.id && paid.date < period.end) mine.push_back(&paid);
  // Payments before the refunds of the same day, so a refund finds its payment.
  std::stable_sort(mine.begin(), mine.end(), [](const payment* a, const payment* b) {
    return a->date != b->date
               ? a->date < b->date
               : (a->kind == payment_kind::payment) > (b->kind == payment_kind::payment);
  });
  std::map<std::string, std::size_t, std::less<>> index;  // records by id
  for (std::size_t i = 0; i < records.size(); ++i)
    index.emplace(records[i].id, i);
  std::vector<payment> out;
  for (const payment* paid : mine) {
    if (const auto found = index.find(paid->id); found != index.end()) {
      if (!same(records[found->second], *paid))
        throw billing_input_error(
            named(deal, *paid) + " has the id of a record credited " +
            "before with other figures (" + format_date(records[found->second].date) + ", " +
            records[found->second].amount.to_string() + "): a payment id is credited once");
      if (on_repeat == repeat_policy::error)
        throw billing_input_error(named(deal, *paid) +
                                  " was credited before as it is now (on_repeat: error)");
      already.push_back(paid->id);
      continue;
    }
    if (paid->amount.sign() <= 0)
      throw billing_input_error(named(deal, *paid) + ": an amount must be above 0 (a refund " +
                                "is its own record, kind refund, with a positive amount)");
    if (paid->date < horizon)
      throw billing_input_error(named(deal, *paid) + " is dated before the late-work horizon (" +
                                format_date(horizon) +
                                "): the ledger no longer knows whether it was credited");
    billing_state::credited_payment record{paid->id,   paid->date,     paid->amount,
                                           paid->kind, paid->reverses, decimal()};
    if (paid->kind != payment_kind::payment) {
      const auto target = index.find(paid->reverses);
      if (target == index.end() || records[target->second].kind != payment_kind::payment)
        throw billing_input_error(named(deal, *paid) + " reverses payment '" + paid->reverses +
                                  "', which the contract's ledger has not credited");
      billing_state::credited_payment& original = records[target->second];
      const decimal left = original.amount - original.refunded;
      if (paid->amount > left)
        throw billing_input_error(
            named(deal, *paid) + " takes back more than is left of payment '" + original.id +
            "' (" + left.to_string() + " of " + original.amount.to_string() + ")");
      original.refunded += paid->amount;
    }
    index.emplace(record.id, records.size());
    records.push_back(std::move(record));
    out.push_back(*paid);
  }
  std::sort(records.begin(), records.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

}  // namespace tariff::bill_stage
