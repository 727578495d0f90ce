// Money that could be invented or lost in silence: each case refuses with its place, or bills
// the exact figures (issue "Money faults and atomic output").
//  - a fee per unit never becomes a credit or a fraction of a counted thing;
//  - a rule that takes a price below zero rejects the line unless the item is a `credit`;
//  - a tax shared per statement keeps each amount's sign;
//  - allowance keys do not depend on the order of their items, and a state entry the plan cannot
//    match is an error while its period is open;
//  - a prepaid fee span names a fee of the plan;
//  - an acceptance dated before the work refuses the line from payouts.
#include <algorithm>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>
#include <tariff/billing.hpp>
#include <tariff/io.hpp>
#include <tariff/payouts.hpp>
#include <tariff/statement_io.hpp>

namespace tariff {
namespace {

compiled_tariff compiled(std::string_view source) {
  compile_result r = compile(source, "faults.tariff");
  if (!r.tariff) throw std::runtime_error(format(r.diagnostics));
  return *r.tariff;
}

std::vector<work_line> work(std::string_view rows) {
  auto read = read_work_csv("id,request,contract,item,start,end,quantity\n" + std::string(rows));
  if (!read.errors.empty()) throw std::runtime_error(format(read.errors.front()));
  return read.rows;
}

contract deal(std::string plan) {
  contract c;
  c.id = "C-7";
  c.client = "K-1";
  c.plan = std::move(plan);
  c.start = *parse_date("2026-01-01");
  c.end = *parse_date("2026-12-31");
  return c;
}

const date_span march{*parse_date("2026-03-01"), *parse_date("2026-04-01")};

// The message of the billing_input_error that billing `c` throws; fails the test if none.
std::string refusal(const compiled_tariff& t, const contract& c, const billing_state& state = {},
                    std::span<const work_line> lines = {}) {
  try {
    (void)bill(t, c, march, state, lines);
  } catch (const billing_input_error& e) {
    return e.what();
  }
  ADD_FAILURE() << "contract " << c.id << " was billed";
  return {};
}

// --- fees per unit -----------------------------------------------------------------------------

constexpr std::string_view seats_tariff = R"(tariff "Seats" currency RUB
rounding line 0.01 half_up
attribute contract.workstations : integer
attribute contract.area : number
pricelist retail {
  item visit "Visit" per visit price 1800.00 cost 900.00
}
plan seats {
  pricelist retail
  fee support 2000.00 per month per unit contract.workstations
}
plan floor {
  pricelist retail
  fee cleaning 12.50 per month per unit contract.area
}
)";

TEST(FeePerUnit, NegativeUnitsRefuseTheStatementNamingTheContractAndAttribute) {
  const compiled_tariff t = compiled(seats_tariff);
  contract c = deal("seats");
  c.attributes["workstations"] = "-5";
  EXPECT_EQ(refusal(t, c),
            "contract 'C-7': fee support 2000.00 per month per unit contract.workstations: "
            "contract.workstations is '-5' (from the contract, in force on 2026-03-01); a fee per "
            "unit needs a whole number of units, 0 or more, so the contract's statement is not "
            "billed");
}

TEST(FeePerUnit, NegativeUnitsFromAnAmendmentNameTheAmendment) {
  const compiled_tariff t = compiled(seats_tariff);
  contract c = deal("seats");
  c.attributes["workstations"] = "10";
  c.amendments.push_back({*parse_date("2026-03-16"), {{"workstations", "-5"}}, {}, {}});
  EXPECT_EQ(refusal(t, c),
            "contract 'C-7': fee support 2000.00 per month per unit contract.workstations: "
            "contract.workstations is '-5' (from its amendment of 2026-03-16, in force on "
            "2026-03-16); a fee per unit needs a whole number of units, 0 or more, so the "
            "contract's statement is not billed");
}

TEST(FeePerUnit, FractionalCountAndTextRefuse) {
  const compiled_tariff t = compiled(seats_tariff);
  contract c = deal("seats");
  c.attributes["workstations"] = "2.5";
  EXPECT_NE(refusal(t, c).find("contract.workstations is '2.5'"), std::string::npos);
  c.attributes["workstations"] = "ten";
  EXPECT_NE(refusal(t, c).find("contract.workstations is 'ten'"), std::string::npos);
}

TEST(FeePerUnit, ZeroUnitsGiveAZeroFeeLineAndWholeDecimalsCount) {
  const compiled_tariff t = compiled(seats_tariff);
  contract c = deal("seats");
  c.attributes["workstations"] = "0";
  statement s = bill(t, c, march, {}, {});
  ASSERT_EQ(s.fees.size(), 1U);
  EXPECT_EQ(s.fees[0].amount.to_string(), "0.00");
  EXPECT_EQ(s.total.to_string(), "0.00");
  c.attributes["workstations"] = "3.00";  // whole, written with decimals
  s = bill(t, c, march, {}, {});
  EXPECT_EQ(s.fees[0].amount.to_string(), "6000.00");
}

TEST(FeePerUnit, AMeasuredNumberAttributeMayBeFractionalButNotNegative) {
  const compiled_tariff t = compiled(seats_tariff);
  contract c = deal("floor");
  c.attributes["area"] = "120.5";
  const statement s = bill(t, c, march, {}, {});
  ASSERT_EQ(s.fees.size(), 1U);
  EXPECT_EQ(s.fees[0].amount.to_string(), "1506.25");  // 12.50 × 120.5
  c.attributes["area"] = "-0.5";
  EXPECT_EQ(refusal(t, c),
            "contract 'C-7': fee cleaning 12.50 per month per unit contract.area: contract.area "
            "is '-0.5' (from the contract, in force on 2026-03-01); a fee per unit needs a number "
            "of units, 0 or more, so the contract's statement is not billed");
}

TEST(FeePerUnit, AMissingAttributeStillOnlyAlerts) {
  const compiled_tariff t = compiled(seats_tariff);
  const statement s = bill(t, deal("seats"), march, {}, {});
  EXPECT_TRUE(s.fees.empty());
  ASSERT_EQ(s.alerts.size(), 1U);
  EXPECT_EQ(s.alerts[0].kind, alert_kind::fee_not_charged);
}

TEST(FeePerUnit, TheRefusalIsATariffError) {
  // Hosts catch every refusal of the library's as tariff::error; this one is the data's fault,
  // not the call's.
  const compiled_tariff t = compiled(seats_tariff);
  contract c = deal("seats");
  c.attributes["workstations"] = "-5";
  EXPECT_THROW((void)bill(t, c, march, {}, {}), tariff::error);  // its base
  try {
    (void)bill(t, c, march, {}, {});
  } catch (const call_error&) {
    ADD_FAILURE() << "bad contract data was reported as a bad call";
  } catch (const billing_input_error&) {
  }
}

// --- rules below zero --------------------------------------------------------------------------

constexpr std::string_view refund_tariff = R"(tariff "Refunds" currency RUB
rounding line 0.01 half_up
pricelist retail {
  item visit    "Visit"    per visit price 1800.00 cost 900.00
  item goodwill "Goodwill" per piece price 500.00 credit
  item bundle   "Bundle"   per piece price 100.00
}
rule rebate for visit : price - 2000.00
rule give_back for goodwill : price * -1
rule dip for bundle : price - 300.00
rule back for bundle : price + 250.00
)";

