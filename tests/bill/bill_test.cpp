// Period billing against the figures of docs/design.md (scenarios 2, 3, 7, 8) and the
// decisions of docs/statement.md.
#include <gtest/gtest.h>
#include <tariff/billing.hpp>

namespace tariff {
namespace {

#define EXPECT_DEC(actual, text) EXPECT_EQ((actual).to_string(), text)

compiled_tariff compile_ok(std::string_view source) {
  compile_result r = compile(source, "plan.tariff");
  EXPECT_TRUE(r.tariff.has_value()) << format(r.diagnostics);
  if (!r.tariff) throw std::runtime_error("does not compile");
  return *r.tariff;
}

constexpr std::string_view service_tariff = R"(tariff "Service" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
  window night 22:00 .. 06:00
}
attribute contract.workstations : number
pricelist retail {
  item engineer_visit "Engineer visit" per visit price 1800.00 cost 900.00
  item hvac_repair    "HVAC repair"    per hour  price 2500.00 cost 1400.00
  item cartridge      "Cartridge"      per piece price 3200.00 cost 2100.00
}
rule night for hvac_repair when in night : price * 2
plan pos_service {
  pricelist retail
  fee 45000.00 per month
  includes 3 engineer_visit per month alert 100%
  includes 10h hvac_repair per month alert 80%, 100%
}
plan pos_overage {
  pricelist retail
  includes 3 engineer_visit per month overage 1500.00
}
plan seats {
  pricelist retail
  fee 2500.00 per month per unit contract.workstations
  fee 3100.00 per month prorated
  fee 12000.00 per year
}
plan pooled {
  pricelist retail
  includes 2h hvac_repair per quarter
  order cheapest
}
)";

contract deal(std::string plan) {
  contract c;
  c.id = "C-1";
  c.client = "K-1";
  c.plan = std::move(plan);
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

TEST(Bill, TheFourthVisitOfTheMonthIsBilled) {
  // docs/design.md, scenario 3: a monthly fee covers three visits; the fourth is billed.
  const compiled_tariff t = compile_ok(service_tariff);
  const std::vector<work_line> work{
      visit("V4", "2026-03-20T10:00:00+03:00"), visit("V1", "2026-03-02T10:00:00+03:00"),
      visit("V2", "2026-03-05T10:00:00+03:00"), visit("V3", "2026-03-11T10:00:00+03:00")};
  const statement s = bill(t, deal("pos_service"), march, {}, work);
  ASSERT_EQ(s.fees.size(), 1U);
  EXPECT_DEC(s.fees[0].amount, "45000.00");
  ASSERT_EQ(s.lines.size(), 4U);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(s.lines[static_cast<std::size_t>(i)].id, "V" + std::to_string(i + 1));
    EXPECT_DEC(s.lines[static_cast<std::size_t>(i)].amount, "0.00");
    EXPECT_EQ(s.lines[static_cast<std::size_t>(i)].parts.at(0).allowance, "engineer_visit/month");
    EXPECT_DEC(s.lines[static_cast<std::size_t>(i)].parts.at(0).covered, "1800.00");
  }
  EXPECT_EQ(s.lines[3].id, "V4");
  EXPECT_DEC(s.lines[3].amount, "1800.00");
  EXPECT_TRUE(s.lines[3].parts.at(0).allowance.empty());
  EXPECT_DEC(s.revenue, "46800.00");
  EXPECT_DEC(s.cost, "3600.00");
  EXPECT_DEC(s.margin, "43200.00");
  EXPECT_DEC(*s.margin_percent, "92.31");
  ASSERT_EQ(s.allowances.size(), 2U);
  EXPECT_EQ(s.allowances[0].used.to_string(), "3");
  EXPECT_EQ(s.allowances[0].remaining.to_string(), "0");
  EXPECT_DEC(s.allowances[0].covered_value, "5400.00");
  ASSERT_EQ(s.alerts.size(), 1U);
  EXPECT_EQ(s.alerts[0].kind, alert_kind::allowance_threshold);
  EXPECT_EQ(s.alerts[0].line, "V3");
  ASSERT_EQ(s.closing.allowances.size(), 1U);
  EXPECT_DEC(s.closing.allowances[0].used, "3");
}

