// The pricing of one work line, shared by tariff::price and the billing stage.
//
// One line_pricer per call (per thread): it owns an evaluator and a segment buffer, reused from
// line to line. It validates a line, splits it, bills its quantity, prices each part by the
// rules, and totals it; billing then splits parts by its allowances, reprices overage and
// totals again with finish().
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <tariff/pricing.hpp>

#include "calendar/internal.hpp"
#include "plan/access.hpp"
#include "plan/evaluate.hpp"
#include "plan/program.hpp"
#include "price/memo.hpp"
#include "price/same_text.hpp"

namespace tariff::price_stage {

/// The last few names looked up and what they resolved to: a contract's lines name a handful of
/// zones and items, so a comparison or two replaces a search of the tz database or the item map.
template <typename T>
class recent_names {
 public:
  /// The name found or added last is tried first: consecutive lines mostly repeat it. Only names
  /// added are found (an empty name is not found in the empty entries of a new cache).
  const T* find(const std::string& name) {
    if (filled_ == 0) return nullptr;
    if (same_text(entries_[last_].first, name)) return &entries_[last_].second;
    for (std::size_t i = 0; i < filled_; ++i)
      if (i != last_ && same_text(entries_[i].first, name)) {
        last_ = i;
        return &entries_[i].second;
      }
    return nullptr;
  }
  void add(const std::string& name, T found) {
    last_ = next_++ % entries_.size();
    entries_[last_] = {name, found};
    if (filled_ < entries_.size()) ++filled_;
  }

 private:
  std::array<std::pair<std::string, T>, 4> entries_{};
  std::size_t filled_ = 0;  // entries_[0, filled_) hold names added
  std::size_t next_ = 0;
  std::size_t last_ = 0;  // the entry found or added last
};

/// The pricer of one version of a tariff (the only one of a tariff of one file).
class version_pricer {
 public:
  version_pricer(const plan::tariff_program& program, const price_options& options)
      : program_(program),
        options_(options),
        evaluator_(program_),
        use_memo_(options.memo),
        part_trace_(options.trace && options.parts) {}

  /// Prices one line on its own (no allowances); rejects it with a reason if it cannot be priced.
  priced_line price(const contract* deal, const work_line& work);
  /// As price(), into `out`: a new line (a vector's new element: no priced line is moved) or one
  /// priced before, which is priced again in place and keeps its memory (tariff::price_into).
  void price(const contract* deal, const work_line& work, priced_line& out);
  /// Turns `out` into a rejected line: the reason, "line ID: " + message, no priced figures.
  static void fail(priced_line& out, reject_reason reason, const std::string& message);

  /// Where tiers read the volume billed before a line (the item, the line's date): billing's
  /// running total of the period. Without one, each line's tiers count from 0.
  using volume_source = std::function<decimal(const plan::item&, local_date)>;
  void set_volume_source(volume_source source) { volume_before_ = std::move(source); }

  /// The item of the line price() priced last; null if that line was rejected.
  const plan::item* last_item() const { return last_item_; }
  /// The plan of the contract of the line price() priced last; null if none or rejected.
  const plan::plan* last_plan() const { return last_plan_; }

  /// Prices `part` again from `start` instead of the list price (a plan's overage price), with the
  /// rules in order; `line_billed` is the line's billed quantity. The line must be the one priced
  /// last, so that its facts are still loaded.
  void reprice(const plan::item& it, priced_part& part, const decimal& start,
               const decimal& line_billed);
  /// Recomputes the parts' amounts, covered values and costs, then the line's totals: after
  /// parts were split or repriced.
  void finish(const plan::item& it, bool billable, priced_line& line);

 private:
  struct resolved {
    const plan::plan* contract_plan = nullptr;
    const plan::pricelist* list = nullptr;
    const plan::item* found = nullptr;
  };

  void price_line(const contract* deal, const work_line& work, priced_line& out);
  resolved resolve(const contract& deal, const work_line& work, local_date day);
  void resolve_contract(const contract& deal, local_date day, resolved& r) const;
  static void check_shape(const plan::item& it, const work_line& work);
  // Parts with their measured quantity: segments for time, the whole line for a count.
  void split(const plan::item& it, const work_line& work, const date::time_zone& zone,
             local_date day, priced_line& out);
  // Billing step and minimum (pricing semantics §3); non-billable work bills nothing.
  static void bill_quantities(const plan::item& it, bool billable, priced_line& out);
  static bool bill_seconds(const plan::item& it, bool billable, priced_line& out);
  // Tiers (docs/language.md, Tiers): each part's start price from the tier its quantity falls
  // in, counted from the volume billed before; graduated and percentage tiers split parts.
  void apply_tiers(const plan::item& it, local_date day, priced_line& out);
  void price_parts(const plan::item& it, bool billable, priced_line& out);
  // The start price (the list price less the item's discount, or an overage price) through the
  // rules in written order (§5).
  decimal unit_price(const plan::item& it, priced_part& part, const decimal& line_billed,
                     const decimal* overage);
  /// Throws the line's rejection `negative_price`, naming the step `s` that took the price of a
  /// non-credit item below zero.
  [[noreturn]] void refuse_negative(const plan::item& it, const plan::step* s,
                                    const decimal& price) const;
  bool applies(const plan::rule& r, const plan::item& it, const plan::part_facts& facts);
  plan::value run(const plan::rule& r, const plan::code& c, const plan::part_facts& facts);
  void apply_group(const plan::group& g, const plan::item& it, const plan::part_facts& facts,
                   priced_part& part, decimal& price);
  // What finish() sums over the parts: the amount's numerator (over the unit's seconds, or over
  // 1 with `segment` rounding), the cost's, and the quantity billed beyond allowances.
  struct line_sums {
    decimal amount;
    decimal cost;
    decimal billed;
  };
  // The line's amount: its billed parts, bounded by the charge limits, rounded at `line`.
  void total(const plan::item& it, bool billable, priced_line& out, line_sums& sums);
  line_sums sums_;  // finish()'s, kept to be reused
  void limit(priced_line& out, trace_kind kind, const plan::item& it, const decimal& bound,
             vocabulary::position at, decimal& amount_num, std::int64_t& amount_den);

