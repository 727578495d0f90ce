#include <string>

#include <gtest/gtest.h>
#include <tariff/calendar.hpp>

namespace {

using tariff::calendar_error;
using tariff::date_span;
using tariff::local_date;
using tariff::period_scheme;

local_date d(const char* text) {
  return tariff::parse_date(text).value();
}

date_span span(const char* first, const char* end) {
  return {d(first), d(end)};
}

std::string show(const date_span& s) {
  return tariff::format_date(s.first) + ".." + tariff::format_date(s.end);
}

#define EXPECT_SPAN(actual, first, end) EXPECT_EQ(show(actual), show(span(first, end)))

TEST(PeriodScheme, MonthlyContainsCalendarMonth) {
  const auto monthly = period_scheme::monthly();
  EXPECT_SPAN(monthly.containing(d("2026-02-14")), "2026-02-01", "2026-03-01");
  EXPECT_SPAN(monthly.containing(d("2026-02-01")), "2026-02-01", "2026-03-01");
  EXPECT_SPAN(monthly.containing(d("2026-02-28")), "2026-02-01", "2026-03-01");
  EXPECT_SPAN(monthly.containing(d("2028-02-29")), "2028-02-01", "2028-03-01");
  EXPECT_SPAN(monthly.containing(d("1999-12-31")), "1999-12-01", "2000-01-01");
  EXPECT_EQ(monthly.containing(d("2026-02-14")).days(), 28);
  EXPECT_EQ(monthly.period_unit(), period_scheme::unit::month);
  EXPECT_EQ(monthly.length(), 1);
}

TEST(PeriodScheme, NextAndPreviousCrossYearEnd) {
  const auto monthly = period_scheme::monthly();
  const date_span december = monthly.containing(d("2026-12-31"));
  EXPECT_SPAN(december, "2026-12-01", "2027-01-01");
  EXPECT_SPAN(monthly.next(december), "2027-01-01", "2027-02-01");
  EXPECT_SPAN(monthly.previous(monthly.next(december)), "2026-12-01", "2027-01-01");
  EXPECT_SPAN(monthly.previous(monthly.containing(d("2027-01-15"))), "2026-12-01", "2027-01-01");
  EXPECT_SPAN(monthly.previous(december), "2026-11-01", "2026-12-01");
}

TEST(PeriodScheme, Quarterly) {
  const auto quarterly = period_scheme::quarterly();
  EXPECT_SPAN(quarterly.containing(d("2026-11-24")), "2026-10-01", "2027-01-01");
  EXPECT_SPAN(quarterly.containing(d("2026-01-01")), "2026-01-01", "2026-04-01");
  EXPECT_SPAN(quarterly.containing(d("2026-03-31")), "2026-01-01", "2026-04-01");
  EXPECT_SPAN(quarterly.containing(d("2026-04-01")), "2026-04-01", "2026-07-01");
  EXPECT_SPAN(quarterly.next(quarterly.containing(d("2026-11-24"))), "2027-01-01", "2027-04-01");
  EXPECT_SPAN(quarterly.containing(d("1987-08-15")), "1987-07-01", "1987-10-01");
  EXPECT_EQ(quarterly.containing(d("2026-11-24")).days(), 92);
}

TEST(PeriodScheme, Yearly) {
  const auto yearly = period_scheme::yearly();
  EXPECT_SPAN(yearly.containing(d("2026-07-04")), "2026-01-01", "2027-01-01");
  EXPECT_SPAN(yearly.containing(d("2026-12-31")), "2026-01-01", "2027-01-01");
  EXPECT_SPAN(yearly.containing(d("1950-01-01")), "1950-01-01", "1951-01-01");
  EXPECT_EQ(yearly.containing(d("2028-05-05")).days(), 366);
  EXPECT_SPAN(yearly.previous(yearly.containing(d("2026-07-04"))), "2025-01-01", "2026-01-01");
}

TEST(PeriodScheme, HalfYearsFromAnchor) {
  const auto half = period_scheme::every_months(6, d("2026-03-15"));
  EXPECT_EQ(half.anchor(), d("2026-03-15"));
  EXPECT_EQ(half.length(), 6);
  EXPECT_SPAN(half.containing(d("2026-03-15")), "2026-03-15", "2026-09-15");
  EXPECT_SPAN(half.containing(d("2026-09-14")), "2026-03-15", "2026-09-15");
  EXPECT_SPAN(half.containing(d("2026-09-15")), "2026-09-15", "2027-03-15");
  EXPECT_SPAN(half.containing(d("2027-03-14")), "2026-09-15", "2027-03-15");
  // Before the anchor: the periods go on backwards.
  EXPECT_SPAN(half.containing(d("2026-03-14")), "2025-09-15", "2026-03-15");
  EXPECT_SPAN(half.containing(d("2025-09-15")), "2025-09-15", "2026-03-15");
  EXPECT_SPAN(half.containing(d("2025-09-14")), "2025-03-15", "2025-09-15");
  EXPECT_SPAN(half.containing(d("2020-01-01")), "2019-09-15", "2020-03-15");
}

TEST(PeriodScheme, MonthEndAnchorClampsToShortMonths) {
  const auto monthly = period_scheme::every_months(1, d("2026-01-31"));
  EXPECT_SPAN(monthly.containing(d("2026-01-31")), "2026-01-31", "2026-02-28");
  EXPECT_SPAN(monthly.containing(d("2026-02-27")), "2026-01-31", "2026-02-28");
  EXPECT_SPAN(monthly.containing(d("2026-02-28")), "2026-02-28", "2026-03-31");
  EXPECT_SPAN(monthly.containing(d("2026-03-30")), "2026-02-28", "2026-03-31");
  EXPECT_SPAN(monthly.containing(d("2026-03-31")), "2026-03-31", "2026-04-30");
  EXPECT_SPAN(monthly.containing(d("2026-04-30")), "2026-04-30", "2026-05-31");
  EXPECT_SPAN(monthly.containing(d("2028-02-28")), "2028-01-31", "2028-02-29");
  EXPECT_SPAN(monthly.containing(d("2028-02-29")), "2028-02-29", "2028-03-31");
  // Before the anchor.
  EXPECT_SPAN(monthly.containing(d("2026-01-30")), "2025-12-31", "2026-01-31");
  EXPECT_SPAN(monthly.containing(d("2025-12-01")), "2025-11-30", "2025-12-31");
  EXPECT_SPAN(monthly.containing(d("2024-03-15")), "2024-02-29", "2024-03-31");
  // Walking forwards and backwards visits the same periods.
  date_span p = monthly.containing(d("2026-01-31"));
  for (int i = 0; i < 30; ++i) {
    const date_span q = monthly.next(p);
    EXPECT_EQ(q.first, p.end);
    EXPECT_EQ(monthly.previous(q), p);
    p = q;
  }
  EXPECT_SPAN(p, "2028-07-31", "2028-08-31");
}

TEST(PeriodScheme, AnchorOn29February) {
  const auto yearly = period_scheme::every_months(12, d("2024-02-29"));
  EXPECT_SPAN(yearly.containing(d("2025-02-27")), "2024-02-29", "2025-02-28");
  EXPECT_SPAN(yearly.containing(d("2025-02-28")), "2025-02-28", "2026-02-28");
  EXPECT_SPAN(yearly.containing(d("2028-02-29")), "2028-02-29", "2029-02-28");
  EXPECT_SPAN(yearly.containing(d("2024-02-28")), "2023-02-28", "2024-02-29");
}

TEST(PeriodScheme, EveryDaysBothSidesOfAnchor) {
  const auto fortnight = period_scheme::every_days(14, d("2026-01-05"));
  EXPECT_EQ(fortnight.period_unit(), period_scheme::unit::day);
  EXPECT_SPAN(fortnight.containing(d("2026-01-05")), "2026-01-05", "2026-01-19");
  EXPECT_SPAN(fortnight.containing(d("2026-01-18")), "2026-01-05", "2026-01-19");
  EXPECT_SPAN(fortnight.containing(d("2026-01-19")), "2026-01-19", "2026-02-02");
  EXPECT_SPAN(fortnight.containing(d("2026-03-01")), "2026-02-16", "2026-03-02");
  EXPECT_SPAN(fortnight.containing(d("2026-01-04")), "2025-12-22", "2026-01-05");
  EXPECT_SPAN(fortnight.containing(d("2025-12-22")), "2025-12-22", "2026-01-05");
  EXPECT_SPAN(fortnight.containing(d("2025-12-21")), "2025-12-08", "2025-12-22");
  EXPECT_SPAN(fortnight.next(fortnight.containing(d("2025-12-25"))), "2026-01-05", "2026-01-19");
  EXPECT_SPAN(fortnight.previous(fortnight.containing(d("2026-01-05"))), "2025-12-22",
              "2026-01-05");
  EXPECT_EQ(fortnight.containing(d("2000-01-01")).days(), 14);

  const auto daily = period_scheme::every_days(1, d("2026-01-05"));
  EXPECT_SPAN(daily.containing(d("1990-06-30")), "1990-06-30", "1990-07-01");
}

TEST(PeriodScheme, FarFromAnchor) {
  const auto half = period_scheme::every_months(6, d("2026-03-31"));
  EXPECT_SPAN(half.containing(d("2526-10-01")), "2526-09-30", "2527-03-31");
  EXPECT_SPAN(half.containing(d("1526-03-30")), "1525-09-30", "1526-03-31");
}

TEST(PeriodScheme, RejectsNonPositiveLength) {
  EXPECT_THROW((void)period_scheme::every_months(0, d("2026-01-01")), calendar_error);
  EXPECT_THROW((void)period_scheme::every_months(-3, d("2026-01-01")), calendar_error);
  EXPECT_THROW((void)period_scheme::every_days(0, d("2026-01-01")), calendar_error);
  EXPECT_THROW((void)period_scheme::every_days(-14, d("2026-01-01")), calendar_error);
  EXPECT_NO_THROW((void)period_scheme::every_days(1, d("2026-01-01")));
}

}  // namespace
