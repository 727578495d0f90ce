// Unit prices remembered from line to line and from call to call (trace off only).
//
// A part's unit price is a pure function of the item (its price, discount and cost), the part's
// labels, and the line-level facts the rules read: the attributes' texts, the contract year, the
// kind of work, the line's date, the contract's dates. Work repeats a few of those combinations
// (the regions of a client's sites, its contract year, day or night), so once a combination was
// priced the rules need not run again: the memo keys a price by exactly those inputs, found by
// scanning the compiled code once for what it reads. A tariff whose rules read a line's quantity
// or duration varies too much to gain and is priced without it; so are tiered items and overage
// prices. Traced pricing keeps each price's trace steps beside it (they are the rules' steps on
// the same inputs); a price stored without its steps is priced again, with them, when traced
// pricing meets it. An evaluation that fails is never stored, so every rejection still happens
// where the rules say. price_options::memo turns it off (include/tariff/pricing.hpp).
//
// One memo per thread and program (for_thread), kept across calls: hosts price a contract at a
// time, and the next contract's lines mostly repeat combinations already seen. It holds copies of
// the texts it keys on, never pointers into a caller's data, and forgets everything past
// max_keys line-level combinations, max_entries prices or max_trace_steps trace steps, so its
// memory stays bounded (about 3 MB at most per thread).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <tariff/model.hpp>
#include <tariff/pricing.hpp>

#include "plan/evaluate.hpp"
#include "plan/program.hpp"

namespace tariff::price_stage {

class unit_price_memo {
 public:
  /// The calling thread's memo for `program`; replaced when the thread prices another program.
  static unit_price_memo& for_thread(const plan::tariff_program& program);
  explicit unit_price_memo(const plan::tariff_program& program);

  /// Whether the rules read only what the memo keys on.
  bool usable() const { return usable_; }
  /// Records the line-level inputs of the line being priced (only when usable()).
  void start_line(const plan::line_facts& line);
  static constexpr std::uint32_t no_trace = 0xFFFFFFFF;
  // Kept small, since find() scans them: the trace steps live apart, in traces_.
  struct entry {
    const plan::item* it;
    segment_labels labels;
    decimal price;
    std::uint32_t trace = no_trace;  ///< traces_[trace]: the steps that made `price`
  };
  /// The remembered unit price of a part of the current line, or null; `with_trace`: only one
  /// remembered with its trace steps.
  const entry* find(const plan::item& it, const segment_labels& labels, bool with_trace) const;
  /// The steps of an entry found with its trace.
  const std::vector<trace_step>& trace_of(const entry& e) const { return traces_[e.trace]; }
  /// Remembers a part's unit price for the current line's inputs, and its trace steps if given
  /// (and the bound on steps allows).
  void add(const plan::item& it, const segment_labels& labels, const decimal& price,
           const std::vector<trace_step>* trace);

 private:
  // The line-level inputs; `texts` point into the line being priced, `owned` (in stored keys)
  // holds copies. Only the facts the code reads are filled; the rest stay at their defaults.
  struct line_key {
    std::vector<const std::string*> texts;
    std::vector<std::optional<std::string>> owned;
    int year = 0;
    work_kind kind = work_kind::billable;
    bool billable = false;
    local_date date{};
    local_date start{}, end{}, since{};
  };
  static constexpr std::size_t max_keys = 4096;
  static constexpr std::size_t max_entries_per_key = 32;
  static constexpr std::size_t max_entries = 16384;
  static constexpr std::size_t max_trace_steps = 8192;  // about 150 bytes each

  bool matches(const line_key& stored) const;  // stored == current_
  void clear();
  std::uint64_t hash_current() const;

  std::uint64_t serial_;
  bool usable_ = true;
  const plan::tariff_program& program_;
  std::vector<std::uint32_t> slots_;  ///< attributes any code reads
  bool year_ = false, kind_ = false, billable_ = false, date_ = false, deal_ = false;
  line_key current_;
  std::size_t key_ = 0;                  ///< the current line's key in keys_
  std::array<std::size_t, 4> recent_{};  ///< keys found lately, tried first
  std::size_t next_recent_ = 0;
  std::vector<line_key> keys_;
  std::vector<std::vector<entry>> entries_;  ///< by key
  std::unordered_multimap<std::uint64_t, std::size_t> by_hash_;
  std::size_t entry_count_ = 0;
  std::size_t trace_steps_ = 0;
  std::vector<std::vector<trace_step>> traces_;  ///< by entry::trace
};

}  // namespace tariff::price_stage
