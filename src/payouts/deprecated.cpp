// The 0.1 forms of payouts() and staff_pays(), which returned the rejected lines through an
// out-pointer; kept for one minor version (CHANGELOG.md, 0.2.0).
#include <algorithm>
#include <iterator>

#include <tariff/payouts.hpp>
#include <tariff/staff_pay.hpp>

namespace tariff {

std::vector<payout> payouts(const compiled_tariff& tariff, std::span<const contract> contracts,
                            std::span<const work_line> work, date_span period,
                            const payout_options& options, std::vector<priced_line>* rejected) {
  payout_result result = payouts(tariff, contracts, work, period, options);
  if (rejected != nullptr)
    std::move(result.rejected.begin(), result.rejected.end(), std::back_inserter(*rejected));
  return std::move(result.payouts);
}

std::vector<staff_pay> staff_pays(const compiled_tariff& tariff,
                                  std::span<const contract> contracts,
                                  std::span<const work_line> work, date_span period,
                                  const std::string& pay, std::vector<priced_line>* rejected) {
  staff_pay_result result = staff_pays(tariff, contracts, work, period, pay);
  if (rejected != nullptr)
    std::move(result.rejected.begin(), result.rejected.end(), std::back_inserter(*rejected));
  return std::move(result.pays);
}

}  // namespace tariff
