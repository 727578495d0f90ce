// Statements as JSON and text, and the billing state as JSON. The statements are made by
// tariff::bill, so these tests hold the writers against what billing gives.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/priced_io.hpp>
#include <tariff/statement_io.hpp>
#include <tariff/version.hpp>

#include "messages.hpp"

namespace {

using namespace tariff;

// Line numbers matter: traces and fees point into this source (the rule at 11:1, the fee at 14:3).
constexpr std::string_view source = R"(tariff "Service" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
  window night 22:00 .. 06:00
}
pricelist retail {
  item engineer_visit "Engineer visit" per visit price 1800.00 cost 900.00
  item hvac_repair    "HVAC repair"    per hour  price 2500.00 cost 1400.00
}
rule night for hvac_repair when in night : price * 2
plan pos_service {
  pricelist retail
  fee 45000.00 per month
  includes 3 engineer_visit per month alert 100%
}
attribute contract.workstations : number
plan seats {
  pricelist retail
  fee 2500.00 per month per unit contract.workstations
  fee 3100.00 per month prorated
  fee 12000.00 per year
}
)";

const compiled_tariff& test_tariff() {
  static const compiled_tariff compiled = [] {
    compile_result r = compile(source, "service.tariff");
    for (const auto& d : r.diagnostics)
      ADD_FAILURE() << format(d);
    return r.tariff.value();
  }();
  return compiled;
}

contract deal() {
  contract c;
  c.id = "C-1";
  c.client = "K-1";
  c.plan = "pos_service";
  c.start = *parse_date("2026-01-01");
  c.end = *parse_date("2026-12-31");
  return c;
}

work_line visit(std::string id, std::string_view start) {
  work_line w;
  w.id = std::move(id);
  w.contract = "C-1";
  w.item = "engineer_visit";
  w.start = *parse_instant(start);
  w.quantity = decimal(1);
  return w;
}

work_line hvac(std::string id, std::string_view start, std::string_view end) {
  work_line w;
  w.id = std::move(id);
  w.contract = "C-1";
  w.item = "hvac_repair";
  w.start = *parse_instant(start);
  w.end = *parse_instant(end);
  return w;
}

const date_span march{*parse_date("2026-03-01"), *parse_date("2026-04-01")};

// docs/design.md, scenario 3: a monthly fee covers three visits; the fourth is billed.
statement four_visits() {
  const std::vector<work_line> work{
      visit("V1", "2026-03-02T10:00:00+03:00"), visit("V2", "2026-03-05T10:00:00+03:00"),
      visit("V3", "2026-03-11T10:00:00+03:00"), visit("V4", "2026-03-20T10:00:00+03:00")};
  return bill(test_tariff(), deal(), march, {}, work);
}

// The same, with a repair over the night window's start, a late visit of February (an
// adjustment, under February's allowance) and a visit of April (rejected: after the period).
statement everything() {
  const std::vector<work_line> work{
      visit("V1", "2026-03-02T10:00:00+03:00"),
      visit("V2", "2026-03-05T10:00:00+03:00"),
      hvac("H1", "2026-03-10T21:00:00+03:00", "2026-03-10T23:00:00+03:00"),
      visit("V3", "2026-03-11T10:00:00+03:00"),
      visit("V4", "2026-03-20T10:00:00+03:00"),
      visit("F1", "2026-02-27T10:00:00+03:00"),
      visit("A1", "2026-04-01T10:00:00+03:00")};
  return bill(test_tariff(), deal(), march, {}, work);
}

statement no_work() {
  return bill(test_tariff(), deal(), march, {}, {});
}

