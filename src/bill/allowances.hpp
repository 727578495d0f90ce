// Allowances in the path of a line (docs/language.md, pricing semantics §4): a priced line's
// parts are taken by its plan's allowances, whole or split, and what is left is billed.
#pragma once

#include <string>
#include <vector>

#include "bill/ledger.hpp"
#include "plan/program.hpp"
#include "price/line_pricer.hpp"

namespace tariff::bill_stage {

/// One allowance's use by one line.
struct allowance_take {
  const plan::allowance* allowance = nullptr;  ///< the plan's allowance (a key two plans of
                                               ///< a contract share is one allowance to the ledger)
  date_span period;                            ///< the allowance's period the line falls in
  decimal before;                              ///< used in that period before the line
  decimal taken;                               ///< what the line used
  decimal covered;                             ///< the covered value of the parts it included
  std::string line;                            ///< the line's id

  /// The allowance's key.
  const std::string& key() const { return allowance->key; }
};

/// What allowance `a` has used in `period`, with the use recorded under the keys of earlier
/// versions migrated to it (`migrate allowance`, docs/design.md, decision 12).
decimal used_in(const allowance_ledger& ledger, const plan::allowance& a, const date_span& period);
/// Whether `t` counts for allowance `a`: a take of it, of another plan's allowance with its key
/// (a plan change keeps a shared key's use, docs/design.md, decision 13), or of an allowance of
/// an earlier version whose key migrated to it (decision 12).
bool counts_for(const plan::allowance& a, const allowance_take& t);

/// Applies `p`'s allowances to the billable line `line` (priced last by `pricer`, item `it`), in
/// the plan's order of allowances, recording their use in `ledger` and `takes`; reprices what is
/// beyond an allowance with an overage price, then totals the line again.
void apply_allowances(price_stage::line_pricer& pricer, const plan::plan& p, const plan::item& it,
                      priced_line& line, allowance_ledger& ledger,
                      std::vector<allowance_take>& takes);

}  // namespace tariff::bill_stage
