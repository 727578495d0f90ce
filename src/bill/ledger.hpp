// The allowance use a billing run reads and adds to: the opening state as a map, and back.
#pragma once

#include <map>
#include <string>
#include <utility>

#include <tariff/billing.hpp>

#include "vocabulary/vocabulary.hpp"

namespace tariff::bill_stage {

class allowance_ledger {
 public:
  explicit allowance_ledger(const billing_state& opening);

  /// What allowance `key` has used in `period` so far.
  decimal used(const std::string& key, const date_span& period) const;
  /// Records `quantity` more used.
  void add(const std::string& key, const date_span& period, const decimal& quantity);
  /// The billed volume of tiered item `item` in statement period `period` so far.
  decimal volume(const std::string& item, const date_span& period) const;
  /// Records `quantity` more billed of a tiered item.
  void add_volume(const std::string& item, const date_span& period, const decimal& quantity);
  /// The state with everything recorded, sorted by allowance (item), then period.
  billing_state state() const;

 private:
  using slot = std::pair<std::string, local_date>;  // allowance key or item, period's first day
  std::map<slot, billing_state::allowance_use> uses_;
  std::map<slot, billing_state::volume> volumes_;
};

/// The calendar periods of this kind: months, quarters or years.
period_scheme scheme_of(vocabulary::period_kind kind);

}  // namespace tariff::bill_stage
