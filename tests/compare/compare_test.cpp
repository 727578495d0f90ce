// What-if comparison: the same history under a current and a proposed tariff, figures checked by
// hand. The proposal raises the repair price (1000 → 1200), lowers the night factor (×2 → ×1.5),
// raises the fee (10000 → 12000 a month) and includes a third visit a month.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/compare.hpp>
#include <tariff/compare_io.hpp>
#include <tariff/io.hpp>

namespace tariff {
namespace {

constexpr std::string_view current_source = R"(tariff "Current" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
  window night 22:00 .. 06:00
}
pricelist retail effective 2026-01-01 {
  item repair "Repair" per hour  price 1000.00 cost 600.00 bill started 1h
  item visit  "Visit"  per visit price 500.00  cost 200.00
}
rule night when in night : price * 2
plan standard {
  pricelist retail
  fee 10000.00 per month
  includes 2 visit per month
}
)";

// The proposal: the current tariff with four figures changed.
std::string proposed_source() {
  std::string text(current_source);
  for (const auto& [from, to] :
       {std::pair{"tariff \"Current\"", "tariff \"Proposed\""},
        std::pair{"price 1000.00", "price 1200.00"}, std::pair{"price * 2", "price * 1.5"},
        std::pair{"fee 10000.00", "fee 12000.00"},
        std::pair{"includes 2 visit", "includes 3 visit"}})
    text.replace(text.find(from), std::string_view(from).size(), to);
  return text;
}

constexpr std::string_view contracts_csv =
    "id,client,plan,status,start,end\n"
    "C1,acme,standard,registered,2026-01-01,2026-12-31\n"
    "C2,beta,standard,registered,2026-01-01,2026-12-31\n";

// L1: 2 h by day. L2: 21:00-23:00, an hour by day and one at night: 1000 + 2000 = 1200 + 1800,
// the same amount under both. L3-L5: visits; the proposal includes the third. L6: C2's April
// visit. L7: a contract nobody gave.
constexpr std::string_view work_csv =
    "id,contract,item,start,end,quantity\n"
    "L1,C1,repair,2026-03-02T10:00:00+03:00,2026-03-02T12:00:00+03:00,\n"
    "L2,C1,repair,2026-03-02T21:00:00+03:00,2026-03-02T23:00:00+03:00,\n"
    "L3,C1,visit,2026-03-03T10:00:00+03:00,,1\n"
    "L4,C1,visit,2026-03-04T10:00:00+03:00,,1\n"
    "L5,C1,visit,2026-03-05T10:00:00+03:00,,1\n"
    "L6,C2,visit,2026-04-01T10:00:00+03:00,,1\n"
    "L7,C9,repair,2026-03-06T10:00:00+03:00,2026-03-06T11:00:00+03:00,\n";

class CompareTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = compile(current_source, "current.tariff");
    auto b = compile(proposed_source(), "proposed.tariff");
    ASSERT_TRUE(a.tariff) << format(a.diagnostics);
    ASSERT_TRUE(b.tariff) << format(b.diagnostics);
    current.emplace(*a.tariff);
    proposed.emplace(*b.tariff);
    auto c = read_contracts_csv(contracts_csv);
    auto w = read_work_csv(work_csv);
    ASSERT_TRUE(c.errors.empty() && w.errors.empty());
    contracts = c.rows;
    work = w.rows;
  }

  std::optional<compiled_tariff> current, proposed;
  std::vector<contract> contracts;
  std::vector<work_line> work;
};

void expect_figures(const change& g, const char* old_revenue, const char* new_revenue,
                    const char* old_margin, const char* new_margin) {
  EXPECT_EQ(g.old_revenue, decimal(old_revenue)) << g.key;
  EXPECT_EQ(g.new_revenue, decimal(new_revenue)) << g.key;
  EXPECT_EQ(g.old_margin, decimal(old_margin)) << g.key;
  EXPECT_EQ(g.new_margin, decimal(new_margin)) << g.key;
}

