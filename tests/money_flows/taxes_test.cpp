// Taxes on statements: prices that include the tax, per line and per statement, exemption, and
// the statement's rounding. examples/07-taxes has prices that exclude it.
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>
#include <tariff/billing.hpp>
#include <tariff/io.hpp>
#include <tariff/statement_io.hpp>

namespace tariff {
namespace {

std::string tariff_with(std::string_view tax, std::string_view extra = "") {
  return std::string(R"(tariff "VAT" currency RUB
rounding line 0.01 half_up
)") + std::string(extra) +
         R"(attribute client.exempt : bool
pricelist retail {
  item visit "Visit" per visit price 1200.00 cost 500.00
  item book  "Book"  per piece price 110.00 cost 60.00
}
)" + std::string(tax) +
         R"(
plan basic {
  pricelist retail
}
)";
}

compiled_tariff compiled(const std::string& source) {
  compile_result r = compile(source, "vat.tariff");
  if (!r.tariff) throw std::runtime_error(format(r.diagnostics));
  return *r.tariff;
}

contract deal(std::string_view exempt) {
  contract c;
  c.id = "C-1";
  c.client = "K-1";
  c.plan = "basic";
  c.start = *parse_date("2026-01-01");
  c.end = *parse_date("2026-12-31");
  if (!exempt.empty()) c.client_attributes["exempt"] = std::string(exempt);
  return c;
}

std::vector<work_line> work(std::string_view rows) {
  auto read = read_work_csv("id,request,contract,item,start,quantity\n" + std::string(rows));
  if (!read.errors.empty()) throw std::runtime_error(format(read.errors.front()));
  return read.rows;
}

const date_span march{*parse_date("2026-03-01"), *parse_date("2026-04-01")};

TEST(Taxes, IncludedInPricesPerLine) {
  // 1200.00 includes 1200.00 × 20 / 120 = 200.00; a book at 110.00 includes 10.00 at 10 %.
  const compiled_tariff t = compiled(tariff_with(R"(tax vat included per line round 0.01 half_up {
  rate standard 20%
  rate reduced 10% for book
})"));
  const auto lines = work(
      "V1,R,C-1,visit,2026-03-02T10:00:00+03:00,1\n"
      "B1,R,C-1,book,2026-03-02T10:00:00+03:00,3\n");
  const statement s = bill(t, deal("false"), march, {}, lines);
  ASSERT_EQ(s.lines.size(), 2U);  // in work order: same start, so by id, B1 first
  EXPECT_EQ(s.lines[1].tax.to_string(), "200.00");
  EXPECT_EQ(s.lines[1].margin.to_string(), "500.00");  // 1200.00 − 200.00 − 500.00
  EXPECT_EQ(s.lines[0].tax.to_string(), "30.00");      // 330.00 × 10 / 110
  ASSERT_EQ(s.taxes.size(), 2U);
  EXPECT_EQ(s.taxes[0].base.to_string(), "1000.00");
  EXPECT_EQ(s.taxes[1].base.to_string(), "300.00");
  EXPECT_EQ(s.tax.to_string(), "230.00");
  EXPECT_EQ(s.total.to_string(), "1530.00");    // what the client pays: the prices
  EXPECT_EQ(s.revenue.to_string(), "1300.00");  // without the tax
  EXPECT_EQ(s.margin.to_string(), "620.00");    // 1300.00 − 680.00
  // Request by request each line carries the same tax: it is computed per line.
  billing_state state;
  const auto one_by_one = price_with_state(t, deal("false"), state, lines);
  EXPECT_EQ(one_by_one[0].tax.to_string(), "200.00");
  EXPECT_EQ(one_by_one[1].tax.to_string(), "30.00");
}

