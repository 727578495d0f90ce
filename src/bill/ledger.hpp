// The allowance use a billing run reads and adds to: the opening state as a map, and back.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tuple>
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
  // Looked up by a key the caller holds, without copying it into a slot: a look-up is made for
  // every line an allowance or a tier reads.
  using slot_view = std::pair<std::string_view, local_date>;
  struct slot_order {
    using is_transparent = void;
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      const std::string_view a_key = a.first, b_key = b.first;
      return std::tie(a_key, a.second) < std::tie(b_key, b.second);
    }
  };
  std::map<slot, billing_state::allowance_use, slot_order> uses_;
  std::map<slot, billing_state::volume, slot_order> volumes_;
};

/// The calendar periods of this kind: months, quarters or years.
period_scheme scheme_of(vocabulary::period_kind kind);

}  // namespace tariff::bill_stage
