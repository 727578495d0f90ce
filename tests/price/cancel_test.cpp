// Stopping a long call (include/tariff/cancel.hpp): compile, price, price_into, bill,
// price_with_state and estimate throw tariff::cancelled when their stop_condition holds, say why
// and how far they got, and leave nothing partial. No timing here: the latency is a benchmark
// (benchmarks/cancel_latency.cpp, docs/performance.md).
#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/billing.hpp>
#include <tariff/cancel.hpp>
#include <tariff/pricing.hpp>
#include <tariff/statement_io.hpp>

namespace tariff {
namespace {

constexpr std::string_view service_tariff = R"(tariff "Service" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
  window night 22:00 .. 06:00
}
pricelist retail {
  item engineer_visit "Engineer visit" per visit price 1800.00 cost 900.00
  item hvac_repair    "HVAC repair"    per hour  price 2500.00 cost 1400.00
}
rule night for hvac_repair when in night : price * 2
plan pos_service {
  pricelist retail
  fee 45000.00 per month
  includes 3 engineer_visit per month
  includes 10h hvac_repair per month
}
)";

compiled_tariff compile_ok(std::string_view source) {
  compile_result r = compile(source, "plan.tariff");
  EXPECT_TRUE(r.tariff.has_value()) << format(r.diagnostics);
  if (!r.tariff) throw std::runtime_error("does not compile");
  return *r.tariff;
}

contract deal() {
  contract c;
  c.id = "C-1";
  c.client = "K-1";
  c.plan = "pos_service";
  c.start = *parse_date("2026-01-01");
  c.end = *parse_date("2026-12-31");
  return c;
}

// `n` lines of March 2026, visits and HVAC hours by turns, some at night.
std::vector<work_line> march_work(std::size_t n) {
  std::vector<work_line> out;
  for (std::size_t i = 0; i < n; ++i) {
    work_line w;
    w.id = "L-" + std::to_string(i);
    w.contract = "C-1";
    const auto day = static_cast<int>(1 + i % 28);
    const instant at = *parse_instant("2026-03-01T20:00:00+03:00") + date::days{day - 1};
    w.start = at;
    if (i % 2 == 0) {
      w.item = "engineer_visit";
      w.quantity = decimal(1);
    } else {
      w.item = "hvac_repair";
      w.end = at + std::chrono::minutes(90 + static_cast<int>(i % 5) * 30);  // into the night
    }
    out.push_back(std::move(w));
  }
  return out;
}

const date_span march{*parse_date("2026-03-01"), *parse_date("2026-04-01")};

// A condition whose callback says stop at its `trip`-th call (1-based), counting its calls.
struct tripwire {
  int trip;
  int calls = 0;
  stop_condition condition() {
    stop_condition c;
    c.callback = [this] { return ++calls >= trip; };
    return c;
  }
};

TEST(Cancel, AnUnsetConditionPricesAsWithoutOne) {
  const compiled_tariff t = compile_ok(service_tariff);
  const std::vector<work_line> work = march_work(300);
  std::atomic<bool> never{false};
  price_options watched;
  watched.stop.flag = &never;
  watched.stop.deadline = std::chrono::steady_clock::now() + std::chrono::hours(1);
  EXPECT_EQ(price(t, deal(), work, watched), price(t, deal(), work));
}

TEST(Cancel, AFlagSetBeforeTheCallPricesNothing) {
  const compiled_tariff t = compile_ok(service_tariff);
  const std::vector<work_line> work = march_work(1000);
  std::atomic<bool> stop{true};
  price_options options;
  options.stop.flag = &stop;
  const std::vector<priced_line> before = price(t, deal(), march_work(5));  // a batch before
  std::vector<priced_line> out = before;
  try {
    price_into(t, deal(), work, out, options);
    FAIL() << "not cancelled";
  } catch (const cancelled& e) {
    EXPECT_EQ(e.cause(), stop_cause::flag);
    EXPECT_EQ(e.done(), 0U);
    EXPECT_EQ(e.total(), 1000U);
    EXPECT_STREQ(e.what(), "cancelled: the stop flag was set after 0 of 1000 lines");
  }
  EXPECT_EQ(out, before);  // none of this call's, the previous batch as it was
}

