#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/calendar.hpp>

namespace tariff {
// Readable failure output for segments.
void PrintTo(const segment& s, std::ostream* os) {
  *os << format_instant(s.begin) << ".." << format_instant(s.end) << " " << format_date(s.date)
      << " w=" << s.labels.windows << " d=" << s.labels.day_sets << " r=" << s.labels.date_ranges
      << (s.labels.holiday ? " holiday" : "");
}
}  // namespace tariff

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using tariff::calendar;
using tariff::calendar_error;
using tariff::instant;
using tariff::local_date;
using tariff::segment;
using tariff::segment_labels;

local_date d(const char* text) {
  return tariff::parse_date(text).value();
}
minutes hm(const char* text) {
  return tariff::parse_time_of_day(text).value();
}
instant at(const char* text) {
  return tariff::parse_instant(text).value();
}

constexpr std::uint8_t weekend = 0x41;  // Sunday and Saturday

segment seg(const char* begin, const char* end, const char* date, segment_labels labels) {
  return {at(begin), at(end), d(date), labels};
}

seconds total(const std::vector<segment>& segments) {
  seconds sum{0};
  for (const auto& s : segments) {
    sum += s.duration();
  }
  return sum;
}

TEST(Split, DayThenNightInMoscow) {
  // docs/design.md, scenario 4: 20:00..23:30 is 2 h at the day rate and 1.5 h at the night rate.
  const auto& moscow = tariff::find_time_zone("Europe/Moscow");
  calendar cal(moscow);
  cal.add_window({"night", hm("22:00"), hm("06:00")});
  cal.add_day_set({"weekend", weekend});
  const auto segments = cal.split(at("2026-03-10T20:00:00+03:00"), at("2026-03-10T23:30:00+03:00"));
  const std::vector<segment> expected{
      seg("2026-03-10T17:00:00Z", "2026-03-10T19:00:00Z", "2026-03-10", {0, 0, 0, false}),
      seg("2026-03-10T19:00:00Z", "2026-03-10T20:30:00Z", "2026-03-10", {1, 0, 0, false}),
  };
  EXPECT_EQ(segments, expected);
  EXPECT_EQ(segments.at(0).duration(), hours{2});
  EXPECT_EQ(segments.at(1).duration(), minutes{90});
}

TEST(Split, BeginOffTheMinute) {
  const auto& moscow = tariff::find_time_zone("Europe/Moscow");
  calendar cal(moscow);
  cal.add_window({"night", hm("22:00"), hm("06:00")});
  const auto segments = cal.split(at("2026-03-10T18:59:30Z"), at("2026-03-10T19:00:45Z"));
  const std::vector<segment> expected{
      seg("2026-03-10T18:59:30Z", "2026-03-10T19:00:00Z", "2026-03-10", {0, 0, 0, false}),
      seg("2026-03-10T19:00:00Z", "2026-03-10T19:00:45Z", "2026-03-10", {1, 0, 0, false}),
  };
  EXPECT_EQ(segments, expected);
}

TEST(Split, KathmanduQuarterHourOffset) {
  const auto& kathmandu = tariff::find_time_zone("Asia/Kathmandu");
  calendar cal(kathmandu);
  cal.add_window({"night", hm("22:00"), hm("06:00")});
  const auto segments = cal.split(at("2026-03-10T16:00:00Z"), at("2026-03-10T18:30:00Z"));
  const std::vector<segment> expected{
      seg("2026-03-10T16:00:00Z", "2026-03-10T16:15:00Z", "2026-03-10", {0, 0, 0, false}),
      seg("2026-03-10T16:15:00Z", "2026-03-10T18:15:00Z", "2026-03-10", {1, 0, 0, false}),
      seg("2026-03-10T18:15:00Z", "2026-03-10T18:30:00Z", "2026-03-11", {1, 0, 0, false}),
  };
  EXPECT_EQ(segments, expected);
}

