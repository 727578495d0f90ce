// The checker on whole tariffs, through the parser: what it finds, where, and in which words.
#include "check/checker.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/diagnostics.hpp>

namespace tariff {
namespace {

// "line:col: error: message" for each finding in `source`.
std::vector<std::string> findings(const std::string& source) {
  std::vector<std::string> out;
  for (const diagnostic& d : check(source, "test.tariff"))
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                  (d.level == severity::error ? "error: " : "warning: ") + d.message);
  return out;
}

// The same, for a body placed after a header on line 1 (so the body starts on line 2).
std::vector<std::string> body_findings(const std::string& body) {
  return findings("tariff \"T\" currency EUR\n" + body);
}

using lines = std::vector<std::string>;

TEST(Checker, AcceptsTheDesignIllustration) {
  const std::string illustration = R"(tariff "Facilities 2026" currency RUB
rounding line 0.01 half_up

calendar {
  timezone Europe/Moscow
  window night 22:00 .. 06:00
  days weekend sat, sun
  holidays 2026-01-01 .. 2026-01-08, 2026-05-01
}

attribute site.region : string
table region_factor by site.region { "moscow": 1.00, "tula": 1.25, else: 1.10 }
table loyalty by contract.year     { 1: 0%, 2: 5%, 3..4: 10%, 5..: 15% }

pricelist retail effective 2026-01-01 {
  item hvac_repair "HVAC repair"    per hour  price 2500.00 cost 1400.00 bill started 1h minimum 1h
  item visit       "Engineer visit" per visit price 1800.00 cost 900.00
  item cartridge   "Cartridge"      per piece price 3200.00 cost 2100.00
}
pricelist wholesale extends retail { hvac_repair price 2200.00 }

rule night   when in night         : price * 2
rule weekend when on weekend       : price * 1.5
rule region                        : price * region_factor
rule loyalty when work.billable    : price - price * loyalty

plan standard {
  pricelist retail
  fee 100000.00 per month
  includes 3 visit per month
  includes 20h hvac_repair per month   alert 80%
  catalogue hvac_repair, visit, cartridge
}
)";
  EXPECT_EQ(findings(illustration), lines{});
}

TEST(Checker, AMissingHeaderIsReportedAtTheStart) {
  EXPECT_EQ(
      findings("rounding line 0.01 half_up\n"),
      lines{"1:1: error: missing tariff header, such as: tariff \"Facilities 2026\" currency RUB"});
}

TEST(Checker, ReportsEveryErrorNotOnlyTheFirst) {
  EXPECT_EQ(body_findings("table t by contract.year { 1: 1, 1: 2, else: 3 }\n"
                          "table t by contract.year { else: 1 }\n"
                          "rule r when in nowhere : price * t\n"),
            (lines{"2:34: error: duplicate key 1 (line 2)",
                   "3:7: error: duplicate table 't' (first declared at 2:1)",
                   "4:16: error: unknown window 'nowhere'"}));
}

TEST(Checker, SuggestsANameOfTheSameKind) {
  EXPECT_EQ(body_findings("calendar {\n  window night 22:00 .. 06:00\n  season nigt 2026-06-01 .. "
                          "2026-08-31\n}\nrule r when in nigth : price * 2\n"),
            lines{"6:16: error: unknown window 'nigth'; did you mean 'night'?"});
}

TEST(Checker, WarnsAboutOverlappingWindowsAtTheSecond) {
  EXPECT_EQ(body_findings("calendar {\n  window night 22:00 .. 06:00\n"
                          "  window late 21:00 .. 23:00\n}\n"),
            lines{"4:10: warning: windows 'night' and 'late' overlap from 22:00 to 23:00"});
}

TEST(Checker, NamesOverlapsAndGapsInTableKeys) {
  EXPECT_EQ(body_findings("table a by contract.year {\n  1..2: 1,\n  4: 2,\n  3..5: 3\n}\n"
                          "table b by contract.year { 1..2: 1, 5: 2 }\n"),
            (lines{"5:3: error: key 3..5 overlaps 4 (line 4)",
                   "7:37: error: no entry for 3..4, and no else"}));
}

TEST(Checker, ReportsAnInheritanceCycleOnce) {
  EXPECT_EQ(body_findings("pricelist a extends b { }\npricelist b extends a { }\n"),
            lines{"2:21: error: price list inheritance cycle: a -> b -> a"});
}

TEST(Checker, HintsAtAPriceWhenARuleGivesANumber) {
  EXPECT_EQ(body_findings("rule night : 2\n"),
            lines{"2:14: error: rule 'night' must give a price (money), not a number; did you "
                  "mean 'price * 2'?"});
}

TEST(Checker, RulesInAGroupGiveFactors) {
  EXPECT_EQ(body_findings("group g stack add {\n  rule a : 10%\n  rule b : 0.5\n"
                          "  rule c : price\n}\n"),
            lines{"5:12: error: rule 'c' in group 'g' must give a factor (number or percent), "
                  "not money"});
}

