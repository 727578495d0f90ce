// Plan changes and termination (docs/design.md, decisions 13 and 14; docs/statement.md, "Plan
// changes and termination"): an upgrade and a downgrade in mid-month with the fees split by days
// and the allowances across the change, a change recorded after its month was billed, a contract
// closed before the end of a fee period charged in advance, and the refusals. Every figure is
// worked out by hand in the comments.
#include <gtest/gtest.h>
#include <tariff/billing.hpp>
#include <tariff/statement_io.hpp>

namespace tariff {
namespace {

#define EXPECT_DEC(actual, text) EXPECT_EQ((actual).to_string(), text)

compiled_tariff compile_ok(std::string_view source) {
  compile_result r = compile(source, "plans.tariff");
  EXPECT_TRUE(r.tariff.has_value()) << format(r.diagnostics);
  if (!r.tariff) throw std::runtime_error("does not compile");
  return *r.tariff;
}

constexpr std::string_view plans_tariff = R"(tariff "Plan changes" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
}
pricelist retail {
  item visit   "Visit"   per visit price 1800.00 cost 900.00
  item repair  "Repair"  per hour  price 2500.00 cost 1000.00
  item consult "Consult" per hour  price 3000.00 cost 1200.00
}
plan basic {
  pricelist retail
  fee 31000.00 per month
  includes 3 visit per month
  includes 2h repair per month
}
plan premium {
  pricelist retail
  fee 62000.00 per month
  includes 5 visit per month
  includes 10h consult per month
}
plan quarterly {
  pricelist retail
  fee support 9000.00 per quarter
}
plan by_quarter {
  pricelist retail
  period quarter
  fee 30000.00 per quarter
}
)";

const compiled_tariff& plans() {
  static const compiled_tariff t = compile_ok(plans_tariff);
  return t;
}

local_date day(std::string_view text) {
  return *parse_date(text);
}

contract deal(std::string plan) {
  contract c;
  c.id = "C-1";
  c.client = "K-1";
  c.plan = std::move(plan);
  c.start = day("2026-01-01");
  c.end = day("2026-12-31");
  return c;
}

contract_amendment to_plan(std::string_view effective, std::string plan) {
  contract_amendment a;
  a.effective = day(effective);
  a.plan = std::move(plan);
  return a;
}

work_line visit(std::string id, std::string_view start) {
  work_line w;
  w.id = std::move(id);
  w.contract = "C-1";
  w.item = "visit";
  w.start = *parse_instant(start);
  w.quantity = decimal(1);
  return w;
}

work_line hour_of(std::string item, std::string id, std::string_view start, std::string_view end) {
  work_line w;
  w.id = std::move(id);
  w.contract = "C-1";
  w.item = std::move(item);
  w.start = *parse_instant(start);
  w.end = *parse_instant(end);
  return w;
}

date_span month(int m) {
  const date::year_month_day first = date::year{2026} / date::month{static_cast<unsigned>(m)} / 1;
  return {local_date{first}, local_date{first + date::months{1}}};
}

date_span days(std::string_view first, std::string_view last) {
  return {day(first), day(last) + date::days{1}};
}

const priced_line& line_of(const statement& s, std::string_view id) {
  for (const priced_line& l : s.lines)
    if (l.id == id) return l;
  throw std::runtime_error("no line " + std::string(id));
}

const allowance_report& allowance_of(const statement& s, std::string_view key) {
  for (const allowance_report& a : s.allowances)
    if (a.allowance == key) return a;
  throw std::runtime_error("no allowance " + std::string(key));
}

// Basic until 10 March, premium from 11 March (31 days: 10 under basic, 21 under premium).
contract upgraded() {
  contract c = deal("basic");
  c.amendments.push_back(to_plan("2026-03-11", "premium"));
  return c;
}

