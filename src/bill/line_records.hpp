// The ledger's records of work lines (docs/design.md, decision 11): what a statement reverses and
// what it bills, kept while the statement is made and written into the closing state at its end.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include <tariff/billing.hpp>

#include "bill/allowances.hpp"
#include "bill/ledger.hpp"
#include "plan/program.hpp"

namespace tariff::bill_stage {

class line_records {
 public:
  explicit line_records(std::size_t work_lines) : priced_(work_lines) {}

  /// Takes back the line `was` records: its figures negated, its included quantity returned to
  /// its periods' pools (and its volume to its item's) in `use` and as negative `takes`. Returns
  /// the reversal, or nothing when `was` is a void's record (nothing is left to take back).
  std::optional<reversal> reverse(const billing_state::billed_line& was, reversal_reason reason,
                                  const plan::plan& p, allowance_ledger& use,
                                  std::vector<allowance_take>& takes);

  /// Work line `work` was priced, with allowance takes [first_take, end_take) and `volume` added.
  void priced(std::size_t work, std::size_t first_take, std::size_t end_take, decimal volume,
              bool adjustment);

  /// Writes the records into `lines` (the state's, sorted by id): those reversed are replaced,
  /// each line and adjustment of `s` gets its record, with `fingerprints` (by work index).
  void close(const plan::tariff_program& program, const statement& s,
             std::vector<std::string>& fingerprints, const std::vector<allowance_take>& takes,
             std::vector<billing_state::billed_line>& lines);

 private:
  struct priced_line_use {
    std::size_t first_take = 0;  // its allowance takes: [first_take, end_take)
    std::size_t end_take = 0;
    decimal volume;  // what it added to its tiered item's volume
  };
  std::vector<priced_line_use> priced_;           // by work index
  std::vector<std::size_t> lines_, adjustments_;  // the work index of each, in statement order
  std::set<std::string, std::less<>> replaced_;   // ids whose records are rewritten
  std::vector<billing_state::billed_line> voided_;
};

}  // namespace tariff::bill_stage
