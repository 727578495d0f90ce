// The golden examples: each folder examples/NN-name/ holds a tariff, contracts, work and the
// expected prices (expect.txt, see expect.hpp). The tariff must compile with no diagnostic at all,
// the CSV must read with no error, and every assertion must hold. The figures come from
// docs/design.md (its scenarios and decisions), never from the engine's output.
//
// The harness's own parser and checker are tested below on small texts, so a typo in an expect
// file is an error and cannot make an assertion disappear.
//
// Every test name contains "examples" (ctest -R examples).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/billing.hpp>
#include <tariff/diagnostics.hpp>
#include <tariff/io.hpp>
#include <tariff/payouts.hpp>
#include <tariff/pricing.hpp>
#include <tariff/staff_pay.hpp>

#include "expect.hpp"

namespace tariff::examples {
namespace {

namespace fs = std::filesystem;

const fs::path examples_dir{TARIFF_EXAMPLES_DIR};

/// The example folders: those with an expect.txt, in name order.
std::vector<std::string> example_folders() {
  std::vector<std::string> out;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(examples_dir, error)) {
    if (entry.is_directory() && fs::exists(entry.path() / "expect.txt"))
      out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class Example : public testing::TestWithParam<std::string> {};

TEST_P(Example, PricesAsExpected) {
  const std::string folder = GetParam();
  for (const std::string& failure : check_folder(examples_dir / folder, "examples/" + folder + "/"))
    ADD_FAILURE() << failure;
}

std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(
      name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) == 0; }, '_');
  return name;
}

TEST(expect_parser, ReadsPayoutDirectives) {
  const expect_file e = parse_expect(
      "payout 2026-03 tula-service payable 4200.00 pending 4200.00 lines 4\n"
      "payout 2026-03 rates contractors - line R1 status payable amount 2000.00\n",
      "x/expect.txt");
  ASSERT_TRUE(e.errors.empty()) << e.errors.front();
  ASSERT_EQ(e.payouts.size(), 2U);
  EXPECT_EQ(e.payouts[0].month, "2026-03");
  EXPECT_EQ(e.payouts[0].performer, "tula-service");
  EXPECT_EQ(e.payouts[0].fields.size(), 3U);
  EXPECT_EQ(e.payouts[1].rates, "contractors");
  EXPECT_EQ(e.payouts[1].performer, "-");
  EXPECT_EQ(e.payouts[1].line_id, "R1");
  EXPECT_EQ(e.payouts[1].fields[1], std::make_pair(std::string("amount"), std::string("2000.00")));
}

TEST(expect_parser, RefusesMalformedPayouts) {
  for (const auto& [text, message] : std::vector<std::pair<std::string, std::string>>{
           {"payout March tula payable 1.00", "'payout' needs a month"},
           {"payout 2026-03", "'payout' needs a performer"},
           {"payout 2026-03 tula", "needs at least one field"},
           {"payout 2026-03 tula payabel 1.00", "'payabel' is not a payout total field"},
           {"payout 2026-03 tula line R1 payable 1.00", "'payable' is not a payout line field"},
           {"payout 2026-03 tula payable 1.00 payable 2.00", "'payable' is given twice"},
           {"payout 2026-03 tula pending", "'pending' needs a value"}}) {
    const expect_file e = parse_expect(text, "x/expect.txt");
    ASSERT_EQ(e.errors.size(), 1U) << text;
    EXPECT_NE(e.errors[0].find(message), std::string::npos) << e.errors[0];
    EXPECT_EQ(e.errors[0].rfind("x/expect.txt:1: ", 0), 0U) << e.errors[0];
  }
}

INSTANTIATE_TEST_SUITE_P(examples, Example, testing::ValuesIn(example_folders()), test_name);

TEST(examples_folders, AreFound) {
  // A wrong path would instantiate no example at all and pass silently.
  const std::vector<std::string> folders = example_folders();
  EXPECT_GE(folders.size(), 14u) << "examples found under " << examples_dir;
  for (const char* expected :
       {"01-catalogue", "02-expiry", "02-validity", "03-subscription", "04-night-work",
        "05-contractor-payouts", "05-tiers", "06-cost-and-margin", "07-payment-schemes",
        "08-labour-limits", "09-discounts", "09-loyalty", "10-billing-units", "11-repair-kinds",
        "12-price-history", "14-plan-changes"})
    EXPECT_NE(std::find(folders.begin(), folders.end(), expected), folders.end()) << expected;
}

// docs/statement.md works through the March statement of examples/03-subscription: its tariff is
// the example's, and each figure of its totals table is the one expect.txt asserts (and the
// example test checks against the engine).
TEST(examples_docs, StatementWorkedExampleIsExample03) {
  const fs::path doc_path = examples_dir.parent_path() / "docs" / "statement.md";
  const std::string doc = read_file(doc_path).value_or("");
  ASSERT_FALSE(doc.empty()) << doc_path << " is missing";
  const auto without_comments = [](const std::string& text) {
    std::string out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      line = line.substr(0, line.find('#'));
      while (!line.empty() && line.back() == ' ')
        line.pop_back();
      if (!line.empty()) out += line + "\n";
    }
    return out;
  };
  const std::size_t example = doc.find("## A worked example");
  ASSERT_NE(example, std::string::npos);
  const std::size_t open = doc.find("```tariff\n", example);
  ASSERT_NE(open, std::string::npos);
  const std::size_t body = open + std::string("```tariff\n").size();
  const std::string block = doc.substr(body, doc.find("```", body) - body);
  const fs::path dir = examples_dir / "03-subscription";
  EXPECT_EQ(without_comments(block),
            without_comments(read_file(dir / "tariff.tariff").value_or("")));

  const expect_file expect =
      parse_expect(read_file(dir / "expect.txt").value_or(""), "03-subscription/expect.txt");
  ASSERT_TRUE(expect.errors.empty());
  ASSERT_FALSE(expect.runs.empty());
  std::map<std::string, std::string> asserted;
  for (const figure& f : expect.runs.front().figures)
    if (f.subject == "statement") asserted[f.field] = f.expected;
  // The rows of the totals table: | figure | computation | value |.
  const std::size_t totals = doc.find("**Totals.**", example);
  ASSERT_NE(totals, std::string::npos);
  std::istringstream rows(doc.substr(totals, doc.find("\n\n**", totals + 12) - totals));
  int checked = 0;
  for (std::string row; std::getline(rows, row);) {
    if (row.rfind("| ", 0) != 0 || row.find("---") != std::string::npos) continue;
    const std::string field = row.substr(2, row.find(' ', 2) - 2);
    const std::string value = row.substr(row.rfind("| ", row.size() - 3) + 2);
    const std::string figure_value = value.substr(0, value.find(' '));
    if (field == "figure") continue;
    ASSERT_TRUE(asserted.contains(field)) << field << " is not asserted in expect.txt";
    EXPECT_EQ(figure_value, asserted[field]) << field;
    ++checked;
  }
  EXPECT_EQ(checked, 6);
}

// --- the expect-file parser ------------------------------------------------------------------

TEST(examples_expect_parser, ReadsAssertionsAndComments) {
  const expect_file e = parse_expect(
      "# a comment\n"
      "\n"
      "line J1 amount 12500.00 billed 3h30min   # trailing comment\n"
      "line J1 part 2 unit_price 5000.00 labels night+weekend\n"
      "  line J9 rejected contract_ended\r\n",
      "x.txt");
  EXPECT_TRUE(e.errors.empty()) << e.errors.front();
  const std::vector<assertion> expected{
      {3, "J1", 0, "amount", "12500.00"},         {3, "J1", 0, "billed", "3h30min"},
      {4, "J1", 2, "unit_price", "5000.00"},      {4, "J1", 2, "labels", "night+weekend"},
      {5, "J9", 0, "rejected", "contract_ended"},
  };
  EXPECT_EQ(e.assertions, expected);
}

