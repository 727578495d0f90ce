// Baseline (a) of the performance suite: the typical tariff (typical/typical.tariff) written by
// hand in C++ for that tariff only, with int64 minor units and the same time-zone splitting as the
// engine (the zone's offset at each instant, night 22:00..06:00 local). No interpretation, no
// result structs, no checks beyond the contract's dates: the practical limit of what the engine
// could reach. The suite checks it gives the engine's amount and cost on every line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <tariff/model.hpp>

namespace bench {

struct hand_amount {
  std::int64_t amount = 0;    ///< cents
  std::int64_t cost = 0;      ///< cents
  bool ok = false;            ///< false: rejected (outside the contract)
  tariff::local_date day;     ///< the local date of its start
  std::int64_t measured = 0;  ///< seconds for time items, else the count
  std::int64_t billed = 0;    ///< the same, after the billing step and minimum (0: not billable)
};

class hand_pricer {
 public:
  hand_amount price(const tariff::contract& deal, const tariff::work_line& work);

 private:
  struct zone_info {
    const date::time_zone* zone = nullptr;
    date::sys_info info{};
  };
  // The zone named `name` and its offset period around `t`, cached: sites repeat zones.
  const date::sys_info& offset_at(const std::string& name, tariff::instant t);

  std::string last_name_;
  std::size_t last_ = 0;
  std::vector<std::pair<std::string, zone_info>> zones_;
};

}  // namespace bench