TEST(Split, BerlinFallBackNight) {
  // 2026-10-25 03:00 CEST becomes 02:00 CET at 01:00Z: the night from 21:00 to 03:00 lasts 7 h.
  const auto& berlin = tariff::find_time_zone("Europe/Berlin");
  calendar cal(berlin);
  cal.add_window({"night", hm("22:00"), hm("06:00")});
  cal.add_day_set({"weekend", weekend});
  const instant begin = at("2026-10-24T21:00:00+02:00");
  const instant end = at("2026-10-25T03:00:00+01:00");
  EXPECT_EQ(end - begin, hours{7});
  const auto segments = cal.split(begin, end);
  const std::vector<segment> expected{
      seg("2026-10-24T19:00:00Z", "2026-10-24T20:00:00Z", "2026-10-24", {0, 1, 0, false}),
      seg("2026-10-24T20:00:00Z", "2026-10-24T22:00:00Z", "2026-10-24", {1, 1, 0, false}),
      seg("2026-10-24T22:00:00Z", "2026-10-25T02:00:00Z", "2026-10-25", {1, 1, 0, false}),
  };
  EXPECT_EQ(segments, expected);
  EXPECT_EQ(segments.at(2).duration(), hours{4});
  EXPECT_EQ(total(segments), hours{7});
}

TEST(Split, BerlinFallBackWindowEndingInRepeatedHour) {
  // 02:30 happens twice: at 00:30Z (CEST) and at 01:30Z (CET). The window "late" is left at the
  // first, entered again when the clock goes back to 02:00 (01:00Z) and left at the second.
  const auto& berlin = tariff::find_time_zone("Europe/Berlin");
  calendar cal(berlin);
  cal.add_window({"night", hm("22:00"), hm("06:00")});
  cal.add_window({"late", hm("22:00"), hm("02:30")});
  cal.add_day_set({"weekend", weekend});
  std::vector<segment> segments;
  cal.split(at("2026-10-24T19:00:00Z"), at("2026-10-25T02:00:00Z"), berlin, segments);
  const std::vector<segment> expected{
      seg("2026-10-24T19:00:00Z", "2026-10-24T20:00:00Z", "2026-10-24", {0, 1, 0, false}),
      seg("2026-10-24T20:00:00Z", "2026-10-24T22:00:00Z", "2026-10-24", {3, 1, 0, false}),
      seg("2026-10-24T22:00:00Z", "2026-10-25T00:30:00Z", "2026-10-25", {3, 1, 0, false}),
      seg("2026-10-25T00:30:00Z", "2026-10-25T01:00:00Z", "2026-10-25", {1, 1, 0, false}),
      seg("2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z", "2026-10-25", {3, 1, 0, false}),
      seg("2026-10-25T01:30:00Z", "2026-10-25T02:00:00Z", "2026-10-25", {1, 1, 0, false}),
  };
  EXPECT_EQ(segments, expected);
  EXPECT_EQ(total(segments), hours{7});
}

TEST(Split, BerlinSpringForwardNight) {
  // 2026-03-29 02:00 CET becomes 03:00 CEST at 01:00Z: 21:00 CET to 07:00 CEST is 9 h.
  const auto& berlin = tariff::find_time_zone("Europe/Berlin");
  calendar cal(berlin);
  cal.add_window({"night", hm("22:00"), hm("06:00")});
  cal.add_day_set({"weekend", weekend});
  const instant begin = at("2026-03-28T21:00:00+01:00");
  const instant end = at("2026-03-29T07:00:00+02:00");
  EXPECT_EQ(end - begin, hours{9});
  const auto segments = cal.split(begin, end);
  const std::vector<segment> expected{
      seg("2026-03-28T20:00:00Z", "2026-03-28T21:00:00Z", "2026-03-28", {0, 1, 0, false}),
      seg("2026-03-28T21:00:00Z", "2026-03-28T23:00:00Z", "2026-03-28", {1, 1, 0, false}),
      seg("2026-03-28T23:00:00Z", "2026-03-29T04:00:00Z", "2026-03-29", {1, 1, 0, false}),
      seg("2026-03-29T04:00:00Z", "2026-03-29T05:00:00Z", "2026-03-29", {0, 1, 0, false}),
  };
  EXPECT_EQ(segments, expected);
  EXPECT_EQ(segments.at(2).duration(), hours{5});
  EXPECT_EQ(total(segments), hours{9});
}