TEST(Bill, AnAllowanceRunsOutInTheMiddleOfAJob) {
  // docs/design.md, scenario 8: 8.5 h used, a 3 h job: 1.5 h included and 1.5 h billed.
  const compiled_tariff t = compile_ok(service_tariff);
  billing_state opening;
  opening.allowances.push_back({"hvac_repair/month", march, decimal(8 * 3600 + 1800)});
  const std::vector<work_line> work{
      hvac("H1", "2026-03-10T09:00:00+03:00", "2026-03-10T12:00:00+03:00")};
  const statement s = bill(t, deal("pos_service"), march, opening, work);
  ASSERT_EQ(s.lines.size(), 1U);
  const priced_line& l = s.lines[0];
  ASSERT_EQ(l.parts.size(), 2U);
  EXPECT_EQ(l.parts[0].billed.to_string(), "1h30min");
  EXPECT_EQ(l.parts[0].allowance, "hvac_repair/month");
  EXPECT_DEC(l.parts[0].covered, "3750.00");
  EXPECT_EQ(l.parts[1].billed.to_string(), "1h30min");
  EXPECT_DEC(l.parts[1].amount, "3750.00");
  EXPECT_EQ(format_instant(l.parts[1].begin), "2026-03-10T07:30:00Z");
  EXPECT_DEC(l.amount, "3750.00");
  EXPECT_DEC(l.cost, "4200.00");
  EXPECT_EQ(s.allowances[1].used_before.to_string(), "8h30min");
  EXPECT_EQ(s.allowances[1].used.to_string(), "1h30min");
  EXPECT_EQ(s.allowances[1].remaining.to_string(), "0min");
  ASSERT_EQ(s.alerts.size(), 1U);  // 80% was passed before this statement
  EXPECT_DEC(s.alerts[0].percent, "100");
}

TEST(Bill, OveragePriceStartsTheBilledPart) {
  const compiled_tariff t = compile_ok(service_tariff);
  std::vector<work_line> work;
  for (int i = 1; i <= 4; ++i)
    work.push_back(visit("V" + std::to_string(i), "2026-03-0" + std::to_string(i) + "T10:00:00Z"));
  const statement s = bill(t, deal("pos_overage"), march, {}, work);
  EXPECT_DEC(s.lines.at(3).amount, "1500.00");
  EXPECT_EQ(s.lines[3].parts.at(0).trace.at(0).kind, trace_kind::overage);
}

TEST(Bill, FeesPerUnitProratedAndYearly) {
  const compiled_tariff t = compile_ok(service_tariff);
  contract c = deal("seats");
  c.attributes["workstations"] = "40";
  c.start = *parse_date("2026-03-17");
  const statement s = bill(t, c, march, {}, {});
  ASSERT_EQ(s.fees.size(), 3U);
  EXPECT_DEC(s.fees[0].amount, "100000.00");  // not prorated: the whole month
  EXPECT_DEC(s.fees[1].amount, "1500.00");    // 3100.00 x 15/31
  EXPECT_DEC(s.fees[2].amount, "12000.00");   // the year, charged when the contract starts
  const statement april =
      bill(t, c, {*parse_date("2026-04-01"), *parse_date("2026-05-01")}, {}, {});
  ASSERT_EQ(april.fees.size(), 2U);
  EXPECT_DEC(april.fees[1].amount, "3100.00");
  c.attributes.clear();
  const statement missing = bill(t, c, march, {}, {});
  EXPECT_EQ(missing.fees.size(), 2U);
  ASSERT_EQ(missing.alerts.size(), 1U);
  EXPECT_EQ(missing.alerts[0].kind, alert_kind::fee_not_charged);
}