TEST(Cancel, PriceIntoLeavesTheLinesPricedBeforeTheStopInFront) {
  const compiled_tariff t = compile_ok(service_tariff);
  const std::vector<work_line> work = march_work(1000);
  const std::vector<priced_line> whole = price(t, deal(), work);
  tripwire wire{3};  // looked at before lines 0, 64, 128: stops before line 128
  price_options options;
  options.stop = wire.condition();
  // A previous batch as large, of other lines: the stop leaves what follows line 128 as it was.
  std::vector<work_line> other = march_work(1000);
  for (work_line& w : other)
    w.id += "-before";
  const std::vector<priced_line> before = price(t, deal(), other);
  std::vector<priced_line> out = before;
  try {
    price_into(t, deal(), work, out, options);
    FAIL() << "not cancelled";
  } catch (const cancelled& e) {
    EXPECT_EQ(e.cause(), stop_cause::callback);
    EXPECT_EQ(e.done(), 128U);
    EXPECT_STREQ(e.what(), "cancelled: the host asked to stop after 128 of 1000 lines");
  }
  EXPECT_EQ(wire.calls, 3);
  ASSERT_EQ(out.size(), 1000U);
  for (std::size_t i = 0; i < 128; ++i)
    EXPECT_EQ(out[i], whole[i]) << i;
  for (std::size_t i = 128; i < out.size(); ++i)
    EXPECT_EQ(out[i], before[i]) << i;
}

TEST(Cancel, ManyContractsAndAPassedDeadline) {
  const compiled_tariff t = compile_ok(service_tariff);
  const std::vector<contract> contracts{deal()};
  price_options options;
  options.stop.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  try {
    (void)price(t, contracts, march_work(10), options);
    FAIL() << "not cancelled";
  } catch (const cancelled& e) {
    EXPECT_EQ(e.cause(), stop_cause::deadline);
    EXPECT_STREQ(e.what(), "cancelled: the deadline passed after 0 of 10 lines");
  }
  tripwire wire{2};
  options.stop = wire.condition();
  std::vector<priced_line> out;
  EXPECT_THROW(price_into(t, contracts, march_work(200), out, options), cancelled);
  const std::vector<work_line> first_batch = march_work(64);
  EXPECT_EQ(out, price(t, contracts, first_batch));
}

TEST(Cancel, ACallbackThatThrowsGoesThroughTheCall) {
  const compiled_tariff t = compile_ok(service_tariff);
  price_options options;
  options.stop.callback = []() -> bool { throw std::runtime_error("host gone"); };
  EXPECT_THROW((void)price(t, deal(), march_work(3), options), std::runtime_error);
}

TEST(Cancel, BillReturnsNothingAndBillsTheSameAfterwards) {
  const compiled_tariff t = compile_ok(service_tariff);
  const std::vector<work_line> work = march_work(500);
  const billing_state opening;
  const std::string whole = write_statement_json(bill(t, deal(), march, opening, work), t);
  for (const int trip : {1, 2, 5}) {
    tripwire wire{trip};
    bill_options options;
    options.stop = wire.condition();
    try {
      (void)bill(t, deal(), march, opening, work, options);
      FAIL() << "not cancelled at " << trip;
    } catch (const cancelled& e) {
      EXPECT_EQ(e.done(), static_cast<std::size_t>(64 * (trip - 1)));
      EXPECT_EQ(e.total(), 500U);
    }
    EXPECT_EQ(wire.calls, trip);
  }
  EXPECT_EQ(write_statement_json(bill(t, deal(), march, opening, work), t), whole);  // no trace
  std::atomic<bool> never{false};
  bill_options watched;
  watched.stop.flag = &never;
  EXPECT_EQ(write_statement_json(bill(t, deal(), march, opening, work, watched), t), whole);
}

TEST(Cancel, ALargeBillStopsInEachOfItsStepsAndBillsTheSameAfterwards) {
  // 16 500 lines: past the size at which sorting is watched and a cancelled bill's lines are
  // freed on a thread of their own (src/errors/release.hpp). Count the looks of a whole bill,
  // then stop it at 64 looks spread over all of them: each stop is cancelled, in one of the
  // bill's steps (the unit it names), and leaves nothing behind.
  const compiled_tariff t = compile_ok(service_tariff);
  const std::vector<work_line> work = march_work(16500);
  const billing_state opening;
  tripwire counter{1 << 30};
  bill_options watch;
  watch.stop = counter.condition();
  const std::string whole = write_statement_json(bill(t, deal(), march, opening, work, watch), t);
  const int looks = counter.calls;
  ASSERT_GT(looks, 16500 / 64);
  std::set<std::string> units;
  for (int step = 1; step <= 64; ++step) {
    tripwire wire{1 + (looks - 1) * step / 64};
    bill_options options;
    options.stop = wire.condition();
    try {
      (void)bill(t, deal(), march, opening, work, options);
      FAIL() << "not cancelled at look " << wire.trip;
    } catch (const cancelled& e) {
      const std::string what = e.what();
      units.insert(what.substr(what.find("of 16500 ") + 9));
    }
  }
  EXPECT_EQ(units, (std::set<std::string>{"lines read", "lines ordered", "lines", "lines totalled",
                                          "lines recorded", "lines identified"}));
  EXPECT_EQ(write_statement_json(bill(t, deal(), march, opening, work), t), whole);
}

