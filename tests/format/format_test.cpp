// The formatter's layout, case by case: each input with its exact output.
#include <gtest/gtest.h>
#include <tariff/diagnostics.hpp>
#include <tariff/formatter.hpp>
#include <tariff/pricing.hpp>

#include "plan/access.hpp"
#include "plan/program.hpp"

namespace tariff {
namespace {

std::string formatted(std::string_view source) {
  const format_result f = format_tariff(source, "t.tariff");
  EXPECT_TRUE(f.text) << format(f.diagnostics);
  return f.text.value_or("");
}

TEST(Format, IndentsBlocksAndSpacesTokens) {
  EXPECT_EQ(formatted("tariff   \"T\"  currency RUB\n"
                      "calendar{\n"
                      "timezone   Europe/Moscow\n"
                      "      window night 22:00..06:00\n"
                      "days weekend sat,sun\n"
                      "}\n"),
            "tariff \"T\" currency RUB\n"
            "calendar {\n"
            "  timezone Europe/Moscow\n"
            "  window night 22:00 .. 06:00\n"
            "  days weekend sat, sun\n"
            "}\n");
}

TEST(Format, ExpressionsTablesAndTiers) {
  EXPECT_EQ(formatted("table loyalty by contract.year{1:0%,2:5%,3..4:10%,5..:15%}\n"
                      "rule cap:min( price*2,price+ 500 )-base/ 3 round 0.01 half_up\n"
                      "rule neg when not(work.urgent) : -price\n"),
            "table loyalty by contract.year { 1: 0%, 2: 5%, 3..4: 10%, 5..: 15% }\n"
            "rule cap                        : min(price * 2, price + 500) - base / 3 round 0.01 "
            "half_up\n"
            "rule neg when not (work.urgent) : -price\n");
}

TEST(Format, AlignsRunsOfRulesItemsAndComments) {
  EXPECT_EQ(
      formatted("pricelist retail {\n"
                "  item hvac_repair \"HVAC repair\" per hour price 2500.00 cost 1400.00 # hourly\n"
                "  item visit \"Engineer visit\" per visit price 1800.00 cost 900.00\n"
                "  item cartridge per piece price 3200.00   # no title\n"
                "}\n"
                "rule night when in night : price * 2\n"
                "rule region : price * region_factor\n"
                "\n"
                "rule alone : price\n"),
      "pricelist retail {\n"
      "  item hvac_repair \"HVAC repair\"    per hour  price 2500.00 cost 1400.00  # hourly\n"
      "  item visit       \"Engineer visit\" per visit price 1800.00 cost 900.00\n"
      "  item cartridge                    per piece price 3200.00  # no title\n"
      "}\n"
      "rule night when in night : price * 2\n"
      "rule region              : price * region_factor\n"
      "\n"
      "rule alone : price\n");
}

TEST(Format, KeepsCommentsLineBreaksAndOneBlankLine) {
  EXPECT_EQ(formatted("\n\n# Header comment\n"
                      "tariff \"T\" currency RUB   \n"
                      "\n\n\n"
                      "plan standard {\n"
                      "\n"
                      "    # the list\n"
                      "  pricelist retail\n"
                      "includes 3 visit per month\n"
                      "     alert 80%, 100%\n"
                      "\n"
                      "}\n\n\n"),
            "# Header comment\n"
            "tariff \"T\" currency RUB\n"
            "\n"
            "plan standard {\n"
            "  # the list\n"
            "  pricelist retail\n"
            "  includes 3 visit per month\n"
            "    alert 80%, 100%\n"
            "}\n");
}

TEST(Format, ContinuedExpressionsIndentOnce) {
  EXPECT_EQ(formatted("rule night when in night and\n"
                      "not on holiday\n"
                      ": price * 2\n"
                      "rule x : (price +\n"
                      "   1)\n"),
            "rule night when in night and\n"
            "  not on holiday\n"
            "  : price * 2\n"
            "rule x : (price +\n"
            "  1)\n");
}

// `late work N periods` is a plan entry: indented as one, its words one space apart, a line that
// continues it indented once more; formatting the result again changes nothing, and it still
// checks clean. The words stay as written (the checker keeps `period` for 1 alone).
TEST(Format, LateWorkIsAPlanEntry) {
  const std::string source =
      "tariff \"T\" currency EUR\n"
      "pricelist main { item visit per visit price 1.00 }\n"
      "plan support {\n"
      "pricelist main\n"
      "    period month\n"
      "late   work 3\tperiods   # the ledger's horizon\n"
      "  fee 45000.00 per month\n"
      "}\n"
      "plan single { pricelist main\n"
      "late work\n"
      "        1 period }\n";
  const std::string expected =
      "tariff \"T\" currency EUR\n"
      "pricelist main { item visit per visit price 1.00 }\n"
      "plan support {\n"
      "  pricelist main\n"
      "  period month\n"
      "  late work 3 periods  # the ledger's horizon\n"
      "  fee 45000.00 per month\n"
      "}\n"
      "plan single { pricelist main\n"
      "  late work\n"
      "    1 period }\n";
  const std::string once = formatted(source);
  EXPECT_EQ(once, expected);
  EXPECT_EQ(formatted(once), once);
  const compile_result compiled = compile(once, "t.tariff");
  ASSERT_TRUE(compiled.tariff) << format(compiled.diagnostics);
  EXPECT_TRUE(compiled.diagnostics.empty()) << format(compiled.diagnostics);
  const plan::tariff_program& program = plan::program_of(*compiled.tariff);
  EXPECT_EQ(program.plans.at(program.plan_index.at("support")).late_work_periods, 3);
  EXPECT_EQ(program.plans.at(program.plan_index.at("single")).late_work_periods, 1);
}

TEST(Format, CrlfLinesBecomePlainLines) {
  EXPECT_EQ(formatted("tariff \"T\" currency RUB\r\nrule a : price   # why\r\n"),
            "tariff \"T\" currency RUB\nrule a : price  # why\n");
}

TEST(Format, RefusesASourceWithSyntaxErrors) {
  const format_result f = format_tariff("tariff \"T\" currency RUB\nrule : price\n", "bad.tariff");
  EXPECT_FALSE(f.text);
  ASSERT_FALSE(f.diagnostics.empty());
  EXPECT_EQ(f.diagnostics[0].file, "bad.tariff");
  EXPECT_EQ(f.diagnostics[0].line, 2);
}

TEST(Format, FormatsASourceWithSemanticErrors) {
  // An unknown table is the checker's business, not the layout's.
  EXPECT_EQ(formatted("rule a :   price*nowhere\n"), "rule a : price * nowhere\n");
}

}  // namespace
}  // namespace tariff
