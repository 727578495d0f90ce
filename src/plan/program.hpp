// The compiled form of a tariff: everything pricing needs, resolved and laid out for evaluation.
//
// Names are gone: items, attributes, tables, windows and rules are indexes; expressions are flat
// postfix code with constants folded; price lists are snapshots per effective date. Built once by
// compile(), then only read — any number of threads may price with one program at once.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <tariff/calendar.hpp>
#include <tariff/decimal.hpp>

#include "vocabulary/vocabulary.hpp"

namespace tariff::plan {

// ---------------------------------------------------------------------------------------------
// Values and code

enum class value_kind : std::uint8_t { number, boolean, text, day };

/// A value during evaluation. Numbers are exact fractions `num / den`: money, percents (as
/// fractions: 15% is 0.15), durations (seconds) and plain numbers all have den == 1; only the
/// `quantity` of a line billed by time has a denominator (25 minutes of an hourly item is
/// 1500/3600), so comparing or multiplying it never rounds.
struct value {
  value_kind kind = value_kind::number;
  decimal num;
  std::int64_t den = 1;
  bool truth = false;
  std::string_view text;  ///< into the program's strings or the host's attribute maps
  local_date day{};

  static value number(decimal n, std::int64_t d = 1) {
    value v;
    v.num = std::move(n);
    v.den = d;
    return v;
  }
  static value boolean(bool b) {
    value v;
    v.kind = value_kind::boolean;
    v.truth = b;
    return v;
  }
  static value string(std::string_view s) {
    value v;
    v.kind = value_kind::text;
    v.text = s;
    return v;
  }
  static value date(local_date d) {
    value v;
    v.kind = value_kind::day;
    v.day = d;
    return v;
  }
};

enum class op : std::uint8_t {
  constant,       ///< push constants[arg]
  price,          ///< the price so far
  base,           ///< the starting price
  cost,           ///< the item's cost price
  quantity,       ///< the line's billed quantity in the item's unit
  attribute,      ///< push attributes[arg] of the line
  contract_year,  ///< built-ins
  contract_start,
  contract_end,
  client_since,
  work_kind,
  work_billable,
  work_date,
  work_duration,
  in_window,   ///< the part's labels have window bit arg
  on_days,     ///< day-set bit arg
  on_holiday,  ///< the part's date is a holiday
  during,      ///< date-range bit arg
  table,       ///< look tables[arg] up
  negate,
  logical_not,
  add,
  subtract,
  multiply,
  divide,  ///< arg: divisions[arg], the rounding
  equal,
  not_equal,
  less,
  less_equal,
  greater,
  greater_equal,
  jump_if_false,  ///< and: if the top is false jump to arg (keeping it), else pop it
  jump_if_true,   ///< or: if the top is true jump to arg (keeping it), else pop it
  min,            ///< arg: number of operands
  max,
};

struct instruction {
  op code = op::constant;
  std::uint32_t arg = 0;
};

/// Postfix code for one expression.
struct code {
  std::vector<instruction> ops;
  /// Whether it reads anything of the part being priced (price, base, quantity, the segment's
  /// labels), as opposed to the line, contract and constants only. Table look-ups whose key does
  /// not are cached per line.
  bool reads_part = false;
};

/// Where a division rounds to: a multiple of `step` by `mode`.
struct division {
  decimal step;
  rounding_mode mode = rounding_mode::half_even;
  vocabulary::position at;
};

// ---------------------------------------------------------------------------------------------
// Declarations

/// A declared attribute the host supplies as text.
struct attribute_slot {
  vocabulary::attribute_scope scope = vocabulary::attribute_scope::work;
  std::string name;  ///< "region"
  std::string key;   ///< "site.region"
  vocabulary::value_type type = vocabulary::value_type::string;
  std::optional<value> default_value;
};

/// A table, indexed: string keys sorted; number keys as ranges sorted by their low end.
struct table {
  std::string name;
  vocabulary::position at;
  code key;
  bool string_keys = false;
  std::vector<std::pair<std::string, value>> by_text;  ///< sorted by key
  struct range {
    decimal low;
    std::optional<decimal> high;  ///< inclusive; empty: open-ended
    value result;
  };
  std::vector<range> by_number;  ///< sorted by low; they do not overlap (the checker says so)
  std::optional<value> otherwise;
};

/// A rule: applies to some items (all when `items` is empty), when its condition holds.
struct rule {
  std::string name;
  vocabulary::position at;
  std::vector<bool> items;  ///< by item id; empty: every item
  std::optional<code> condition;
  code result;  ///< the new price, or in a group the factor
};

struct group {
  std::string name;
  vocabulary::position at;
  vocabulary::stacking stack = vocabulary::stacking::multiply;
  std::vector<rule> rules;
};

using step = std::variant<rule, group>;

/// One tier: the quantities up to `high` (seconds or units; packages for package tiers) not
/// taken by an earlier tier; the last may be open.
struct tier {
  std::optional<decimal> high;
  decimal value;  ///< a price, or for percentage tiers a fraction of the item's price (0.75)
  vocabulary::position at;
};

struct tier_table {
  vocabulary::tier_kind kind = vocabulary::tier_kind::graduated;
  std::int64_t package_size = 0;
  std::vector<tier> tiers;
};

/// An item as one version of a price list offers it, inheritance applied.
struct item {
  std::uint32_t id = 0;  ///< the item's name as an index over all lists
  std::string name;
  std::string title;
  vocabulary::item_unit unit = vocabulary::item_unit::piece;
  std::int64_t unit_seconds = 0;  ///< 3600 per hour, 60 per minute, 86400 per day; 0: counted
  decimal price;
  decimal cost;
  std::optional<decimal> step;  ///< billing step, in seconds or units
  bool step_per_segment = false;
  std::optional<decimal> minimum;  ///< in seconds or units
  std::optional<decimal> minimum_charge;
  vocabulary::position minimum_charge_at;
  std::optional<decimal> maximum_charge;
  vocabulary::position maximum_charge_at;
  std::optional<tier_table> tiers;
  std::optional<decimal> discount;  ///< percent: 10 for 10%
  vocabulary::position discount_at;
  bool credit = false;  ///< `credit`: rules may take its price below zero (refunds, goodwill)
  vocabulary::position at;
};

/// Positions of items by id: a dense table when the ids lie close together (the items a list
/// declares get consecutive ids), sorted pairs when they do not, so an index is never larger
/// than a few times the items it holds.
class id_index {
 public:
  id_index() = default;
  /// Indexes positions 0, 1, ... of the items whose ids are `ids`, in that order.
  explicit id_index(const std::vector<std::uint32_t>& ids);
  /// The position of item `id`, or -1. Inline: pricing looks an item up for every line.
  std::int32_t find(std::uint32_t id) const {
    if (!dense_.empty()) return id >= low_ && id - low_ < dense_.size() ? dense_[id - low_] : -1;
    return find_sorted(id);
  }