TEST(NegativePrice, ARuleTakingAPriceBelowZeroRejectsTheLineByName) {
  const compiled_tariff t = compiled(refund_tariff);
  contract c = deal("");
  c.pricelist = "retail";
  const std::vector<contract> contracts{c};
  const auto lines = price(t, contracts,
                           work("V1,R,C-7,visit,2026-03-02T10:00:00+03:00,,1\n"
                                "G1,R,C-7,goodwill,2026-03-02T11:00:00+03:00,,2\n"
                                "B1,R,C-7,bundle,2026-03-02T12:00:00+03:00,,1\n"));
  ASSERT_EQ(lines.size(), 3U);
  ASSERT_EQ(lines[0].rejected, reject_reason::negative_price);
  EXPECT_EQ(lines[0].message,
            "line V1: rule 'rebate' (faults.tariff:8:1) takes the price of 'visit' to -200.00; "
            "only an item declared `credit` may be priced below zero");
  EXPECT_EQ(to_string(*lines[0].rejected), "negative_price");
  // A credit item may: two goodwill credits of 500.00 are -1000.00.
  ASSERT_TRUE(lines[1].ok()) << lines[1].message;
  EXPECT_EQ(lines[1].amount.to_string(), "-1000.00");
  // A price that dips below zero and comes back is not refused: 100 - 300 + 250 = 50.00.
  ASSERT_TRUE(lines[2].ok()) << lines[2].message;
  EXPECT_EQ(lines[2].amount.to_string(), "50.00");
}

