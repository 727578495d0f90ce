// Helpers shared by the calendar's translation units; not part of the public API.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include <tariff/calendar.hpp>

namespace tariff::calendar_stage {

/// Division rounding towards negative infinity (b > 0).
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}

/// The date y-m-d, or the month's last day when the month has no day d (31 April, 29 February).
date::year_month_day clamped_date(date::year y, date::month m, date::day d);

/// The labels that depend only on the local date: day sets, date ranges, holiday.
struct day_labels {
  std::uint64_t day_sets = 0;
  std::uint64_t date_ranges = 0;
  bool holiday = false;
};

/// Day sets, date ranges and holiday of local date `d` in calendar `cal`.
day_labels labels_of_day(const calendar& cal, local_date d);

/// The windows of `cal` that contain a local time of day (minutes after midnight, 0..1439).
std::uint64_t windows_at(const calendar& cal, std::chrono::minutes time_of_day);

/// The UTC offsets of a few zones around the instants last asked about. date's get_info is a
/// search through the zone's transitions (about 60 ns); a line's instants, and most lines of a
/// run, fall in the offset period asked last, so the pricer asks this instead. Not thread-safe:
/// one per pricer.
class offset_cache {
 public:
  /// The offset of `zone` at `t`; `until` is where that offset stops holding (instant::max() for
  /// a zone's last period).
  std::chrono::seconds offset(const date::time_zone& zone, instant t, instant& until) {
    for (entry& e : entries_)
      if (e.zone == &zone && e.begin <= t && t < e.end) {
        until = e.end;
        return e.offset;
      }
    const date::sys_info info = zone.get_info(t);
    entry& e = entries_[next_++ % entries_.size()];
    // The last period of a zone ends at the end of the supported range: never stop there.
    e = {&zone, info.begin, info.end > t ? info.end : instant::max(), info.offset};
    until = e.end;
    return e.offset;
  }

 private:
  struct entry {
    const date::time_zone* zone = nullptr;
    instant begin{};
    instant end{};
    std::chrono::seconds offset{};
  };
  std::array<entry, 4> entries_{};
  std::size_t next_ = 0;
};

/// calendar::split with the zone's offsets from `offsets`.
void split(const calendar& cal, instant begin, instant end, const date::time_zone& zone,
           std::vector<segment>& out, offset_cache& offsets);
/// calendar::labels_at with the zone's offset from `offsets`.
segment_labels labels_at(const calendar& cal, instant t, const date::time_zone& zone,
                         offset_cache& offsets);
/// local_date_of with the zone's offset from `offsets`.
local_date local_date_of(instant t, const date::time_zone& zone, offset_cache& offsets);

}  // namespace tariff::calendar_stage
