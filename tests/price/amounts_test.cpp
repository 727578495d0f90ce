// Property test of pricing's amounts (src/price/amounts.cpp) against exact rationals: amount_of()
// has quick 64-bit paths for the usual operands (a coefficient within 64 bits, a divisor of a few
// thousand seconds) beside its general decimal expressions, and every path must give what the
// semantics say (docs/language.md, "Pricing semantics" §6):
//
//   - with a declared rounding (step, mode): num / den rounded to a whole number of steps;
//   - without: the exact quotient when it has a finite decimal form, with its trailing zeros
//     beyond `scale` dropped and at least `scale` digits; else the quotient rounded half-even at
//     max(num's scale, 20) digits.
//
// The reference is computed here with Boost's integers from the operands' texts, independently of
// the implementation; seeded random operands cover both signs, one to nineteen digits, and the
// divisors pricing uses (3600 s an hour, 900 s, 60 s, 86 400 s a day, 1) and some that are not.
#include "price/amounts.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>

#include <boost/multiprecision/cpp_int.hpp>
#include <gtest/gtest.h>
#include <tariff/decimal.hpp>

#include "../decimal/exact_reference.hpp"

namespace tariff::detail {
namespace {

using namespace test_reference;

// n / d (d > 0) rounded to an integer by `mode`.
cpp_int rounded_quotient(const cpp_int& n, const cpp_int& d, rounding_mode mode) {
  return reference_round(cpp_rational(n, d), mode);
}

// What amount_of(c × 10^-sc, den, nullopt, scale) must give, as text.
std::string expected_unrounded(const cpp_int& c, int sc, std::int64_t den, int scale) {
  // Exact when some power of ten times c is divisible by den; the least such power gives the
  // exact scale. 40 more digits are more than any den below 10^12 can need (2^40, 5^18).
  for (int extra = 0; extra <= 40; ++extra) {
    const cpp_int n = c * pow10(extra);
    if (n % den != 0) continue;
    cpp_int q = n / den;
    int s = sc + extra;
    while (s > scale && q % 10 == 0) {  // trailing zeros beyond `scale` go
      q /= 10;
      --s;
    }
    if (s < scale) {  // at least `scale` digits
      q *= pow10(scale - s);
      s = scale;
    }
    return format(q, s);
  }
  const int digits = std::max(sc, undeclared_scale);
  return format(rounded_quotient(c * pow10(digits - sc), cpp_int(den), rounding_mode::half_even),
                digits);
}

// What amount_of(c × 10^-sc, den, rounding{step, mode}, scale) must give, as text.
std::string expected_in_steps(const cpp_int& c, int sc, std::int64_t den, const cpp_int& step_c,
                              int step_scale, rounding_mode mode) {
  // (c / 10^sc) / (den × step_c / 10^step_scale), to an integer, times the step.
  const cpp_int n = c * pow10(step_scale);
  const cpp_int d = cpp_int(den) * step_c * pow10(sc);
  return format(rounded_quotient(n, d, mode) * step_c, step_scale);
}

struct operands {
  cpp_int c;
  int sc = 0;
  std::int64_t den = 1;
  int scale = 0;
};

class amount_cases {
 public:
  explicit amount_cases(std::uint64_t seed) : random_(seed) {}

  operands next() {
    static constexpr std::int64_t divisors[] = {3600, 3600, 3600, 900, 60,  86400, 1,     2,
                                                7,    1440, 1000, 3,   625, 1024,  999983};
    operands o;
    const int digits = pick(1, 19);
    o.c = cpp_int(pick64(1, max_of(digits)));
    if (pick(0, 3) == 0) o.c = -o.c;
    o.sc = pick(0, 6);
    o.den = divisors[pick(0, std::size(divisors) - 1)];
    o.scale = pick(0, 4);
    return o;
  }
  int pick(int low, std::size_t high) {
    return std::uniform_int_distribution<int>(low, static_cast<int>(high))(random_);
  }

 private:
  // The largest coefficient of `digits` digits within 64 bits (19 nines would not fit).
  static std::int64_t max_of(int digits) {
    if (digits >= 19) return std::numeric_limits<std::int64_t>::max();
    std::int64_t m = 9;
    for (int i = 1; i < digits; ++i)
      m = m * 10 + 9;
    return m;
  }
  std::int64_t pick64(std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(random_);
  }
  std::mt19937_64 random_;
};

TEST(AmountOf, WithoutRoundingIsExactOrTwentyDigitsHalfEven) {
  amount_cases cases(20261125);
  for (int i = 0; i < 40000; ++i) {
    const operands o = cases.next();
    const decimal num = make(o.c, o.sc);
    const std::string want = expected_unrounded(o.c, o.sc, o.den, o.scale);
    ASSERT_EQ(amount_of(num, o.den, std::nullopt, o.scale).to_string(), want)
        << num << " / " << o.den << " at scale " << o.scale;
  }
}

TEST(AmountOf, WithRoundingIsWholeStepsByTheMode) {
  amount_cases cases(7);
  static constexpr rounding_mode modes[] = {
      rounding_mode::half_up, rounding_mode::half_even, rounding_mode::half_down, rounding_mode::up,
      rounding_mode::down,    rounding_mode::ceiling,   rounding_mode::floor};
  static constexpr const char* steps[] = {"0.01", "0.05", "1", "0.10", "0.001"};
  for (int i = 0; i < 40000; ++i) {
    const operands o = cases.next();
    const decimal step(steps[cases.pick(0, std::size(steps) - 1)]);
    const rounding_mode mode = modes[cases.pick(0, std::size(modes) - 1)];
    const cpp_int step_c = coefficient_of(step);
    const decimal num = make(o.c, o.sc);
    ASSERT_EQ(amount_of(num, o.den, rounding{step, mode}, o.scale).to_string(),
              expected_in_steps(o.c, o.sc, o.den, step_c, step.scale(), mode))
        << num << " / " << o.den << " by " << step << " " << to_string(mode);
  }
}

// The figures of the typical tariff that take each path, written out.
TEST(AmountOf, KnownFigures) {
  const auto amount = [](const char* num, std::int64_t den, int scale) {
    return amount_of(decimal(num), den, std::nullopt, scale).to_string();
  };
  EXPECT_EQ(amount("96000.00", 3600, 2), "26.66666666666666666667");  // 1000 s at 96.00 an hour
  EXPECT_EQ(amount("-96000.00", 3600, 2), "-26.66666666666666666667");
  EXPECT_EQ(amount("172800.00", 3600, 2), "48.00");                 // 1800 s at 96.00: exact
  EXPECT_EQ(amount("2500.00", 3600, 2), "0.69444444444444444444");  // …4444|44: down
  EXPECT_EQ(amount("150.00", 3600, 2), "0.04166666666666666667");   // …6666|66: up
  EXPECT_EQ(amount("1800.00", 3600, 2), "0.50");
  EXPECT_EQ(amount("45.125", 1, 2), "45.125");  // a third digit beyond the scale stays
  EXPECT_EQ(
      amount_of(decimal("96000.00"), 3600, rounding{decimal("0.01"), rounding_mode::half_up}, 2)
          .to_string(),
      "26.67");
}

}  // namespace
}  // namespace tariff::detail