// The text of a statement with its id's row after the title, as billing gives every statement
// one (a hash of its content: the tests do not spell it out).
std::string with_id(const statement& s, std::string_view text) {
  std::string out(text);
  out.insert(out.find('\n') + 1,
             "  id        " + s.id + (s.supplementary ? ", supplementary" : "") +
                 " (opening revision " + std::to_string(s.opening_revision) + ")\n");
  // And, after the tariff's row, the engine and the tz database that priced it: this machine's.
  const std::size_t tariff_row = out.find("\n  tariff    ");
  if (tariff_row != std::string::npos)
    out.insert(out.find('\n', tariff_row + 1) + 1,
               "  priced    engine " + s.engine + ", tzdata " + s.tzdata + "\n");
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text

TEST(StatementText, TheFourthVisitIsBilled) {
  EXPECT_EQ(write_statement_text(four_visits(), test_tariff()),
            with_id(four_visits(), R"(Statement for contract C-1
  client    K-1
  plan      pos_service
  period    2026-03-01..2026-03-31
  currency  RUB
  tariff    Service, hash 62c5c9e0a7f2

Fees                                                   RUB
  fee 45000.00 per month  2026-03-01..2026-03-31  45000.00

Work                                                   RUB
  V1  2026-03-02  Engineer visit  1                   0.00
      10:00                       1  @ 1800.00        0.00  included (engineer_visit/month), covered 1800.00
  V2  2026-03-05  Engineer visit  1                   0.00
      10:00                       1  @ 1800.00        0.00  included (engineer_visit/month), covered 1800.00
  V3  2026-03-11  Engineer visit  1                   0.00
      10:00                       1  @ 1800.00        0.00  included (engineer_visit/month), covered 1800.00
  V4  2026-03-20  Engineer visit  1                1800.00
      10:00                       1  @ 1800.00     1800.00

Allowances
  allowance             period                  included  used before  used now  remaining  covered
  engineer_visit/month  2026-03-01..2026-03-31         3            0         3          0  5400.00

Alerts
  - allowance engineer_visit/month for 2026-03-01..2026-03-31 reached 100% with line V3: 3 of 3 used

Totals                                                 RUB
  fees                                            45000.00
  work                                             1800.00
  revenue                                         46800.00
  cost                                             3600.00
  margin                                          43200.00
  margin %                                           92.31
)"));
}

TEST(StatementText, EverythingExplained) {
  EXPECT_EQ(write_statement_text(everything(), test_tariff(), {.explain = true}),
            with_id(everything(), R"(Statement for contract C-1
  client    K-1
  plan      pos_service
  period    2026-03-01..2026-03-31
  currency  RUB
  tariff    Service, hash 62c5c9e0a7f2

Fees                                                   RUB
  fee 45000.00 per month  2026-03-01..2026-03-31  45000.00

Work                                                   RUB
  V1  2026-03-02   Engineer visit   1                 0.00
      10:00                         1  @ 1800.00      0.00  included (engineer_visit/month), covered 1800.00
  V2  2026-03-05   Engineer visit   1                 0.00
      10:00                         1  @ 1800.00      0.00  included (engineer_visit/month), covered 1800.00
  H1  2026-03-10   HVAC repair     2h              7500.00
      21:00-22:00                  1h  @ 2500.00   2500.00
      22:00-23:00  night           1h  @ 5000.00   5000.00
        night 2500.00 -> 5000.00 (11:1)
  V3  2026-03-11   Engineer visit   1                 0.00
      10:00                         1  @ 1800.00      0.00  included (engineer_visit/month), covered 1800.00
  V4  2026-03-20   Engineer visit   1              1800.00
      10:00                         1  @ 1800.00   1800.00

Adjustments (late work)                                RUB
  F1  2026-02-27   Engineer visit   1                 0.00  late work for 2026-02-01..2026-02-28
      10:00                         1  @ 1800.00      0.00  included (engineer_visit/month), covered 1800.00

Rejected (not billed)
  A1  2026-04-01  after_period  line A1: it is dated 2026-04-01, after the statement's period 2026-03-01..2026-03-31

Allowances
  allowance             period                  included  used before  used now  remaining  covered
  engineer_visit/month  2026-03-01..2026-03-31         3            0         3          0  5400.00

Alerts
  - allowance engineer_visit/month for 2026-03-01..2026-03-31 reached 100% with line V3: 3 of 3 used

Totals                                                 RUB
  fees                                            45000.00
  work                                             9300.00
  revenue                                         54300.00
  cost                                             7300.00
  margin                                          47000.00
  margin %                                           86.56
)"));
}

TEST(StatementText, WithoutExplainTheTraceIsLeftOut) {
  std::string explained = write_statement_text(everything(), test_tariff(), {.explain = true});
  const std::string step = "        night 2500.00 -> 5000.00 (11:1)\n";
  ASSERT_NE(explained.find(step), std::string::npos);
  explained.erase(explained.find(step), step.size());
  EXPECT_EQ(write_statement_text(everything(), test_tariff()), explained);
}

TEST(StatementText, NoWork) {
  EXPECT_EQ(write_statement_text(no_work(), test_tariff()),
            with_id(no_work(), R"(Statement for contract C-1
  client    K-1
  plan      pos_service
  period    2026-03-01..2026-03-31
  currency  RUB
  tariff    Service, hash 62c5c9e0a7f2

Fees                                                   RUB
  fee 45000.00 per month  2026-03-01..2026-03-31  45000.00

Work                                                   RUB
  none

Allowances
  allowance             period                  included  used before  used now  remaining  covered
  engineer_visit/month  2026-03-01..2026-03-31         3            0         0          3     0.00

Totals                                                 RUB
  fees                                            45000.00
  work                                                0.00
  revenue                                         45000.00
  cost                                                0.00
  margin                                          45000.00
  margin %                                          100.00
)"));
}

TEST(StatementText, PartsAcrossMidnightAndWorkNotBillable) {
  // 23:30 to 00:30 Moscow time: a part to the end of the day (24:00), then one of the next day,
  // which names its date. Warranty work is priced at cost only.
  work_line w = hvac("W1", "2026-03-12T23:30:00+03:00", "2026-03-13T00:30:00+03:00");
  w.kind = work_kind::warranty;
  EXPECT_EQ(
      write_statement_text(bill(test_tariff(), deal(), march, {}, std::vector{w}), test_tariff(),
                           {.explain = true}),
      with_id(bill(test_tariff(), deal(), march, {}, std::vector{w}), R"(Statement for contract C-1
  client    K-1
  plan      pos_service
  period    2026-03-01..2026-03-31
  currency  RUB
  tariff    Service, hash 62c5c9e0a7f2

Fees                                                          RUB
  fee 45000.00 per month  2026-03-01..2026-03-31         45000.00

Work                                                          RUB
  W1  2026-03-12              HVAC repair  0min              0.00  not billable (warranty)
      23:30-24:00             night        0min  @ 0.00      0.00
        not billable (warranty) 2500.00 -> 0.00
      2026-03-13 00:00-00:30  night        0min  @ 0.00      0.00
        not billable (warranty) 2500.00 -> 0.00

Allowances
  allowance             period                  included  used before  used now  remaining  covered
  engineer_visit/month  2026-03-01..2026-03-31         3            0         0          3     0.00

Totals                                                        RUB
  fees                                                   45000.00
  work                                                       0.00
  revenue                                                45000.00
  cost                                                    1400.00
  margin                                                 43600.00
  margin %                                                  96.89
)"));
}

fee_line fee(std::string description, std::string_view covers_first, std::string_view covers_end,
             std::string_view first, std::string_view end, std::string_view units,
             std::string_view amount, int line) {
  return {.description = std::move(description),
          .covers = {*parse_date(covers_first), *parse_date(covers_end)},
          .fee_period = {*parse_date(first), *parse_date(end)},
          .units = decimal(units),
          .amount = decimal(amount),
          .prepaid_units = {},
          .covered = {},
          .tax = {},
          .line = line,
          .column = 3,
          .billed_before = {}};
}

TEST(StatementText, FeesPerUnitAndForPartOfTheirPeriod) {
  // Fees as a contract that starts on 17 March has them (built by hand: this is the writer's
  // test): a fee for part of its period shows the days; the units column is there because a fee
  // has units other than 1.
  statement s = no_work();
  s.fees = {fee("fee 2500.00 per month per unit contract.workstations", "2026-03-17", "2026-04-01",
                "2026-03-01", "2026-04-01", "40", "100000.00", 19),
            fee("fee 3100.00 per month prorated", "2026-03-17", "2026-04-01", "2026-03-01",
                "2026-04-01", "1", "1500.00", 20),
            fee("fee 12000.00 per year", "2026-01-01", "2027-01-01", "2026-01-01", "2027-01-01",
                "1", "12000.00", 21)};
  s.allowances.clear();
  s.fees_total = decimal("113500.00");
  s.revenue = s.fees_total;
  s.margin = s.fees_total;
  EXPECT_EQ(write_statement_text(s, test_tariff()), with_id(s, R"(Statement for contract C-1
  client    K-1
  plan      pos_service
  period    2026-03-01..2026-03-31
  currency  RUB
  tariff    Service, hash 62c5c9e0a7f2

Fees                                                                                                        RUB
  fee 2500.00 per month per unit contract.workstations  2026-03-17..2026-03-31 (15 of 31 days)  x 40  100000.00
  fee 3100.00 per month prorated                        2026-03-17..2026-03-31 (15 of 31 days)   x 1    1500.00
  fee 12000.00 per year                                 2026-01-01..2026-12-31                   x 1   12000.00

Work                                                                                                        RUB
  none

Totals                                                                                                      RUB
  fees                                                                                                113500.00
  work                                                                                                     0.00
  revenue                                                                                             113500.00
  cost                                                                                                     0.00
  margin                                                                                              113500.00
  margin %                                                                                               100.00
)"));
}

TEST(StatementText, NothingChargedAndALineRejectedBeforeItIsDated) {
  contract c = deal();
  c.status = contract_status::draft;
  const statement s =
      bill(test_tariff(), c, march, {}, std::vector{visit("V1", "2026-03-02T10:00:00+03:00")});
  ASSERT_FALSE(s.margin_percent.has_value());
  EXPECT_EQ(write_statement_text(s, test_tariff(), {.explain = true}),
            with_id(s, R"(Statement for contract C-1
  client    K-1
  plan      pos_service
  period    2026-03-01..2026-03-31
  currency  RUB
  tariff    Service, hash 62c5c9e0a7f2

Fees         RUB
  none

Work         RUB
  none

Rejected (not billed)
  V1  -  contract_not_registered  line V1: contract 'C-1' is draft; only a registered contract is billed

Allowances
  allowance             period                  included  used before  used now  remaining  covered
  engineer_visit/month  2026-03-01..2026-03-31         3            0         0          3     0.00

Totals       RUB
  fees      0.00
  work      0.00
  revenue   0.00
  cost      0.00
  margin    0.00
  margin %     -  no revenue
)"));
}

TEST(StatementText, AnotherTariffIsNamed) {
  statement s = no_work();
  s.tariff_hash = std::string(64, 'a');
  const std::string text = write_statement_text(s, test_tariff());
  EXPECT_NE(text.find("\n  tariff    hash aaaaaaaaaaaa (written with Service, hash " +
                      test_tariff().source_hash().substr(0, 12) + ")\n"),
            std::string::npos)
      << text;
}

TEST(StatementText, NamesInUtf8KeepTheColumns) {
  // Alignment counts code points: a Cyrillic id takes as many columns as its letters.
  statement s = four_visits();
  s.lines[0].id = "\xd0\x92\x31";  // "В1", a Cyrillic capital Ve
  const std::string text = write_statement_text(s, test_tariff());
  EXPECT_NE(text.find("\n  \xd0\x92\x31  2026-03-02  Engineer visit  1                   0.00\n"),
            std::string::npos)
      << text;
}

// ---------------------------------------------------------------------------------------------
// JSON

TEST(StatementJson, NoWorkExactly) {
  const statement s = no_work();
  std::string expected = R"({
  "id": "@ID@",
  "opening_revision": 0,
  "supplementary": false,
  "contract": "C-1",
  "client": "K-1",
  "plan": "pos_service",
  "currency": "RUB",
  "tariff_hash": "62c5c9e0a7f2b5197b3c65001b4cd3b75e103afd4e3cca134e11a66c2ce918b8",
  "engine": "0.2.0",
  "tzdata": "@TZDATA@",
  "period": {"first": "2026-03-01", "last": "2026-03-31"},
  "fees": [
    {
      "description": "fee 45000.00 per month",
      "covers": {"first": "2026-03-01", "last": "2026-03-31"},
      "fee_period": {"first": "2026-03-01", "last": "2026-03-31"},
      "units": "1",
      "amount": "45000.00",
      "line": 14,
      "column": 3
    }
  ],
  "lines": [],
  "adjustments": [],
  "rejected": [],
  "reversals": [],
  "already_billed": [],
  "already_credited": [],
  "fees_total": "45000.00",
  "work_total": "0.00",
  "revenue": "45000.00",
  "cost": "0.00",
  "margin": "45000.00",
  "margin_percent": "100.00",
  "allowances": [
    {
      "allowance": "engineer_visit/month",
      "period": {"first": "2026-03-01", "last": "2026-03-31"},
      "included": "3",
      "used_before": "0",
      "used": "0",
      "remaining": "3",
      "covered_value": "0.00"
    }
  ],
  "alerts": [],
  "closing": {
    "format": 2,
    "contract": "C-1",
    "revision": 1,
    "allowances": [],
    "fees": [
      {
        "fee": "fee 45000.00 per month",
        "fee_first": "2026-03-01",
        "fee_last": "2026-03-31",
        "first": "2026-03-01",
        "last": "2026-03-31",
        "units": "1",
        "amount": "45000.00"
      }
    ],
    "statements": [
      {
        "id": "@ID@",
        "first": "2026-03-01",
        "last": "2026-03-31",
        "revision": 1
      }
    ]
  }
}
)";
  // The statement's id (a hash of its content), at the top and in the closing state's ledger.
  for (std::size_t at = expected.find("@ID@"); at != std::string::npos; at = expected.find("@ID@"))
    expected.replace(at, 4, s.id);
  // The time-zone database is this machine's: the engine's own query names it.
  expected.replace(expected.find("@TZDATA@"), 8, tzdata_version());
  EXPECT_EQ(write_statement_json(s, test_tariff()), expected);
}

// write_priced_json's text with every line but the first indented two more spaces, as the array
// is when it is a key's value in the statement.
std::string indented(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size()) out += "  ";
  }
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

TEST(StatementJson, LinesAreWrittenAsPricedLines) {
  const statement s = everything();
  const std::string json = write_statement_json(s, test_tariff());
  for (const auto& [key, lines] :
       {std::pair{"lines", &s.lines}, {"adjustments", &s.adjustments}, {"rejected", &s.rejected}}) {
    ASSERT_FALSE(lines->empty());
    const std::string expected = "\n  \"" + std::string(key) +
                                 "\": " + indented(write_priced_json(*lines, test_tariff())) +
                                 ",\n";
    EXPECT_NE(json.find(expected), std::string::npos) << key;
  }
}

TEST(StatementJson, KeyParts) {
  const statement s = everything();
  const auto j = nlohmann::ordered_json::parse(write_statement_json(s, test_tariff()));
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items())
    keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"id",         "opening_revision", "supplementary",
                                            "contract",   "client",           "plan",
                                            "currency",   "tariff_hash",      "engine",
                                            "tzdata",     "period",           "fees",
                                            "lines",      "adjustments",      "rejected",
                                            "reversals",  "already_billed",   "already_credited",
                                            "fees_total", "work_total",       "revenue",
                                            "cost",       "margin",           "margin_percent",
                                            "allowances", "alerts",           "closing"}));
  EXPECT_EQ(j["tariff_hash"], test_tariff().source_hash());
  EXPECT_EQ(j["period"],
            nlohmann::ordered_json::parse(R"({"first": "2026-03-01", "last": "2026-03-31"})"));
  EXPECT_EQ(j["lines"].size(), 5U);
  EXPECT_EQ(j["lines"][4]["id"], "V4");
  EXPECT_EQ(j["lines"][4]["amount"], "1800.00");
  EXPECT_EQ(j["lines"][3]["parts"][0]["allowance"], "engineer_visit/month");
  EXPECT_EQ(j["adjustments"][0]["id"], "F1");
  EXPECT_EQ(j["rejected"][0]["reason"], "after_period");
  EXPECT_EQ(j["fees_total"], "45000.00");
  EXPECT_EQ(j["work_total"], "9300.00");
  EXPECT_EQ(j["revenue"], "54300.00");
  EXPECT_EQ(j["cost"], "7300.00");
  EXPECT_EQ(j["margin"], "47000.00");
  EXPECT_EQ(j["margin_percent"], "86.56");
  EXPECT_EQ(j["allowances"], nlohmann::ordered_json::parse(R"([{
    "allowance": "engineer_visit/month",
    "period": {"first": "2026-03-01", "last": "2026-03-31"},
    "included": "3", "used_before": "0", "used": "3", "remaining": "0",
    "covered_value": "5400.00"}])"));
  EXPECT_EQ(j["alerts"], nlohmann::ordered_json::parse(R"([{
    "kind": "allowance_threshold",
    "message": "allowance engineer_visit/month for 2026-03-01..2026-03-31 reached 100% with line V3: 3 of 3 used",
    "allowance": "engineer_visit/month", "percent": "100", "line": "V3"}])"));
  EXPECT_EQ(j["closing"], nlohmann::ordered_json::parse(write_state_json(s.closing)));
  EXPECT_EQ(j["closing"]["allowances"].size(), 2U);
}

