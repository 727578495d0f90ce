// Property tests of tariff::decimal against Boost's exact rationals: thousands of seeded random
// cases per property, with magnitudes from one digit to far beyond 128 bits, so the inline 128-bit
// fast paths, their overflow into the wide fallback and the way back are all exercised.
//
// The references here are independent of the implementation: values are read back from
// to_string() by the test's own conversion, and rounding is done on rationals by floor, ceiling
// and the distance from the halfway point.
#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>
#include <gtest/gtest.h>
#include <tariff/decimal.hpp>

#include "exact_reference.hpp"

namespace tariff {
namespace {

using boost::multiprecision::cpp_int;
using boost::multiprecision::cpp_rational;
using namespace test_reference;

constexpr std::array<rounding_mode, 7> all_modes = {
    rounding_mode::half_even, rounding_mode::half_up, rounding_mode::half_down, rounding_mode::up,
    rounding_mode::down,      rounding_mode::ceiling, rounding_mode::floor};

int sign_of(const cpp_rational& q) {
  return q < 0 ? -1 : (q > 0 ? 1 : 0);
}

// Random decimals of every size class.
class generator {
 public:
  explicit generator(std::uint64_t seed) : rng_(seed) {}

  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(int percent) { return uniform(1, 100) <= percent; }

  // A non-negative integer of exactly `n` digits (1 <= n).
  cpp_int digits(int n) {
    std::string text(static_cast<std::size_t>(n), '0');
    text[0] = static_cast<char>('0' + uniform(1, 9));
    for (std::size_t i = 1; i < text.size(); ++i)
      text[i] = static_cast<char>('0' + uniform(0, 9));
    return cpp_int(text);
  }

  // A coefficient from one of the size classes, with a random sign.
  cpp_int coefficient() {
    cpp_int c;
    switch (uniform(0, 5)) {
      case 0:
        c = uniform(0, 12);
        break;
      case 1:
        c = digits(uniform(1, 9));
        break;
      case 2:
        c = digits(uniform(10, 19));
        break;
      case 3:  // around the 128-bit limit
        c = digits(uniform(36, 40));
        break;
      case 4:  // right at a power-of-two boundary of the fast paths
        c = boundary();
        break;
      default:  // well beyond 128 bits
        c = digits(uniform(41, 60));
        break;
    }
    return chance(50) ? cpp_int(-c) : c;
  }

  cpp_int boundary() {
    static const std::array<int, 5> bits = {63, 64, 126, 127, 128};
    cpp_int c = cpp_int(1) << bits[static_cast<std::size_t>(uniform(0, 4))];
    return c + uniform(-3, 3);
  }

  decimal value(int max_scale = 12) { return make(coefficient(), uniform(0, max_scale)); }