std::vector<work_line> march_work() {
  return {
      visit("V1", "2026-03-03T10:00:00+03:00"),
      visit("V2", "2026-03-09T10:00:00+03:00"),
      hour_of("repair", "R1", "2026-03-05T10:00:00+03:00", "2026-03-05T11:00:00+03:00"),
      visit("V3", "2026-03-12T10:00:00+03:00"),
      visit("V4", "2026-03-16T10:00:00+03:00"),
      visit("V5", "2026-03-20T10:00:00+03:00"),
      visit("V6", "2026-03-25T10:00:00+03:00"),
      hour_of("repair", "R2", "2026-03-18T10:00:00+03:00", "2026-03-18T11:00:00+03:00"),
      hour_of("consult", "C1", "2026-03-20T14:00:00+03:00", "2026-03-20T15:00:00+03:00"),
  };
}

TEST(PlanOn, TheLatestAmendmentNamingAPlanElseTheContracts) {
  contract c = upgraded();
  c.amendments.push_back(to_plan("2026-06-01", "basic"));
  c.amendments.push_back({day("2026-04-01"), {{"workstations", "5"}}, {}, {}});  // no plan
  EXPECT_EQ(plan_on(c, day("2026-03-10")), "basic");
  EXPECT_EQ(plan_on(c, day("2026-03-11")), "premium");
  EXPECT_EQ(plan_on(c, day("2026-05-31")), "premium");
  EXPECT_EQ(plan_on(c, day("2026-06-01")), "basic");
  // Two plans named for one day: the later in the list.
  c.amendments.push_back(to_plan("2026-06-01", "quarterly"));
  EXPECT_EQ(plan_on(c, day("2026-06-01")), "quarterly");
}

TEST(PlanChange, AnUpgradeOnThe11thSplitsTheMonthsFeesByDays) {
  const statement march = bill(plans(), upgraded(), month(3), {}, march_work());
  // basic 31000.00 × 10/31 = 10000.00 for 1–10 March; premium 62000.00 × 21/31 = 42000.00 for
  // 11–31 March.
  ASSERT_EQ(march.fees.size(), 2U);
  EXPECT_DEC(march.fees[0].amount, "10000.00");
  EXPECT_EQ(march.fees[0].description, "fee 31000.00 per month");
  EXPECT_EQ(march.fees[0].covers, days("2026-03-01", "2026-03-10"));
  EXPECT_EQ(march.fees[0].fee_period, month(3));
  EXPECT_DEC(march.fees[1].amount, "42000.00");
  EXPECT_EQ(march.fees[1].description, "fee 62000.00 per month");
  EXPECT_EQ(march.fees[1].covers, days("2026-03-11", "2026-03-31"));
  EXPECT_DEC(march.fees_total, "52000.00");
  EXPECT_EQ(march.plan, "premium");
  ASSERT_EQ(march.plans.size(), 2U);
  EXPECT_EQ(march.plans[0], (plan_days{"basic", days("2026-03-01", "2026-03-10")}));
  EXPECT_EQ(march.plans[1], (plan_days{"premium", days("2026-03-11", "2026-03-31")}));

  // visit/month is in both plans: one allowance to the ledger. V1, V2 use basic's (2 of 3); from
  // the change premium's 5 count them, so V3, V4, V5 are included and V6 is the sixth: 1800.00.
  for (const char* id : {"V1", "V2", "V3", "V4", "V5"})
    EXPECT_DEC(line_of(march, id).amount, "0.00") << id;
  EXPECT_DEC(line_of(march, "V6").amount, "1800.00");
  // repair/month is basic's only: it closes at the change. R1 (5 March) is included; R2 (18 March)
  // is under premium, which has none: 2500.00.
  EXPECT_DEC(line_of(march, "R1").amount, "0.00");
  EXPECT_DEC(line_of(march, "R2").amount, "2500.00");
  // consult/month is premium's only: it starts at the change with its whole 10h.
  EXPECT_DEC(line_of(march, "C1").amount, "0.00");
  EXPECT_DEC(march.work_total, "4300.00");
  EXPECT_DEC(march.total, "56300.00");

  // Premium's allowances first, then basic's other one, closed at the change.
  ASSERT_EQ(march.allowances.size(), 3U);
  EXPECT_EQ(march.allowances[0].allowance, "visit/month");
  EXPECT_EQ(march.allowances[1].allowance, "consult/month");
  EXPECT_EQ(march.allowances[2].allowance, "repair/month");
  const allowance_report& visits = allowance_of(march, "visit/month");
  EXPECT_EQ(visits.included.to_string(), "5");
  EXPECT_EQ(visits.used.to_string(), "5");
  EXPECT_EQ(visits.remaining.to_string(), "0");
  EXPECT_DEC(visits.covered_value, "9000.00");  // 5 × 1800.00
  const allowance_report& consult = allowance_of(march, "consult/month");
  EXPECT_EQ(consult.included.to_string(), "10h");
  EXPECT_EQ(consult.used.to_string(), "1h");
  EXPECT_EQ(consult.remaining.to_string(), "9h");
  const allowance_report& repair = allowance_of(march, "repair/month");
  EXPECT_EQ(repair.included.to_string(), "2h");
  EXPECT_EQ(repair.used.to_string(), "1h");
  EXPECT_EQ(repair.remaining.to_string(), "1h");

  // Request by request gives the same lines.
  billing_state state;
  const std::vector<priced_line> one_by_one =
      price_with_state(plans(), upgraded(), state, march_work());
  for (const priced_line& l : one_by_one)
    EXPECT_DEC(l.amount, line_of(march, l.id).amount.to_string()) << l.id;
  EXPECT_EQ(state.allowances, march.closing.allowances);
}