TEST(examples_expect_parser, RejectsEveryTypo) {
  // Each bad line is an error naming its place, and none of its assertions is kept, so a typo
  // cannot leave a line that silently asserts less than it says.
  const std::vector<std::pair<std::string, std::string>> cases{
      {"line J1 amout 12500.00", "x.txt:1: unknown field 'amout'"},
      {"line J1 amount 12500.00 cots 1.00", "x.txt:1: unknown field 'cots'"},
      {"lines J1 amount 1.00",
       "x.txt:1: unknown directive 'lines': expected line, bill, estimate, change, opening, "
       "closing, "
       "statement, fee, tax, allowance, alert, total, expiring, payout or pay"},
      {"line", "x.txt:1: 'line' needs a work line id"},
      {"line J1", "x.txt:1: line J1 asserts no field"},
      {"line J1 part 2", "x.txt:1: line J1 asserts no field"},
      {"line J1 amount", "x.txt:1: field 'amount' has no value"},
      {"line J1 amount 1.00 amount 2.00", "x.txt:1: field 'amount' given twice"},
      {"line J1 amount 12500,00", "x.txt:1: '12500,00' is not a decimal number"},
      {"line J1 part 0 amount 1.00", "x.txt:1: 'part' needs a part number from 1"},
      {"line J1 part x amount 1.00", "x.txt:1: 'part' needs a part number from 1"},
      {"line J1 part amount 1.00", "x.txt:1: 'part' needs a part number from 1"},
      {"line J1 labels night", "x.txt:1: 'labels' is a field of a part: write 'part N labels ...'"},
      {"line J1 part 1 rejected contract_ended",
       "x.txt:1: 'rejected' is a field of a line, not of a part"},
      {"line J1 rejected contract_closed",
       "x.txt:1: 'contract_closed' is not a reject reason code"},
      {"line J1 parts two", "x.txt:1: 'two' is not a number of parts"},
      {"line J1 date 2026-02-30", "x.txt:1: '2026-02-30' is not a date (YYYY-MM-DD)"},
  };
  for (const auto& [text, message] : cases) {
    const expect_file e = parse_expect("# first\n" + text + "\nline J2 amount 1.00\n", "x.txt");
    ASSERT_EQ(e.errors.size(), 1u) << text;
    // The bad line is line 2 of the text.
    std::string expected = message;
    expected.replace(expected.find(":1:"), 3, ":2:");
    EXPECT_EQ(e.errors.front(), expected) << text;
    ASSERT_EQ(e.assertions.size(), 1u) << text;
    EXPECT_EQ(e.assertions.front().line_id, "J2") << text;
  }
}

// --- the checker, on made-up priced lines --------------------------------------------------

work_line work_of(const std::string& id) {
  work_line w;
  w.id = id;
  return w;
}

priced_line priced_of(const std::string& id, const char* amount) {
  priced_line p;
  p.id = id;
  p.amount = decimal(amount);
  p.billed = item_quantity{decimal("12600"), 3600};
  priced_part part;
  part.amount = decimal(amount);
  part.labels.windows = 1;
  p.parts.push_back(part);
  return p;
}

std::string fake_labels(const segment_labels& labels) {
  return labels.windows != 0 ? "night" : "-";
}

TEST(examples_expect_checker, ReportsMismatchesWithTheirPlace) {
  const std::vector<work_line> work{work_of("J1"), work_of("J2"), work_of("J3")};
  std::vector<priced_line> priced{priced_of("J1", "7500.0"), priced_of("J2", "10.00"),
                                  priced_of("J3", "1.00")};
  priced[2].rejected = reject_reason::contract_ended;
  priced[2].message = "line J3: the contract ended";
  const expect_file e = parse_expect(
      "line J1 amount 7500.00 billed 3h30min\n"
      "line J1 part 1 amount 7500.00 labels night\n"
      "line J1 part 2 amount 1.00\n"
      "line J3 amount 1.00\n"
      "line J4 amount 1.00\n",
      "examples/x/expect.txt");
  ASSERT_TRUE(e.errors.empty());
  const std::vector<std::string> failures =
      check_expectations(e, "examples/x/expect.txt", work, priced, fake_labels);
  const std::vector<std::string> expected{
      "examples/x/expect.txt:1: line J1 amount: expected 7500.00, got 7500.0",
      "examples/x/expect.txt:2: line J1 part 1 amount: expected 7500.00, got 7500.0",
      "examples/x/expect.txt:3: line J1 part 2 amount: expected 1.00, got no such part (the line "
      "has 1)",
      "examples/x/expect.txt:4: line J3 amount: expected 1.00, got rejected contract_ended (line "
      "J3: the contract ended)",
      "examples/x/expect.txt:5: line J4 is not in the work",
      "examples/x/expect.txt: line J2 has no assertion",
      "examples/x/expect.txt: line J3 was rejected contract_ended (line J3: the contract ended), "
      "and no assertion says 'rejected'",
  };
  EXPECT_EQ(failures, expected);
}

TEST(examples_expect_checker, PassesWhenEverythingHolds) {
  const std::vector<work_line> work{work_of("J1"), work_of("J2")};
  std::vector<priced_line> priced{priced_of("J1", "7500.00"), priced_of("J2", "1.00")};
  priced[1].rejected = reject_reason::item_not_in_catalogue;
  const expect_file e = parse_expect(
      "line J1 amount 7500.00 billed 3h30min parts 1\n"
      "line J1 part 1 amount 7500.00 labels night\n"
      "line J2 rejected item_not_in_catalogue\n",
      "e.txt");
  ASSERT_TRUE(e.errors.empty());
  EXPECT_EQ(check_expectations(e, "e.txt", work, priced, fake_labels), std::vector<std::string>{});
  // A priced line asserted as rejected.
  const expect_file wrong =
      parse_expect("line J1 rejected contract_ended\nline J2 amount 1.00\n", "e.txt");
  const std::vector<std::string> failures =
      check_expectations(wrong, "e.txt", work, priced, fake_labels);
  ASSERT_EQ(failures.size(), 3u);
  EXPECT_EQ(failures[0], "e.txt:1: line J1 rejected: expected contract_ended, got priced");
}

// --- runs: statements, estimates, expiry -------------------------------------------------------

local_date day(const char* text) {
  return *parse_date(text);
}

const date_span march{day("2026-03-01"), day("2026-04-01")};

