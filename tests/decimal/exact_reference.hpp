// Exact references for the decimal tests: values written, read back and rounded with Boost's
// integers and rationals, independently of tariff::decimal's own arithmetic and text.
#pragma once

#include <string>

#include <boost/multiprecision/cpp_int.hpp>
#include <tariff/decimal.hpp>

namespace tariff::test_reference {

using boost::multiprecision::cpp_int;
using boost::multiprecision::cpp_rational;

inline cpp_int pow10(int n) {
  cpp_int p = 1;
  for (int i = 0; i < n; ++i)
    p *= 10;
  return p;
}

// The text of coefficient × 10^-scale, written independently of decimal::to_string().
inline std::string format(const cpp_int& coefficient, int scale) {
  std::string digits = (coefficient < 0 ? cpp_int(-coefficient) : coefficient).str();
  const auto s = static_cast<std::size_t>(scale);
  if (digits.size() <= s) digits.insert(0, s - digits.size() + 1, '0');
  if (s > 0) digits.insert(digits.size() - s, 1, '.');
  if (coefficient < 0) digits.insert(0, 1, '-');
  return digits;
}

inline decimal make(const cpp_int& coefficient, int scale) {
  return decimal(format(coefficient, scale));
}

// The coefficient of x read back from its text: "-12.340" -> -12340 (the scale is the count of
// digits after the point).
inline cpp_int coefficient_of(const decimal& x) {
  const std::string text = x.to_string();
  const bool negative = !text.empty() && text[0] == '-';
  std::string digits;
  for (std::size_t i = negative ? 1 : 0; i < text.size(); ++i)
    if (text[i] != '.') digits.push_back(text[i]);
  // No leading zeros: Boost would read "062" as octal.
  const auto first = digits.find_first_not_of('0');
  const cpp_int c(first == std::string::npos ? std::string("0") : digits.substr(first));
  return negative ? cpp_int(-c) : c;
}

inline cpp_rational to_rational(const decimal& x) {
  return cpp_rational(coefficient_of(x), pow10(x.scale()));
}

inline cpp_int floor_of(const cpp_rational& q) {
  const cpp_int n = numerator(q);
  const cpp_int d = denominator(q);  // positive
  cpp_int f = n / d;                 // toward zero
  if (n < 0 && f * d != n) f -= 1;
  return f;
}

// q rounded to an integer by `mode`: from floor and ceiling and the fraction's place against 1/2.
inline cpp_int reference_round(const cpp_rational& q, rounding_mode mode) {
  const cpp_int f = floor_of(q);
  if (cpp_rational(f) == q) return f;
  const cpp_int c = f + 1;
  const bool positive = q > 0;
  switch (mode) {
    case rounding_mode::floor:
      return f;
    case rounding_mode::ceiling:
      return c;
    case rounding_mode::down:
      return positive ? f : c;
    case rounding_mode::up:
      return positive ? c : f;
    default:
      break;
  }
  const cpp_rational fraction = q - cpp_rational(f);
  const cpp_rational half(1, 2);
  if (fraction < half) return f;
  if (fraction > half) return c;
  switch (mode) {
    case rounding_mode::half_up:
      return positive ? c : f;
    case rounding_mode::half_down:
      return positive ? f : c;
    default:
      return f % 2 == 0 ? f : c;  // half_even
  }
}

// The expected text of q rounded to `scale` digits by `mode`.
inline std::string expected_rounded(const cpp_rational& q, int scale, rounding_mode mode) {
  return format(reference_round(q * cpp_rational(pow10(scale)), mode), scale);
}

}  // namespace tariff::test_reference
