// Golden expectations for the example folders (examples/NN-name/expect.txt): the parser of the
// expect file, and the checks of priced lines and statements against it. tests/examples/README.md
// describes the format with examples; this is its summary.
//
// One directive a line, `#` starts a comment. Values are compared as text, exactly: a decimal
// with its scale ("12500.00" is not "12500"), a quantity as item_quantity::to_string writes it
// ("1h30min", "0min", "3"), a span of days as "2026-03-01..2026-03-31" (both days included).
//
// Pricing. `line` directives before the first `bill` or `estimate` hold against tariff::price
// of every work line; every work line is then asserted, and a rejected one says `rejected`:
//
//   line J1 amount 12500.00 cost 4900.00 billed 3h30min
//   line J1 part 2 unit_price 5000.00 labels night
//   line J9 rejected contract_ended
//
// Statements. `bill CONTRACT PERIOD` bills one contract (tariff::bill) and opens a run: the
// directives after it, up to the next `bill` or `estimate`, hold against that statement. PERIOD
// is YYYY-MM or a day; the statement period is statement_period() of that month's first day, or
// of the day. The work billed is every line of work.csv that names the contract and was not
// billed by an earlier run of it (a line is billed when the statement has it as a line, an
// adjustment or a rejected line, except `after_period`, which waits for its own statement);
// `only ID...` bills just those of them, `except ID...` all but those (work that reaches the host
// later). The opening state is the closing state of the contract's previous run, empty for its
// first, unless the run writes `opening`:
//
//   bill C-1 2026-03 except V5
//   opening hvac_repair/month 2026-03-01 8h30min   # allowance key, a day of its period, used
//   opening volume support_hour 2026-03-01 38h     # tiered item, a day of its statement period,
//                                                  # the volume billed (packages for package tiers)
//   statement revenue 56400.00 fees_total 45000.00 margin_percent 82.45 lines 6 adjustments 0
//   fee 1 amount 45000.00 covers 2026-03-01..2026-03-31
//   allowance engineer_visit/month used 3 remaining 0 covered 5400.00
//   alert allowance_threshold engineer_visit/month 100 V3
//   line V3 in lines amount 0.00
//   line V3 part 1 allowance engineer_visit/month covered 1800.00
//   closing engineer_visit/month 2026-03-01 3
//   closing volume support_hour 2026-03-01 42h
//
// Money flows: `line V3 tax 360.00`, `statement tax 1160.00 total 6960.00 tax_exempt false`,
// `tax standard base 5800.00 amount 1160.00 percent 20` (one rate's tax line), `fee 1
// prepaid_units 40 covered 100000.00 tax 0.00`, the prepaid balance as `statement balance_opening
// 15000.00 received 20000.00 drawn 31000.00 balance_closing 4000.00 owed 0.00`, `opening balance
// 15000.00`, `closing balance 4000.00`, `alert balance_low 5000.00 V3`, `alert balance_exhausted
// V4` (a fee that drew it: its description). Payments come from the folder's payments.csv.
//
// Every line, adjustment and rejected line of the statement (not `after_period`), every fee,
// every tax line and every alert is asserted; `closing` (of allowances or volumes), when written,
// lists the whole closing state, allowances and volumes. Each `bill` run is also priced request by
// request with price_with_state from the same opening state, in work order, and must give the
// statement's lines and its closing state (design decision 9).
//
// Estimates. `estimate CONTRACT [only ID... | except ID...]` prices the contract's lines not yet
// billed with tariff::estimate against the opening state (as above), which it leaves as it was;
// `line` and `total AMOUNT` (the sum of the lines' amounts) hold against it.
//
// Expiry. `expiring DAY DAYS ID...` (or `-` for none): tariff::expiring_contracts of the folder's
// contracts on DAY within DAYS days gives exactly these contracts, in this order.
//
// Staff pay. `pay MONTH [block NAME] EMPLOYEE [line ID] FIELD VALUE ...`: tariff::staff_pays of
// the month; totals `total`, `lines`; a line's `pay`, `rule`, `amount`, `quantity`.
//
// Each work line is asserted somewhere: in the pricing section, or in a run that has it.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/billing.hpp>
#include <tariff/model.hpp>
#include <tariff/payouts.hpp>
#include <tariff/pricing.hpp>
#include <tariff/staff_pay.hpp>

