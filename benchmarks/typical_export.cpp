// Writes the first N contracts of the typical work mix for the Python baseline (benchmarks/run):
//
//   typical_export CONTRACTS DIR   ->  DIR/contracts.csv, DIR/work.csv
//
// and prints, as JSON, the engine's and the hand-written pricer's totals over those lines, which
// the Python script's totals must equal to the cent. work.csv carries the engine's amount and cost
// of each line, so the script can also say which lines differ (outside its timing).
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include <tariff/pricing.hpp>

#include "by_hand.hpp"
#include "workload.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: typical_export CONTRACTS DIR\n";
    return 2;
  }
  const auto count = static_cast<std::size_t>(std::strtoul(argv[1], nullptr, 10));
  const std::string dir = argv[2];
  const tariff::compile_result compiled =
      tariff::compile(bench::typical_tariff_source(), "typical.tariff");
  const bench::workload w = bench::make_workload(count);

  std::ofstream contracts(dir + "/contracts.csv");
  contracts << "id,client_since,start,end\n";
  for (const tariff::contract& c : w.contracts)
    contracts << c.id << ',' << tariff::format_date(*c.client_since) << ','
              << tariff::format_date(c.start) << ',' << tariff::format_date(c.end) << '\n';

  std::ofstream work(dir + "/work.csv");
  work << "id,contract,item,start,end,quantity,time_zone,region,kind,engine_amount,engine_cost\n";
  tariff::decimal engine_amount;
  tariff::decimal engine_cost;
  std::int64_t hand_amount = 0;
  std::int64_t hand_cost = 0;
  bench::hand_pricer hand;
  for (std::size_t c = 0; c < w.contracts.size(); ++c) {
    const auto lines =
        std::span(w.lines).subspan(c * bench::lines_per_contract, bench::lines_per_contract);
    const auto priced = tariff::price(*compiled.tariff, w.contracts[c], lines, {false});
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const tariff::work_line& l = lines[i];
      work << l.id << ',' << l.contract << ',' << l.item << ','
           << l.start.time_since_epoch().count() << ','
           << (l.end ? std::to_string(l.end->time_since_epoch().count()) : "") << ','
           << (l.quantity ? l.quantity->to_string() : "") << ',' << l.time_zone << ','
           << l.site_attributes.at("region") << ',' << tariff::to_string(l.kind) << ','
           << priced[i].amount << ',' << priced[i].cost << '\n';
      engine_amount += priced[i].amount;
      engine_cost += priced[i].cost;
      const bench::hand_amount h = hand.price(w.contracts[c], l);
      hand_amount += h.amount;
      hand_cost += h.cost;
    }
  }
  std::cout << "{\"lines\": " << w.lines.size() << ", \"engine_amount\": \"" << engine_amount
            << "\", \"engine_cost\": \"" << engine_cost << "\", \"by_hand_amount\": \""
            << tariff::decimal::from_units(hand_amount, 2) << "\", \"by_hand_cost\": \""
            << tariff::decimal::from_units(hand_cost, 2) << "\"}\n";
  return 0;
}
