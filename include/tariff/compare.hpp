// tariff — what-if: the same history priced under the current tariff and a proposed one.
//
//   tariff::comparison c = tariff::compare(current, proposed, contracts, last_year_work);
//   for (const tariff::change& client : c.by_client)
//     std::cout << client.key << ' ' << client.revenue_change << '\n';
//
// Each tariff prices the history as billing would: every contract's lines in work order with its
// plan's allowances (from an empty state at the start of the history) and its plan's fees for
// every statement period the history touches. The comparison reports the change in revenue and
// margin in total, per client, per item and per calendar month, and every line whose price
// changed with both pricings (and their traces) side by side. docs/compare.md explains each
// figure.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <tariff/billing.hpp>
#include <tariff/cancel.hpp>
#include <tariff/decimal.hpp>
#include <tariff/export.h>
#include <tariff/model.hpp>
#include <tariff/pricing.hpp>

namespace tariff {

/// One group's figures under both tariffs: the whole history, a client, an item, a month.
struct TARIFF_API change {
  std::string key;               ///< client id, item code, month ("2026-03"); empty for a total
  std::size_t lines = 0;         ///< work lines in the group
  std::size_t changed = 0;       ///< of them, lines priced differently (see line_change)
  std::size_t old_rejected = 0;  ///< lines the current tariff could not price
  std::size_t new_rejected = 0;  ///< lines the proposed tariff could not price
  decimal old_revenue;           ///< what the client pays under the current tariff: work and fees
  decimal new_revenue;           ///< under the proposed tariff
  decimal old_cost;              ///< the cost of the work under the current tariff
  decimal new_cost;
  decimal old_margin;  ///< revenue − cost
  decimal new_margin;
  /// new − old revenue.
  [[nodiscard]] decimal revenue_change() const { return new_revenue - old_revenue; }
  /// new − old margin.
  [[nodiscard]] decimal margin_change() const { return new_margin - old_margin; }
  /// The revenue change as a percent of the old revenue, 2 decimals half_even; empty when the old
  /// revenue is 0.
  [[nodiscard]] std::optional<decimal> revenue_change_percent() const;
  friend bool operator==(const change&, const change&) = default;
};

/// A work line the two tariffs priced differently: its amount, cost, billed quantity or
/// rejection differs.
struct line_change {
  std::size_t index = 0;  ///< the line's position in the history
  std::string client;     ///< the client of the line's contract (empty if the contract is unknown)
  priced_line old_line;   ///< as the current tariff priced it (with its trace if traced)
  priced_line new_line;   ///< as the proposed tariff priced it
  friend bool operator==(const line_change&, const line_change&) = default;
};

/// What compare() found.
struct comparison {
  std::string currency;
  std::string old_name, new_name;  ///< the tariffs' names (their `tariff` headers)
  std::string old_hash, new_hash;  ///< their source hashes
  date_span history;               ///< the days from the first dated line to the last; fees are
                                   ///< charged for the statement periods that overlap it
  change total;                    ///< everything: work and fees
  change fees;                     ///< the plans' fees alone (lines and changed stay 0)
  std::vector<change> by_client;   ///< work and fees, by client id, sorted
  std::vector<change> by_item;     ///< work alone, by item code, sorted
  std::vector<change> by_month;    ///< work by the line's local month, fees by the first day they
                                   ///< cover; sorted
  std::vector<line_change> lines;  ///< the changed lines, in history order (if kept)
};

/// How to compare.
struct TARIFF_API compare_options {
  bool trace = true;         ///< record traces in the changed lines (figures are identical)
  bool keep_lines = true;    ///< keep the changed lines; off: only the figures
  bool include_fees = true;  ///< charge the plans' fees; off: work only
  /// Plans the proposed tariff renamed, old name to new: a contract on plan `old` is priced, and
  /// charged its fees, under the new tariff with plan `new` (under the current one, with `old`);
  /// so is a contract from the day an amendment changes it to plan `old`.
  /// The constructor and compare() throw call_error for a name the tariff does not have.
  std::map<std::string, std::string, std::less<>> renamed_plans;
  /// Called now and then with the lines priced so far of `total` (each line is priced twice, so
  /// total is twice the history); for a progress bar. Runs on the calling thread.
  std::function<void(std::size_t done, std::size_t total)> progress;
  /// When to give up (cancel.hpp): looked at every 64 lines of each contract under each tariff,
  /// and before each statement period whose fees are charged. compare() then throws cancelled
  /// counting the lines priced of twice the history ("lines priced"). A stream's add() throws
  /// the pricing's cancelled and adds nothing to the figures; after a cancelled finish() the
  /// stream is only to be dropped.
  stop_condition stop{};
};

/// compare() a contract at a time, for a history too long to hold at once: each contract's lines
/// are added once, in any order, then finish() gives the figures compare() gives for the whole
/// history. The changed lines are handed back as they are found, for the host to write or drop,
/// rather than kept (compare() gathers them in history order).
///
///     tariff::comparison_stream stream(current, proposed, {.trace = false});
///     for (/* each contract and its lines */)
///       for (const tariff::line_change& l : stream.add(&deal, lines, positions))
///         write(l);
///     const tariff::comparison figures = stream.finish(contracts);
class TARIFF_API comparison_stream {
 public:
  /// Throws call_error if the tariffs bill in different currencies, or if `renamed_plans` names a
  /// plan the current tariff (old names) or the proposed one (new names) lacks. Both tariffs must
  /// outlive the stream. `options.progress` is not called (the stream does not know the total).
  comparison_stream(const compiled_tariff& old_tariff, const compiled_tariff& new_tariff,
                    const compare_options& options = {});
  comparison_stream(comparison_stream&&) noexcept;
  comparison_stream& operator=(comparison_stream&&) noexcept;
  ~comparison_stream();

  /// Prices one contract's lines with both tariffs, as compare() does, and adds them to the
  /// figures; `deal` null for lines naming no contract (rejected by both). `positions` gives
  /// each line's position in the history (line_change::index); throws call_error if
  /// it is not one per line. Returns the lines priced differently (none unless keep_lines).
  [[nodiscard]] std::vector<line_change> add(const contract* deal, std::span<const work_line> lines,
                                             std::span<const std::size_t> positions);
  /// Adds the plans' fees of `contracts` (as compare() takes them) for the days of the lines
  /// added, and returns the figures, without lines. Call once, last.
  [[nodiscard]] comparison finish(std::span<const contract> contracts);

 private:
  struct sums;
  std::unique_ptr<sums> sums_;
};

/// Prices `history` done under `contracts` with both tariffs and reports the difference. Lines
/// naming no contract in `contracts` are rejected by both. Throws call_error as
/// comparison_stream's constructor does.
[[nodiscard]] TARIFF_API comparison compare(const compiled_tariff& old_tariff,
                                            const compiled_tariff& new_tariff,
                                            std::span<const contract> contracts,
                                            std::span<const work_line> history,
                                            const compare_options& options = {});

}  // namespace tariff
