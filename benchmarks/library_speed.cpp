// The library's side of the tool's figures (issue 23; docs/performance.md, "Readers, the tool and
// memory"): what a host program that links the library does with the pinned export, in CPU time.
//
//   library_speed DIR [PASSES]  ->  one JSON object on standard output
//
// Reads DIR/contracts.csv and DIR/work.csv (benchmarks/work_export) into memory, then times with
// CLOCK_PROCESS_CPUTIME_ID, each the median of PASSES passes (default 3):
//
// - read_contracts_csv and read_work_csv on the text already in memory (lines/s, MB/s);
// - tariff::price_into per contract into one result vector kept across the calls, trace off and
//   trace on;
// - tariff::bill per contract for March 2026 from an empty state, trace off and trace on;
// - the hand-written pricer (bench::hand_pricer) over the same lines.
//
// The lines are grouped by contract (in the order of contracts.csv, each contract's lines in file
// order) before any timing, each contract's lines copied together, so that the figures after the
// readers' are the same for an export by date and by contract; grouping is not timed. Before
// timing, every line is priced once by the engine and by hand: the two must agree to the cent on
// every line, or the program fails (exit status 1) without a figure. The totals it prints are what
// the Python end-to-end script's must equal.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include <tariff/billing.hpp>
#include <tariff/io.hpp>
#include <tariff/pricing.hpp>

#include "by_hand.hpp"
#include "workload.hpp"

namespace {

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// The median CPU seconds of `passes` runs of `pass`.
double median_seconds(int passes, const std::function<void()>& pass) {
  std::vector<double> seconds;
  for (int i = 0; i < passes; ++i) {
    const double began = cpu_seconds();
    pass();
    seconds.push_back(cpu_seconds() - began);
  }
  std::sort(seconds.begin(), seconds.end());
  return seconds[seconds.size() / 2];
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Keeps `p` alive as far as the optimiser knows.
void keep(const void* p) {
  asm volatile("" : : "g"(p) : "memory");
}

[[noreturn]] void fail(const std::string& why) {
  std::cerr << "library_speed: " << why << "\n";
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::cerr << "usage: library_speed DIR [PASSES]\n";
    return 2;
  }
  const std::string dir = argv[1];
  const int passes = argc == 3 ? std::max(1, std::atoi(argv[2])) : 3;
  const tariff::compile_result compiled =
      tariff::compile(bench::typical_tariff_source(), "typical.tariff");
  if (!compiled.tariff) fail("the typical tariff does not compile");
  const tariff::compiled_tariff& tariff = *compiled.tariff;

  // Reading: the files into memory (not timed), then the readers on the text.
  const std::string contracts_text = read_text(dir + "/contracts.csv");
  const std::string work_text = read_text(dir + "/work.csv");
  tariff::read_result<tariff::contract> contracts;
  tariff::read_result<tariff::work_line> work;
  const double contracts_seconds =
      median_seconds(passes, [&] { contracts = tariff::read_contracts_csv(contracts_text); });
  const double work_seconds =
      median_seconds(passes, [&] { work = tariff::read_work_csv(work_text); });
  if (!contracts.errors.empty() || !work.errors.empty())
    fail(std::to_string(contracts.errors.size() + work.errors.size()) +
         " row(s) of the export do not read, the first: " +
         tariff::format(contracts.errors.empty() ? work.errors.front() : contracts.errors.front()));
  const std::size_t lines = work.rows.size();

  // Grouping by contract (not timed).
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t c = 0; c < contracts.rows.size(); ++c)
    index.emplace(contracts.rows[c].id, c);
  std::vector<std::vector<std::size_t>> positions(contracts.rows.size());
  for (std::size_t i = 0; i < work.rows.size(); ++i) {
    const auto found = index.find(work.rows[i].contract);
    if (found == index.end())
      fail("line " + work.rows[i].id + " names no contract of contracts.csv");
    positions[found->second].push_back(i);
  }
  // Copied, contract after contract, so that each contract's lines and their strings lie together
  // in memory whatever the file's order, as for a host that holds them grouped (moving them would
  // leave their strings where the reader allocated them, in the file's order, and every figure
  // below would depend on the order of the file).
  std::vector<std::vector<tariff::work_line>> by_contract(contracts.rows.size());
  for (std::size_t c = 0; c < positions.size(); ++c) {
    by_contract[c].reserve(positions[c].size());
    for (const std::size_t i : positions[c])
      by_contract[c].push_back(work.rows[i]);
  }
  work = {};
  positions = {};

  // The check before timing: the engine against the hand-written pricer, line by line; and the
  // totals that the Python script must equal.
  tariff::decimal engine_amount;
  tariff::decimal engine_cost;
  std::int64_t hand_amount = 0;
  std::int64_t hand_cost = 0;
  tariff::decimal traced_amount;
  {
    bench::hand_pricer hand;
    std::vector<tariff::priced_line> priced;
    std::vector<tariff::priced_line> traced;
    for (std::size_t c = 0; c < contracts.rows.size(); ++c) {
      const tariff::contract& deal = contracts.rows[c];
      tariff::price_into(tariff, deal, by_contract[c], priced, {false});
      tariff::price_into(tariff, deal, by_contract[c], traced, {true});
      for (std::size_t i = 0; i < priced.size(); ++i) {
        const tariff::work_line& l = by_contract[c][i];
        const bench::hand_amount h = hand.price(deal, l);
        if (!priced[i].ok() || !h.ok) fail("line " + l.id + " rejected: " + priced[i].message);
        if (priced[i].amount != tariff::decimal::from_units(h.amount, 2) ||
            priced[i].cost != tariff::decimal::from_units(h.cost, 2))
          fail("line " + l.id + ": engine " + priced[i].amount.to_string() + " / " +
               priced[i].cost.to_string() + ", by hand " + std::to_string(h.amount) + " / " +
               std::to_string(h.cost) + " cents");
        engine_amount += priced[i].amount;
        engine_cost += priced[i].cost;
        traced_amount += traced[i].amount;
        hand_amount += h.amount;
        hand_cost += h.cost;
      }
    }
  }
  if (traced_amount != engine_amount) fail("the trace changes the total amount");