namespace tariff::examples {

/// One `field value` of a line (part == 0) or of one of its parts.
struct assertion {
  int source_line = 0;  ///< where it is written in the expect file, from 1
  std::string line_id;  ///< the work line's id
  int part = 0;         ///< the part, from 1; 0: the line itself
  std::string field;    ///< "amount", "labels", ...
  std::string expected;

  friend bool operator==(const assertion&, const assertion&) = default;
};

/// One allowance's use in one of its periods: an `opening` or `closing` directive.
struct state_entry {
  int source_line = 0;
  std::string allowance;  ///< the allowance's key, "hvac_repair/month"
  date_span period;       ///< the allowance's period containing the day written
  std::string quantity;   ///< as written: "8h30min", "3"
  decimal used;           ///< seconds for a duration, units for a count
  bool is_time = false;   ///< the quantity is a duration

  friend bool operator==(const state_entry&, const state_entry&) = default;
};

/// The volume of a tiered item in one statement period: an `opening volume` or `closing volume`
/// directive. The period is the contract's statement period that contains `day`, known only with
/// the contract (opening) or the state (closing).
struct volume_entry {
  int source_line = 0;
  std::string item;      ///< the item's name, "support_hour"
  local_date day{};      ///< any day of the statement period meant
  std::string quantity;  ///< as written: "38h", "17"
  decimal value;         ///< seconds for a duration, units (or packages) for a count
  bool is_time = false;  ///< the quantity is a duration

  friend bool operator==(const volume_entry&, const volume_entry&) = default;
};

/// One `field value` of the statement (`statement`), of one of its fees (`fee N`), of one of its
/// allowances (`allowance KEY`), or an estimate's `total`.
struct figure {
  int source_line = 0;
  std::string subject;    ///< "statement", "fee", "allowance" or "total"
  int fee = 0;            ///< `fee N`: N, from 1
  std::string allowance;  ///< `allowance KEY`: KEY
  std::string field;      ///< "revenue", "amount", ...; "total" for `total`
  std::string expected;

  friend bool operator==(const figure&, const figure&) = default;
};

/// An `alert` directive: an alert the statement has.
struct alert_assertion {
  int source_line = 0;
  alert_kind kind = alert_kind::allowance_threshold;
  std::string allowance;  ///< allowance_threshold: the allowance's key
  std::string percent;    ///< allowance_threshold: the threshold as the alert writes it ("80")
  std::string line;       ///< allowance_threshold, balance_*: the work line that reached it
                          ///< (balance_*: or the fee's description)
  std::string threshold;  ///< balance_low: the threshold as the alert writes it

  friend bool operator==(const alert_assertion&, const alert_assertion&) = default;
};

/// A `bill` or `estimate` directive and what is asserted of its result.
/// A `change CONTRACT FIELD VALUE...` directive: the host records a change to a contract (a late
/// amendment, a termination) before the run that follows it.
struct contract_change {
  int source_line = 0;
  std::string contract;
  std::string field;  ///< status, end or amendment
  std::string value;  ///< the rest of the directive, as written (an amendment may hold spaces)

  friend bool operator==(const contract_change&, const contract_change&) = default;
};

struct billing_run {
  enum class kind_t : std::uint8_t { bill, estimate };

  int source_line = 0;
  kind_t kind = kind_t::bill;
  std::string header;               ///< the directive as written, for messages: "bill C-1 2026-03"
  std::string contract;             ///< the contract's id
  local_date day{};                 ///< bill: the day whose statement period is billed
  std::vector<std::string> only;    ///< `only ID...`: bill (or estimate) just these lines
  std::vector<std::string> except;  ///< `except ID...`: all but these
  std::vector<state_entry> opening;
  std::vector<state_entry> closing;
  std::vector<volume_entry> opening_volumes;
  std::vector<volume_entry> closing_volumes;
  std::vector<assertion> lines;
  std::vector<figure> figures;
  std::vector<alert_assertion> alerts;
  std::optional<decimal> opening_balance;      ///< `opening balance AMOUNT`
  std::optional<std::string> closing_balance;  ///< `closing balance AMOUNT`, as written
  int closing_balance_line = 0;
  std::vector<contract_change> changes;  ///< `change` directives written before the run

