#include "bill/ledger.hpp"

namespace tariff::detail {

allowance_ledger::allowance_ledger(const billing_state& opening) {
  for (const billing_state::allowance_use& u : opening.allowances) {
    auto [at, added] = uses_.try_emplace({u.allowance, u.period.first}, u);
    if (!added) at->second.used += u.used;  // a state written twice adds up
  }
}

decimal allowance_ledger::used(const std::string& key, const date_span& period) const {
  const auto found = uses_.find({key, period.first});
  return found == uses_.end() ? decimal() : found->second.used;
}

void allowance_ledger::add(const std::string& key, const date_span& period,
                           const decimal& quantity) {
  auto [at, added] =
      uses_.try_emplace({key, period.first}, billing_state::allowance_use{key, period, {}});
  at->second.used += quantity;
}

billing_state allowance_ledger::state() const {
  billing_state s;
  s.allowances.reserve(uses_.size());
  for (const auto& [where, use] : uses_)
    s.allowances.push_back(use);
  return s;
}

period_scheme scheme_of(ast::period_kind kind) {
  switch (kind) {
    case ast::period_kind::month:
      return period_scheme::monthly();
    case ast::period_kind::quarter:
      return period_scheme::quarterly();
    case ast::period_kind::year:
      return period_scheme::yearly();
  }
  return period_scheme::monthly();
}

}  // namespace tariff::detail
