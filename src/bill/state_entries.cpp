#include "bill/state_entries.hpp"

#include <algorithm>
#include <stdexcept>

#include "model/allowance_key.hpp"

namespace tariff::bill_stage {

using model::canonical_allowance_key;
using plan::allowance;
using plan::tariff_program;

namespace {

std::string listed(const std::vector<std::string>& names) {
  if (names.empty()) return "none";
  std::string out;
  for (const std::string& n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

void check_state_entries(const tariff_program& program, const plan::plan& p, const contract& deal,
                         const billing_state& opening,
                         const std::function<bool(const date_span&)>& open,
                         std::vector<alert>* alerts) {
  std::vector<std::string> keys;
  for (const allowance& a : p.allowances) {
    keys.push_back(a.key);
    // Use under a key an earlier version migrated here counts here (docs/design.md, decision 12).
    keys.insert(keys.end(), a.earlier_keys.begin(), a.earlier_keys.end());
  }
  auto unknown = [&](const std::string& what, const date_span& period, const std::string& known) {
    const std::string entry = "the opening state's " + what + " for " + format_span(period);
    if (open(period))
      throw billing_input_error("contract '" + deal.id + "': " + entry +
                                " matches nothing in plan '" + p.name + "' (" + known +
                                "); the period is still open to the work billed, so the "
                                "statement is refused: correct the key or remove the entry");
    if (alerts != nullptr)
      alerts->push_back({alert_kind::unknown_state_entry,
                         entry + " matches nothing in plan '" + p.name + "' (" + known +
                             "); kept in the state, not used",
                         {},
                         {},
                         {},
                         {}});
  };
  for (const billing_state::allowance_use& u : opening.allowances) {
    const std::string key = canonical_allowance_key(u.allowance);
    if (std::find(keys.begin(), keys.end(), key) == keys.end())
      unknown("allowance '" + u.allowance + "'", u.period, "its allowances: " + listed(keys));
  }
  for (const billing_state::volume& v : opening.volumes)
    if (program.item_ids.find(v.item) == program.item_ids.end())
      unknown("volume of item '" + v.item + "'", v.period,
              "tariff '" + program.name + "' has no such item");
}

}  // namespace tariff::bill_stage
