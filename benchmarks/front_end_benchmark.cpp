// The front end on a large generated tariff (generated_tariff.hpp: N items, 50 rules):
// BM_check is parse + check (diagnostics included); BM_compile is parse + check + compile, the
// whole of tariff::compile, which issue #10 wants under 50 ms for 10 000 items.
#include <string>

#include <benchmark/benchmark.h>
#include <tariff/diagnostics.hpp>
#include <tariff/pricing.hpp>

#include "generated_tariff.hpp"

namespace {

void BM_check(benchmark::State& state) {
  const std::string source = bench::generated_tariff(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto diagnostics = tariff::check(source, "generated.tariff");
    if (!diagnostics.empty()) state.SkipWithError("the generated tariff has diagnostics");
    benchmark::DoNotOptimize(diagnostics);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(source.size()));
  state.counters["items"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_check)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_compile(benchmark::State& state) {
  const std::string source = bench::generated_tariff(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto compiled = tariff::compile(source, "generated.tariff");
    if (!compiled.tariff) state.SkipWithError("the generated tariff does not compile");
    benchmark::DoNotOptimize(compiled);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(source.size()));
  state.counters["items"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_compile)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
