// Staff pay for people: a CSV of its lines and the text each employee reads.
#include <string>
#include <vector>

#include <tariff/staff_pay.hpp>

#include "formats/csv.hpp"
#include "report/text_layout.hpp"

namespace tariff {

std::string write_staff_pay_csv(std::span<const staff_pay> pays) {
  std::string out;
  formats::append_csv_record(out, {"employee", "id", "request", "contract", "item", "kind", "date",
                                   "quantity", "amount", "rule", "pay"});
  for (const staff_pay& p : pays)
    for (const staff_pay_line& l : p.lines)
      formats::append_csv_record(
          out, {p.employee, l.id, l.request, l.contract, l.item, std::string(to_string(l.kind)),
                format_date(l.date), l.quantity.to_string(), l.amount.to_string(), l.rule,
                l.pay.to_string()});
  return out;
}

std::string write_staff_pay_text(std::span<const staff_pay> pays) {
  report::text_page page;
  for (const staff_pay& p : pays) {
    if (!page.empty()) page.add("");
    page.add("Pay of " + (p.employee.empty() ? "(no performer)" : p.employee) + " for " +
                 format_span(p.period),
             p.currency);
    report::text_table table(2, {false, false, false, false, true, true});
    for (const staff_pay_line& l : p.lines)
      table.add({l.id, format_date(l.date), l.item, std::string(to_string(l.kind)),
                 l.quantity.to_string(), "of " + l.amount.to_string()},
                l.pay.to_string(), l.rule.empty() ? "no pay rule applies" : "rule " + l.rule);
    table.add({"total"}, p.total.to_string());
    page.add(std::move(table));
  }
  if (page.empty()) page.add("No staff pay in the period.");
  return page.render();
}

}  // namespace tariff
