// The performance suite's main figures (issue #10; docs/performance.md has the table): the typical
// tariff (typical/typical.tariff) over its generated work mix (workload.hpp).
//
// - BM_price/trace: tariff::price over the first 1 000 020 lines (33 334 contracts × 30 lines), one
//   call per contract, as a host prices a contract's month; the results are built and dropped.
// - BM_price_into/trace: the same calls through tariff::price_into into one result vector kept
//   across the calls, as a host pricing a stream of lines does: the results are built in the
//   memory of the previous contract's.
// - BM_price_by_hand: baseline (a), the same lines through the hand-written int64 pricer.
// - BM_price_2_threads: the same pricing split between two threads by contract (wall time).
// - BM_bill: 100 000 contracts × 30 lines, one March statement each (fee, the 20 h allowance,
//   totals, closing state), empty opening state.
//
// Before any timing, the suite checks that the engine and the hand-written pricer give the same
// amount and cost on every one of the 1 000 020 lines, that price_into gives what price gives,
// and that the mix is the documented one; a failed check makes every benchmark report an error
// instead of a figure.
#include <span>
#include <string>
#include <thread>
#include <vector>

#include <benchmark/benchmark.h>
#include <tariff/billing.hpp>
#include <tariff/pricing.hpp>

#include "by_hand.hpp"
#include "workload.hpp"

namespace {

constexpr std::size_t pricing_contracts = 33334;  // 1 000 020 lines
constexpr std::size_t billing_contracts = 100000;

struct suite {
  tariff::compiled_tariff tariff;
  bench::workload work;
  std::string error;     // non-empty: the check before timing failed
  bench::mix_stats mix;  // of the lines BM_price prices
};

std::span<const tariff::work_line> lines_of(const bench::workload& w, std::size_t c) {
  return std::span(w.lines).subspan(c * bench::lines_per_contract, bench::lines_per_contract);
}

std::string check(suite& s) {
  bench::workload first;  // the first 1 000 020 lines, which BM_price prices
  first.lines.assign(s.work.lines.begin(),
                     s.work.lines.begin() + pricing_contracts * bench::lines_per_contract);
  const bench::mix_stats mix = s.mix = bench::stats_of(first);
  if (mix.crossing * 5 < mix.timed) return "fewer than a fifth of timed lines cross 22:00 or 0:00";
  if (mix.dst == 0) return "no line crosses a daylight-saving change";
  // Trace off (which remembers unit prices) and trace on (which runs every rule) must give the
  // same lines, traces aside.
  for (std::size_t c = 0; c < pricing_contracts; c += 10) {
    auto traced = tariff::price(s.tariff, s.work.contracts[c], lines_of(s.work, c), {true});
    const auto plain = tariff::price(s.tariff, s.work.contracts[c], lines_of(s.work, c), {false});
    for (std::size_t i = 0; i < traced.size(); ++i) {
      for (tariff::priced_part& p : traced[i].parts)
        p.trace.clear();
      traced[i].line_trace.clear();
      if (!(traced[i] == plain[i])) return "line " + plain[i].id + " differs with the trace on";
    }
  }
  bench::hand_pricer hand;
  std::vector<tariff::priced_line> reused;  // as BM_price_into: each contract into the last's
  for (std::size_t c = 0; c < pricing_contracts; ++c) {
    const auto lines = lines_of(s.work, c);
    const auto priced = tariff::price(s.tariff, s.work.contracts[c], lines, {false});
    tariff::price_into(s.tariff, s.work.contracts[c], lines, reused, {false});
    if (reused != priced) return "contract " + s.work.contracts[c].id + " differs by price_into";
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const bench::hand_amount h = hand.price(s.work.contracts[c], lines[i]);
      if (!priced[i].ok() || !h.ok)
        return "line " + lines[i].id + " rejected: " + priced[i].message;
      if (priced[i].amount != tariff::decimal::from_units(h.amount, 2) ||
          priced[i].cost != tariff::decimal::from_units(h.cost, 2))
        return "line " + lines[i].id + ": engine " + priced[i].amount.to_string() + " / " +
               priced[i].cost.to_string() + ", by hand " + std::to_string(h.amount) + " / " +
               std::to_string(h.cost) + " cents";
    }
  }
  return {};
}