TEST_F(CompareTest, TotalsIncludeWorkAndFeesOfEveryMonthTheHistoryTouches) {
  const comparison c = compare(*current, *proposed, contracts, work);
  EXPECT_EQ(c.currency, "RUB");
  EXPECT_EQ(c.old_name, "Current");
  EXPECT_EQ(c.new_name, "Proposed");
  EXPECT_EQ(c.old_hash, current->source_hash());
  EXPECT_EQ(format_date(c.history.first), "2026-03-02");
  EXPECT_EQ(format_date(c.history.end), "2026-04-02");
  // Work 2000 + 3000 + 500 = 5500 against 2400 + 3000 = 5400; fees for March and April of two
  // contracts: 40000 against 48000. Cost: 4 h of repair at 600 and 4 visits at 200, both.
  EXPECT_EQ(c.total.lines, 7U);
  EXPECT_EQ(c.total.changed, 2U);  // L1 and L5
  EXPECT_EQ(c.total.old_rejected, 1U);
  EXPECT_EQ(c.total.new_rejected, 1U);
  expect_figures(c.total, "45500.00", "53400.00", "42300.00", "50200.00");
  EXPECT_EQ(c.total.old_cost, decimal("3200.00"));
  EXPECT_EQ(c.total.revenue_change(), decimal("7900.00"));
  EXPECT_EQ(c.total.margin_change(), decimal("7900.00"));
  EXPECT_EQ(c.total.revenue_change_percent(), decimal("17.36"));  // 7900 / 45500 = 17.3626 %
  expect_figures(c.fees, "40000.00", "48000.00", "40000.00", "48000.00");
  EXPECT_EQ(c.fees.lines, 0U);
}

TEST_F(CompareTest, GroupsByClientItemAndMonth) {
  const comparison c = compare(*current, *proposed, contracts, work);
  ASSERT_EQ(c.by_client.size(), 3U);
  EXPECT_EQ(c.by_client[0].key, "");  // L7's contract is unknown
  EXPECT_EQ(c.by_client[0].lines, 1U);
  expect_figures(c.by_client[0], "0", "0", "0", "0");
  EXPECT_EQ(c.by_client[1].key, "acme");
  expect_figures(c.by_client[1], "25500.00", "29400.00", "22500.00", "26400.00");
  EXPECT_EQ(c.by_client[2].key, "beta");
  expect_figures(c.by_client[2], "20000.00", "24000.00", "19800.00", "23800.00");

  ASSERT_EQ(c.by_item.size(), 2U);
  EXPECT_EQ(c.by_item[0].key, "repair");
  EXPECT_EQ(c.by_item[0].lines, 3U);
  EXPECT_EQ(c.by_item[0].changed, 1U);
  expect_figures(c.by_item[0], "5000.00", "5400.00", "2600.00", "3000.00");
  EXPECT_EQ(c.by_item[1].key, "visit");
  expect_figures(c.by_item[1], "500.00", "0.00", "-300.00", "-800.00");
  EXPECT_EQ(c.by_item[1].revenue_change_percent(), decimal("-100.00"));

  ASSERT_EQ(c.by_month.size(), 2U);
  EXPECT_EQ(c.by_month[0].key, "2026-03");
  EXPECT_EQ(c.by_month[0].lines, 6U);
  expect_figures(c.by_month[0], "25500.00", "29400.00", "22500.00", "26400.00");
  EXPECT_EQ(c.by_month[1].key, "2026-04");
  expect_figures(c.by_month[1], "20000.00", "24000.00", "19800.00", "23800.00");
}

TEST_F(CompareTest, ChangedLinesCarryBothPricingsWithTraces) {
  const comparison c = compare(*current, *proposed, contracts, work);
  ASSERT_EQ(c.lines.size(), 2U);
  const line_change& l1 = c.lines[0];
  EXPECT_EQ(l1.index, 0U);
  EXPECT_EQ(l1.client, "acme");
  EXPECT_EQ(l1.old_line.amount, decimal("2000.00"));
  EXPECT_EQ(l1.new_line.amount, decimal("2400.00"));
  const line_change& l5 = c.lines[1];
  EXPECT_EQ(l5.old_line.id, "L5");
  EXPECT_EQ(l5.old_line.amount, decimal("500.00"));
  EXPECT_TRUE(l5.old_line.parts[0].allowance.empty());
  EXPECT_EQ(l5.new_line.amount, decimal("0.00"));
  EXPECT_EQ(l5.new_line.parts[0].allowance, "visit/month");
  EXPECT_EQ(l5.new_line.parts[0].covered, decimal("500.00"));

  // L2's night hour is traced under each tariff with its own factor, though its amount is equal.
  const comparison all = compare(*current, *current, contracts, work);
  EXPECT_TRUE(all.lines.empty());
  EXPECT_EQ(all.total.changed, 0U);
  EXPECT_EQ(all.total.revenue_change(), decimal(0));
}