TEST(StatementJson, OtherAlertsAndNoMarginPercent) {
  contract c = deal();
  c.end = *parse_date("2026-04-15");
  statement s = bill(test_tariff(), c, march, {}, {});
  s.margin_percent.reset();
  const auto j = nlohmann::ordered_json::parse(write_statement_json(s, test_tariff()));
  EXPECT_TRUE(j["margin_percent"].is_null());
  ASSERT_EQ(j["alerts"].size(), 1U);
  EXPECT_EQ(j["alerts"][0], nlohmann::ordered_json::parse(R"j({
    "kind": "contract_expiring",
    "message": "contract 'C-1' ends on 2026-04-15, within 30 days of the period's end (2026-03-31)"})j"));
}

// ---------------------------------------------------------------------------------------------
// What the ledger adds to a statement (docs/design.md, decision 11), built by hand: a supplementary
// statement with a fee adjustment, a corrected line reversed, work and a payment billed before,
// and a refund.

statement supplementary() {
  statement s = no_work();
  s.id = "S-2026-03-01-3-0123456789abcdef";
  s.opening_revision = 3;
  s.supplementary = true;
  s.fees[0].billed_before = decimal("40000.00");
  s.fees[0].amount = decimal("5000.00");
  reversal r;
  r.id = "V2";
  r.reason = reversal_reason::corrected;
  r.date = *parse_date("2026-03-05");
  r.item = "engineer_visit";
  r.amount = decimal("-1800.00");
  r.cost = decimal("-900.00");
  r.returned = {{"engineer_visit/month", march, decimal("1")}};
  reversal v;
  v.id = "H9";
  v.reason = reversal_reason::voided;
  v.date = *parse_date("2026-03-10");
  v.item = "hvac_repair";
  v.amount = decimal("-2500.00");
  v.cost = decimal("-1400.00");
  s.reversals = {r, v};
  s.already_billed = {"V1", "V3"};
  s.already_credited = {"P-1"};
  return s;
}