// --- taxes on mixed signs ----------------------------------------------------------------------

std::string taxed_tariff(std::string_view scope) {
  return std::string(R"(tariff "VAT" currency RUB
rounding line 0.01 half_up
pricelist retail {
  item service "Service" per piece price 100.00
  item refund  "Refund"  per piece price 50.00 credit
  item small   "Small"   per piece price 0.05
  item back    "Back"    per piece price 0.03 credit
}
rule refund_back for refund, back : price * -1
tax vat excluded per )") +
         std::string(scope) + R"( round 0.01 half_up {
  rate standard 20%
}
plan basic {
  pricelist retail
  prepaid
}
)";
}

TEST(TaxMixedSigns, ARefundsShareIsNegativeAsPerLineGivesIt) {
  for (std::string_view scope : {"line", "statement"}) {
    const compiled_tariff t = compiled(taxed_tariff(scope));
    const auto lines = work(
        "S1,R,C-7,service,2026-03-02T10:00:00+03:00,,1\n"
        "F1,R,C-7,refund,2026-03-03T10:00:00+03:00,,1\n");
    billing_state opening;
    opening.balance = decimal::from_units(100000, 2);  // 1000.00 prepaid
    const statement s = bill(t, deal("basic"), march, opening, lines);
    ASSERT_EQ(s.lines.size(), 2U) << scope;
    EXPECT_EQ(s.lines[0].tax.to_string(), "20.00") << scope;
    EXPECT_EQ(s.lines[1].tax.to_string(), "-10.00") << scope;
    EXPECT_EQ(s.tax.to_string(), "10.00") << scope;
    EXPECT_EQ(s.total.to_string(), "60.00") << scope;
    // The balance pays 120.00 and gets 60.00 back for the refund.
    ASSERT_TRUE(s.prepaid.has_value());
    EXPECT_EQ(s.prepaid->drawn.to_string(), "60.00") << scope;
    EXPECT_EQ(s.prepaid->owed.to_string(), "0.00") << scope;
    EXPECT_EQ(s.prepaid->closing.to_string(), "940.00") << scope;
  }
}

TEST(TaxMixedSigns, LeftoverCentsGoWithTheirSignToAmountsOfThatSign) {
  // Exact taxes at 20 %: three smalls of 0.05 → 0.01 each (exact); two backs of -0.03 → -0.006
  // each. Signed base 0.15 - 0.06 = 0.09 → tax 0.018 → 0.02. Toward zero the shares are 0.01 ×
  // 3 and 0.00 × 2 = 0.03; the leftover is -0.01, a negative cent, and goes to the first back
  // (largest remainder, ties to the earlier): 0.01, 0.01, 0.01, -0.01, 0.00.
  const compiled_tariff t = compiled(taxed_tariff("statement"));
  const auto lines = work(
      "A1,R,C-7,small,2026-03-02T10:00:00+03:00,,1\n"
      "A2,R,C-7,small,2026-03-02T11:00:00+03:00,,1\n"
      "A3,R,C-7,small,2026-03-02T12:00:00+03:00,,1\n"
      "B1,R,C-7,back,2026-03-02T13:00:00+03:00,,1\n"
      "B2,R,C-7,back,2026-03-02T14:00:00+03:00,,1\n");
  const statement s = bill(t, deal("basic"), march, {}, lines);
  std::vector<std::string> shares;
  for (const priced_line& l : s.lines)
    shares.push_back(l.tax.to_string());
  EXPECT_EQ(shares, (std::vector<std::string>{"0.01", "0.01", "0.01", "-0.01", "0.00"}));
  EXPECT_EQ(s.tax.to_string(), "0.02");
}

// --- allowance keys and the state --------------------------------------------------------------

std::string allowance_tariff(std::string_view items) {
  return std::string(R"(tariff "Calls" currency RUB
rounding line 0.01 half_up
pricelist retail {
  item visit "Visit" per visit price 1800.00
  item call  "Call"  per visit price 400.00
}
plan support {
  pricelist retail
  includes 2 )") +
         std::string(items) + R"( per month
}
)";
}