TEST(examples_expect_parser, ReadsRuns) {
  const expect_file e = parse_expect(
      "line J1 amount 1.00\n"
      "bill C-1 2026-03 except V5\n"
      "opening hvac_repair/month 2026-03-17 8h30min\n"
      "statement revenue 46800.00 margin_percent -\n"
      "fee 1 amount 45000.00 covers 2026-03-01..2026-03-31\n"
      "allowance engineer_visit/month used 3 remaining 0\n"
      "alert allowance_threshold engineer_visit/month 100 V3\n"
      "alert contract_expiring\n"
      "line V3 in lines\n"
      "line V3 part 1 allowance engineer_visit/month covered 1800.00 trace overage+rule\n"
      "closing support_hour/quarter 2026-02-10 1.50\n"
      "estimate C-2 only P1 P2\n"
      "line P1 amount 12000.00\n"
      "total 24000.00\n"
      "expiring 2026-03-31 30 C-1 C-4\n"
      "bill C-3 2026-03-17\n"
      "expiring 2026-06-01 30 -\n",
      "x.txt");
  ASSERT_TRUE(e.errors.empty()) << e.errors.front();
  EXPECT_EQ(e.assertions, (std::vector<assertion>{{1, "J1", 0, "amount", "1.00"}}));
  ASSERT_EQ(e.runs.size(), 3u);

  const billing_run& b = e.runs[0];
  EXPECT_EQ(b.kind, billing_run::kind_t::bill);
  EXPECT_EQ(b.source_line, 2);
  EXPECT_EQ(b.header, "bill C-1 2026-03");
  EXPECT_EQ(b.contract, "C-1");
  EXPECT_EQ(b.day, day("2026-03-01"));
  EXPECT_TRUE(b.only.empty());
  EXPECT_EQ(b.except, std::vector<std::string>{"V5"});
  // The opening state: the allowance's period that contains the day, the duration in seconds.
  EXPECT_EQ(
      b.opening,
      (std::vector<state_entry>{{3, "hvac_repair/month", march, "8h30min", decimal(30600), true}}));
  const std::vector<figure> figures{
      {4, "statement", 0, "", "revenue", "46800.00"},
      {4, "statement", 0, "", "margin_percent", "-"},
      {5, "fee", 1, "", "amount", "45000.00"},
      {5, "fee", 1, "", "covers", "2026-03-01..2026-03-31"},
      {6, "allowance", 0, "engineer_visit/month", "used", "3"},
      {6, "allowance", 0, "engineer_visit/month", "remaining", "0"},
  };
  EXPECT_EQ(b.figures, figures);
  const std::vector<alert_assertion> alerts{
      {7, alert_kind::allowance_threshold, "engineer_visit/month", "100", "V3", ""},
      {8, alert_kind::contract_expiring, "", "", "", ""},
  };
  EXPECT_EQ(b.alerts, alerts);
  const std::vector<assertion> lines{
      {9, "V3", 0, "in", "lines"},
      {10, "V3", 1, "allowance", "engineer_visit/month"},
      {10, "V3", 1, "covered", "1800.00"},
      {10, "V3", 1, "trace", "overage+rule"},
  };
  EXPECT_EQ(b.lines, lines);
  EXPECT_EQ(b.closing, (std::vector<state_entry>{{11,
                                                  "support_hour/quarter",
                                                  {day("2026-01-01"), day("2026-04-01")},
                                                  "1.50",
                                                  decimal("1.50"),
                                                  false}}));

  const billing_run& est = e.runs[1];
  EXPECT_EQ(est.kind, billing_run::kind_t::estimate);
  EXPECT_EQ(est.header, "estimate C-2");
  EXPECT_EQ(est.only, (std::vector<std::string>{"P1", "P2"}));
  EXPECT_EQ(est.lines, (std::vector<assertion>{{13, "P1", 0, "amount", "12000.00"}}));
  EXPECT_EQ(est.figures, (std::vector<figure>{{14, "total", 0, "", "total", "24000.00"}}));
  // A day names its statement period as well as a month.
  EXPECT_EQ(e.runs[2].day, day("2026-03-17"));

  const std::vector<expiry_assertion> expiring{{15, day("2026-03-31"), 30, {"C-1", "C-4"}},
                                               {17, day("2026-06-01"), 30, {}}};
  EXPECT_EQ(e.expiring, expiring);
}

// `change` directives belong to the run after them; one after the last run has none to change.
TEST(examples_expect_parser, ReadsContractChangesBeforeARun) {
  const expect_file e = parse_expect(
      "bill C-1 2026-01\n"
      "change C-1 status closed\n"
      "change C-1 amendment 2026-03-11: plan=premium\n"
      "bill C-1 2026-02\n"
      "fee 1 billed_before 9000.00\n"
      "statement plans basic:2026-02-01..2026-02-28\n",
      "x.txt");
  ASSERT_TRUE(e.errors.empty()) << e.errors.front();
  ASSERT_EQ(e.runs.size(), 2u);
  EXPECT_TRUE(e.runs[0].changes.empty());
  const std::vector<contract_change> changes{{2, "C-1", "status", "closed"},
                                             {3, "C-1", "amendment", "2026-03-11: plan=premium"}};
  EXPECT_EQ(e.runs[1].changes, changes);
  const expect_file late = parse_expect("bill C-1 2026-01\nchange C-1 end 2026-02-14\n", "x.txt");
  ASSERT_EQ(late.errors.size(), 1u);
  EXPECT_EQ(late.errors.front(),
            "x.txt:2: 'change' holds for the runs after it: write 'bill' or 'estimate' after it");
}

