// tariff — compile a tariff once, then price work lines with it.
//
//   auto compiled = tariff::compile(source, "facilities.tariff");
//   if (!compiled.tariff) { std::cerr << tariff::format(compiled.diagnostics); return 1; }
//   std::vector<tariff::priced_line> priced = tariff::price(*compiled.tariff, contract, lines);
//
// A host pricing a stream of lines keeps one result vector and calls price_into(), which reuses
// the results' memory from batch to batch. price_options says what a result carries beyond its
// figures: the trace, the parts (off: the lean result, line figures only) and whether the
// thread's unit-price memo may be used; the figures are the same whatever is asked.
//
// A compiled tariff is immutable: copies share it, and any number of threads may price with it
// at once. Pricing never throws for bad work: a line that cannot be priced comes back rejected,
// with a reason code and a message naming the line, and the other lines are still priced.
// docs/language.md ("Pricing semantics") says how a line is priced; docs/pricing.md shows the
// results field by field.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/calendar.hpp>
#include <tariff/cancel.hpp>
#include <tariff/decimal.hpp>
#include <tariff/diagnostics.hpp>
#include <tariff/export.h>
#include <tariff/model.hpp>

namespace tariff {

namespace plan {
struct tariff_program;  // the evaluation plan, defined in src/plan
}

/// How a tariff rounds amounts (`rounding line 0.01 half_up`).
struct amount_rounding {
  decimal step;        ///< the increment amounts are rounded to (0.01); its scale is theirs
  rounding_mode mode;  ///< how a value between two steps is rounded
  friend bool operator==(const amount_rounding&, const amount_rounding&) = default;
};

/// Whether a tariff's prices contain its tax or have it added.
enum class tax_basis : std::uint8_t {
  included,  ///< prices include the tax (`tax vat included`): it is a share of each amount
  excluded,  ///< the tax is added to the amounts
};

/// Where a tax is computed and rounded.
enum class tax_scope : std::uint8_t {
  line,       ///< on each line and fee, rounded there; the statement adds them up
  statement,  ///< on the statement's base per rate, rounded once
};

/// A tariff's tax (`tax vat 20% excluded`), as invoices name it.
struct tax_terms {
  /// One rate of the tax.
  struct rate {
    std::string name;  ///< "standard"
    decimal percent;   ///< 20 for 20 %
    friend bool operator==(const rate&, const rate&) = default;
  };
  std::string name;  ///< "vat"
  tax_basis basis = tax_basis::excluded;
  tax_scope scope = tax_scope::line;
  std::vector<rate> rates;   ///< in declaration order
  std::string default_rate;  ///< the rate of fees and of the items no rate names
  friend bool operator==(const tax_terms&, const tax_terms&) = default;
};

/// One version of a tariff (docs/design.md, decision 12): a file whose header says from which day
/// it is in force (`tariff "Facilities" currency RUB effective 2026-04-01`).
struct tariff_version {
  std::optional<local_date> effective;  ///< the first day in force; none: from the start
  std::string source_hash;              ///< SHA-256 of the version's source text, lower-case hex
  std::string file;                     ///< the file name it was compiled as
  friend bool operator==(const tariff_version&, const tariff_version&) = default;
};

/// A tariff compiled for evaluation: names resolved, tables indexed, constants folded.
/// A cheap handle to immutable data; safe to copy and to use from many threads.
class TARIFF_API compiled_tariff {
 public:
  /// The name from the `tariff` header.
  [[nodiscard]] const std::string& name() const;
  /// The currency code from the `tariff` header ("RUB").
  [[nodiscard]] const std::string& currency() const;
  /// SHA-256 of the source text, lower-case hex: names exactly the rules that priced a result.
  /// A tariff of several versions: SHA-256 of its versions' list, one line per version in date
  /// order, "<effective date or 'start'> <source hash>\n" (docs/design.md, decision 12).
  [[nodiscard]] const std::string& source_hash() const;
  /// The versions, in date order: one for a tariff of one file (its own header's date, if any).
  /// Each line is priced by the version in force on its local date; the first version also
  /// prices lines dated before its date.
  [[nodiscard]] std::vector<tariff_version> versions() const;
  /// The file name the tariff was compiled as, for messages.
  [[nodiscard]] const std::string& file() const;
  /// The calendar's zone: where a line without its own `time_zone` is read. A date::time_zone
  /// (calendar.hpp says why date's types are part of this API).
  [[nodiscard]] const date::time_zone& time_zone() const;
  /// The calendar zone's name in the tz database ("Europe/Moscow").
  [[nodiscard]] std::string_view time_zone_name() const;
  /// The plan names, in declaration order.
  [[nodiscard]] std::vector<std::string> plans() const;
  /// The label names a segment's mask stands for: windows, day sets and seasons that hold, and
  /// "holiday" ({"night", "weekend"}), in calendar order.
  [[nodiscard]] std::vector<std::string> label_names(const segment_labels& labels) const;
  /// How line amounts are rounded, or nullopt when the tariff does not round them (amounts then
  /// keep the digits their arithmetic gives).
  [[nodiscard]] std::optional<amount_rounding> line_rounding() const;
  /// The scale amounts are shown at: line_rounding()'s step's scale (2 for 0.01), 0 without one.
  [[nodiscard]] int amount_scale() const;
  /// The tariff's tax, or nullopt when it declares none (its statements carry no tax then).
  [[nodiscard]] std::optional<tax_terms> tax() const;

