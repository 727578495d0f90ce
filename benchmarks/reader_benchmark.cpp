// The readers over the pinned export (export.hpp; issue #23): the first 1 000 020 lines of the
// typical mix as the host's CSV, generated in memory, and the same lines as the library's own
// JSON (write_work_json of what the CSV reads to).
//
// - BM_read_work_csv: read_work_csv over the whole text.
// - BM_read_work_json: read_work_json over the JSON text.
// - BM_work_csv_stream: the CSV through formats::work_csv_stream, refilled 64 KiB at a time from
//   the text in memory, in batches of 4096 rows.
//
// Each reports lines (items_per_second) and bytes of input (bytes_per_second). Before any timing
// the suite checks that the CSV reads without an error to 1 000 020 lines; a failed check makes
// every benchmark report an error instead of a figure.
#include <algorithm>
#include <cstring>
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>
#include <tariff/io.hpp>

#include "export.hpp"
#include "formats/work_stream.hpp"
#include "workload.hpp"

namespace {

constexpr std::size_t contracts = 33334;  // 1 000 020 lines

struct suite {
  std::string csv;
  std::string json;
  std::size_t lines = 0;
  std::string error;  // non-empty: the check before timing failed
};

const suite& the_suite() {
  static const suite s = [] {
    suite out;
    std::ostringstream text;
    text << bench::export_header;
    bench::append_export_rows(text, bench::make_workload(contracts));
    out.csv = std::move(text).str();
    const tariff::read_result<tariff::work_line> read = tariff::read_work_csv(out.csv);
    out.lines = read.rows.size();
    if (!read.errors.empty()) {
      out.error = "the export does not read: " + tariff::format(read.errors.front());
    } else if (out.lines != contracts * bench::lines_per_contract) {
      out.error = "the export reads to " + std::to_string(out.lines) + " lines";
    }
    out.json = tariff::write_work_json(read.rows);
    return out;
  }();
  return s;
}

// Runs `read` over `text` once per iteration and reports lines and bytes.
template <class Read>
void measure(benchmark::State& state, const std::string& text, Read read) {
  const suite& s = the_suite();
  if (!s.error.empty()) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  for (auto _ : state) {
    auto result = read(text);
    benchmark::DoNotOptimize(result.rows.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.lines));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_read_work_csv(benchmark::State& state) {
  measure(state, the_suite().csv, [](const std::string& t) { return tariff::read_work_csv(t); });
}
BENCHMARK(BM_read_work_csv)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_read_work_json(benchmark::State& state) {
  measure(state, the_suite().json, [](const std::string& t) { return tariff::read_work_json(t); });
}
BENCHMARK(BM_read_work_json)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_work_csv_stream(benchmark::State& state) {
  measure(state, the_suite().csv, [](const std::string& t) {
    std::string_view rest = t;
    tariff::formats::work_csv_stream stream([&rest](char* buffer, std::size_t size) {
      const std::size_t n = std::min({size, rest.size(), std::size_t{64} * 1024});
      std::memcpy(buffer, rest.data(), n);
      rest.remove_prefix(n);
      return n;
    });
    // What a caller holding a block at a time keeps: the last batch (and the count of rows).
    tariff::read_result<tariff::work_line> batch;
    std::size_t rows = 0;
    while (stream.next(batch))
      rows += batch.rows.size();
    benchmark::DoNotOptimize(rows);
    return batch;
  });
}
BENCHMARK(BM_work_csv_stream)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
