// tariff — staff piece-rate pay by `pay` rules (docs/design.md, scenario 11): what each
// employee earned for the work they did in a period.
//
//   pay technicians {
//     rule warranty for hvac_repair when work.kind = "warranty" : quantity * 600.00
//     rule labour   for hvac_repair, visit                      : amount * 30%
//     rule parts    for cartridge                               : quantity * 150.00
//   }
//
//   for (const tariff::staff_pay& p : tariff::staff_pays(tariff, contracts, work, march).pays)
//     pay(p.employee, p.total);
//
// Each work line dated in the period is priced on its own (as tariff::price prices it: no
// allowances, which are the client's billing), then the first rule of the block whose items and
// condition fit the line gives its pay. In a pay rule `amount` is what the client pays for the
// line (0 for work not billed to the client), `cost` its cost, `quantity` the quantity done in
// the item's unit (25 minutes of an hourly item is 25/60); attributes read as in price rules.
// The pay is rounded as the tariff rounds line amounts.
#pragma once

#include <span>
#include <string>
#include <vector>

#include <tariff/calendar.hpp>
#include <tariff/decimal.hpp>
#include <tariff/export.h>
#include <tariff/model.hpp>
#include <tariff/pricing.hpp>

namespace tariff {

/// One work line in an employee's pay.
struct staff_pay_line {
  std::string id;  ///< the work line
  std::string request;
  std::string contract;
  std::string item;
  work_kind kind = work_kind::billable;
  local_date date{};       ///< the line's local date
  item_quantity quantity;  ///< the quantity done
  decimal amount;          ///< what the client pays for the line (the rules' `amount`)
  std::string rule;        ///< the pay rule that applied; empty: none did, and the pay is 0
  decimal pay;             ///< what the rule gives, rounded as line amounts are
  int line = 0;            ///< where the rule is written in the tariff
  int column = 0;
  friend bool operator==(const staff_pay_line&, const staff_pay_line&) = default;
};

/// What one employee earned in a period.
struct staff_pay {
  std::string employee;  ///< the work lines' performer; empty for lines that name none
  std::string currency;
  date_span period;
  decimal total;                      ///< the sum of the lines' pay
  std::vector<staff_pay_line> lines;  ///< in work order (start, then id)
  friend bool operator==(const staff_pay&, const staff_pay&) = default;
};

/// What staff_pays() found: each employee's pay, and the lines that earn nothing.
struct staff_pay_result {
  std::vector<staff_pay> pays;        ///< one per employee, by name
  std::vector<priced_line> rejected;  ///< work that earns nothing, in work order, with reasons
  friend bool operator==(const staff_pay_result&, const staff_pay_result&) = default;
};

/// The pay of `period` under the tariff's pay block `pay` (empty: its only one), one entry per
/// employee, by name. Work the tariff rejects, or a rule cannot evaluate (a missing attribute),
/// earns nothing and goes to `rejected` with its reason. Throws call_error if the tariff has no
/// such pay block (or, with `pay` empty, not exactly one).
[[nodiscard]] TARIFF_API staff_pay_result staff_pays(const compiled_tariff& tariff,
                                                     std::span<const contract> contracts,
                                                     std::span<const work_line> work,
                                                     date_span period, const std::string& pay = {});

/// The pay alone, the rejected lines into `*rejected` when it is not null.
[[deprecated("use staff_pays() returning staff_pay_result; removed in 0.3")]] TARIFF_API
    std::vector<staff_pay>
    staff_pays(const compiled_tariff& tariff, std::span<const contract> contracts,
               std::span<const work_line> work, date_span period, const std::string& pay,
               std::vector<priced_line>* rejected);

/// Staff pay as CSV, one row per line: employee, id, request, contract, item, kind, date,
/// quantity, amount, rule, pay.
[[nodiscard]] TARIFF_API std::string write_staff_pay_csv(std::span<const staff_pay> pays);

/// Staff pay as JSON, as the C interface's tariff_staff_pay returns it (docs/c_interface.md):
/// {"staff_pay": [...], "rejected": [...]}, each employee with its currency, period (first and
/// last day), total and lines (id, request, contract, item, kind, date, quantity, amount, rule,
/// pay, and the rule's line and column); then the lines that earned nothing as write_priced_json
/// writes priced lines, their parts named from `tariff`. Decimals are strings with their scale.
[[nodiscard]] TARIFF_API std::string write_staff_pay_json(const staff_pay_result& earned,
                                                          const compiled_tariff& tariff);

/// Staff pay as aligned text: each employee's lines with the rule that paid them, and a total.
[[nodiscard]] TARIFF_API std::string write_staff_pay_text(std::span<const staff_pay> pays);

}  // namespace tariff