 private:
  friend struct compiled_tariff_access;  // the engine's own stages (src/plan/access.hpp)
  explicit compiled_tariff(std::shared_ptr<const plan::tariff_program> program)
      : program_(std::move(program)) {}
  std::shared_ptr<const plan::tariff_program> program_;
};

/// What compile() produced: a tariff, unless an error was found, and every diagnostic.
struct compile_result {
  std::optional<compiled_tariff> tariff;  ///< empty exactly when has_errors(diagnostics)
  std::vector<diagnostic> diagnostics;    ///< errors and warnings, in source order
};

/// Parses, checks and compiles a tariff source. `file` names it in diagnostics and traces.
[[nodiscard]] TARIFF_API compile_result compile(std::string_view source,
                                                std::string_view file = "<input>");

/// How to compile.
struct compile_options {
  /// When to give up (cancel.hpp): looked at before each declaration is parsed, before each
  /// check pass and each compile step.
  stop_condition stop{};
};

/// As above, with options. Throws cancelled when `options.stop` holds, and returns nothing then.
[[nodiscard]] TARIFF_API compile_result compile(std::string_view source, std::string_view file,
                                                const compile_options& options);

/// One file of a versioned tariff: its text and the name diagnostics give it.
struct tariff_source {
  std::string_view source;
  std::string_view file = "<input>";
};

/// Compiles the versions of one tariff, in any order, into one tariff (docs/design.md, decision
/// 12): each file is checked alone, then across versions (dates, currency, time zone, plans and
/// allowances kept or migrated). The diagnostics are each file's, in the order given. One source
/// compiles as compile(source, file, options) does. Throws cancelled when `options.stop` holds.
[[nodiscard]] TARIFF_API compile_result compile(std::span<const tariff_source> sources,
                                                const compile_options& options = {});

// ---------------------------------------------------------------------------------------------
// Results

/// An exact quantity of an item. Items billed by time keep whole seconds and the seconds in one
/// unit, so 25 minutes of an hourly item is exactly 1500/3600 h, never 0.4166…; counted items
/// keep their count.
struct TARIFF_API item_quantity {
  decimal value;                  ///< time items: seconds; counted items: the number of units
  std::int64_t unit_seconds = 0;  ///< time items: seconds in one unit (3600 per hour); 0: counted

  /// Whether the item is billed by time.
  [[nodiscard]] bool is_time() const { return unit_seconds != 0; }
  /// "1h30min", "2h", "45s", "0min" for time; the count with its scale ("3", "1.50") for counted
  /// items.
  [[nodiscard]] std::string to_string() const;
  friend bool operator==(const item_quantity&, const item_quantity&) = default;
};

/// What a trace step records.
enum class trace_kind : std::uint8_t {
  discount,        ///< the item's own `discount` came off the list price
  rule,            ///< a rule changed the price
  group,           ///< a group changed the price; `factor` is the combined factor
  group_factor,    ///< one rule of the group above applied with `factor`; price unchanged
  not_billable,    ///< the kind of work is not billed to the client: price 0, cost only
  overage,         ///< beyond an allowance: the plan's overage price replaced the list price
  tier,            ///< the item's tier for this part's quantity replaced the item's price
  minimum_charge,  ///< the line's amount was raised to the item's minimum charge
  maximum_charge,  ///< the line's amount was lowered to the item's maximum charge
};

/// One step that changed a price (per unit, in parts) or an amount (per line, charge limits).
struct trace_step {
  trace_kind kind = trace_kind::rule;
  std::string name;  ///< the rule, group or item that made the change
  decimal before;    ///< the price (or line amount) before the step
  decimal after;     ///< after it
  decimal factor;    ///< group and group_factor: the factor; discount: the percent (10 for 10%);
                     ///< 0 for the other kinds
  int line = 0;      ///< where the rule, group or item option is written in the tariff source
  int column = 0;

