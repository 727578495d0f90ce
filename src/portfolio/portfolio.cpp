// Statements summed by contract, client and item (portfolio.hpp).
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <tariff/portfolio.hpp>

#include "io/csv.hpp"
#include "io/text_layout.hpp"

namespace tariff {

std::optional<decimal> portfolio_row::margin_percent() const {
  if (revenue.is_zero()) return std::nullopt;
  return divide(margin * decimal(100), revenue, 2, rounding_mode::half_even);
}

namespace {

// Rows by (currency, key); each statement counts once per row it touches.
class row_sums {
 public:
  portfolio_row& at(const std::string& currency, const std::string& key, const statement& s) {
    auto [it, added] = rows_.try_emplace({currency, key});
    portfolio_row& row = it->second;
    if (added) {
      row.key = key;
      row.currency = currency;
      row.fees = row.revenue = row.cost = row.margin = zero_of(s);
    }
    if (counted_.insert({currency, key, &s}).second) ++row.statements;
    return row;
  }

  // Worst margin first within each currency; ties by key, so the order is deterministic.
  std::vector<portfolio_row> take() {
    std::vector<portfolio_row> out;
    for (auto& [key, row] : rows_)
      out.push_back(std::move(row));
    std::stable_sort(out.begin(), out.end(), [](const portfolio_row& a, const portfolio_row& b) {
      if (a.currency != b.currency) return a.currency < b.currency;
      if (a.margin != b.margin) return a.margin < b.margin;
      return a.key < b.key;
    });
    return out;
  }

 private:
  // Zero at the scale of the statement's totals (0.00), so an empty sum reads like the others.
  static decimal zero_of(const statement& s) { return decimal::from_units(0, s.revenue.scale()); }

  std::map<std::pair<std::string, std::string>, portfolio_row> rows_;
  std::set<std::tuple<std::string, std::string, const statement*>> counted_;
};

void add_line(portfolio_row& row, const priced_line& line) {
  ++row.lines;
  row.revenue += line.amount;
  row.cost += line.cost;
  row.margin += line.margin;
}

void add_statement(portfolio_row& row, const statement& s) {
  row.lines += s.lines.size() + s.adjustments.size();
  row.fees += s.fees_total;
  row.revenue += s.revenue;
  row.cost += s.cost;
  row.margin += s.margin;
}

std::string signed_percent(const portfolio_row& r) {
  const std::optional<decimal> p = r.margin_percent();
  return p ? p->to_string() + "%" : "-";
}

void add_rows(io::text_table& table, const char* title, const std::vector<portfolio_row>& rows) {
  if (rows.empty()) return;
  table.add_raw({});
  table.add_raw({title, {}, {}});
  for (const portfolio_row& r : rows)
    table.add({"  " + r.key, r.currency, std::to_string(r.statements), std::to_string(r.lines),
               r.fees.to_string(), r.revenue.to_string(), r.cost.to_string(), r.margin.to_string(),
               signed_percent(r), r.loss() ? "LOSS" : ""});
}

void append_records(std::string& out, const char* group, const std::vector<portfolio_row>& rows) {
  for (const portfolio_row& r : rows) {
    const std::optional<decimal> p = r.margin_percent();
    io::append_csv_record(
        out, {group, r.key, r.currency, std::to_string(r.statements), std::to_string(r.lines),
              r.fees.to_string(), r.revenue.to_string(), r.cost.to_string(), r.margin.to_string(),
              p ? p->to_string() : std::string(), r.loss() ? "true" : "false"});
  }
}

}  // namespace

portfolio summarize(std::span<const statement> statements) {
  row_sums totals, contracts, clients, items;
  for (const statement& s : statements) {
    add_statement(totals.at(s.currency, {}, s), s);
    add_statement(contracts.at(s.currency, s.contract, s), s);
    add_statement(clients.at(s.currency, s.client, s), s);
    for (const auto* lines : {&s.lines, &s.adjustments})
      for (const priced_line& line : *lines)
        add_line(items.at(s.currency, line.item, s), line);
  }
  portfolio out;
  out.totals = totals.take();
  std::sort(out.totals.begin(), out.totals.end(),
            [](const auto& a, const auto& b) { return a.currency < b.currency; });
  out.by_contract = contracts.take();
  out.by_client = clients.take();
  out.by_item = items.take();
  return out;
}

std::string write_portfolio_text(const portfolio& p) {
  std::vector<io::text_row> rows;
  io::text_table table(0, {false, false, true, true, true, true, true, true, true, false});
  table.add(
      {"", "currency", "statements", "lines", "fees", "revenue", "cost", "margin", "margin %", ""});
  for (const portfolio_row& r : p.totals)
    table.add({"Total", r.currency, std::to_string(r.statements), std::to_string(r.lines),
               r.fees.to_string(), r.revenue.to_string(), r.cost.to_string(), r.margin.to_string(),
               signed_percent(r), r.loss() ? "LOSS" : ""});
  add_rows(table, "By contract (worst margin first)", p.by_contract);
  add_rows(table, "By client", p.by_client);
  add_rows(table, "By item (work only)", p.by_item);
  table.append_to(rows);
  return io::render(rows);
}

std::string write_portfolio_csv(const portfolio& p) {
  std::string out;
  io::append_csv_record(out, {"group", "key", "currency", "statements", "lines", "fees", "revenue",
                              "cost", "margin", "margin_percent", "loss"});
  append_records(out, "total", p.totals);
  append_records(out, "contract", p.by_contract);
  append_records(out, "client", p.by_client);
  append_records(out, "item", p.by_item);
  return out;
}

}  // namespace tariff
