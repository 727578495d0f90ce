// The decimal operations written into an existing decimal: out = a + b, a / b, x rescaled or
// trimmed, with no decimal returned through memory and moved (docs/architecture.md, Price: a
// decimal just returned and then copied is read back by a 16-byte load of two 8-byte stores,
// which the processor cannot forward from its store buffer).
//
// One implementation per operation: the public operators and functions of tariff/decimal.hpp are
// these same functions with a new decimal as `out` (operator+ and += are add_into, divide() is
// divide_into, rescale() is rescale_into, trimmed() is trim_into at 0, from_units() is
// set_units). Each has its 64-bit path inline here and the rest in decimal.cpp. `out` may be one
// of the operands; on an exception it is left as it was.
//
// This header is the compiled part's door to the arithmetic: outside src/decimal nothing reads a
// decimal's representation (decimal_access) directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>

#include <tariff/decimal.hpp>

#include "decimal/wide.hpp"

namespace tariff {

/// out = a + b, exact, at the larger scale (operator+). 0 at scale 0 plus b is b at b's scale.
inline void add_into(decimal& out, const decimal& a, const decimal& b) {
  decimal_access::add(out, a, b, false);
}
/// out = a - b, exact, at the larger scale (operator-).
inline void subtract_into(decimal& out, const decimal& a, const decimal& b) {
  decimal_access::add(out, a, b, true);
}
/// out = a × b, exact, at the sum of the scales (operator*).
inline void multiply_into(decimal& out, const decimal& a, const decimal& b) {
  decimal_access::multiply(out, a, b);
}

/// out = coefficient × 10^-scale (decimal::from_units). Throws decimal_error unless
/// 0 <= scale <= max_scale.
inline void set_units(decimal& out, std::int64_t coefficient, int scale) {
  if (scale < 0 || scale > decimal::max_scale) check_scale(scale, "from_units");
  decimal_access::set_small(out, coefficient, scale);
}

namespace decimal_stage::small_path {

inline constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

/// c = x's coefficient, when it is within ±int64_max (every amount in practice).
inline bool coefficient64(const decimal& x, std::int64_t& c) {
  if (!decimal_access::is_small(x)) return false;
  const detail::int128 v = decimal_access::small(x);
  if (v < -int64_max || v > int64_max) return false;
  c = static_cast<std::int64_t>(v);
  return true;
}

/// out = c × 10^-from at `to` >= `from` digits (zeros added), when the coefficient fits 128 bits.
inline bool scale_up(decimal& out, detail::int128 c, int from, int to) {
  detail::int128 up = 0;
  if (to > decimal::max_scale || !wide::scale_up(c, to - from, up)) return false;
  decimal_access::set_small(out, up, to);
  return true;
}

/// out = (ca × 10^-sa) / (cb × 10^-sb) rounded by `mode` at `scale` digits, for coefficients
/// within ±int64_max: the quotient is ca × 10^e / cb with e = scale + sb - sa; the numerator
/// takes 10^e when e >= 0, the divisor 10^-e otherwise (an amount of more digits than the
/// rounding keeps). Either fits 128 bits, and usually 64, where one hardware division does it.
/// False, nothing written, where this path does not apply: a zero divisor, a scale out of range,
/// or e beyond ±18.
inline bool divide(decimal& out, std::int64_t ca, int sa, std::int64_t cb, int sb, int scale,
                   rounding_mode mode) {
  const int e = scale + sb - sa;
  if (cb == 0 || scale < 0 || scale > decimal::max_scale || e < -18 || e > 18) return false;
  if (e < 0) {
    const detail::int128 d = detail::int128{cb} * wide::pow10_small[static_cast<std::size_t>(-e)];
    if (-int64_max <= d && d <= int64_max)
      decimal_access::set_small(
          out, wide::round_quotient<std::int64_t>(ca, static_cast<std::int64_t>(d), mode), scale);
    else
      decimal_access::set_small(out, wide::round_quotient<detail::int128>(ca, d, mode), scale);
    return true;
  }
  const detail::int128 n = detail::int128{ca} * wide::pow10_small[static_cast<std::size_t>(e)];
  if (-int64_max <= n && n <= int64_max)
    decimal_access::set_small(
        out, wide::round_quotient<std::int64_t>(static_cast<std::int64_t>(n), cb, mode), scale);
  else
    decimal_access::set_small(out, wide::round_quotient<detail::int128>(n, cb, mode), scale);
  return true;
}

/// out = c × 10^-s without the trailing zeros beyond `scale` digits and with at least `scale`
/// (trim_into). False, nothing written, for a scale out of range.
inline bool trim(decimal& out, std::int64_t c, int s, int scale) {
  if (s == scale) {
    decimal_access::set_small(out, c, s);
    return true;
  }
  if (scale < 0) return false;
  if (s < scale) return scale_up(out, c, s, scale);
  if (const int drop = s - scale; drop <= 18) {
    // One remainder says whether every digit beyond `scale` is zero (the usual case).
    const auto unit = static_cast<std::int64_t>(wide::pow10_small[static_cast<std::size_t>(drop)]);
    if (c % unit == 0) {
      decimal_access::set_small(out, c / unit, scale);
      return true;
    }
  }
  // Divisions by the constant 10, each a multiplication.
  while (s > scale && c % 10 == 0) {
    c /= 10;
    --s;
  }
  decimal_access::set_small(out, c, s);
  return true;
}

}  // namespace decimal_stage::small_path

/// The rest of each operation below: its wide and 128-bit paths, its checks and errors
/// (decimal.cpp).
void divide_slow(decimal& out, const decimal& a, const decimal& b, int scale, rounding_mode mode);
void rescale_slow(decimal& out, const decimal& x, int scale, rounding_mode mode);
void trim_slow(decimal& out, const decimal& x, int scale);

/// out = a / b rounded by `mode` to `scale` digits after the point (divide()). Throws
/// decimal_error on division by zero or a scale out of range.
inline void divide_into(decimal& out, const decimal& a, const decimal& b, int scale,
                        rounding_mode mode) {
  std::int64_t ca = 0;
  std::int64_t cb = 0;
  if (decimal_stage::small_path::coefficient64(a, ca) &&
      decimal_stage::small_path::coefficient64(b, cb) &&
      decimal_stage::small_path::divide(out, ca, a.scale(), cb, b.scale(), scale, mode))
    return;
  divide_slow(out, a, b, scale, mode);
}
/// out = a / b for a whole divisor: divide_into(out, a, decimal(b), scale, mode), without the
/// decimal.
inline void divide_into(decimal& out, const decimal& a, std::int64_t b, int scale,
                        rounding_mode mode) {
  std::int64_t ca = 0;
  if (b != std::numeric_limits<std::int64_t>::min() &&
      decimal_stage::small_path::coefficient64(a, ca) &&
      decimal_stage::small_path::divide(out, ca, a.scale(), b, 0, scale, mode))
    return;
  divide_slow(out, a, decimal(b), scale, mode);
}

/// out = x with exactly `scale` digits after the point, more added exactly, fewer rounded by
/// `mode` (decimal::rescale). Throws decimal_error for a scale out of range.
inline void rescale_into(decimal& out, const decimal& x, int scale, rounding_mode mode) {
  if (decimal_access::is_small(x) && x.scale() <= scale &&
      decimal_stage::small_path::scale_up(out, decimal_access::small(x), x.scale(), scale))
    return;
  rescale_slow(out, x, scale, mode);
}

/// out = x without the trailing zeros beyond `scale` digits after the point, and with at least
/// `scale` digits (zeros added): the same value. At 2, 2250.000000 is 2250.00, 2999.985 stays
/// and 5 is 5.00; trim_into(out, x, 0) is x.trimmed(). Throws decimal_error for a scale out of
/// range.
inline void trim_into(decimal& out, const decimal& x, int scale) {
  std::int64_t c = 0;
  if (decimal_stage::small_path::coefficient64(x, c) &&
      decimal_stage::small_path::trim(out, c, x.scale(), scale))
    return;
  trim_slow(out, x, scale);
}

/// Whether a quotient has a finite decimal form (divide_exact_into).
enum class quotient_form : std::uint8_t {
  exact,      ///< it has one, of at most max_scale digits after the point: written to `out`
  repeating,  ///< it has none (1/3): `out` unchanged
  too_long,   ///< it has one, of more than max_scale digits after the point: `out` unchanged
};

quotient_form divide_exact_slow(decimal& out, const decimal& a, std::int64_t b);

/// out = a / b exactly, when the quotient has a finite decimal form within max_scale digits:
/// at a.scale() + d digits, where d is the most a divisor of the form 2^i 5^j m (m coprime to
/// 10) can add, max(i, j); where that passes max_scale, at the digits the quotient needs. Throws
/// decimal_error on division by zero.
inline quotient_form divide_exact_into(decimal& out, const decimal& a, std::int64_t b) {
  std::int64_t c = 0;
  if (b > 0 && decimal_stage::small_path::coefficient64(a, c)) {
    if (b == 1) {
      decimal_access::set_small(out, c, a.scale());
      return quotient_form::exact;
    }
    // The quotient terminates within `shift` more digits or not at all: one division at that
    // scale decides it, and its remainder says which.
    const int shift = decimal_stage::wide::terminating_digits(static_cast<std::uint64_t>(b));
    const int scale = a.scale() + shift;
    if (shift <= 18 && scale <= decimal::max_scale) {
      using decimal_stage::small_path::int64_max;
      const detail::int128 n =
          detail::int128{c} * decimal_stage::wide::pow10_small[static_cast<std::size_t>(shift)];
      if (-int64_max <= n && n <= int64_max) {  // a hardware division, not libgcc's 128-bit one
        const auto n64 = static_cast<std::int64_t>(n);
        if (n64 % b != 0) return quotient_form::repeating;
        decimal_access::set_small(out, n64 / b, scale);
        return quotient_form::exact;
      }
      detail::int128 q = 0;
      detail::int128 r = 0;
      decimal_stage::wide::truncated_divide<detail::int128>(n, b, q, r);
      if (r != 0) return quotient_form::repeating;
      decimal_access::set_small(out, q, scale);
      return quotient_form::exact;
    }
  }
  return divide_exact_slow(out, a, b);
}

/// The digits after the point that a / b (b != 0) needs to be exact, or nullopt if it has no
/// finite decimal form. Not limited by max_scale: a quotient_form::too_long says how many.
std::optional<int> quotient_digits(const decimal& a, std::int64_t b);

/// c = x's coefficient (x in units of its last digit, 1234.56 is 123456) when it is within
/// ±INT64_MAX; else false, c unchanged.
inline bool units_of(const decimal& x, std::int64_t& c) {
  return decimal_stage::small_path::coefficient64(x, c);
}

}  // namespace tariff
