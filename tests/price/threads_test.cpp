// One compiled tariff priced from several threads at once gives what one thread gives.
#include <thread>

#include <gtest/gtest.h>
#include <tariff/pricing.hpp>

namespace tariff {
namespace {

TEST(PriceThreads, SharedTariffGivesTheSameResults) {
  const compile_result compiled = compile(R"(tariff "Shared" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
  window night 22:00 .. 06:00
}
attribute site.region : string default "moscow"
table region_factor by site.region { "moscow": 1.00, "tula": 1.25, else: 1.10 }
pricelist retail {
  item hvac "HVAC" per hour price 2500.00 cost 1400.00 bill started 15min
}
rule night when in night : price * 2
rule region : price * region_factor
)",
                                          "shared.tariff");
  ASSERT_TRUE(compiled.tariff);
  contract deal;
  deal.id = "C";
  deal.pricelist = "retail";
  deal.start = *parse_date("2026-01-01");
  deal.end = *parse_date("2026-12-31");
  std::vector<work_line> lines;
  const instant first = *parse_instant("2026-03-01T00:00:00Z");
  const char* regions[] = {"moscow", "tula", "omsk"};
  for (int i = 0; i < 600; ++i) {
    work_line w;
    w.id = std::to_string(i);
    w.contract = "C";
    w.item = "hvac";
    w.start = first + std::chrono::minutes(37 * i);
    w.end = w.start + std::chrono::minutes(10 + i % 300);
    w.site_attributes["region"] = regions[i % 3];
    lines.push_back(std::move(w));
  }
  const std::vector<priced_line> expected = price(*compiled.tariff, deal, lines);
  std::vector<std::vector<priced_line>> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results)
    threads.emplace_back([&, copy = *compiled.tariff] { r = price(copy, deal, lines); });
  for (auto& t : threads)
    t.join();
  for (const auto& r : results)
    EXPECT_EQ(r, expected);
  EXPECT_TRUE(expected.front().ok());
}

TEST(PriceDeterminism, ALinesPriceDoesNotDependOnTheOtherLines) {
  // Each line is priced on its own: reversed input gives the same result for every line.
  const compile_result compiled = compile(R"(tariff "Shared" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
  window night 22:00 .. 06:00
}
pricelist retail {
  item hvac "HVAC" per hour price 2500.00 cost 1400.00 bill started 15min minimum 1h
}
rule night when in night : price * 2
)",
                                          "shared.tariff");
  ASSERT_TRUE(compiled.tariff);
  contract deal;
  deal.id = "C";
  deal.pricelist = "retail";
  deal.start = *parse_date("2026-01-01");
  deal.end = *parse_date("2026-12-31");
  std::vector<work_line> lines;
  const instant first = *parse_instant("2026-03-01T00:00:00Z");
  for (int i = 0; i < 200; ++i) {
    work_line w;
    w.id = std::to_string(i);
    w.contract = "C";
    w.item = "hvac";
    w.start = first + std::chrono::minutes(53 * i);
    w.end = w.start + std::chrono::minutes(7 + (i * 37) % 400);
    lines.push_back(std::move(w));
  }
  const std::vector<priced_line> forward = price(*compiled.tariff, deal, lines);
  std::vector<work_line> reversed(lines.rbegin(), lines.rend());
  const std::vector<priced_line> backward = price(*compiled.tariff, deal, reversed);
  ASSERT_EQ(forward.size(), backward.size());
  for (std::size_t i = 0; i < forward.size(); ++i) {
    EXPECT_EQ(forward[i], backward[forward.size() - 1 - i]);
    EXPECT_EQ(forward[i].amount.to_string(), backward[forward.size() - 1 - i].amount.to_string());
  }
}

}  // namespace
}  // namespace tariff
