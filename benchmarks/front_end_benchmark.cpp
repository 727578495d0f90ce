// Parse + check of a large generated tariff: a price list of N items (a third billed per hour in
// started 15 minutes, the rest per piece, each with a cost) and 50 rules with window and day-set
// conditions. The compile stage will join this figure when it lands.
#include <string>

#include <benchmark/benchmark.h>
#include <tariff/diagnostics.hpp>

namespace {

std::string generated_tariff(int items) {
  std::string text =
      "tariff \"Generated\" currency RUB\n"
      "rounding line 0.01 half_up\n"
      "calendar {\n  timezone Europe/Moscow\n  window night 22:00 .. 06:00\n"
      "  days weekend sat, sun\n}\n"
      "table loyalty by contract.year { 1: 0%, 2: 5%, 3..4: 10%, 5..: 15% }\n"
      "pricelist retail effective 2026-01-01 {\n";
  for (int i = 0; i < items; ++i) {
    const bool hourly = i % 3 == 0;
    text += "  item item_" + std::to_string(i) + " \"Item " + std::to_string(i) + "\" per " +
            (hourly ? "hour" : "piece") + " price " + std::to_string(1000 + i) + ".00 cost " +
            std::to_string(500 + i) + ".00" + (hourly ? " bill started 15min" : "") + "\n";
  }
  text += "}\n";
  for (int r = 0; r < 50; ++r)
    text += "rule r" + std::to_string(r) + " when in night or on weekend : price * 1." +
            std::to_string(r % 9 + 1) + "\n";
  return text;
}

void BM_check(benchmark::State& state) {
  const std::string source = generated_tariff(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto diagnostics = tariff::check(source, "generated.tariff");
    if (!diagnostics.empty()) state.SkipWithError("the generated tariff has diagnostics");
    benchmark::DoNotOptimize(diagnostics);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * source.size()));
  state.counters["items"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_check)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
