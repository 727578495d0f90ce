#include <string>

#include <gtest/gtest.h>
#include <tariff/calendar.hpp>

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using tariff::format_date;
using tariff::format_instant;
using tariff::format_local;
using tariff::instant;
using tariff::local_date;
using tariff::parse_date;
using tariff::parse_instant;
using tariff::parse_time_of_day;

constexpr local_date ymd(int y, unsigned m, unsigned d) {
  return local_date{date::year{y} / date::month{m} / date::day{d}};
}

instant utc(int y, unsigned m, unsigned d, int hh, int mm, int ss) {
  return instant{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} + hours{hh} +
         minutes{mm} + seconds{ss};
}

TEST(ParseDate, Valid) {
  EXPECT_EQ(parse_date("2026-03-29"), ymd(2026, 3, 29));
  EXPECT_EQ(parse_date("2024-02-29"), ymd(2024, 2, 29));
  EXPECT_EQ(parse_date("2000-02-29"), ymd(2000, 2, 29));
  EXPECT_EQ(parse_date("1999-12-31"), ymd(1999, 12, 31));
  EXPECT_EQ(parse_date("0001-01-01"), ymd(1, 1, 1));
  EXPECT_EQ(parse_date("9999-12-31"), ymd(9999, 12, 31));
}

TEST(ParseDate, Invalid) {
  for (const char* text :
       {"",           "2026-02-29",  "1900-02-29",  "2026-04-31",       "2026-13-01", "2026-00-10",
        "2026-01-00", "2026-01-32",  "26-03-29",    "02026-03-29",      "2026-3-29",  "2026-03-9",
        "2026/03/29", "2026-03-29 ", " 2026-03-29", "2026-03-29T00:00", "2026-03-2a", "+026-03-29",
        "2026-03",    "20260329",    "2026--3-29",  "-2026-03-29"}) {
    EXPECT_EQ(parse_date(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(ParseTimeOfDay, Valid) {
  EXPECT_EQ(parse_time_of_day("00:00"), minutes{0});
  EXPECT_EQ(parse_time_of_day("06:00"), minutes{360});
  EXPECT_EQ(parse_time_of_day("22:00"), minutes{1320});
  EXPECT_EQ(parse_time_of_day("02:30"), minutes{150});
  EXPECT_EQ(parse_time_of_day("23:59"), minutes{1439});
  EXPECT_EQ(parse_time_of_day("24:00"), minutes{1440});
}

TEST(ParseTimeOfDay, Invalid) {
  for (const char* text : {"", "24:01", "25:00", "23:60", "6:00", "06:0", "0600", "06-00",
                           "06:00:00", " 06:00", "06:00 ", "-1:00", "+6:00", "ab:cd", "06.00"}) {
    EXPECT_EQ(parse_time_of_day(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(ParseInstant, Valid) {
  EXPECT_EQ(parse_instant("2026-03-29T01:30:00Z"), utc(2026, 3, 29, 1, 30, 0));
  EXPECT_EQ(parse_instant("2026-03-29T00:30Z"), utc(2026, 3, 29, 0, 30, 0));
  EXPECT_EQ(parse_instant("2026-03-29T01:30:00+01:00"), utc(2026, 3, 29, 0, 30, 0));
  EXPECT_EQ(parse_instant("2026-03-29T01:30:59+01:00"), utc(2026, 3, 29, 0, 30, 59));
  EXPECT_EQ(parse_instant("2026-03-29T01:30+01:00"), utc(2026, 3, 29, 0, 30, 0));
  EXPECT_EQ(parse_instant("2026-03-10T20:00:00+03:00"), utc(2026, 3, 10, 17, 0, 0));
  EXPECT_EQ(parse_instant("2026-03-10T20:00:00-05:00"), utc(2026, 3, 11, 1, 0, 0));
  EXPECT_EQ(parse_instant("2026-03-10T20:00:00+05:45"), utc(2026, 3, 10, 14, 15, 0));
  EXPECT_EQ(parse_instant("2026-03-10T20:00:00-09:30"), utc(2026, 3, 11, 5, 30, 0));
  EXPECT_EQ(parse_instant("2026-03-10T20:00:00+00:00"), utc(2026, 3, 10, 20, 0, 0));
  EXPECT_EQ(parse_instant("2026-03-10T20:00:00-00:00"), utc(2026, 3, 10, 20, 0, 0));
  EXPECT_EQ(parse_instant("2027-01-01T01:00:00+03:00"), utc(2026, 12, 31, 22, 0, 0));
  EXPECT_EQ(parse_instant("2024-02-29T23:59:59Z"), utc(2024, 2, 29, 23, 59, 59));
  EXPECT_EQ(parse_instant("1970-01-01T00:00:00Z"), instant{});
  EXPECT_EQ(parse_instant("1969-12-31T23:59:59Z"), instant{} - seconds{1});
}

TEST(ParseInstant, Invalid) {
  for (const char* text : {
           "",
           "2026-03-29",
           "2026-03-29T01:30:00",       // no offset
           "2026-03-29T01:30",          // no offset
           "2026-03-29 01:30:00Z",      // space for T
           "2026-03-29t01:30:00Z",      // lower case t
           "2026-03-29T01:30:00z",      // lower case z
           "2026-03-29T01:30:00.5Z",    // fractional seconds
           "2026-03-29T01:30:00,5Z",    // fractional seconds
           "2026-03-29T01:30:00ZZ",     // trailing garbage
           "2026-03-29T01:30:00Z ",     // trailing space
           "2026-03-29T01:30:00+01",    // short offset
           "2026-03-29T01:30:00+0100",  // offset without colon
           "2026-03-29T01:30:00+1:00",  // one-digit offset
           "2026-03-29T01:30:00+01:00x",
           "2026-03-29T01:30:00+24:00",  // offset out of range
           "2026-03-29T01:30:00+01:60",
           "2026-03-29T24:00:00Z",  // hour 24
           "2026-03-29T23:60:00Z",
           "2026-03-29T23:59:60Z",  // leap second
           "2026-03-29T1:30:00Z",
           "2026-03-29T01:3:00Z",
           "2026-03-29T01:30:0Z",
           "2026-03-29T01:30:Z",
           "2026-02-29T01:30:00Z",  // no such date
           "2026-03-29T0130Z",
           "2026-03-29T01:30:00 +01:00",
       }) {
    EXPECT_EQ(parse_instant(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(Format, DateAndInstant) {
  EXPECT_EQ(format_date(ymd(2026, 3, 29)), "2026-03-29");
  EXPECT_EQ(format_date(ymd(1, 1, 1)), "0001-01-01");
  EXPECT_EQ(format_date(ymd(9999, 12, 31)), "9999-12-31");
  EXPECT_EQ(format_instant(utc(2026, 3, 29, 1, 30, 0)), "2026-03-29T01:30:00Z");
  EXPECT_EQ(format_instant(utc(2026, 12, 31, 23, 59, 59)), "2026-12-31T23:59:59Z");
  EXPECT_EQ(format_instant(instant{}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_instant(instant{} - seconds{1}), "1969-12-31T23:59:59Z");
}

TEST(Format, LocalAcrossBerlinDaylightSavingChanges) {
  const auto& berlin = tariff::find_time_zone("Europe/Berlin");
  // Fall back: 02:30 happens twice.
  EXPECT_EQ(format_local(utc(2026, 10, 25, 0, 30, 0), berlin), "2026-10-25T02:30:00+02:00");
  EXPECT_EQ(format_local(utc(2026, 10, 25, 0, 59, 59), berlin), "2026-10-25T02:59:59+02:00");
  EXPECT_EQ(format_local(utc(2026, 10, 25, 1, 0, 0), berlin), "2026-10-25T02:00:00+01:00");
  EXPECT_EQ(format_local(utc(2026, 10, 25, 1, 30, 0), berlin), "2026-10-25T02:30:00+01:00");
  // Spring forward: 01:59:59 CET is followed by 03:00:00 CEST.
  EXPECT_EQ(format_local(utc(2026, 3, 29, 0, 59, 59), berlin), "2026-03-29T01:59:59+01:00");
  EXPECT_EQ(format_local(utc(2026, 3, 29, 1, 0, 0), berlin), "2026-03-29T03:00:00+02:00");

  EXPECT_EQ(format_local(utc(2026, 3, 10, 14, 15, 0), tariff::find_time_zone("Asia/Kathmandu")),
            "2026-03-10T20:00:00+05:45");
  EXPECT_EQ(format_local(utc(2026, 3, 11, 1, 0, 0), tariff::find_time_zone("America/New_York")),
            "2026-03-10T21:00:00-04:00");
  EXPECT_EQ(format_local(utc(2026, 1, 11, 1, 0, 0), tariff::find_time_zone("America/New_York")),
            "2026-01-10T20:00:00-05:00");
  EXPECT_EQ(format_local(utc(2026, 3, 10, 0, 0, 0), tariff::find_time_zone("UTC")),
            "2026-03-10T00:00:00+00:00");
}

TEST(Format, RoundTrips) {
  for (const char* text : {"2026-03-29", "2024-02-29", "1999-12-31", "0001-01-01"}) {
    EXPECT_EQ(format_date(parse_date(text).value()), text);
  }
  for (const char* text :
       {"2026-03-29T01:30:00Z", "1969-12-31T23:59:59Z", "2028-02-29T12:00:01Z"}) {
    EXPECT_EQ(format_instant(parse_instant(text).value()), text);
  }
  const auto& berlin = tariff::find_time_zone("Europe/Berlin");
  // Every 10 minutes across both 2026 changes: local text and back gives the same instant.
  for (const instant from : {utc(2026, 3, 28, 22, 0, 0), utc(2026, 10, 24, 22, 0, 0)}) {
    for (instant t = from; t < from + hours{6}; t += minutes{10}) {
      const std::string local = format_local(t, berlin);
      EXPECT_EQ(parse_instant(local), t) << local;
      EXPECT_EQ(parse_instant(format_instant(t)), t);
    }
  }
}

}  // namespace
