// Contractor payouts (docs/design.md, scenario 5): "4 200 RUB for two closed and accepted requests
// (2 100 each), while two more awaiting acceptance are not payable yet".
#include <gtest/gtest.h>
#include <tariff/io.hpp>
#include <tariff/payouts.hpp>

namespace tariff {
namespace {

constexpr std::string_view source = R"(tariff "Federal outsourcing" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
  window night 22:00 .. 06:00
}
pricelist retail effective 2026-01-01 {
  item repair_request "Repair request" per visit price 3500.00 cost 2100.00
  item support        "Support"        per hour  price 2000.00 cost 1000.00 bill started 1h
}
pricelist contractors effective 2026-01-01 {
  item repair_request per visit price 2000.00
  item support        per hour  price 1200.00
}
rule night when in night : price * 2
plan regional {
  pricelist retail
}
)";

constexpr std::string_view contracts_csv =
    "id,client,plan,status,start,end\n"
    "C-1,K-1,regional,registered,2026-01-01,2026-12-31\n";

// R1, R2 accepted in March; R3, R4 awaiting acceptance; R5 accepted in April (not March's);
// S1 25 minutes of support at night by another contractor, accepted; Z1 an unknown item.
constexpr std::string_view work_csv =
    "id,request,contract,item,start,end,quantity,performer,accepted,accepted_on\n"
    "R1,Q-1,C-1,repair_request,2026-03-02T10:00:00+03:00,,1,tula-service,true,2026-03-05\n"
    "R2,Q-2,C-1,repair_request,2026-03-09T10:00:00+03:00,,1,tula-service,true,2026-03-12\n"
    "R3,Q-3,C-1,repair_request,2026-03-16T10:00:00+03:00,,1,tula-service,false,\n"
    "R4,Q-4,C-1,repair_request,2026-03-23T10:00:00+03:00,,1,tula-service,false,\n"
    "R5,Q-5,C-1,repair_request,2026-03-30T10:00:00+03:00,,1,tula-service,true,2026-04-02\n"
    "S1,Q-6,C-1,support,2026-03-10T23:00:00+03:00,2026-03-10T23:25:00+03:00,,kaluga-it,true,\n"
    "Z1,Q-7,C-1,plumbing,2026-03-11T10:00:00+03:00,,1,tula-service,true,2026-03-12\n";

class PayoutsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto compiled = compile(source, "outsourcing.tariff");
    ASSERT_TRUE(compiled.tariff) << format(compiled.diagnostics);
    tariff.emplace(*compiled.tariff);
    contracts = read_contracts_csv(contracts_csv).rows;
    auto read = read_work_csv(work_csv);
    ASSERT_TRUE(read.errors.empty()) << format(read.errors.front());
    work = read.rows;
  }
  date_span march{*parse_date("2026-03-01"), *parse_date("2026-04-01")};
  std::optional<compiled_tariff> tariff;
  std::vector<contract> contracts;
  std::vector<work_line> work;
};

TEST_F(PayoutsTest, AcceptedWorkIsPayableTheRestPendingAtCostPrice) {
  const payout_result found = payouts(*tariff, contracts, work, march);
  const std::vector<payout>& p = found.payouts;
  const std::vector<priced_line>& rejected = found.rejected;
  ASSERT_EQ(p.size(), 2U);
  EXPECT_EQ(p[0].performer, "kaluga-it");
  // 25 minutes at a cost of 1000.00 an hour, measured (not billed: the client pays a started
  // hour) and without the night rule, which is the client's: 416.666… → 416.67.
  EXPECT_EQ(p[0].payable, decimal("416.67"));
  EXPECT_EQ(p[0].pending, decimal("0.00"));
  const payout& tula = p[1];
  EXPECT_EQ(tula.performer, "tula-service");
  EXPECT_EQ(tula.currency, "RUB");
  EXPECT_EQ(tula.payable, decimal("4200.00"));
  EXPECT_EQ(tula.pending, decimal("4200.00"));
  ASSERT_EQ(tula.lines.size(), 4U);  // R5 is April's
  EXPECT_EQ(tula.lines[0].id, "R1");
  EXPECT_TRUE(tula.lines[0].payable);
  EXPECT_EQ(tula.lines[0].rate, decimal("2100.00"));
  EXPECT_EQ(tula.lines[0].amount, decimal("2100.00"));
  EXPECT_EQ(format_date(*tula.lines[0].accepted_on), "2026-03-05");
  EXPECT_EQ(tula.lines[2].id, "R3");
  EXPECT_FALSE(tula.lines[2].payable);
  EXPECT_FALSE(tula.lines[2].accepted_on);
  ASSERT_EQ(rejected.size(), 1U);
  EXPECT_EQ(rejected[0].id, "Z1");
  EXPECT_EQ(rejected[0].rejected, reject_reason::unknown_item);
}