TEST(StatementLedger, Text) {
  const statement s = supplementary();
  EXPECT_EQ(write_statement_text(s, test_tariff()),
            R"(Statement for contract C-1
  id        S-2026-03-01-3-0123456789abcdef, supplementary (opening revision 3)
  client    K-1
  plan      pos_service
  period    2026-03-01..2026-03-31
  currency  RUB
  tariff    Service, hash 62c5c9e0a7f2
)" + std::string("  priced    engine 0.2.0, tzdata ") +
                tzdata_version() + R"(

Fees                                                        RUB
  fee 45000.00 per month  2026-03-01..2026-03-31        5000.00  adjustment: 40000.00 billed before

Work                                                        RUB
  none

Reversals (billed before, taken back)                       RUB
  reverses V2 (corrected)  2026-03-05  engineer_visit  -1800.00  returns 1 to engineer_visit/month for 2026-03-01..2026-03-31
  reverses H9 (voided)     2026-03-10  hvac_repair     -2500.00

Billed before (skipped)
  work      V1, V3
  payments  P-1

Allowances
  allowance             period                  included  used before  used now  remaining  covered
  engineer_visit/month  2026-03-01..2026-03-31         3            0         0          3     0.00

Totals                                                      RUB
  fees                                                 45000.00
  work                                                     0.00
  revenue                                              45000.00
  cost                                                     0.00
  margin                                               45000.00
  margin %                                               100.00
)");
}