  friend bool operator==(const trace_step&, const trace_step&) = default;
};

/// A part of a line priced at one price: a segment of a time-metered line, or the whole of a
/// counted line.
struct priced_part {
  instant begin{};         ///< time items: the segment's first second; counted: the line's start
  instant end{};           ///< time items: the second after the last; counted: the line's start
  local_date date{};       ///< the local date at `begin`
  segment_labels labels;   ///< what holds in the segment (compiled_tariff::label_names)
  item_quantity measured;  ///< the quantity done
  item_quantity billed;    ///< the quantity billed: after billing step and minimum
  decimal list_price;      ///< the price list's price per unit
  decimal unit_price;      ///< the price per unit after the discount and the rules
  decimal amount;          ///< unit_price × billed, rounded at `segment` if declared; 0 if
                           ///< included
  decimal cost;            ///< cost price × measured, rounded at `segment` if declared
  std::string allowance;   ///< the allowance that includes this part (billing); empty: billed
  decimal covered;         ///< an included part: the amount it would have had (covered value)
  std::vector<trace_step> trace;  ///< the steps that made unit_price (empty with tracing off)

  friend bool operator==(const priced_part&, const priced_part&) = default;
};

/// Why a line could not be priced.
enum class reject_reason : std::uint8_t {
  unknown_contract,         ///< the line names a contract the host did not supply
  wrong_contract,           ///< the line names another contract than the one priced
  contract_not_registered,  ///< the contract is a draft or closed (only registered bills)
  contract_not_started,     ///< the line's date is before the contract's start
  contract_ended,           ///< the line's date is after the contract's end ("contract closed")
  unknown_plan,             ///< the contract's plan is not in the tariff
  no_price_list,            ///< neither the contract nor its plan names a price list
  unknown_price_list,       ///< the contract names a price list the tariff does not have
  no_price_list_version,    ///< the line is dated before the list's first version
  unknown_item,             ///< no price list of the tariff has the item
  item_not_in_catalogue,    ///< the plan's catalogue does not list the item
  item_not_in_price_list,   ///< the version of the list in force does not have the item
  missing_end,              ///< an item billed by time, but the line has no end
  missing_quantity,         ///< a counted item, but the line has no quantity
  unexpected_quantity,      ///< an item billed by time, but the line gives a quantity
  invalid_quantity,         ///< the quantity is negative
  end_before_start,         ///< the line ends before it starts
  unknown_time_zone,        ///< the line's time zone is not in the tz database
  missing_attribute,        ///< a rule reads an attribute the host did not give, with no default
  invalid_attribute,        ///< an attribute's text is not a value of its declared type
  no_table_entry,           ///< a table has no entry for the key and no `else`
  invalid_contract,         ///< the contract's dates contradict the line (client_since after it)
  arithmetic_limit,         ///< a value passed the decimal limits (docs/decimal.md)
  not_supported,            ///< the item uses a feature pricing does not have yet (tiers)
  after_period,             ///< billing: the line is dated after the statement's period
  negative_price,           ///< a rule took the price of an item not declared `credit` below 0
  accepted_before_work,     ///< payouts: the client's acceptance is dated before the work
  span_too_long,            ///< the line lasts longer than max_line_span: split it
  period_closed,            ///< billing: dated before the late-work horizon (its records are gone)
  not_billed,               ///< billing: a `void` line the ledger has not billed
  moved_contract,           ///< billing: a billed line sent again under another contract
  duplicate_id,             ///< billing: the id appears earlier in the same input, changed
};

/// The longest a line of an item billed by time may last: a year and a day, so that a year's
/// contract fits whole. A longer line is rejected span_too_long instead of being split into
/// thousands of segments.
inline constexpr std::chrono::hours max_line_span{366 * 24};

/// The reason's code as files write it ("contract_ended").
[[nodiscard]] TARIFF_API std::string_view to_string(reject_reason reason);
/// The kind's name as files write it ("group_factor").
[[nodiscard]] TARIFF_API std::string_view to_string(trace_kind kind);

/// A work line, priced or rejected.
struct priced_line {
  std::string id;        ///< the work line's id
  std::string request;   ///< its request
  std::string contract;  ///< the contract priced
  std::string item;      ///< the item code
  work_kind kind = work_kind::billable;
  std::optional<local_date> date;  ///< the local date of its start (pricing semantics §1); empty
                                   ///< when the line was rejected before it could be dated

  std::optional<reject_reason> rejected;  ///< set when the line could not be priced
  std::string message;                    ///< why, in plain words, naming the line; else empty

  std::string title;       ///< the item's title (its name when the tariff gives none)
  std::string price_list;  ///< the price list that priced it
  item_quantity measured;  ///< the quantity done
  item_quantity billed;  ///< the quantity billed: after billing step and minimum; 0 if not billable
  decimal amount;        ///< what the client pays: the parts, charge limits, `line` rounding
  decimal cost;          ///< cost price × measured quantity, rounded as amounts are
  decimal margin;        ///< amount − cost
  decimal tax;  ///< statements of a tariff with a tax: the line's tax (contained in `amount` when
                ///< prices include it, else added to it); 0 otherwise
  std::vector<priced_part> parts;      ///< in time order
  std::vector<trace_step> line_trace;  ///< steps on the line's amount (charge limits)