TEST(Cancel, PriceWithStateLeavesTheStateAsItWas) {
  const compiled_tariff t = compile_ok(service_tariff);
  const std::vector<work_line> first = march_work(10);
  billing_state state;
  (void)price_with_state(t, deal(), state, first);  // allowances partly used
  ASSERT_FALSE(state.allowances.empty());
  const billing_state before = state;
  tripwire wire{3};
  price_options options;
  options.stop = wire.condition();
  EXPECT_THROW((void)price_with_state(t, deal(), state, march_work(400), options), cancelled);
  EXPECT_EQ(state, before);
  EXPECT_EQ(wire.calls, 3);

  std::atomic<bool> stop{true};
  price_options flagged;
  flagged.stop.flag = &stop;
  EXPECT_THROW((void)estimate(t, deal(), state, march_work(10), flagged), cancelled);
  EXPECT_EQ(state, before);
}

TEST(Cancel, CompileStopsWhileParsingCheckingOrBuilding) {
  // Count how often a whole compile looks at its condition, then stop it at each look in turn:
  // every one throws cancelled, naming the stage by its unit, and returns nothing.
  tripwire counter{1 << 30};
  compile_options watch{counter.condition()};
  const compile_result whole = compile(service_tariff, "plan.tariff", watch);
  ASSERT_TRUE(whole.tariff);
  const int looks = counter.calls;
  ASSERT_GT(looks, 10);  // a declaration, a list's items, each check pass and compile step
  std::set<std::string> units;
  for (int trip = 1; trip <= looks; ++trip) {
    tripwire wire{trip};
    const compile_options options{wire.condition()};
    try {
      (void)compile(service_tariff, "plan.tariff", options);
      FAIL() << "not cancelled at look " << trip;
    } catch (const cancelled& e) {
      const std::string what = e.what();
      units.insert(
          what.substr(what.find(std::to_string(e.total())) + std::to_string(e.total()).size() + 1));
      EXPECT_LT(e.done(), e.total()) << what;
    }
  }
  EXPECT_EQ(units, (std::set<std::string>{"bytes parsed", "items read", "check passes",
                                          "items checked", "compile steps", "items built"}));
  // The condition was this thread's for the call only: a compile without one is whole.
  const compile_result after = compile(service_tariff, "plan.tariff");
  ASSERT_TRUE(after.tariff);
  EXPECT_EQ(after.tariff->source_hash(), whole.tariff->source_hash());
  EXPECT_EQ(after.diagnostics, whole.diagnostics);
}

TEST(Cancel, ALargeCompileStopsInEachStageAndCompilesTheSameAfterwards) {
  // A source past 1 MiB: a cancelled compile hands its syntax tree and program to a thread of
  // their own (src/errors/release.hpp). Stopped at looks spread over a whole compile, each is
  // cancelled, in parsing, reading the items, checking or building them, or a compile step (the
  // last look), and a compile afterwards is whole.
  std::string big(service_tariff.substr(0, service_tariff.find("pricelist retail {\n") + 19));
  for (int i = 0; big.size() < (std::size_t{1} << 20) + 4096; ++i)
    big += "  item extra_" + std::to_string(i) + " \"Extra item " + std::to_string(i) +
           "\" per visit price 100.00 cost 60.00\n";
  big += service_tariff.substr(service_tariff.find("  item engineer_visit"));
  tripwire counter{1 << 30};
  const compile_result whole = compile(big, "big.tariff", compile_options{counter.condition()});
  ASSERT_TRUE(whole.tariff) << format(whole.diagnostics);
  const int looks = counter.calls;
  std::set<std::string> units;
  for (int step = 1; step <= 16; ++step) {
    tripwire wire{1 + (looks - 1) * step / 16};
    try {
      (void)compile(big, "big.tariff", compile_options{wire.condition()});
      FAIL() << "not cancelled at look " << wire.trip;
    } catch (const cancelled& e) {
      const std::string what = e.what();
      units.insert(
          what.substr(what.find(std::to_string(e.total())) + std::to_string(e.total()).size() + 1));
    }
  }
  EXPECT_EQ(units, (std::set<std::string>{"bytes parsed", "items read", "items checked",
                                          "items built", "compile steps"}));
  const compile_result after = compile(big, "big.tariff");
  ASSERT_TRUE(after.tariff);
  EXPECT_EQ(after.tariff->source_hash(), whole.tariff->source_hash());
}

TEST(Cancel, CompileWithAFlagSetParsesNothing) {
  std::atomic<bool> stop{true};
  compile_options options;
  options.stop.flag = &stop;
  try {
    (void)compile(service_tariff, "plan.tariff", options);
    FAIL() << "not cancelled";
  } catch (const cancelled& e) {
    EXPECT_EQ(e.cause(), stop_cause::flag);
    EXPECT_EQ(e.done(), 0U);
    EXPECT_EQ(e.total(), service_tariff.size());
  }
}

}  // namespace
}  // namespace tariff