  friend bool operator==(const billing_run&, const billing_run&) = default;
};

/// An `expiring` directive.
struct expiry_assertion {
  int source_line = 0;
  local_date day{};
  int days = 0;
  std::vector<std::string> contracts;  ///< empty for `-`

  friend bool operator==(const expiry_assertion&, const expiry_assertion&) = default;
};

/// A `payout MONTH [rates LIST] PERFORMER [line ID] FIELD VALUE ...` directive: the payouts of a
/// month (tariff::payouts), at cost prices or the rates of price list LIST; the performer's
/// totals, or one of its lines.
struct payout_assertion {
  int source_line = 0;
  std::string month;      ///< "2026-03"
  std::string rates;      ///< the rates' price list; empty: each item's cost price
  std::string performer;  ///< "-" for work that names no performer
  std::string line_id;    ///< empty: the performer's totals
  std::vector<std::pair<std::string, std::string>> fields;  ///< field, expected text

  friend bool operator==(const payout_assertion&, const payout_assertion&) = default;
};

/// A `pay MONTH [block NAME] EMPLOYEE [line ID] FIELD VALUE ...` directive: staff pay of a month
/// (tariff::staff_pays) under a pay block (the tariff's only one when not named); the employee's
/// total, or one of its lines.
struct pay_assertion {
  int source_line = 0;
  std::string month;     ///< "2026-03"
  std::string block;     ///< the pay block; empty: the only one
  std::string employee;  ///< "-" for work that names no performer
  std::string line_id;   ///< empty: the employee's totals
  std::vector<std::pair<std::string, std::string>> fields;  ///< field, expected text

  friend bool operator==(const pay_assertion&, const pay_assertion&) = default;
};

/// A parsed expect file: its assertions, and what was wrong with its text.
struct expect_file {
  std::vector<assertion> assertions;  ///< the pricing section: `line` before any run
  std::vector<billing_run> runs;      ///< in file order
  std::vector<expiry_assertion> expiring;
  std::vector<payout_assertion> payouts;
  std::vector<pay_assertion> pays;
  std::vector<std::string> errors;  ///< "FILE:LINE: message"; an expect file with any is unusable
};

/// Hears every call the checks below make of the engine, with what was passed and what came
/// back, in the order made: a host of the same engine asks the same and must get the same
/// (golden_json.cpp writes them for the Python package's test). Lines passed are named by id.
class engine_log {
 public:
  engine_log() = default;
  engine_log(const engine_log&) = default;
  engine_log& operator=(const engine_log&) = default;
  virtual ~engine_log() = default;

