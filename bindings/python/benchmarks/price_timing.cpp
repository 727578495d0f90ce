// The C++ side of the Python batch benchmark (batch_benchmark.py): prices exactly the lines the
// Python side prices, read from the CSV files it wrote, and times the pricing alone (reading
// the files is not timed) — what a C++ host pays for the same pricing.
//
//   tariff_price_timing TARIFF CONTRACTS.csv WORK.csv [REPEATS] [CHUNK] [price|into]
//
// Lines are priced in consecutive chunks of CHUNK lines (default 4096, as the Python batch
// path reads them; 0: all at once), trace off: each chunk by tariff::price (the default), or by
// tariff::price_into into one result vector kept from chunk to chunk (`into`, as the Python
// batch path prices). Prints the best and median of REPEATS runs (default 5) and the sum of
// the amounts in minor units, which the Python side checks against its own.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/io.hpp>
#include <tariff/pricing.hpp>

namespace {

std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s TARIFF CONTRACTS.csv WORK.csv [REPEATS] [CHUNK] [price|into]\n",
                 argv[0]);
    return 2;
  }
  const int repeats = argc > 4 ? std::max(1, std::stoi(argv[4])) : 5;
  const std::size_t chunk = argc > 5 ? std::stoul(argv[5]) : 4096;
  const bool into = argc > 6 && std::string_view(argv[6]) == "into";
  const tariff::compile_result compiled = tariff::compile(slurp(argv[1]), argv[1]);
  if (!compiled.tariff) {
    std::fprintf(stderr, "%s\n", tariff::format(compiled.diagnostics).c_str());
    return 1;
  }
  const auto contracts = tariff::read_contracts_csv(slurp(argv[2]));
  const auto work = tariff::read_work_csv(slurp(argv[3]));
  if (!contracts.errors.empty() || !work.errors.empty()) {
    std::fprintf(stderr, "the input did not read\n");
    return 1;
  }
  const std::span<const tariff::work_line> lines(work.rows);
  const std::size_t step = chunk == 0 ? lines.size() : chunk;
  const tariff::price_options options{false};

  std::vector<double> seconds;
  tariff::decimal total;
  std::size_t rejected = 0;
  std::vector<tariff::priced_line> kept;
  for (int r = 0; r < repeats; ++r) {
    tariff::decimal sum;
    std::size_t refused = 0;
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t first = 0; first < lines.size(); first += step) {
      const auto chunk_lines = lines.subspan(first, std::min(step, lines.size() - first));
      std::vector<tariff::priced_line> fresh;
      if (into)
        tariff::price_into(*compiled.tariff, contracts.rows, chunk_lines, kept, options);
      else
        fresh = tariff::price(*compiled.tariff, contracts.rows, chunk_lines, options);
      const std::vector<tariff::priced_line>& priced = into ? kept : fresh;
      for (const tariff::priced_line& l : priced) {
        if (l.ok())
          sum += l.amount;
        else
          ++refused;
      }
    }
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    total = sum;
    rejected = refused;
  }
  std::sort(seconds.begin(), seconds.end());
  std::printf(
      "{\"lines\": %zu, \"rejected\": %zu, \"best_s\": %.4f, \"median_s\": %.4f, "
      "\"amount_total\": \"%s\"}\n",
      lines.size(), rejected, seconds.front(), seconds[seconds.size() / 2],
      total.to_string().c_str());
  return 0;
}