TEST(examples_expect_parser, RejectsEveryTypoInARun) {
  // Inside a `bill` run: each bad line is an error naming its place and keeps nothing; the run
  // goes on, so the line after it is still read into it.
  const std::vector<std::pair<std::string, std::string>> cases{
      {"bil C-1 2026-03",
       "unknown directive 'bil': expected line, bill, estimate, change, opening, closing, "
       "statement, fee, "
       "tax, allowance, alert, total, expiring, payout or pay"},
      {"alert balance_low 5000.00",
       "'alert balance_low' needs the threshold and the line (or the "
       "fee's description): 'alert balance_low 5000.00 V3'"},
      {"alert balance_low five V3", "'five' is not a decimal number"},
      {"closing balance", "'closing balance' needs one amount: 'closing balance 15000.00'"},
      {"tax standard amout 1.00", "unknown field 'amout'"},
      {"statement revenu 1.00", "unknown field 'revenu'"},
      {"statement", "statement asserts no field"},
      {"statement revenue", "field 'revenue' has no value"},
      {"statement revenue 1.00 revenue 2.00", "field 'revenue' given twice"},
      {"statement revenue 1,00", "'1,00' is not a decimal number"},
      {"statement margin_percent x", "'x' is not a decimal number, nor '-' (no revenue)"},
      {"statement lines two", "'two' is not a count"},
      {"statement rejected contract_ended", "'contract_ended' is not a count"},
      {"statement period 2026-03", "'2026-03' is not a span of days (2026-03-01..2026-03-31)"},
      {"statement amount 1.00", "unknown field 'amount'"},
      {"fee 0 amount 1.00", "'fee' needs a fee number from 1"},
      {"fee amount 1.00", "'fee' needs a fee number from 1"},
      {"fee 1", "fee 1 asserts no field"},
      {"fee 1 revenue 1.00", "unknown field 'revenue'"},
      {"fee 1 billed_before x", "'x' is not a decimal number, nor '-' (not a fee adjustment)"},
      {"change C-1",
       "'change' needs a contract, then status VALUE, end DAY or amendment TEXT: "
       "'change C-1 status closed'"},
      {"change C-1 plan premium",
       "'change' needs a contract, then status VALUE, end DAY or amendment TEXT: 'change C-1 "
       "status closed'"},
      {"change C-1 status ended", "'ended' is not a contract status (draft, registered, closed)"},
      {"change C-1 end 2026-02-30", "'2026-02-30' is not a date (YYYY-MM-DD)"},
      {"fee 1 covers 2026-03-31..2026-03-01",
       "'2026-03-31..2026-03-01' is not a span of days (2026-03-01..2026-03-31)"},
      {"allowance", "'allowance' needs an allowance key"},
      {"allowance engineer_visit used 3",
       "'engineer_visit' is not an allowance key: items, then /month, /quarter or /year "
       "(engineer_visit/month, hvac_repair+support_hour/quarter)"},
      {"allowance engineer_visit/mnth used 3",
       "'engineer_visit/mnth' is not an allowance key: items, then /month, /quarter or /year "
       "(engineer_visit/month, hvac_repair+support_hour/quarter)"},
      {"allowance engineer_visit/month used three",
       "'three' is not a quantity (a duration such as 8h30min, or a count such as 3)"},
      {"allowance engineer_visit/month used 1h30m",
       "'1h30m' is not a quantity (a duration such as 8h30min, or a count such as 3)"},
      {"allowance engineer_visit/month used 30min1h",
       "'30min1h' is not a quantity (a duration such as 8h30min, or a count such as 3)"},
      {"alert",
       "'alert' needs a kind: allowance_threshold, contract_expiring, fee_not_charged, balance_low "
       "or balance_exhausted"},
      {"alert contract_expired",
       "'contract_expired' is not an alert kind: allowance_threshold, contract_expiring, "
       "fee_not_charged, balance_low or balance_exhausted"},
      {"alert contract_expiring C-1", "'alert contract_expiring' takes nothing more"},
      {"alert allowance_threshold engineer_visit/month 100",
       "'alert allowance_threshold' needs the allowance key, the percent and the line: "
       "'alert allowance_threshold engineer_visit/month 100 V3'"},
      {"alert allowance_threshold engineer_visit/month 100% V3",
       "'100%' is not a percent (80, without '%')"},
      {"opening hvac_repair/month 2026-03-01",
       "'opening' needs an allowance key, a day of its period and the quantity used: 'opening "
       "hvac_repair/month 2026-03-01 8h30min'"},
      {"opening hvac_repair/month 2026-03-32 1h", "'2026-03-32' is not a date (YYYY-MM-DD)"},
      {"opening hvac_repair/month 2026-03-01 -1",
       "'-1' is not a quantity (a duration such as 8h30min, or a count such as 3)"},
      {"closing hvac_repair 2026-03-01 1h",
       "'hvac_repair' is not an allowance key: items, then /month, /quarter or /year "
       "(engineer_visit/month, hvac_repair+support_hour/quarter)"},
      {"total 1.00", "'total' holds against an estimate: write 'estimate CONTRACT' first"},
      {"line V1 in line", "'line' is not a part of a statement: lines, adjustments or rejected"},
      {"line V1 part 1 in lines", "'in' is a field of a line, not of a part"},
      {"line V1 part 1 allowance engineer_visit",
       "'engineer_visit' is not an allowance key: items, then /month, /quarter or /year "
       "(engineer_visit/month, hvac_repair+support_hour/quarter)"},
      {"line V1 part 1 covered 1800,00", "'1800,00' is not a decimal number"},
      {"line V1 part 1 trace overage+rules",
       "'rules' is not a trace step kind (discount, rule, group, group_factor, not_billable, "
       "overage, tier, minimum_charge, maximum_charge)"},
      {"line V1 trace", "field 'trace' has no value"},
      {"expiring 2026-03-31 C-1",
       "'expiring' needs a day, a number of days and the contracts (or '-'): 'expiring "
       "2026-03-31 30 C-3 C-1'"},
      {"expiring 2026-03-31 thirty C-1", "'thirty' is not a number of days"},
      {"expiring 31.03.2026 30 C-1", "'31.03.2026' is not a date (YYYY-MM-DD)"},
      {"expiring 2026-03-31 30 - C-1", "'-' stands alone: no contract expires"},
      {"opening volume support_hour 2026-03-01",
       "'opening volume' needs a tiered item, a day of its statement period and the volume "
       "billed: 'opening volume support_hour 2026-03-01 38h'"},
      {"closing volume support_hour 2026-03-01 38h 2h",
       "'closing volume' needs a tiered item, a day of its statement period and the volume "
       "billed: 'closing volume support_hour 2026-03-01 38h'"},
      {"opening volume support_hour/month 2026-03-01 38h",
       "'support_hour/month' is not an item name (a lowercase letter, then lowercase letters, "
       "digits and '_')"},
      {"closing volume Paper 2026-03-01 9",
       "'Paper' is not an item name (a lowercase letter, then lowercase letters, digits and '_')"},
      {"opening volume paper 2026-02-30 9", "'2026-02-30' is not a date (YYYY-MM-DD)"},
      {"closing volume paper 2026-03 9", "'2026-03' is not a date (YYYY-MM-DD)"},
      {"opening volume support_hour 2026-03-01 38hours",
       "'38hours' is not a quantity (a duration such as 38h, or a count such as 17)"},
      {"closing volume paper 2026-03-01 -9",
       "'-9' is not a quantity (a duration such as 38h, or a count such as 17)"},
      {"opening volume paper 2026-03-01 9\nopening volume paper 2026-03-01 10",
       "'opening volume' gives paper on 2026-03-01 twice (first at line 2)"},
  };
  for (const auto& [text, message] : cases) {
    const bool two = text.find('\n') != std::string::npos;  // the second line is the bad one
    const expect_file e =
        parse_expect("bill C-1 2026-03\n" + text + "\nstatement revenue 1.00\n", "x.txt");
    if (two) {
      ASSERT_EQ(e.errors.size(), 1u) << text;
      EXPECT_EQ(e.errors.front(), "x.txt:3: " + message) << text;
      EXPECT_EQ(e.runs.at(0).opening_volumes.size(), 1u) << text;
      continue;
    }
    ASSERT_EQ(e.errors.size(), 1u) << text;
    EXPECT_EQ(e.errors.front(), "x.txt:2: " + message) << text;
    ASSERT_EQ(e.runs.size(), 1u) << text;
    EXPECT_EQ(e.runs[0].figures, (std::vector<figure>{{3, "statement", 0, "", "revenue", "1.00"}}))
        << text;
    EXPECT_TRUE(e.runs[0].lines.empty()) << text;
    EXPECT_TRUE(e.runs[0].alerts.empty()) << text;
    EXPECT_TRUE(e.runs[0].opening.empty()) << text;
    EXPECT_TRUE(e.runs[0].closing.empty()) << text;
    EXPECT_TRUE(e.runs[0].opening_volumes.empty()) << text;
    EXPECT_TRUE(e.runs[0].closing_volumes.empty()) << text;
    EXPECT_TRUE(e.expiring.empty()) << text;
  }
}

TEST(examples_expect_parser, ReadsVolumes) {
  // `opening volume` and `closing volume`: a tiered item, any day of its statement period (the
  // period is the contract's, known when the run is checked), the volume as written and its value
  // (seconds for a duration). They sit beside the allowances' `opening` and `closing`.
  const expect_file e = parse_expect(
      "bill C-1 2026-03\n"
      "opening volume support_hour 2026-03-17 38h\n"
      "opening engineer_visit/month 2026-03-01 1\n"
      "opening volume paper 2026-03-01 9\n"
      "closing volume ticket 2026-03-31 4\n"
      "closing engineer_visit/month 2026-03-01 3\n"
      "closing volume support_hour 2026-03-01 42h30min\n"
      "estimate C-2\n"
      "opening volume paper 2026-04-01 1.5\n",
      "x.txt");
  ASSERT_TRUE(e.errors.empty()) << e.errors.front();
  ASSERT_EQ(e.runs.size(), 2u);
  const billing_run& b = e.runs[0];
  EXPECT_EQ(b.opening_volumes,
            (std::vector<volume_entry>{
                {2, "support_hour", day("2026-03-17"), "38h", decimal(136800), true},
                {4, "paper", day("2026-03-01"), "9", decimal(9), false}}));
  EXPECT_EQ(b.closing_volumes,
            (std::vector<volume_entry>{
                {5, "ticket", day("2026-03-31"), "4", decimal(4), false},
                {7, "support_hour", day("2026-03-01"), "42h30min", decimal(153000), true}}));
  EXPECT_EQ(b.opening,
            (std::vector<state_entry>{{3, "engineer_visit/month", march, "1", decimal(1), false}}));
  EXPECT_EQ(b.closing,
            (std::vector<state_entry>{{6, "engineer_visit/month", march, "3", decimal(3), false}}));
  EXPECT_EQ(
      e.runs[1].opening_volumes,
      (std::vector<volume_entry>{{9, "paper", day("2026-04-01"), "1.5", decimal("1.5"), false}}));
  // `closing volume` holds against a statement, as `closing` does.
  const expect_file wrong =
      parse_expect("estimate C-2\nclosing volume paper 2026-04-01 1\n", "x.txt");
  EXPECT_EQ(wrong.errors,
            (std::vector<std::string>{"x.txt:2: 'closing' holds against a statement: write 'bill "
                                      "CONTRACT PERIOD' first"}));
}