TEST(Split, BerlinSpringForwardBoundariesInTheGap) {
  // 02:30 does not exist on 2026-03-29 in Berlin: a window starting then starts at the change
  // (01:00Z, 03:00 CEST) and one ending then ends at the change.
  const auto& berlin = tariff::find_time_zone("Europe/Berlin");
  calendar cal(berlin);
  cal.add_window({"night", hm("22:00"), hm("06:00")});  // bit 1
  cal.add_window({"gap", hm("02:30"), hm("05:00")});    // bit 2
  cal.add_window({"early", hm("01:00"), hm("02:30")});  // bit 4
  std::vector<segment> segments;
  cal.split(at("2026-03-28T20:00:00Z"), at("2026-03-29T05:00:00Z"), berlin, segments);
  const std::vector<segment> expected{
      seg("2026-03-28T20:00:00Z", "2026-03-28T21:00:00Z", "2026-03-28", {0, 0, 0, false}),
      seg("2026-03-28T21:00:00Z", "2026-03-28T23:00:00Z", "2026-03-28", {1, 0, 0, false}),
      seg("2026-03-28T23:00:00Z", "2026-03-29T00:00:00Z", "2026-03-29", {1, 0, 0, false}),
      seg("2026-03-29T00:00:00Z", "2026-03-29T01:00:00Z", "2026-03-29", {5, 0, 0, false}),
      seg("2026-03-29T01:00:00Z", "2026-03-29T03:00:00Z", "2026-03-29", {3, 0, 0, false}),
      seg("2026-03-29T03:00:00Z", "2026-03-29T04:00:00Z", "2026-03-29", {1, 0, 0, false}),
      seg("2026-03-29T04:00:00Z", "2026-03-29T05:00:00Z", "2026-03-29", {0, 0, 0, false}),
  };
  EXPECT_EQ(segments, expected);
}

TEST(Split, AcrossYearEndWithHolidayAndSeason) {
  const auto& moscow = tariff::find_time_zone("Europe/Moscow");
  calendar cal(moscow);
  cal.add_window({"night", hm("22:00"), hm("06:00")});
  cal.add_day_set({"weekend", weekend});
  cal.add_date_range({"season", d("2026-12-01"), d("2026-12-31")});
  cal.add_holidays(d("2027-01-01"), d("2027-01-01"));
  const auto segments = cal.split(at("2026-12-31T20:00:00+03:00"), at("2027-01-01T04:00:00+03:00"));
  const std::vector<segment> expected{
      seg("2026-12-31T17:00:00Z", "2026-12-31T19:00:00Z", "2026-12-31", {0, 0, 1, false}),
      seg("2026-12-31T19:00:00Z", "2026-12-31T21:00:00Z", "2026-12-31", {1, 0, 1, false}),
      seg("2026-12-31T21:00:00Z", "2027-01-01T01:00:00Z", "2027-01-01", {1, 0, 0, true}),
  };
  EXPECT_EQ(segments, expected);
}

TEST(Split, AlwaysSplitsAtLocalMidnight) {
  // No labels at all: the segments still change date at midnight.
  const auto& moscow = tariff::find_time_zone("Europe/Moscow");
  calendar cal(moscow);
  const auto segments = cal.split(at("2026-01-31T20:00:00+03:00"), at("2026-02-01T04:00:00+03:00"));
  const std::vector<segment> expected{
      seg("2026-01-31T17:00:00Z", "2026-01-31T21:00:00Z", "2026-01-31", {}),
      seg("2026-01-31T21:00:00Z", "2026-02-01T01:00:00Z", "2026-02-01", {}),
  };
  EXPECT_EQ(segments, expected);
}

TEST(Split, MultiDayJob) {
  const auto& utc = tariff::find_time_zone("UTC");
  calendar cal(utc);
  cal.add_window({"night", hm("22:00"), hm("06:00")});
  cal.add_day_set({"weekend", weekend});
  const instant begin = at("2026-03-09T08:00:00Z");  // a Monday
  const instant end = begin + hours{50};
  const auto segments = cal.split(begin, end);
  const std::vector<segment> expected{
      seg("2026-03-09T08:00:00Z", "2026-03-09T22:00:00Z", "2026-03-09", {0, 0, 0, false}),
      seg("2026-03-09T22:00:00Z", "2026-03-10T00:00:00Z", "2026-03-09", {1, 0, 0, false}),
      seg("2026-03-10T00:00:00Z", "2026-03-10T06:00:00Z", "2026-03-10", {1, 0, 0, false}),
      seg("2026-03-10T06:00:00Z", "2026-03-10T22:00:00Z", "2026-03-10", {0, 0, 0, false}),
      seg("2026-03-10T22:00:00Z", "2026-03-11T00:00:00Z", "2026-03-10", {1, 0, 0, false}),
      seg("2026-03-11T00:00:00Z", "2026-03-11T06:00:00Z", "2026-03-11", {1, 0, 0, false}),
      seg("2026-03-11T06:00:00Z", "2026-03-11T10:00:00Z", "2026-03-11", {0, 0, 0, false}),
  };
  EXPECT_EQ(segments, expected);
  EXPECT_EQ(total(segments), hours{50});

  // A whole week: 7 days, each with a night part at both ends and a day part.
  const auto week = cal.split(at("2026-03-09T00:00:00Z"), at("2026-03-16T00:00:00Z"));
  EXPECT_EQ(week.size(), 21U);
  EXPECT_EQ(total(week), hours{24 * 7});
  EXPECT_EQ(week.at(15).labels, (segment_labels{1, 1, 0, false}));  // Saturday 00:00..06:00
}

