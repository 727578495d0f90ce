#include <string>

#include <gtest/gtest.h>
#include <tariff/calendar.hpp>

namespace {

using std::chrono::minutes;
using tariff::calendar;
using tariff::calendar_error;
using tariff::date_range;
using tariff::day_set;
using tariff::local_date;
using tariff::time_window;

local_date d(const char* text) {
  return tariff::parse_date(text).value();
}
minutes hm(const char* text) {
  return tariff::parse_time_of_day(text).value();
}
tariff::instant at(const char* text) {
  return tariff::parse_instant(text).value();
}

time_window window(const char* name, const char* start, const char* end) {
  return {name, hm(start), hm(end)};
}

// The bits of the weekdays given by their C encoding (0 = Sunday).
std::uint8_t days(std::initializer_list<unsigned> weekdays) {
  unsigned bits = 0;
  for (const unsigned w : weekdays) {
    bits |= 1U << w;
  }
  return static_cast<std::uint8_t>(bits);
}

TEST(TimeWindow, CrossingMidnight) {
  const time_window night = window("night", "22:00", "06:00");
  EXPECT_TRUE(night.contains(hm("22:00")));
  EXPECT_TRUE(night.contains(hm("23:59")));
  EXPECT_TRUE(night.contains(hm("00:00")));
  EXPECT_TRUE(night.contains(hm("05:59")));
  EXPECT_FALSE(night.contains(hm("06:00")));
  EXPECT_FALSE(night.contains(hm("21:59")));
  EXPECT_FALSE(night.contains(hm("12:00")));
}

TEST(TimeWindow, WithinOneDay) {
  const time_window day = window("day", "09:00", "18:00");
  EXPECT_FALSE(day.contains(hm("08:59")));
  EXPECT_TRUE(day.contains(hm("09:00")));
  EXPECT_TRUE(day.contains(hm("17:59")));
  EXPECT_FALSE(day.contains(hm("18:00")));
  EXPECT_FALSE(day.contains(hm("00:00")));
  EXPECT_FALSE(day.contains(hm("23:59")));
}

TEST(TimeWindow, WholeDayAndEndAtMidnight) {
  const time_window all = window("all", "00:00", "24:00");
  for (int m = 0; m < 1440; ++m) {
    EXPECT_TRUE(all.contains(minutes{m})) << m;
  }

  const time_window evening = window("evening", "18:00", "24:00");
  EXPECT_TRUE(evening.contains(hm("18:00")));
  EXPECT_TRUE(evening.contains(hm("23:59")));
  EXPECT_FALSE(evening.contains(hm("00:00")));
  EXPECT_FALSE(evening.contains(hm("17:59")));

  const time_window late = window("late", "22:00", "00:00");  // the same as 22:00..24:00
  EXPECT_TRUE(late.contains(hm("22:00")));
  EXPECT_TRUE(late.contains(hm("23:59")));
  EXPECT_FALSE(late.contains(hm("00:00")));
  EXPECT_FALSE(late.contains(hm("21:59")));
}

TEST(Calendar, AddWindowValidates) {
  calendar cal(tariff::find_time_zone("UTC"));
  EXPECT_EQ(cal.add_window(window("night", "22:00", "06:00")), 0U);
  EXPECT_EQ(cal.add_window(window("all", "00:00", "24:00")), 1U);
  EXPECT_EQ(cal.add_window(time_window{"odd", minutes{0}, minutes{1}}), 2U);
  EXPECT_EQ(cal.windows().size(), 3U);
  EXPECT_EQ(cal.windows()[0].name, "night");

  EXPECT_THROW((void)cal.add_window(window("empty", "10:00", "10:00")), calendar_error);
  EXPECT_THROW((void)cal.add_window(time_window{"late", minutes{1440}, minutes{60}}),
               calendar_error);
  EXPECT_THROW((void)cal.add_window(time_window{"neg", minutes{-1}, minutes{60}}), calendar_error);
  EXPECT_THROW((void)cal.add_window(time_window{"long", minutes{60}, minutes{1441}}),
               calendar_error);
  EXPECT_THROW((void)cal.add_window(time_window{"neg_end", minutes{60}, minutes{-5}}),
               calendar_error);
  EXPECT_EQ(cal.windows().size(), 3U);

  try {
    cal.add_window(window("siesta", "13:00", "13:00"));
    FAIL() << "no exception";
  } catch (const calendar_error& e) {
    EXPECT_NE(std::string(e.what()).find("'siesta'"), std::string::npos) << e.what();
  }
}

TEST(Calendar, AtMost64OfEachKind) {
  calendar cal(tariff::find_time_zone("UTC"));
  for (int i = 0; i < 64; ++i) {
    const auto name = "w" + std::to_string(i);
    EXPECT_EQ(cal.add_window(time_window{name, minutes{i}, minutes{i + 1}}),
              static_cast<std::size_t>(i));
    EXPECT_EQ(cal.add_day_set(day_set{name, 1}), static_cast<std::size_t>(i));
    EXPECT_EQ(cal.add_date_range(date_range{name, d("2026-01-01"), d("2026-01-01")}),
              static_cast<std::size_t>(i));
  }
  EXPECT_THROW((void)cal.add_window(window("one_more", "10:00", "11:00")), calendar_error);
  EXPECT_THROW((void)cal.add_day_set(day_set{"one_more", 1}), calendar_error);
  EXPECT_THROW((void)cal.add_date_range(date_range{"one_more", d("2026-01-01"), d("2026-01-02")}),
               calendar_error);
  // The 64th bit is usable.
  const auto labels = cal.labels_at(at("2026-01-01T01:03:30Z"), cal.zone());
  EXPECT_EQ(labels.windows, std::uint64_t{1} << 63);
  EXPECT_EQ(labels.date_ranges, ~std::uint64_t{0});
}

TEST(DaySet, WeekdayBits) {
  const day_set weekend{"weekend", days({0, 6})};
  EXPECT_EQ(weekend.weekdays, 0x41);
  EXPECT_TRUE(weekend.contains(d("2026-03-28")));   // Saturday
  EXPECT_TRUE(weekend.contains(d("2026-03-29")));   // Sunday
  EXPECT_FALSE(weekend.contains(d("2026-03-30")));  // Monday
  EXPECT_FALSE(weekend.contains(d("2026-03-27")));  // Friday

  const day_set monday{"monday", days({1})};
  EXPECT_TRUE(monday.contains(d("2026-03-30")));
  EXPECT_FALSE(monday.contains(d("2026-03-29")));

  calendar cal(tariff::find_time_zone("UTC"));
  EXPECT_THROW((void)cal.add_day_set(day_set{"none", 0}), calendar_error);
  EXPECT_THROW((void)cal.add_day_set(day_set{"bit7", 0x80}), calendar_error);
  EXPECT_EQ(cal.add_day_set(weekend), 0U);
  EXPECT_EQ(cal.add_day_set(day_set{"every", 0x7f}), 1U);
}

TEST(Calendar, DateRanges) {
  calendar cal(tariff::find_time_zone("UTC"));
  EXPECT_EQ(cal.add_date_range({"summer", d("2026-06-01"), d("2026-08-31")}), 0U);
  EXPECT_EQ(cal.add_date_range({"one_day", d("2026-07-04"), d("2026-07-04")}), 1U);
  EXPECT_THROW((void)cal.add_date_range({"reversed", d("2026-08-31"), d("2026-06-01")}),
               calendar_error);
  const auto& summer = cal.date_ranges()[0];
  EXPECT_FALSE(summer.contains(d("2026-05-31")));
  EXPECT_TRUE(summer.contains(d("2026-06-01")));
  EXPECT_TRUE(summer.contains(d("2026-08-31")));
  EXPECT_FALSE(summer.contains(d("2026-09-01")));
}

TEST(Calendar, Holidays) {
  calendar cal(tariff::find_time_zone("UTC"));
  EXPECT_FALSE(cal.is_holiday(d("2026-01-01")));
  cal.add_holidays(d("2026-05-01"), d("2026-05-01"));
  cal.add_holidays(d("2026-01-01"), d("2026-01-08"));
  cal.add_holidays(d("2026-05-09"), d("2026-05-11"));
  cal.add_holidays(d("2026-01-09"), d("2026-01-09"));  // touches the new-year holidays
  cal.add_holidays(d("2026-05-10"), d("2026-05-12"));  // overlaps
  cal.add_holidays(d("2026-02-23"), d("2026-02-23"));
  EXPECT_THROW((void)cal.add_holidays(d("2026-03-09"), d("2026-03-08")), calendar_error);

  EXPECT_FALSE(cal.is_holiday(d("2025-12-31")));
  EXPECT_TRUE(cal.is_holiday(d("2026-01-01")));
  EXPECT_TRUE(cal.is_holiday(d("2026-01-08")));
  EXPECT_TRUE(cal.is_holiday(d("2026-01-09")));
  EXPECT_FALSE(cal.is_holiday(d("2026-01-10")));
  EXPECT_FALSE(cal.is_holiday(d("2026-02-22")));
  EXPECT_TRUE(cal.is_holiday(d("2026-02-23")));
  EXPECT_FALSE(cal.is_holiday(d("2026-02-24")));
  EXPECT_FALSE(cal.is_holiday(d("2026-04-30")));
  EXPECT_TRUE(cal.is_holiday(d("2026-05-01")));
  EXPECT_FALSE(cal.is_holiday(d("2026-05-02")));
  EXPECT_FALSE(cal.is_holiday(d("2026-05-08")));
  for (const char* h : {"2026-05-09", "2026-05-10", "2026-05-11", "2026-05-12"}) {
    EXPECT_TRUE(cal.is_holiday(d(h))) << h;
  }
  EXPECT_FALSE(cal.is_holiday(d("2026-05-13")));

  // A range covering several existing ones swallows them.
  cal.add_holidays(d("2025-12-31"), d("2026-05-31"));
  EXPECT_TRUE(cal.is_holiday(d("2026-03-15")));
  EXPECT_TRUE(cal.is_holiday(d("2025-12-31")));
  EXPECT_FALSE(cal.is_holiday(d("2026-06-01")));
  EXPECT_FALSE(cal.is_holiday(d("2025-12-30")));
}

TEST(Calendar, LabelsAtReadLocalTime) {
  const auto& moscow = tariff::find_time_zone("Europe/Moscow");
  calendar cal(moscow);
  cal.add_window(window("night", "22:00", "06:00"));
  cal.add_window(window("day", "09:00", "18:00"));
  cal.add_day_set({"weekend", days({0, 6})});
  cal.add_date_range({"season", d("2026-12-01"), d("2026-12-31")});
  cal.add_holidays(d("2027-01-01"), d("2027-01-08"));

  // 2026-12-31 is a Thursday; 21:59:59 MSK is 18:59:59Z.
  auto labels = cal.labels_at(at("2026-12-31T18:59:59Z"), moscow);
  EXPECT_EQ(labels, (tariff::segment_labels{0, 0, 1, false}));
  labels = cal.labels_at(at("2026-12-31T19:00:00Z"), moscow);
  EXPECT_EQ(labels, (tariff::segment_labels{1, 0, 1, false}));
  // Friday 2027-01-01 00:00 MSK: a holiday, out of the season.
  labels = cal.labels_at(at("2026-12-31T21:00:00Z"), moscow);
  EXPECT_EQ(labels, (tariff::segment_labels{1, 0, 0, true}));
  // Saturday 2027-01-02 10:30 MSK.
  labels = cal.labels_at(at("2027-01-02T07:30:00Z"), moscow);
  EXPECT_EQ(labels, (tariff::segment_labels{2, 1, 0, true}));
  // The same instant read in UTC is still 07:30 on the Saturday.
  labels = cal.labels_at(at("2027-01-02T07:30:00Z"), tariff::find_time_zone("UTC"));
  EXPECT_EQ(labels, (tariff::segment_labels{0, 1, 0, true}));
  // Seconds within a minute belong to that minute.
  labels = cal.labels_at(at("2026-12-31T14:59:59Z"), moscow);  // 17:59:59 MSK
  EXPECT_EQ(labels.windows, 2U);
  labels = cal.labels_at(at("2026-12-31T15:00:00Z"), moscow);  // 18:00 MSK
  EXPECT_EQ(labels.windows, 0U);
}

TEST(Zones, FindTimeZone) {
  EXPECT_EQ(tariff::find_time_zone("Europe/Berlin").name(), "Europe/Berlin");
  EXPECT_THROW((void)tariff::find_time_zone("Europe/Atlantis"), calendar_error);
  EXPECT_THROW((void)tariff::find_time_zone(""), calendar_error);
  try {
    (void)tariff::find_time_zone("Mars/Olympus_Mons");
    FAIL() << "no exception";
  } catch (const calendar_error& e) {
    EXPECT_NE(std::string(e.what()).find("Mars/Olympus_Mons"), std::string::npos) << e.what();
  }
}

TEST(Zones, LocalDateOf) {
  const auto& moscow = tariff::find_time_zone("Europe/Moscow");
  const auto& new_york = tariff::find_time_zone("America/New_York");
  EXPECT_EQ(tariff::local_date_of(at("2026-03-10T20:59:59Z"), moscow), d("2026-03-10"));
  EXPECT_EQ(tariff::local_date_of(at("2026-03-10T21:00:00Z"), moscow), d("2026-03-11"));
  EXPECT_EQ(tariff::local_date_of(at("2026-03-10T03:00:00Z"), new_york), d("2026-03-09"));
  EXPECT_EQ(tariff::local_date_of(at("2026-03-10T04:00:00Z"), new_york), d("2026-03-10"));
  EXPECT_EQ(tariff::local_date_of(at("2026-01-10T04:59:59Z"), new_york), d("2026-01-09"));
}

}  // namespace
