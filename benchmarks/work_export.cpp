// Writes the pinned export of the typical work mix (docs/performance.md, "The pinned export"):
//
//   work_export LINES DIR [contract|date]  ->  DIR/work.csv, DIR/contracts.csv
//
// LINES is rounded up to whole contracts of 30 lines. `contract` (the default) writes each
// contract's lines together, as the mix is generated; `date` sorts them by start, as an ITSM
// system's export by date is, which the tool must sort back into contracts. The first N lines are
// the same in every run: the readers' and the tool's figures are over the same text.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "export.hpp"
#include "workload.hpp"

int main(int argc, char** argv) {
  const std::string_view order = argc == 4 ? argv[3] : "contract";
  if ((argc != 3 && argc != 4) || (order != "contract" && order != "date")) {
    std::cerr << "usage: work_export LINES DIR [contract|date]\n";
    return 2;
  }
  const auto lines = static_cast<std::size_t>(std::strtoull(argv[1], nullptr, 10));
  const std::size_t contracts = (lines + bench::lines_per_contract - 1) / bench::lines_per_contract;
  const std::string dir = argv[2];
  std::ofstream work(dir + "/work.csv", std::ios::binary);
  std::ofstream deals(dir + "/contracts.csv", std::ios::binary);
  work << bench::export_header;
  deals << bench::contracts_header;
  // By date: every row is kept with its start and written once all are sorted (the rows of a
  // 1 GB export fit in this machine's memory; the tool under test is what must not need that).
  std::vector<std::pair<tariff::instant, std::string>> rows;
  constexpr std::size_t block = 1000;  // contracts generated at a time
  for (std::size_t first = 0; first < contracts; first += block) {
    bench::workload w;
    for (std::size_t c = first; c < std::min(contracts, first + block); ++c)
      bench::add_contract(w, c);
    bench::append_contract_rows(deals, w);
    if (order == "contract") {
      bench::append_export_rows(work, w);
      continue;
    }
    for (const tariff::work_line& l : w.lines) {
      bench::workload one;
      one.lines.push_back(l);
      std::ostringstream row;
      bench::append_export_rows(row, one);
      rows.emplace_back(l.start, row.str());
    }
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [start, row] : rows)
    work << row;
  work.flush();
  deals.flush();
  if (!work || !deals) {
    std::cerr << "work_export: cannot write " << dir << "\n";
    return 1;
  }
  return 0;
}
