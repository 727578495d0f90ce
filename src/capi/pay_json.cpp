// Payouts and staff pay as the C interface's JSON: the C++ API's results, written by its public
// JSON writers (payouts.hpp, staff_pay.hpp), which the `tariff` tool shares.
#include "capi/pay_json.hpp"

#include <tariff/payouts.hpp>
#include <tariff/staff_pay.hpp>

namespace tariff::capi {

std::string payouts_json(const compiled_tariff& tariff, std::span<const contract> contracts,
                         std::span<const work_line> work, date_span period,
                         const std::string& rates) {
  return write_payouts_json(payouts(tariff, contracts, work, period, {.pricelist = rates}), tariff);
}

std::string staff_pay_json(const compiled_tariff& tariff, std::span<const contract> contracts,
                           std::span<const work_line> work, date_span period,
                           const std::string& pay) {
  return write_staff_pay_json(staff_pays(tariff, contracts, work, period, pay), tariff);
}

}  // namespace tariff::capi
