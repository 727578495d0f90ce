// Hostile text and values: each is refused with its place, or priced exactly, and never crashes,
// hangs, depends on the machine or rounds in silence.
//  - a tariff's text: a byte order mark, CR-only line ends, control characters, bytes that are
//    not UTF-8, names in another script;
//  - time zones that mean this machine's zone;
//  - a work line spanning centuries;
//  - amounts with no rounding declared whose exact value needs more digits;
//  - values past the decimal limits in billing.
#include <string>

#include <gtest/gtest.h>
#include <tariff/billing.hpp>
#include <tariff/diagnostics.hpp>
#include <tariff/io.hpp>
#include <tariff/pricing.hpp>

#include "small_stack.hpp"

namespace tariff {
namespace {

std::string diagnostics_of(std::string_view source) {
  return format(check(source, "t.tariff"));
}

constexpr std::string_view header = "tariff \"T\" currency RUB\n";

// --- the text of a tariff ----------------------------------------------------------------------

TEST(TariffText, AByteOrderMarkAtTheStartIsSkipped) {
  const std::string source = "\xEF\xBB\xBF" + std::string(header) + "rule r : pirce * 2\n";
  // Columns count from after the mark; the quoted line does not show it.
  EXPECT_EQ(diagnostics_of(source),
            "t.tariff:2:10: error: unknown name 'pirce'; did you mean 'price'?\n"
            "  rule r : pirce * 2\n"
            "           ^\n"
            "           price\n");
  EXPECT_EQ(diagnostics_of("\xEF\xBB\xBF" + std::string(header)), "");
}

TEST(TariffText, CarriageReturnsThatEndNoLineAreRefusedWhereTheyAre) {
  // With CR-only line ends a comment would swallow the rest of the file in silence.
  const std::string source = "tariff \"T\" currency RUB\r# a comment\rrule r : price * 2\r";
  EXPECT_EQ(diagnostics_of(source),
            "t.tariff:1:24: error: a carriage return (CR) that does not end a line with a line "
            "feed after it: save the file with LF or CRLF line ends\n"
            "  tariff \"T\" currency RUB\\r# a comment\\rrule r : price * 2\n"
            "                         ^\n");
  // CRLF is a line end like LF.
  EXPECT_EQ(diagnostics_of("tariff \"T\" currency RUB\r\nrule r : price * 2\r\n"), "");
}

TEST(TariffText, ControlCharactersAndBytesNotUtf8AreRefusedAndShownEscaped) {
  std::string source = std::string(header) + "rule r : price * 2";
  source += '\0';  // a trailing NUL
  source += "\n# caf\xE9 in Latin-1\nrule \x1B[2Jx : price\n";
  EXPECT_EQ(diagnostics_of(source),
            "t.tariff:2:19: error: a control character (\\x00): a tariff holds text, tabs and line "
            "ends\n"
            "  rule r : price * 2\\x00\n"
            "                    ^\n"
            "t.tariff:3:6: error: byte \\xe9 is not UTF-8: save the file as UTF-8\n"
            "  # caf\\xe9 in Latin-1\n"
            "       ^\n"
            "t.tariff:4:6: error: a control character (\\x1b): a tariff holds text, tabs and line "
            "ends\n"
            "  rule \\x1b[2Jx : price\n"
            "       ^\n");
  // compile() refuses the same way, and so does the formatter.
  const compile_result r = compile(source, "t.tariff");
  EXPECT_FALSE(r.tariff);
  EXPECT_EQ(r.diagnostics.size(), 3U);
}

TEST(TariffText, ANameInAnotherScriptIsShownWhole) {
  // Names are ASCII; the message shows the word as written, not its first byte.
  const std::string source = std::string(header) + "rule наценка : price * 2\n";
  const std::string text = diagnostics_of(source);
  EXPECT_NE(text.find("found 'наценка'"), std::string::npos) << text;
  // The caret stands under the word's first letter, counted in characters.
  EXPECT_NE(text.find("\n  rule наценка : price * 2\n       ^"), std::string::npos) << text;
}

TEST(TariffText, ALongRunOfBadLinesIsReportedTenTimesAndDoesNotHang) {
  std::string source(header);
  for (int i = 0; i < 200000; ++i)
    source += "\x01\n";
  testing::on_small_stack([&] {
    const std::vector<diagnostic> ds = check(source, "t.tariff");
    ASSERT_EQ(ds.size(), 10U);
    EXPECT_EQ(ds.back().line, 11);
  });
}

// --- time zones --------------------------------------------------------------------------------

TEST(TimeZones, ThisMachinesZoneIsRefusedInTariffsAndLines) {
  EXPECT_EQ(diagnostics_of(std::string(header) + "calendar {\n  timezone localtime\n}\n"),
            "t.tariff:3:12: error: time zone 'localtime' is this machine's own zone, which "
            "differs from machine to machine: name the zone, such as Europe/Moscow\n"
            "    timezone localtime\n"
            "             ^\n");
  EXPECT_NE(diagnostics_of(std::string(header) + "calendar {\n  timezone right/UTC\n}\n")
                .find("counts leap seconds"),
            std::string::npos);
  EXPECT_EQ(time_zone_name_problem("Europe/Moscow"), std::nullopt);
  EXPECT_EQ(time_zone_name_problem("Etc/GMT+3"), std::nullopt);
  EXPECT_TRUE(time_zone_name_problem("../../etc/passwd"));
  EXPECT_TRUE(time_zone_name_problem("/etc/localtime"));
  EXPECT_TRUE(time_zone_name_problem("posixrules"));
  EXPECT_TRUE(time_zone_name_problem(""));

  const compile_result r = compile(std::string(header) + R"(pricelist p {
  item repair "Repair" per hour price 100.00
}
)",
                                   "t.tariff");
  ASSERT_TRUE(r.tariff);
  contract c;
  c.id = "C-1";
  c.pricelist = "p";
  c.start = *parse_date("2026-01-01");
  c.end = *parse_date("2026-12-31");
  work_line w;
  w.id = "L1";
  w.contract = "C-1";
  w.item = "repair";
  w.start = *parse_instant("2026-03-02T10:00:00Z");
  w.end = *parse_instant("2026-03-02T11:00:00Z");
  w.time_zone = "localtime";
  const std::vector<contract> contracts{c};
  const std::vector<work_line> lines{w};
  const std::vector<priced_line> priced = price(*r.tariff, contracts, lines);
  ASSERT_EQ(priced[0].rejected, reject_reason::unknown_time_zone);
  EXPECT_EQ(priced[0].message,
            "line L1: time zone 'localtime' is this machine's own zone, which differs from "
            "machine to machine: name the zone, such as Europe/Moscow");
}