TEST(PlanChange, TheStatementTextAndJsonNameBothPlansWithTheirDays) {
  const statement march = bill(plans(), upgraded(), month(3), {}, march_work());
  const std::string text = write_statement_text(march, plans());
  EXPECT_NE(text.find("basic 2026-03-01..2026-03-10 (10 days), then premium "
                      "2026-03-11..2026-03-31 (21 days)"),
            std::string::npos)
      << text;
  const std::string json = write_statement_json(march, plans());
  EXPECT_NE(
      json.find("  \"plan\": \"premium\",\n  \"plans\": [\n    {\n      \"plan\": \"basic\",\n"
                "      \"days\": {\"first\": \"2026-03-01\", \"last\": \"2026-03-10\"}\n    },\n"),
      std::string::npos)
      << json;
  // One plan: no `plans` key, as before plan changes.
  const statement may = bill(plans(), upgraded(), month(5), march.closing, {});
  EXPECT_EQ(write_statement_json(may, plans()).find("\"plans\""), std::string::npos);
}

TEST(PlanChange, BillingTheMonthAgainChangesNothing) {
  const statement march = bill(plans(), upgraded(), month(3), {}, march_work());
  const statement again = bill(plans(), upgraded(), month(3), march.closing, march_work());
  EXPECT_TRUE(again.fees.empty());
  EXPECT_TRUE(again.lines.empty());
  EXPECT_EQ(again.already_billed.size(), 9U);
  EXPECT_DEC(again.total, "0.00");
  EXPECT_EQ(again.closing, march.closing);
}

TEST(PlanChange, ADowngradeOnThe16thOfA30DayMonth) {
  contract c = deal("premium");
  c.amendments.push_back(to_plan("2026-04-16", "basic"));
  const statement april = bill(plans(), c, month(4), {}, {});
  // premium 62000.00 × 15/30 = 31000.00 for 1–15 April; basic 31000.00 × 15/30 = 15500.00.
  ASSERT_EQ(april.fees.size(), 2U);
  EXPECT_DEC(april.fees[0].amount, "31000.00");
  EXPECT_EQ(april.fees[0].covers, days("2026-04-01", "2026-04-15"));
  EXPECT_DEC(april.fees[1].amount, "15500.00");
  EXPECT_EQ(april.fees[1].covers, days("2026-04-16", "2026-04-30"));
  EXPECT_DEC(april.total, "46500.00");
  EXPECT_EQ(april.plan, "basic");
  // May is basic's alone: one plan, the whole fee.
  const statement may = bill(plans(), c, month(5), april.closing, {});
  ASSERT_EQ(may.fees.size(), 1U);
  EXPECT_DEC(may.fees[0].amount, "31000.00");
  EXPECT_EQ(may.plans, (std::vector<plan_days>{{"basic", month(5)}}));
}

