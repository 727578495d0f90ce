// An amount at the tariff's display scale (shown_amount.hpp).
#include "report/shown_amount.hpp"

#include <optional>

namespace tariff::report {

std::string shown_amount(const decimal& exact, const compiled_tariff& tariff) {
  const std::optional<amount_rounding> rounding = tariff.line_rounding();
  const int scale = tariff.amount_scale();
  if (!rounding || exact.scale() <= scale) return exact.to_string();
  const decimal shown = exact.rescale(scale, rounding->mode);
  if (shown == exact) return shown.to_string();
  return std::string(inexact_marker) + shown.to_string();
}

}  // namespace tariff::report
