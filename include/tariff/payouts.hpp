// tariff — what the company owes the people who did the work: contractor payouts for a period,
// payable only for work the client accepted (docs/design.md, scenario 5).
//
//   tariff::payout_options rates{.pricelist = "contractors"};  // or empty: each item's cost
//   for (const tariff::payout& p : tariff::payouts(tariff, contracts, work, march, rates).payouts)
//     pay(p.performer, p.payable);   // p.pending waits for the client's acceptance
//
// A line's payout is its rate × its measured quantity (time items: exactly, by the second),
// rounded as the tariff rounds line amounts. The rate is the item's price in the price list the
// options name (the contractors' rates; its version in force on the line's date), or else the
// item's cost price in the price list that priced the line. Rules, allowances and billing steps
// are the client's, not the contractor's: they do not change a payout.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <tariff/calendar.hpp>
#include <tariff/decimal.hpp>
#include <tariff/export.h>
#include <tariff/model.hpp>
#include <tariff/pricing.hpp>

namespace tariff {

/// Where payout rates come from.
struct payout_options {
  /// A price list of the tariff holding the contractors' rates as its prices; empty: each
  /// item's cost price.
  std::string pricelist;
};

/// One work line in a performer's payout.
struct payout_line {
  std::string id;  ///< the work line
  std::string request;
  std::string contract;
  std::string item;
  local_date date{};                      ///< the line's local date
  std::optional<local_date> accepted_on;  ///< when the client accepted it
  item_quantity quantity;                 ///< the quantity done (measured, not billed)
  decimal rate;                           ///< per unit
  decimal amount;                         ///< rate × quantity, rounded as line amounts are
  bool payable = false;                   ///< accepted in the period; else pending acceptance
  friend bool operator==(const payout_line&, const payout_line&) = default;
};

/// What one performer is owed for a period.
struct payout {
  std::string performer;  ///< as the work lines name them; empty for lines that name none
  std::string currency;
  date_span period;
  decimal payable;                 ///< accepted in the period: to be paid now
  decimal pending;                 ///< done by the period's end, not accepted yet: not payable yet
  std::vector<payout_line> lines;  ///< in work order (start, then id)
  friend bool operator==(const payout&, const payout&) = default;
};

/// What payouts() found: each performer's payout, and the lines that are nobody's.
struct payout_result {
  std::vector<payout> payouts;        ///< one per performer, by performer
  std::vector<priced_line> rejected;  ///< work no payout takes, in work order (see payouts())
  friend bool operator==(const payout_result&, const payout_result&) = default;
};

/// The payouts of `period`, one per performer, by performer. A line counts as payable when the
/// client accepted it with `accepted_on` in the period (a line accepted without a date, on its
/// own date); as pending when it is dated before the period's end and not accepted. Work the
/// tariff rejects is nobody's payout and goes to `rejected`, priced lines' reasons and all, as do
/// lines whose item has no rate in the rates list and, in the period of the work's date, lines
/// accepted before that date (`accepted_before_work`). Throws call_error if the rates list is
/// not in the tariff.
[[nodiscard]] TARIFF_API payout_result payouts(const compiled_tariff& tariff,
                                               std::span<const contract> contracts,
                                               std::span<const work_line> work, date_span period,
                                               const payout_options& options = {});

/// The payouts alone, the rejected lines into `*rejected` when it is not null.
[[deprecated(
    "use payouts() returning payout_result; removed in 0.3")]] TARIFF_API std::vector<payout>
payouts(const compiled_tariff& tariff, std::span<const contract> contracts,
        std::span<const work_line> work, date_span period, const payout_options& options,
        std::vector<priced_line>* rejected);

/// Payouts as CSV, one row per line: performer, id, request, contract, item, date, accepted_on,
/// quantity, rate, amount, status (payable or pending).
[[nodiscard]] TARIFF_API std::string write_payouts_csv(std::span<const payout> payouts);

/// Payouts as JSON, as the C interface's tariff_payouts returns them (docs/c_interface.md):
/// {"payouts": [...], "rejected": [...]}, each performer with its currency, period (first and
/// last day), payable, pending and lines (id, request, contract, item, date, accepted_on or
/// null, quantity, rate, amount, status); then the rejected lines as write_priced_json writes
/// priced lines, their parts named from `tariff`. Decimals are strings with their scale.
[[nodiscard]] TARIFF_API std::string write_payouts_json(const payout_result& owed,
                                                        const compiled_tariff& tariff);

/// Payouts as aligned text: each performer's lines with payable and pending totals.
[[nodiscard]] TARIFF_API std::string write_payouts_text(std::span<const payout> payouts);

}  // namespace tariff
