// The portfolio: statements summed by contract, client and item, per currency, worst first.
// Scenario 6 of docs/design.md: a client paying 100 000.00 a month whose support costs 150 000.00.
#include <gtest/gtest.h>
#include <tariff/io.hpp>
#include <tariff/portfolio.hpp>

namespace tariff {
namespace {

constexpr std::string_view support_tariff = R"(tariff "Support" currency CUR
rounding line 0.01 half_up
pricelist retail effective 2026-01-01 {
  item support_hour "Support" per hour price 1000.00 cost 1500.00
  item visit        "Visit"   per visit price 1800.00 cost 900.00
}
plan flat {
  pricelist retail
  fee 500.00 per month
}
)";

constexpr std::string_view contracts_csv =
    "id,client,plan,status,start,end\n"
    "C-FLAT,K-1,flat,registered,2026-01-01,2026-12-31\n"
    "C-2,K-2,flat,registered,2026-01-01,2026-12-31\n"
    "C-3,K-2,flat,registered,2026-01-01,2026-12-31\n";

// C-FLAT: 52 h + 48 h of support (100000.00 against 150000.00). C-2: two visits. C-3: nothing.
constexpr std::string_view work_csv =
    "id,contract,item,start,end,quantity\n"
    "F1,C-FLAT,support_hour,2026-03-02T00:00:00Z,2026-03-04T04:00:00Z,\n"
    "F2,C-FLAT,support_hour,2026-03-10T00:00:00Z,2026-03-12T00:00:00Z,\n"
    "V1,C-2,visit,2026-03-03T10:00:00Z,,1\n"
    "V2,C-2,visit,2026-03-04T10:00:00Z,,1\n";

std::vector<statement> march(std::string_view currency) {
  std::string source(support_tariff);
  source.replace(source.find("CUR"), 3, currency);
  const compile_result compiled = compile(source, "support.tariff");
  EXPECT_TRUE(compiled.tariff) << format(compiled.diagnostics);
  const auto contracts = read_contracts_csv(contracts_csv).rows;
  const auto work = read_work_csv(work_csv).rows;
  std::vector<statement> out;
  for (const contract& c : contracts) {
    std::vector<work_line> own;
    for (const work_line& w : work)
      if (w.contract == c.id) own.push_back(w);
    out.push_back(bill(*compiled.tariff, c,
                       statement_period(*compiled.tariff, c, *parse_date("2026-03-01")), {}, own));
  }
  return out;
}

TEST(Portfolio, LossMakingContractsComeFirst) {
  const portfolio p = summarize(march("RUB"));
  ASSERT_EQ(p.totals.size(), 1U);
  EXPECT_EQ(p.totals[0].currency, "RUB");
  EXPECT_EQ(p.totals[0].statements, 3U);
  EXPECT_EQ(p.totals[0].lines, 4U);
  EXPECT_EQ(p.totals[0].fees, decimal("1500.00"));
  EXPECT_EQ(p.totals[0].revenue, decimal("105100.00"));  // 1500 + 100000 + 3600
  EXPECT_EQ(p.totals[0].cost, decimal("151800.00"));
  EXPECT_EQ(p.totals[0].margin, decimal("-46700.00"));
  EXPECT_TRUE(p.totals[0].loss());

  ASSERT_EQ(p.by_contract.size(), 3U);
  EXPECT_EQ(p.by_contract[0].key, "C-FLAT");
  EXPECT_EQ(p.by_contract[0].revenue, decimal("100500.00"));
  EXPECT_EQ(p.by_contract[0].cost, decimal("150000.00"));
  EXPECT_EQ(p.by_contract[0].margin, decimal("-49500.00"));
  EXPECT_EQ(p.by_contract[0].margin_percent(), decimal("-49.25"));  // -49500 / 100500
  EXPECT_TRUE(p.by_contract[0].loss());
  EXPECT_EQ(p.by_contract[1].key, "C-3");  // the fee alone: 500.00, nothing spent
  EXPECT_EQ(p.by_contract[1].margin, decimal("500.00"));
  EXPECT_EQ(p.by_contract[2].key, "C-2");
  EXPECT_EQ(p.by_contract[2].margin, decimal("2300.00"));  // 500 + 3600 - 1800

  ASSERT_EQ(p.by_client.size(), 2U);
  EXPECT_EQ(p.by_client[1].key, "K-2");
  EXPECT_EQ(p.by_client[1].statements, 2U);
  EXPECT_EQ(p.by_client[1].revenue, decimal("4600.00"));

  ASSERT_EQ(p.by_item.size(), 2U);
  EXPECT_EQ(p.by_item[0].key, "support_hour");
  EXPECT_EQ(p.by_item[0].fees, decimal("0.00"));
  EXPECT_EQ(p.by_item[0].revenue, decimal("100000.00"));
  EXPECT_EQ(p.by_item[1].key, "visit");
  EXPECT_EQ(p.by_item[1].lines, 2U);
}

TEST(Portfolio, CurrenciesAreNeverAddedTogether) {
  std::vector<statement> both = march("RUB");
  for (statement& s : march("EUR"))
    both.push_back(std::move(s));
  const portfolio p = summarize(both);
  ASSERT_EQ(p.totals.size(), 2U);
  EXPECT_EQ(p.totals[0].currency, "EUR");
  EXPECT_EQ(p.totals[1].currency, "RUB");
  EXPECT_EQ(p.totals[0].revenue, decimal("105100.00"));
  EXPECT_EQ(p.totals[1].revenue, decimal("105100.00"));
  ASSERT_EQ(p.by_contract.size(), 6U);
  EXPECT_EQ(p.by_contract[0].currency, "EUR");
  EXPECT_EQ(p.by_contract[0].key, "C-FLAT");
  EXPECT_EQ(p.by_contract[3].currency, "RUB");
  EXPECT_EQ(p.by_contract[3].key, "C-FLAT");
}

TEST(Portfolio, WritesCsvAndText) {
  const portfolio p = summarize(march("RUB"));
  const std::string csv = write_portfolio_csv(p);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "group,key,currency,statements,lines,fees,revenue,cost,margin,margin_percent,loss");
  EXPECT_NE(
      csv.find("\ncontract,C-FLAT,RUB,1,2,500.00,100500.00,150000.00,-49500.00,-49.25,true\n"),
      std::string::npos)
      << csv;
  const std::string text = write_portfolio_text(p);
  EXPECT_NE(text.find("C-FLAT"), std::string::npos);
  EXPECT_NE(text.find("LOSS"), std::string::npos);
}

TEST(Portfolio, NothingToSum) {
  const portfolio p = summarize({});
  EXPECT_TRUE(p.totals.empty());
  EXPECT_TRUE(p.by_contract.empty());
  EXPECT_EQ(write_portfolio_csv(p),
            "group,key,currency,statements,lines,fees,revenue,cost,margin,margin_percent,loss\n");
}

}  // namespace
}  // namespace tariff
