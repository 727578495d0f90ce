// tariff — what a host hands the engine: contracts and the work done under them.
//
// These are plain values. The host fills them from its own records (or reads them with
// tariff/io.hpp); the engine validates them against the tariff when it prices, and rejects a bad
// line with a reason while the other lines are still priced.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/calendar.hpp>
#include <tariff/decimal.hpp>
#include <tariff/export.h>

namespace tariff {

/// Host-supplied attributes by name ("region" -> "tula"), as text. The tariff declares each
/// attribute's type (`attribute site.region : string`); the engine converts when it prices and
/// rejects a line whose value does not convert.
using attribute_map = std::map<std::string, std::string, std::less<>>;

/// Where a contract stands. Only a registered contract may be billed (docs/design.md, scenario 2).
enum class contract_status : std::uint8_t {
  draft,       ///< not signed yet
  registered,  ///< signed and in force between its start and end dates
  closed,      ///< ended
};

/// A change to a contract from a date on: 50 workstations instead of 40 from 16 March, or the
/// premium plan instead of basic. Pricing reads the values and the plan in force on a line's
/// date; a fee per unit is charged by days for each stretch of its period with its own value, and
/// a plan change splits the fee periods it falls in between the two plans' fees by days
/// (docs/design.md, decision 13).
struct contract_amendment {
  local_date effective{};           ///< the first day the new values hold
  attribute_map attributes;         ///< contract.X values from that day
  attribute_map client_attributes;  ///< client.X values from that day
  std::string plan;                 ///< the plan the contract bills under from that day; empty:
                                    ///< unchanged

  friend bool operator==(const contract_amendment&, const contract_amendment&) = default;
};

/// A fee the client paid in advance for a span of days (support for half a year, domain
/// scenario 12): statements in the span do not charge it again, except for units beyond those
/// paid for (workstations added later).
struct prepaid_fee {
  std::string fee;               ///< the fee's name in the plan: `fee support 25000.00 per month`
  date_span span;                ///< the days paid for: fee periods starting in it are covered
  std::optional<decimal> units;  ///< a fee per unit: the units paid for; empty: all of them

  friend bool operator==(const prepaid_fee&, const prepaid_fee&) = default;
};

/// A service contract with a client.
struct contract {
  std::string id;         ///< the host's contract id
  std::string client;     ///< the host's client id
  std::string plan;       ///< the tariff's plan it bills under; empty: none
  std::string pricelist;  ///< overrides the plan's price list; empty: the plan's
  contract_status status = contract_status::registered;
  local_date start{};                          ///< first day in force
  local_date end{};                            ///< last day in force (inclusive)
  std::optional<local_date> client_since;      ///< start of the relationship; empty: `start`
  attribute_map attributes;                    ///< contract.X in the tariff
  attribute_map client_attributes;             ///< client.X in the tariff
  std::vector<contract_amendment> amendments;  ///< changes to the attributes, in any order
  std::vector<prepaid_fee> prepaid_fees;       ///< fees paid in advance

  friend bool operator==(const contract&, const contract&) = default;
};

/// What kind of work a line records. Only billable work is billed to the client; the other kinds
/// are recorded and priced at cost (docs/design.md, scenarios 10 and 11).
enum class work_kind : std::uint8_t {
  billable,      ///< billed to the client
  internal,      ///< the company's own work: recorded, not billed
  warranty,      ///< under warranty: the client pays nothing, the company bears the cost
  bug_fix,       ///< fixing the company's own defect: not billed
  company_cost,  ///< done at the company's expense
};

/// One line of work: time on an item billed by time, or a quantity of an item counted in units.
struct TARIFF_API work_line {
  std::string id;        ///< the host's line id; diagnostics name it
  std::string request;   ///< the request (ticket) it belongs to
  std::string contract;  ///< the contract it is done under
  std::string item;      ///< the price-list item code
  instant start{};       ///< when the work started; dates the line (its local date and period)
  std::optional<instant> end;       ///< when it ended: set exactly for items billed by time
  std::optional<decimal> quantity;  ///< how many units: set exactly for counted items
  work_kind kind = work_kind::billable;
  std::string performer;                  ///< the staff member or contractor who did it
  bool accepted = false;                  ///< the client accepted the work
  std::optional<local_date> accepted_on;  ///< when it was accepted
  std::string site;                       ///< the site (building, office) it was done at
  std::string time_zone;  ///< the site's zone ("Europe/Berlin"); empty: the tariff calendar's
  attribute_map site_attributes;  ///< site.X in the tariff
  attribute_map attributes;       ///< work.X in the tariff
  bool voided = false;  ///< `void`: cancels the line billed under this id (a reversal only)

  friend bool operator==(const work_line&, const work_line&) = default;
};

/// What a payment record is: money received, or money given back.
enum class payment_kind : std::uint8_t {
  payment,     ///< received: tops the balance up
  refund,      ///< given back to the client: takes (part of) a credited payment back
  chargeback,  ///< taken back by the client's bank: as a refund
};

/// Money a client paid towards a prepaid balance (docs/design.md, scenario 7a), or a refund or
/// chargeback of such a payment. (contract, id) identifies a record: billing credits it once.
struct payment {
  std::string id;        ///< the host's payment id
  std::string contract;  ///< the contract whose balance it tops up
  local_date date{};     ///< when it was received (or given back): work from that day on sees it
  decimal amount;        ///< positive; for a refund, what it gives back
  payment_kind kind = payment_kind::payment;
  std::string reverses;  ///< a refund's or chargeback's payment id; empty for a payment

  friend bool operator==(const payment&, const payment&) = default;
};

/// The kind's name as files write it ("bug_fix").
[[nodiscard]] TARIFF_API std::string_view to_string(work_kind kind);
/// The kind's name as files write it ("refund").
[[nodiscard]] TARIFF_API std::string_view to_string(payment_kind kind);
/// The kind with this name, or nullopt.
[[nodiscard]] TARIFF_API std::optional<payment_kind> parse_payment_kind(std::string_view name);
/// The kind with this name, or nullopt.
[[nodiscard]] TARIFF_API std::optional<work_kind> parse_work_kind(std::string_view name);
/// The status's name as files write it ("registered").
[[nodiscard]] TARIFF_API std::string_view to_string(contract_status status);
/// The status with this name, or nullopt.
[[nodiscard]] TARIFF_API std::optional<contract_status> parse_contract_status(
    std::string_view name);

/// The text of contract attribute `name` (client attribute if `client`) in force on `day`: the
/// latest amendment effective on or before `day` that sets it, else the contract's own; null if
/// neither has it.
[[nodiscard]] TARIFF_API const std::string* attribute_on(const contract& c, bool client,
                                                         std::string_view name, local_date day);

/// The plan `c` bills under on `day`: the plan of the latest amendment effective on or before
/// `day` that names one (the later in the list when two share a date), else the contract's own.
[[nodiscard]] TARIFF_API const std::string& plan_on(const contract& c, local_date day);

}  // namespace tariff
