// Drawing a prepaid balance down (docs/statement.md, "Prepaid balance").
#include "bill/prepaid.hpp"

#include <algorithm>

namespace tariff::bill_stage {

namespace {

// What one charge costs the client and when it draws: a fee, an adjustment or a line.
struct charge {
  local_date day{};
  std::string line;  // the work line's id, or the fee's description
  std::string what;  // how a message names it: "line V3", "fee 10000.00 per month"
  decimal due;
};

class balance_drawer {
 public:
  balance_drawer(const plan::plan& p, prepaid_report& report, std::vector<alert>& alerts)
      : plan_(p), report_(report), alerts_(alerts), balance_(report.opening) {}

  void credit(const payment& paid) {
    report_.payments.push_back(paid);
    if (paid.kind != payment_kind::payment) {  // a refund or chargeback takes money back
      balance_ -= paid.amount;
      report_.refunded += paid.amount;
      if (balance_.sign() < 0)
        alerts_.push_back({alert_kind::balance_negative,
                           "prepaid balance is " + balance_.to_string() + " after " +
                               std::string(to_string(paid.kind)) + " '" + paid.id + "' of " +
                               paid.amount.to_string() + ": the client owes it back",
                           {},
                           {},
                           paid.id,
                           {}});
      exhausted_ = balance_.sign() <= 0;
      return;
    }
    balance_ += paid.amount;
    report_.received += paid.amount;
    exhausted_ = balance_.sign() <= 0;
  }

  void draw(const charge& c) {
    if (c.due.sign() <= 0) {  // a credit (a negative line) returns money to the balance
      balance_ -= c.due;
      report_.drawn += c.due;
      return;
    }
    const decimal before = balance_;
    const decimal taken = before.sign() > 0 ? min(before, c.due) : decimal();
    balance_ -= taken;
    report_.drawn += taken;
    report_.owed += c.due - taken;
    for (const decimal& threshold : plan_.balance_alerts)
      if (before > threshold && balance_ <= threshold && balance_.sign() > 0)
        alerts_.push_back({alert_kind::balance_low,
                           "prepaid balance fell to " + balance_.to_string() + " (alert at " +
                               threshold.to_string() + ") with " + c.what,
                           {},
                           {},
                           c.line,
                           threshold});
    if (balance_.sign() <= 0 && !exhausted_) {
      exhausted_ = true;
      const decimal unpaid = c.due - taken;
      alerts_.push_back(
          {alert_kind::balance_exhausted,
           "prepaid balance exhausted with " + c.what +
               (unpaid.sign() > 0 ? ": " + unpaid.to_string() + " of it is owed" : std::string()),
           {},
           {},
           c.line,
           {}});
    }
  }

  const decimal& balance() const { return balance_; }

 private:
  const plan::plan& plan_;
  prepaid_report& report_;
  std::vector<alert>& alerts_;
  decimal balance_;
  bool exhausted_ = false;
};

}  // namespace

decimal draw_prepaid(const plan::plan& p, const decimal& opening, const contract& deal,
                     std::span<const payment> payments, bool tax_added, statement& s) {
  const decimal zero = s.total - s.total;  // at the amounts' scale
  prepaid_report& report = s.prepaid.emplace();
  report.opening = opening.is_zero() ? zero : opening;  // a new balance at the amounts' scale
  report.received = report.refunded = report.drawn = report.owed = zero;

  std::vector<const payment*> credits;
  for (const payment& paid : payments)
    if (paid.contract == deal.id && paid.date < s.period.end) credits.push_back(&paid);
  std::stable_sort(credits.begin(), credits.end(), [](const payment* a, const payment* b) {
    const bool a_pays = a->kind == payment_kind::payment;  // a day's payments before its refunds
    const bool b_pays = b->kind == payment_kind::payment;
    return a->date != b->date ? a->date < b->date : a_pays != b_pays ? a_pays : a->id < b->id;
  });

  std::vector<charge> charges;
  decimal charged = zero;
  // Reversals give back what their lines drew, on the period's first day, before any charge.
  for (const reversal& r : s.reversals)
    charges.push_back({s.period.first, r.id, "the reversal of line " + r.id,
                       tax_added ? r.amount + r.tax : r.amount});
  for (const fee_line& f : s.fees)
    charges.push_back(
        {s.period.first, f.description, f.description, tax_added ? f.amount + f.tax : f.amount});
  for (const auto* lines : {&s.adjustments, &s.lines})
    for (const priced_line& l : *lines)
      charges.push_back({std::max(*l.date, s.period.first), l.id, "line " + l.id,
                         tax_added ? l.amount + l.tax : l.amount});
  for (const charge& c : charges)
    charged += c.due;
  if (charged != s.total)  // `rounding statement` moved the total: the difference is drawn last
    charges.push_back(
        {s.period.end - date::days{1}, "rounding", "the statement's rounding", s.total - charged});

  balance_drawer drawer(p, report, s.alerts);
  auto next = credits.begin();
  for (const charge& c : charges) {
    for (; next != credits.end() && (*next)->date <= c.day; ++next)
      drawer.credit(**next);
    drawer.draw(c);
  }
  for (; next != credits.end(); ++next)
    drawer.credit(**next);
  report.closing = drawer.balance();
  return report.closing;
}

}  // namespace tariff::bill_stage
