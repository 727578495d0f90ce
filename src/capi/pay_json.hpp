// What the C interface's tariff_payouts and tariff_staff_pay return: the C++ API's payouts and
// staff pay of a period, with the lines that were not paid, as one JSON object each
// (docs/c_interface.md, "Payouts and staff pay"). The one place the C interface calls
// tariff::payouts and tariff::staff_pays.
#pragma once

#include <span>
#include <string>

#include <tariff/calendar.hpp>
#include <tariff/model.hpp>
#include <tariff/pricing.hpp>

namespace tariff::capi {

/// {"payouts": [...], "rejected": [...]}: each performer's payout for `period` (rates from the
/// price list `rates`, empty: each item's cost price), then the lines nobody is paid for, as
/// priced lines. Throws call_error if the tariff has no price list `rates`.
std::string payouts_json(const compiled_tariff& tariff, std::span<const contract> contracts,
                         std::span<const work_line> work, date_span period,
                         const std::string& rates);

/// {"staff_pay": [...], "rejected": [...]}: what each employee earned in `period` under the pay
/// block `pay` (empty: the tariff's only one), then the lines that earned nothing for a reason.
/// Throws call_error if the tariff has no such pay block.
std::string staff_pay_json(const compiled_tariff& tariff, std::span<const contract> contracts,
                           std::span<const work_line> work, date_span period,
                           const std::string& pay);

}  // namespace tariff::capi