TEST(PlanChange, AChangeRecordedAfterItsMonthWasBilledAdjustsTheFeesOnce) {
  // March is billed under basic: the whole fee, 31000.00.
  const statement march = bill(plans(), deal("basic"), month(3), {}, {});
  ASSERT_EQ(march.fees.size(), 1U);
  EXPECT_DEC(march.fees[0].amount, "31000.00");
  // Then the upgrade of 11 March is recorded. April's statement adjusts March: basic's fee is
  // 10000.00 for 1–10 March, 21000.00 less than billed; premium's 42000.00 for 11–31 March is
  // charged; and April is premium's whole fee.
  const statement april = bill(plans(), upgraded(), month(4), march.closing, {});
  ASSERT_EQ(april.fees.size(), 3U);
  EXPECT_DEC(april.fees[0].amount, "-21000.00");
  ASSERT_TRUE(april.fees[0].billed_before.has_value());
  EXPECT_DEC(*april.fees[0].billed_before, "31000.00");
  EXPECT_EQ(april.fees[0].covers, days("2026-03-01", "2026-03-10"));
  EXPECT_DEC(april.fees[1].amount, "42000.00");
  EXPECT_FALSE(april.fees[1].billed_before.has_value());
  EXPECT_EQ(april.fees[1].covers, days("2026-03-11", "2026-03-31"));
  EXPECT_DEC(april.fees[2].amount, "62000.00");
  EXPECT_EQ(april.fees[2].covers, month(4));
  EXPECT_DEC(april.fees_total, "83000.00");  // -21000.00 + 42000.00 + 62000.00
  // Billed again, nothing is adjusted twice.
  const statement again = bill(plans(), upgraded(), month(4), april.closing, {});
  EXPECT_TRUE(again.fees.empty());
  EXPECT_EQ(again.closing, april.closing);
  const statement may = bill(plans(), upgraded(), month(5), april.closing, {});
  ASSERT_EQ(may.fees.size(), 1U);
  EXPECT_DEC(may.fees[0].amount, "62000.00");
}

contract closed_on(std::string plan, std::string_view end) {
  contract c = deal(std::move(plan));
  c.status = contract_status::closed;
  c.end = day(end);
  return c;
}

TEST(Termination, AQuarterlyFeeChargedInAdvanceIsCreditedItsUnusedDays) {
  // January charges the first quarter in advance: 9000.00 for 90 days, 100.00 a day.
  const statement january = bill(plans(), deal("quarterly"), month(1), {}, {});
  ASSERT_EQ(january.fees.size(), 1U);
  EXPECT_DEC(january.fees[0].amount, "9000.00");
  EXPECT_EQ(january.fees[0].covers, days("2026-01-01", "2026-03-31"));
  // The client leaves on 14 February: 45 days used (31 + 14), 45 unused: -4500.00 in February's
  // statement, the one that bills the period of the end.
  const contract left = closed_on("quarterly", "2026-02-14");
  const statement february = bill(plans(), left, month(2), january.closing, {});
  ASSERT_EQ(february.fees.size(), 1U);
  EXPECT_DEC(february.fees[0].amount, "-4500.00");
  ASSERT_TRUE(february.fees[0].billed_before.has_value());
  EXPECT_DEC(*february.fees[0].billed_before, "9000.00");
  EXPECT_EQ(february.fees[0].covers, days("2026-01-01", "2026-02-14"));
  EXPECT_EQ(february.fees[0].fee_period, days("2026-01-01", "2026-03-31"));
  EXPECT_DEC(february.total, "-4500.00");
  // Nothing is credited twice: February again, and March, change nothing.
  const statement again = bill(plans(), left, month(2), february.closing, {});
  EXPECT_TRUE(again.fees.empty());
  EXPECT_EQ(again.closing, february.closing);
  const statement march = bill(plans(), left, month(3), february.closing, {});
  EXPECT_TRUE(march.fees.empty());
  EXPECT_DEC(march.total, "0.00");
}