TEST(examples_expect_parser, RejectsBadRunHeaders) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"bill", "'bill' needs a contract id"},
      {"bill C-1", "'bill' needs a period: a month (2026-03) or a day (2026-03-17)"},
      {"bill C-1 2026-3", "'2026-3' is not a month (2026-03) or a day (2026-03-17)"},
      {"bill C-1 2026-13", "'2026-13' is not a month (2026-03) or a day (2026-03-17)"},
      {"bill C-1 2026-03 exept V5",
       "expected 'only ID...' or 'except ID...' after 'bill C-1 2026-03', found 'exept'"},
      {"bill C-1 2026-03 only", "'only' needs line ids"},
      {"bill C-1 2026-03 only V1 except V2", "write either 'only' or 'except'"},
      {"bill C-1 2026-03 except V1 V1", "line V1 given twice after 'except'"},
      {"estimate", "'estimate' needs a contract id"},
      {"estimate C-1 2026-03",
       "expected 'only ID...' or 'except ID...' after 'estimate C-1', "
       "found '2026-03'"},
  };
  for (const auto& [text, message] : cases) {
    const expect_file e = parse_expect("# first\n" + text + "\n", "x.txt");
    ASSERT_EQ(e.errors.size(), 1u) << text;
    EXPECT_EQ(e.errors.front(), "x.txt:2: " + message) << text;
  }
}

TEST(examples_expect_parser, KnowsWhereEachDirectiveBelongs) {
  const std::vector<std::pair<std::string, std::string>> cases{
      // Before any run: the pricing section.
      {"statement revenue 1.00",
       "'statement' holds against a statement: write 'bill CONTRACT PERIOD' first"},
      {"fee 1 amount 1.00", "'fee' holds against a statement: write 'bill CONTRACT PERIOD' first"},
      {"alert contract_expiring",
       "'alert' holds against a statement: write 'bill CONTRACT PERIOD' first"},
      {"closing a/month 2026-03-01 1",
       "'closing' holds against a statement: write 'bill CONTRACT PERIOD' first"},
      {"opening a/month 2026-03-01 1",
       "'opening' gives the opening state of a run: write 'bill' or 'estimate' first"},
      {"total 1.00", "'total' holds against an estimate: write 'estimate CONTRACT' first"},
      {"line J1 in lines", "'in' says where a statement has the line: it needs a 'bill' run"},
      // In an estimate.
      {"estimate C-1\nstatement revenue 1.00",
       "'statement' holds against a statement: write 'bill CONTRACT PERIOD' first"},
      {"estimate C-1\nclosing a/month 2026-03-01 1",
       "'closing' holds against a statement: write 'bill CONTRACT PERIOD' first"},
      {"estimate C-1\nline P1 in lines",
       "'in' says where a statement has the line: it needs a 'bill' run"},
      {"estimate C-1\ntotal 1.00\ntotal 2.00", "'total' given twice (first at line 2)"},
      // Twice the same allowance period (two days of one month).
      {"bill C-1 2026-03\nopening a/month 2026-03-01 1\nopening a/month 2026-03-15 2",
       "'opening' gives a/month for 2026-03-01..2026-03-31 twice (first at line 2)"},
  };
  for (const auto& [text, message] : cases) {
    const expect_file e = parse_expect(text + "\n", "x.txt");
    ASSERT_EQ(e.errors.size(), 1u) << text;
    const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    EXPECT_EQ(e.errors.front(), "x.txt:" + std::to_string(lines) + ": " + message) << text;
  }
}

// A made-up statement: two lines, an adjustment, a waiting and a rejected line, a fee, an
// allowance, two alerts and a closing state.
statement fake_statement() {
  statement s;
  s.contract = "C-1";
  s.plan = "pos_service";
  s.period = march;
  priced_line l1 = priced_of("L1", "0.00");
  l1.parts[0].allowance = "a/month";
  l1.parts[0].covered = decimal("1800.00");
  s.lines = {l1, priced_of("L2", "1800.00")};
  s.adjustments = {priced_of("F1", "1800.00")};
  priced_line waiting = priced_of("X1", "0");
  waiting.rejected = reject_reason::after_period;
  waiting.message = "line X1: later";
  priced_line ended = priced_of("X2", "0");
  ended.rejected = reject_reason::contract_ended;
  ended.message = "line X2: ended";
  s.rejected = {waiting, ended};
  fee_line fee;
  fee.description = "fee 45000.00 per month";
  fee.covers = fee.fee_period = march;
  fee.units = decimal(1);
  fee.amount = decimal("45000.00");
  s.fees = {fee};
  s.fees_total = decimal("45000.00");
  s.revenue = decimal("48600.00");
  s.margin_percent = decimal("92.59");
  s.allowances = {{"a/month",
                   march,
                   {decimal(3), 0},
                   {decimal(0), 0},
                   {decimal(3), 0},
                   {decimal(0), 0},
                   decimal("1800.00")}};
  s.alerts = {{alert_kind::allowance_threshold, "reached", "a/month", decimal(100), "L1", {}},
              {alert_kind::contract_expiring, "ends soon", {}, {}, {}, {}}};
  s.closing.allowances = {{"a/month", march, decimal(3)}};
  return s;
}

TEST(examples_expect_checker, HoldsAStatement) {
  const expect_file e = parse_expect(
      "bill C-1 2026-03\n"
      "statement revenue 48600.00 margin_percent 92.59 lines 2 adjustments 1 rejected 2\n"
      "statement fees 1 alerts 2 period 2026-03-01..2026-03-31 plan pos_service\n"
      "fee 1 amount 45000.00 units 1 covers 2026-03-01..2026-03-31\n"
      "allowance a/month included 3 used_before 0 used 3 remaining 0 covered 1800.00\n"
      "alert contract_expiring\n"
      "alert allowance_threshold a/month 100 L1\n"
      "line L1 in lines amount 0.00\n"
      "line L1 part 1 allowance a/month covered 1800.00\n"
      "line L2 in lines amount 1800.00\n"
      "line L2 part 1 allowance -\n"
      "line F1 in adjustments\n"
      "line X2 in rejected rejected contract_ended\n"
      "closing a/month 2026-03-17 3\n",
      "e.txt");
  ASSERT_TRUE(e.errors.empty()) << e.errors.front();
  // X1 waits (after_period): it needs no assertion.
  EXPECT_EQ(check_statement(e.runs.at(0), "e.txt", fake_statement(), fake_labels),
            std::vector<std::string>{});
}

