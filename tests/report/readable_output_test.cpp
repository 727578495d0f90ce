// Text for people reads as figures a person would write (docs/cli.md, "Amounts, times and durations
// in text output"): part amounts at the tariff's display scale, marked when the exact value has
// more digits; part clock times in the site's zone, named when it is not the calendar's. JSON keeps
// every digit.
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/compare_io.hpp>
#include <tariff/priced_io.hpp>

#include "report/shown_amount.hpp"
#include "report/text_layout.hpp"

namespace {

using namespace tariff;

compiled_tariff compiled(std::string_view source) {
  compile_result r = compile(source, "night.tariff");
  for (const auto& d : r.diagnostics)
    ADD_FAILURE() << format(d);
  return r.tariff.value();
}

constexpr std::string_view night_source = R"(tariff "Night" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
  window night 22:00 .. 06:00
}
pricelist retail {
  item repair "Repair" per hour price 2500.00 cost 1400.00
    bill started 1h
}
rule night when in night : price * 2
plan standard {
  pricelist retail
}
)";

const compiled_tariff& night() {
  static const compiled_tariff t = compiled(night_source);
  return t;
}

std::vector<contract> contracts() {
  contract c;
  c.id = "C-1";
  c.client = "K-1";
  c.plan = "standard";
  c.start = *parse_date("2026-01-01");
  c.end = *parse_date("2026-12-31");
  return {c};
}

work_line job(std::string id, std::string_view start, std::string_view end, std::string zone = {}) {
  work_line w;
  w.id = std::move(id);
  w.contract = "C-1";
  w.item = "repair";
  w.start = *parse_instant(start);
  w.end = *parse_instant(end);
  w.time_zone = std::move(zone);
  return w;
}

TEST(ShownAmount, AtTheDisplayScaleMarkedWhenDigitsAreDropped) {
  EXPECT_EQ(report::shown_amount(decimal("4583.33333333333333333333"), night()), "≈4583.33");
  EXPECT_EQ(report::shown_amount(decimal("1041.66666666666666666667"), night()), "≈1041.67");
  EXPECT_EQ(report::shown_amount(decimal("-0.125"), night()), "≈-0.13");
  // Digits that are all zero are dropped without a marker; fewer digits are shown as they are.
  EXPECT_EQ(report::shown_amount(decimal("5000.0000"), night()), "5000.00");
  EXPECT_EQ(report::shown_amount(decimal("5000.5"), night()), "5000.5");
}

TEST(ShownAmount, ATariffThatDoesNotRoundShowsAmountsExact) {
  std::string source(night_source);
  source.erase(source.find("rounding line 0.01 half_up\n"), 27);
  const compiled_tariff unrounded = compiled(source);
  EXPECT_EQ(report::shown_amount(decimal("4583.33333333333333333333"), unrounded),
            "4583.33333333333333333333");
}

TEST(ShownAmount, RoundsAsTheTariffRoundsLineAmounts) {
  std::string source(night_source);
  source.replace(source.find("half_up"), 7, "half_even");
  const compiled_tariff even = compiled(source);
  EXPECT_EQ(report::shown_amount(decimal("0.125"), even), "≈0.12");
  EXPECT_EQ(report::shown_amount(decimal("0.125"), night()), "≈0.13");
}

// 20:10-23:30 Moscow per started hour: 1h50min day and 2h10min night, 4583.333… + 10833.333…;
// the same job at a site in Yekaterinburg (two hours ahead) is shown at its local 22:10-01:30.
TEST(PricedText, PartAmountsAtTheDisplayScaleAndTimesInTheSitesZone) {
  const std::vector<work_line> work{
      job("J1", "2026-03-10T20:10:00+03:00", "2026-03-10T23:30:00+03:00"),
      job("J2", "2026-03-10T20:10:00+03:00", "2026-03-10T23:30:00+03:00", "Asia/Yekaterinburg"),
      job("J3", "2026-03-10T20:10:00+03:00", "2026-03-10T23:30:00+03:00", "Europe/Moscow"),
  };
  const std::vector<priced_line> lines = price(night(), contracts(), work);
  const std::vector<std::string> zones{"", "Asia/Yekaterinburg", "Europe/Moscow"};
  const std::string text = write_priced_text(lines, night(), {.time_zones = zones});
  const std::string expected =
      "Lines                                                           RUB\n"
      "  J1  2026-03-10              Repair       4h              15416.67  C-1\n"
      "      20:10-22:00                     1h50min  @ 2500.00   ≈4583.33\n"
      "      22:00-23:30             night   2h10min  @ 5000.00  ≈10833.33\n"
      "  J2  2026-03-10              Repair       4h              20000.00  C-1; times in "
      "Asia/Yekaterinburg\n"
      "      22:10-24:00             night   1h50min  @ 5000.00   ≈9166.67\n"
      "      2026-03-11 00:00-01:30  night   2h10min  @ 5000.00  ≈10833.33\n"
      "  J3  2026-03-10              Repair       4h              15416.67  C-1\n"
      "      20:10-22:00                     1h50min  @ 2500.00   ≈4583.33\n"
      "      22:00-23:30             night   2h10min  @ 5000.00  ≈10833.33\n";
  EXPECT_NE(text.find(expected), std::string::npos) << text;
  // JSON keeps the exact values.
  const std::string json = write_priced_json(lines, night());
  EXPECT_NE(json.find("\"amount\": \"4583.33333333333333333333\""), std::string::npos) << json;
}