TEST(StatementLedger, Json) {
  const statement s = supplementary();
  const auto j = nlohmann::ordered_json::parse(write_statement_json(s, test_tariff()));
  EXPECT_EQ(j["id"], "S-2026-03-01-3-0123456789abcdef");
  EXPECT_EQ(j["opening_revision"], 3);
  EXPECT_EQ(j["supplementary"], true);
  EXPECT_EQ(j["fees"][0]["amount"], "5000.00");
  EXPECT_EQ(j["fees"][0]["billed_before"], "40000.00");
  EXPECT_EQ(j["reversals"], nlohmann::ordered_json::parse(R"([
    {"id": "V2", "reason": "corrected", "date": "2026-03-05", "item": "engineer_visit",
     "amount": "-1800.00", "cost": "-900.00",
     "returned": [{"allowance": "engineer_visit/month",
                   "period": {"first": "2026-03-01", "last": "2026-03-31"}, "used": "1"}]},
    {"id": "H9", "reason": "voided", "date": "2026-03-10", "item": "hvac_repair",
     "amount": "-2500.00", "cost": "-1400.00", "returned": []}])"));
  EXPECT_EQ(j["already_billed"], nlohmann::ordered_json::parse(R"(["V1", "V3"])"));
  EXPECT_EQ(j["already_credited"], nlohmann::ordered_json::parse(R"(["P-1"])"));
  // A fee that is no adjustment has no billed_before.
  EXPECT_FALSE(
      nlohmann::ordered_json::parse(write_statement_json(no_work(), test_tariff()))["fees"][0]
          .contains("billed_before"));
}