TEST(examples_expect_checker, ReportsStatementMismatchesWithTheirPlace) {
  const expect_file e = parse_expect(
      "bill C-1 2026-03\n"                          // 1
      "statement revenue 1.00 margin_percent -\n"   // 2
      "fee 2 amount 1.00\n"                         // 3
      "allowance b/month used 1\n"                  // 4
      "alert allowance_threshold a/month 100 L2\n"  // 5
      "line L1 in lines amount 0.00\n"              // 6
      "line L1 part 1 allowance - covered 0\n"      // 7
      "line F1 in lines\n"                          // 8
      "line X2 amount 1.00\n"                       // 9
      "line Z9 amount 1.00\n"                       // 10
      "closing a/month 2026-03-01 2\n"              // 11
      "closing b/month 2026-03-01 1\n",             // 12
      "e.txt");
  ASSERT_TRUE(e.errors.empty()) << e.errors.front();
  statement s = fake_statement();
  s.closing.allowances.push_back({"c/quarter", {day("2026-01-01"), day("2026-04-01")}, decimal(7)});
  const std::vector<std::string> expected{
      "e.txt:7: line L1 part 1 allowance: expected -, got a/month",
      "e.txt:7: line L1 part 1 covered: expected 0, got 1800.00",
      "e.txt:8: line F1 in: expected lines, got adjustments",
      "e.txt:9: line X2 amount: expected 1.00, got rejected contract_ended (line X2: ended)",
      "e.txt:10: line Z9 is not in this statement",
      "e.txt:1: bill C-1 2026-03: line L2 has no assertion",
      "e.txt:1: bill C-1 2026-03: line X2 was rejected contract_ended (line X2: ended), and no "
      "assertion says 'rejected'",
      "e.txt:2: statement revenue: expected 1.00, got 48600.00",
      "e.txt:2: statement margin_percent: expected -, got 92.59",
      "e.txt:3: fee 2 amount: expected 1.00, got no such fee (the statement has 1)",
      "e.txt:4: allowance b/month used: expected 1, got no such allowance (the plan's: a/month)",
      "e.txt:1: bill C-1 2026-03: fee 1 ('fee 45000.00 per month' 45000.00) has no assertion",
      "e.txt:5: alert allowance_threshold a/month 100 L2: the statement has no such alert (its "
      "alerts: alert allowance_threshold a/month 100 L1; alert contract_expiring)",
      "e.txt:1: bill C-1 2026-03: alert allowance_threshold a/month 100 L1 has no assertion "
      "(reached)",
      "e.txt:1: bill C-1 2026-03: alert contract_expiring has no assertion (ends soon)",
      "e.txt:11: closing a/month 2026-03-01..2026-03-31: expected 2, got 3",
      "e.txt:12: closing b/month 2026-03-01..2026-03-31: expected 1, got no use of it in the "
      "closing state",
      "e.txt:1: bill C-1 2026-03: the closing state has c/quarter 2026-01-01..2026-03-31 7, "
      "which no 'closing' lists",
  };
  EXPECT_EQ(check_statement(e.runs.at(0), "e.txt", s, fake_labels), expected);
}

TEST(examples_expect_checker, HoldsVolumesInTheClosingState) {
  // A statement with a support line (time) and volumes of support and paper: the closing state
  // is listed whole, allowances and volumes, and each volume is written as its item is billed.
  statement s = fake_statement();
  s.lines[1].item = "support_hour";
  s.lines[1].measured = item_quantity{decimal(7200), 3600};
  const date_span april{day("2026-04-01"), day("2026-05-01")};
  s.closing.volumes = {{"paper", march, decimal(17)},
                       {"support_hour", march, decimal(72000)},
                       {"support_hour", april, decimal(3600)}};
  const std::string lines =
      "statement lines 2\n"
      "fee 1 amount 45000.00\n"
      "alert contract_expiring\n"
      "alert allowance_threshold a/month 100 L1\n"
      "line L1 amount 0.00\nline L2 amount 1800.00\nline F1 amount 1800.00\n"
      "line X2 rejected contract_ended\n";
  const expect_file good = parse_expect("bill C-1 2026-03\n" + lines +
                                            "closing a/month 2026-03-01 3\n"
                                            "closing volume paper 2026-03-31 17\n"
                                            "closing volume support_hour 2026-03-01 20h\n"
                                            "closing volume support_hour 2026-04-15 1h\n",
                                        "e.txt");
  ASSERT_TRUE(good.errors.empty()) << good.errors.front();
  EXPECT_EQ(check_statement(good.runs.at(0), "e.txt", s, fake_labels), std::vector<std::string>{});

  // Listing only volumes still asks for the whole state; a wrong, a missing and a twice-listed
  // volume are each reported with their place.
  const expect_file bad = parse_expect("bill C-1 2026-03\n" + lines +
                                           "closing volume paper 2026-03-01 18\n"          // 10
                                           "closing volume support_hour 2026-03-01 20h\n"  // 11
                                           "closing volume support_hour 2026-03-02 20h\n"  // 12
                                           "closing volume ticket 2026-03-01 4\n",         // 13
                                       "e.txt");
  ASSERT_TRUE(bad.errors.empty()) << bad.errors.front();
  const std::vector<std::string> expected{
      "e.txt:1: bill C-1 2026-03: the closing state has a/month 2026-03-01..2026-03-31 3, which "
      "no 'closing' lists",
      "e.txt:10: closing volume paper 2026-03-01..2026-03-31: expected 18, got 17",
      "e.txt:12: closing volume support_hour 2026-03-01..2026-03-31: expected 20h, got that "
      "period listed twice (first at line 11)",
      "e.txt:13: closing volume ticket 2026-03-01: expected 4, got no volume of it in the closing "
      "state",
      "e.txt:1: bill C-1 2026-03: the closing state has volume support_hour "
      "2026-04-01..2026-04-30 1h, which no 'closing volume' lists",
  };
  EXPECT_EQ(check_statement(bad.runs.at(0), "e.txt", s, fake_labels), expected);

  // Request by request, a state that differs in its volumes is reported with them.
  billing_state other = s.closing;
  other.volumes[0].quantity = decimal(16);
  const std::vector<std::string> differs = check_same_as_statement("w: ", s, {}, other);
  ASSERT_FALSE(differs.empty());
  EXPECT_EQ(differs.back(),
            "w: request by request, the state left is a/month 2026-03-01..2026-03-31 3; volume "
            "paper 2026-03-01..2026-03-31 16; volume support_hour 2026-03-01..2026-03-31 20h; "
            "volume support_hour 2026-04-01..2026-04-30 1h; the statement's closing state is "
            "a/month 2026-03-01..2026-03-31 3; volume paper 2026-03-01..2026-03-31 17; volume "
            "support_hour 2026-03-01..2026-03-31 20h; volume support_hour 2026-04-01..2026-04-30 "
            "1h");
}

TEST(examples_expect_checker, HoldsAnEstimate) {
  const expect_file e = parse_expect(
      "estimate C-2\n"
      "line P1 amount 12000.00\n"
      "total 24000.00\n",
      "e.txt");
  ASSERT_TRUE(e.errors.empty()) << e.errors.front();
  const std::vector<priced_line> lines{priced_of("P1", "12000.00"), priced_of("P2", "11000.00")};
  const std::vector<std::string> expected{
      "e.txt:1: estimate C-2: line P2 has no assertion",
      "e.txt:3: total: expected 24000.00, got 23000.00",
  };
  EXPECT_EQ(check_estimate(e.runs.at(0), "e.txt", lines, fake_labels), expected);
}

TEST(examples_expect_checker, RequestByRequestMustEqualTheStatement) {
  const statement s = fake_statement();
  // The same lines (the waiting X1 is not priced) and the closing state: nothing to say.
  std::vector<priced_line> same{s.lines[0], s.lines[1], s.adjustments[0], s.rejected[1]};
  EXPECT_EQ(check_same_as_statement("w: ", s, same, s.closing), std::vector<std::string>{});

  std::vector<priced_line> other{s.lines[1], s.adjustments[0], s.rejected[1], s.lines[0],
                                 priced_of("X1", "5.00")};
  other[0].parts[0].allowance = "a/month";  // L2 included where the statement bills it
  other.erase(other.begin() + 2);           // X2 not priced
  billing_state state = s.closing;
  state.allowances[0].used = decimal(2);
  const std::vector<std::string> expected{
      "w: request by request, line L2 differs from the statement's: part 1 allowance a/month "
      "(the statement: -)",
      "w: request by request, line X2 was not priced",
      "w: request by request, line X1 was priced, but the statement does not bill it",
      "w: request by request, the state left is a/month 2026-03-01..2026-03-31 2; the "
      "statement's closing state is a/month 2026-03-01..2026-03-31 3",
  };
  EXPECT_EQ(check_same_as_statement("w: ", s, other, state), expected);
}

// check_runs, with the engine, on a small tariff.
constexpr std::string_view small_tariff = R"(tariff "Small" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
}
pricelist retail {
  item engineer_visit "Engineer visit" per visit price 1800.00 cost 900.00
  item hvac_repair    "HVAC repair"    per hour  price 2500.00 cost 1400.00
}
plan visits {
  pricelist retail
  fee 1000.00 per month
  includes 1 engineer_visit per month
}
)";