// Generated once per process (about 3 million lines), shared by every benchmark.
const suite& the_suite() {
  static const suite s = [] {
    tariff::compile_result compiled =
        tariff::compile(bench::typical_tariff_source(), "typical.tariff");
    suite made{*compiled.tariff, bench::make_workload(billing_contracts), {}, {}};
    made.error = check(made);
    return made;
  }();
  return s;
}

void BM_price(benchmark::State& state) {
  const suite& s = the_suite();
  if (!s.error.empty()) return state.SkipWithError(s.error.c_str());
  const tariff::price_options options{state.range(0) != 0};
  for (auto _ : state)
    for (std::size_t c = 0; c < pricing_contracts; ++c) {
      auto priced = tariff::price(s.tariff, s.work.contracts[c], lines_of(s.work, c), options);
      benchmark::DoNotOptimize(priced);
    }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(pricing_contracts * bench::lines_per_contract));
  state.SetLabel(state.range(0) != 0 ? "trace on" : "trace off");
  state.counters["timed_lines"] = static_cast<double>(s.mix.timed);
  state.counters["crossing_22_or_0"] = static_cast<double>(s.mix.crossing);
  state.counters["crossing_dst"] = static_cast<double>(s.mix.dst);
}
BENCHMARK(BM_price)->ArgName("trace")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_price_into(benchmark::State& state) {
  const suite& s = the_suite();
  if (!s.error.empty()) return state.SkipWithError(s.error.c_str());
  const tariff::price_options options{state.range(0) != 0};
  std::vector<tariff::priced_line> priced;  // kept across the calls, as a host's stream
  for (auto _ : state)
    for (std::size_t c = 0; c < pricing_contracts; ++c) {
      tariff::price_into(s.tariff, s.work.contracts[c], lines_of(s.work, c), priced, options);
      benchmark::DoNotOptimize(priced.data());
      benchmark::ClobberMemory();
    }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(pricing_contracts * bench::lines_per_contract));
  state.SetLabel(state.range(0) != 0 ? "trace on" : "trace off");
}
BENCHMARK(BM_price_into)->ArgName("trace")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The lean result (price_options::parts off, trace off): the same calls as BM_price and
// BM_price_into, each line's figures without its parts.
const tariff::price_options lean{.trace = false, .parts = false};

void BM_price_lean(benchmark::State& state) {
  const suite& s = the_suite();
  if (!s.error.empty()) return state.SkipWithError(s.error.c_str());
  for (auto _ : state)
    for (std::size_t c = 0; c < pricing_contracts; ++c) {
      auto priced = tariff::price(s.tariff, s.work.contracts[c], lines_of(s.work, c), lean);
      benchmark::DoNotOptimize(priced);
    }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(pricing_contracts * bench::lines_per_contract));
  state.SetLabel("lean, trace off");
}
BENCHMARK(BM_price_lean)->Unit(benchmark::kMillisecond);

void BM_price_into_lean(benchmark::State& state) {
  const suite& s = the_suite();
  if (!s.error.empty()) return state.SkipWithError(s.error.c_str());
  std::vector<tariff::priced_line> priced;  // kept across the calls, as a host's stream
  for (auto _ : state)
    for (std::size_t c = 0; c < pricing_contracts; ++c) {
      tariff::price_into(s.tariff, s.work.contracts[c], lines_of(s.work, c), priced, lean);
      benchmark::DoNotOptimize(priced.data());
      benchmark::ClobberMemory();
    }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(pricing_contracts * bench::lines_per_contract));
  state.SetLabel("lean, trace off");
}
BENCHMARK(BM_price_into_lean)->Unit(benchmark::kMillisecond);

void BM_price_by_hand(benchmark::State& state) {
  const suite& s = the_suite();
  if (!s.error.empty()) return state.SkipWithError(s.error.c_str());
  bench::hand_pricer hand;
  std::vector<bench::hand_amount> amounts(bench::lines_per_contract);
  for (auto _ : state)
    for (std::size_t c = 0; c < pricing_contracts; ++c) {
      const auto lines = lines_of(s.work, c);
      for (std::size_t i = 0; i < lines.size(); ++i)
        amounts[i] = hand.price(s.work.contracts[c], lines[i]);
      benchmark::DoNotOptimize(amounts.data());
      benchmark::ClobberMemory();
    }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(pricing_contracts * bench::lines_per_contract));
}
BENCHMARK(BM_price_by_hand)->Unit(benchmark::kMillisecond);

