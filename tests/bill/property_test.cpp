// Properties of billing over random work (fixed seeds, so a failure reproduces):
//  - billing a period at once equals pricing request by request with the state (design decision 9);
//  - allowances never include more than they hold, and what they include plus what is billed is
//    the billed quantity of every line;
//  - splitting a line into included and billed parts keeps its measured time and its cost.
#include <algorithm>
#include <random>
#include <set>

#include <gtest/gtest.h>
#include <tariff/billing.hpp>

namespace tariff {
namespace {

constexpr std::string_view tariff_source = R"(tariff "Mixed" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Berlin
  window night 22:00 .. 06:00
  days weekend sat, sun
}
pricelist retail {
  item visit   "Visit"   per visit price 1800.00 cost 900.00
  item repair  "Repair"  per hour  price 2500.00 cost 1400.00 bill started 15min minimum 30min
  item support "Support" per hour  price 3000.00 cost 1500.00
    tiers graduated { 0..10: 3000.00, 10..40: 2700.00, 40..: 2400.00 }
  item part    "Part"    per piece price 450.00 cost 300.00
}
group surcharges stack multiply {
  rule night   for repair, support when in night   : 2
  rule weekend for repair, visit   when on weekend : 1.5
}
plan monthly {
  pricelist retail
  fee 20000.00 per month
  includes 5 visit per month alert 80%
  includes 6h (repair, support) per quarter overage 2000.00 alert 50%, 100%
  order cheapest
}
)";

std::vector<work_line> random_work(std::uint64_t seed, int lines) {
  std::mt19937_64 random(seed);
  const instant march = *parse_instant("2026-03-01T00:00:00+01:00");
  const char* items[] = {"visit", "repair", "support", "part"};
  const work_kind kinds[] = {work_kind::billable, work_kind::billable, work_kind::billable,
                             work_kind::warranty};
  std::vector<work_line> out;
  for (int i = 0; i < lines; ++i) {
    work_line w;
    // Random ids, unique within the input (a statement refuses a changed repeat of an id), so
    // equal starts are ordered by an id unrelated to the input order.
    w.id = "L" + std::to_string(1000 + random() % 9000) + "-" + std::to_string(i);
    w.contract = "C-1";
    w.item = items[random() % 4];
    w.kind = kinds[random() % 4];
    // Mostly March, some February (late work), a few at the same instant.
    w.start =
        march + std::chrono::minutes(static_cast<long>(random() % (35 * 24 * 60)) - 4 * 24 * 60);
    if (w.item == "repair" || w.item == "support")
      w.end = w.start + std::chrono::minutes(5 + static_cast<long>(random() % 600));
    else
      w.quantity = decimal(static_cast<long>(1 + random() % 3));
    out.push_back(std::move(w));
  }
  return out;
}

TEST(BillingProperties, AtOnceEqualsRequestByRequestAndAllowancesHold) {
  const compile_result compiled = compile(tariff_source, "mixed.tariff");
  ASSERT_TRUE(compiled.tariff) << format(compiled.diagnostics);
  const compiled_tariff& t = *compiled.tariff;
  contract deal;
  deal.id = "C-1";
  deal.client = "K";
  deal.plan = "monthly";
  deal.start = *parse_date("2026-01-01");
  deal.end = *parse_date("2026-12-31");
  const date_span march{*parse_date("2026-03-01"), *parse_date("2026-04-01")};
  int included = 0, overage = 0, tiered = 0, adjustments = 0;  // the cases the seeds reach
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const std::vector<work_line> work = random_work(seed, 60);
    const statement s = bill(t, deal, march, {}, work);
    ASSERT_EQ(s.lines.size() + s.adjustments.size() + s.rejected.size(), work.size());

    // Request by request, in the statement's work order (lines of one instant and id together).
    std::vector<const priced_line*> in_order;
    for (const auto* list : {&s.adjustments, &s.lines})
      for (const priced_line& l : *list)
        in_order.push_back(&l);
    std::vector<work_line> sorted = work;
    std::stable_sort(sorted.begin(), sorted.end(), [](const work_line& a, const work_line& b) {
      return a.start != b.start ? a.start < b.start : a.id < b.id;
    });
    billing_state state;
    std::vector<priced_line> one_by_one;
    for (const work_line& w : sorted) {
      const auto d = local_date_of(w.start, t.time_zone());
      if (d >= march.end) continue;  // not this statement's
      one_by_one.push_back(price_with_state(t, deal, state, std::span(&w, 1)).at(0));
    }
    // Compare as multisets of (id, amount, cost, parts): order within equal keys may differ.
    auto key = [](const priced_line& l) {
      std::string k = l.id + "|" + l.amount.to_string() + "|" + l.cost.to_string();
      for (const priced_part& p : l.parts)
        k += "|" + p.billed.to_string() + ":" + p.allowance + ":" + p.amount.to_string();
      return k;
    };
    std::multiset<std::string> a, b;
    for (const priced_line* l : in_order)
      a.insert(key(*l));
    for (const priced_line& l : one_by_one)
      if (l.ok()) b.insert(key(l));
    EXPECT_EQ(a, b);
    EXPECT_EQ(state.allowances, s.closing.allowances);  // the use; the ledger is bill()'s
    EXPECT_EQ(state.volumes, s.closing.volumes);

    // Allowances hold: used never exceeds what they include, in any period.
    for (const billing_state::allowance_use& u : s.closing.allowances) {
      const decimal limit = u.allowance == "visit/month" ? decimal(5) : decimal(6 * 3600);
      EXPECT_LE(u.used, limit) << u.allowance;
    }
    // Every line's parts add up to its measured and billed quantities; included parts are free.
    adjustments += static_cast<int>(s.adjustments.size());
    for (const priced_line* l : in_order) {
      decimal measured, billed;
      for (const priced_part& p : l->parts) {
        included += p.allowance.empty() ? 0 : 1;
        for (const trace_step& step : p.trace) {
          overage += step.kind == trace_kind::overage ? 1 : 0;
          tiered += step.kind == trace_kind::tier ? 1 : 0;
        }
        measured += p.measured.value;
        billed += p.billed.value;
        if (!p.allowance.empty()) {
          EXPECT_TRUE(p.amount.is_zero());
        }
      }
      EXPECT_EQ(measured, l->measured.value) << l->id;
      EXPECT_EQ(billed, l->billed.value) << l->id;
    }
  }
  EXPECT_GT(included, 100);
  EXPECT_GT(overage, 100);
  EXPECT_GT(tiered, 20);  // fewer: beyond the allowance the overage price replaces the tier price
  EXPECT_GT(adjustments, 20);
}

}  // namespace
}  // namespace tariff