  /// Whether the line was priced.
  [[nodiscard]] bool ok() const { return !rejected.has_value(); }
  friend bool operator==(const priced_line&, const priced_line&) = default;
};

/// How to price. The defaults give the full result: every part, with its trace. Whatever is
/// asked, a line's figures are the same: id, date, rejection and message, title, price list,
/// measured and billed quantities, amount, cost, margin and tax do not depend on these options.
///
///   price_options{}                                      // parts and trace (the default)
///   price_options{.trace = false}                        // parts, no trace steps
///   price_options{.trace = false, .parts = false}        // the lean result, for streaming hosts
///   price_options{.trace = false, .memo = false}         // every unit price by the rules
struct price_options {
  /// Record trace steps: each part's (what made its unit price) and the line's (charge limits).
  /// Off for throughput. With `parts` off only the line's steps are kept (`line_trace`).
  bool trace = true;
  /// Fill priced_line::parts. Off, the lean result: `parts` comes back empty, and the per-part
  /// figures (each part's amount, cost and covered value) are not computed unless the tariff
  /// rounds at `segment` (then the line's amount is their sum). A host that stores only line
  /// figures, or streams them to a table, takes this. The billing stage always keeps parts
  /// (allowances split them): price_with_state() and estimate() ignore it.
  bool parts = true;
  /// Use the unit-price memo: each thread keeps, per compiled tariff, the unit prices it has
  /// worked out, keyed by exactly what the rules read (the item, the part's labels, the
  /// attributes the rules read, contract year, kind of work, dates), and reuses them instead of
  /// running the rules again; with the trace on it keeps each price's steps too. It is bounded
  /// (4 096 line-level combinations, 16 384 prices, 8 192 trace steps: about 3 MB a thread at
  /// most, forgotten all at once past a bound) and replaced when the thread prices another
  /// compiled tariff. It is skipped where it cannot be exact: rules that read a line's quantity
  /// or duration, tiered items, overage prices. Off, every unit price is computed by the rules;
  /// the results are identical either way (tests/price/lean_test.cpp).
  bool memo = true;
  /// When to give up (cancel.hpp): looked at every 64 lines. price_with_state() and estimate()
  /// honour it too.
  stop_condition stop{};
};

/// Prices `lines` done under `contract` with `tariff`: one result per line, in input order.
/// Each line is priced on its own (pricing semantics §1–3, §5, §6); allowances, fees and period
/// totals are the billing stage's. Never throws for bad work or contract data: such lines come
/// back rejected. Throws std::bad_alloc, or cancelled when `options.stop` holds.
[[nodiscard]] TARIFF_API std::vector<priced_line> price(const compiled_tariff& tariff,
                                                        const contract& contract,
                                                        std::span<const work_line> lines,
                                                        const price_options& options = {});

/// Prices lines of many contracts: each line with the contract its `contract` field names (a line
/// naming none of them is rejected as unknown_contract). One result per line, in input order.
[[nodiscard]] TARIFF_API std::vector<priced_line> price(const compiled_tariff& tariff,
                                                        std::span<const contract> contracts,
                                                        std::span<const work_line> lines,
                                                        const price_options& options = {});

/// As price(), into `out`, for hosts that price a stream of lines batch after batch: afterwards
/// `out` holds exactly one result per line, in input order, and each is equal (==) to what
/// price() gives for the same arguments. The elements `out` already holds are overwritten in
/// place and keep their memory: their strings, their parts vector, and each reused part's trace
/// vector and allowance keep their capacity, so once `out` has held a batch as large as the next
/// (and lines as long), pricing it allocates nothing per line with the trace off. With
/// `options.parts` off each element's parts vector is emptied, keeping its capacity. Elements
/// beyond `lines.size()` are destroyed, new ones are appended. Never throws for bad work or
/// contract data; throws std::bad_alloc, and then `out` holds valid but unspecified lines, or
/// cancelled when `options.stop` holds: then the first cancelled::done() elements of `out` are
/// this call's results, each as price() gives it, and those after them, if any, are the previous
/// batch's as they were (kept for their memory; resize `out` to done() to drop them: freeing a
/// million lines takes longer than the stop promises).
TARIFF_API void price_into(const compiled_tariff& tariff, const contract& contract,
                           std::span<const work_line> lines, std::vector<priced_line>& out,
                           const price_options& options = {});

/// As the many-contract price(), into `out`, reusing its elements as the overload above does.
TARIFF_API void price_into(const compiled_tariff& tariff, std::span<const contract> contracts,
                           std::span<const work_line> lines, std::vector<priced_line>& out,
                           const price_options& options = {});

}  // namespace tariff
