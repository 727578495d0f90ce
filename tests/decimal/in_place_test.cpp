// Property tests of the in-place decimal operations (src/decimal/in_place.hpp) against exact
// rationals: add_into, subtract_into, multiply_into, divide_into (by a decimal and by a whole
// number), divide_exact_into and quotient_digits, rescale_into, trim_into, set_units and units_of.
// These are the decimal's one implementation of each operation, which the public operators share
// (operator+ and += are add_into with a new or the same decimal as `out`), and pricing's amounts
// are made of them; so the cases here include the operands pricing divides most (an amount over
// 3600 s, 900 s, 60 s or 86 400 s, coefficients of one to nineteen digits), beside wide values,
// every rounding mode, and `out` as a fresh decimal, a wide one, or one of the operands.
//
// The references are computed here with Boost's integers and rationals from the operands' texts,
// independently of the implementation (exact_reference.hpp).
#include "decimal/in_place.hpp"

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>

#include <boost/multiprecision/cpp_int.hpp>
#include <gtest/gtest.h>
#include <tariff/decimal.hpp>

#include "exact_reference.hpp"

namespace tariff {
namespace {

using namespace test_reference;

constexpr std::array<rounding_mode, 7> all_modes = {
    rounding_mode::half_even, rounding_mode::half_up, rounding_mode::half_down, rounding_mode::up,
    rounding_mode::down,      rounding_mode::ceiling, rounding_mode::floor};

// Stops a property loop at its first counterexample, so a bug reports one clear case.
#define STOP_AT_FIRST_FAILURE() \
  if (::testing::Test::HasFailure()) break

// Seeded operands: mostly what pricing divides (coefficients of 1 to 19 digits, both signs,
// scales 0 to 6, the divisors of its units), and some of 20 to 60 digits.
class cases {
 public:
  explicit cases(std::uint64_t seed) : random_(seed) {}

  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }

  // A coefficient: one to nineteen digits within 64 bits (four in five), or 20 to 60 digits.
  cpp_int coefficient() {
    cpp_int c;
    if (pick(0, 4) != 0) {
      c = cpp_int(pick64(1, max_of(pick(1, 19))));
      if (pick(0, 9) == 0) c = 0;
    } else {
      c = digits(pick(20, 60));
    }
    return pick(0, 3) == 0 ? cpp_int(-c) : c;
  }
  decimal value(int max_scale = 6) { return make(coefficient(), pick(0, max_scale)); }

  // What an amount is divided by: the seconds of an hour, a quarter, a minute, a day; a count's 1;
  // and some divisors that leave no finite quotient or one far to the right.
  std::int64_t divisor() {
    static constexpr std::int64_t divisors[] = {3600, 3600, 3600,   900,  60,    86400, 1,
                                                2,    7,    1440,   1000, 3,     625,   1024,
                                                -8,   -3,   999983, 4096, 390625};
    return divisors[pick(0, static_cast<int>(std::size(divisors)) - 1)];
  }

  // Where `out` is before an operation: zero, a small value at another scale, or a wide value
  // (whose memory the operation must give back).
  decimal stale_out() {
    switch (pick(0, 2)) {
      case 0:
        return decimal();
      case 1:
        return decimal("-12.345");
      default:
        return make(digits(50), 3);
    }
  }

