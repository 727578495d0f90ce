// A/B timing of pricing between two builds (benchmarks/ab runs two of these side by side): prices
// the typical work's first 1 000 020 lines (33 334 contracts × 30 lines, one call per contract),
// pass after pass, and prints the thread CPU time per line of each pass, in nanoseconds.
//
//   price_passes [PASSES] [into|price|bill]
//
// `into` (the default) prices through tariff::price_into into one vector kept across the calls,
// `price` through tariff::price, `bill` makes each contract's March statement of the same lines
// with tariff::bill (empty opening state, as typical_benchmark's BM_bill), trace off in every
// mode. No check of the figures: the suite (typical_benchmark) does that; this only times.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <span>
#include <time.h>
#include <vector>

#include <tariff/billing.hpp>
#include <tariff/pricing.hpp>

#include "workload.hpp"

namespace {

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  const int passes = argc > 1 ? std::atoi(argv[1]) : 12;
  const char* mode = argc > 2 ? argv[2] : "into";
  const bool one_shot = std::strcmp(mode, "price") == 0;
  const bool bill = std::strcmp(mode, "bill") == 0;
  if (!one_shot && !bill && std::strcmp(mode, "into") != 0) {
    std::fprintf(stderr, "price_passes: unknown mode '%s' (into, price or bill)\n", mode);
    return 2;
  }
  constexpr std::size_t contracts = 33334;
  const tariff::compile_result compiled =
      tariff::compile(bench::typical_tariff_source(), "typical.tariff");
  if (!compiled.tariff) return 1;
  const bench::workload work = bench::make_workload(contracts);
  const auto lines = static_cast<double>(contracts * bench::lines_per_contract);
  std::vector<tariff::priced_line> out;
  const tariff::date_span march{*tariff::parse_date("2026-03-01"),
                                *tariff::parse_date("2026-04-01")};
  tariff::bill_options bill_options;
  bill_options.trace = false;
  std::size_t priced = 0;
  for (int p = 0; p < passes; ++p) {
    const double start = thread_cpu_seconds();
    for (std::size_t c = 0; c < contracts; ++c) {
      const auto batch =
          std::span(work.lines).subspan(c * bench::lines_per_contract, bench::lines_per_contract);
      if (bill) {
        const tariff::statement statement =
            tariff::bill(*compiled.tariff, work.contracts[c], march, {}, batch, bill_options);
        priced += statement.lines.size();
      } else if (one_shot) {
        priced += tariff::price(*compiled.tariff, work.contracts[c], batch, {false}).size();
      } else {
        tariff::price_into(*compiled.tariff, work.contracts[c], batch, out, {false});
        priced += out.size();
      }
    }
    std::printf("%.1f\n", (thread_cpu_seconds() - start) * 1e9 / lines);
    std::fflush(stdout);
  }
  return priced == 0;
}
