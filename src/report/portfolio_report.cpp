// The portfolio for people: a text table by contract, client and item, and the same as CSV.
#include <optional>
#include <string>
#include <vector>

#include <tariff/portfolio.hpp>

#include "formats/csv.hpp"
#include "report/text_layout.hpp"

namespace tariff {
namespace {

std::string signed_percent(const portfolio_row& r) {
  const std::optional<decimal> p = r.margin_percent();
  return p ? p->to_string() + "%" : "-";
}

void add_rows(report::text_table& table, const char* title,
              const std::vector<portfolio_row>& rows) {
  if (rows.empty()) return;
  table.add_raw("");
  table.add_raw(title);
  for (const portfolio_row& r : rows)
    table.add({"  " + r.key, r.currency, std::to_string(r.statements), std::to_string(r.lines),
               r.fees.to_string(), r.revenue.to_string(), r.cost.to_string(), r.margin.to_string(),
               signed_percent(r), r.loss() ? "LOSS" : ""});
}

void append_records(std::string& out, const char* group, const std::vector<portfolio_row>& rows) {
  for (const portfolio_row& r : rows) {
    const std::optional<decimal> p = r.margin_percent();
    formats::append_csv_record(
        out, {group, r.key, r.currency, std::to_string(r.statements), std::to_string(r.lines),
              r.fees.to_string(), r.revenue.to_string(), r.cost.to_string(), r.margin.to_string(),
              p ? p->to_string() : std::string(), r.loss() ? "true" : "false"});
  }
}

}  // namespace

std::string write_portfolio_text(const portfolio& p) {
  report::text_page page;
  report::text_table table(0, {false, false, true, true, true, true, true, true, true, false});
  table.add(
      {"", "currency", "statements", "lines", "fees", "revenue", "cost", "margin", "margin %", ""});
  for (const portfolio_row& r : p.totals)
    table.add({"Total", r.currency, std::to_string(r.statements), std::to_string(r.lines),
               r.fees.to_string(), r.revenue.to_string(), r.cost.to_string(), r.margin.to_string(),
               signed_percent(r), r.loss() ? "LOSS" : ""});
  add_rows(table, "By contract (worst margin first)", p.by_contract);
  add_rows(table, "By client", p.by_client);
  add_rows(table, "By item (work only)", p.by_item);
  page.add(std::move(table));
  return page.render();
}

std::string write_portfolio_csv(const portfolio& p) {
  std::string out;
  formats::append_csv_record(out, {"group", "key", "currency", "statements", "lines", "fees",
                                   "revenue", "cost", "margin", "margin_percent", "loss"});
  append_records(out, "total", p.totals);
  append_records(out, "contract", p.by_contract);
  append_records(out, "client", p.by_client);
  append_records(out, "item", p.by_item);
  return out;
}

}  // namespace tariff
