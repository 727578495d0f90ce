#include "bill/allowances.hpp"

#include <algorithm>
#include <numeric>

#include "price/parts.hpp"

namespace tariff::bill_stage {

using plan::allowance;
using plan::item;
using price_stage::line_pricer;
using price_stage::split_part;

namespace {

// The order in which a line's parts use an allowance: time order, or by unit price.
std::vector<std::size_t> use_order(const std::vector<priced_part>& parts,
                                   vocabulary::allowance_order o) {
  std::vector<std::size_t> order(parts.size());
  std::iota(order.begin(), order.end(), 0);
  if (o == vocabulary::allowance_order::cheapest)
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return parts[a].unit_price < parts[b].unit_price;
    });
  if (o == vocabulary::allowance_order::dearest)
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return parts[b].unit_price < parts[a].unit_price;
    });
  return order;
}

}  // namespace

decimal used_in(const allowance_ledger& ledger, const allowance& a, const date_span& period) {
  decimal used = ledger.used(a.key, period);
  for (const std::string& earlier : a.earlier_keys)
    used += ledger.used(earlier, period);
  return used;
}

bool counts_for(const allowance& a, const allowance_take& t) {
  const std::string& key = t.key();
  return t.allowance == &a || key == a.key ||
         std::find(a.earlier_keys.begin(), a.earlier_keys.end(), key) != a.earlier_keys.end();
}

void apply_allowances(line_pricer& pricer, const plan::plan& p, const item& it, priced_line& line,
                      allowance_ledger& ledger, std::vector<allowance_take>& takes) {
  const allowance* overage = nullptr;
  const std::size_t first_take = takes.size();
  for (std::size_t a = 0; a < p.allowances.size(); ++a) {
    const allowance& al = p.allowances[a];
    if (!al.items[it.id]) continue;
    if (overage == nullptr && al.overage) overage = &al;
    const date_span period = scheme_of(al.period).containing(*line.date);
    const decimal before = used_in(ledger, al, period);
    decimal left = al.amount - before;
    decimal taken;
    // Each pass takes one part (whole, or its first piece), then looks again: splitting a part
    // shifts the indexes after it.
    while (left.sign() > 0) {
      std::optional<std::size_t> next;
      auto free = [&](std::size_t i) {
        return line.parts[i].allowance.empty() && line.parts[i].billed.value.sign() > 0;
      };
      if (p.order == vocabulary::allowance_order::work) {  // time order: no order to build
        for (std::size_t i = 0; i < line.parts.size() && !next; ++i)
          if (free(i)) next = i;
      } else {
        for (std::size_t i : use_order(line.parts, p.order))
          if (free(i)) {
            next = i;
            break;
          }
      }
      if (!next) break;
      std::size_t i = *next;
      if (line.parts[i].billed.value > left) split_part(line.parts, i, left);
      line.parts[i].allowance = al.key;
      taken += line.parts[i].billed.value;
      left -= line.parts[i].billed.value;
    }
    if (taken.sign() == 0) continue;
    ledger.add(al.key, period, taken);
    takes.push_back({&al, period, before, taken, {}, line.id});
  }
  bool changed = takes.size() > first_take;
  if (overage != nullptr)
    for (priced_part& part : line.parts)
      if (part.allowance.empty() && part.billed.value.sign() > 0) {
        pricer.reprice(it, part, *overage->overage, line.billed.value);
        changed = true;
      }
  // A line no allowance took from and no overage repriced stands as price() finished it.
  if (!changed) return;
  pricer.finish(it, true, line);
  // Covered values are known once the parts are finished.
  for (std::size_t t = first_take; t < takes.size(); ++t)
    for (const priced_part& part : line.parts)
      if (part.allowance == takes[t].allowance->key) takes[t].covered += part.covered;
}

}  // namespace tariff::bill_stage
