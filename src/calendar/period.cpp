// Billing periods: spans of months or days counted from an anchor date.
#include <string>

#include "calendar/internal.hpp"

namespace tariff {

namespace {

using calendar_stage::floor_div;

// Months since year 0, January: a linear count that makes month arithmetic plain integer math.
std::int64_t month_count(const date::year_month_day& ymd) {
  return std::int64_t{static_cast<int>(ymd.year())} * 12 +
         std::int64_t{static_cast<unsigned>(ymd.month())} - 1;
}

// 1 January 2000: the anchor of the calendar-aligned schemes (any 1 January would do).
constexpr local_date calendar_anchor{date::year{2000} / 1 / 1};

}  // namespace

period_scheme::period_scheme(unit u, int length, local_date anchor)
    : unit_(u), length_(length), anchor_(anchor) {}

period_scheme period_scheme::monthly() {
  return {unit::month, 1, calendar_anchor};
}
period_scheme period_scheme::quarterly() {
  return {unit::month, 3, calendar_anchor};
}
period_scheme period_scheme::yearly() {
  return {unit::month, 12, calendar_anchor};
}

period_scheme period_scheme::every_months(int months, local_date anchor) {
  if (months < 1) {
    throw calendar_error("a period must be at least 1 month long, not " + std::to_string(months));
  }
  return {unit::month, months, anchor};
}

period_scheme period_scheme::every_days(int days, local_date anchor) {
  if (days < 1) {
    throw calendar_error("a period must be at least 1 day long, not " + std::to_string(days));
  }
  return {unit::day, days, anchor};
}

namespace {

// The start of period `index` of a scheme of `length` months anchored on `anchor`: start_of, with
// the anchor's calendar date computed once by the caller (containing needs two starts).
local_date month_start(const date::year_month_day& anchor, int length, std::int64_t index) {
  const std::int64_t months = month_count(anchor) + index * length;
  const std::int64_t y = floor_div(months, 12);
  if (y < static_cast<int>(date::year::min()) || y > static_cast<int>(date::year::max())) {
    throw calendar_error("billing period out of the supported date range");
  }
  const auto m = static_cast<unsigned>(months - y * 12 + 1);
  return local_date{
      calendar_stage::clamped_date(date::year{static_cast<int>(y)}, date::month{m}, anchor.day())};
}

}  // namespace

local_date period_scheme::start_of(std::int64_t index) const {
  if (unit_ == unit::day) {
    return anchor_ + date::days{index * length_};
  }
  return month_start(date::year_month_day{anchor_}, length_, index);
}

date_span period_scheme::containing(local_date d) const {
  if (unit_ == unit::day) {
    const std::int64_t index = floor_div((d - anchor_).count(), length_);
    return {start_of(index), start_of(index + 1)};
  }
  // The index of the period whose start falls in d's month or before; a start clamped to a
  // later day of d's month (anchor on the 31st, d on the 15th) means d is in the period before.
  const date::year_month_day anchor{anchor_};
  const std::int64_t index =
      floor_div(month_count(date::year_month_day{d}) - month_count(anchor), length_);
  const local_date start = month_start(anchor, length_, index);
  if (start > d) {
    return {month_start(anchor, length_, index - 1), start};
  }
  return {start, month_start(anchor, length_, index + 1)};
}

}  // namespace tariff
