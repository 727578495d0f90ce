// tariff — period billing: what a contract's plan bills for a period, with explicit state.
//
//   tariff::billing_state state = load_from_host();          // empty for a new contract
//   tariff::date_span march = tariff::statement_period(tariff, contract, march_1);
//   tariff::statement s = tariff::bill(tariff, contract, march, state, work_of_march);
//   save_to_host(s.closing);                                  // the opening state of April
//
// A statement holds the plan's fees, every work line priced (the parts its allowances include at
// price 0 with their covered value, the rest billed), late work for earlier periods as adjustments,
// totals, allowance use, alerts, and the closing state. The state is a ledger of what was billed:
// billing a period again, or passing work or payments billed before, never charges twice, and a
// changed line is reversed exactly and billed again (docs/statement.md, "Billing twice never
// charges twice"). Pricing request by request with price_with_state, passing the state along in
// work order, gives the same lines and the same allowance and volume use; only bill() writes the
// ledger. docs/statement.md explains every figure.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/calendar.hpp>
#include <tariff/decimal.hpp>
#include <tariff/error.hpp>
#include <tariff/export.h>
#include <tariff/io.hpp>
#include <tariff/model.hpp>
#include <tariff/pricing.hpp>

namespace tariff {

/// A contract's data that cannot be billed as given, found while billing it: a per-unit value
/// that is negative or not whole, a prepaid span naming a fee its plan lacks, an opening state
/// entry its plan cannot match in a period still open, a payment to a plan without a prepaid
/// balance, a tax exemption its attributes cannot decide, a sum past the decimal limits. The
/// message names the contract and the value. The C interface returns TARIFF_INVALID_INPUT for it.
class TARIFF_API billing_input_error : public error {
 public:
  using error::error;
};

/// What a host stores between statements (design decisions 9 and 11): the allowance use,
/// volumes and balance a statement reads, and the ledger of what was billed, by which billing the
/// same thing twice changes nothing. Plain data; the host keeps it, one per contract.
struct TARIFF_API billing_state {
  /// The format write_state_json writes. read_state_json also reads format 1 (no ledger).
  static constexpr int current_format = 2;

  /// The format the state was read in: 1 for a state written before the ledger (migrated: it has
  /// no records, so what it billed cannot be recognised). bill() closes every state in format 2.
  int format = current_format;
  std::string contract;        ///< the contract's id; empty for a new (or migrated) state
  std::uint64_t revision = 0;  ///< raised by one by every statement that records something

  /// How much of one allowance was used in one of its periods.
  struct allowance_use {
    std::string allowance;  ///< the allowance's key: its items and period, "engineer_visit/month"
    date_span period;       ///< the allowance's period (a quarter for a quarterly allowance)
    decimal used;           ///< seconds for time items, units for counted items

    friend bool operator==(const allowance_use&, const allowance_use&) = default;
  };
  std::vector<allowance_use> allowances;  ///< sorted by allowance, then period

  /// How much of a tiered item was billed in one statement period: the volume tiers count.
  struct volume {
    std::string item;  ///< the item's name
    date_span period;  ///< a statement period of the contract's plan
    decimal quantity;  ///< seconds for time items, units (packages for package tiers) otherwise

    friend bool operator==(const volume&, const volume&) = default;
  };
  std::vector<volume> volumes;  ///< sorted by item, then period

  decimal balance;  ///< plans with `prepaid`: what is left of the client's prepaid money

  /// A work line as it was billed: what a correction or a void reverses, exactly.
  struct billed_line {
    std::string id;           ///< the work line's id
    std::string fingerprint;  ///< work_fingerprint() of the version billed; "void" once voided
    local_date date{};        ///< its date: the local date of its start
    std::string item;         ///< its item
    decimal amount;           ///< as billed
    decimal cost;
    decimal tax;
    std::string rate;  ///< the tax rate that taxed it ("standard"); empty without a tax
    std::vector<allowance_use> included;  ///< what each allowance period included of it
    decimal volume;  ///< what it added to its tiered item's volume in its statement period