 private:
  std::mt19937_64 rng_;
};

// Stops a property loop at its first counterexample, so a bug reports one clear case.
#define STOP_AT_FIRST_FAILURE() \
  if (::testing::Test::HasFailure()) break

TEST(DecimalProperty, AddSubtractMultiplyAreExact) {
  generator gen(0x7a11ff01);
  for (int i = 0; i < 4000; ++i) {
    STOP_AT_FIRST_FAILURE();
    decimal a = gen.value();
    decimal b;
    switch (gen.uniform(0, 3)) {
      case 0:  // same scale: the inline fast path and its overflow checks
        b = make(gen.coefficient(), a.scale());
        break;
      case 1: {  // nearly the negation: a wide sum coming back to 128 bits
        const int scale = gen.uniform(0, 12);
        b = make(cpp_int(-coefficient_of(a) * pow10(scale)) + gen.uniform(-1000, 1000),
                 a.scale() + scale);
        break;
      }
      default:
        b = gen.value();
        break;
    }
    const cpp_rational ra = to_rational(a);
    const cpp_rational rb = to_rational(b);
    const std::string inputs = "a = " + a.to_string() + ", b = " + b.to_string();
    const int max_scale = std::max(a.scale(), b.scale());

    const decimal sum = a + b;
    EXPECT_EQ(to_rational(sum), cpp_rational(ra + rb)) << "a + b, " << inputs;
    EXPECT_EQ(sum.scale(), max_scale) << "a + b, " << inputs;
    const decimal difference = a - b;
    EXPECT_EQ(to_rational(difference), cpp_rational(ra - rb)) << "a - b, " << inputs;
    EXPECT_EQ(difference.scale(), max_scale) << "a - b, " << inputs;
    const decimal product = a * b;
    EXPECT_EQ(to_rational(product), cpp_rational(ra * rb)) << "a * b, " << inputs;
    EXPECT_EQ(product.scale(), a.scale() + b.scale()) << "a * b, " << inputs;
    const decimal negated = -a;
    EXPECT_EQ(to_rational(negated), cpp_rational(-ra)) << "-a, " << inputs;
    EXPECT_EQ(negated.scale(), a.scale()) << "-a, " << inputs;
    EXPECT_EQ(to_rational(abs(a)), ra < 0 ? cpp_rational(-ra) : ra) << "abs(a), " << inputs;

    decimal x = a;
    x += b;
    EXPECT_TRUE(identical(x, sum)) << "a += b, " << inputs;
    x = a;
    x -= b;
    EXPECT_TRUE(identical(x, difference)) << "a -= b, " << inputs;
    x = a;
    x *= b;
    EXPECT_TRUE(identical(x, product)) << "a *= b, " << inputs;
  }
}

TEST(DecimalProperty, FastPathEdgesOf128Bits) {
  // Sums and differences landing exactly on ±2^127 and around it, at one scale (the inline path).
  const cpp_int limit = (cpp_int(1) << 127) - 1;  // int128 max
  for (int scale : {0, 2, 9}) {
    for (int da = -2; da <= 2; ++da) {
      for (int db = -2; db <= 3; ++db) {
        for (int sa : {-1, 1}) {
          for (int sb : {-1, 1}) {
            const cpp_int ca = sa * (limit + da);
            const cpp_int cb = sb * cpp_int(db);
            const decimal a = make(ca, scale);
            const decimal b = make(cb, scale);
            const decimal c = make(cb * 1000, scale);
            EXPECT_EQ(coefficient_of(a + b), ca + cb) << a << " + " << b;
            EXPECT_EQ(coefficient_of(a - b), ca - cb) << a << " - " << b;
            EXPECT_EQ(coefficient_of(b - a), cb - ca) << b << " - " << a;
            EXPECT_EQ(coefficient_of(a + c), ca + cb * 1000) << a << " + " << c;
            EXPECT_EQ(coefficient_of(a * b), ca * cb) << a << " * " << b;
            EXPECT_EQ(coefficient_of(-a), cpp_int(-ca)) << "-" << a;
          }
        }
      }
    }
  }
  // Products of two 64-bit coefficients at the edge, and the first ones past 64 bits.
  const cpp_int i64_max = (cpp_int(1) << 63) - 1;
  for (const cpp_int& x : {i64_max, cpp_int(i64_max + 1), cpp_int(-i64_max - 1)}) {
    for (const cpp_int& y : {i64_max, cpp_int(i64_max + 1), cpp_int(-i64_max - 1)}) {
      EXPECT_EQ(coefficient_of(make(x, 3) * make(y, 4)), x * y) << x << " * " << y;
    }
  }
}

TEST(DecimalProperty, RescaleRoundsLikeTheReference) {
  generator gen(0x5ca1e002);
  for (rounding_mode mode : all_modes) {
    for (int i = 0; i < 1000; ++i) {
      STOP_AT_FIRST_FAILURE();
      cpp_int c = gen.coefficient();
      if (gen.chance(35)) c = c * 10 + (c < 0 ? -5 : 5);  // a tie when one digit is dropped
      const decimal x = make(c, gen.uniform(0, 14));
      const int scale = gen.uniform(std::max(0, x.scale() - 6), x.scale() + 3);
      const decimal r = x.rescale(scale, mode);
      EXPECT_EQ(r.to_string(), expected_rounded(to_rational(x), scale, mode))
          << x << ".rescale(" << scale << ", " << to_string(mode) << ")";
    }
  }
}

TEST(DecimalProperty, DivideRoundsTheExactQuotientOnce) {
  generator gen(0xd1b1de03);
  const std::array<const char*, 10> tie_divisors = {"2",   "4",  "8",     "-16", "0.5",
                                                    "0.2", "25", "-0.08", "40",  "1.6"};
  for (rounding_mode mode : all_modes) {
    for (int i = 0; i < 600; ++i) {
      STOP_AT_FIRST_FAILURE();
      const decimal a = gen.value();
      decimal b = gen.chance(40)
                      ? decimal(tie_divisors[static_cast<std::size_t>(gen.uniform(0, 9))])
                      : gen.value();
      if (b.is_zero()) b = decimal(7);
      const int scale = gen.uniform(0, 14);
      const decimal q = divide(a, b, scale, mode);
      EXPECT_EQ(q.to_string(), expected_rounded(to_rational(a) / to_rational(b), scale, mode))
          << "divide(" << a << ", " << b << ", " << scale << ", " << to_string(mode) << ")";
    }
  }
}

TEST(DecimalProperty, RoundToAndPercentOfRoundLikeTheReference) {
  generator gen(0x0c0ffee4);
  const std::array<const char*, 8> increments = {"0.05", "0.25", "100", "5",
                                                 "0.01", "1",    "0.5", "3"};
  for (rounding_mode mode : all_modes) {
    for (int i = 0; i < 400; ++i) {
      STOP_AT_FIRST_FAILURE();
      const decimal x = gen.value(6);
      const decimal increment =
          gen.chance(70) ? decimal(increments[static_cast<std::size_t>(gen.uniform(0, 7))])
                         : make(gen.digits(gen.uniform(1, 25)), gen.uniform(0, 6));
      const cpp_rational ri = to_rational(increment);
      const cpp_int count = reference_round(to_rational(x) / ri, mode);
      const decimal r = x.round_to(increment, mode);
      EXPECT_EQ(r.to_string(), format(count * coefficient_of(increment), increment.scale()))
          << x << ".round_to(" << increment << ", " << to_string(mode) << ")";

      const decimal base = gen.value(4);
      const decimal percent = make(gen.digits(gen.uniform(1, 5)), gen.uniform(0, 3));
      const int scale = gen.uniform(0, 4);
      EXPECT_EQ(percent_of(base, percent, scale, mode).to_string(),
                expected_rounded(to_rational(base) * to_rational(percent) / 100, scale, mode))
          << "percent_of(" << base << ", " << percent << ", " << scale << ", " << to_string(mode)
          << ")";
    }
  }
}

// + - and the comparisons of small coefficients at the boundary of their inline 128-bit path:
// the coefficients at and just past the 64-bit limits, the scales 17, 18, 19 and 20 apart (where
// aligning them stops fitting), each checked against the exact rationals.
TEST(DecimalProperty, SmallCoefficientsAtTheBoundaryAreExact) {
  const cpp_int i64_max = (cpp_int(1) << 63) - 1;
  const std::vector<cpp_int> edges{
      0,           1,        -1,           12345,        i64_max,          i64_max - 1,
      i64_max + 1, -i64_max, -i64_max - 1, -i64_max - 2, i64_max * 10 + 7, cpp_int(1) << 100};
  int checked = 0;
  for (const cpp_int& ca : edges)
    for (const cpp_int& cb : edges)
      for (const int sa : {0, 2, 5})
        for (const int apart : {0, 1, 17, 18, 19, 20, 40}) {
          const decimal a = make(ca, sa);
          const decimal b = make(cb, sa + apart);
          const cpp_rational ra = to_rational(a);
          const cpp_rational rb = to_rational(b);
          const std::string inputs = a.to_string() + ", " + b.to_string();
          for (const auto& [x, y, rx, ry] : {std::tuple{a, b, ra, rb}, std::tuple{b, a, rb, ra}}) {
            const decimal sum = x + y;
            EXPECT_EQ(to_rational(sum), cpp_rational(rx + ry)) << "+ " << inputs;
            EXPECT_EQ(sum.scale(), sa + apart) << "+ " << inputs;
            const decimal difference = x - y;
            EXPECT_EQ(to_rational(difference), cpp_rational(rx - ry)) << "- " << inputs;
            EXPECT_EQ(difference.scale(), sa + apart) << "- " << inputs;
            decimal in_place = x;
            in_place -= y;
            EXPECT_TRUE(identical(in_place, difference)) << "-= " << inputs;
            const int expected = sign_of(cpp_rational(rx - ry));
            const auto order = x <=> y;
            EXPECT_EQ(order < 0 ? -1 : (order > 0 ? 1 : 0), expected) << "<=> " << inputs;
            EXPECT_EQ(x == y, expected == 0) << "== " << inputs;
          }
          ++checked;
        }
  EXPECT_EQ(checked, 12 * 12 * 3 * 7);

  // Random 64-bit coefficients at random scales up to 20 apart.
  std::mt19937_64 rng(0x5a11fa57);
  for (int i = 0; i < 20000; ++i) {
    STOP_AT_FIRST_FAILURE();
    const auto bits = [&rng] {
      const int width = static_cast<int>(rng() % 64);  // 63 - width bits shifted away
      const auto magnitude = static_cast<std::int64_t>((rng() >> 1) >> (63 - width));
      return (rng() & 1) != 0 ? -magnitude : magnitude;
    };
    const int sa = static_cast<int>(rng() % 12);
    const int sb = static_cast<int>(rng() % 21);
    const decimal a = decimal::from_units(bits(), sa);
    const decimal b = decimal::from_units(bits(), sb);
    const cpp_rational ra = to_rational(a);
    const cpp_rational rb = to_rational(b);
    const std::string inputs = a.to_string() + ", " + b.to_string();
    EXPECT_EQ(to_rational(a + b), cpp_rational(ra + rb)) << "+ " << inputs;
    EXPECT_EQ(to_rational(a - b), cpp_rational(ra - rb)) << "- " << inputs;
    EXPECT_EQ((a + b).scale(), std::max(sa, sb)) << "+ " << inputs;
    const auto order = a <=> b;
    EXPECT_EQ(order < 0 ? -1 : (order > 0 ? 1 : 0), sign_of(cpp_rational(ra - rb))) << inputs;
  }
}

TEST(DecimalProperty, ComparisonAndHashAgreeWithRationals) {
  generator gen(0xc0a9a205);
  for (int i = 0; i < 5000; ++i) {
    STOP_AT_FIRST_FAILURE();
    const decimal a = gen.value();
    decimal b;
    switch (gen.uniform(0, 3)) {
      case 0: {  // the same value at a larger scale, often crossing into the wide representation
        const int more = gen.uniform(0, 45);
        b = make(coefficient_of(a) * pow10(more), a.scale() + more);
        break;
      }
      case 1: {  // one unit of the last digit away
        b = make(coefficient_of(a) + (gen.chance(50) ? 1 : -1), a.scale());
        break;
      }
      default:
        b = gen.value();
        break;
    }
    const cpp_rational ra = to_rational(a);
    const cpp_rational rb = to_rational(b);
    const int expected = sign_of(cpp_rational(ra - rb));
    const std::string inputs = a.to_string() + " vs " + b.to_string();
    const auto order = a <=> b;
    EXPECT_EQ(order < 0 ? -1 : (order > 0 ? 1 : 0), expected) << inputs;
    EXPECT_EQ(a == b, expected == 0) << inputs;
    EXPECT_EQ(a != b, expected != 0) << inputs;
    EXPECT_EQ(a < b, expected < 0) << inputs;
    EXPECT_EQ(a <= b, expected <= 0) << inputs;
    EXPECT_EQ(a > b, expected > 0) << inputs;
    EXPECT_EQ(a >= b, expected >= 0) << inputs;
    EXPECT_EQ(identical(a, b), expected == 0 && a.scale() == b.scale()) << inputs;
    EXPECT_TRUE(identical(min(a, b), expected <= 0 ? a : b)) << inputs;
    EXPECT_TRUE(identical(max(a, b), expected >= 0 ? a : b)) << inputs;
    if (expected == 0) {
      EXPECT_EQ(a.hash(), b.hash()) << inputs;
      EXPECT_EQ(std::hash<decimal>{}(a), std::hash<decimal>{}(b)) << inputs;
    }
  }
  EXPECT_EQ(decimal("1.5").hash(), decimal("1.500").hash());
  EXPECT_EQ(decimal("-0.00").hash(), decimal(0).hash());
  EXPECT_EQ(decimal("1." + std::string(60, '0')).hash(), decimal(1).hash());
}

// Checks allocate(total, weights) against the exact shares: the parts add up to the total, each
// is its share rounded toward zero or one unit more, the units go by largest remainder with ties
// to the earlier part, and a negative total is the negated split of its magnitude.
void check_allocation(const decimal& total, const std::vector<decimal>& weights,
                      const std::vector<decimal>& parts, const std::string& inputs) {
  ASSERT_EQ(parts.size(), weights.size()) << inputs;
  const int scale = total.scale();
  const cpp_int units = abs(coefficient_of(total));
  cpp_rational weight_sum = 0;
  for (const decimal& w : weights)
    weight_sum += to_rational(w);
  decimal sum = decimal::from_units(0, scale);
  std::vector<cpp_rational> remainder(parts.size());
  std::vector<bool> extra(parts.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    ASSERT_EQ(parts[i].scale(), scale) << inputs << ", part " << i;
    ASSERT_TRUE(total.sign() >= 0 ? parts[i].sign() >= 0 : parts[i].sign() <= 0)
        << inputs << ", part " << i << " = " << parts[i];
    sum += parts[i];
    const cpp_rational share = cpp_rational(units) * to_rational(weights[i]) / weight_sum;
    const cpp_int floor_share = floor_of(share);
    const cpp_int got = abs(coefficient_of(parts[i]));
    ASSERT_TRUE(got == floor_share ||
                (got == floor_share + 1 && cpp_rational(floor_share) != share))
        << inputs << ", part " << i << " = " << parts[i] << " (units " << got
        << "), exact share in units " << share;
    remainder[i] = share - cpp_rational(floor_share);
    extra[i] = got != floor_share;
    if (weights[i].is_zero()) {
      ASSERT_TRUE(parts[i].is_zero()) << inputs << ", part " << i;
    }
  }
  ASSERT_TRUE(identical(sum, total)) << inputs << ": parts add up to " << sum;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    for (std::size_t j = 0; j < parts.size(); ++j) {
      if (extra[i] && !extra[j]) {
        ASSERT_TRUE(remainder[i] > remainder[j] || (remainder[i] == remainder[j] && i < j))
            << inputs << ": part " << i << " got an extra unit before part " << j;
      }
    }
  }
}

std::string describe_allocation(const decimal& total, const std::vector<decimal>& weights) {
  std::string text = "allocate(" + total.to_string() + ", {";
  for (std::size_t i = 0; i < weights.size(); ++i)
    text += (i == 0 ? "" : ", ") + weights[i].to_string();
  return text + "})";
}

TEST(DecimalProperty, AllocateSplitsExactlyByLargestRemainder) {
  generator gen(0xa110ca7e);
  for (int i = 0; i < 2500; ++i) {
    STOP_AT_FIRST_FAILURE();
    decimal total =
        make(gen.chance(10) ? cpp_int(0) : gen.digits(gen.uniform(1, 20)), gen.uniform(0, 4));
    if (gen.chance(5)) total = make(gen.digits(gen.uniform(39, 45)), gen.uniform(0, 4));
    if (gen.chance(40)) total = -total;
    std::vector<decimal> weights(static_cast<std::size_t>(gen.uniform(1, 12)));
    const bool tie_prone = gen.chance(40);
    for (decimal& w : weights) {
      if (gen.chance(25)) {
        w = make(cpp_int(0), gen.uniform(0, 2));
      } else if (tie_prone) {
        static const std::array<const char*, 4> few = {"1", "2", "1.0", "3"};
        w = decimal(few[static_cast<std::size_t>(gen.uniform(0, 3))]);
      } else {
        w = make(gen.digits(gen.chance(5) ? gen.uniform(20, 42) : gen.uniform(1, 6)),
                 gen.uniform(0, 3));
      }
    }
    if (std::all_of(weights.begin(), weights.end(), [](const decimal& w) { return w.is_zero(); }))
      weights[static_cast<std::size_t>(gen.uniform(0, static_cast<int>(weights.size()) - 1))] =
          decimal(1);
    const std::string inputs = describe_allocation(total, weights);
    const std::vector<decimal> parts = allocate(total, weights);
    check_allocation(total, weights, parts, inputs);
    if (total.sign() != 0) {
      const std::vector<decimal> opposite = allocate(-total, weights);
      ASSERT_EQ(opposite.size(), parts.size()) << inputs;
      for (std::size_t k = 0; k < parts.size(); ++k)
        ASSERT_TRUE(identical(opposite[k], -parts[k])) << inputs << ", part " << k;
    }
  }
}

std::vector<std::string> texts(const std::vector<decimal>& parts) {
  std::vector<std::string> out;
  for (const decimal& p : parts)
    out.push_back(p.to_string());
  return out;
}

std::vector<decimal> decimals(std::initializer_list<const char*> list) {
  std::vector<decimal> out;
  for (const char* text : list)
    out.emplace_back(text);
  return out;
}

using strings = std::vector<std::string>;

TEST(DecimalProperty, AllocateLiteralCases) {
  EXPECT_EQ(texts(allocate(decimal("100.00"), decimals({"1", "1", "1"}))),
            (strings{"33.34", "33.33", "33.33"}));
  EXPECT_EQ(texts(allocate(decimal("-100.00"), decimals({"1", "1", "1"}))),
            (strings{"-33.34", "-33.33", "-33.33"}));
  EXPECT_EQ(texts(allocate(decimal("0.05"), decimals({"1", "1", "1", "1"}))),
            (strings{"0.02", "0.01", "0.01", "0.01"}));
  EXPECT_EQ(texts(allocate(decimal("10"), decimals({"0", "1", "1"}))), (strings{"0", "5", "5"}));
  EXPECT_EQ(texts(allocate(decimal("1"), decimals({"1", "1"}))), (strings{"1", "0"}));
  EXPECT_EQ(texts(allocate(decimal("0.10"), decimals({"0.5", "0.25", "0.25"}))),
            (strings{"0.05", "0.03", "0.02"}));
  // Largest remainder wins over position: shares 0.333.., 0.666.. of 1 unit.
  EXPECT_EQ(texts(allocate(decimal("0.01"), decimals({"1", "2"}))), (strings{"0.00", "0.01"}));
  EXPECT_EQ(texts(allocate(decimal("0.00"), decimals({"3", "1"}))), (strings{"0.00", "0.00"}));
  EXPECT_EQ(texts(allocate(decimal("7"), decimals({"0", "0", "2"}))), (strings{"0", "0", "7"}));
  EXPECT_EQ(texts(allocate_equally(decimal("100.00"), 3)), (strings{"33.34", "33.33", "33.33"}));
  EXPECT_EQ(texts(allocate_equally(decimal("-0.05"), 4)),
            (strings{"-0.02", "-0.01", "-0.01", "-0.01"}));
  EXPECT_EQ(texts(allocate_equally(decimal("5"), 1)), (strings{"5"}));

  auto code_of = [](auto&& call) {
    try {
      call();
    } catch (const decimal_error& e) {
      return static_cast<int>(e.code());
    }
    return -1;
  };
  const int invalid = static_cast<int>(decimal_errc::invalid_argument);
  EXPECT_EQ(code_of([] { (void)allocate(decimal(1), std::vector<decimal>{}); }), invalid);
  EXPECT_EQ(code_of([] { (void)allocate(decimal(1), decimals({"1", "-1"})); }), invalid);
  EXPECT_EQ(code_of([] { (void)allocate(decimal(1), decimals({"0", "0.00"})); }), invalid);
  EXPECT_EQ(code_of([] { (void)allocate_equally(decimal(1), 0); }), invalid);
}

TEST(DecimalProperty, AllocateEquallyIsAsEvenAsTheUnitAllows) {
  generator gen(0xe9a11706);
  for (int i = 0; i < 2000; ++i) {
    STOP_AT_FIRST_FAILURE();
    decimal total =
        make(gen.chance(5) ? gen.digits(gen.uniform(39, 45)) : gen.digits(gen.uniform(1, 18)),
             gen.uniform(0, 4));
    if (gen.chance(40)) total = -total;
    const auto n = static_cast<std::size_t>(gen.uniform(1, 15));
    const std::string inputs =
        "allocate_equally(" + total.to_string() + ", " + std::to_string(n) + ")";
    const std::vector<decimal> parts = allocate_equally(total, n);
    check_allocation(total, std::vector<decimal>(n, decimal(1)), parts, inputs);
    // Larger magnitudes first, and no two parts more than one unit apart.
    const decimal unit = decimal::from_units(1, total.scale());
    for (std::size_t k = 1; k < parts.size(); ++k) {
      ASSERT_GE(abs(parts[k - 1]), abs(parts[k])) << inputs << ", part " << k;
      ASSERT_LE(abs(parts.front()) - abs(parts[k]), unit) << inputs << ", part " << k;
    }
  }
}

TEST(DecimalProperty, TextRoundTripIsIdentical) {
  generator gen(0x7e47a207);
  for (int i = 0; i < 5000; ++i) {
    STOP_AT_FIRST_FAILURE();
    const cpp_int c = gen.coefficient();
    const int scale = gen.chance(10) ? gen.uniform(0, decimal::max_scale) : gen.uniform(0, 12);
    const std::string text = format(c, scale);
    const decimal x(text);
    ASSERT_EQ(x.to_string(), text);
    ASSERT_EQ(x.scale(), scale) << text;
    ASSERT_EQ(x.sign(), c < 0 ? -1 : (c > 0 ? 1 : 0)) << text;
    ASSERT_EQ(x.digits(), static_cast<int>(cpp_int(abs(c)).str().size())) << text;
    const decimal back(x.to_string());
    ASSERT_TRUE(identical(back, x)) << text;
    const std::optional<decimal> parsed = decimal::try_parse(x.to_string());
    ASSERT_TRUE(parsed) << text;
    ASSERT_TRUE(identical(*parsed, x)) << text;
    // Leading zeros and a plus sign parse to the same number and scale.
    if (c >= 0) {
      ASSERT_TRUE(identical(decimal("+00" + text), x)) << text;
    }
    // Values computed on the wide path (and back) print and parse back identically too.
    if (2 * scale <= decimal::max_scale) {
      const decimal y = x * x - x;
      ASSERT_TRUE(identical(decimal(y.to_string()), y)) << text;
    }
  }
  for (const char* text :
       {"0", "0.000", "-0.5", "0.0000000001", "1234567890123456789012345678901234567890.1"})
    EXPECT_TRUE(identical(decimal(decimal(text).to_string()), decimal(text))) << text;
}

}  // namespace
}  // namespace tariff