TEST_F(CompareTest, FiguresDoNotDependOnKeepingLinesOrTraces) {
  compare_options lean;
  lean.keep_lines = false;
  lean.trace = false;
  std::size_t calls = 0;
  std::size_t last_done = 0;
  lean.progress = [&](std::size_t done, std::size_t total) {
    ++calls;
    EXPECT_EQ(total, 14U);
    EXPECT_GE(done, last_done);
    last_done = done;
  };
  const comparison a = compare(*current, *proposed, contracts, work);
  const comparison b = compare(*current, *proposed, contracts, work, lean);
  EXPECT_TRUE(b.lines.empty());
  EXPECT_EQ(a.total, b.total);
  EXPECT_EQ(a.by_client, b.by_client);
  EXPECT_EQ(a.by_item, b.by_item);
  EXPECT_EQ(a.by_month, b.by_month);
  EXPECT_GT(calls, 0U);
  EXPECT_EQ(last_done, 14U);
}

TEST_F(CompareTest, WorkOnlyLeavesTheFeesOut) {
  compare_options options;
  options.include_fees = false;
  const comparison c = compare(*current, *proposed, contracts, work, options);
  expect_figures(c.total, "5500.00", "5400.00", "2300.00", "2200.00");
  expect_figures(c.fees, "0", "0", "0", "0");
}

// The proposal with its plan renamed (standard → basic): the contracts still name `standard`.
TEST_F(CompareTest, ARenamedPlanIsMappedToItsNewName) {
  std::string source = proposed_source();
  source.replace(source.find("plan standard"), 13, "plan basic");
  const auto renamed = compile(source, "renamed.tariff");
  ASSERT_TRUE(renamed.tariff) << format(renamed.diagnostics);
  // Unmapped, the proposal prices none of the work and charges no fee.
  const comparison lost = compare(*current, *renamed.tariff, contracts, work);
  EXPECT_EQ(lost.total.new_rejected, 7U);
  expect_figures(lost.total, "45500.00", "0.00", "42300.00", "0.00");
  EXPECT_EQ(lost.lines.at(0).new_line.rejected, reject_reason::unknown_plan);
  // Mapped, the figures are the unrenamed proposal's, to the cent, fees and work.
  compare_options options;
  options.renamed_plans = {{"standard", "basic"}};
  const comparison c = compare(*current, *renamed.tariff, contracts, work, options);
  EXPECT_EQ(c.total.changed, 2U);       // L1 and L5
  EXPECT_EQ(c.total.new_rejected, 1U);  // L7, on no contract
  expect_figures(c.total, "45500.00", "53400.00", "42300.00", "50200.00");
  expect_figures(c.fees, "40000.00", "48000.00", "40000.00", "48000.00");
  ASSERT_EQ(c.by_client.size(), 3U);
  expect_figures(c.by_client[1], "25500.00", "29400.00", "22500.00", "26400.00");  // acme
  EXPECT_EQ(c.lines.at(0).new_line.contract, "C1");
  // A name neither tariff has is refused, not ignored.
  options.renamed_plans = {{"standrd", "basic"}};
  EXPECT_THROW((void)compare(*current, *renamed.tariff, contracts, work, options), call_error);
  options.renamed_plans = {{"standard", "basik"}};
  EXPECT_THROW((void)comparison_stream(*current, *renamed.tariff, options), call_error);
}

// A plan an amendment changes to is renamed too: C1 moves to `premium` (20000.00 a month) from
// April, which the proposal calls `gold`. Fees of March and April: under the current tariff
// C1 10000 + 20000 and C2 10000 + 10000 = 50000; under the proposal C1 12000 + 20000 and C2
// 12000 + 12000 = 56000. The work (all of C1's in March, under `standard`) is as above.
TEST_F(CompareTest, APlanAnAmendmentChangesToIsMappedToItsNewName) {
  const std::string premium = "plan premium {\n  pricelist retail\n  fee 20000.00 per month\n}\n";
  const auto before = compile(std::string(current_source) + premium, "current.tariff");
  std::string proposal = proposed_source() + premium;
  proposal.replace(proposal.find("plan premium"), 12, "plan gold");
  const auto after = compile(proposal, "proposed.tariff");
  ASSERT_TRUE(before.tariff) << format(before.diagnostics);
  ASSERT_TRUE(after.tariff) << format(after.diagnostics);
  contract_amendment upgrade;
  upgrade.effective = *parse_date("2026-04-01");
  upgrade.plan = "premium";
  std::vector<contract> amended = contracts;
  amended[0].amendments.push_back(upgrade);
  compare_options options;
  options.renamed_plans = {{"premium", "gold"}};
  const comparison c = compare(*before.tariff, *after.tariff, amended, work, options);
  expect_figures(c.fees, "50000.00", "56000.00", "50000.00", "56000.00");
  expect_figures(c.total, "55500.00", "61400.00", "52300.00", "58200.00");
  // The caller's contracts keep the current names.
  EXPECT_EQ(amended[0].amendments[0].plan, "premium");
}

