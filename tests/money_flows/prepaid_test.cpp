// Prepaid balances beyond examples/07-prepaid-balance: which payments count, the tax drawn with
// the amounts, and the balance carried through the state.
#include <stdexcept>

#include <gtest/gtest.h>
#include <tariff/billing.hpp>
#include <tariff/io.hpp>
#include <tariff/statement_io.hpp>

namespace tariff {
namespace {

constexpr std::string_view source = R"(tariff "Prepaid" currency RUB
rounding line 0.01 half_up
pricelist retail {
  item visit "Visit" per visit price 1000.00 cost 400.00
}
tax vat excluded per line round 0.01 half_up {
  rate standard 20%
}
plan prepaid {
  pricelist retail
  fee 500.00 per month
  prepaid alert 1000.00
}
plan postpaid {
  pricelist retail
}
)";

class Prepaid : public ::testing::Test {
 protected:
  void SetUp() override {
    compile_result r = compile(source, "prepaid.tariff");
    ASSERT_TRUE(r.tariff) << format(r.diagnostics);
    tariff.emplace(*r.tariff);
    deal.id = "C-1";
    deal.client = "K-1";
    deal.plan = "prepaid";
    deal.start = *parse_date("2026-01-01");
    deal.end = *parse_date("2026-12-31");
    auto read = read_work_csv(
        "id,request,contract,item,start,quantity\n"
        "V1,R,C-1,visit,2026-03-05T10:00:00+03:00,1\n"
        "V2,R,C-1,visit,2026-03-20T10:00:00+03:00,1\n");
    ASSERT_TRUE(read.errors.empty());
    work = read.rows;
  }
  payment paid(std::string id, std::string contract, std::string_view day, std::string amount) {
    return {std::move(id),   std::move(contract),   *parse_date(day),
            decimal(amount), payment_kind::payment, {}};
  }
  std::optional<compiled_tariff> tariff;
  contract deal;
  std::vector<work_line> work;
  date_span march{*parse_date("2026-03-01"), *parse_date("2026-04-01")};
};

TEST_F(Prepaid, DrawsAmountsWithTheirTaxAndCountsOnlyThisContractsPaymentsUpToThePeriodsEnd) {
  billing_state opening;
  opening.balance = decimal("100.00");
  // P-0 was received before March but not credited yet: it counts from 1 March. P-2 is another
  // contract's; P-3 comes after March and waits for April's statement.
  const std::vector<payment> payments{
      paid("P-0", "C-1", "2026-02-27", "1000.00"), paid("P-1", "C-1", "2026-03-10", "1500.00"),
      paid("P-2", "C-9", "2026-03-10", "9999.00"), paid("P-3", "C-1", "2026-04-01", "5000.00")};
  const statement s = bill(*tariff, deal, march, opening, work, payments);
  ASSERT_TRUE(s.prepaid);
  // Fee 500.00 + 100.00 tax = 600.00 from 1100.00 → 500.00 (at or below 1000.00: alert);
  // V1 1200.00 takes 500.00, 700.00 owed (exhausted); P-1 on 10 March brings 1500.00;
  // V2 1200.00 → 300.00.
  EXPECT_EQ(s.prepaid->opening.to_string(), "100.00");
  ASSERT_EQ(s.prepaid->payments.size(), 2U);
  EXPECT_EQ(s.prepaid->payments[0].id, "P-0");
  EXPECT_EQ(s.prepaid->payments[1].id, "P-1");
  EXPECT_EQ(s.prepaid->received.to_string(), "2500.00");
  EXPECT_EQ(s.prepaid->drawn.to_string(), "2300.00");
  EXPECT_EQ(s.prepaid->owed.to_string(), "700.00");
  EXPECT_EQ(s.prepaid->closing.to_string(), "300.00");
  EXPECT_EQ(s.closing.balance.to_string(), "300.00");
  EXPECT_EQ(s.total.to_string(), "3000.00");  // drawn + owed
  ASSERT_EQ(s.alerts.size(), 3U);
  EXPECT_EQ(s.alerts[0].kind, alert_kind::balance_low);
  EXPECT_EQ(s.alerts[0].line, "fee 500.00 per month");
  EXPECT_EQ(s.alerts[1].kind, alert_kind::balance_exhausted);
  EXPECT_EQ(s.alerts[1].line, "V1");
  EXPECT_EQ(s.alerts[1].message, "prepaid balance exhausted with line V1: 700.00 of it is owed");
  // V2 takes the balance from 1500.00 to 300.00: below the threshold again.
  EXPECT_EQ(s.alerts[2].kind, alert_kind::balance_low);
  EXPECT_EQ(s.alerts[2].line, "V2");
}

TEST_F(Prepaid, ThePlanWithoutPrepaidCarriesTheBalanceUntouched) {
  deal.plan = "postpaid";
  billing_state opening;
  opening.balance = decimal("100.00");
  // A payment has no balance to go to: refused, never dropped in silence.
  const std::vector<payment> payments{paid("P-1", "C-1", "2026-03-10", "1500.00")};
  try {
    (void)bill(*tariff, deal, march, opening, work, payments);
    ADD_FAILURE() << "a payment to a plan without a prepaid balance was taken";
  } catch (const billing_input_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "contract 'C-1': payment 'P-1' of 2026-03-10 (1500.00) tops up a prepaid balance, "
              "but plan 'postpaid' has none ('prepaid'): it cannot be credited");
  }
  const statement s = bill(*tariff, deal, march, opening, work);
  EXPECT_FALSE(s.prepaid);
  EXPECT_EQ(s.closing.balance.to_string(), "100.00");
  // Request by request the balance stays as it was: statements draw it.
  billing_state state = opening;
  (void)price_with_state(*tariff, deal, state, work);
  EXPECT_EQ(state.balance.to_string(), "100.00");
}

TEST_F(Prepaid, TheBalanceIsInTheStateJson) {
  billing_state state;
  state.balance = decimal("17500.00");
  const std::string json = write_state_json(state);
  EXPECT_NE(json.find("\"balance\": \"17500.00\""), std::string::npos) << json;
  const auto back = read_state_json(json);
  ASSERT_TRUE(back.errors.empty());
  EXPECT_EQ(back.rows.at(0).balance.to_string(), "17500.00");
  // A state without a balance writes none, as before balances existed.
  EXPECT_EQ(write_state_json({}).find("balance"), std::string::npos);
  const auto bad = read_state_json(R"({"allowances": [], "balance": true})");
  ASSERT_EQ(bad.errors.size(), 1U);
  EXPECT_EQ(format(bad.errors[0]),
            "row 0, column 'balance': expected a decimal number, not a boolean");
}

}  // namespace
}  // namespace tariff
