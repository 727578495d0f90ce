#include "bill/line_records.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "bill/repeats.hpp"
#include "bill/taxes.hpp"

namespace tariff::bill_stage {

using plan::tariff_program;

std::optional<reversal> line_records::reverse(const billing_state::billed_line& was,
                                              reversal_reason reason, const plan::plan& p,
                                              allowance_ledger& use,
                                              std::vector<allowance_take>& takes) {
  replaced_.insert(was.id);
  if (was.fingerprint == voided_fingerprint) return std::nullopt;
  if (reason == reversal_reason::voided) {
    billing_state::billed_line record;
    record.id = was.id;
    record.fingerprint = voided_fingerprint;
    record.date = was.date;
    record.item = was.item;
    voided_.push_back(std::move(record));
  }
  for (const billing_state::allowance_use& back : was.included) {
    const decimal before = use.used(back.allowance, back.period);
    use.add(back.allowance, back.period, -back.used);
    for (std::size_t a = 0; a < p.allowances.size(); ++a)
      if (p.allowances[a].key == back.allowance)
        takes.push_back({a, back.period, before, -back.used, decimal(), was.id, &p});
  }
  if (!was.volume.is_zero())
    use.add_volume(was.item, scheme_of(p.period).containing(was.date), -was.volume);
  return reversal{was.id,    reason,   was.date, was.item,    -was.amount,
                  -was.cost, -was.tax, was.rate, was.included};
}

void line_records::priced(std::size_t work, std::size_t first_take, std::size_t end_take,
                          decimal volume, bool adjustment) {
  priced_[work] = {first_take, end_take, std::move(volume)};
  (adjustment ? adjustments_ : lines_).push_back(work);
}

void line_records::close(const tariff_program& program, const statement& s,
                         std::vector<std::string>& fingerprints,
                         const std::vector<allowance_take>& takes,
                         std::vector<billing_state::billed_line>& lines) {
  const auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  // The lines' records are made in id order: sorting their ids, not the finished records, moves
  // a few words per line instead of a record's strings and decimals.
  struct billed_entry {
    std::string_view id;
    const priced_line* line;
    std::size_t work;
  };
  std::vector<billed_entry> order;
  order.reserve(s.lines.size() + s.adjustments.size());
  for (const auto& [section, works] :
       {std::pair{&s.adjustments, &adjustments_}, std::pair{&s.lines, &lines_}})
    for (std::size_t k = 0; k < section->size(); ++k)
      order.push_back({(*section)[k].id, &(*section)[k], (*works)[k]});
  std::sort(order.begin(), order.end(), [](const billed_entry& a, const billed_entry& b) {
    return a.id != b.id ? a.id < b.id : a.work < b.work;
  });
  std::vector<billing_state::billed_line> fresh;
  fresh.reserve(order.size());
  for (const billed_entry& entry : order) {
    const priced_line& l = *entry.line;
    const priced_line_use& used = priced_[entry.work];
    billing_state::billed_line& record = fresh.emplace_back();
    record.id = l.id;
    record.fingerprint = std::move(fingerprints[entry.work]);
    record.date = *l.date;
    record.item = l.item;
    record.amount = l.amount;
    record.cost = l.cost;
    record.tax = l.tax;
    record.rate = rate_name(program, l.item);
    record.volume = used.volume;
    record.included.reserve(used.end_take - used.first_take);
    for (std::size_t t = used.first_take; t < used.end_take; ++t)
      record.included.push_back({takes[t].key(), takes[t].period, takes[t].taken});
  }
  if (!voided_.empty()) {  // few: merged in, not sorted with the lines
    std::sort(voided_.begin(), voided_.end(), by_id);
    std::vector<billing_state::billed_line> with_voids;
    with_voids.reserve(fresh.size() + voided_.size());
    std::merge(std::make_move_iterator(voided_.begin()), std::make_move_iterator(voided_.end()),
               std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()),
               std::back_inserter(with_voids), by_id);
    fresh = std::move(with_voids);
  }
  if (!replaced_.empty())
    std::erase_if(lines, [&](const auto& l) { return replaced_.contains(l.id); });
  if (lines.empty()) {  // a new contract's state, or one whose records were all replaced
    lines = std::move(fresh);
    return;
  }
  std::vector<billing_state::billed_line> merged;
  merged.reserve(lines.size() + fresh.size());
  std::merge(std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()),
             std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()),
             std::back_inserter(merged), by_id);
  lines = std::move(merged);
}

}  // namespace tariff::bill_stage
