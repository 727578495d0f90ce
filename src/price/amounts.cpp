#include "price/amounts.hpp"

#include <algorithm>

#include "price/evaluate.hpp"

namespace tariff::detail {

decimal amount_of(const decimal& num, std::int64_t den, const std::optional<rounding>& r,
                  int scale) {
  if (r) return divide(num, decimal(den) * r->step, 0, r->mode) * r->step;
  if (auto exact = exact_quotient(num, den)) return tidy(*exact, scale);
  return divide(num, decimal(den), std::max(num.scale(), undeclared_scale),
                rounding_mode::half_even);
}

decimal tidy(const decimal& x, int scale) {
  if (x.scale() == scale) return x;
  if (x.scale() < scale) return x.rescale(scale, rounding_mode::half_even);  // exact: adds zeros
  decimal at_scale = x.rescale(scale, rounding_mode::down);
  if (at_scale == x) return at_scale;  // only zeros beyond `scale`: the usual case, one division
  return x.trimmed();
}

}  // namespace tariff::detail