// --- absurd spans and exact amounts ------------------------------------------------------------

struct one_item {
  compiled_tariff tariff;
  std::vector<contract> contracts;
};

one_item with_price(std::string_view price_text, std::string_view rounding = "") {
  const compile_result r = compile(std::string(header) + std::string(rounding) +
                                       "pricelist p {\n  item repair \"Repair\" per hour price " +
                                       std::string(price_text) + "\n}\n",
                                   "t.tariff");
  if (!r.tariff) throw std::runtime_error(format(r.diagnostics));
  contract c;
  c.id = "C-1";
  c.pricelist = "p";
  c.start = *parse_date("0001-01-01");
  c.end = *parse_date("9999-12-31");
  return {*r.tariff, {c}};
}

priced_line priced(const one_item& t, std::string_view start, std::string_view end) {
  work_line w;
  w.id = "L1";
  w.contract = "C-1";
  w.item = "repair";
  w.start = *parse_instant(start);
  w.end = *parse_instant(end);
  const std::vector<work_line> lines{w};
  return price(t.tariff, t.contracts, lines).front();
}

TEST(Spans, ALineOfAThousandYearsIsRejectedAtOnce) {
  const one_item t = with_price("100.00");
  testing::on_small_stack([&] {
    const priced_line l = priced(t, "1026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
    ASSERT_EQ(l.rejected, reject_reason::span_too_long);
    EXPECT_EQ(l.message,
              "line L1: it lasts from 1026-01-01T00:00:00Z to 2026-01-01T00:00:00Z, longer than "
              "the 366 days a line may span: split it");
    EXPECT_EQ(to_string(*l.rejected), "span_too_long");
  });
  // A year and a day is priced: 8808 h at 100.00.
  const priced_line year = priced(t, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
  ASSERT_TRUE(year.ok()) << year.message;
  EXPECT_EQ(year.amount.to_string(), "878400.00");
}

TEST(ExactAmounts, WithNoRoundingDeclaredATerminatingAmountIsExact) {
  // 1.5 h × a price with 125 decimals: the exact amount has 126, within the 128 allowed.
  const std::string price = "1." + std::string(124, '0') + "1";
  const one_item t = with_price(price);
  const priced_line l = priced(t, "2026-03-02T10:00:00Z", "2026-03-02T11:30:00Z");
  ASSERT_TRUE(l.ok()) << l.message;
  EXPECT_EQ(l.amount.to_string(), "1.5" + std::string(123, '0') + "15");
  // 127 decimals × 1.5 h needs 128: still exact. 128 decimals × 1.5 h would need 129: refused.
  const one_item at_limit = with_price("1." + std::string(126, '0') + "1");
  const priced_line edge = priced(at_limit, "2026-03-02T10:00:00Z", "2026-03-02T11:30:00Z");
  ASSERT_TRUE(edge.ok()) << edge.message;
  EXPECT_EQ(edge.amount.scale(), 128);
  const one_item past = with_price("1." + std::string(127, '0') + "1");
  const priced_line refused = priced(past, "2026-03-02T10:00:00Z", "2026-03-02T11:30:00Z");
  ASSERT_EQ(refused.rejected, reject_reason::arithmetic_limit) << refused.amount;
  EXPECT_NE(refused.message.find("needs 129 digits after the point; the limit is 128: declare a "
                                 "rounding"),
            std::string::npos)
      << refused.message;
}

TEST(ExactAmounts, ANonTerminatingAmountIsRoundedAsDocumented) {
  // 25 minutes at 2500.00 per hour has no finite decimal form: 20 digits, half_even.
  const one_item t = with_price("2500.00");
  const priced_line l = priced(t, "2026-03-02T10:00:00Z", "2026-03-02T10:25:00Z");
  ASSERT_TRUE(l.ok()) << l.message;
  EXPECT_EQ(l.amount.to_string(), "1041.66666666666666666667");
}

// --- values past the decimal limits in billing -------------------------------------------------

TEST(DecimalLimits, AHugePerUnitValueRefusesTheContractByName) {
  const compile_result r = compile(std::string(header) + R"(rounding line 0.01 half_up
attribute contract.workstations : integer
pricelist p {
  item visit "Visit" per visit price 100.00
}
plan seats {
  pricelist p
  fee 2500.00 per month per unit contract.workstations
}
)",
                                   "t.tariff");
  ASSERT_TRUE(r.tariff) << format(r.diagnostics);
  contract c;
  c.id = "C-9";
  c.plan = "seats";
  c.start = *parse_date("2026-01-01");
  c.end = *parse_date("2026-12-31");
  c.attributes["workstations"] = std::string(255, '9');
  const date_span march{*parse_date("2026-03-01"), *parse_date("2026-04-01")};
  try {
    (void)bill(*r.tariff, c, march, {}, {});
    ADD_FAILURE() << "billed";
  } catch (const billing_input_error& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind("contract 'C-9': fee 2500.00 per month per unit contract.workstations "
                         "for 2026-03-01..2026-03-31 cannot be computed with "
                         "contract.workstations = 999",
                         0),
              0U)
        << what;
  }
}

}  // namespace
}  // namespace tariff