TEST_F(CompareTest, StopsAtEachLookCountingTheLinesPricedOfTheWholeHistory) {
  // Count how often a whole comparison looks at its condition, then stop it at each look in
  // turn: each throws cancelled over twice the history's 7 lines, none past the lines priced;
  // the first before any line, the last while the fees are charged, after all 14.
  int calls = 0;
  int trip = 1 << 30;
  compare_options options;
  options.stop.callback = [&] { return ++calls >= trip; };
  const comparison whole = compare(*current, *proposed, contracts, work, options);
  const int looks = calls;
  ASSERT_GE(looks, 6);  // C1, C2 and the orphan under each tariff, then the fees' bills
  std::vector<std::size_t> done;
  for (trip = 1; trip <= looks; ++trip) {
    calls = 0;
    try {
      (void)compare(*current, *proposed, contracts, work, options);
      FAIL() << "not cancelled at look " << trip;
    } catch (const cancelled& e) {
      EXPECT_EQ(e.cause(), stop_cause::callback);
      EXPECT_EQ(e.total(), 14U);
      EXPECT_EQ(std::string(e.what()).substr(std::string(e.what()).rfind(" of ")),
                " of 14 lines priced");
      done.push_back(e.done());
    }
  }
  EXPECT_EQ(done.front(), 0U);
  EXPECT_EQ(done.back(), 14U);
  EXPECT_TRUE(std::is_sorted(done.begin(), done.end()));
  const comparison again = compare(*current, *proposed, contracts, work);
  EXPECT_EQ(again.total.new_revenue, whole.total.new_revenue);
  EXPECT_EQ(again.total.old_revenue, whole.total.old_revenue);
}

TEST_F(CompareTest, RefusesTariffsInDifferentCurrencies) {
  std::string euro = proposed_source();
  euro.replace(euro.find("RUB"), 3, "EUR");
  const auto other = compile(euro, "euro.tariff");
  ASSERT_TRUE(other.tariff);
  EXPECT_THROW((void)compare(*current, *other.tariff, contracts, work), call_error);
}

TEST_F(CompareTest, WritesTheReportAsCsvJsonAndText) {
  const comparison c = compare(*current, *proposed, contracts, work);
  const std::string csv = write_comparison_csv(c);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "group,key,lines,changed,old_rejected,new_rejected,old_revenue,new_revenue,"
            "revenue_change,revenue_change_percent,old_cost,new_cost,old_margin,new_margin,"
            "margin_change");
  EXPECT_NE(csv.find("\ntotal,,7,2,1,1,45500.00,53400.00,7900.00,17.36,3200.00,3200.00,"
                     "42300.00,50200.00,7900.00\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\nitem,visit,4,1,0,0,500.00,0.00,-500.00,-100.00,"), std::string::npos);

  const std::string json = write_comparison_json(c, *current, *proposed);
  EXPECT_NE(json.find("\"revenue_change\": \"7900.00\""), std::string::npos);
  EXPECT_NE(json.find("\"revenue_change_percent\": \"17.36\""), std::string::npos);
  EXPECT_NE(json.find("\"history\": {\n    \"first\": \"2026-03-02\""), std::string::npos) << json;

  const std::string text = write_comparison_text(c, *current, *proposed, {.lines = true});
  EXPECT_NE(text.find("Total"), std::string::npos);
  EXPECT_NE(text.find("+7900.00"), std::string::npos) << text;
  EXPECT_NE(text.find("+17.36%"), std::string::npos);
  EXPECT_NE(text.find("L1  repair  contract C1, client acme:  2000.00 -> 2400.00  (+400.00)"),
            std::string::npos)
      << text;
  // Both pricings with their traces; too wide side by side for 100 columns, the current above
  // the proposed (docs/compare.md, "Text").
  EXPECT_NE(text.find("\n    old: Current\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n    new: Proposed\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace tariff
