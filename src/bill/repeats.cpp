#include "bill/repeats.hpp"

#include <algorithm>
#include <unordered_map>

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

}  // namespace

sorted_work sort_work(const contract& deal, std::span<const work_line> work,
                      std::span<const billing_state::billed_line> billed, repeat_policy on_repeat) {
  sorted_work out;
  out.fingerprints.resize(work.size());
  std::unordered_map<std::string_view, std::size_t> seen;  // ids of this input: the first's index
  seen.reserve(work.size());
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
    const auto [first, added] = seen.try_emplace(w.id, i);
    if (!added) {  // a second line with this id in the same input
      if (out.fingerprints[first->second] == print)
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
