// Work a statement is given, sorted against the ledger of what was billed (docs/design.md, decision
// 11): new lines are priced, lines sent again are skipped, changed ones are reversed and priced
// again, voided ones reversed. Only the sorting is here; bill() prices and records.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <tariff/billing.hpp>

namespace tariff::bill_stage {

/// What to do with each work line.
struct sorted_work {
  struct reversed {
    const billing_state::billed_line* billed;  ///< the ledger's record
    reversal_reason reason;
    std::size_t index;  ///< the work line that reverses it
  };
  std::vector<std::size_t> to_price;        ///< new and corrected lines, by index
  std::vector<std::string> fingerprints;    ///< of every work line, by index ("" if not needed)
  std::vector<std::size_t> by_id;           ///< the contract's lines by id, then by index
  std::vector<reversed> reversals;          ///< corrections and voids, in input order
  std::vector<std::string> already_billed;  ///< ids skipped, in input order
  std::vector<std::pair<std::size_t, priced_line>> rejected;  ///< refused before pricing
};

/// Sorts `work` for `deal` against `billed` (the ledger's records, sorted by id). A line of another
/// contract whose id the ledger holds is refused (moved_contract); a line of another contract the
/// ledger does not hold is left out (it is that contract's to bill). Throws billing_input_error
/// for a repeat under repeat_policy::error.
sorted_work sort_work(const contract& deal, std::span<const work_line> work,
                      std::span<const billing_state::billed_line> billed, repeat_policy on_repeat);

/// The fingerprint the ledger keeps for a voided line.
inline constexpr std::string_view voided_fingerprint = "void";

}  // namespace tariff::bill_stage
