// tariff — a portfolio: many statements summed by contract, client and item, per currency, so
// the contracts that lose money stand out.
//
//   std::vector<tariff::statement> march = bill_every_contract(...);
//   tariff::portfolio p = tariff::summarize(march);
//   for (const tariff::portfolio_row& c : p.by_contract)   // worst margin first
//     if (c.loss()) warn(c.key, c.margin);
//
// Figures are the statements' own, added exactly: revenue is fees and work (after statement
// rounding), cost the work's cost, margin revenue − cost. Statements in different currencies are
// never added together: every row belongs to one currency.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <tariff/billing.hpp>
#include <tariff/decimal.hpp>
#include <tariff/export.h>

namespace tariff {

/// One group's sums in one currency.
struct TARIFF_API portfolio_row {
  std::string key;  ///< contract id, client id or item code; empty in the totals
  std::string currency;
  std::size_t statements = 0;  ///< statements summed (items: statements that bill the item)
  std::size_t lines = 0;       ///< priced work lines and adjustments
  decimal fees;                ///< the plans' fees (0 for items)
  decimal revenue;             ///< fees + work
  decimal cost;
  decimal margin;  ///< revenue − cost
  /// margin / revenue × 100, 2 decimals half_even; empty when revenue is 0.
  [[nodiscard]] std::optional<decimal> margin_percent() const;
  /// Whether the group costs more than it brings in.
  [[nodiscard]] bool loss() const { return margin.sign() < 0; }
  friend bool operator==(const portfolio_row&, const portfolio_row&) = default;
};

/// The statements summed.
struct portfolio {
  std::vector<portfolio_row> totals;       ///< one per currency, by currency
  std::vector<portfolio_row> by_contract;  ///< by currency, then worst margin first
  std::vector<portfolio_row> by_client;    ///< by currency, then worst margin first
  std::vector<portfolio_row> by_item;      ///< work only; by currency, then worst margin first
};

/// Sums `statements` (of one or many tariffs, contracts and periods).
[[nodiscard]] TARIFF_API portfolio summarize(std::span<const statement> statements);

/// The portfolio as aligned text: totals, then contracts, clients and items, losses marked.
[[nodiscard]] TARIFF_API std::string write_portfolio_text(const portfolio& p);

/// The portfolio as CSV, one row per group: group ("total", "contract", "client", "item"), key,
/// currency, statements, lines, fees, revenue, cost, margin, margin_percent, loss (true/false).
[[nodiscard]] TARIFF_API std::string write_portfolio_csv(const portfolio& p);

}  // namespace tariff