TEST(Termination, ClosedAfterItsPeriodWasBilledIsCreditedInTheNextStatement) {
  // basic's March fee, 31000.00, is billed; then the contract is closed from 20 March: 20 of 31
  // days used, 31000.00 × 20/31 = 20000.00, so April's statement credits 11000.00.
  const statement march = bill(plans(), deal("basic"), month(3), {}, {});
  const contract left = closed_on("basic", "2026-03-20");
  const statement april = bill(plans(), left, month(4), march.closing, {});
  ASSERT_EQ(april.fees.size(), 1U);
  EXPECT_DEC(april.fees[0].amount, "-11000.00");
  EXPECT_DEC(*april.fees[0].billed_before, "31000.00");
  EXPECT_EQ(april.fees[0].covers, days("2026-03-01", "2026-03-20"));
  const statement again = bill(plans(), left, month(4), april.closing, {});
  EXPECT_TRUE(again.fees.empty());
}

TEST(PlanChange, AnAmendmentNamingAPlanTheTariffLacksIsRefused) {
  contract c = deal("basic");
  c.amendments.push_back(to_plan("2026-03-11", "platinum"));
  const std::string message =
      "the amendment of 2026-03-11 names plan 'platinum', which tariff 'Plan changes' does not "
      "have";
  const std::vector<input_error> problems = contract_problems(plans(), c);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].id, "C-1");
  EXPECT_EQ(problems[0].column, "amendments");
  EXPECT_EQ(problems[0].message, message);
  try {
    (void)bill(plans(), c, month(3), {}, {});
    FAIL() << "billed";
  } catch (const call_error& e) {
    EXPECT_EQ(std::string(e.what()), "contract 'C-1': " + message);
  }
  // Pricing: a line before the change is basic's; one after it is refused, naming the date.
  const std::vector<work_line> work{visit("V1", "2026-03-10T10:00:00+03:00"),
                                    visit("V2", "2026-03-12T10:00:00+03:00")};
  const std::vector<priced_line> priced = price(plans(), c, work);
  ASSERT_EQ(priced.size(), 2U);
  EXPECT_TRUE(priced[0].ok());
  const priced_line& after = priced[1];
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.rejected, reject_reason::unknown_plan);
  EXPECT_EQ(after.message,
            "line V2: contract 'C-1' names plan 'platinum' (its amendment in force on 2026-03-12), "
            "which the tariff does not have");
}

TEST(PlanChange, PlansWithAnotherStatementPeriodAreRefused) {
  contract c = deal("basic");
  c.amendments.push_back(to_plan("2026-04-01", "by_quarter"));
  const std::string message =
      "the amendment of 2026-04-01 moves the contract from plan 'basic' to plan 'by_quarter', "
      "which bills per quarter, not per month: a contract's plans must share the statement "
      "period";
  const std::vector<input_error> problems = contract_problems(plans(), c);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].message, message);
  try {
    (void)bill(plans(), c, month(3), {}, {});
    FAIL() << "billed";
  } catch (const billing_input_error& e) {
    EXPECT_EQ(std::string(e.what()), "contract 'C-1': " + message);
  }
}

TEST(PlanChange, NamingThePlanInForceIsNoChange) {
  contract c = deal("basic");
  c.amendments.push_back(to_plan("2026-03-11", "basic"));
  const statement march = bill(plans(), c, month(3), {}, {});
  ASSERT_EQ(march.fees.size(), 1U);
  EXPECT_DEC(march.fees[0].amount, "31000.00");
  EXPECT_EQ(march.plans.size(), 1U);
}

}  // namespace
}  // namespace tariff