TEST(Bill, AnAmendmentMidPeriodChargesEachStretchByItsDays) {
  // 40 workstations until 15 March, 50 from 16 March: 2500.00 x 40 x 15/31 + 2500.00 x 50 x 16/31.
  const compiled_tariff t = compile_ok(service_tariff);
  contract c = deal("seats");
  c.attributes["workstations"] = "40";
  c.amendments.push_back({*parse_date("2026-03-16"), {{"workstations", "50"}}, {}, {}});
  const statement s = bill(t, c, march, {}, {});
  ASSERT_EQ(s.fees.size(), 3U);  // the yearly fee was charged in January, when the contract began
  EXPECT_DEC(s.fees[0].units, "40");
  EXPECT_DEC(s.fees[0].amount, "48387.10");
  EXPECT_EQ(s.fees[0].covers.end, *parse_date("2026-03-16"));
  EXPECT_DEC(s.fees[1].units, "50");
  EXPECT_DEC(s.fees[1].amount, "64516.13");
  EXPECT_DEC(s.fees[2].amount, "3100.00");
  // Pricing reads the attribute as amended on the line's date.
  const compiled_tariff rate = compile_ok(R"(tariff "Rate" currency RUB
attribute contract.rate : money
pricelist retail {
  item engineer_visit "Visit" per visit price 1800.00
}
rule agreed : contract.rate
)");
  contract r = deal("");
  r.pricelist = "retail";
  r.attributes["rate"] = "1500.00";
  r.amendments.push_back({*parse_date("2026-03-16"), {{"rate", "1600.00"}}, {}, {}});
  const std::vector lines{visit("A", "2026-03-15T10:00:00Z"), visit("B", "2026-03-16T10:00:00Z")};
  const auto priced = price(rate, r, lines);
  ASSERT_TRUE(priced.at(0).ok()) << priced[0].message;
  EXPECT_DEC(priced.at(0).amount, "1500.00");
  EXPECT_DEC(priced.at(1).amount, "1600.00");
}

TEST(Bill, PooledAllowanceAndCheapestFirst) {
  const compiled_tariff t = compile_ok(service_tariff);
  // 2 h a quarter, cheapest first: a job 21:00-23:00 uses its day hour before its night hour.
  const std::vector<work_line> work{
      hvac("J1", "2026-03-10T21:00:00+03:00", "2026-03-10T23:00:00+03:00")};
  const statement s = bill(t, deal("pooled"), march, {}, work);
  const priced_line& l = s.lines.at(0);
  ASSERT_EQ(l.parts.size(), 2U);
  EXPECT_EQ(l.parts[0].allowance, "hvac_repair/quarter");
  EXPECT_EQ(l.parts[1].allowance, "hvac_repair/quarter");
  EXPECT_DEC(l.amount, "0.00");
  EXPECT_EQ(s.allowances.at(0).period.first, *parse_date("2026-01-01"));
  // The quarter's pool is used up: a later job of the quarter is billed, from the state alone;
  // in April, the next quarter, the pool is full again.
  const std::vector later_work{
      hvac("J2", "2026-03-20T10:00:00+03:00", "2026-03-20T11:00:00+03:00")};
  EXPECT_DEC(bill(t, deal("pooled"), march, s.closing, later_work).lines.at(0).amount, "2500.00");
  const std::vector april_work{
      hvac("J3", "2026-04-20T10:00:00+03:00", "2026-04-20T11:00:00+03:00")};
  const date_span april{*parse_date("2026-04-01"), *parse_date("2026-05-01")};
  EXPECT_DEC(bill(t, deal("pooled"), april, s.closing, april_work).lines.at(0).amount, "0.00");
}

