// Pricing's amounts (src/price/amounts.cpp), figure by figure, as docs/language.md "Pricing
// semantics" §6 states them:
//
//   - with a declared rounding (step, mode): num / den rounded to a whole number of steps;
//   - without: the exact quotient when it has a finite decimal form, with its trailing zeros
//     beyond `scale` dropped and at least `scale` digits; an error when that form needs more than
//     128 digits after the point; else the quotient rounded half-even at max(num's scale, 20)
//     digits.
//
// amount_of is made of the decimal's in-place operations (divide_exact_into, trim_into,
// divide_into, multiply_into), whose properties tests/decimal/in_place_test.cpp checks against
// exact rationals; these are the figures the typical tariff takes through each of its branches.
#include "price/amounts.hpp"

#include <cstdint>
#include <optional>
#include <string>

#include <gtest/gtest.h>
#include <tariff/decimal.hpp>

namespace tariff::price_stage {
namespace {

std::string amount(const char* num, std::int64_t den, int scale) {
  return amount_of(decimal(num), den, std::nullopt, scale).to_string();
}

std::string rounded(const char* num, std::int64_t den, const char* step, rounding_mode mode) {
  return amount_of(decimal(num), den, plan::rounding{decimal(step), mode}, 2).to_string();
}

TEST(AmountOf, KnownFigures) {
  EXPECT_EQ(amount("96000.00", 3600, 2), "26.66666666666666666667");  // 1000 s at 96.00 an hour
  EXPECT_EQ(amount("-96000.00", 3600, 2), "-26.66666666666666666667");
  EXPECT_EQ(amount("172800.00", 3600, 2), "48.00");                 // 1800 s at 96.00: exact
  EXPECT_EQ(amount("2500.00", 3600, 2), "0.69444444444444444444");  // …4444|44: down
  EXPECT_EQ(amount("150.00", 3600, 2), "0.04166666666666666667");   // …6666|66: up
  EXPECT_EQ(amount("1800.00", 3600, 2), "0.50");
  EXPECT_EQ(amount("45.125", 1, 2), "45.125");  // a third digit beyond the scale stays
  EXPECT_EQ(amount("45", 1, 2), "45.00");       // at least the price's digits
  EXPECT_EQ(amount("2500", 60, 2), "41.66666666666666666667");  // 20 digits, as num has none
  EXPECT_EQ(rounded("96000.00", 3600, "0.01", rounding_mode::half_up), "26.67");
  EXPECT_EQ(rounded("96000.00", 3600, "0.05", rounding_mode::down), "26.65");
  EXPECT_EQ(rounded("-96000.00", 3600, "0.01", rounding_mode::floor), "-26.67");
}

TEST(AmountOf, ATerminatingAmountIsExactOrAnError) {
  // 1.5 h at a price with 125 decimals: exact at 126.
  const std::string price = "0." + std::string(124, '0') + "1";
  const decimal hours = amount_of(decimal(price) * decimal(5400), 3600, std::nullopt, 2);
  EXPECT_EQ(hours.scale(), 126);
  EXPECT_EQ(hours * decimal(2), decimal(price) * decimal(3));
  // A quotient that terminates only after 129 digits is refused, never rounded.
  const std::string finer = "0." + std::string(126, '0') + "1";
  try {
    (void)amount_of(decimal(finer), 8, std::nullopt, 2);
    ADD_FAILURE() << "no error";
  } catch (const decimal_error& e) {
    EXPECT_EQ(e.code(), decimal_errc::limit);
    EXPECT_NE(std::string(e.what()).find("needs 130 digits after the point; the limit is 128: "
                                         "declare a rounding"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace tariff::price_stage