 private:
  std::int32_t find_sorted(std::uint32_t id) const;

  std::uint32_t low_ = 0;
  std::vector<std::int32_t> dense_;                             ///< by id - low_; -1: none
  std::vector<std::pair<std::uint32_t, std::int32_t>> sorted_;  ///< by id, when not dense
};

/// Items with an index by id.
struct indexed_items {
  std::vector<item> items;
  id_index index;
};

/// What a snapshot offers over its base's snapshot on the same date: the items the list's
/// version in force declares (compiled once per version and shared by all its snapshots) and the
/// inherited items it overrides, as changed on that date. A list never copies what it inherits,
/// so snapshots take space for what their lists say, not for what their bases offer: a thousand
/// lists extending one list of ninety thousand items cost a thousand small layers.
struct snapshot_layer {
  std::shared_ptr<const indexed_items> overrides;  ///< may be null
  std::shared_ptr<const indexed_items> declared;   ///< may be null
  std::shared_ptr<const snapshot_layer> base;      ///< null: the list extends nothing
};

/// The parts of a snapshot's layers in the order they are searched, nearest first (its
/// overrides, what its version declares, then its base's), the layers kept alive with them. At
/// most two parts per list on the `extends` chain, which the checker bounds.
struct snapshot_parts {
  snapshot_parts() = default;
  explicit snapshot_parts(std::shared_ptr<const snapshot_layer> top);

  std::shared_ptr<const snapshot_layer> top;
  std::vector<const indexed_items*> parts;  ///< the non-empty parts, nearest first
};

/// Item id -> position in the snapshot's `items`, or -1: positions count through its parts in
/// order. Inline, as pricing looks an item up for every line; the usual list has one part.
class item_positions {
 public:
  item_positions() = default;
  item_positions(snapshot_parts parts, std::size_t item_ids)
      : parts_(std::move(parts)), item_ids_(item_ids) {}
  std::int32_t operator[](std::uint32_t id) const {
    std::size_t offset = 0;
    for (const indexed_items* part : parts_.parts) {
      if (const std::int32_t at = part->index.find(id); at >= 0)
        return static_cast<std::int32_t>(offset + static_cast<std::size_t>(at));
      offset += part->items.size();
    }
    return -1;
  }
  /// The number of item ids of the tariff: every id below it may be looked up.
  std::size_t size() const { return item_ids_; }