TEST_F(PayoutsTest, AcceptanceDecidesThePeriod) {
  const date_span april{*parse_date("2026-04-01"), *parse_date("2026-05-01")};
  const std::vector<payout> p = payouts(*tariff, contracts, work, april).payouts;
  ASSERT_EQ(p.size(), 1U);
  // R5, done in March and accepted on 2 April, is April's; R3 and R4 are still pending.
  EXPECT_EQ(p[0].payable, decimal("2100.00"));
  EXPECT_EQ(p[0].pending, decimal("4200.00"));
  ASSERT_EQ(p[0].lines.size(), 3U);
  EXPECT_EQ(p[0].lines[2].id, "R5");
}

TEST_F(PayoutsTest, RatesFromAContractorPriceList) {
  const std::vector<payout> p =
      payouts(*tariff, contracts, work, march, {.pricelist = "contractors"}).payouts;
  ASSERT_EQ(p.size(), 2U);
  EXPECT_EQ(p[0].payable, decimal("500.00"));  // 1500 s at 1200.00 an hour, exactly
  EXPECT_EQ(p[1].payable, decimal("4000.00"));
  EXPECT_EQ(p[1].pending, decimal("4000.00"));
  EXPECT_THROW((void)payouts(*tariff, contracts, work, march, {.pricelist = "nowhere"}),
               call_error);
}

TEST_F(PayoutsTest, WritesCsvAndText) {
  const std::vector<payout> p = payouts(*tariff, contracts, work, march).payouts;
  const std::string csv = write_payouts_csv(p);
  EXPECT_NE(csv.find("\ntula-service,R1,Q-1,C-1,repair_request,2026-03-02,2026-03-05,1,2100.00,"
                     "2100.00,payable\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\ntula-service,R3,Q-3,C-1,repair_request,2026-03-16,,1,2100.00,2100.00,"
                     "pending\n"),
            std::string::npos);
  const std::string text = write_payouts_text(p);
  EXPECT_NE(text.find("Payout to tula-service for 2026-03-01..2026-03-31"), std::string::npos);
  EXPECT_NE(text.find("pending acceptance"), std::string::npos);
}

// The JSON the C interface's tariff_payouts returns and `tariff payouts -f json` writes: one
// writer. R1 accepted in March, R3 waiting for acceptance, Z1 an item no price list has.
TEST_F(PayoutsTest, WritesJsonWithTheRejectedLines) {
  std::vector<work_line> some;
  for (const work_line& l : work)
    if (l.id == "R1" || l.id == "R3" || l.id == "Z1") some.push_back(l);
  const std::string json = write_payouts_json(payouts(*tariff, contracts, some, march), *tariff);
  EXPECT_EQ(json, R"({
  "payouts": [
    {
      "performer": "tula-service",
      "currency": "RUB",
      "period": {"first": "2026-03-01", "last": "2026-03-31"},
      "payable": "2100.00",
      "pending": "2100.00",
      "lines": [
        {
          "id": "R1",
          "request": "Q-1",
          "contract": "C-1",
          "item": "repair_request",
          "date": "2026-03-02",
          "accepted_on": "2026-03-05",
          "quantity": "1",
          "rate": "2100.00",
          "amount": "2100.00",
          "status": "payable"
        },
        {
          "id": "R3",
          "request": "Q-3",
          "contract": "C-1",
          "item": "repair_request",
          "date": "2026-03-16",
          "accepted_on": null,
          "quantity": "1",
          "rate": "2100.00",
          "amount": "2100.00",
          "status": "pending"
        }
      ]
    }
  ],
  "rejected": [
    {
      "id": "Z1",
      "request": "Q-7",
      "contract": "C-1",
      "item": "plumbing",
      "kind": "billable",
      "date": "2026-03-11",
      "status": "rejected",
      "reason": "unknown_item",
      "message": "line Z1: item 'plumbing' is in no price list of tariff 'Federal outsourcing'"
    }
  ]
}
)");
  EXPECT_EQ(write_payouts_json({}, *tariff), "{\n  \"payouts\": [],\n  \"rejected\": []\n}\n");
}

// The 0.1 form, deprecated in 0.2 and kept for one minor version: the same payouts, the rejected
// lines appended to what the host's vector already holds.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
TEST_F(PayoutsTest, TheDeprecatedOutPointerFormGivesTheSamePayouts) {
  std::vector<priced_line> rejected(1);
  const std::vector<payout> p = payouts(*tariff, contracts, work, march, {}, &rejected);
  const payout_result found = payouts(*tariff, contracts, work, march);
  EXPECT_EQ(p, found.payouts);
  ASSERT_EQ(rejected.size(), 2U);
  EXPECT_EQ(rejected[1].id, "Z1");
  EXPECT_EQ(payouts(*tariff, contracts, work, march, {}, nullptr), found.payouts);
}
#pragma GCC diagnostic pop

}  // namespace
}  // namespace tariff
