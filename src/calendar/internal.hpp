// Helpers shared by the calendar's translation units; not part of the public API.
#pragma once

#include <cstdint>

#include <tariff/calendar.hpp>

namespace tariff::calendar_internal {

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

}  // namespace tariff::calendar_internal