TEST(Split, EmptyAndReversedIntervals) {
  const auto& utc = tariff::find_time_zone("UTC");
  calendar cal(utc);
  cal.add_window({"night", hm("22:00"), hm("06:00")});
  std::vector<segment> out{seg("2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "2026-01-01", {})};
  const instant t = at("2026-03-09T08:00:00Z");
  cal.split(t, t, utc, out);
  EXPECT_TRUE(out.empty());
  EXPECT_TRUE(cal.split(t, t).empty());
  EXPECT_THROW((void)cal.split(t, t - seconds{1}, utc, out), calendar_error);
  EXPECT_THROW((void)cal.split(t, t - seconds{1}), calendar_error);

  // A one-second interval.
  cal.split(t, t + seconds{1}, utc, out);
  ASSERT_EQ(out.size(), 1U);
  EXPECT_EQ(out[0], seg("2026-03-09T08:00:00Z", "2026-03-09T08:00:01Z", "2026-03-09", {}));
}

TEST(Split, ReusesOutput) {
  const auto& berlin = tariff::find_time_zone("Europe/Berlin");
  calendar cal(berlin);
  cal.add_window({"night", hm("22:00"), hm("06:00")});
  std::vector<segment> out;
  cal.split(at("2026-03-09T00:00:00Z"), at("2026-03-19T00:00:00Z"), berlin, out);
  EXPECT_EQ(out.size(), 31U);
  const auto capacity = out.capacity();
  const auto* data = out.data();
  cal.split(at("2026-03-10T17:00:00Z"), at("2026-03-10T23:30:00Z"), berlin, out);
  EXPECT_EQ(out.size(), 3U);  // day, night before midnight, night after
  EXPECT_EQ(out.capacity(), capacity);
  EXPECT_EQ(out.data(), data);
}

TEST(Split, ZoneArgumentOverridesDefault) {
  calendar cal(tariff::find_time_zone("UTC"));
  cal.add_window({"night", hm("22:00"), hm("06:00")});
  std::vector<segment> out;
  cal.split(at("2026-03-10T17:00:00Z"), at("2026-03-10T20:30:00Z"),
            tariff::find_time_zone("Europe/Moscow"), out);
  ASSERT_EQ(out.size(), 2U);
  EXPECT_EQ(out[1].begin, at("2026-03-10T19:00:00Z"));
  EXPECT_EQ(cal.split(at("2026-03-10T17:00:00Z"), at("2026-03-10T20:30:00Z")).size(), 1U);
}

// ---- property test -----------------------------------------------------------------------

struct zone_case {
  const char* zone;
  std::vector<const char*> around;  // instants the random intervals gather around
};

// A calendar with a few fixed windows that meet the DST hours and a few random ones.
calendar random_calendar(const date::time_zone& zone, std::mt19937_64& rng) {
  calendar cal(zone);
  cal.add_window({"night", hm("22:00"), hm("06:00")});
  cal.add_window({"late", hm("22:00"), hm("02:30")});
  cal.add_window({"gap", hm("02:30"), hm("05:00")});
  cal.add_window({"half", hm("01:30"), hm("02:00")});
  cal.add_window({"all", hm("00:00"), hm("24:00")});
  std::uniform_int_distribution<int> minute(0, 1439);
  for (int i = 0; i < 3; ++i) {
    const int start = minute(rng);
    int end = minute(rng);
    if (end == start) {
      end = 1440;
    }
    cal.add_window({"random" + std::to_string(i), minutes{start}, minutes{end}});
  }
  cal.add_day_set({"weekend", weekend});
  cal.add_day_set({"random", static_cast<std::uint8_t>(1 + rng() % 127)});
  cal.add_date_range({"spring", d("2026-03-29"), d("2026-04-04")});
  cal.add_date_range({"autumn", d("2026-10-01"), d("2026-10-25")});
  cal.add_holidays(d("2026-03-08"), d("2026-03-08"));
  cal.add_holidays(d("2026-10-04"), d("2026-10-05"));
  cal.add_holidays(d("2026-11-01"), d("2026-11-01"));
  return cal;
}

void check_split(const calendar& cal, const date::time_zone& zone, instant begin, instant end,
                 const std::vector<segment>& segments, bool every_minute) {
  const std::string where = tariff::format_instant(begin) + ".." + tariff::format_instant(end) +
                            " in " + std::string(zone.name());
  ASSERT_FALSE(segments.empty()) << where;
  EXPECT_EQ(segments.front().begin, begin) << where;
  EXPECT_EQ(segments.back().end, end) << where;
  EXPECT_EQ(total(segments), end - begin) << where;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const segment& s = segments[i];
    ASSERT_LT(s.begin, s.end) << where << " segment " << i;
    if (i > 0) {
      const segment& prev = segments[i - 1];
      ASSERT_EQ(prev.end, s.begin) << where << " segment " << i;
      EXPECT_FALSE(prev.labels == s.labels && prev.date == s.date)
          << where << " segments " << i - 1 << " and " << i << " should be one";
    }
    const instant last = s.end - seconds{1};
    const instant mid = s.begin + (s.end - s.begin) / 2;
    for (const instant t : {s.begin, last, mid}) {
      EXPECT_EQ(cal.labels_at(t, zone), s.labels)
          << where << " segment " << i << " at " << tariff::format_instant(t);
      EXPECT_EQ(tariff::local_date_of(t, zone), s.date)
          << where << " segment " << i << " at " << tariff::format_instant(t);
    }
    if (every_minute) {
      // All zones here have whole-minute offsets, so labels can change only on a whole minute.
      for (instant t = date::ceil<minutes>(s.begin); t < s.end; t += minutes{1}) {
        ASSERT_EQ(cal.labels_at(t, zone), s.labels)
            << where << " segment " << i << " at " << tariff::format_instant(t);
      }
    }
  }
}

TEST(SplitProperty, RandomIntervalsAroundDaylightSavingChanges) {
  const std::vector<zone_case> cases{
      {"Europe/Berlin", {"2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"}},
      {"America/New_York", {"2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z"}},
      // 30-minute daylight saving: 02:00 -> 01:30 in April, 02:00 -> 02:30 in October.
      {"Australia/Lord_Howe", {"2026-04-04T15:00:00Z", "2026-10-03T15:30:00Z"}},
      {"Asia/Kathmandu", {"2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"}},
      {"Europe/Moscow", {"2026-12-31T21:00:00Z"}},
  };
  std::mt19937_64 rng(20260329);
  std::uniform_int_distribution<std::int64_t> spread(-3 * std::int64_t{86400}, 86400);
  std::uniform_int_distribution<std::int64_t> length(1, 3 * std::int64_t{86400});
  std::vector<segment> segments;
  for (int iteration = 0; iteration < 2000; ++iteration) {
    const zone_case& c = cases[static_cast<std::size_t>(iteration) % cases.size()];
    const auto& zone = tariff::find_time_zone(c.zone);
    const calendar cal = random_calendar(zone, rng);
    const instant center = at(c.around[rng() % c.around.size()]);
    instant begin = center + seconds{spread(rng)};
    seconds duration{length(rng)};
    if (iteration % 3 == 0) {  // most work is recorded in whole minutes
      begin = date::floor<minutes>(begin);
      duration = date::floor<minutes>(duration) + minutes{1};
    }
    const instant end = begin + duration;
    cal.split(begin, end, zone, segments);
    check_split(cal, zone, begin, end, segments, iteration % 10 == 0);
    if (HasFatalFailure() || HasNonfatalFailure()) {
      break;
    }
  }
}

}  // namespace