    friend bool operator==(const billed_line&, const billed_line&) = default;
  };
  std::vector<billed_line> lines;  ///< sorted by id

  /// A fee period charged (one record per fee line: a period split by an amendment has two).
  struct billed_fee {
    std::string fee;       ///< the fee's name, or its description when it has none
    date_span fee_period;  ///< the fee's whole period
    date_span covers;      ///< the days charged
    decimal units;         ///< the units charged for
    decimal amount;        ///< as billed (with any adjustment since)

    friend bool operator==(const billed_fee&, const billed_fee&) = default;
  };
  std::vector<billed_fee> fees;  ///< sorted by fee, then fee period, then covers

  /// A payment credited, or a refund or chargeback recorded.
  struct credited_payment {
    std::string id;
    local_date date{};
    decimal amount;
    payment_kind kind = payment_kind::payment;
    std::string reverses;  ///< a refund's payment id
    decimal refunded;      ///< a payment: how much of it refunds have taken back since

    friend bool operator==(const credited_payment&, const credited_payment&) = default;
  };
  std::vector<credited_payment> payments;  ///< sorted by id

  /// A statement issued from this state (within the horizon).
  struct issued_statement {
    std::string id;              ///< statement::id
    date_span period;            ///< its period
    std::uint64_t revision = 0;  ///< the revision it closed with

    friend bool operator==(const issued_statement&, const issued_statement&) = default;
  };
  std::vector<issued_statement> statements;  ///< in the order issued

  friend bool operator==(const billing_state&, const billing_state&) = default;
};

/// The fingerprint of a work line's pricing fields — item, start, end, quantity, kind, site, time
/// zone, site and work attributes; not its id, request, contract, performer or acceptance — as
/// 32 lower-case hex digits (the first half of a SHA-256 of a canonical text). Two versions of a
/// line with the same fingerprint price the same; the ledger keeps it to tell a line sent again
/// from a corrected one. Stable across versions and machines.
[[nodiscard]] TARIFF_API std::string work_fingerprint(const work_line& line);

/// A plan's fee charged in a statement.
struct TARIFF_API fee_line {
  std::string description;  ///< "fee 2500.00 per month per unit contract.workstations"
  date_span covers;         ///< the days charged: the fee's whole period, or (prorated) the days
                            ///< the contract covers; split where an amendment changes the units
  date_span fee_period;     ///< the fee's whole period (a calendar month, quarter or year)
  decimal units;            ///< the per-unit attribute's value; 1 without `per unit`
  decimal amount;           ///< fee × units, prorated if declared, rounded at `line`; without
                            ///< the units a prepaid span covers
  decimal prepaid_units;    ///< units the contract paid for in advance (all of them for a fee
                            ///< without `per unit`); 0 when no prepaid span covers the period
  decimal covered;          ///< what the prepaid units would have cost (like an allowance's
                            ///< covered value)
  decimal tax;              ///< the fee's tax, at the tax's default rate (statements with a tax)
  int line = 0;             ///< where the fee is written in the tariff
  int column = 0;
  std::optional<decimal> billed_before;  ///< a fee adjustment: what an earlier statement billed
                                         ///< for these days; `amount` is the difference

  friend bool operator==(const fee_line&, const fee_line&) = default;
};

/// One allowance of the plan in the statement: what it holds and what was used.
struct allowance_report {
  std::string allowance;      ///< the key, as in billing_state
  date_span period;           ///< its period that contains the statement's first day
  item_quantity included;     ///< what it includes per period
  item_quantity used_before;  ///< used in that period before this statement (opening state)
  item_quantity used;         ///< used by this statement's lines
  item_quantity remaining;    ///< left after them
  decimal covered_value;      ///< what the included parts would have cost

