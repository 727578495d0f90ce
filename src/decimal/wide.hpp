// The decimal's compiled part: its wide fallback integer and the integer helpers both paths share.
#pragma once

#include <array>
#include <bit>

#include <boost/multiprecision/cpp_int.hpp>
#include <tariff/decimal.hpp>

namespace tariff {

namespace decimal_stage {
/// The coefficient of a decimal that does not fit in 128 bits.
// Expression templates off: values, not lazy expressions, so auto and abs() behave plainly.
using big_int = boost::multiprecision::number<boost::multiprecision::cpp_int_backend<>,
                                              boost::multiprecision::et_off>;
struct big_coefficient {
  big_int value;
};
}  // namespace decimal_stage

namespace decimal_stage::wide {

using detail::int128;
using detail::uint128;
using big = decimal_stage::big_int;

/// 10^0 .. 10^38, every power of ten an int128 holds.
inline constexpr int max_pow10_small = 38;
constexpr std::array<int128, max_pow10_small + 1> make_pow10_table() {
  std::array<int128, max_pow10_small + 1> table{};
  int128 p = 1;
  for (auto& entry : table) {
    entry = p;
    if (&entry != &table.back()) p *= 10;
  }
  return table;
}
inline constexpr auto pow10_small = make_pow10_table();

/// 10^n as a wide integer (cached up to the largest the limits can ask for).
const big& pow10_big(int n);

/// int128_max / 10^n: the largest magnitude that can be scaled up by 10^n. A table, because a
/// 128-bit division at run time would cost more than the rest of a rescale.
constexpr std::array<int128, max_pow10_small + 1> make_scale_up_limits() {
  std::array<int128, max_pow10_small + 1> table{};
  for (std::size_t n = 0; n < table.size(); ++n)
    table[n] = detail::int128_max / pow10_small[n];
  return table;
}
inline constexpr auto scale_up_limit = make_scale_up_limits();

/// v × 10^n if it fits the small range, else false.
inline bool scale_up(int128 v, int n, int128& out) {
  if (n == 0) return out = v, true;
  if (n > max_pow10_small) return v == 0 ? (out = 0, true) : false;
  const auto i = static_cast<std::size_t>(n);
  if (v > scale_up_limit[i] || v < -scale_up_limit[i]) return false;
  out = v * pow10_small[i];
  return true;
}

inline bool is_odd(int128 v) {
  return (v & 1) != 0;
}
inline bool is_odd(std::int64_t v) {
  return (v & 1) != 0;
}
inline bool is_odd(const big& v) {
  return boost::multiprecision::bit_test(v, 0);
}

/// q = n / d truncated toward zero, r = n - q d (d != 0).
template <class Int>
void truncated_divide(const Int& n, const Int& d, Int& q, Int& r) {
  q = n / d;
  r = n - q * d;
}

/// For 128 bits: a divisor within 64 bits (an amount over 3600 s, 10^k) is divided by two
/// hardware divisions of 128 by 64 bits, where libgcc's general __divti3 takes several times as
/// long; the quotient of the high half goes first, so the second cannot overflow.
template <>
inline void truncated_divide<int128>(const int128& n, const int128& d, int128& q, int128& r) {
#if defined(__x86_64__)
  const uint128 un = n < 0 ? -static_cast<uint128>(n) : static_cast<uint128>(n);
  const uint128 ud = d < 0 ? -static_cast<uint128>(d) : static_cast<uint128>(d);
  if ((ud >> 64) == 0 && ud != 0 && (un >> 127) == 0) {
    const auto d64 = static_cast<std::uint64_t>(ud);
    const auto high = static_cast<std::uint64_t>(un >> 64);
    const auto low = static_cast<std::uint64_t>(un);
    const std::uint64_t q_high = high / d64;
    std::uint64_t rest = high % d64;
    std::uint64_t q_low = 0;
    // divq: rdx:rax / d64, quotient in rax, remainder in rdx; rest < d64, so it fits.
    __asm__("divq %[d]" : "=a"(q_low), "+d"(rest) : "a"(low), [d] "r"(d64));
    const uint128 uq = (static_cast<uint128>(q_high) << 64) | q_low;
    q = (n < 0) != (d < 0) ? -static_cast<int128>(uq) : static_cast<int128>(uq);
    r = n < 0 ? -static_cast<int128>(rest) : static_cast<int128>(rest);
    return;
  }
#endif
  q = n / d;
  r = n - q * d;
}

/// The digits a quotient by d (> 0) needs beyond its dividend's to be exact when it terminates:
/// d = 2^i 5^j m, with m coprime to 10, gives max(i, j), and the quotient terminates exactly
/// when m divides the dividend's coefficient. Twos by counting trailing zero bits (3600 s, the
/// usual divisor, has four); fives by a division by the constant 5, which is a multiplication.
inline int terminating_digits(std::uint64_t d) {
  const int twos = std::countr_zero(d);
  d >>= twos;
  int fives = 0;
  while (d % 5 == 0)
    d /= 5, ++fives;
  return twos > fives ? twos : fives;
}

/// n / d rounded to an integer by `mode` (d != 0). Works for int64, int128 and big alike.
template <class Int>
Int round_quotient(const Int& n, const Int& d, rounding_mode mode) {
  Int q;
  Int r;
  truncated_divide(n, d, q, r);
  if (r == 0) return q;
  const bool negative = (n < 0) != (d < 0);
  bool away = false;
  switch (mode) {
    case rounding_mode::down:
      break;
    case rounding_mode::up:
      away = true;
      break;
    case rounding_mode::ceiling:
      away = !negative;
      break;
    case rounding_mode::floor:
      away = negative;
      break;
    case rounding_mode::half_up:
    case rounding_mode::half_down:
    case rounding_mode::half_even: {
      const Int abs_r = r < 0 ? Int(-r) : r;
      const Int abs_d = d < 0 ? Int(-d) : d;
      const Int rest = abs_d - abs_r;  // compare r with d - r, not 2r with d: 2r may overflow
      const int vs_half = abs_r < rest ? -1 : (abs_r > rest ? 1 : 0);
      if (mode == rounding_mode::half_up) away = vs_half >= 0;
      if (mode == rounding_mode::half_down) away = vs_half > 0;
      if (mode == rounding_mode::half_even) away = vs_half > 0 || (vs_half == 0 && is_odd(q));
      break;
    }
  }
  if (away) q += negative ? -1 : 1;
  return q;
}

}  // namespace decimal_stage::wide

/// src/decimal's access to a decimal's representation; the rest of the compiled part uses the
/// operations of decimal/in_place.hpp instead.
struct decimal_access {
  static bool is_small(const decimal& d) { return d.big_ == nullptr; }
  static detail::int128 small(const decimal& d) { return d.small_; }
  static decimal_stage::wide::big coefficient(const decimal& d) {
    return d.big_ != nullptr ? d.big_->value : decimal_stage::wide::big(d.small_);
  }
  /// A decimal from a small coefficient (not int128_min) and a checked scale.
  static decimal from_small(detail::int128 c, int scale) {
    return decimal(c, static_cast<std::int32_t>(scale));
  }
  /// d = from_small(c, scale), written in place: no temporary decimal is returned and moved.
  static void set_small(decimal& d, detail::int128 c, int scale) {
    d.set_small(c, static_cast<std::int32_t>(scale));
  }
  /// A decimal from any coefficient; checks max_digits and max_scale, demotes to small if it fits.
  static decimal from_big(decimal_stage::wide::big c, int scale);
  /// out = a + b or a - b, and out = a × b: the operators' own in-place implementation.
  static void add(decimal& out, const decimal& a, const decimal& b, bool subtract) {
    decimal::add_into(out, a, b, subtract);
  }
  static void multiply(decimal& out, const decimal& a, const decimal& b) {
    decimal::multiply_into(out, a, b);
  }
};

/// Throws decimal_error(limit) unless 0 <= scale <= max_scale; `what` names the operation.
void check_scale(int scale, const char* what);

}  // namespace tariff
