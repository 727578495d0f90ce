// The pricing of one work line, shared by tariff::price and the billing stage.
//
// One line_pricer per call (per thread): it owns an evaluator and a segment buffer, reused from
// line to line. It validates a line, splits it, bills its quantity, prices each part by the
// rules, and totals it; billing then splits parts by its allowances, reprices overage and
// totals again with finish().
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <tariff/pricing.hpp>

#include "compile/program.hpp"
#include "price/evaluate.hpp"

namespace tariff::detail {

class line_pricer {
 public:
  line_pricer(const compiled_tariff& tariff, const price_options& options)
      : program_(tariff.program()), options_(options), evaluator_(program_) {}

  /// Prices one line on its own (no allowances); rejects it with a reason if it cannot be priced.
  priced_line price(const contract* deal, const work_line& work);
  /// Turns `out` into a rejected line: the reason, "line ID: " + message, no priced figures.
  static void fail(priced_line& out, reject_reason reason, const std::string& message);

  /// Where tiers read the volume billed before a line (the item, the line's date): billing's
  /// running total of the period. Without one, each line's tiers count from 0.
  using volume_source = std::function<decimal(const item&, local_date)>;
  void set_volume_source(volume_source source) { volume_before_ = std::move(source); }

  /// The item of the line price() priced last; null if that line was rejected.
  const item* last_item() const { return last_item_; }
  /// The plan of the contract of the line price() priced last; null if none or rejected.
  const plan* last_plan() const { return last_plan_; }

  /// Prices `part` again from `start` instead of the list price (a plan's overage price), with the
  /// rules in order; `line_billed` is the line's billed quantity. The line must be the one priced
  /// last, so that its facts are still loaded.
  void reprice(const item& it, priced_part& part, const decimal& start, const decimal& line_billed);
  /// Recomputes the parts' amounts, covered values and costs, then the line's totals: after
  /// parts were split or repriced.
  void finish(const item& it, bool billable, priced_line& line);

 private:
  struct resolved {
    const plan* contract_plan = nullptr;
    const pricelist* list = nullptr;
    const item* found = nullptr;
  };

  void price_into(const contract* deal, const work_line& work, priced_line& out);
  resolved resolve(const contract& deal, const work_line& work, local_date day) const;
  static void check_shape(const item& it, const work_line& work);
  // Parts with their measured quantity: segments for time, the whole line for a count.
  void split(const item& it, const work_line& work, const date::time_zone& zone, local_date day,
             priced_line& out);
  // Billing step and minimum (pricing semantics §3); non-billable work bills nothing.
  static void bill_quantities(const item& it, bool billable, priced_line& out);
  // Tiers (docs/language.md, Tiers): each part's start price from the tier its quantity falls
  // in, counted from the volume billed before; graduated and percentage tiers split parts.
  void apply_tiers(const item& it, local_date day, priced_line& out);
  void price_parts(const item& it, bool billable, priced_line& out);
  // The start price (the list price less the item's discount, or an overage price) through the
  // rules in written order (§5).
  decimal unit_price(const item& it, priced_part& part, const decimal& line_billed,
                     const decimal* overage);
  bool applies(const rule& r, const item& it, const part_facts& facts);
  value run(const rule& r, const code& c, const part_facts& facts);
  void apply_group(const group& g, const item& it, const part_facts& facts, priced_part& part,
                   decimal& price);
  // The line's amount: its billed parts, bounded by the charge limits, rounded at `line`.
  void total(const item& it, bool billable, priced_line& out);
  void limit(priced_line& out, trace_kind kind, const item& it, const decimal& bound,
             ast::position at, decimal& amount_num, std::int64_t& amount_den);

  const tariff_program& program_;
  const price_options& options_;
  evaluator evaluator_;
  std::vector<segment> segments_;
  line_facts facts_;
  const item* last_item_ = nullptr;
  const plan* last_plan_ = nullptr;
  volume_source volume_before_;
};

}  // namespace tariff::detail