billing_state used_before(std::string key, std::string_view first, std::string_view end, int used) {
  billing_state s;
  s.allowances.push_back({std::move(key), {*parse_date(first), *parse_date(end)}, decimal(used)});
  return s;
}

TEST(AllowanceKeys, TheOrderOfTheItemsDoesNotChangeTheKey) {
  for (std::string_view items : {"(visit, call)", "(call, visit)"}) {
    const compiled_tariff t = compiled(allowance_tariff(items));
    // Two used in March already, under either spelling of the key: the third visit is billed.
    for (std::string key : {"call+visit/month", "visit+call/month"}) {
      const statement s =
          bill(t, deal("support"), march, used_before(key, "2026-03-01", "2026-04-01", 2),
               work("V3,R,C-7,visit,2026-03-20T10:00:00+03:00,,1\n"));
      ASSERT_EQ(s.allowances.size(), 1U);
      EXPECT_EQ(s.allowances[0].allowance, "call+visit/month") << items;
      ASSERT_EQ(s.lines.size(), 1U);
      EXPECT_EQ(s.lines[0].amount.to_string(), "1800.00") << items << " " << key;
      ASSERT_EQ(s.closing.allowances.size(), 1U);
      EXPECT_EQ(s.closing.allowances[0].allowance, "call+visit/month");
      EXPECT_EQ(s.closing.allowances[0].used, decimal(2));  // the allowance holds 2
    }
  }
}

TEST(AllowanceKeys, AnUnknownKeyOfAnOpenPeriodRefusesTheStatement) {
  const compiled_tariff t = compiled(allowance_tariff("(visit, call)"));
  EXPECT_EQ(refusal(t, deal("support"), used_before("vist/month", "2026-03-01", "2026-04-01", 2)),
            "contract 'C-7': the opening state's allowance 'vist/month' for 2026-03-01.."
            "2026-03-31 matches nothing in plan 'support' (its allowances: call+visit/month); "
            "the period is still open to the work billed, so the statement is refused: correct "
            "the key or remove the entry");
  // A period late work of this statement falls in is open too.
  const auto late = work("V0,R,C-7,visit,2026-02-27T10:00:00+03:00,,1\n");
  EXPECT_NE(
      refusal(t, deal("support"), used_before("vist/month", "2026-02-01", "2026-03-01", 2), late)
          .find("allowance 'vist/month' for 2026-02-01..2026-02-28"),
      std::string::npos);
  // Request by request too, leaving the state as it was.
  billing_state state = used_before("vist/month", "2026-03-01", "2026-04-01", 2);
  const billing_state before = state;
  EXPECT_THROW((void)price_with_state(t, deal("support"), state,
                                      work("V3,R,C-7,visit,2026-03-20T10:00:00+03:00,,1\n")),
               billing_input_error);
  EXPECT_EQ(state, before);
}

TEST(AllowanceKeys, AnUnknownKeyOfAnOlderPeriodIsReportedAndKept) {
  const compiled_tariff t = compiled(allowance_tariff("(visit, call)"));
  const statement s =
      bill(t, deal("support"), march, used_before("vist/month", "2026-01-01", "2026-02-01", 2),
           work("V1,R,C-7,visit,2026-03-20T10:00:00+03:00,,1\n"));
  ASSERT_EQ(s.alerts.size(), 1U);
  EXPECT_EQ(s.alerts[0].kind, alert_kind::unknown_state_entry);
  EXPECT_EQ(to_string(s.alerts[0].kind), "unknown_state_entry");
  EXPECT_EQ(s.alerts[0].message,
            "the opening state's allowance 'vist/month' for 2026-01-01..2026-01-31 matches "
            "nothing in plan 'support' (its allowances: call+visit/month); kept in the state, not "
            "used");
  ASSERT_EQ(s.closing.allowances.size(), 2U);  // kept; March's use added
  EXPECT_EQ(s.closing.allowances[0].allowance, "call+visit/month");
  EXPECT_EQ(s.closing.allowances[1].allowance, "vist/month");
}