  friend bool operator==(const allowance_report&, const allowance_report&) = default;
};

enum class alert_kind : std::uint8_t {
  allowance_threshold,  ///< an allowance's used share reached one of its `alert` percents
  contract_expiring,    ///< the contract ends within the warning window after the period
  fee_not_charged,      ///< a fee could not be computed (its per-unit attribute is missing)
  balance_low,          ///< the prepaid balance fell to or below one of the plan's thresholds
  balance_exhausted,    ///< the prepaid balance ran out: the rest of the period is owed
  unknown_state_entry,  ///< the opening state has an entry of a closed period that the plan
                        ///< cannot match (an allowance key it lacks); kept, not used
  state_migrated,       ///< the opening state was format 1: it has no ledger to recognise
                        ///< what it billed before
  balance_negative,     ///< a refund or chargeback took more than the balance held: owed back
};

/// The kind's name as files write it ("allowance_threshold").
[[nodiscard]] TARIFF_API std::string_view to_string(alert_kind kind);

struct alert {
  alert_kind kind = alert_kind::allowance_threshold;
  std::string message;    ///< plain words
  std::string allowance;  ///< allowance_threshold: the allowance's key
  decimal percent;        ///< allowance_threshold: the threshold reached
  std::string line;       ///< allowance_threshold, balance_*: the work line that reached it (for
                          ///< a balance, a fee's description when a fee drew it down)
  decimal threshold;      ///< balance_low: the plan's threshold; balance_*: 0 otherwise

  friend bool operator==(const alert&, const alert&) = default;
};

/// One tax rate's figures in a statement.
struct tax_line {
  std::string tax;   ///< the tariff's tax ("vat")
  std::string rate;  ///< the rate ("standard")
  decimal percent;   ///< 20 for 20 %
  decimal base;      ///< what it taxes: the fees' and lines' amounts at it, without the tax
  decimal amount;    ///< the tax; the lines' and fees' taxes at this rate add up to it exactly

  friend bool operator==(const tax_line&, const tax_line&) = default;
};

/// Why a billed line is reversed.
enum class reversal_reason : std::uint8_t {
  corrected,  ///< sent again with other pricing fields: the new version is billed after it
  voided,     ///< sent again marked `void`: cancelled
};

/// The name as files write it ("corrected").
[[nodiscard]] TARIFF_API std::string_view to_string(reversal_reason reason);

/// A billed line taken back, exactly as the ledger recorded it (docs/design.md, decision 11).
struct reversal {
  std::string id;  ///< the work line's id
  reversal_reason reason = reversal_reason::corrected;
  local_date date{};  ///< the billed version's date
  std::string item;   ///< the billed version's item
  decimal amount;     ///< minus what was billed
  decimal cost;       ///< minus its cost
  decimal tax;        ///< minus its tax
  std::string rate;   ///< the tax rate it was taxed at; empty without a tax
  std::vector<billing_state::allowance_use> returned;  ///< included quantity given back

  friend bool operator==(const reversal&, const reversal&) = default;
};

/// How a prepaid balance went in a statement (`prepaid` plans; docs/design.md, scenarios 6, 7a).
struct prepaid_report {
  decimal opening;                ///< the balance before the period (the opening state's)
  std::vector<payment> payments;  ///< received for the contract up to the period's end, by date,
                                  ///< refunds and chargebacks among them
  decimal received;               ///< the payments' sum
  decimal refunded;               ///< the refunds' and chargebacks' sum
  decimal drawn;                  ///< taken by the period's fees and lines, in work order
  decimal closing;  ///< opening + received − refunded − drawn: the closing state's balance
  decimal owed;     ///< what the balance did not cover: to be invoiced

  friend bool operator==(const prepaid_report&, const prepaid_report&) = default;
};

/// A plan a statement billed under, with its days in the period (docs/design.md, decision 13).
struct plan_days {
  std::string plan;
  date_span days;  ///< the plan's days of the contract's days in the period

