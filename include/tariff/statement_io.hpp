// tariff — statements as JSON and as text, and the billing state as JSON (docs/formats.md,
// "Statements" and "Billing state").
//
//   tariff::statement s = tariff::bill(tariff, contract, march, opening, work);
//   std::cout << tariff::write_statement_text(s, tariff, {.explain = true});
//   save_to_host(tariff::write_state_json(s.closing));         // the opening state of April
//   auto read = tariff::read_state_json(load_from_host());
//   if (!read.errors.empty()) { /* report them; do not bill from this state */ }
//
// Decimals are written exactly, with their scale; periods are written as their first and last
// day, both inclusive. read_state_json returns one state in `rows` unless the document cannot be
// read at all; each error names the element (its position in "allowances", from 1) and the key.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/billing.hpp>
#include <tariff/export.h>
#include <tariff/io.hpp>
#include <tariff/priced_io.hpp>

namespace tariff {

/// The statement as one JSON object: every field, lines as write_priced_json writes them.
[[nodiscard]] TARIFF_API std::string write_statement_json(const statement& s,
                                                          const compiled_tariff& tariff);

/// What a statement was billed from, recorded beside it so that `tariff verify` can bill it again
/// and compare every figure (docs/statement.md, "Checking a past statement"). Views of the
/// caller's data: bill() keeps no copy of its inputs (billing is measured per line), the caller
/// that still holds them names them here when it writes the statement.
struct statement_inputs {
  const contract& billed;                  ///< the contract as billed
  const billing_state& opening;            ///< the opening state given to bill()
  std::span<const work_line> work = {};    ///< the work given to bill() for this contract
  std::span<const payment> payments = {};  ///< the payments given to bill() for this contract
  date_span period = {};                   ///< the period given to bill()
  bill_options options = {};               ///< the options given to bill()
};

/// The same inputs owned: what a host keeps of a bill() call to write its statement later (the
/// Python binding's Tariff.bill does), and what tariff::verify reads back from a statement.
struct owned_statement_inputs {
  contract billed;
  date_span period;
  billing_state opening;
  std::vector<work_line> work;
  std::vector<payment> payments;
  bill_options options;

  /// Views of these, for write_statement_json.
  [[nodiscard]] statement_inputs view() const {
    return {.billed = billed,
            .opening = opening,
            .work = work,
            .payments = payments,
            .period = period,
            .options = options};
  }
};

/// The statement as one JSON object, as above, with an `inputs` section after its figures: the
/// contract, the period, the opening state, the work and payments, and the options that change
/// figures (docs/formats.md, "Statement inputs"). What tariff::verify reads to bill it again.
[[nodiscard]] TARIFF_API std::string write_statement_json(const statement& s,
                                                          const compiled_tariff& tariff,
                                                          const statement_inputs& inputs);

/// The statement as aligned text for a terminal; `explain` adds each part's trace steps.
[[nodiscard]] TARIFF_API std::string write_statement_text(const statement& s,
                                                          const compiled_tariff& tariff,
                                                          const text_options& options = {});

/// The 0.1 form: `explain` as a bool.
[[deprecated("use write_statement_text(s, tariff, {.explain = ...}); removed in 0.3")]] TARIFF_API
    std::string
    write_statement_text(const statement& s, const compiled_tariff& tariff, bool explain);

/// Statements as CSV, one row each with its totals: contract, client, plan, period (first and
/// last day), currency, counts of lines, adjustments and rejected lines, fees, work, revenue,
/// cost, margin and margin percent (empty when there is no revenue), tax, total (what the client
/// owes), and for a plan with `prepaid` what the balance did not cover (owed) and the closing
/// balance (both empty otherwise). A bill run's summary.
[[nodiscard]] TARIFF_API std::string write_statements_csv(std::span<const statement> statements);

/// The billing state as a JSON object in format 2 ({"format": 2, "contract": …, "revision": …,
/// "allowances": [...], …}); read_state_json reads it back.
[[nodiscard]] TARIFF_API std::string write_state_json(const billing_state& state);

/// The billing state from JSON: one state in rows (none if unreadable), errors by element and key.
/// Reads format 2 and format 1 (no `format` key: allowances, volumes and balance only); a format 1
/// state comes back with `format` 1, migrated: an empty ledger, revision 0, no contract.
[[nodiscard]] TARIFF_API read_result<billing_state> read_state_json(std::string_view text);

/// Many contracts' states in one document, {"format": 2, "states": [state, …]}, sorted by
/// contract: what `tariff bill --state` keeps for a portfolio. Each state must name its contract,
/// once (as read_states_json requires); throws tariff::call_error otherwise.
[[nodiscard]] TARIFF_API std::string write_states_json(std::span<const billing_state> states);

/// Many contracts' states: a document write_states_json wrote, or one state (either format) as
/// read_state_json reads it. Each state of a `states` array must name its contract, once.
[[nodiscard]] TARIFF_API read_result<billing_state> read_states_json(std::string_view text);

}  // namespace tariff