// The hand-written pricer writing its figures into the public lean result (price_into's
// vector, reused): what the result's shape costs by itself — six strings copied, the date,
// quantities and three decimals per line — with no interpretation. The engine's lean
// price_into cannot go below this; by hand it is the floor of any ratio against baseline (a).
void BM_price_by_hand_into_result(benchmark::State& state) {
  const suite& s = the_suite();
  if (!s.error.empty()) return state.SkipWithError(s.error.c_str());
  bench::hand_pricer hand;
  const std::string titles[] = {"Field service", "Remote support", "Engineer visit", "Spare part"};
  const std::string pricelist = "standard";
  std::vector<tariff::priced_line> priced;
  for (auto _ : state)
    for (std::size_t c = 0; c < pricing_contracts; ++c) {
      const auto lines = lines_of(s.work, c);
      priced.resize(lines.size());
      for (std::size_t i = 0; i < lines.size(); ++i) {
        const tariff::work_line& work = lines[i];
        const bench::hand_amount h = hand.price(s.work.contracts[c], work);
        tariff::priced_line& out = priced[i];
        out.id = work.id;
        out.request = work.request;
        out.contract = s.work.contracts[c].id;
        out.item = work.item;
        out.kind = work.kind;
        out.date = h.day;
        const std::int64_t unit = work.end ? 3600 : 0;
        out.title = titles[work.item[0] == 'f'   ? 0
                           : work.item[0] == 'r' ? 1
                           : work.item[0] == 'e' ? 2
                                                 : 3];
        out.price_list = pricelist;
        out.measured = {tariff::decimal(h.measured), unit};
        out.billed = {tariff::decimal(h.billed), unit};
        out.amount = tariff::decimal::from_units(h.amount, 2);
        out.cost = tariff::decimal::from_units(h.cost, 2);
        out.margin = tariff::decimal::from_units(h.amount - h.cost, 2);
      }
      benchmark::DoNotOptimize(priced.data());
      benchmark::ClobberMemory();
    }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(pricing_contracts * bench::lines_per_contract));
  state.SetLabel("by hand into the lean result");
}
BENCHMARK(BM_price_by_hand_into_result)->Unit(benchmark::kMillisecond);

// Two threads, each pricing every other contract with trace off; wall time, items are summed.
void BM_price_2_threads(benchmark::State& state) {
  const suite& s = the_suite();
  if (!s.error.empty()) return state.SkipWithError(s.error.c_str());
  const auto first = static_cast<std::size_t>(state.thread_index());
  const auto step = static_cast<std::size_t>(state.threads());
  std::int64_t lines = 0;
  for (auto _ : state)
    for (std::size_t c = first; c < pricing_contracts; c += step) {
      auto priced = tariff::price(s.tariff, s.work.contracts[c], lines_of(s.work, c), {false});
      benchmark::DoNotOptimize(priced);
      lines += static_cast<std::int64_t>(bench::lines_per_contract);
    }
  state.SetItemsProcessed(lines);
}
BENCHMARK(BM_price_2_threads)->Threads(2)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_bill(benchmark::State& state) {
  const suite& s = the_suite();
  if (!s.error.empty()) return state.SkipWithError(s.error.c_str());
  const tariff::date_span march{*tariff::parse_date("2026-03-01"),
                                *tariff::parse_date("2026-04-01")};
  tariff::bill_options options;
  options.trace = state.range(0) != 0;
  for (auto _ : state)
    for (std::size_t c = 0; c < billing_contracts; ++c) {
      auto statement =
          tariff::bill(s.tariff, s.work.contracts[c], march, {}, lines_of(s.work, c), options);
      benchmark::DoNotOptimize(statement);
    }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(billing_contracts * bench::lines_per_contract));
  state.counters["contracts_per_second"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * billing_contracts, benchmark::Counter::kIsRate);
  state.SetLabel(state.range(0) != 0 ? "trace on" : "trace off");
}
BENCHMARK(BM_bill)->ArgName("trace")->Arg(0)->Unit(benchmark::kMillisecond);

}  // namespace