TEST(Bill, CheapestFirstTakesTheDaySegment) {
  const compiled_tariff t = compile_ok(service_tariff);
  billing_state opening;
  opening.allowances.push_back({"hvac_repair/quarter",
                                {*parse_date("2026-01-01"), *parse_date("2026-04-01")},
                                decimal(3600)});
  const statement s =
      bill(t, deal("pooled"), march, opening,
           std::vector{hvac("J1", "2026-03-10T21:00:00+03:00", "2026-03-10T23:00:00+03:00")});
  const priced_line& l = s.lines.at(0);
  ASSERT_EQ(l.parts.size(), 2U);
  EXPECT_EQ(l.parts[0].allowance, "hvac_repair/quarter");  // 21-22 day, 2500.00
  EXPECT_TRUE(l.parts[1].allowance.empty());               // 22-23 night, 5000.00
  EXPECT_DEC(l.amount, "5000.00");
}

TEST(Bill, LateWorkIsAnAdjustmentAndLaterWorkWaits) {
  const compiled_tariff t = compile_ok(service_tariff);
  const std::vector<work_line> work{visit("F1", "2026-02-27T10:00:00+03:00"),
                                    visit("M1", "2026-03-02T10:00:00+03:00"),
                                    visit("A1", "2026-04-01T10:00:00+03:00")};
  const statement s = bill(t, deal("pos_service"), march, {}, work);
  ASSERT_EQ(s.adjustments.size(), 1U);
  EXPECT_EQ(s.adjustments[0].id, "F1");
  EXPECT_EQ(s.adjustments[0].parts.at(0).allowance, "engineer_visit/month");  // February's
  ASSERT_EQ(s.lines.size(), 1U);
  ASSERT_EQ(s.rejected.size(), 1U);
  EXPECT_EQ(s.rejected[0].rejected, reject_reason::after_period);
  EXPECT_EQ(s.closing.allowances.size(), 2U);
}

TEST(Bill, OneRequestAtATimeGivesTheSameFigures) {
  // Design decision 9: request by request with the state gives the whole period's figures.
  const compiled_tariff t = compile_ok(service_tariff);
  std::vector<work_line> work;
  for (int i = 0; i < 12; ++i) {
    const std::string day = std::to_string(10 + i);
    work.push_back(i % 2 == 0 ? visit("V" + day, "2026-03-" + day + "T10:00:00+03:00")
                              : hvac("H" + day, "2026-03-" + day + "T20:00:00+03:00",
                                     "2026-03-" + day + "T23:10:00+03:00"));
  }
  billing_state opening;
  opening.allowances.push_back({"hvac_repair/month", march, decimal(3600)});
  const statement whole = bill(t, deal("pos_service"), march, opening, work);
  billing_state state = opening;
  std::vector<priced_line> one_by_one;
  for (const work_line& w : work) {
    auto priced = price_with_state(t, deal("pos_service"), state, std::span(&w, 1));
    one_by_one.push_back(priced.at(0));
  }
  EXPECT_EQ(one_by_one, whole.lines);
  EXPECT_EQ(state.allowances, whole.closing.allowances);  // the use; the ledger is bill()'s
  EXPECT_EQ(state.volumes, whole.closing.volumes);
  // An estimate leaves the state as it was.
  const billing_state kept = state;
  const auto estimated = estimate(t, deal("pos_service"), state, std::span(&work[0], 1));
  EXPECT_EQ(state, kept);
  EXPECT_DEC(estimated.at(0).amount, "1800.00");
}