TEST(Checker, WarnsWhereDiscountsGoBelowCost) {
  EXPECT_EQ(body_findings("table loyalty by contract.year { 1: 0%, 2: 5%, 3..: 10% }\n"
                          "pricelist retail {\n"
                          "  item visit \"Visit\" per visit price 1800.00 cost 1600.00\n"
                          "}\n"
                          "rule night : price * 2\n"
                          "rule loyalty when work.billable : price - price * loyalty\n"
                          "rule promo for visit : price * 0.95\n"),
            lines{"8:6: warning: discounts can bring 'visit' to 1539.00, below its cost 1600.00 "
                  "(rules 'loyalty', 'promo')"});
}

TEST(Checker, AllowancePeriodsAreAtLeastThePlans) {
  EXPECT_EQ(
      body_findings("pricelist retail {\n  item visit \"Visit\" per visit price 100.00\n}\n"
                    "plan p {\n  pricelist retail\n  period quarter\n"
                    "  includes 3 visit per month\n}\n"),
      lines{"8:3: error: an allowance per month is shorter than the plan's period (quarter)"});
}

// `late work N periods`: a whole number from 1 to 1200, `period` exactly after 1.
TEST(Checker, LateWorkIsAWholeNumberOfPeriodsFromOneTo1200) {
  const auto plan = [](std::string_view entry) {
    return body_findings(
        "pricelist retail {\n  item visit \"Visit\" per visit price 100.00\n}\n"
        "plan p {\n  pricelist retail\n  " +
        std::string(entry) + "\n}\n");
  };
  EXPECT_EQ(plan("late work 1 period"), lines{});
  EXPECT_EQ(plan("late work 3 periods"), lines{});
  EXPECT_EQ(plan("late work 1200 periods"), lines{});
  EXPECT_EQ(plan("late work 0 periods"),
            lines{"7:13: error: late work must be at least 1 period, not 0"});
  EXPECT_EQ(plan("late work 1.5 periods"),
            lines{"7:13: error: late work must be a whole number of periods, such as 3, not 1.5"});
  EXPECT_EQ(plan("late work 1201 periods"),
            lines{"7:13: error: late work must be at most 1200 periods, not 1201; that is the "
                  "limit (docs/language.md, Limits)"});
  EXPECT_EQ(plan("late work 1 periods"),
            lines{"7:15: error: write 'late work 1 period', not '1 periods'"});
  EXPECT_EQ(plan("late work 12 period"),
            lines{"7:16: error: write 'late work 12 periods', not '12 period'"});
  EXPECT_EQ(plan("late work 3 periods\n  late work 3 periods"),
            lines{"8:3: error: 'late work' given twice in this plan"});
}

TEST(Checker, NamesAnUnknownTimeZone) {
  EXPECT_EQ(body_findings("calendar {\n  timezone Mars/Olympus\n}\n"),
            lines{"3:12: error: unknown time zone 'Mars/Olympus'"});
}

TEST(Checker, WarnsAboutARuleThatCanNeverFire) {
  EXPECT_EQ(body_findings("rule off when 1 > 2 : price * 2\n"),
            lines{"2:6: warning: rule 'off' can never fire: its condition is always false"});
}

TEST(Checker, AWindowStartsBeforeMidnight) {
  EXPECT_EQ(body_findings("calendar {\n  window late 24:00 .. 02:00\n}\n"),
            lines{"3:10: error: window 'late' must start between 00:00 and 23:59, not 24:00"});
}

// The grammar admits only three capital letters; a syntax tree built otherwise is still checked.
TEST(Checker, ACurrencyIsThreeCapitalLetters) {
  ast::module module;
  module.headers.push_back({"T", {"rub", {1, 23}}, {1, 1}, std::nullopt, {}});
  diagnostics::diagnostic_sink sink("tariff \"T\" currency rub\n", "test.tariff");
  check_stage::check_module(module, sink);
  const std::vector<diagnostic> found = sink.take();
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].column, 23);
  EXPECT_EQ(found[0].message,
            "currency 'rub' is not an ISO 4217 code: write three capital letters such as EUR");
}

TEST(Checker, TariffsPastTheSizeLimitsAreRefusedBeforeCheckingThem) {
  // A table of 10 001 entries: the error names the first entry past the limit.
  std::string table = "table big by contract.year {";
  for (int i = 1; i <= 10001; ++i)
    table += (i > 1 ? ", " : " ") + std::to_string(i) + ": 1";
  table += " }\n";
  const lines t = body_findings(table);
  ASSERT_EQ(t.size(), 1U);
  EXPECT_EQ(t[0], "2:" + std::to_string(table.find("10001:") + 1) +
                      ": error: table 'big' has more than 10000 entries; that is the limit "
                      "(docs/language.md, Limits)");
  std::string rules = "pricelist l {\n  item a per piece price 1.00\n}\n";
  for (int i = 0; i <= 10000; ++i)
    rules += "rule r" + std::to_string(i) + " : price\n";
  EXPECT_EQ(
      body_findings(rules),
      lines{"10005:1: error: the tariff has more than 10000 rules (those in groups included); "
            "that is the limit (docs/language.md, Limits)"});
  const std::string huge = "tariff \"T\" currency EUR\n#" + std::string(16 * 1024 * 1024, 'x');
  EXPECT_EQ(findings(huge), lines{"1:1: error: the tariff source is 16777241 bytes; the limit is "
                                  "16777216 (16 MiB)"});
}

}  // namespace
}  // namespace tariff
