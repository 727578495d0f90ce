// Unit tests of tariff::decimal: exact expected values for every operation and error.
#include <ostream>
#include <sstream>
#include <string>
#include <unordered_set>

#include <gtest/gtest.h>
#include <tariff/decimal.hpp>

namespace tariff {
namespace {

decimal d(std::string_view text) {
  return decimal(text);
}
std::string s(const decimal& x) {
  return x.to_string();
}

// A coefficient beyond 128 bits: 10^50 + 1.
const decimal huge = d("100000000000000000000000000000000000000000000000001");

TEST(DecimalText, KeepsScaleBothWays) {
  EXPECT_EQ(s(d("-1234.5600")), "-1234.5600");
  EXPECT_EQ(d("-1234.5600").scale(), 4);
  EXPECT_EQ(s(d("0.05")), "0.05");
  EXPECT_EQ(s(d("+7")), "7");
  EXPECT_EQ(s(d("007.50")), "7.50");
  EXPECT_EQ(s(d("-0.00")), "0.00");  // no negative zero
  EXPECT_EQ(s(d("0.000000001")), "0.000000001");
  EXPECT_EQ(s(huge), "100000000000000000000000000000000000000000000000001");
  EXPECT_EQ(s(-huge), "-100000000000000000000000000000000000000000000000001");
}

TEST(DecimalText, FromIntegersAndUnits) {
  EXPECT_EQ(s(decimal(42)), "42");
  EXPECT_EQ(s(decimal(-7L)), "-7");
  EXPECT_EQ(s(decimal(std::numeric_limits<std::int64_t>::min())), "-9223372036854775808");
  EXPECT_EQ(s(decimal(std::numeric_limits<std::uint64_t>::max())), "18446744073709551615");
  EXPECT_EQ(s(decimal::from_units(123456, 2)), "1234.56");
  EXPECT_EQ(s(decimal::from_units(-5, 3)), "-0.005");
  EXPECT_EQ(d("1234.5").to_units(2), 123450);
  EXPECT_EQ(d("-0.10").to_units(1), -1);
  static_assert(!std::is_constructible_v<decimal, double>);
  static_assert(!std::is_constructible_v<decimal, float>);
  static_assert(!std::is_convertible_v<bool, decimal>);
}

TEST(DecimalText, RejectsWhatIsNotANumber) {
  for (const char* bad : {"", "-", "1.", ".5", "1.2.3", "12a", " 1", "1 ", "1e5", "--1", "١"}) {
    EXPECT_EQ(decimal::try_parse(bad), std::nullopt) << bad;
    EXPECT_THROW((void)decimal{bad}, decimal_error) << bad;
  }
  try {
    decimal("12a");
    FAIL();
  } catch (const decimal_error& e) {
    EXPECT_EQ(e.code(), decimal_errc::syntax);
    EXPECT_STREQ(e.what(), "invalid decimal \"12a\": unexpected 'a' at column 3");
  }
}

TEST(DecimalText, LimitsAreErrors) {
  const std::string max_digits(decimal::max_digits, '9');
  EXPECT_EQ(s(decimal(max_digits)), max_digits);
  try {
    decimal(max_digits + "9");
    FAIL();
  } catch (const decimal_error& e) {
    EXPECT_EQ(e.code(), decimal_errc::limit);
  }
  EXPECT_EQ(decimal("0." + std::string(decimal::max_scale, '1')).scale(), decimal::max_scale);
  EXPECT_THROW((void)decimal("0." + std::string(decimal::max_scale + 1, '1')), decimal_error);
  try {
    (void)(decimal(max_digits) * decimal(10));
    FAIL();
  } catch (const decimal_error& e) {
    EXPECT_EQ(e.code(), decimal_errc::limit);
  }
  const decimal tiny("0." + std::string(100, '0') + "1");
  EXPECT_THROW((void)(tiny * tiny), decimal_error);  // scale 202 > 128
  EXPECT_THROW((void)decimal::from_units(1, -1), decimal_error);
  EXPECT_THROW((void)d("1.25").to_units(1), decimal_error);
  EXPECT_THROW((void)huge.to_units(0), decimal_error);
}

// Units of a figure scaled up to the unit, at the edges of 64 bits, and of a figure finer than
// the unit whose extra digits are zeros.
TEST(DecimalBasics, UnitsAtTheEdgesOfSixtyFourBits) {
  EXPECT_EQ(d("92233720368547758.07").to_units(2), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(d("9223372036854775.807").to_units(3), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(d("-922337203685477580.8").to_units(1), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(d("922337203685477580").to_units(1), 9223372036854775800);
  EXPECT_EQ(d("12.500").to_units(2), 1250);
  EXPECT_EQ(d("0").to_units(38), 0);
  for (const char* too_large :
       {"92233720368547758.08", "922337203685477581", "1000000000000000000000000000000"}) {
    try {
      (void)d(too_large).to_units(2);
      ADD_FAILURE() << too_large;
    } catch (const decimal_error& e) {
      EXPECT_EQ(e.code(), decimal_errc::limit) << too_large;
    }
  }
  EXPECT_THROW((void)d("1").to_units(19), decimal_error);  // 10^19 units
  EXPECT_EQ(d("1").to_units(18), 1000000000000000000);
}

TEST(DecimalArithmetic, ExactSumsDifferencesProducts) {
  EXPECT_EQ(s(d("12") + d("7.00")), "19.00");
  EXPECT_EQ(s(d("1.3") - d("1.30")), "0.00");
  EXPECT_EQ(s(d("1.10") + d("2.205")), "3.305");
  EXPECT_EQ(s(d("2500.00") * d("1.25")), "3125.0000");
  EXPECT_EQ(s(d("-0.5") * d("0.5")), "-0.25");
  EXPECT_EQ(s(d("0.1") + d("0.2")), "0.3");
  EXPECT_EQ(s(-d("3.10")), "-3.10");
  decimal x = d("10.00");
  x += d("0.015");
  x -= d("5");
  x *= d("2");
  EXPECT_EQ(s(x), "10.030");
}

TEST(DecimalArithmetic, OutgrowsAndReturnsFrom128Bits) {
  // 2^127 - 1 is the largest small coefficient; one more moves to the wide integer.
  const decimal max128("170141183460469231731687303715884105727");
  const decimal over = max128 + decimal(1);
  EXPECT_EQ(s(over), "170141183460469231731687303715884105728");
  EXPECT_EQ(s(over - decimal(1)), "170141183460469231731687303715884105727");
  EXPECT_EQ(s(-max128 - decimal(1)), "-170141183460469231731687303715884105728");
  EXPECT_EQ(s(max128 * max128),
            "28948022309329048855892746252171976962977213799489202546401021394546514198529");
  EXPECT_EQ(s((huge - huge)), "0");
  EXPECT_EQ(s(huge * d("0.01")), "1000000000000000000000000000000000000000000000000.01");
  EXPECT_EQ(s(d("99999999999999999999.99") * d("99999999999999999999.99")),
            "9999999999999999999998000000000000000000.0001");
  // Mixed scales that overflow only when aligned.
  EXPECT_EQ(s(max128 + d("0.5")), "170141183460469231731687303715884105727.5");
  EXPECT_LT(max128, max128 + d("0.5"));
}

TEST(DecimalCompare, NumericOrderAcrossScales) {
  EXPECT_EQ(d("1.5"), d("1.50"));
  EXPECT_FALSE(identical(d("1.5"), d("1.50")));
  EXPECT_TRUE(identical(d("1.50"), d("1.50")));
  EXPECT_LT(d("-2"), d("-1.99"));
  EXPECT_GT(d("0.001"), d("0"));
  EXPECT_LT(-huge, d("-1"));
  EXPECT_EQ(d("0.00"), decimal());
  EXPECT_EQ(d("0.00").sign(), 0);
  EXPECT_EQ(d("-0.01").sign(), -1);
  EXPECT_EQ(huge.sign(), 1);
  EXPECT_EQ(s(min(d("2.0"), d("2"))), "2.0");
  EXPECT_EQ(s(max(d("2.0"), d("3"))), "3");
  EXPECT_EQ(s(abs(d("-4.20"))), "4.20");
  EXPECT_EQ(d("123.450").digits(), 6);
  EXPECT_EQ(d("0").digits(), 1);
  EXPECT_EQ(huge.digits(), 51);
}

TEST(DecimalCompare, HashAgreesWithEquality) {
  EXPECT_EQ(d("1.5").hash(), d("1.500").hash());
  EXPECT_EQ(d("0").hash(), d("0.000").hash());
  EXPECT_EQ(huge.hash(), (huge * d("1.00")).hash());
  std::unordered_set<decimal> set{d("1.5"), d("1.50"), d("2")};
  EXPECT_EQ(set.size(), 2U);
}

struct rounding_case {
  const char* value;
  int scale;
  rounding_mode mode;
  const char* expected;
};

// gtest prints a parameter in the test's description (and ctest lists it): "2.675 to 2 half_up".
void PrintTo(const rounding_case& c, std::ostream* out) {
  *out << c.value << " to " << c.scale << " " << to_string(c.mode);
}

class DecimalRescale : public testing::TestWithParam<rounding_case> {};

TEST_P(DecimalRescale, RoundsByMode) {
  const auto& c = GetParam();
  EXPECT_EQ(s(d(c.value).rescale(c.scale, c.mode)), c.expected)
      << c.value << " to " << c.scale << " " << to_string(c.mode);
}

using rm = rounding_mode;
INSTANTIATE_TEST_SUITE_P(
    Modes, DecimalRescale,
    testing::Values(
        rounding_case{"2.675", 2, rm::half_up, "2.68"},
        rounding_case{"2.665", 2, rm::half_even, "2.66"},
        rounding_case{"2.675", 2, rm::half_even, "2.68"},
        rounding_case{"2.675", 2, rm::half_down, "2.67"},
        rounding_case{"2.6751", 2, rm::half_down, "2.68"},
        rounding_case{"-2.675", 2, rm::half_up, "-2.68"},
        rounding_case{"-2.675", 2, rm::half_down, "-2.67"},
        rounding_case{"2.671", 2, rm::up, "2.68"}, rounding_case{"-2.671", 2, rm::up, "-2.68"},
        rounding_case{"2.679", 2, rm::down, "2.67"}, rounding_case{"-2.679", 2, rm::down, "-2.67"},
        rounding_case{"2.671", 2, rm::ceiling, "2.68"},
        rounding_case{"-2.679", 2, rm::ceiling, "-2.67"},
        rounding_case{"2.679", 2, rm::floor, "2.67"},
        rounding_case{"-2.671", 2, rm::floor, "-2.68"},
        rounding_case{"-0.004", 2, rm::half_up, "0.00"},
        rounding_case{"-0.004", 2, rm::floor, "-0.01"}, rounding_case{"0.5", 0, rm::half_even, "0"},
        rounding_case{"1.5", 0, rm::half_even, "2"}, rounding_case{"7", 3, rm::down, "7.000"},
        rounding_case{"1041.6666666666", 2, rm::half_up, "1041.67"},
        rounding_case{"0.00000000000000000000000000000000000000000000000005", 0, rm::up, "1"},
        rounding_case{"0.00000000000000000000000000000000000000000000000005", 0, rm::half_up, "0"},
        rounding_case{"123456789012345678901234567890123456789012.345", 1, rm::half_even,
                      "123456789012345678901234567890123456789012.3"}),
    // "minus_2_675_to_2_half_up"
    [](const testing::TestParamInfo<rounding_case>& case_info) {
      std::string name;
      for (const char* c = case_info.param.value; *c != '\0'; ++c)
        name += *c == '-' ? std::string("minus_") : std::string(1, *c == '.' ? '_' : *c);
      return name + "_to_" + std::to_string(case_info.param.scale) + "_" +
             std::string(to_string(case_info.param.mode));
    });

TEST(DecimalRound, ToIncrements) {
  EXPECT_EQ(s(d("12.33").round_to(d("0.05"), rm::half_up)), "12.35");
  EXPECT_EQ(s(d("12.325").round_to(d("0.05"), rm::half_up)), "12.35");
  EXPECT_EQ(s(d("12.32").round_to(d("0.05"), rm::half_up)), "12.30");
  EXPECT_EQ(s(d("12.325").round_to(d("0.05"), rm::half_even)), "12.30");
  EXPECT_EQ(s(d("1250").round_to(d("100"), rm::half_up)), "1300");
  EXPECT_EQ(s(d("1250").round_to(d("100"), rm::half_even)), "1200");
  EXPECT_EQ(s(d("-1250.01").round_to(d("100"), rm::ceiling)), "-1200");
  EXPECT_EQ(s(d("1041.666").round_to(d("1"), rm::down)), "1041");
  EXPECT_EQ(s(d("0.994").round_to(d("0.01"), rm::half_up)), "0.99");
  EXPECT_EQ(s(huge.round_to(d("1000"), rm::down)),
            "100000000000000000000000000000000000000000000000000");
  EXPECT_THROW((void)d("1").round_to(d("0"), rm::half_up), decimal_error);
  EXPECT_THROW((void)d("1").round_to(d("-0.05"), rm::half_up), decimal_error);
}

TEST(DecimalRound, Trimmed) {
  EXPECT_EQ(s(d("12.3400").trimmed()), "12.34");
  EXPECT_EQ(s(d("5.00").trimmed()), "5");
  EXPECT_EQ(s(d("500").trimmed()), "500");
  EXPECT_EQ(s(d("0.000").trimmed()), "0");
}

TEST(DecimalDivide, RoundsOnceAtTheTargetScale) {
  // 25 minutes at 2500.00 an hour: multiply first, divide once (docs/design.md, "Time").
  EXPECT_EQ(s(divide(d("2500.00") * decimal(25), decimal(60), 2, rm::half_up)), "1041.67");
  EXPECT_EQ(s(divide(d("1"), d("3"), 5, rm::half_even)), "0.33333");
  EXPECT_EQ(s(divide(d("2"), d("3"), 2, rm::down)), "0.66");
  EXPECT_EQ(s(divide(d("-2"), d("3"), 2, rm::floor)), "-0.67");
  EXPECT_EQ(s(divide(d("100.00"), d("0.25"), 0, rm::half_up)), "400");
  EXPECT_EQ(s(divide(d("1"), d("8"), 2, rm::half_even)), "0.12");
  EXPECT_EQ(s(divide(d("1"), d("8"), 2, rm::half_up)), "0.13");
  EXPECT_EQ(s(divide(huge, d("3"), 1, rm::half_up)),
            "33333333333333333333333333333333333333333333333333.7");
  EXPECT_EQ(s(divide(d("10"), d("4"), 0, rm::half_even)), "2");
  try {
    (void)divide(d("1.00"), d("0.0"), 2, rm::half_up);
    FAIL();
  } catch (const decimal_error& e) {
    EXPECT_EQ(e.code(), decimal_errc::division_by_zero);
  }
}

TEST(DecimalDivide, Percentages) {
  EXPECT_EQ(s(percent_of(d("1041.67"), d("15"), 2, rm::half_up)), "156.25");
  EXPECT_EQ(s(percent_of(d("2500.00"), d("5"), 2, rm::half_up)), "125.00");
  EXPECT_EQ(s(percent_of(d("0.10"), d("12.5"), 2, rm::half_even)), "0.01");
  EXPECT_EQ(s(percent_of(d("0.10"), d("12.5"), 4, rm::half_even)), "0.0125");
}

TEST(DecimalAllocate, PartsAddUpToTheTotal) {
  auto strings = [](const std::vector<decimal>& parts) {
    std::vector<std::string> out;
    for (const auto& p : parts)
      out.push_back(p.to_string());
    return out;
  };
  using v = std::vector<std::string>;
  EXPECT_EQ(strings(allocate_equally(d("100.00"), 3)), (v{"33.34", "33.33", "33.33"}));
  EXPECT_EQ(strings(allocate_equally(d("-100.00"), 3)), (v{"-33.34", "-33.33", "-33.33"}));
  EXPECT_EQ(strings(allocate_equally(d("0.02"), 3)), (v{"0.01", "0.01", "0.00"}));
  const std::vector<decimal> weights{d("1"), d("2"), d("0"), d("1.5")};
  // Exact shares of 10.00: 2.222.., 4.444.., 0, 3.333..; the cent left goes to the largest
  // remainder, 0.444.. of part 2.
  EXPECT_EQ(strings(allocate(d("10.00"), weights)), (v{"2.22", "4.45", "0.00", "3.33"}));
  // Equal remainders: the earlier part gets the unit.
  EXPECT_EQ(strings(allocate(d("0.01"), std::vector<decimal>{d("1"), d("0"), d("1")})),
            (v{"0.01", "0.00", "0.00"}));
  EXPECT_EQ(strings(allocate(d("7"), std::vector<decimal>{d("1"), d("1")})), (v{"4", "3"}));
  EXPECT_THROW((void)allocate(d("1.00"), std::vector<decimal>{}), decimal_error);
  EXPECT_THROW((void)allocate(d("1.00"), std::vector<decimal>{d("0"), d("0")}), decimal_error);
  EXPECT_THROW((void)allocate(d("1.00"), std::vector<decimal>{d("1"), d("-1")}), decimal_error);
  EXPECT_THROW((void)allocate_equally(d("1.00"), 0), decimal_error);
}

TEST(DecimalRoundingModes, NamesRoundTrip) {
  for (rm mode :
       {rm::half_even, rm::half_up, rm::half_down, rm::up, rm::down, rm::ceiling, rm::floor}) {
    EXPECT_EQ(parse_rounding_mode(to_string(mode)), mode);
  }
  EXPECT_EQ(parse_rounding_mode("05up"), std::nullopt);
  EXPECT_EQ(parse_rounding_mode(""), std::nullopt);
}

// The 0.1 forms, deprecated in 0.2 and kept for one minor version: a bool and an out-parameter
// that a failure leaves alone.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
TEST(DecimalDeprecated, BoolAndOutParameterForms) {
  decimal out(99);
  EXPECT_FALSE(decimal::try_parse("1.2.3", out));
  EXPECT_EQ(s(out), "99");
  EXPECT_TRUE(decimal::try_parse("-0.50", out));
  EXPECT_EQ(s(out), "-0.50");
  rm mode = rm::floor;
  EXPECT_FALSE(parse_rounding_mode("05up", mode));
  EXPECT_EQ(mode, rm::floor);
  EXPECT_TRUE(parse_rounding_mode("half_up", mode));
  EXPECT_EQ(mode, rm::half_up);
}
#pragma GCC diagnostic pop

TEST(DecimalValueType, CopiesAndMovesKeepWideValues) {
  decimal a = huge;
  decimal b = a;
  EXPECT_EQ(s(b), s(huge));
  decimal c = std::move(a);
  EXPECT_EQ(s(c), s(huge));
  b = d("1.5");
  EXPECT_EQ(s(b), "1.5");
  b = c;
  EXPECT_EQ(s(b), s(huge));
  const decimal& alias = b;
  b = alias;  // self-assignment
  EXPECT_EQ(s(b), s(huge));
  std::ostringstream out;
  out << d("-3.140");
  EXPECT_EQ(out.str(), "-3.140");
}

}  // namespace
}  // namespace tariff