TEST(Taxes, PerLineRoundsEachLineAndPerStatementRoundsOnce) {
  const auto lines = work(
      "V1,R,C-1,book,2026-03-02T10:00:00+03:00,0.0025\n"
      "V2,R,C-1,book,2026-03-03T10:00:00+03:00,0.0025\n"
      "V3,R,C-1,book,2026-03-04T10:00:00+03:00,0.0025\n");
  const compiled_tariff per_line =
      compiled(tariff_with(R"(tax vat excluded per line round 0.01 half_up {
  rate standard 10%
})"));
  const compiled_tariff per_statement =
      compiled(tariff_with(R"(tax vat excluded per statement round 0.01 half_up {
  rate standard 10%
})"));
  // 110.00 × 0.0025 = 0.275 → 0.28 a line; 10 % of it is 0.028 → 0.03 a line, 0.09 in all. On
  // the total 0.84 it is 0.084 → 0.08, shared 0.03 + 0.03 + 0.02.
  const statement a = bill(per_line, deal("false"), march, {}, lines);
  const statement b = bill(per_statement, deal("false"), march, {}, lines);
  EXPECT_EQ(a.work_total.to_string(), "0.84");
  EXPECT_EQ(a.tax.to_string(), "0.09");
  EXPECT_EQ(b.tax.to_string(), "0.08");
  std::string shares;
  for (const priced_line& l : b.lines)
    shares += l.tax.to_string() + " ";
  EXPECT_EQ(shares, "0.03 0.03 0.02 ");
  EXPECT_EQ(b.total.to_string(), "0.92");
}

TEST(Taxes, ExemptClientsPayNoTaxAndAnUndecidableExemptionIsAnError) {
  const compiled_tariff t = compiled(tariff_with(R"(tax vat excluded per line round 0.01 half_up {
  rate standard 20%
  exempt when client.exempt
})"));
  const auto lines = work("V1,R,C-1,visit,2026-03-02T10:00:00+03:00,1\n");
  const statement s = bill(t, deal("true"), march, {}, lines);
  EXPECT_TRUE(s.tax_exempt);
  EXPECT_TRUE(s.taxes.empty());
  EXPECT_EQ(s.tax.to_string(), "0.00");
  EXPECT_EQ(s.total.to_string(), "1200.00");
  EXPECT_EQ(s.lines[0].tax.to_string(), "0.00");
  // client.exempt has no default: a contract that does not say cannot be billed with this tax.
  // The contract's data is at fault, not the call: a billing_input_error (TARIFF_INVALID_INPUT).
  try {
    (void)bill(t, deal(""), march, {}, lines);
    FAIL() << "expected an error";
  } catch (const billing_input_error& e) {
    EXPECT_NE(std::string(e.what()).find("contract 'C-1': cannot tell whether tax 'vat' is exempt"),
              std::string::npos)
        << e.what();
  }
}

TEST(Taxes, StatementRoundingRoundsWhatTheClientPays) {
  // Cash rounding to 1.00: 1200.00 + 20 % = 1440.00; with a book, 1440.00 + 132.00 = 1572.00;
  // 3 books are 330.00 + 66.00 = 396.00: all whole. A book of 0.5 (55.00 + 11.00 = 66.00) too;
  // 0.3 of a book (33.00 + 6.60 = 39.60) rounds the total 39.60 to 40.00 (half_up).
  const compiled_tariff t = compiled(tariff_with(R"(tax vat excluded per line round 0.01 half_up {
  rate standard 20%
})",
                                                 "rounding statement 1 half_up\n"));
  const statement s =
      bill(t, deal("false"), march, {}, work("B1,R,C-1,book,2026-03-02T10:00:00+03:00,0.3\n"));
  EXPECT_EQ(s.tax.to_string(), "6.60");
  EXPECT_EQ(s.total.to_string(), "40");
  EXPECT_EQ(s.revenue.to_string(), "33.40");  // the rounding is the seller's
}

TEST(Taxes, StatementJsonHasTheTaxFieldsOnlyWhenTheTariffHasATax) {
  const auto lines = work("V1,R,C-1,visit,2026-03-02T10:00:00+03:00,1\n");
  const compiled_tariff taxed =
      compiled(tariff_with(R"(tax vat excluded per line round 0.01 half_up {
  rate standard 20%
})"));
  const compiled_tariff plain = compiled(tariff_with(""));
  const std::string with =
      write_statement_json(bill(taxed, deal("false"), march, {}, lines), taxed);
  const std::string without =
      write_statement_json(bill(plain, deal("false"), march, {}, lines), plain);
  for (const char* key : {"\"tax_exempt\": false", "\"tax\": \"240.00\"", "\"total\": \"1440.00\"",
                          "\"rate\": \"standard\""})
    EXPECT_NE(with.find(key), std::string::npos) << key << "\n" << with;
  EXPECT_EQ(without.find("\"tax"), std::string::npos) << without;
  EXPECT_EQ(without.find("\"total\""), std::string::npos) << without;
}

}  // namespace
}  // namespace tariff