contract small_contract(const char* id) {
  contract c;
  c.id = id;
  c.client = "K";
  c.plan = "visits";
  c.start = day("2026-01-01");
  c.end = day("2026-12-31");
  return c;
}

work_line small_visit(const char* id, const char* contract_id, const char* start) {
  work_line w;
  w.id = id;
  w.request = std::string("R-") + id;
  w.contract = contract_id;
  w.item = "engineer_visit";
  w.start = *parse_instant(start);
  w.quantity = decimal(1);
  return w;
}

TEST(examples_expect_runs, ThreadTheStateAndCheckEveryLine) {
  const compile_result compiled = compile(small_tariff, "small.tariff");
  ASSERT_TRUE(compiled.tariff.has_value()) << format(compiled.diagnostics);
  const std::vector<contract> contracts{small_contract("C-1"), small_contract("C-2")};
  const std::vector<work_line> work{
      small_visit("V1", "C-1", "2026-03-02T10:00:00+03:00"),
      small_visit("V2", "C-1", "2026-03-03T10:00:00+03:00"),
      small_visit("V3", "C-1", "2026-03-04T10:00:00+03:00"),
      small_visit("A1", "C-1", "2026-04-02T10:00:00+03:00"),
      small_visit("W1", "C-2", "2026-03-02T10:00:00+03:00"),
  };
  // March without V3 (it reaches the host late); April from March's closing state: V3 is late
  // work with March's allowance used, A1 is April's first visit. W1 is in no run.
  const expect_file good = parse_expect(
      "bill C-1 2026-03 except V3\n"
      "statement revenue 2800.00\n"
      "fee 1 amount 1000.00\n"
      "line V1 amount 0.00\n"
      "line V2 amount 1800.00\n"
      "closing engineer_visit/month 2026-03-01 1\n"
      "estimate C-1 only V3\n"
      "line V3 amount 1800.00\n"
      "bill C-1 2026-04\n"
      "statement revenue 2800.00 adjustments 1\n"
      "fee 1 amount 1000.00\n"
      "line V3 in adjustments amount 1800.00\n"
      "line A1 in lines amount 0.00\n"
      "closing engineer_visit/month 2026-03-01 1\n"
      "closing engineer_visit/month 2026-04-01 1\n"
      "expiring 2026-12-01 30 C-1 C-2\n",
      "g.txt");
  ASSERT_TRUE(good.errors.empty()) << good.errors.front();
  const label_namer labels = labels_of(*compiled.tariff);
  EXPECT_EQ(check_runs(good, "g.txt", *compiled.tariff, contracts, work, labels),
            std::vector<std::string>{"g.txt: line W1 has no assertion: it is in no statement or "
                                     "estimate, and the file has no pricing section"});

  const expect_file bad = parse_expect(
      "bill C-9 2026-03\n"                             // 1
      "bill C-1 2026-03 only V1 V7\n"                  // 2
      "opening engineer_visit/quarter 2026-03-01 1\n"  // 3
      "opening engineer_visit/month 2026-03-01 1h\n"   // 4
      "line V1 amount 0.00\n"                          // 5
      "fee 1 amount 1000.00\n"                         // 6
      "bill C-2 2026-03\n"                             // 7
      "opening engineer_visit/month 2026-03-01 1\n"    // 8
      "fee 1 amount 1000.00\n"                         // 9
      "line W1 amount 0.00\n"                          // 10
      "expiring 2026-12-01 30 C-2 C-1\n",              // 11
      "b.txt");
  ASSERT_TRUE(bad.errors.empty()) << bad.errors.front();
  const std::vector<std::string> expected{
      "b.txt:1: bill C-9 2026-03: contract C-9 is not in contracts.csv",
      "b.txt:2: bill C-1 2026-03: line V7 is not a line of contract C-1 waiting to be billed",
      "b.txt:3: opening engineer_visit/quarter: plan 'visits' has no such allowance (its "
      "allowances: engineer_visit/month)",
      "b.txt:4: opening engineer_visit/month: '1h' is a duration, but the allowance includes 1",
      // The opening state of C-2 holds March's one visit: W1 is billed.
      "b.txt:10: line W1 amount: expected 0.00, got 1800.00",
      "b.txt:11: expiring 2026-12-01 30: expected C-2 C-1, got C-1 C-2",
      "b.txt: line V2 has no assertion: it is in no statement or estimate, and the file has no "
      "pricing section",
      "b.txt: line V3 has no assertion: it is in no statement or estimate, and the file has no "
      "pricing section",
      "b.txt: line A1 has no assertion: it is in no statement or estimate, and the file has no "
      "pricing section",
  };
  EXPECT_EQ(check_runs(bad, "b.txt", *compiled.tariff, contracts, work, labels), expected);
}

// What the checks ask of the engine, each call as one line of text.
class text_log final : public engine_log {
 public:
  std::vector<std::string> calls;

  void compiled(const compiled_tariff& tariff) override {
    calls.push_back("compiled " + tariff.name());
  }
  void priced(std::span<const priced_line> lines) override {
    calls.push_back("price ->" + results(lines));
  }
  void billed(const contract& deal, local_date d, const date_span& period,
              const billing_state& opening, std::span<const work_line> work,
              std::span<const payment> payments, const statement& s) override {
    calls.push_back("bill " + deal.id + " " + format_date(d) + " " + format_date(period.first) +
                    ".." + format_date(period.end) + " " + state(opening) + ids(work) +
                    " payments" + std::to_string(payments.size()) + " -> revenue " +
                    s.revenue.to_string() + " closing " + state(s.closing));
  }
  void estimated(const contract& deal, const billing_state& opening,
                 std::span<const work_line> work, std::span<const priced_line> lines) override {
    calls.push_back("estimate " + deal.id + " " + state(opening) + ids(work) + " ->" +
                    results(lines));
  }
  void priced_with_state(const contract& deal, const billing_state& before,
                         std::span<const work_line> work, std::span<const priced_line> lines,
                         const billing_state& after) override {
    calls.push_back("price_with_state " + deal.id + " " + state(before) + ids(work) + " ->" +
                    results(lines) + " " + state(after));
  }
  void expiring(local_date d, int days, std::span<const contract> found) override {
    calls.push_back("expiring " + format_date(d) + " " + std::to_string(days) + " ->" + ids(found));
  }
  void paid_out(const date_span& month, const std::string& rates,
                std::span<const payout> found) override {
    calls.push_back("payouts " + format_date(month.first) + " '" + rates + "' " +
                    std::to_string(found.size()));
  }
  void paid_staff(const date_span& month, const std::string& block,
                  std::span<const staff_pay> found) override {
    calls.push_back("staff_pays " + format_date(month.first) + " '" + block + "' " +
                    std::to_string(found.size()));
  }

 private:
  template <class T>
  static std::string ids(std::span<const T> rows) {
    std::string out;
    for (const T& row : rows)
      out += " " + row.id;
    return out;
  }
  static std::string results(std::span<const priced_line> lines) {
    std::string out;
    for (const priced_line& l : lines)
      out +=
          " " + l.id + " " + (l.ok() ? l.amount.to_string() : std::string(to_string(*l.rejected)));
    return out;
  }
  static std::string state(const billing_state& s) {
    std::string out = "[";
    for (const billing_state::allowance_use& u : s.allowances)
      out += u.allowance + " " + format_date(u.period.first) + " " + u.used.to_string() + ";";
    return out + "]";
  }
};

