#include "bill/ledger.hpp"

#include "model/allowance_key.hpp"

namespace tariff::bill_stage {

using model::canonical_allowance_key;

allowance_ledger::allowance_ledger(const billing_state& opening) {
  for (const billing_state::allowance_use& u : opening.allowances) {
    // A host may hold a key in an older spelling ("visit+call/month"); the engine's is sorted.
    std::string key = canonical_allowance_key(u.allowance);
    auto [at, added] = uses_.try_emplace({key, u.period.first},
                                         billing_state::allowance_use{key, u.period, u.used});
    if (!added) at->second.used += u.used;  // a state written twice adds up
  }
  for (const billing_state::volume& v : opening.volumes) {
    auto [at, added] = volumes_.try_emplace({v.item, v.period.first}, v);
    if (!added) at->second.quantity += v.quantity;
  }
}

decimal allowance_ledger::volume(const std::string& item, const date_span& period) const {
  const auto found = volumes_.find(slot_view{item, period.first});
  return found == volumes_.end() ? decimal() : found->second.quantity;
}

void allowance_ledger::add_volume(const std::string& item, const date_span& period,
                                  const decimal& quantity) {
  auto at = volumes_.lower_bound(slot_view{item, period.first});
  if (at == volumes_.end() || at->first.first != item || at->first.second != period.first)
    at = volumes_.emplace_hint(at, slot{item, period.first},
                               billing_state::volume{item, period, {}});
  at->second.quantity += quantity;
}

decimal allowance_ledger::used(const std::string& key, const date_span& period) const {
  const auto found = uses_.find(slot_view{key, period.first});
  return found == uses_.end() ? decimal() : found->second.used;
}

void allowance_ledger::add(const std::string& key, const date_span& period,
                           const decimal& quantity) {
  auto at = uses_.lower_bound(slot_view{key, period.first});
  if (at == uses_.end() || at->first.first != key || at->first.second != period.first)
    at = uses_.emplace_hint(at, slot{key, period.first},
                            billing_state::allowance_use{key, period, {}});
  at->second.used += quantity;
}

billing_state allowance_ledger::state() const {
  billing_state s;
  s.allowances.reserve(uses_.size());
  for (const auto& [where, use] : uses_)
    s.allowances.push_back(use);
  s.volumes.reserve(volumes_.size());
  for (const auto& [where, v] : volumes_)
    s.volumes.push_back(v);
  return s;
}

period_scheme scheme_of(vocabulary::period_kind kind) {
  switch (kind) {
    case vocabulary::period_kind::month:
      return period_scheme::monthly();
    case vocabulary::period_kind::quarter:
      return period_scheme::quarterly();
    case vocabulary::period_kind::year:
      return period_scheme::yearly();
  }
  return period_scheme::monthly();
}

}  // namespace tariff::bill_stage