  const plan::tariff_program& program_;
  const price_options& options_;
  plan::evaluator evaluator_;
  unit_price_memo* memo_ = nullptr;  // the thread's, fetched per line (see price_line)
  bool use_memo_;
  bool part_trace_;  // trace steps of parts: the trace asked for, and parts kept to hold them
  // The lean result (price_options::parts off): the line's parts are worked out here, reused
  // from line to line, and the result's own parts vector stays empty.
  std::vector<priced_part> lean_parts_;
  std::vector<segment> segments_;
  plan::line_facts facts_;
  const plan::item* last_item_ = nullptr;
  const plan::plan* last_plan_ = nullptr;
  volume_source volume_before_;
  // Caches of what consecutive lines share: zones by name and their offsets, item ids by name,
  // the contract's plan and price list, the contract year.
  recent_names<const date::time_zone*> zones_;
  calendar_stage::offset_cache offsets_;
  recent_names<std::uint32_t> item_ids_;
  const contract* resolved_deal_ = nullptr;  // the contract whose plan and list are below
  const plan::plan* deal_plan_ = nullptr;
  const plan::pricelist* deal_list_ = nullptr;
  local_date year_since_{};
  local_date year_from_{};  // year_ holds on [year_from_, year_until_)
  local_date year_until_{};
  int year_ = 0;  // 0: none yet
};

/// The pricer of a tariff: each line is priced by the version in force on its local date
/// (docs/design.md, decision 12). A tariff of one file has one version and pays one branch per
/// line for this; a versioned one finds the line's date first, then its version's pricer.
class line_pricer {
 public:
  line_pricer(const compiled_tariff& tariff, const price_options& options)
      : program_(plan::program_of(tariff)),
        options_(options),
        newest_(program_, options),
        one_version_(program_.versions.empty()) {}

  /// Prices one line on its own (no allowances); rejects it with a reason if it cannot be priced.
  priced_line price(const contract* deal, const work_line& work) {
    return pricer_for(work).price(deal, work);
  }
  /// As price(), into `out` (tariff::price_into).
  void price(const contract* deal, const work_line& work, priced_line& out) {
    pricer_for(work).price(deal, work, out);
  }
  /// Turns `out` into a rejected line: the reason, "line ID: " + message, no priced figures.
  static void fail(priced_line& out, reject_reason reason, const std::string& message) {
    version_pricer::fail(out, reason, message);
  }
  using volume_source = version_pricer::volume_source;
  /// Where tiers read the volume billed before a line: every version's pricer reads it.
  void set_volume_source(const volume_source& source);

  /// The item of the line price() priced last; null if that line was rejected.
  const plan::item* last_item() const { return last_->last_item(); }
  /// The plan of the contract of the line price() priced last, in the version that priced it.
  const plan::plan* last_plan() const { return last_->last_plan(); }
  /// The version's program that priced the line price() priced last.
  const plan::tariff_program& last_program() const { return *last_program_; }
  /// As version_pricer::reprice, by the version that priced the line last.
  void reprice(const plan::item& it, priced_part& part, const decimal& start,
               const decimal& line_billed) {
    last_->reprice(it, part, start, line_billed);
  }
  /// As version_pricer::finish, by the version that priced the line last.
  void finish(const plan::item& it, bool billable, priced_line& line) {
    last_->finish(it, billable, line);
  }

 private:
  version_pricer& pricer_for(const work_line& work) {
    if (one_version_) [[likely]]
      return newest_;  // one version: the one branch
    return versioned_pricer_for(work);
  }
  version_pricer& versioned_pricer_for(const work_line& work);

  // What only a versioned tariff needs, made on its first line: a tariff of one file pays
  // nothing for it (a pricer is made per call, and a call may price a few lines).
  struct versioned {
    std::vector<std::unique_ptr<version_pricer>> by_version;  // lazily, by index in versions
    volume_source volume_before;
    recent_names<const date::time_zone*> zones;
    calendar_stage::offset_cache offsets;
  };

  const plan::tariff_program& program_;
  const price_options& options_;
  version_pricer newest_;
  version_pricer* last_ = &newest_;
  const plan::tariff_program* last_program_ = &program_;
  bool one_version_;
  std::unique_ptr<versioned> versioned_;
};

}  // namespace tariff::price_stage