 private:
  // The largest coefficient of `n` digits within 64 bits (19 nines would not fit).
  static std::int64_t max_of(int n) {
    if (n >= 19) return std::numeric_limits<std::int64_t>::max();
    std::int64_t m = 9;
    for (int i = 1; i < n; ++i)
      m = m * 10 + 9;
    return m;
  }
  std::int64_t pick64(std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(random_);
  }
  cpp_int digits(int n) {
    std::string text(static_cast<std::size_t>(n), '0');
    text[0] = static_cast<char>('1' + pick(0, 8));
    for (std::size_t i = 1; i < text.size(); ++i)
      text[i] = static_cast<char>('0' + pick(0, 9));
    return cpp_int(text);
  }
  std::mt19937_64 random_;
};

// The exponent of prime p in n (n != 0).
int multiplicity(cpp_int n, int p) {
  if (n < 0) n = -n;
  int k = 0;
  while (n % p == 0) {
    n /= p;
    ++k;
  }
  return k;
}

// The fewest digits after the point, no fewer than `from`, at which q is a finite decimal;
// nullopt if it has no finite decimal form.
std::optional<int> digits_needed(const cpp_rational& q, int from) {
  cpp_int d = denominator(q);
  const int twos = multiplicity(d, 2);
  const int fives = multiplicity(d, 5);
  d >>= twos;
  for (int i = 0; i < fives; ++i)
    d /= 5;
  if (d != 1) return std::nullopt;
  return std::max(from, std::max(twos, fives));
}

TEST(InPlace, AddSubtractMultiplyAreTheOperators) {
  cases c(0xadd1);
  for (int i = 0; i < 20000; ++i) {
    STOP_AT_FIRST_FAILURE();
    const decimal a = c.value(12);
    // Same scale half the time: the 128-bit path and its overflow checks; else the mixed-scale one.
    const decimal b = c.pick(0, 1) == 0 ? make(c.coefficient(), a.scale()) : c.value(12);
    const std::string inputs = "a = " + a.to_string() + ", b = " + b.to_string();
    const cpp_rational ra = to_rational(a);
    const cpp_rational rb = to_rational(b);
    struct operation {
      const char* name;
      void (*into)(decimal&, const decimal&, const decimal&);
      decimal value;
      cpp_rational exact;
      int scale;
    };
    const operation operations[] = {
        {"add_into", add_into, a + b, ra + rb, std::max(a.scale(), b.scale())},
        {"subtract_into", subtract_into, a - b, ra - rb, std::max(a.scale(), b.scale())},
        {"multiply_into", multiply_into, a * b, ra * rb, a.scale() + b.scale()},
    };
    for (const operation& op : operations) {
      EXPECT_EQ(to_rational(op.value), op.exact) << op.name << ", " << inputs;
      EXPECT_EQ(op.value.scale(), op.scale) << op.name << ", " << inputs;
      decimal out = c.stale_out();
      op.into(out, a, b);
      EXPECT_TRUE(identical(out, op.value)) << op.name << " into another, " << inputs;
      decimal first = a;
      op.into(first, first, b);
      EXPECT_TRUE(identical(first, op.value)) << op.name << " into a, " << inputs;
      decimal second = b;
      op.into(second, a, second);
      EXPECT_TRUE(identical(second, op.value)) << op.name << " into b, " << inputs;
    }
    decimal sum = a;
    sum += b;
    EXPECT_TRUE(identical(sum, a + b)) << "+=, " << inputs;
    decimal difference = a;
    difference -= b;
    EXPECT_TRUE(identical(difference, a - b)) << "-=, " << inputs;
    decimal product = a;
    product *= b;
    EXPECT_TRUE(identical(product, a * b)) << "*=, " << inputs;
  }
}

TEST(InPlace, ATotalFromZeroTakesItsFirstTermsScale) {
  // 0 at scale 0 is where every total starts (decimal()); 0 + x is x at x's scale.
  for (const char* text : {"2500.00", "-0.125", "0.000", "7", "123456789012345678901234567890.5"}) {
    const decimal x(text);
    decimal total;
    add_into(total, total, x);
    EXPECT_TRUE(identical(total, x)) << text;
    decimal negated;
    subtract_into(negated, negated, x);
    EXPECT_TRUE(identical(negated, -x)) << text;
    EXPECT_TRUE(identical(decimal() + x, x)) << text;
  }
  // 0 at another scale is not that start: the sum has the larger scale.
  decimal total("0.0000");
  add_into(total, total, decimal("2.5"));
  EXPECT_EQ(total.to_string(), "2.5000");
}

TEST(InPlace, DivideRoundsLikeTheReference) {
  cases c(0xd171de);
  for (rounding_mode mode : all_modes) {
    for (int i = 0; i < 3000; ++i) {
      STOP_AT_FIRST_FAILURE();
      const decimal a = c.value();
      const std::int64_t whole = c.divisor();
      // By a whole number (an amount over seconds), or by a decimal: a whole number times a
      // rounding step (a line rounded to 0.05), or any value.
      decimal b = c.pick(0, 2) == 0 ? c.value() : decimal(whole) * decimal("0.05");
      if (b.is_zero()) b = decimal(7);
      const int scale = c.pick(0, 1) == 0 ? c.pick(0, 4) : c.pick(18, 24);
      const std::string expected = expected_rounded(to_rational(a) / to_rational(b), scale, mode);
      const std::string call = "divide(" + a.to_string() + ", " + b.to_string() + ", " +
                               std::to_string(scale) + ", " + std::string(to_string(mode)) + ")";
      decimal out = c.stale_out();
      divide_into(out, a, b, scale, mode);
      EXPECT_EQ(out.to_string(), expected) << call;
      EXPECT_TRUE(identical(out, divide(a, b, scale, mode))) << call;
      decimal alias = a;
      divide_into(alias, alias, b, scale, mode);
      EXPECT_EQ(alias.to_string(), expected) << call << " into a";

      const std::string by_whole =
          expected_rounded(to_rational(a) / cpp_rational(whole), scale, mode);
      divide_into(out, a, whole, scale, mode);
      EXPECT_EQ(out.to_string(), by_whole)
          << a << " / " << whole << " at " << scale << " " << to_string(mode);
      EXPECT_TRUE(identical(out, divide(a, decimal(whole), scale, mode))) << a << " / " << whole;
    }
  }
}

// A dividend with more digits than the quotient keeps: the divisor takes the difference (up to
// 18 digits on the 64-bit path, beyond it the wide one); the figures are the same either way.
TEST(InPlace, DivideToFewerDigitsThanTheDividend) {
  struct example {
    const char* a;
    const char* b;
    int scale;
    rounding_mode mode;
    const char* expected;
  };
  const example examples[] = {
      {"54172.845600", "36.00", 0, rounding_mode::half_up, "1505"},
      {"-54172.845600", "36.00", 0, rounding_mode::half_up, "-1505"},
      {"0.125", "1", 2, rounding_mode::half_even, "0.12"},
      {"0.135", "1", 2, rounding_mode::half_even, "0.14"},
      {"-0.125", "1", 2, rounding_mode::half_up, "-0.13"},
      {"1.999", "2", 0, rounding_mode::down, "0"},
      {"1.999", "2", 0, rounding_mode::ceiling, "1"},
      {"-1.999", "2", 0, rounding_mode::floor, "-1"},
      // e = -18: 10^18 × 7 does not fit 64 bits, the divisor is 128-bit.
      {"5.000000000000000000", "7", 0, rounding_mode::half_up, "1"},
      {"3.500000000000000000", "7", 0, rounding_mode::half_even, "0"},
      {"3.500000000000000001", "7", 0, rounding_mode::half_even, "1"},
      // e = -19: beyond the 64-bit path's digits, the wide path.
      {"3.5000000000000000001", "7", 0, rounding_mode::half_even, "1"},
  };
  for (const example& x : examples) {
    decimal out("99.9");  // written over
    divide_into(out, decimal(x.a), decimal(x.b), x.scale, x.mode);
    EXPECT_EQ(out.to_string(), x.expected) << x.a << " / " << x.b;
    EXPECT_TRUE(identical(out, divide(decimal(x.a), decimal(x.b), x.scale, x.mode))) << x.a;
  }
}

TEST(InPlace, DivideExactFindsTheFiniteQuotient) {
  cases c(20261125);
  for (int i = 0; i < 40000; ++i) {
    STOP_AT_FIRST_FAILURE();
    const decimal a = c.value();
    const std::int64_t b = c.divisor();
    const cpp_rational q = to_rational(a) / cpp_rational(b);
    const std::optional<int> needed = digits_needed(q, a.scale());
    const std::string call = a.to_string() + " / " + std::to_string(b);
    EXPECT_EQ(quotient_digits(a, b), needed) << call;
    const decimal before = c.stale_out();
    decimal out = before;
    const quotient_form form = divide_exact_into(out, a, b);
    if (!needed) {
      EXPECT_EQ(form, quotient_form::repeating) << call;
      EXPECT_TRUE(identical(out, before)) << call << ": out changed";
      continue;
    }
    ASSERT_EQ(form, quotient_form::exact) << call;
    EXPECT_EQ(to_rational(out), q) << call;
    // At a's scale plus the digits the divisor can add: max(i, j) of |b| = 2^i 5^j m.
    const int bound = a.scale() + std::max(multiplicity(b, 2), multiplicity(b, 5));
    EXPECT_EQ(out.scale(), bound) << call;
    decimal alias = a;
    EXPECT_EQ(divide_exact_into(alias, alias, b), quotient_form::exact) << call;
    EXPECT_TRUE(identical(alias, out)) << call << " into a";
  }
}

TEST(InPlace, DivideExactNearTheScaleLimit) {
  const auto at = [](const char* coefficient, int scale) {
    return make(cpp_int(coefficient), scale);
  };
  decimal out;
  // 36 × 10^-126 / 3600: the divisor's bound (4 more digits) passes 128, the quotient needs two.
  EXPECT_EQ(divide_exact_into(out, at("36", 126), 3600), quotient_form::exact);
  EXPECT_EQ(out.scale(), 128);
  EXPECT_EQ(coefficient_of(out), 1);
  EXPECT_EQ(quotient_digits(at("36", 126), 3600), 128);
  // 18 × 10^-126 / 3600 = 5 × 10^-129: finite, but past the limit; `out` unchanged.
  out = decimal("1.5");
  EXPECT_EQ(divide_exact_into(out, at("18", 126), 3600), quotient_form::too_long);
  EXPECT_EQ(out.to_string(), "1.5");
  EXPECT_EQ(quotient_digits(at("18", 126), 3600), 129);
  // No finite form at all.
  EXPECT_EQ(divide_exact_into(out, at("1", 126), 3600), quotient_form::repeating);
  EXPECT_FALSE(quotient_digits(at("1", 126), 3600).has_value());
  // Exactly at the limit, and a wide coefficient.
  EXPECT_EQ(divide_exact_into(out, at("1", 127), 2), quotient_form::exact);
  EXPECT_EQ(out.scale(), 128);
  EXPECT_EQ(divide_exact_into(out, at("1", 127), 4), quotient_form::too_long);
  const decimal wide = make(pow10(60) * 3600, 2);
  EXPECT_EQ(divide_exact_into(out, wide, 3600), quotient_form::exact);
  EXPECT_EQ(to_rational(out), cpp_rational(pow10(58)));
  EXPECT_EQ(divide_exact_into(out, wide, -7), quotient_form::repeating);
  // |INT64_MIN| is 2^63: every quotient by it terminates, within 63 more digits.
  constexpr std::int64_t min = std::numeric_limits<std::int64_t>::min();
  EXPECT_EQ(divide_exact_into(out, decimal("-12.5"), min), quotient_form::exact);
  EXPECT_EQ(out.scale(), 64);
  EXPECT_EQ(to_rational(out), to_rational(decimal("-12.5")) / cpp_rational(cpp_int(min)));
  EXPECT_EQ(divide_exact_into(out, decimal("3"), -6), quotient_form::exact);
  EXPECT_EQ(out.to_string(), "-0.5");
  EXPECT_EQ(divide_exact_into(out, decimal("1"), -6), quotient_form::repeating);
}

TEST(InPlace, TrimKeepsTheValueAndAtLeastTheScale) {
  cases c(0x7121);
  for (int i = 0; i < 20000; ++i) {
    STOP_AT_FIRST_FAILURE();
    cpp_int coefficient = c.coefficient();
    if (c.pick(0, 1) == 0) coefficient *= pow10(c.pick(1, 8));  // trailing zeros to drop
    const decimal x = make(coefficient, c.pick(0, 24));
    const int scale = c.pick(0, 6);
    // The fewest digits that hold x, but no fewer than `scale`.
    const int expected_scale = *digits_needed(to_rational(x), scale);
    decimal out = c.stale_out();
    trim_into(out, x, scale);
    EXPECT_EQ(to_rational(out), to_rational(x)) << x << " at " << scale;
    EXPECT_EQ(out.scale(), expected_scale) << x << " at " << scale;
    decimal alias = x;
    trim_into(alias, alias, scale);
    EXPECT_TRUE(identical(alias, out)) << x << " at " << scale << " into x";
    decimal trimmed;
    trim_into(trimmed, x, 0);
    EXPECT_TRUE(identical(trimmed, x.trimmed())) << x;
  }
  decimal out;
  trim_into(out, decimal("2250.000000"), 2);
  EXPECT_EQ(out.to_string(), "2250.00");
  trim_into(out, decimal("2999.985"), 2);
  EXPECT_EQ(out.to_string(), "2999.985");
  trim_into(out, decimal("5"), 2);
  EXPECT_EQ(out.to_string(), "5.00");
  trim_into(out, decimal("-0.000"), 1);
  EXPECT_EQ(out.to_string(), "0.0");
  EXPECT_THROW((void)trim_into(out, decimal("5"), decimal::max_scale + 1), decimal_error);
}

TEST(InPlace, RescaleRoundsLikeTheReference) {
  cases c(0x5ca1e);
  for (rounding_mode mode : all_modes) {
    for (int i = 0; i < 2000; ++i) {
      STOP_AT_FIRST_FAILURE();
      const decimal x = make(c.coefficient(), c.pick(0, 14));
      const int scale = c.pick(std::max(0, x.scale() - 6), x.scale() + 30);
      const std::string expected = expected_rounded(to_rational(x), scale, mode);
      decimal out = c.stale_out();
      rescale_into(out, x, scale, mode);
      EXPECT_EQ(out.to_string(), expected) << x << " at " << scale << " " << to_string(mode);
      decimal alias = x;
      rescale_into(alias, alias, scale, mode);
      EXPECT_EQ(alias.to_string(), expected) << x << " at " << scale << " into x";
    }
  }
}

TEST(InPlace, UnitsInAndOut) {
  constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
  constexpr std::int64_t min = std::numeric_limits<std::int64_t>::min();
  decimal out = make(pow10(50), 0);  // wide: set_units gives its memory back
  set_units(out, 123456, 2);
  EXPECT_TRUE(identical(out, decimal("1234.56")));
  set_units(out, min, 0);
  EXPECT_EQ(out.to_string(), "-9223372036854775808");
  EXPECT_TRUE(identical(decimal::from_units(-5, 3), decimal("-0.005")));
  EXPECT_THROW((void)set_units(out, 1, -1), decimal_error);
  EXPECT_THROW((void)set_units(out, 1, decimal::max_scale + 1), decimal_error);
  EXPECT_EQ(out.to_string(), "-9223372036854775808");  // unchanged by the failures

  std::int64_t units = 0;
  EXPECT_TRUE(units_of(decimal("-1234.56"), units));
  EXPECT_EQ(units, -123456);
  EXPECT_TRUE(units_of(decimal(max), units));
  EXPECT_EQ(units, max);
  EXPECT_TRUE(units_of(decimal(-max), units));
  EXPECT_EQ(units, -max);
  units = 7;
  EXPECT_FALSE(units_of(decimal(min), units));  // outside ±INT64_MAX
  EXPECT_FALSE(units_of(make(pow10(19), 0), units));
  EXPECT_FALSE(units_of(make(pow10(50), 0), units));
  EXPECT_EQ(units, 7);
}

TEST(InPlace, AFailedOperationLeavesOutAsItWas) {
  decimal out("12.34");
  EXPECT_THROW((void)divide_into(out, decimal("1"), decimal("0.00"), 2, rounding_mode::half_up),
               decimal_error);
  EXPECT_THROW((void)divide_into(out, decimal("1"), std::int64_t{0}, 2, rounding_mode::half_up),
               decimal_error);
  EXPECT_THROW((void)divide_into(out, decimal("1"), std::int64_t{3}, -1, rounding_mode::half_up),
               decimal_error);
  EXPECT_THROW((void)divide_exact_into(out, decimal("1"), 0), decimal_error);
  EXPECT_THROW((void)rescale_into(out, decimal("1"), decimal::max_scale + 1, rounding_mode::down),
               decimal_error);
  EXPECT_THROW((void)multiply_into(out, make(cpp_int(1), 100), make(cpp_int(1), 29)),
               decimal_error);
  EXPECT_EQ(out.to_string(), "12.34");
}

}  // namespace
}  // namespace tariff
