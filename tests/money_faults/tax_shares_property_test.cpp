// Properties of a tax shared per statement over amounts of both signs (fixed seeds, so a failure
// reproduces): for every rate, the shares add up to the rate's tax, which is the tax of the signed
// sum of the amounts; no share has the opposite sign of its amount; each share is within one
// step of its amount's exact tax. Counters show that the generated statements really hold
// refunds, statements of both signs, and leftover steps of both signs.
#include <random>
#include <string>

#include <gtest/gtest.h>
#include <tariff/billing.hpp>
#include <tariff/decimal.hpp>

namespace tariff {
namespace {

std::string source(std::string_view basis, std::string_view step) {
  return std::string(R"(tariff "Mixed" currency RUB
rounding line 0.01 half_up
pricelist retail {
  item service "Service" per piece price 12.34
  item part    "Part"    per piece price 7.77
  item book    "Book"    per piece price 3.33
  item refund  "Refund"  per piece price 9.99 credit
  item return  "Return"  per piece price 2.71 credit
}
rule give_back for refund, return : price * -1
tax vat )") +
         std::string(basis) + " per statement round " + std::string(step) + R"( half_up {
  rate standard 20%
  rate reduced 10% for book, return
}
plan basic {
  pricelist retail
  fee 0.07 per month
}
)";
}

struct counters {
  int statements = 0;
  int negative_lines = 0;
  int mixed_rates = 0;        // a rate with amounts of both signs in one statement
  int negative_rate_tax = 0;  // a rate whose summed amounts are below zero
  int raised = 0;             // shares moved a step up from toward-zero
  int lowered = 0;            // shares moved a step down from toward-zero
};

// The amount's exact tax in steps: amount × p / (d × step), as a fraction of two decimals.
decimal exact_steps(const decimal& amount, const decimal& percent, bool included,
                    const decimal& step, int scale) {
  const decimal d = (included ? decimal(100) + percent : decimal(100)) * step;
  return divide(amount * percent, d, scale, rounding_mode::down);
}

void check_statement(const statement& s, bool included, const decimal& step, counters& c) {
  ++c.statements;
  struct amount {
    decimal value, tax, percent;
  };
  std::vector<amount> all;
  for (const fee_line& f : s.fees)
    all.push_back({f.amount, f.tax, decimal(20)});
  for (const auto* lines : {&s.adjustments, &s.lines})
    for (const priced_line& l : *lines) {
      all.push_back({l.amount, l.tax, decimal(l.item == "book" || l.item == "return" ? 10 : 20)});
      if (l.amount.sign() < 0) ++c.negative_lines;
    }
  decimal total_tax;
  for (const tax_line& rate : s.taxes) {
    decimal shares;
    decimal gross;
    bool positive = false;
    bool negative = false;
    for (const amount& a : all) {
      if (a.percent != rate.percent) continue;
      shares += a.tax;
      gross += a.value;
      positive |= a.value.sign() > 0;
      negative |= a.value.sign() < 0;
      // The share keeps the amount's sign (or is 0) and is within a step of the exact tax.
      EXPECT_TRUE(a.tax.sign() == 0 || a.tax.sign() == a.value.sign())
          << a.value << " has share " << a.tax;
      const decimal toward_zero =
          exact_steps(a.value, a.percent, included, step, 0) * step;  // truncated
      const decimal moved = a.tax - toward_zero;
      EXPECT_TRUE(moved.is_zero() || abs(moved) == step) << a.value << " " << a.tax;
      if (moved.sign() > 0) ++c.raised;
      if (moved.sign() < 0) ++c.lowered;
    }
    EXPECT_EQ(shares, rate.amount) << "rate " << rate.rate;
    // The rate's tax is the signed sum's tax, rounded once.
    const decimal d = (included ? decimal(100) + rate.percent : decimal(100)) * step;
    EXPECT_EQ(rate.amount, divide(gross * rate.percent, d, 0, rounding_mode::half_up) * step);
    if (positive && negative) ++c.mixed_rates;
    if (gross.sign() < 0) ++c.negative_rate_tax;
    total_tax += rate.amount;
  }
  EXPECT_EQ(total_tax, s.tax);
}