 private:
  snapshot_parts parts_;
  std::size_t item_ids_ = 0;
};

/// The items at the positions `item_positions` gives.
class snapshot_items {
 public:
  snapshot_items() = default;
  explicit snapshot_items(snapshot_parts parts) : parts_(std::move(parts)) {}
  const item& operator[](std::size_t position) const {
    for (const indexed_items* part : parts_.parts) {
      if (position < part->items.size()) return part->items[position];
      position -= part->items.size();
    }
    return no_item();
  }

 private:
  [[noreturn]] static const item& no_item();
  snapshot_parts parts_;
};

/// What a price list offers from a date on, until the next snapshot.
struct pricelist_snapshot {
  std::optional<local_date> from;               ///< empty: from the beginning of time
  bool in_force = false;                        ///< false: no version of the list is in force yet
  std::shared_ptr<const snapshot_layer> layer;  ///< what `items` and `by_id` read
  snapshot_items items;
  item_positions by_id;  ///< item id -> position in items, or -1
};

struct pricelist {
  std::string name;
  std::vector<pricelist_snapshot> snapshots;  ///< sorted by `from`, the undated one first

  /// The snapshot in force on `day` (the last one starting on or before it); null if none.
  /// Inline, as pricing asks for every line: a scan of the usual handful of snapshots.
  const pricelist_snapshot* on(local_date day) const {
    if (snapshots.size() > 8) return search(day);
    const pricelist_snapshot* found = nullptr;
    for (const pricelist_snapshot& s : snapshots)
      if (!s.from || *s.from <= day) found = &s;
    return found;
  }

 private:
  const pricelist_snapshot* search(local_date day) const;  ///< a binary search, for many
};

/// A plan's periodic fee.
struct fee {
  std::string name;         ///< `fee support ...`: what a contract's prepaid spans name; or empty
  std::string description;  ///< as written: "fee 2500.00 per month per unit contract.seats"
  decimal amount;
  vocabulary::period_kind period = vocabulary::period_kind::month;
  std::optional<std::uint32_t> per_unit;  ///< the attribute slot of `per unit`
  std::string per_unit_key;               ///< "contract.seats", for messages
  bool prorated = false;
  vocabulary::position at;
};

/// A quantity a plan includes each period.
struct allowance {
  std::string key;                ///< items joined by '+', then '/' and the period: "visit/month"
  std::vector<bool> items;        ///< by item id
  decimal amount;                 ///< seconds for time items, units for counted items
  std::int64_t unit_seconds = 0;  ///< nonzero for a duration (how reports show it)
  vocabulary::period_kind period = vocabulary::period_kind::month;
  std::optional<decimal> overage;  ///< the price per unit beyond it
  std::vector<decimal> alerts;     ///< percents, as written (80 for 80%)
  vocabulary::position at;
  /// Keys of earlier versions migrated to this one (`migrate allowance`): the use recorded
  /// under them counts here (docs/design.md, decision 12). Empty in a one-version tariff.
  std::vector<std::string> earlier_keys;
};

struct plan {
  std::string name;
  std::int32_t pricelist = -1;  ///< index in tariff_program::pricelists
  std::vector<bool> catalogue;  ///< by item id; empty: every item of the list
  vocabulary::period_kind period = vocabulary::period_kind::month;
  vocabulary::allowance_order order = vocabulary::allowance_order::work;
  std::vector<fee> fees;
  std::vector<allowance> allowances;
  bool prepaid = false;                 ///< the contract draws a prepaid balance down
  std::vector<decimal> balance_alerts;  ///< alert when the balance falls to or below these
  std::optional<std::int32_t> late_work_periods;  ///< `late work N periods`: the ledger's horizon
};

/// The tariff's tax (`tax vat excluded per line round 0.01 half_up { ... }`).
struct tax {
  struct rate {
    std::string name;
    decimal percent;  ///< 20 for 20%
  };
  std::string name;
  vocabulary::tax_basis basis = vocabulary::tax_basis::excluded;
  vocabulary::tax_scope scope = vocabulary::tax_scope::line;
  decimal step;
  rounding_mode mode = rounding_mode::half_up;
  std::vector<rate> rates;
  std::uint32_t default_rate = 0;           ///< the rate without `for`: fees and other items
  std::vector<std::uint32_t> rate_of_item;  ///< by item id
  std::optional<code> exempt;               ///< reads the contract only