TEST(StatementLedger, ARefundInThePrepaidBalance) {
  statement s = no_work();
  prepaid_report p;
  p.opening = decimal("100.00");
  payment paid{"P-2", "C-1", *parse_date("2026-03-02"), decimal("1000.00"), payment_kind::payment,
               ""};
  payment refund{"R-1", "C-1", *parse_date("2026-03-20"), decimal("500.00"), payment_kind::refund,
                 "P-1"};
  p.payments = {paid, refund};
  p.received = decimal("1000.00");
  p.refunded = decimal("500.00");
  p.drawn = decimal("0.00");
  p.closing = decimal("600.00");
  p.owed = decimal("0.00");
  s.prepaid = p;
  const auto j = nlohmann::ordered_json::parse(write_statement_json(s, test_tariff()));
  EXPECT_EQ(j["prepaid"], nlohmann::ordered_json::parse(R"({
    "opening": "100.00",
    "payments": [{"id": "P-2", "date": "2026-03-02", "amount": "1000.00"},
                 {"id": "R-1", "date": "2026-03-20", "amount": "500.00", "kind": "refund",
                  "reverses": "P-1"}],
    "received": "1000.00", "refunded": "500.00", "drawn": "0.00", "closing": "600.00",
    "owed": "0.00"})"));
  const std::string text = write_statement_text(s, test_tariff());
  const std::size_t at = text.find("Prepaid balance");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(text.substr(at, text.find("\n\n", at) - at),
            R"(Prepaid balance                                        RUB
  opening                                           100.00
  payment P-2  2026-03-02                          1000.00
  refund R-1   2026-03-20                          -500.00  reverses P-1
  drawn                                               0.00
  closing                                           600.00
  owed                                                0.00  not covered by the balance)");
}