TEST(AllowanceKeys, TheStateReaderAcceptsTheOldSpelling) {
  const auto read = read_state_json(R"({"allowances": [
    {"allowance": "visit+call/month", "first": "2026-03-01", "last": "2026-03-31", "used": "2"}
  ]})");
  ASSERT_TRUE(read.errors.empty()) << format(read.errors.front());
  ASSERT_EQ(read.rows.size(), 1U);
  EXPECT_EQ(read.rows[0].allowances.at(0).allowance, "call+visit/month");
  // Both spellings of one entry are one entry given twice.
  const auto twice = read_state_json(R"({"allowances": [
    {"allowance": "visit+call/month", "first": "2026-03-01", "last": "2026-03-31", "used": "2"},
    {"allowance": "call+visit/month", "first": "2026-03-01", "last": "2026-03-31", "used": "1"}
  ]})");
  ASSERT_EQ(twice.errors.size(), 1U);
  EXPECT_EQ(twice.errors[0].row, 2U);
}

// --- prepaid fee spans -------------------------------------------------------------------------

constexpr std::string_view prepaid_tariff = R"(tariff "Support" currency RUB
rounding line 0.01 half_up
pricelist retail {
  item visit "Visit" per visit price 1800.00
}
plan support {
  pricelist retail
  fee support 4000.00 per month
}
)";

TEST(PrepaidFees, ASpanNamingAFeeThePlanLacksIsRefused) {
  const compiled_tariff t = compiled(prepaid_tariff);
  contract c = deal("support");
  c.prepaid_fees.push_back(
      {"suport", {*parse_date("2026-01-01"), *parse_date("2026-07-01")}, std::nullopt});
  EXPECT_EQ(refusal(t, c),
            "contract 'C-7': prepaid fee 'suport 2026-01-01..2026-06-30' names no fee of plan "
            "'support' (its named fees: support)");
  const std::vector<input_error> problems = contract_problems(t, c);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].id, "C-7");
  EXPECT_EQ(problems[0].column, "prepaid");
  c.prepaid_fees[0].fee = "support";
  EXPECT_TRUE(contract_problems(t, c).empty());
  const statement s = bill(t, c, march, {}, {});
  ASSERT_EQ(s.fees.size(), 1U);
  EXPECT_EQ(s.fees[0].amount.to_string(), "0.00");
  EXPECT_EQ(s.fees[0].covered.to_string(), "4000.00");
}

// --- payouts -----------------------------------------------------------------------------------

TEST(Payouts, AnAcceptanceBeforeTheWorkRejectsTheLineInItsOwnPeriod) {
  const compiled_tariff t = compiled(R"(tariff "Out" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
}
pricelist retail {
  item repair "Repair" per visit price 3500.00 cost 2100.00
}
plan regional {
  pricelist retail
}
)");
  const std::vector<contract> contracts{deal("regional")};
  auto read = read_work_csv(
      "id,request,contract,item,start,quantity,performer,accepted,accepted_on\n"
      "R1,Q-1,C-7,repair,2026-03-10T10:00:00+03:00,1,tula,true,2026-03-09\n"
      "R2,Q-2,C-7,repair,2026-03-10T10:00:00+03:00,1,tula,true,2026-03-10\n");
  ASSERT_TRUE(read.errors.empty());
  for (const date_span& period :
       {date_span{*parse_date("2026-02-01"), *parse_date("2026-03-01")}, march,
        date_span{*parse_date("2026-04-01"), *parse_date("2026-05-01")}}) {
    const payout_result paid = payouts(t, contracts, read.rows, period);
    const std::vector<priced_line>& rejected = paid.rejected;
    if (period != march) {  // neither February (before it) nor April lists it
      EXPECT_TRUE(rejected.empty()) << format_span(period);
      continue;
    }
    ASSERT_EQ(rejected.size(), 1U);
    EXPECT_EQ(rejected[0].id, "R1");
    EXPECT_EQ(rejected[0].rejected, reject_reason::accepted_before_work);
    EXPECT_EQ(rejected[0].message,
              "line R1: accepted on 2026-03-09, before the work's date 2026-03-10");
    ASSERT_EQ(paid.payouts.size(), 1U);
    EXPECT_EQ(paid.payouts[0].payable.to_string(), "2100.00");  // R2, accepted the same day
  }
}

}  // namespace
}  // namespace tariff
