// The allowance use a billing run reads and adds to: the opening state as a map, and back.
#pragma once

#include <map>
#include <string>
#include <utility>

#include <tariff/billing.hpp>

#include "ast/ast.hpp"

namespace tariff::detail {

class allowance_ledger {
 public:
  explicit allowance_ledger(const billing_state& opening);

  /// What allowance `key` has used in `period` so far.
  decimal used(const std::string& key, const date_span& period) const;
  /// Records `quantity` more used.
  void add(const std::string& key, const date_span& period, const decimal& quantity);
  /// The state with everything recorded, sorted by allowance, then period.
  billing_state state() const;

 private:
  using slot = std::pair<std::string, local_date>;  // allowance key, period's first day
  std::map<slot, billing_state::allowance_use> uses_;
};

/// The calendar periods of this kind: months, quarters or years.
period_scheme scheme_of(ast::period_kind kind);

}  // namespace tariff::detail
