// Memory of a compiled tariff: the heap a compiled_tariff keeps alive once compile() has returned
// and its diagnostics are gone (`retained_bytes`), and the most the heap grew while compiling
// (`peak_bytes`), for the generated tariff of N items and 50 rules (generated_tariff.hpp).
//
// Bytes are counted by replacing global operator new and delete in this program only, with the
// sizes malloc actually reserved (malloc_usable_size): allocator overhead is included, the
// process's code, static data and the time-zone database (loaded once, shared by every tariff)
// are not. A separate program, so that the counting does not touch the timed suites.
#include <cstdlib>
#include <malloc.h>
#include <new>
#include <string>

#include <benchmark/benchmark.h>
#include <tariff/pricing.hpp>

#include "generated_tariff.hpp"

namespace {
std::size_t live = 0;  // the benchmark runs on one thread
std::size_t peak = 0;
}  // namespace

void* operator new(std::size_t size) {
  void* p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr) throw std::bad_alloc();
  live += malloc_usable_size(p);
  if (live > peak) peak = live;
  return p;
}
void operator delete(void* p) noexcept {
  if (p == nullptr) return;
  live -= malloc_usable_size(p);
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  operator delete(p);
}

namespace {

void BM_compiled_tariff_memory(benchmark::State& state) {
  const std::string source = bench::generated_tariff(static_cast<int>(state.range(0)));
  (void)tariff::compile(source, "generated.tariff");  // loads the tz database once
  std::size_t retained = 0;
  std::size_t grown = 0;
  for (auto _ : state) {
    const std::size_t before = live;
    peak = live;
    std::optional<tariff::compiled_tariff> kept;
    {
      tariff::compile_result compiled = tariff::compile(source, "generated.tariff");
      kept = std::move(compiled.tariff);
    }
    retained = live - before;
    grown = peak - before;
    benchmark::DoNotOptimize(kept);
  }
  state.counters["retained_bytes"] = static_cast<double>(retained);
  state.counters["peak_bytes"] = static_cast<double>(grown);
  state.counters["source_bytes"] = static_cast<double>(source.size());
  state.counters["items"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_compiled_tariff_memory)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
