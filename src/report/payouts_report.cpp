// Contractor payouts for people: a CSV of their lines and the text each contractor reads.
#include <string>
#include <vector>

#include <tariff/payouts.hpp>

#include "formats/csv.hpp"
#include "report/text_layout.hpp"

namespace tariff {

std::string write_payouts_csv(std::span<const payout> payouts) {
  std::string out;
  formats::append_csv_record(out, {"performer", "id", "request", "contract", "item", "date",
                                   "accepted_on", "quantity", "rate", "amount", "status"});
  for (const payout& p : payouts)
    for (const payout_line& l : p.lines)
      formats::append_csv_record(
          out, {p.performer, l.id, l.request, l.contract, l.item, format_date(l.date),
                l.accepted_on ? format_date(*l.accepted_on) : std::string(), l.quantity.to_string(),
                l.rate.to_string(), l.amount.to_string(), l.payable ? "payable" : "pending"});
  return out;
}

std::string write_payouts_text(std::span<const payout> payouts) {
  report::text_page page;
  for (const payout& p : payouts) {
    if (!page.empty()) page.add("");
    page.add("Payout to " + (p.performer.empty() ? "(no performer)" : p.performer) + " for " +
                 format_span(p.period),
             p.currency);
    report::text_table table(2, {false, false, false, false, true, true});
    for (const payout_line& l : p.lines)
      table.add(
          {l.id, format_date(l.date), l.item, l.contract, l.quantity.to_string(),
           "@ " + l.rate.to_string()},
          l.amount.to_string(),
          l.payable ? "payable, accepted " + format_date(*l.accepted_on) : "pending acceptance");
    table.add({"payable"}, p.payable.to_string());
    table.add({"pending"}, p.pending.to_string());
    page.add(std::move(table));
  }
  if (page.empty()) page.add("No payouts in the period.");
  return page.render();
}

}  // namespace tariff