TEST(PricedText, WithoutZonesTimesAreTheCalendars) {
  const std::vector<work_line> work{
      job("J2", "2026-03-10T20:10:00+03:00", "2026-03-10T23:30:00+03:00", "Asia/Yekaterinburg")};
  const std::string text = write_priced_text(price(night(), contracts(), work), night());
  EXPECT_NE(text.find("\n      20:10-22:00  night"), std::string::npos) << text;
  EXPECT_EQ(text.find("times in"), std::string::npos) << text;
}

// --- diff --lines fits 100 columns ------------------------------------------------------------

// The widest line of `text`, in columns.
std::size_t widest_line(const std::string& text) {
  std::size_t widest = 0;
  std::istringstream lines(text);
  for (std::string l; std::getline(lines, l);)
    widest = std::max(widest, report::width(l));
  return widest;
}

// The report's changed lines: what comes after its figures.
std::string changed_lines(const std::string& report) {
  return report.substr(report.find("Lines priced differently"));
}

line_change changed(const priced_line& old_line, const priced_line& new_line) {
  return {0, "K-1", old_line, new_line};
}

// Two pricings that fit side by side in 100 columns are written so, the current on the left.
TEST(ComparisonText, PricingsThatFitAreSideBySide) {
  priced_line rejected;
  rejected.id = "J9";
  rejected.item = "repair";
  rejected.contract = "C-1";
  rejected.rejected = reject_reason::unknown_item;
  rejected.message = "no such item";
  priced_line missing = rejected;
  missing.rejected = reject_reason::unknown_plan;
  missing.message = "no such plan";
  comparison c;
  c.currency = "RUB";
  c.lines = {changed(rejected, missing)};
  const std::string text =
      changed_lines(write_comparison_text(c, night(), night(), {.lines = true}));
  EXPECT_EQ(text,
            "Lines priced differently (1)\n"
            "\n"
            "  J9  repair  contract C-1, client K-1:  rejected -> rejected\n"
            "    old: Night                | new: Night\n"
            "    rejected: unknown_item    | rejected: unknown_plan\n"
            "    no such item              | no such plan\n");
}

// Two pricings wider than 100 columns side by side: the current above the proposed.
TEST(ComparisonText, PricingsTooWideSideBySideAreOneAboveTheOther) {
  const std::vector<work_line> work{
      job("J1", "2026-03-10T20:10:00+03:00", "2026-03-10T23:30:00+03:00")};
  const std::vector<priced_line> old_lines = price(night(), contracts(), work);
  std::string source(night_source);
  source.replace(source.find("price 2500.00"), 13, "price 2600.00");
  const compiled_tariff raised = compiled(source);
  const std::vector<priced_line> new_lines = price(raised, contracts(), work);
  comparison c;
  c.currency = "RUB";
  c.lines = {changed(old_lines[0], new_lines[0])};
  const std::string text =
      changed_lines(write_comparison_text(c, night(), raised, {.lines = true}));
  EXPECT_EQ(text,
            "Lines priced differently (1)\n"
            "\n"
            "  J1  repair  contract C-1, client K-1:  15416.67 -> 16033.33  (+616.66)\n"
            "    old: Night\n"
            "    J1  2026-03-10   Repair       4h              15416.67\n"
            "        20:10-22:00          1h50min  @ 2500.00   ≈4583.33\n"
            "        22:00-23:30  night   2h10min  @ 5000.00  ≈10833.33\n"
            "          night 2500.00 -> 5000.00 (11:1)\n"
            "    new: Night\n"
            "    J1  2026-03-10   Repair       4h              16033.33\n"
            "        20:10-22:00          1h50min  @ 2600.00   ≈4766.67\n"
            "        22:00-23:30  night   2h10min  @ 5200.00  ≈11266.67\n"
            "          night 2600.00 -> 5200.00 (11:1)\n");
  EXPECT_LE(widest_line(text), 100U) << text;
}

}  // namespace