TEST(examples_expect_runs, TheLogHearsEachCallWithWhatWasPassedAndWhatCameBack) {
  const compile_result compiled = compile(small_tariff, "small.tariff");
  ASSERT_TRUE(compiled.tariff.has_value()) << format(compiled.diagnostics);
  const std::vector<contract> contracts{small_contract("C-1")};
  const std::vector<work_line> work{
      small_visit("V1", "C-1", "2026-03-02T10:00:00+03:00"),
      small_visit("V2", "C-1", "2026-03-03T10:00:00+03:00"),
      small_visit("V3", "C-1", "2026-03-04T10:00:00+03:00"),
      small_visit("A1", "C-1", "2026-04-02T10:00:00+03:00"),
  };
  const expect_file runs = parse_expect(
      "bill C-1 2026-03 except V3\n"
      "statement revenue 2800.00\n"
      "fee 1 amount 1000.00\n"
      "line V1 amount 0.00\n"
      "line V2 amount 1800.00\n"
      "estimate C-1 only V3\n"
      "line V3 amount 1800.00\n"
      "bill C-1 2026-04\n"
      "fee 1 amount 1000.00\n"
      "line V3 in adjustments amount 1800.00\n"
      "line A1 in lines amount 0.00\n"
      "expiring 2026-12-01 30 C-1\n",
      "g.txt");
  ASSERT_TRUE(runs.errors.empty()) << runs.errors.front();
  text_log log;
  EXPECT_EQ(check_runs(runs, "g.txt", *compiled.tariff, contracts, work,
                       labels_of(*compiled.tariff), {}, &log),
            std::vector<std::string>{});
  // March is given every waiting line but V3 and bills V1 (included) and V2; A1, dated in April,
  // waits (after_period), so it is not priced request by request: V1, then V2, the state passed
  // along.
  // The estimate of V3 starts from March's closing state and leaves it as it was, so April
  // bills V3 as late work with March's visit used, and A1 as April's included visit.
  const std::vector<std::string> expected{
      "bill C-1 2026-03-01 2026-03-01..2026-04-01 [] V1 V2 A1 payments0 -> revenue 2800.00 "
      "closing "
      "[engineer_visit/month 2026-03-01 1;]",
      "price_with_state C-1 [] V1 -> V1 0.00 [engineer_visit/month 2026-03-01 1;]",
      "price_with_state C-1 [engineer_visit/month 2026-03-01 1;] V2 -> V2 1800.00 "
      "[engineer_visit/month 2026-03-01 1;]",
      "estimate C-1 [engineer_visit/month 2026-03-01 1;] V3 -> V3 1800.00",
      "price_with_state C-1 [engineer_visit/month 2026-03-01 1;] V3 -> V3 1800.00 "
      "[engineer_visit/month 2026-03-01 1;]",
      "bill C-1 2026-04-01 2026-04-01..2026-05-01 [engineer_visit/month 2026-03-01 1;] V3 A1 "
      "payments0 -> revenue 2800.00 closing [engineer_visit/month 2026-03-01 1;"
      "engineer_visit/month 2026-04-01 1;]",
      "price_with_state C-1 [engineer_visit/month 2026-03-01 1;] V3 -> V3 1800.00 "
      "[engineer_visit/month 2026-03-01 1;]",
      "price_with_state C-1 [engineer_visit/month 2026-03-01 1;] A1 -> A1 0.00 "
      "[engineer_visit/month 2026-03-01 1;engineer_visit/month 2026-04-01 1;]",
      "expiring 2026-12-01 30 -> C-1",
  };
  EXPECT_EQ(log.calls, expected);
}

TEST(examples_folders, CheckFolderTellsTheLogTheTariffThenEachCall) {
  // 11-repair-kinds: a pricing section and staff pay.
  text_log log;
  EXPECT_EQ(check_folder(examples_dir / "11-repair-kinds", "examples/11-repair-kinds/", &log),
            std::vector<std::string>{});
  ASSERT_EQ(log.calls.size(), 3U);
  EXPECT_EQ(log.calls[0].rfind("compiled ", 0), 0U) << log.calls[0];
  EXPECT_EQ(log.calls[1].rfind("price -> ", 0), 0U) << log.calls[1];
  EXPECT_EQ(log.calls[2].rfind("staff_pays 2026-05-01 '' ", 0), 0U) << log.calls[2];
  // A folder that does not hold fails with its place.
  EXPECT_EQ(check_folder(examples_dir / "no-such-example", "examples/no-such-example/", &log),
            (std::vector<std::string>{"examples/no-such-example/tariff.tariff is missing",
                                      "examples/no-such-example/contracts.csv is missing",
                                      "examples/no-such-example/work.csv is missing",
                                      "examples/no-such-example/expect.txt is missing",
                                      "examples/no-such-example/README.md is missing"}));
  EXPECT_EQ(log.calls.size(), 3U);  // nothing asked of the engine
}

// Tiers count the period's volume from the opening state: `opening volume` gives it.
constexpr std::string_view tiered_tariff = R"(tariff "Tiered" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
}
pricelist retail {
  item support_hour "Support" per hour price 3000.00 tiers graduated { 0..10: 3000.00, 10..: 2700.00 }
  item paper        "Paper"   per kg   price 90.00   tiers volume { 1..10: 90.00, 11..: 75.00 }
}
plan monthly {
  pricelist retail
}
)";

TEST(examples_expect_runs, OpeningVolumesStartTheTiers) {
  const compile_result compiled = compile(tiered_tariff, "tiered.tariff");
  ASSERT_TRUE(compiled.tariff.has_value()) << format(compiled.diagnostics);
  contract deal = small_contract("C-1");
  deal.plan = "monthly";
  const std::vector<contract> contracts{deal};
  work_line support;
  support.id = "S1";
  support.request = "R-1";
  support.contract = "C-1";
  support.item = "support_hour";
  support.start = *parse_instant("2026-03-02T09:00:00+03:00");
  support.end = *parse_instant("2026-03-02T11:00:00+03:00");
  work_line paper = support;
  paper.id = "P1";
  paper.request = "R-2";
  paper.item = "paper";
  paper.start = *parse_instant("2026-03-03T10:00:00+03:00");
  paper.end.reset();
  paper.quantity = decimal(2);
  const std::vector<work_line> work{support, paper};
  const label_namer labels = labels_of(*compiled.tariff);

  // 9 h of support and 9 kg of paper already billed in March: 2 h more is 1 h at 3000.00 and 1 h
  // at 2700.00; 2 kg more brings paper to 11 kg, 2 x 75.00. Any day of March names March.
  const expect_file good = parse_expect(
      "bill C-1 2026-03\n"
      "opening volume support_hour 2026-03-20 9h\n"
      "opening volume paper 2026-03-01 9\n"
      "line S1 amount 5700.00 parts 2\n"
      "line P1 amount 150.00\n"
      "closing volume paper 2026-03-01 11\n"
      "closing volume support_hour 2026-03-31 11h\n",
      "g.txt");
  ASSERT_TRUE(good.errors.empty()) << good.errors.front();
  EXPECT_EQ(check_runs(good, "g.txt", *compiled.tariff, contracts, work, labels),
            std::vector<std::string>{});

  // A count for an item billed by time, and one period given twice (two days of March).
  const expect_file bad = parse_expect(
      "bill C-1 2026-03\n"                          // 1
      "opening volume support_hour 2026-03-01 9\n"  // 2
      "opening volume paper 2026-03-01 9\n"         // 3
      "opening volume paper 2026-03-31 1\n"         // 4
      "line S1 amount 6000.00\n"                    // 5: 9 seconds before it: all at 3000.00
      "line P1 amount 150.00\n",                    // 6
      "b.txt");
  ASSERT_TRUE(bad.errors.empty()) << bad.errors.front();
  const std::vector<std::string> expected{
      "b.txt:4: opening volume paper: 2026-03-01..2026-03-31 is given twice (first at line 3)",
      "b.txt:2: opening volume support_hour: '9' is a count, but support_hour is billed by time",
  };
  EXPECT_EQ(check_runs(bad, "b.txt", *compiled.tariff, contracts, work, labels), expected);
}

}  // namespace
}  // namespace tariff::examples