TEST(StatementLedger, CsvEndsWithTheIdAndWhetherSupplementary) {
  const std::vector<statement> statements{no_work(), supplementary()};
  const std::string csv = write_statements_csv(statements);
  const std::string header = csv.substr(0, csv.find('\n'));
  EXPECT_TRUE(header.ends_with(",owed,balance,id,supplementary")) << header;
  EXPECT_NE(csv.find(",S-2026-03-01-3-0123456789abcdef,true\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("," + no_work().id + ",false\n"), std::string::npos) << csv;
}

// ---------------------------------------------------------------------------------------------
// Billing state

billing_state::allowance_use use(std::string allowance, std::string_view first,
                                 std::string_view end, std::string_view used) {
  return {std::move(allowance), {*parse_date(first), *parse_date(end)}, decimal(used)};
}

TEST(BillingStateJson, Exactly) {
  billing_state state;
  state.allowances = {use("hvac_repair/quarter", "2026-01-01", "2026-04-01", "5400"),
                      use("engineer_visit/month", "2026-03-01", "2026-04-01", "1.50")};
  EXPECT_EQ(write_state_json(state), R"({
  "format": 2,
  "contract": "",
  "revision": 0,
  "allowances": [
    {
      "allowance": "hvac_repair/quarter",
      "first": "2026-01-01",
      "last": "2026-03-31",
      "used": "5400"
    },
    {
      "allowance": "engineer_visit/month",
      "first": "2026-03-01",
      "last": "2026-03-31",
      "used": "1.50"
    }
  ]
}
)");
  EXPECT_EQ(
      write_state_json({}),
      "{\n  \"format\": 2,\n  \"contract\": \"\",\n  \"revision\": 0,\n  \"allowances\": []\n}\n");
}

TEST(BillingStateJson, RoundTripIsExact) {
  billing_state state = everything().closing;
  state.allowances.push_back(use("hvac_repair/quarter", "2026-01-01", "2026-04-01", "5400.000"));
  state.allowances.push_back(use("x \"quoted\"\\/year", "2024-01-01", "2025-01-01", "0.5"));
  const read_result<billing_state> read = read_state_json(write_state_json(state));
  EXPECT_TRUE(read.errors.empty()) << testing_io::messages(read).at(0);
  ASSERT_EQ(read.rows.size(), 1U);
  EXPECT_EQ(read.rows[0], state);
  for (std::size_t i = 0; i < state.allowances.size(); ++i)
    EXPECT_TRUE(identical(read.rows[0].allowances[i].used, state.allowances[i].used)) << i;
  EXPECT_EQ(write_state_json(read.rows[0]), write_state_json(state));
}

TEST(BillingStateJson, TheClosingStateReadBackBillsTheNextStatementAlike) {
  const statement march_statement = everything();
  const read_result<billing_state> read =
      read_state_json(write_state_json(march_statement.closing));
  ASSERT_EQ(read.rows.size(), 1U);
  // A late visit of March, billed in April, finds March's allowance used up.
  const std::vector work{visit("L1", "2026-03-30T10:00:00+03:00")};
  const date_span april{*parse_date("2026-04-01"), *parse_date("2026-05-01")};
  const statement from_memory = bill(test_tariff(), deal(), april, march_statement.closing, work);
  const statement from_json = bill(test_tariff(), deal(), april, read.rows[0], work);
  EXPECT_EQ(write_statement_json(from_json, test_tariff()),
            write_statement_json(from_memory, test_tariff()));
  ASSERT_EQ(from_json.adjustments.size(), 1U);
  EXPECT_EQ(from_json.adjustments[0].amount.to_string(), "1800.00");
}

TEST(BillingStateJson, EmptyForms) {
  for (const std::string_view text :
       {"[]", "{}", " { } ", "{\"allowances\": []}", "{\"allowances\": null}", "[ ]\n"}) {
    const read_result<billing_state> read = read_state_json(text);
    EXPECT_TRUE(read.errors.empty()) << text;
    ASSERT_EQ(read.rows.size(), 1U) << text;
    EXPECT_TRUE(read.rows[0].allowances.empty()) << text;
  }
}

TEST(BillingStateJson, NumbersAreReadExactly) {
  const read_result<billing_state> read = read_state_json(
      R"({"allowances": [{"allowance": "a/month", "first": "2026-03-01", "last": "2026-03-31",
                          "used": 1.50}]})");
  ASSERT_TRUE(read.errors.empty());
  ASSERT_EQ(read.rows.size(), 1U);
  ASSERT_EQ(read.rows[0].allowances.size(), 1U);
  EXPECT_EQ(read.rows[0].allowances[0].used.to_string(), "1.50");
  EXPECT_EQ(read.rows[0].allowances[0].period,
            (date_span{*parse_date("2026-03-01"), *parse_date("2026-04-01")}));
}

TEST(BillingStateJson, ElementErrorsNameTheElementAndKey) {
  const read_result<billing_state> read = read_state_json(R"({"allowances": [
    {"allowance": "a/month", "first": "2026-03-01", "last": "2026-03-31", "used": "3"},
    {"allowance": "a/month", "first": "2026-02-30", "last": "2026-03-31", "used": "3"},
    {"allowance": "a/month", "first": "2026-02-01", "last": "2026-02-28", "used": "three"},
    {"allowance": "a/month", "first": "2026-02-01", "last": "2026-02-28"},
    {"first": "2026-02-01", "last": "2026-02-28", "used": "1"},
    {"allowance": "a/month", "first": "2026-02-01", "last": "2026-01-31", "used": "1"},
    {"allowance": "a/month", "first": "2026-02-01", "last": "2026-02-28", "used": "-1"},
    {"allowance": "a/month", "first": "2026-03-01", "last": "2026-03-31", "used": "1"},
    {"allowance": "a/month", "first": "2026-02-01", "last": "2026-02-28", "used": true},
    {"allowance": "a/month", "first": "2026-02-01", "last": "2026-02-28", "used": "1", "x": 1},
    {"allowance": "a/month", "allowance": "b/month"},
    "a/month",
    {"allowance": "a/year", "first": "2026-01-01", "last": "2026-12-31", "used": 2}
  ]})");
  EXPECT_EQ(
      testing_io::messages(read),
      (std::vector<std::string>{
          "row 2 (id a/month), column 'first': '2026-02-30' is not a date: 2026-02-30 is "
          "not a day, February has 28 days",
          "row 3 (id a/month), column 'used': 'three' is not a quantity: a number (seconds for "
          "time items) or a duration like 20h, 1h30m or PT20H",
          "row 4 (id a/month), column 'used': a value is required",
          "row 5, column 'allowance': a value is required",
          "row 6 (id a/month), column 'last': the last day is before the first",
          "row 7 (id a/month), column 'used': the quantity used is negative",
          "row 8 (id a/month), column 'first': allowance 'a/month' for "
          "2026-03-01..2026-03-31 is given twice (first on row 1)",
          "row 9 (id a/month), column 'used': expected a string or a number, not a boolean",
          "row 10 (id a/month), column 'x': unknown key",
          "row 11 (id a/month), column 'allowance': the key appears more than once",
          "row 12: expected an object, not a string",
      }));
  // The elements that read are in the state; a host must not bill from it.
  ASSERT_EQ(read.rows.size(), 1U);
  EXPECT_EQ(read.rows[0].allowances, (std::vector{use("a/month", "2026-03-01", "2026-04-01", "3"),
                                                  use("a/year", "2026-01-01", "2027-01-01", "2")}));
}

