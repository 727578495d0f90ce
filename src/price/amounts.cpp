#include "price/amounts.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "decimal/in_place.hpp"

namespace tariff::price_stage {

using plan::rounding;

// Each step is one decimal operation written in place (decimal/in_place.hpp), so the usual
// operands (64-bit coefficients, a divisor of a few thousand seconds) take the operations' 64-bit
// paths and no decimal is returned through memory.
void amount_into(decimal& out, const decimal& num, std::int64_t den,
                 const std::optional<rounding>& r, int scale) {
  if (r) {
    // A whole number of steps: divide(num, den × step, 0, mode) × step. The divisor's coefficient
    // is formed in a register when it fits: a decimal built here and read straight back by the
    // division stalls on its two 8-byte stores (docs/architecture.md, Price).
    namespace small_path = decimal_stage::small_path;
    std::int64_t num64 = 0;
    std::int64_t step64 = 0;
    std::int64_t per_step64 = 0;
    if (small_path::coefficient64(num, num64) && small_path::coefficient64(r->step, step64) &&
        !__builtin_mul_overflow(step64, den, &per_step64) &&
        small_path::divide(out, num64, num.scale(), per_step64, r->step.scale(), 0, r->mode)) {
      multiply_into(out, out, r->step);
      return;
    }
    const decimal per_step = decimal(den) * r->step;
    divide_into(out, num, per_step, 0, r->mode);
    multiply_into(out, out, r->step);
    return;
  }
  switch (divide_exact_into(out, num, den)) {
    case quotient_form::exact:
      trim_into(out, out, scale);
      return;
    case quotient_form::too_long:
      // A terminating quotient is exact or an error, never rounded (a 125-digit price × 1.5 h
      // fits; one more digit does not).
      throw decimal_error(decimal_errc::limit,
                          num.to_string() + " / " + std::to_string(den) + " needs " +
                              std::to_string(quotient_digits(num, den).value_or(0)) +
                              " digits after the point; the limit is " +
                              std::to_string(decimal::max_scale) + ": declare a rounding");
    case quotient_form::repeating:
      break;
  }
  // Only a quotient that does not terminate is rounded, as documented.
  divide_into(out, num, den, std::max(num.scale(), undeclared_scale), rounding_mode::half_even);
}

decimal amount_of(const decimal& num, std::int64_t den, const std::optional<rounding>& r,
                  int scale) {
  decimal out;
  amount_into(out, num, den, r, scale);
  return out;
}

decimal tidy(const decimal& x, int scale) {
  decimal out;
  trim_into(out, x, scale);
  return out;
}

}  // namespace tariff::price_stage