  const rate& of_item(std::uint32_t item) const {
    return rates[item < rate_of_item.size() ? rate_of_item[item] : default_rate];
  }
};

/// A `pay` block: the first rule that applies to a line gives its pay; `amount` is op::price.
struct pay {
  std::string name;
  std::vector<rule> rules;
};

struct rounding {
  decimal step;
  rounding_mode mode = rounding_mode::half_up;
};

}  // namespace tariff::plan

namespace tariff::plan {

/// A number no other program of this process gets: what per-thread caches key on (a later
/// program may reuse a freed one's address, never its serial).
inline std::uint64_t next_program_serial() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

/// The whole compiled tariff.
struct tariff_program;

/// One version of a versioned tariff (docs/design.md, decision 12).
struct version {
  local_date effective;  ///< the first day it is in force; local_date::min(): from the start
  bool dated = false;    ///< whether its header says `effective` (else: from the beginning)
  std::string source_hash;
  std::string file;
  const tariff_program* program = nullptr;  ///< owned by the newest version's program
};

struct tariff_program {
  tariff_program() = default;
  tariff_program(const tariff_program&) = delete;
  tariff_program& operator=(const tariff_program&) = delete;

  const std::uint64_t serial = next_program_serial();

  std::string name;
  std::string currency;
  std::string file;
  std::string source_hash;

  std::optional<rounding> segment_rounding;
  std::optional<rounding> line_rounding;
  std::optional<rounding> statement_rounding;

  calendar cal{*date::locate_zone("UTC")};
  std::vector<std::string> season_names;  ///< date-range bits that are seasons (the rest are
                                          ///< ranges written in a `during`), in bit order

  std::vector<attribute_slot> attributes;
  std::vector<table> tables;
  std::vector<step> steps;  ///< rules and groups, in written order
  std::vector<value> constants;
  std::vector<division> divisions;
  std::deque<std::string> strings;  ///< text constants; a deque so views into it stay valid

  std::map<std::string, std::uint32_t, std::less<>> item_ids;
  std::vector<std::string> item_names;  ///< by id
  std::vector<pricelist> pricelists;
  std::map<std::string, std::uint32_t, std::less<>> pricelist_index;
  std::vector<plan> plans;
  std::map<std::string, std::uint32_t, std::less<>> plan_index;
  std::optional<tax> tax_rules;
  std::vector<pay> pays;

  std::size_t max_stack = 0;  ///< the deepest evaluation stack any code needs

  std::optional<local_date> effective;  ///< the header's `effective` date, if written

  /// A versioned tariff: every version in date order, this program (the newest) last; empty
  /// for a tariff of one file. The newest owns the older programs.
  std::vector<version> versions;
  std::vector<std::shared_ptr<const tariff_program>> older_versions;
  /// Plans of earlier versions migrated to plans of this one (`migrate plan`, chains followed).
  std::map<std::string, std::string, std::less<>> plan_migrations;

  /// The version in force on `day`: this program without versions. Lines are priced by the
  /// version of their local date (docs/design.md, decision 12).
  const tariff_program& version_on(local_date day) const {
    if (versions.empty()) return *this;
    return *version_entry_on(day).program;
  }
  /// The entry of the version in force on `day` (versions not empty). A day before the first
  /// version's date falls to the first version.
  const version& version_entry_on(local_date day) const {
    std::size_t i = versions.size() - 1;
    while (i > 0 && day < versions[i].effective)
      --i;
    return versions[i];
  }
  /// The plan named `name` here, or the plan an earlier version's `name` migrated to; null if
  /// neither.
  const plan* find_plan(std::string_view plan_name) const {
    auto found = plan_index.find(plan_name);
    if (found == plan_index.end()) {
      const auto moved = plan_migrations.find(plan_name);
      if (moved == plan_migrations.end()) return nullptr;
      found = plan_index.find(moved->second);
      if (found == plan_index.end()) return nullptr;
    }
    return &plans[found->second];
  }

  /// Zero at the scale amounts are rounded to (0.00 for a step of 0.01), so that a sum of
  /// nothing (a statement without work, a group without revenue) writes like the others.
  decimal zero_amount() const {
    return decimal::from_units(0, line_rounding ? line_rounding->step.scale() : 0);
  }
};

}  // namespace tariff::plan