TEST(Bill, TiersCountThePeriodsVolume) {
  const compiled_tariff t = compile_ok(R"(tariff "Tiers" currency RUB
rounding line 0.01 half_up
pricelist retail {
  item support_hour "Software support" per hour price 3000.00
    tiers graduated { 0..10: 3000.00, 10..40: 2700.00, 40..: 2400.00 }
  item paper "Paper" per kg price 90.00 tiers volume { 1..10: 90.00, 11..: 75.00 }
}
plan support {
  pricelist retail
}
)");
  auto support = [](std::string id, std::string_view start, std::string_view end) {
    work_line w = hvac(std::move(id), start, end);
    w.item = "support_hour";
    return w;
  };
  auto paper = [](std::string id, std::string_view start, std::string_view kg) {
    work_line w = visit(std::move(id), start);
    w.item = "paper";
    w.quantity = decimal(kg);
    return w;
  };
  // 6 h, then 6 h more: the second line crosses 10 h at its 4th hour.
  const std::vector work{support("A", "2026-03-02T06:00Z", "2026-03-02T12:00Z"),
                         support("B", "2026-03-03T06:00Z", "2026-03-03T12:00Z"),
                         paper("P1", "2026-03-04T06:00Z", "8"),
                         paper("P2", "2026-03-05T06:00Z", "4")};
  const statement s = bill(t, deal("support"), march, {}, work);
  ASSERT_EQ(s.lines.size(), 4U);
  EXPECT_DEC(s.lines[0].amount, "18000.00");
  EXPECT_DEC(s.lines[1].amount, "17400.00");  // 4 h x 3000.00 + 2 h x 2700.00
  EXPECT_DEC(s.lines[2].amount, "720.00");    // 8 kg: the total is 8
  EXPECT_DEC(s.lines[3].amount, "300.00");    // 4 kg at 75.00: the total reaches 12
  ASSERT_EQ(s.closing.volumes.size(), 2U);
  EXPECT_EQ(s.closing.volumes[1].item, "support_hour");
  EXPECT_DEC(s.closing.volumes[1].quantity, "43200");
  // From an opening volume of 9 h, a 2 h job is 1 h x 3000.00 + 1 h x 2700.00.
  billing_state opening;
  opening.volumes.push_back({"support_hour", march, decimal(9 * 3600)});
  const statement later = bill(t, deal("support"), march, opening,
                               std::vector{support("C", "2026-03-20T06:00Z", "2026-03-20T08:00Z")});
  EXPECT_DEC(later.lines.at(0).amount, "5700.00");
  // One request at a time gives the same.
  billing_state state;
  std::vector<priced_line> one_by_one;
  for (const work_line& w : work)
    one_by_one.push_back(price_with_state(t, deal("support"), state, std::span(&w, 1)).at(0));
  EXPECT_EQ(one_by_one, s.lines);
  EXPECT_EQ(state.allowances, s.closing.allowances);  // the use; the ledger is bill()'s
  EXPECT_EQ(state.volumes, s.closing.volumes);
}

TEST(Bill, ExpiringContracts) {
  // docs/design.md, scenario 2: which contracts expire within 30 days of a date.
  std::vector<contract> cs(4, deal("pos_service"));
  cs[0].id = "A";
  cs[0].end = *parse_date("2026-04-10");
  cs[1].id = "B";
  cs[1].end = *parse_date("2026-03-31");
  cs[2].id = "C";
  cs[2].end = *parse_date("2026-05-30");
  cs[3].id = "D";
  cs[3].end = *parse_date("2026-04-01");
  cs[3].status = contract_status::draft;
  const auto soon = expiring_contracts(cs, *parse_date("2026-03-25"));
  ASSERT_EQ(soon.size(), 2U);
  EXPECT_EQ(soon[0].id, "B");
  EXPECT_EQ(soon[1].id, "A");
  const compiled_tariff t = compile_ok(service_tariff);
  const statement s = bill(t, cs[1], march, {}, {});
  ASSERT_EQ(s.alerts.size(), 1U);
  EXPECT_EQ(s.alerts[0].kind, alert_kind::contract_expiring);
}

TEST(Bill, APeriodThatIsNotTheirsIsRefused) {
  const compiled_tariff t = compile_ok(service_tariff);
  EXPECT_THROW((void)bill(t, deal("pos_service"),
                          {*parse_date("2026-03-02"), *parse_date("2026-04-02")}, {}, {}),
               call_error);
  EXPECT_THROW((void)bill(t, deal("gold"), march, {}, {}), call_error);
  EXPECT_EQ(statement_period(t, deal("pos_service"), *parse_date("2026-03-17")), march);
}

}  // namespace
}  // namespace tariff