  friend bool operator==(const plan_days&, const plan_days&) = default;
};

/// What a contract is billed for one period.
struct statement {
  std::string id;  ///< deterministic: contract, period, opening revision and a hash of the content
  std::uint64_t opening_revision = 0;  ///< the opening state's revision, for a compare-and-swap
  bool supplementary = false;  ///< the period was billed before: this bills only what that did not
  std::string contract;
  std::string client;
  std::string plan;              ///< the plan in force on the period's last day of the contract
  std::vector<plan_days> plans;  ///< every plan in force in the period, in date order: more than
                                 ///< one when an amendment changed the plan in it
  std::string currency;
  std::string tariff_hash;  ///< compiled_tariff::source_hash() of the tariff that billed it
  std::string engine;       ///< the library's version that billed it (tariff::version)
  std::string tzdata;  ///< the time-zone database it was priced with (tariff::tzdata_version())
  /// A tariff of several versions: those that priced a line or charged a fee here, in date order
  /// (docs/statement.md, "Versions"); empty for a tariff of one file, which tariff_hash names.
  std::vector<tariff_version> versions;
  date_span period;

  std::vector<fee_line> fees;
  std::vector<priced_line> lines;             ///< work dated in the period, in work order
  std::vector<priced_line> adjustments;       ///< late work dated in earlier periods, in work order
  std::vector<priced_line> rejected;          ///< lines that could not be priced, in input order
  std::vector<reversal> reversals;            ///< billed lines taken back (corrections, voids)
  std::vector<std::string> already_billed;    ///< work lines billed before, skipped: input order
  std::vector<std::string> already_credited;  ///< payments credited before, skipped: input order

  decimal fees_total;                     ///< sum of fees
  decimal work_total;                     ///< sum of lines, adjustments and reversals
  decimal revenue;                        ///< fees + work without tax: total − tax
  decimal cost;                           ///< cost of lines, adjustments and reversals
  decimal margin;                         ///< revenue − cost
  std::optional<decimal> margin_percent;  ///< margin / revenue × 100, 2 decimals half_even;
                                          ///< empty when revenue is 0

  bool tax_included = false;    ///< the tariff's prices include its tax (`tax ... included`)
  bool tax_exempt = false;      ///< the tax's `exempt` condition holds for the contract
  std::vector<tax_line> taxes;  ///< one per rate with something to tax, in the tax's rate order;
                                ///< empty without a tax or when exempt
  decimal tax;                  ///< the sum of taxes
  decimal total;  ///< what the client owes for the period: fees + work, plus the tax when prices
                  ///< exclude it; rounded at `statement` if declared
  std::optional<prepaid_report> prepaid;  ///< plans with `prepaid`

