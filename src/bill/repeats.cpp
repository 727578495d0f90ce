#include "bill/repeats.hpp"

#include <algorithm>
#include <string_view>

#include "errors/release.hpp"
#include "errors/stop_point.hpp"
#include "price/line_pricer.hpp"

namespace tariff::bill_stage {

using price_stage::line_pricer;

namespace {

priced_line refused(const work_line& w, reject_reason reason, const std::string& message) {
  priced_line line;
  line.id = w.id;
  line.request = w.request;
  line.contract = w.contract;
  line.item = w.item;
  line.kind = w.kind;
  line_pricer::fail(line, reason, message);
  return line;
}

void repeat(const contract& deal, const work_line& w, repeat_policy on_repeat,
            std::vector<std::string>& skipped) {
  if (on_repeat == repeat_policy::error)
    throw billing_input_error("contract '" + deal.id + "': line '" + w.id +
                              "' was billed before as it is now (on_repeat: error)");
  skipped.push_back(w.id);
}

// The indexes of the lines of `deal`, by id and then by index: the ids sorted once, for the
// repeated ids here and for the order of the ledger's records (line_records::close).
std::vector<std::size_t> lines_by_id(const contract& deal, std::span<const work_line> work) {
  std::vector<std::size_t> order;
  order.reserve(work.size());
  for (std::size_t i = 0; i < work.size(); ++i) {
    errors::poll_every(i, work.size(), "lines read");  // bill()'s stop condition
    if (work[i].contract == deal.id) order.push_back(i);
  }
  // bill()'s stop condition is looked at while a long list is sorted (a usual bill's stop is
  // reported from sort_work's loop, with its count of lines read).
  errors::sort_watched(
      order.begin(), order.end(),
      [&](std::size_t a, std::size_t b) {
        const int c = work[a].id.compare(work[b].id);
        return c != 0 ? c < 0 : a < b;
      },
      "lines read");
  return order;
}

// For each line in `by_id`, the index of the first line with its id (its own for the first): a
// sorted list rather than a hash set of the ids, which allocated a node per line.
std::vector<std::size_t> first_with_same_id(std::span<const work_line> work,
                                            const std::vector<std::size_t>& by_id) {
  std::vector<std::size_t> first(work.size());
  for (std::size_t k = 0; k < by_id.size(); ++k) {
    errors::poll_every(k, by_id.size(), "lines read");  // bill()'s stop condition
    const std::size_t i = by_id[k];
    first[i] = k > 0 && work[by_id[k - 1]].id == work[i].id ? first[by_id[k - 1]] : i;
  }
  return first;
}

}  // namespace

sorted_work sort_work(const contract& deal, std::span<const work_line> work,
                      std::span<const billing_state::billed_line> billed, repeat_policy on_repeat) {
  sorted_work out;
  // Cancelled among a million lines, their fingerprints are freed off the caller's thread.
  const errors::release_on_unwind release(work.size() >= errors::release_elsewhere_from, out);
  out.fingerprints.resize(work.size());
  out.to_price.reserve(work.size());
  out.by_id = lines_by_id(deal, work);
  const std::vector<std::size_t> first = first_with_same_id(work, out.by_id);
  const auto find = [&](std::string_view id) -> const billing_state::billed_line* {
    const auto at =
        std::lower_bound(billed.begin(), billed.end(), id,
                         [](const auto& l, std::string_view key) { return l.id < key; });
    return at != billed.end() && at->id == id ? &*at : nullptr;
  };
  for (std::size_t i = 0; i < work.size(); ++i) {
    errors::poll_every(i, work.size(), "lines read");  // bill()'s stop condition
    const work_line& w = work[i];
    const billing_state::billed_line* recorded = billed.empty() ? nullptr : find(w.id);
    if (w.contract != deal.id) {
      if (recorded != nullptr)
        out.rejected.emplace_back(
            i, refused(w, reject_reason::moved_contract,
                       "it was billed to contract '" + deal.id + "' and now names contract '" +
                           w.contract +
                           "': a billed line cannot move; void it here and send it there "
                           "under a new id"));
      // Another contract's line not billed here is that contract's: a host billing each contract
      // from one list of work (as the tool does) gets its own lines only, not the rest rejected.
      continue;
    }
    std::string& print = out.fingerprints[i];
    print = w.voided ? std::string(voided_fingerprint) : work_fingerprint(w);
    if (first[i] != i) {  // a second line with this id in the same input
      if (out.fingerprints[first[i]] == print)
        repeat(deal, w, on_repeat, out.already_billed);
      else
        out.rejected.emplace_back(
            i, refused(w, reject_reason::duplicate_id,
                       std::string("it appears earlier in this input with other contents: send ") +
                           "one version of a line"));
      continue;
    }
    if (recorded == nullptr) {
      if (w.voided)
        out.rejected.emplace_back(
            i, refused(w, reject_reason::not_billed,
                       "it is marked void, but contract '" + deal.id +
                           "' has not billed it (or billed it before the late-work horizon)"));
      else
        out.to_price.push_back(i);
      continue;
    }
    const billing_state::billed_line& was = *recorded;
    if (was.fingerprint == print) {
      repeat(deal, w, on_repeat, out.already_billed);
    } else if (w.voided) {
      out.reversals.push_back({&was, reversal_reason::voided, i});
    } else {
      // A correction; if the new version cannot be billed, bill() keeps the old one.
      out.reversals.push_back({&was, reversal_reason::corrected, i});
      out.to_price.push_back(i);
    }
  }
  return out;
}

}  // namespace tariff::bill_stage
