// Statements summed by contract, client and item (portfolio.hpp).
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <tariff/portfolio.hpp>

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

}  // namespace tariff
