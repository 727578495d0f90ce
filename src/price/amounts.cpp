#include "price/amounts.hpp"

#include <algorithm>
#include <limits>

#include "decimal/wide.hpp"
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
  const int drop = x.scale() - scale;
  if (decimal_access::is_small(x) && drop <= 18) {
    // 64-bit coefficients (every amount in practice): one remainder says whether the digits
    // beyond `scale` are all zeros.
    const detail::int128 c = decimal_access::small(x);
    constexpr detail::int128 i64_max = std::numeric_limits<std::int64_t>::max();
    if (-i64_max <= c && c <= i64_max) {
      const auto c64 = static_cast<std::int64_t>(c);
      const auto unit =
          static_cast<std::int64_t>(wide::pow10_small[static_cast<std::size_t>(drop)]);
      if (c64 % unit == 0) return decimal_access::from_small(c64 / unit, scale);
      return x.trimmed();
    }
  }
  decimal at_scale = x.rescale(scale, rounding_mode::down);
  if (at_scale == x) return at_scale;  // only zeros beyond `scale`: the usual case, one division
  return x.trimmed();
}

}  // namespace tariff::detail
