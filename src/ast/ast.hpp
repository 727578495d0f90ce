// The syntax tree of a tariff source, as the parser builds it and the checker reads it.
// Every node keeps the position where its text starts, so any later stage can name the place.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include <tariff/calendar.hpp>
#include <tariff/decimal.hpp>

#include "vocabulary/vocabulary.hpp"

namespace tariff::ast {

// The words and places the syntax tree shares with the compiled plan (src/vocabulary), under
// the names the front end has always used for them.
using vocabulary::allowance_order;
using vocabulary::attribute_scope;
using vocabulary::item_unit;
using vocabulary::period_kind;
using vocabulary::position;
using vocabulary::stacking;
using vocabulary::tax_basis;
using vocabulary::tax_scope;
using vocabulary::tier_kind;
using vocabulary::to_string;
using vocabulary::value_type;

/// A name as written, with its place.
struct identifier {
  std::string text;
  position at;
};

// ---------------------------------------------------------------------------------------------
// Expressions

enum class literal_kind : std::uint8_t {
  number,    ///< 2500.00, 2
  percent,   ///< 15%
  quantity,  ///< 1h, 15min, 3 visit: `number` with `unit`
  string,    ///< "moscow"
  date,      ///< 2026-01-01
  boolean,   ///< true, false
};

/// A quantity as written: a number and a unit ("h", "min", or an item unit such as "visit").
struct quantity {
  decimal amount;
  std::string unit;
  position at;
};

struct literal {
  literal_kind kind = literal_kind::number;
  decimal number;      ///< number, percent (15 for 15%), quantity amount
  std::string text;    ///< string value; quantity unit
  local_date day{};    ///< date
  bool truth = false;  ///< boolean
};

/// price, base, cost, quantity, or a table.
struct name_ref {
  std::string name;
};

/// contract.year, site.region, work.kind ...
struct attribute_ref {
  attribute_scope scope = attribute_scope::work;
  std::string name;
};

enum class unary_op : std::uint8_t { negate, logical_not };

enum class binary_op : std::uint8_t {
  add,
  subtract,
  multiply,
  divide,
  equal,
  not_equal,
  less,
  less_equal,
  greater,
  greater_equal,
  logical_and,
  logical_or,
};

struct expression;
using expression_ptr = std::unique_ptr<expression>;

/// `-x`, `not x`. A run of one prefix operator (`- - x`, `not not x`) is one node that applies
/// it `times` times, so a run of any length adds one level to the tree, like a chain.
struct unary {
  unary_op op = unary_op::negate;
  expression_ptr operand;
  std::uint32_t times = 1;  ///< how many times `op` is written in a row
  position innermost;       ///< where the last of them is written: it applies to the operand
};

/// How a division rounds: to a multiple of `step` by `mode`.
struct division_rounding {
  decimal step;
  rounding_mode mode = rounding_mode::half_even;
};

/// One operator of a chain and the operand on its right.
struct chain_link {
  binary_op op = binary_op::add;
  expression_ptr operand;
  position at;                                ///< where the operator is written
  std::optional<division_rounding> rounding;  ///< set exactly for divide
};

/// Operators of one precedence level, applied left to right: `a + b - c` is `a`, then `+ b`, then
/// `- c`; a comparison (never chained) is a chain of one link. One node holds the whole chain, so
/// a chain of any length adds one level to the tree, not one per operator: every walker of the
/// tree (and its destructor) recurses only as deep as parentheses, calls and prefix operators
/// nest, which the parser bounds. The expression holding a chain is placed at its last operator,
/// where an error about the whole value belongs.
struct chain {
  expression_ptr first;
  std::vector<chain_link> links;  ///< at least one
};

enum class function : std::uint8_t { min, max };

struct call {
  function fn = function::min;
  std::vector<expression_ptr> arguments;
};

/// `in night`: the segment's time lies in a window.
struct in_window {
  identifier window;
};

/// `on weekend`, `on holiday`: the segment's local day is in a day set, or a holiday.
struct on_days {
  std::optional<identifier> day_set;  ///< empty: `on holiday`
};

/// `during summer`, `during 2026-06-01 .. 2026-08-31`: the segment's local day is in the range.
struct during {
  std::optional<identifier> season;  ///< empty: the literal range below
  local_date first{};
  local_date last{};
};

struct expression {
  position at;
  std::variant<literal, name_ref, attribute_ref, unary, chain, call, in_window, on_days, during>
      node;
};

// ---------------------------------------------------------------------------------------------
// Declarations

struct tariff_header {
  std::string name;
  identifier currency;
  position at;
  /// `effective 2026-04-01`: the first day this version is in force; none: from the beginning
  /// (docs/design.md, decision 12).
  std::optional<local_date> effective;
  position effective_at;
};

/// `migrate plan basic -> standard` or `migrate allowance "visit/month" -> "visit+call/month"`:
/// what a name of the version before is called in this one (docs/design.md, decision 12).
struct migrate_decl {
  enum class kind : std::uint8_t { plan, allowance };
  kind what = kind::plan;
  identifier from;  ///< the old plan or allowance key
  identifier to;    ///< the new one
  position at;
};

enum class rounding_point : std::uint8_t { segment, line, statement };

struct rounding_decl {
  rounding_point point = rounding_point::line;
  decimal step;
  rounding_mode mode = rounding_mode::half_up;
  position at;
};

struct window_decl {
  identifier name;
  std::chrono::minutes start{};
  std::chrono::minutes end{};
  position at;
};

struct days_decl {
  identifier name;
  std::vector<date::weekday> days;
  position at;
};

struct holiday_decl {
  local_date first{};
  local_date last{};
  position at;
};

struct season_decl {
  identifier name;
  local_date first{};
  local_date last{};
  position at;
};

struct calendar_decl {
  std::optional<identifier> timezone;
  std::vector<window_decl> windows;
  std::vector<days_decl> day_sets;
  std::vector<holiday_decl> holidays;
  std::vector<season_decl> seasons;
  position at;
};

/// A contract, client, site or work attribute the host supplies.
struct attribute_decl {
  attribute_scope scope = attribute_scope::work;
  identifier name;
  value_type type = value_type::string;
  std::optional<expression> default_value;
  position at;
};

enum class table_key_kind : std::uint8_t { string, integer, range, otherwise };

struct table_entry {
  table_key_kind kind = table_key_kind::string;
  std::string text;                  ///< string key
  std::int64_t low = 0;              ///< integer key, or range start
  std::optional<std::int64_t> high;  ///< range end (inclusive); empty: open-ended `5..`
  expression value;
  position at;
};

struct table_decl {
  identifier name;
  expression key;
  std::vector<table_entry> entries;
  position at;
};

struct billing_step {
  quantity step;             ///< bill started 15min
  bool per_segment = false;  ///< per segment instead of per line
  position at;
};

struct tier {
  decimal low;
  std::optional<decimal> high;  ///< empty: open-ended
  literal value;                ///< a price (number) or a percent
  position at;
};

struct tiers_decl {
  tier_kind kind = tier_kind::graduated;
  std::int64_t package_size = 0;  ///< for package tiers: the block size
  std::vector<tier> tiers;
  position at;
};

/// An item, or (in a list that extends another) an override of an inherited item.
struct item_decl {
  identifier name;
  bool is_override = false;
  std::string title;
  std::optional<item_unit> unit;  ///< always set for a new item
  position unit_at;
  std::optional<decimal> price;
  std::optional<decimal> cost;
  std::optional<billing_step> step;
  std::optional<quantity> minimum;
  std::optional<decimal> minimum_charge;
  position minimum_charge_at;  ///< where the `minimum charge` option starts
  std::optional<decimal> maximum_charge;
  position maximum_charge_at;  ///< where the `maximum charge` option starts
  std::optional<decimal> discount_percent;
  position discount_at;  ///< where the `discount` option starts
  std::optional<tiers_decl> tiers;
  std::optional<position> credit;  ///< `credit`: rules may take its price below zero
  position at;
};

struct pricelist_decl {
  identifier name;
  std::optional<identifier> base;  ///< extends
  std::optional<local_date> effective;
  std::vector<item_decl> items;
  position at;
};

struct rule_decl {
  identifier name;
  std::vector<identifier> items;  ///< `for` items; empty: every item
  std::optional<expression> condition;
  expression value;
  position at;
};

/// Rules whose factors combine by `stack` before they apply to the price.
struct group_decl {
  identifier name;
  stacking stack = stacking::multiply;
  std::vector<rule_decl> rules;
  position at;
};

struct fee_decl {
  std::optional<identifier> name;  ///< `fee support 25000.00 per month`: what prepaid spans name
  decimal amount;
  position amount_at;  ///< where the amount is written
  period_kind period = period_kind::month;
  std::optional<attribute_ref> per_unit;
  position per_unit_at;
  bool prorated = false;
  position at;
};

struct allowance_decl {
  quantity amount;  ///< unit "h" or "min" for a duration; empty for a count in the items' unit
  std::vector<identifier> items;
  period_kind period = period_kind::month;
  std::optional<decimal> overage_price;
  std::vector<decimal> alerts;      ///< percentages
  std::vector<position> alerts_at;  ///< where each alert percentage is written
  position at;
};

/// `prepaid alert 20000.00, 5000.00`: the contract draws a prepaid balance down.
struct prepaid_decl {
  std::vector<decimal> alerts;      ///< balances at or below which to alert, as written
  std::vector<position> alerts_at;  ///< where each is written
  position at;
};

/// `late work 3 periods`: late work may be dated in the 3 statement periods before the
/// statement's (the billing ledger's horizon).
struct late_work_decl {
  std::optional<decimal> periods;  ///< as written; none if past the decimal's limits (reported)
  position periods_at;
  bool plural = true;  ///< written `periods`; false: `period`
  position word_at;    ///< where `periods` or `period` is written
  position at;
};

struct plan_decl {
  identifier name;
  std::optional<identifier> pricelist;
  std::optional<period_kind> period;
  std::vector<fee_decl> fees;
  std::vector<allowance_decl> allowances;
  std::optional<allowance_order> order;
  std::vector<identifier> catalogue;
  std::optional<prepaid_decl> prepaid;
  std::optional<late_work_decl> late_work;
  position at;
};

/// `rate reduced 10% for cartridge`: a tax rate, for some items or (without `for`) the default.
struct tax_rate_decl {
  identifier name;
  decimal percent;  ///< 20 for 20%
  position percent_at;
  std::vector<identifier> items;
  position at;
};

/// `tax vat excluded per line round 0.01 half_up { rate ... exempt when ... }`
struct tax_decl {
  identifier name;
  tax_basis basis = tax_basis::excluded;  ///< whether prices include the tax
  tax_scope scope = tax_scope::line;      ///< computed per line, or on the statement's total
  decimal step;                           ///< the tax's rounding
  position step_at;
  rounding_mode mode = rounding_mode::half_up;
  std::vector<tax_rate_decl> rates;
  std::optional<expression> exempt;  ///< the contract is exempt when this holds
  position at;
};

/// `pay technicians { rule labour for hvac_repair : amount * 30% }`: staff pay per work line.
struct pay_decl {
  identifier name;
  std::vector<rule_decl> rules;  ///< the first that applies to a line gives its pay
  position at;
};

/// A rule or a group, in the order written: rules apply in that order.
using rule_or_group = std::variant<rule_decl, group_decl>;

/// One source file.
struct module {
  std::string file;
  std::vector<tariff_header> headers;  ///< exactly one is valid; the checker says so
  std::vector<rounding_decl> roundings;
  std::vector<calendar_decl> calendars;
  std::vector<attribute_decl> attributes;
  std::vector<table_decl> tables;
  std::vector<pricelist_decl> pricelists;
  std::vector<rule_or_group> rules;
  std::vector<plan_decl> plans;
  std::vector<tax_decl> taxes;
  std::vector<pay_decl> pays;
  std::vector<migrate_decl> migrations;
  /// Names that declarations lost to a syntax error declare, by kind ("item", "price list",
  /// "table", "window", "day set", "season"): the checker takes them as declared, so that one
  /// syntax error does not make every use of them an error too (docs/language.md, Syntax errors
  /// and recovery).
  std::set<std::pair<std::string, std::string>, std::less<>> lost_names;
};

/// The keyword or name for each enumerator, as the language writes it.
const char* to_string(binary_op op);
const char* to_string(rounding_point p);

}  // namespace tariff::ast
