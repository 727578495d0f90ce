// How soon a cancelled call returns (docs/performance.md, "Deadlines and cancellation"): a
// thread runs a long call with a stop flag; this one sets the flag at a random moment of the
// call and the latency is the time from the store to the catch of tariff::cancelled, on the
// steady clock. Printed per call: its whole time uncancelled, the longest time between two looks
// at the condition (one run with a callback that times its calls, from the call's start to its
// last look: what follows it, freeing the result, is no longer the call's), then the median and the
// worst latency over the trials.
//
//   cancel_latency [TRIALS [WHICH]]   (20 trials by default; WHICH: only the calls whose name
//                                      contains it, e.g. "bill")
//
// The calls: price_into of the typical mix's first 1 000 020 lines (trace off), bill of
// 1 000 020 and 100 000 lines of one contract, price_into of lines as long as a line may be (366
// days of an hourly item, split at every night), and compile of the generated tariff of 100 000
// items, one price list of about 8 MB (the most items a tariff may have).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <tariff/billing.hpp>
#include <tariff/cancel.hpp>
#include <tariff/pricing.hpp>

#include "generated_tariff.hpp"
#include "workload.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

double ms(clock_type::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

// A call that looks at `stop`; it must throw tariff::cancelled once stop holds.
using call = std::function<void(const tariff::stop_condition& stop)>;

const char* which = "";  // only the calls whose name contains it

void measure(const char* name, const call& run, int trials) {
  if (std::string_view(name).find(which) == std::string_view::npos) return;
  const tariff::stop_condition none;
  run(none);  // the first run allocates what the others reuse
  const auto begin = clock_type::now();
  run(none);
  const clock_type::duration whole = clock_type::now() - begin;
  clock_type::time_point last_look = clock_type::now();
  clock_type::duration longest_gap{};
  tariff::stop_condition timed;
  timed.callback = [&] {
    const auto now = clock_type::now();
    longest_gap = std::max(longest_gap, now - last_look);
    last_look = now;
    return false;
  };
  run(timed);
  std::mt19937 random(20261207);
  std::uniform_real_distribution<double> at(0.05, 0.9);
  std::vector<double> latencies;
  int finished = 0;
  for (int t = 0; t < trials; ++t) {
    std::atomic<bool> flag{false};
    tariff::stop_condition stop;
    stop.flag = &flag;
    clock_type::time_point caught{};
    bool cancelled = false;
    std::thread worker([&] {
      try {
        run(stop);
      } catch (const tariff::cancelled&) {
        caught = clock_type::now();
        cancelled = true;
      }
    });
    std::this_thread::sleep_for(
        std::chrono::duration_cast<clock_type::duration>(whole * at(random)));
    const auto set = clock_type::now();
    flag.store(true, std::memory_order_relaxed);
    worker.join();
    if (cancelled)
      latencies.push_back(ms(caught - set));
    else
      ++finished;
  }
  std::sort(latencies.begin(), latencies.end());
  const double median = latencies.empty() ? 0 : latencies[latencies.size() / 2];
  const double worst = latencies.empty() ? 0 : latencies.back();
  std::printf(
      "%-52s whole %8.1f ms  between looks %6.2f ms  cancelled %2zu/%d  median %6.3f ms  "
      "worst %6.3f ms\n",
      name, ms(whole), ms(longest_gap), latencies.size(), trials, median, worst);
  if (finished != 0) std::printf("  (%d trials finished before the flag)\n", finished);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const int trials = argc > 1 ? std::atoi(argv[1]) : 20;
  if (argc > 2) which = argv[2];
  const tariff::compile_result compiled =
      tariff::compile(bench::typical_tariff_source(), "typical.tariff");
  if (!compiled.tariff) return 1;
  const tariff::compiled_tariff& t = *compiled.tariff;
  const bench::workload work = bench::make_workload(33334);

  std::vector<tariff::priced_line> out;
  measure(
      "price_into, 1 000 020 lines, trace off",
      [&](const tariff::stop_condition& stop) {
        tariff::price_options options{.trace = false};
        options.stop = stop;
        tariff::price_into(t, work.contracts, work.lines, out, options);
      },
      trials);

  // One contract's million lines: every line re-labelled to the first contract.
  tariff::contract one = work.contracts.front();
  std::vector<tariff::work_line> all_to_one = work.lines;
  for (tariff::work_line& w : all_to_one)
    w.contract = one.id;
  const tariff::date_span march{*tariff::parse_date("2026-03-01"),
                                *tariff::parse_date("2026-04-01")};
  measure(
      "bill, 1 000 020 lines of one contract, trace off",
      [&](const tariff::stop_condition& stop) {
        tariff::bill_options options;
        options.trace = false;
        options.stop = stop;
        (void)tariff::bill(t, one, march, {}, all_to_one, options);
      },
      trials);

  const std::vector<tariff::work_line> tenth(all_to_one.begin(), all_to_one.begin() + 100000);
  measure(
      "bill, 100 000 lines of one contract, trace off",
      [&](const tariff::stop_condition& stop) {
        tariff::bill_options options;
        options.trace = false;
        options.stop = stop;
        (void)tariff::bill(t, one, march, {}, tenth, options);
      },
      trials);

  // The longest lines: each of the mix's hourly lines of the first contract stretched to 366
  // days (max_line_span), under a contract that lasts long enough.
  tariff::contract long_deal = one;
  long_deal.start = *tariff::parse_date("2025-01-01");
  long_deal.end = *tariff::parse_date("2028-12-31");
  std::vector<tariff::work_line> longest;
  for (const tariff::work_line& w : all_to_one)
    if (w.end && longest.size() < 640) {
      tariff::work_line stretched = w;
      stretched.end = w.start + tariff::max_line_span;
      longest.push_back(stretched);
    }
  measure(
      "price_into, 640 lines of 366 days, trace off",
      [&](const tariff::stop_condition& stop) {
        tariff::price_options options{.trace = false};
        options.stop = stop;
        tariff::price_into(t, long_deal, longest, out, options);
        if (!out.empty() && !out.front().ok()) std::abort();  // they must be priced
      },
      trials);

  const std::string big = bench::generated_tariff(100000);
  char name[96];
  std::snprintf(name, sizeof name, "compile, 100 000 items (%.1f MB)",
                static_cast<double>(big.size()) / 1e6);
  measure(
      name,
      [&](const tariff::stop_condition& stop) {
        const tariff::compile_options options{stop};
        if (!tariff::compile(big, "generated.tariff", options).tariff) std::abort();
      },
      trials);
  return 0;
}
