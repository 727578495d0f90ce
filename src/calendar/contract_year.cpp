// Contract years counted from the start of the client relationship.
#include <string>

#include "calendar/internal.hpp"

namespace tariff {

namespace {

// The anniversary of `since` in year y: the same month and day, 29 February becoming 28 February
// in common years.
local_date anniversary(const date::year_month_day& since, date::year y) {
  return local_date{calendar_stage::clamped_date(y, since.month(), since.day())};
}

}  // namespace

int contract_year(local_date client_since, local_date day) {
  if (day < client_since) {
    throw calendar_error("date " + format_date(day) + " is before the client relationship began (" +
                         format_date(client_since) + ")");
  }
  const date::year_month_day since{client_since};
  const date::year_month_day on{day};
  int completed = static_cast<int>(on.year()) - static_cast<int>(since.year());
  if (day < anniversary(since, on.year())) {
    --completed;
  }
  return completed + 1;
}

local_date contract_year_start(local_date client_since, int year) {
  if (year < 1) {
    throw calendar_error("contract years are counted from 1, not " + std::to_string(year));
  }
  const date::year_month_day since{client_since};
  const std::int64_t y = std::int64_t{static_cast<int>(since.year())} + year - 1;
  if (y > static_cast<int>(date::year::max())) {
    throw calendar_error("contract year " + std::to_string(year) + " is out of range");
  }
  return anniversary(since, date::year{static_cast<int>(y)});
}

}  // namespace tariff