  std::vector<allowance_report> allowances;  ///< one per allowance of the plan, in plan order;
                                             ///< after a plan change in the period, the earlier
                                             ///< plans' other allowances follow (closed at it)
  std::vector<alert> alerts;
  billing_state closing;  ///< the opening state with this statement's use added
};

/// What billing does with a work line or payment the ledger has billed as it is now.
enum class repeat_policy : std::uint8_t {
  skip,   ///< leave it out and list it (statement::already_billed, already_credited)
  error,  ///< refuse the statement (billing_input_error naming it)
};

/// Options for billing.
struct bill_options {
  int expiry_warning_days = 30;  ///< alert when the contract ends within this many days after
                                 ///< the period (and in it)
  bool trace = true;             ///< as price_options::trace
  repeat_policy on_repeat = repeat_policy::skip;
  /// The late-work horizon in statement periods, overriding the plan's `late work N periods`
  /// (default_late_work_periods when neither says): late work may be dated in the N periods
  /// before the statement's; the ledger forgets older periods, and work, fees and payments dated
  /// in them are refused (`period_closed`). From 1 to 1200 (tariff::call_error otherwise).
  std::optional<int> late_work_periods;
  /// When to give up (cancel.hpp): looked at every 64 lines priced. bill() then throws
  /// cancelled and returns nothing: the host's opening state is untouched, as it always is.
  stop_condition stop{};
};

/// The late-work horizon when neither the plan nor the options give one.
inline constexpr int default_late_work_periods = 12;

/// What is wrong with `contract` for billing under `tariff`, found before any statement: its plan
/// is not in the tariff, or a prepaid fee span names a fee its plan lacks (bill() refuses such a
/// contract). Each problem names the contract (`id`) and the field (`column`); `row` is 0, for a
/// host that read the contract to fill in (read_result::row_numbers). Empty when nothing is.
[[nodiscard]] TARIFF_API std::vector<input_error> contract_problems(const compiled_tariff& tariff,
                                                                    const contract& contract);

/// The statement period of the contract's plan that contains `day` (a calendar month, quarter or
/// year, as the plan's `period` says). Throws call_error if the contract's plan is not
/// in the tariff.
[[nodiscard]] TARIFF_API date_span statement_period(const compiled_tariff& tariff,
                                                    const contract& contract, local_date day);

/// Bills `contract` for `period` (one of its plan's statement periods): fees, then `work`
/// priced, with allowances used in work order from `opening`. `work` may hold every contract's
/// lines: those naming another contract are left out (not rejected), except one the ledger billed
/// to this contract, which is rejected `moved_contract`. Lines dated before the period are
/// late work: billed as adjustments, using their own period's allowance. Lines dated after it are
/// rejected (after_period). What the opening state's ledger holds is never billed twice
/// (docs/design.md, decision 11): a line sent again is skipped (`already_billed`), a changed or
/// voided one is reversed and (if changed) billed again, fee periods charged before are charged
/// only by a retroactive difference, and a second statement of a period is `supplementary`. Throws
/// call_error if the contract has no plan of the tariff or `period` is not one of its
/// statement periods, and billing_input_error if the contract's data cannot be billed as given (a
/// per-unit value below 0 or, for an `integer` attribute, not whole; a prepaid span naming a fee
/// the plan lacks; an opening state entry the plan cannot match in this statement's periods —
/// older ones become `unknown_state_entry` alerts; a state of another contract; a period before
/// the horizon; a payment id credited with other figures; a refund of more than its payment; a
/// repeat under repeat_policy::error). Allowance keys are read in any order of their items.
[[nodiscard]] TARIFF_API statement bill(const compiled_tariff& tariff, const contract& contract,
                                        date_span period, const billing_state& opening,
                                        std::span<const work_line> work,
                                        const bill_options& options = {});

/// As above, for a plan with `prepaid`: `payments` — those the ledger has credited are skipped —
/// top the balance up on their dates, and refunds and chargebacks take it down (those dated before
/// the period from its first day; those after its end wait for their own statement; other
/// contracts' are ignored). Fees, then lines in work order, draw the balance down; what it cannot
/// cover is owed.
[[nodiscard]] TARIFF_API statement bill(const compiled_tariff& tariff, const contract& contract,
                                        date_span period, const billing_state& opening,
                                        std::span<const work_line> work,
                                        std::span<const payment> payments,
                                        const bill_options& options = {});

/// Lines priced with allowances, as bill() prices them, without fees or totals: what a host does
/// when a request closes. `state` is advanced by what the lines use (allowances and volumes);
/// its ledger, revision and balance are bill()'s and stay as they were. Throws billing_input_error,
/// leaving `state` as it was, if the state has an entry the plan cannot match in a period a
/// line falls in. The lines keep their parts whatever `options.parts` says: allowances split them.
/// Throws cancelled when `options.stop` holds, leaving `state` as it was.
[[nodiscard]] TARIFF_API std::vector<priced_line> price_with_state(
    const compiled_tariff& tariff, const contract& contract, billing_state& state,
    std::span<const work_line> work, const price_options& options = {});

/// An estimate: planned work priced against the current state, which is left as it is
/// (pay per fact, docs/design.md, scenario 7b). Like price_with_state, it keeps the parts.
[[nodiscard]] TARIFF_API std::vector<priced_line> estimate(const compiled_tariff& tariff,
                                                           const contract& contract,
                                                           const billing_state& state,
                                                           std::span<const work_line> work,
                                                           const price_options& options = {});

/// Registered contracts that end within `days` days on or after `day` (docs/design.md, scenario 2),
/// soonest first.
[[nodiscard]] TARIFF_API std::vector<contract> expiring_contracts(
    std::span<const contract> contracts, local_date day, int days = 30);

}  // namespace tariff
