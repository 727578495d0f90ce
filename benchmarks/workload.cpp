// The typical work mix (see workload.hpp and docs/performance.md). A splitmix64 stream per
// contract, so that contract c is the same in every run and in every program that generates it.
#include "workload.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <tariff/calendar.hpp>

namespace bench {

namespace {

struct splitmix {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n).
  std::int64_t below(std::int64_t n) {
    return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n));
  }
};

struct zone_share {
  const char* name;
  int percent;
};
// Sites' zones: two with the EU's change on 29 March 01:00 UTC, one with the US change on
// 8 March, one without daylight-saving time.
constexpr std::array<zone_share, 4> zones{{{"Europe/Berlin", 40},
                                           {"Europe/London", 20},
                                           {"Europe/Moscow", 20},
                                           {"America/New_York", 20}}};
constexpr std::array<const char*, 5> regions{"central", "north", "south", "east", "west"};

std::string padded(std::int64_t n, int width) {
  std::string s = std::to_string(n);
  return std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(s.size()))),
                     '0') +
         s;
}

tariff::instant at_local(const date::time_zone& zone, tariff::local_date day,
                         std::chrono::minutes time) {
  const date::local_seconds local{day + time};
  return zone.to_sys(local, date::choose::earliest);
}

}  // namespace

workload make_workload(std::size_t contracts) {
  workload w;
  w.contracts.reserve(contracts);
  w.lines.reserve(contracts * lines_per_contract);
  for (std::size_t c = 0; c < contracts; ++c)
    add_contract(w, c);
  return w;
}

void add_contract(workload& w, std::size_t c) {
  const tariff::local_date march_1 = *tariff::parse_date("2026-03-01");
  const tariff::local_date feb_28 = *tariff::parse_date("2026-02-28");
  splitmix random{0x7A41FF00ULL + static_cast<std::uint64_t>(c) * 0x10001ULL};
  random.next();
  tariff::contract deal;
  deal.id = "C" + padded(static_cast<std::int64_t>(c), 6);
  deal.client = "K" + padded(static_cast<std::int64_t>(c), 6);
  deal.plan = "standard";
  deal.start = *tariff::parse_date("2025-01-01");
  deal.end = *tariff::parse_date("2027-12-31");
  // Up to 8 years of relationship: contract years 1 to 9, some changing in March.
  deal.client_since = feb_28 - date::days{random.below(8 * 365)};
  // A relationship begun after 2025-01-01 begins with this contract, which starts then (readers
  // refuse a client_since after the start); every contract is in force all of March 2026.
  deal.start = std::max(deal.start, *deal.client_since);
  // Two sites: the first has 80 % of the work.
  std::array<const char*, 2> site_zone{};
  std::array<const char*, 2> site_region{};
  for (std::size_t s = 0; s < 2; ++s) {
    std::int64_t pick = random.below(100);
    std::size_t z = 0;
    while (pick >= zones[z].percent)
      pick -= zones[z++].percent;
    site_zone[s] = zones[z].name;
    site_region[s] = regions[static_cast<std::size_t>(random.below(regions.size()))];
  }
  for (std::size_t j = 0; j < lines_per_contract; ++j) {
    tariff::work_line line;
    line.id = deal.id + "-" + padded(static_cast<std::int64_t>(j), 2);
    line.contract = deal.id;
    // What an ITSM export carries besides: fixed by (c, j) so that the random stream, and with
    // it the pinned mix, is what it was before these fields existed.
    line.request = "REQ-" + padded(static_cast<std::int64_t>(c * 20 + j * 2 / 3), 8);
    line.performer = "engineer-" + padded(static_cast<std::int64_t>((c * 7 + j * 3) % 400), 3);
    const std::size_t site = random.below(100) < 80 ? 0 : 1;
    line.site = deal.id + (site == 0 ? "-main" : "-branch");
    line.time_zone = site_zone[site];
    line.site_attributes.emplace("region", site_region[site]);
    if (random.below(100) < 2) line.kind = tariff::work_kind::warranty;
    const date::time_zone& zone = tariff::find_time_zone(line.time_zone);
    const std::int64_t what = random.below(100);
    // Local start: any quarter hour of 1..31 March, a third of them in the evening.
    const tariff::local_date day = march_1 + date::days{random.below(31)};
    const std::int64_t quarter =
        random.below(3) == 0 ? 19 * 4 + random.below(20) : random.below(96);
    line.start = at_local(zone, day, std::chrono::minutes(15 * quarter));
    if (what < 75) {
      line.item = what < 45 ? "field_service" : "remote_support";
      std::int64_t minutes = 10 + random.below(350);
      // 2 % of timed lines run across their zone's night of a daylight-saving change.
      if (random.below(100) < 2) {
        const bool us = line.time_zone == std::string("America/New_York");
        const tariff::instant change =
            *tariff::parse_instant(us ? "2026-03-08T07:00:00Z" : "2026-03-29T01:00:00Z");
        line.start = change - std::chrono::minutes(15 * (1 + random.below(12)));
        minutes = 120 + random.below(180);
      }
      line.end = line.start + std::chrono::minutes(minutes);
    } else if (what < 90) {
      line.item = "engineer_visit";
      line.quantity = tariff::decimal(1);
    } else {
      line.item = "spare_part";
      line.quantity = tariff::decimal(1 + random.below(5));
    }
    w.lines.push_back(std::move(line));
  }
  w.contracts.push_back(std::move(deal));
}

std::string typical_tariff_source() {
  std::ifstream in(TYPICAL_TARIFF_PATH);
  if (!in) throw std::runtime_error("cannot read " + std::string(TYPICAL_TARIFF_PATH));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

mix_stats stats_of(const workload& w) {
  mix_stats s;
  for (const tariff::work_line& line : w.lines) {
    if (line.kind == tariff::work_kind::billable) ++s.billable;
    if (!line.end) continue;
    ++s.timed;
    const date::time_zone& zone = tariff::find_time_zone(line.time_zone);
    const date::sys_info first = zone.get_info(line.start);
    if (*line.end > first.end) ++s.dst;
    // Crossing local 22:00 or midnight: some local time in (start, end) is 22:00 or 00:00.
    const auto local_start = zone.to_local(line.start);
    const auto local_end = zone.to_local(*line.end);
    const auto day = date::floor<date::days>(local_start);
    for (const auto boundary : {day + std::chrono::hours(22), day + std::chrono::hours(24),
                                day + std::chrono::hours(46), day + std::chrono::hours(48)})
      if (local_start < boundary && boundary < local_end) {
        ++s.crossing;
        break;
      }
  }
  return s;
}

}  // namespace bench