  const tariff::date_span march{*tariff::parse_date("2026-03-01"),
                                *tariff::parse_date("2026-04-01")};
  tariff::decimal billed_total;
  {
    tariff::bill_options options;
    options.trace = false;
    for (std::size_t c = 0; c < contracts.rows.size(); ++c)
      billed_total +=
          tariff::bill(tariff, contracts.rows[c], march, {}, by_contract[c], options).total;
  }

  // The timed passes.
  const auto price_pass = [&](bool trace) {
    return [&, trace] {
      std::vector<tariff::priced_line> priced;  // kept across the calls, as a host's stream
      for (std::size_t c = 0; c < contracts.rows.size(); ++c) {
        tariff::price_into(tariff, contracts.rows[c], by_contract[c], priced, {trace});
        keep(priced.data());
      }
    };
  };
  const auto bill_pass = [&](bool trace) {
    return [&, trace] {
      tariff::bill_options options;
      options.trace = trace;
      for (std::size_t c = 0; c < contracts.rows.size(); ++c) {
        const tariff::statement s =
            tariff::bill(tariff, contracts.rows[c], march, {}, by_contract[c], options);
        keep(&s);
      }
    };
  };
  const double price_off = median_seconds(passes, price_pass(false));
  const double price_on = median_seconds(passes, price_pass(true));
  const double bill_off = median_seconds(passes, bill_pass(false));
  const double bill_on = median_seconds(passes, bill_pass(true));
  const double by_hand = median_seconds(passes, [&] {
    bench::hand_pricer hand;
    std::vector<bench::hand_amount> amounts(bench::lines_per_contract);
    for (std::size_t c = 0; c < contracts.rows.size(); ++c) {
      const std::vector<tariff::work_line>& ls = by_contract[c];
      if (amounts.size() < ls.size()) amounts.resize(ls.size());
      for (std::size_t i = 0; i < ls.size(); ++i)
        amounts[i] = hand.price(contracts.rows[c], ls[i]);
      keep(amounts.data());
    }
  });

  const auto n = static_cast<double>(lines);
  const auto figure = [&](const char* name, double seconds, const char* what) {
    std::printf("  \"%s\": {\"seconds\": %.6f, \"lines_per_second\": %.1f, \"what\": \"%s\"},\n",
                name, seconds, n / seconds, what);
  };
  std::printf("{\n  \"lines\": %zu,\n  \"contracts\": %zu,\n  \"work_bytes\": %zu,\n", lines,
              contracts.rows.size(), work_text.size());
  std::printf("  \"contracts_bytes\": %zu,\n  \"passes\": %d,\n", contracts_text.size(), passes);
  std::printf(
      "  \"statistic\": \"median CPU seconds (CLOCK_PROCESS_CPUTIME_ID) of the passes\",\n");
  std::printf(
      "  \"read_work_csv\": {\"seconds\": %.6f, \"lines_per_second\": %.1f, "
      "\"mb_per_second\": %.2f, \"what\": \"read_work_csv on work.csv already in "
      "memory\"},\n",
      work_seconds, n / work_seconds, static_cast<double>(work_text.size()) / 1e6 / work_seconds);
  std::printf(
      "  \"read_contracts_csv\": {\"seconds\": %.6f, \"rows_per_second\": %.1f, "
      "\"mb_per_second\": %.2f},\n",
      contracts_seconds, static_cast<double>(contracts.rows.size()) / contracts_seconds,
      static_cast<double>(contracts_text.size()) / 1e6 / contracts_seconds);
  figure("price_into_trace_off", price_off,
         "tariff::price_into per contract into one vector kept across the calls, trace off");
  figure("price_into_trace_on", price_on, "the same, trace on");
  figure("bill_trace_off", bill_off,
         "tariff::bill per contract, March 2026, empty opening state, trace off");
  figure("bill_trace_on", bill_on, "the same, trace on");
  figure("by_hand", by_hand, "bench::hand_pricer over the same lines");
  std::printf("  \"engine_amount\": \"%s\",\n  \"engine_cost\": \"%s\",\n",
              engine_amount.to_string().c_str(), engine_cost.to_string().c_str());
  std::printf("  \"by_hand_amount\": \"%s\",\n  \"by_hand_cost\": \"%s\",\n",
              tariff::decimal::from_units(hand_amount, 2).to_string().c_str(),
              tariff::decimal::from_units(hand_cost, 2).to_string().c_str());
  std::printf("  \"billed_total\": \"%s\",\n  \"engine_equals_by_hand\": true\n}\n",
              billed_total.to_string().c_str());
  return 0;
}