TEST(BillingStateJson, DocumentErrors) {
  const auto errors = [](std::string_view text) {
    const read_result<billing_state> read = read_state_json(text);
    EXPECT_TRUE(read.rows.empty()) << text;
    return testing_io::messages(read);
  };
  EXPECT_EQ(
      errors(R"("state")"),
      std::vector<std::string>{R"(row 0: expected an object {"allowances": [...]}, not a string)"});
  EXPECT_EQ(errors(R"([{"allowance": "a/month"}])"),
            std::vector<std::string>{R"(row 0: expected an object {"allowances": [...]}, not an )"
                                     "array (an array is read only when empty)"});
  EXPECT_EQ(
      errors(R"({"allowances": {}})"),
      std::vector<std::string>{"row 0, column 'allowances': expected an array, not an object"});
  const std::vector<std::string> malformed = errors("{\"allowances\": [");
  ASSERT_EQ(malformed.size(), 1U);
  EXPECT_EQ(
      malformed[0],
      "row 0: malformed JSON at byte 17: parse error at line 1, column 17: syntax error while "
      "parsing value - unexpected end of input; expected '[', '{', or a literal");
  EXPECT_EQ(errors(""), std::vector<std::string>{
                            "row 0: malformed JSON at byte 1: parse error at line 1, column 1: "
                            "syntax error while parsing value - unexpected end of input; expected "
                            "'[', '{', or a literal"});
}

TEST(BillingStateJson, VolumesOfTieredItems) {
  billing_state state;
  state.allowances.push_back({"a/month", march, decimal("1")});
  state.volumes.push_back({"support_hour", march, decimal(43200)});
  const std::string text = write_state_json(state);
  EXPECT_EQ(text,
            "{\n"
            "  \"format\": 2,\n"
            "  \"contract\": \"\",\n"
            "  \"revision\": 0,\n"
            "  \"allowances\": [\n"
            "    {\n"
            "      \"allowance\": \"a/month\",\n"
            "      \"first\": \"2026-03-01\",\n"
            "      \"last\": \"2026-03-31\",\n"
            "      \"used\": \"1\"\n"
            "    }\n"
            "  ],\n"
            "  \"volumes\": [\n"
            "    {\n"
            "      \"item\": \"support_hour\",\n"
            "      \"first\": \"2026-03-01\",\n"
            "      \"last\": \"2026-03-31\",\n"
            "      \"quantity\": \"43200\"\n"
            "    }\n"
            "  ]\n"
            "}\n");
  const read_result<billing_state> read = read_state_json(text);
  ASSERT_TRUE(read.errors.empty());
  ASSERT_EQ(read.rows.size(), 1U);
  EXPECT_EQ(read.rows[0], state);
  const read_result<billing_state> bad = read_state_json(
      R"({"volumes": [{"item": "x", "first": "2026-03-01", "last": "2026-03-31", "quantity": "-1"}]})");
  EXPECT_EQ(testing_io::messages(bad),
            (std::vector<std::string>{
                "row 1 (id x), column 'volumes.quantity': the volume is negative"}));
}

TEST(BillingStateJson, UnknownAndRepeatedKeysOfTheDocument) {
  const read_result<billing_state> read = read_state_json(R"({
    "version": 2,
    "allowances": [{"allowance": "a/month", "first": "2026-03-01", "last": "2026-03-31",
                    "used": "1"}],
    "allowances": []
  })");
  EXPECT_EQ(testing_io::messages(read),
            (std::vector<std::string>{
                "row 0, column 'version': unknown key",
                "row 0, column 'allowances': the key appears more than once",
            }));
  ASSERT_EQ(read.rows.size(), 1U);
  EXPECT_EQ(read.rows[0].allowances.size(), 1U);
}

}  // namespace