std::vector<work_line> random_work(std::mt19937_64& random) {
  const char* items[] = {"service", "part", "book", "refund", "return"};
  const instant march = *parse_instant("2026-03-01T00:00:00+03:00");
  std::vector<work_line> out;
  const int lines = 1 + static_cast<int>(random() % 12);
  for (int i = 0; i < lines; ++i) {
    work_line w;
    w.id = "L" + std::to_string(i);
    w.contract = "C-1";
    w.item = items[random() % 5];
    // Some on the last day of February in UTC, the tariff's zone: late work, adjustments.
    w.start = march + std::chrono::minutes(static_cast<long>(random() % (30 * 24 * 60)));
    // Quantities with up to two decimals: amounts that leave remainders after the tax.
    w.quantity = decimal::from_units(static_cast<std::int64_t>(1 + random() % 2000), 2);
    out.push_back(std::move(w));
  }
  return out;
}

TEST(TaxSharesProperty, SharesAddUpAndKeepTheirSigns) {
  contract deal;
  deal.id = "C-1";
  deal.client = "K-1";
  deal.plan = "basic";
  deal.start = *parse_date("2026-01-01");
  deal.end = *parse_date("2026-12-31");
  const date_span march{*parse_date("2026-03-01"), *parse_date("2026-04-01")};
  counters c;
  for (const bool included : {false, true})
    for (const std::string_view step : {"0.01", "0.05"}) {
      const compile_result r = compile(source(included ? "included" : "excluded", step), "t");
      ASSERT_TRUE(r.tariff) << format(r.diagnostics);
      const decimal step_value(step);
      std::mt19937_64 random(included * 2 + (step == "0.05") + 20261206);
      for (int n = 0; n < 500; ++n) {
        const std::vector<work_line> work = random_work(random);
        const statement s = bill(*r.tariff, deal, march, {}, work);
        ASSERT_EQ(s.rejected.size(), 0U);
        check_statement(s, included, step_value, c);
      }
    }
  // The cases exist: refunds, rates with both signs, negative taxes, steps moved both ways.
  EXPECT_EQ(c.statements, 2000);
  EXPECT_GT(c.negative_lines, 3000);
  EXPECT_GT(c.mixed_rates, 1000);
  EXPECT_GT(c.negative_rate_tax, 300);
  EXPECT_GT(c.raised, 1000);
  EXPECT_GT(c.lowered, 500);
  std::printf(
      "statements %d, negative lines %d, rates of both signs %d, negative rate taxes %d, "
      "shares raised %d, lowered %d\n",
      c.statements, c.negative_lines, c.mixed_rates, c.negative_rate_tax, c.raised, c.lowered);
}

TEST(AllocateWholeProperty, PartsAddUpKeepSignsAndStayWithinAUnit) {
  std::mt19937_64 random(7);
  int negative_totals = 0;
  for (int n = 0; n < 20000; ++n) {
    std::vector<decimal> numerators;
    decimal sum;
    const std::size_t parts = 1 + random() % 8;
    for (std::size_t i = 0; i < parts; ++i) {
      numerators.push_back(
          decimal::from_units(static_cast<std::int64_t>(random() % 200001) - 100000, 3));
      sum += numerators.back();
    }
    const decimal denominator =
        decimal::from_units(1 + static_cast<std::int64_t>(random() % 997), 1);
    const auto mode = static_cast<rounding_mode>(random() % 7);
    const decimal total = divide(sum, denominator, 0, mode);
    if (total.sign() < 0) ++negative_totals;
    const std::vector<decimal> whole = allocate_whole(total, numerators, denominator);
    decimal added;
    for (std::size_t i = 0; i < parts; ++i) {
      added += whole[i];
      const decimal exact_toward_zero = divide(numerators[i], denominator, 0, rounding_mode::down);
      EXPECT_TRUE(whole[i].sign() == 0 || whole[i].sign() == numerators[i].sign());
      EXPECT_LE(abs(whole[i] - exact_toward_zero), decimal(1));
    }
    EXPECT_EQ(added, total);
  }
  EXPECT_GT(negative_totals, 5000);
  // A total out of reach is refused, not spread.
  const std::vector<decimal> one{decimal(5)};
  EXPECT_THROW((void)allocate_whole(decimal(7), one, decimal(1)), decimal_error);
  EXPECT_THROW((void)allocate_whole(decimal::from_units(15, 1), one, decimal(1)), decimal_error);
}

}  // namespace
}  // namespace tariff
