#include "price/amounts.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <numeric>
#include <optional>

#include "decimal/wide.hpp"
#include "plan/evaluate.hpp"

namespace tariff::detail {

namespace {

constexpr int128 i64_max = std::numeric_limits<std::int64_t>::max();

// x's coefficient, when it fits in 64 bits (every amount in practice).
bool coefficient64(const decimal& x, std::int64_t& out) {
  if (!decimal_access::is_small(x)) return false;
  const int128 c = decimal_access::small(x);
  if (c < -i64_max || c > i64_max) return false;
  out = static_cast<std::int64_t>(c);
  return true;
}

// out = tidy(c × 10^-s, scale) for a 64-bit coefficient, with tidy()'s own arithmetic (and
// rescale()'s and trimmed()'s), written in place. False where tidy() would take another path.
bool tidy_into(decimal& out, std::int64_t c, int s, int scale) {
  if (s == scale) {
    decimal_access::set_small(out, c, s);
    return true;
  }
  if (scale < 0 || scale > decimal::max_scale) return false;
  if (s < scale) {  // rescale: exact, adds zeros
    int128 up = 0;
    if (!wide::scale_up(c, scale - s, up)) return false;
    decimal_access::set_small(out, up, scale);
    return true;
  }
  const int drop = s - scale;
  if (drop > 18) return false;
  const auto unit = static_cast<std::int64_t>(wide::pow10_small[static_cast<std::size_t>(drop)]);
  if (c % unit == 0) {
    decimal_access::set_small(out, c / unit, scale);
    return true;
  }
  // trimmed(): a digit beyond `scale` is not zero, so this stops above `scale`.
  while (s > 0 && c % 10 == 0) {
    c /= 10;
    --s;
  }
  decimal_access::set_small(out, c, s);
  return true;
}

// out = divide(ca × 10^-sa, cb × 10^-sb, scale, mode) where divide() takes its 64-bit path: the
// same arithmetic, without the call and the decimal divisor, written in place. False where
// divide() would go another way (a zero divisor, a scale out of range or too far from the
// operands'); the caller then calls divide() itself. The quotient is in `count` as well.
bool quick_divide(std::int64_t ca, int sa, std::int64_t cb, int sb, int scale, rounding_mode mode,
                  int128& count) {
  const int e = scale + sb - sa;
  if (cb == 0 || scale < 0 || scale > decimal::max_scale || e < 0 || e > 18) return false;
  const int128 n = int128{ca} * wide::pow10_small[static_cast<std::size_t>(e)];
  if (-i64_max <= n && n <= i64_max)
    count = wide::round_quotient<std::int64_t>(static_cast<std::int64_t>(n), cb, mode);
  else
    count = wide::round_quotient<int128>(n, int128{cb}, mode);
  return true;
}

// out = amount_of(c × 10^-sc, den, no rounding, scale) for den > 1: the exact quotient as
// exact_quotient() finds it, tidied; else the quotient at undeclared_scale digits as divide()
// gives it. False where those would take another path than their 64- or 128-bit one.
bool quick_amount(decimal& out, std::int64_t c, int sc, std::int64_t den, int scale) {
  // The quotient terminates within `shift` more digits or not at all (exact_quotient).
  const int shift = wide::terminating_digits(static_cast<std::uint64_t>(den));
  const int exact_scale = sc + shift;
  if (shift > 18 || exact_scale > decimal::max_scale) return false;
  const int128 n = int128{c} * wide::pow10_small[static_cast<std::size_t>(shift)];
  if (-i64_max <= n && n <= i64_max) {
    const auto n64 = static_cast<std::int64_t>(n);
    if (n64 % den == 0) {
      if (tidy_into(out, n64 / den, exact_scale, scale)) return true;
      out = tidy(decimal_access::from_small(n64 / den, exact_scale), scale);
      return true;
    }
  } else {
    int128 q = 0;
    int128 r = 0;
    wide::truncated_divide<int128>(n, int128{den}, q, r);
    if (r == 0) {
      out = tidy(decimal_access::from_small(q, exact_scale), scale);
      return true;
    }
  }
  const int digits = std::max(sc, undeclared_scale);
  int128 quotient = 0;
  if (!quick_divide(c, sc, den, 0, digits, rounding_mode::half_even, quotient)) return false;
  decimal_access::set_small(out, quotient, digits);
  return true;
}

// The digits after the point that num / den (den > 1) needs if it terminates; nullopt if it does
// not. num = c × 10^-s, and c / den in lowest terms is c' / (den / gcd(c mod den, den)): it
// terminates when that denominator has no prime factor but 2 and 5.
std::optional<int> terminating_scale(const decimal& num, std::int64_t den) {
  const wide::big c = abs(decimal_access::coefficient(num));
  const auto remainder = static_cast<std::int64_t>(wide::big(c % den));
  const std::int64_t reduced = den / std::gcd(remainder, den);
  const int digits = wide::terminating_digits(static_cast<std::uint64_t>(reduced));
  std::uint64_t rest =
      static_cast<std::uint64_t>(reduced) >> std::countr_zero(static_cast<std::uint64_t>(reduced));
  while (rest % 5 == 0)
    rest /= 5;
  if (rest != 1) return std::nullopt;
  return num.scale() + digits;
}

}  // namespace

// The usual operands (64-bit coefficients, a divisor of a few thousand seconds) take the quick
// paths above, which do the arithmetic of the general expressions below without their calls and
// temporaries; anything else takes the general expressions.
void amount_into(decimal& out, const decimal& num, std::int64_t den,
                 const std::optional<rounding>& r, int scale) {
  std::int64_t c = 0;
  const bool small = coefficient64(num, c);
  if (r) {
    // divide(num, decimal(den) × step, 0, mode) × step
    std::int64_t step_c = 0;
    if (small && coefficient64(r->step, step_c)) {
      const int128 d = int128{den} * step_c;
      int128 count = 0;
      if (-i64_max <= d && d <= i64_max &&
          quick_divide(c, num.scale(), static_cast<std::int64_t>(d), r->step.scale(), 0, r->mode,
                       count)) {
        if (-i64_max <= count && count <= i64_max) {  // 64 × 64 bits: the product fits
          decimal_access::set_small(out, count * step_c, r->step.scale());
          return;
        }
        out = decimal_access::from_small(count, 0) * r->step;
        return;
      }
    }
    out = divide(num, decimal(den) * r->step, 0, r->mode) * r->step;
    return;
  }
  if (den == 1) {  // exact_quotient(num, 1) is num
    if (!small || !tidy_into(out, c, num.scale(), scale)) out = tidy(num, scale);
    return;
  }
  if (den > 1 && small && quick_amount(out, c, num.scale(), den, scale)) return;
  if (auto exact = exact_quotient(num, den)) {
    out = tidy(*exact, scale);
    return;
  }
  // exact_quotient gives up where its bound on the digits passes max_scale; the quotient may
  // still terminate within it (a 125-digit price × 1.5 h). A terminating quotient is exact or an
  // error, never rounded; only one that does not terminate is rounded, as documented.
  if (den > 1) {
    if (const std::optional<int> digits = terminating_scale(num, den)) {
      if (*digits > decimal::max_scale)
        throw decimal_error(decimal_errc::limit,
                            num.to_string() + " / " + std::to_string(den) + " needs " +
                                std::to_string(*digits) + " digits after the point; the limit is " +
                                std::to_string(decimal::max_scale) + ": declare a rounding");
      out = tidy(divide(num, decimal(den), *digits, rounding_mode::down), scale);
      return;
    }
  }
  out =
      divide(num, decimal(den), std::max(num.scale(), undeclared_scale), rounding_mode::half_even);
}

decimal amount_of(const decimal& num, std::int64_t den, const std::optional<rounding>& r,
                  int scale) {
  decimal out;
  amount_into(out, num, den, r, scale);
  return out;
}

decimal tidy(const decimal& x, int scale) {
  if (x.scale() == scale) return x;
  if (x.scale() < scale) return x.rescale(scale, rounding_mode::half_even);  // exact: adds zeros
  const int drop = x.scale() - scale;
  if (decimal_access::is_small(x) && drop <= 18) {
    // 64-bit coefficients (every amount in practice): one remainder says whether the digits
    // beyond `scale` are all zeros.
    const detail::int128 c = decimal_access::small(x);
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
