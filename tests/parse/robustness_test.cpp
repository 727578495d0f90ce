// Hostile and broken input never crashes the front end: it yields diagnostics, nothing else.
#include <random>
#include <string>

#include <gtest/gtest.h>
#include <tariff/diagnostics.hpp>

namespace tariff {
namespace {

const char* const valid_tariff = R"(tariff "Facilities 2026" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
  window night 22:00 .. 06:00
  days weekend sat, sun
  holidays 2026-01-01 .. 2026-01-08, 2026-05-01
  season summer 2026-06-01 .. 2026-08-31
}
attribute site.region : string default "moscow"
table region_factor by site.region { "moscow": 1.00, "tula": 1.25, else: 1.10 }
table loyalty by contract.year { 1: 0%, 2: 5%, 3..4: 10%, 5..: 15% }
pricelist retail effective 2026-01-01 {
  item hvac_repair "HVAC repair" per hour price 2500.00 cost 1400.00 bill started 1h minimum 1h
  item visit "Engineer visit" per visit price 1800.00 cost 900.00
  item parts "Parts" per piece price 100.00 tiers graduated { 1..10: 100.00, 11..: 90.00 }
}
pricelist wholesale extends retail { hvac_repair price 2200.00 }
rule night when in night : price * 2
rule region : price * region_factor
rule loyalty when work.billable : price - price * loyalty
rule third for visit : price / 3 round 0.01 half_up
group surcharges stack largest {
  rule holiday_rate when on holiday : 2
  rule summer_rate when during summer and not in night : 1.2
}
plan standard {
  pricelist retail
  fee 100000.00 per month
  includes 3 visit per month
  includes 20h hvac_repair per month alert 80%
  catalogue hvac_repair, visit
}
)";

// Pieces that tend to break parsers: brackets, operators, keywords, digits, quotes, newlines.
const char* const fragments[] = {"(",     ")",     "{",      "}",    "\"",    "..",   ":",
                                 ",",     "*",     "/",      "-",    "%",     "\n",   "#",
                                 "rule ", "when ", "round ", "per ", "item ", "9",    "2026-13-45",
                                 "25:99", "\\",    "\t",     "e",    "Z",     "\r\n", "\x01"};

TEST(Robustness, MutatedTariffsGiveDiagnosticsNotCrashes) {
  std::mt19937_64 random(20261124);
  const std::string original = valid_tariff;
  int with_errors = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string source = original;
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits && !source.empty(); ++e) {
      const std::size_t at = random() % source.size();
      switch (random() % 3) {
        case 0:
          source.erase(at, 1 + random() % 8);
          break;
        case 1:
          source.insert(at, fragments[random() % std::size(fragments)]);
          break;
        default:
          source[at] = static_cast<char>(32 + random() % 95);
          break;
      }
    }
    std::vector<diagnostic> ds;
    ASSERT_NO_THROW(ds = check(source, "mutated.tariff")) << source;
    for (const diagnostic& d : ds) {
      ASSERT_GE(d.line, 1) << source;
      ASSERT_GE(d.column, 1) << source;
      ASSERT_FALSE(d.message.empty());
    }
    if (has_errors(ds)) ++with_errors;
  }
  EXPECT_GT(with_errors, 1500);  // the mutations do break most tariffs
  EXPECT_TRUE(check(original, "valid.tariff").empty()) << format(check(original, "valid.tariff"));
}

TEST(Robustness, DeepNestingIsAnErrorNotAStackOverflow) {
  const std::string deep = "tariff \"Deep\" currency RUB\nrule r : " + std::string(100000, '(') +
                           "price" + std::string(100000, ')') + "\n";
  const auto ds = check(deep, "deep.tariff");
  ASSERT_EQ(ds.size(), 1U) << format(ds);
  EXPECT_NE(ds[0].message.find("nesting"), std::string::npos) << ds[0].message;
  const std::string fine = "tariff \"Fine\" currency RUB\nrule r : " + std::string(30, '(') +
                           "price" + std::string(30, ')') + "\n";
  EXPECT_TRUE(check(fine, "fine.tariff").empty()) << format(check(fine, "fine.tariff"));
}

TEST(Robustness, LongDiscountStacksStayWithinTheDecimalLimits) {
  // 70 discounts of 0.95 multiply to a scale of 140 digits, past decimal::max_scale: the
  // below-cost hint must still come out, not an exception.
  std::string source =
      "tariff \"Stack\" currency RUB\n"
      "pricelist retail { item visit \"Visit\" per visit price 1000.00 cost 30.00 }\n";
  for (int i = 0; i < 70; ++i)
    source += "rule d" + std::to_string(i) + " : price * 0.95\n";
  std::vector<diagnostic> ds;
  ASSERT_NO_THROW(ds = check(source, "stack.tariff"));
  ASSERT_EQ(ds.size(), 1U) << format(ds);
  EXPECT_EQ(ds[0].level, severity::warning);
  EXPECT_EQ(ds[0].line, 3 + 68);  // 1000 × 0.95^69 = 29.03 < 30.00; 0.95^68 gives 30.56
  EXPECT_NE(ds[0].message.find("to 29.03,"), std::string::npos) << ds[0].message;
}

TEST(Robustness, BinaryGarbageAndEmptyInput) {
  EXPECT_TRUE(check("", "empty.tariff").size() == 1U);  // only: missing tariff header
  std::string garbage;
  std::mt19937_64 random(7);
  for (int i = 0; i < 5000; ++i)
    garbage.push_back(static_cast<char>(random() % 256));
  EXPECT_NO_THROW((void)check(garbage, "garbage.tariff"));
}

}  // namespace
}  // namespace tariff