  /// The folder's tariff, compiled: before any other call.
  virtual void compiled(const compiled_tariff& tariff) = 0;
  /// tariff::price of the folder's contracts and all its work (the pricing section).
  virtual void priced(std::span<const priced_line> lines) = 0;
  /// tariff::bill of `period`, the statement period of `day`.
  virtual void billed(const contract& deal, local_date day, const date_span& period,
                      const billing_state& opening, std::span<const work_line> work,
                      std::span<const payment> payments, const statement& s) = 0;
  virtual void estimated(const contract& deal, const billing_state& opening,
                         std::span<const work_line> work, std::span<const priced_line> lines) = 0;
  /// tariff::price_with_state: the state before the call and after it.
  virtual void priced_with_state(const contract& deal, const billing_state& before,
                                 std::span<const work_line> work,
                                 std::span<const priced_line> lines,
                                 const billing_state& after) = 0;
  virtual void expiring(local_date day, int days, std::span<const contract> found) = 0;
  /// tariff::payouts of a month; `rates` empty for cost prices.
  virtual void paid_out(const date_span& month, const std::string& rates,
                        std::span<const payout> found) = 0;
  /// tariff::staff_pays of a month; `block` empty for the tariff's only pay block.
  virtual void paid_staff(const date_span& month, const std::string& block,
                          std::span<const staff_pay> found) = 0;
};

/// The fields a line assertion may name, and those a part assertion may name.
std::span<const std::string_view> line_fields();
std::span<const std::string_view> part_fields();

/// Parses an expect file. `file` names it in error messages ("examples/04-night-work/expect.txt").
expect_file parse_expect(std::string_view text, std::string_view file);

/// The names of a segment's labels joined by "+", "-" for none (compiled_tariff::label_names).
using label_namer = std::function<std::string(const segment_labels&)>;

/// Holds priced lines (one per work line, in work order) against the pricing section. Returns one
/// message per failure, "FILE:LINE: line J1 part 2 amount: expected 7500.00, got 7500.0", and
/// also fails an assertion on a line id not in the work, a work line without any assertion and a
/// rejected line whose rejection is not asserted.
std::vector<std::string> check_expectations(const expect_file& expect, std::string_view file,
                                            std::span<const work_line> work,
                                            std::span<const priced_line> priced,
                                            const label_namer& labels);

/// Holds a statement against a `bill` run: its lines, figures, alerts and closing state; fails a
/// line, fee or alert of the statement that is not asserted.
std::vector<std::string> check_statement(const billing_run& run, std::string_view file,
                                         const statement& s, const label_namer& labels);

/// Holds an estimate's lines (one per work line estimated) against an `estimate` run.
std::vector<std::string> check_estimate(const billing_run& run, std::string_view file,
                                        std::span<const priced_line> lines,
                                        const label_namer& labels);

/// Holds lines priced request by request (price_with_state, any order) and the state they left
/// against the statement: each line of the statement that is not `after_period` must be among
/// them and equal, none may be extra, and the state must be the closing state. `where` starts
/// each message.
std::vector<std::string> check_same_as_statement(std::string_view where, const statement& s,
                                                 std::span<const priced_line> one_by_one,
                                                 const billing_state& state);

/// Runs every `bill` and `estimate` run and every `expiring` directive of `expect` with the
/// engine, over the folder's contracts and work, and holds the results against them; also the
/// request-by-request check of each `bill` run, and, when the file has no pricing section, that
/// every work line is asserted in some run.
/// `payments` (the folder's payments.csv, if any) go to each `bill` run's contract: those a
/// statement credits are not given to the contract's later runs.
std::vector<std::string> check_runs(const expect_file& expect, std::string_view file,
                                    const compiled_tariff& tariff,
                                    std::span<const contract> contracts,
                                    std::span<const work_line> work, const label_namer& labels,
                                    std::span<const payment> payments = {},
                                    engine_log* log = nullptr);

/// Holds the staff pay of each month the `pay` directives name against them; every employee's
/// total and every line of an asserted month must be asserted.
std::vector<std::string> check_pays(const expect_file& expect, std::string_view file,
                                    const compiled_tariff& tariff,
                                    std::span<const contract> contracts,
                                    std::span<const work_line> work, engine_log* log = nullptr);

/// Holds the payouts of each month the `payout` directives name against them; every performer's
/// totals and every line of an asserted month must be asserted.
std::vector<std::string> check_payouts(const expect_file& expect, std::string_view file,
                                       const compiled_tariff& tariff,
                                       std::span<const contract> contracts,
                                       std::span<const work_line> work, engine_log* log = nullptr);

/// `labels` for a compiled tariff.
label_namer labels_of(const compiled_tariff& tariff);

/// Everything the golden test holds of one example folder (folder.cpp): its five files are
/// there, the tariff compiles with no diagnostic at all, contracts.csv, work.csv and
/// payments.csv (if any) read with no error, the expect file parses, and each of its directives
/// holds (check_expectations, check_payouts, check_pays, check_runs). `shown` names the folder
/// in messages ("examples/04-night-work/"). Returns one message per failure; `log`, if given,
/// hears every call made of the engine.
std::vector<std::string> check_folder(const std::filesystem::path& dir, const std::string& shown,
                                      engine_log* log = nullptr);

/// The whole file at `path`, or nullopt when it cannot be opened.
std::optional<std::string> read_file(const std::filesystem::path& path);

}  // namespace tariff::examples
