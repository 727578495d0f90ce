// tariff — calendar time: billing periods, time windows, day sets, holidays, date ranges,
// the split of a work interval into labelled segments, and contract years.
//
// Instants are UTC seconds; everything a tariff says about time ("22:00..06:00", "weekend",
// "2026-01-01 is a holiday") is read in local time of a zone from the system tz database.
// Durations are exact whole seconds: a split never gains or loses one.
//
// Dates, instants and zones are the types of Howard Hinnant's date library (Debian: libdate-dev),
// the library C++20's <chrono> calendar was made from, and they are part of this API: `instant`
// is std::chrono::sys_seconds itself; `local_date` is date::local_days, which converts to and
// from date::year_month_day; a zone is a date::time_zone from date's tz database. A host that
// never reads calendars needs none of them: parse_date, parse_instant, format_date and
// format_instant convert to and from text, and compiled_tariff::time_zone_name() names the zone.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>
#include <date/tz.h>
#include <tariff/error.hpp>
#include <tariff/export.h>

namespace tariff {

/// A calendar date with no zone attached (a local date).
using local_date = date::local_days;
/// A point in time, UTC, whole seconds.
using instant = date::sys_seconds;

/// Thrown for an invalid calendar argument: an unknown zone, an empty window, a reversed range.
class TARIFF_API calendar_error : public error {
 public:
  using error::error;
};

/// The zone of the system tz database with this name ("Europe/Berlin"); throws calendar_error,
/// also for a name time_zone_name_problem refuses.
[[nodiscard]] TARIFF_API const date::time_zone& find_time_zone(std::string_view name);

/// Why `name` cannot name a zone whatever the database holds, or nullopt: `localtime` and
/// `posixrules` are this machine's own zone (the same line would price differently on another
/// machine), `right/...` counts leap seconds, and a name that is not the database's form
/// (`Area/City`: letters, digits, `_`, `+`, `-`, parts joined by `/`, no `..`) could reach a
/// file outside it.
[[nodiscard]] TARIFF_API std::optional<std::string> time_zone_name_problem(std::string_view name);

/// The local date of an instant in a zone.
[[nodiscard]] TARIFF_API local_date local_date_of(instant t, const date::time_zone& zone);

/// Parses "YYYY-MM-DD" (a valid date), else nullopt.
[[nodiscard]] TARIFF_API std::optional<local_date> parse_date(std::string_view text);
/// Parses "HH:MM" (00:00 to 24:00) as minutes after midnight, else nullopt.
[[nodiscard]] TARIFF_API std::optional<std::chrono::minutes> parse_time_of_day(
    std::string_view text);
/// Parses an ISO 8601 timestamp with an offset or Z ("2026-03-29T01:30:00+01:00",
/// "2026-03-29T00:30Z"); seconds are optional. A timestamp without an offset is refused.
[[nodiscard]] TARIFF_API std::optional<instant> parse_instant(std::string_view text);
/// "YYYY-MM-DD".
[[nodiscard]] TARIFF_API std::string format_date(local_date d);
/// "YYYY-MM-DDTHH:MM:SSZ".
[[nodiscard]] TARIFF_API std::string format_instant(instant t);
/// The instant in the zone's local time with its offset: "2026-10-25T02:30:00+01:00".
[[nodiscard]] TARIFF_API std::string format_local(instant t, const date::time_zone& zone);

// ---------------------------------------------------------------------------------------------
// Billing periods

/// A half-open range of local dates [first, end).
struct TARIFF_API date_span {
  local_date first;  ///< the first day in the span
  local_date end;    ///< the day after the last day

  /// Number of days in the span.
  [[nodiscard]] int days() const { return static_cast<int>((end - first).count()); }
  /// Whether `d` falls in the span.
  [[nodiscard]] bool contains(local_date d) const { return first <= d && d < end; }
  friend bool operator==(const date_span&, const date_span&) = default;
};

/// "2026-03-01..2026-03-31": a span as its first and last day, both included, as messages,
/// statements and reports write it.
[[nodiscard]] TARIFF_API std::string format_span(const date_span& s);

/// How time is cut into billing periods: consecutive spans of `length` months or days counted
/// from an anchor date. A month-based span that starts on a day the month lacks (the 31st, or
/// 29 February) starts on the month's last day instead, as contract anniversaries do.
class TARIFF_API period_scheme {
 public:
  enum class unit : std::uint8_t { day, month };

  /// Calendar months (1 January, 1 February, ...).
  [[nodiscard]] static period_scheme monthly();
  /// Calendar quarters (1 January, 1 April, 1 July, 1 October).
  [[nodiscard]] static period_scheme quarterly();
  /// Calendar years.
  [[nodiscard]] static period_scheme yearly();
  /// Spans of `months` months counted from `anchor` (e.g. half-years from a contract's start).
  [[nodiscard]] static period_scheme every_months(int months, local_date anchor);
  /// Spans of `days` days counted from `anchor` (e.g. fortnights).
  [[nodiscard]] static period_scheme every_days(int days, local_date anchor);

  /// The period containing `d`.
  [[nodiscard]] date_span containing(local_date d) const;
  /// The period right after `p` (`p` must be a period of this scheme).
  [[nodiscard]] date_span next(const date_span& p) const { return containing(p.end); }
  /// The period right before `p` (`p` must be a period of this scheme).
  [[nodiscard]] date_span previous(const date_span& p) const {
    return containing(p.first - date::days{1});
  }

  /// Months or days.
  [[nodiscard]] unit period_unit() const { return unit_; }
  /// Number of months or days in one period.
  [[nodiscard]] int length() const { return length_; }
  /// The date periods are counted from.
  [[nodiscard]] local_date anchor() const { return anchor_; }

 private:
  period_scheme(unit u, int length, local_date anchor);
  [[nodiscard]] local_date start_of(
      std::int64_t index) const;  // the first day of period number `index`

  unit unit_;
  int length_;
  local_date anchor_;
};

// ---------------------------------------------------------------------------------------------
// Windows, day sets, date ranges

/// A daily window of local time [start, end); an end before the start crosses midnight
/// ("night 22:00..06:00"). 00:00..24:00 is the whole day.
struct TARIFF_API time_window {
  std::string name;            ///< the name the tariff gives it
  std::chrono::minutes start;  ///< minutes after local midnight, 0..1439
  std::chrono::minutes end;    ///< minutes after local midnight, 0..1440, not equal to start

  /// Whether a local time of day (minutes after midnight, 0..1439) is inside the window.
  [[nodiscard]] bool contains(std::chrono::minutes time_of_day) const;
};

/// A named set of weekdays ("weekend sat, sun").
struct TARIFF_API day_set {
  std::string name;       ///< the name the tariff gives it
  std::uint8_t weekdays;  ///< bit i set: weekday i is in the set (0 = Sunday ... 6 = Saturday)

  /// Whether the weekday of `d` is in the set.
  [[nodiscard]] bool contains(local_date d) const;
};

/// A named inclusive range of local dates ("summer 2026-06-01..2026-08-31").
struct date_range {
  std::string name;  ///< the name the tariff gives it
  local_date first;  ///< first day, inclusive
  local_date last;   ///< last day, inclusive

  /// Whether `d` is in the range.
  [[nodiscard]] bool contains(local_date d) const { return first <= d && d <= last; }
};

/// Which windows, day sets and date ranges hold for a stretch of time, and whether it is a
/// holiday. Bit i of a mask stands for the i-th window, day set or range added to the calendar.
struct segment_labels {
  std::uint64_t windows = 0;      ///< windows the local time of day is in
  std::uint64_t day_sets = 0;     ///< day sets the local date's weekday is in
  std::uint64_t date_ranges = 0;  ///< date ranges the local date is in
  bool holiday = false;           ///< the local date is a holiday

  friend bool operator==(const segment_labels&, const segment_labels&) = default;
};

/// A stretch [begin, end) of a work interval over which all labels stay the same.
struct segment {
  instant begin;          ///< first second, UTC
  instant end;            ///< the second after the last, UTC
  local_date date;        ///< local date at `begin`
  segment_labels labels;  ///< what holds for the whole stretch

  /// Real elapsed time of the segment.
  [[nodiscard]] std::chrono::seconds duration() const { return end - begin; }
  friend bool operator==(const segment&, const segment&) = default;
};

/// The calendar a tariff reads work in: a default zone plus named windows, day sets, date ranges
/// and holidays. Up to 64 of each kind. Immutable once built; safe to share across threads.
class TARIFF_API calendar {
 public:
  /// Maximum number of windows, of day sets and of date ranges in one calendar.
  static constexpr std::size_t max_per_kind = 64;

  /// A calendar whose default zone is `zone` (the zone must outlive the calendar; zones from
  /// find_time_zone live as long as the program).
  explicit calendar(const date::time_zone& zone) : zone_(&zone) {}

  /// Adds a window and returns its bit index; throws calendar_error if invalid or too many.
  std::size_t add_window(time_window w);
  /// Adds a day set and returns its bit index; throws calendar_error if empty, if bit 7 (no
  /// weekday) is set, or if too many.
  std::size_t add_day_set(day_set s);
  /// Adds a date range and returns its bit index; throws calendar_error if reversed or too many.
  std::size_t add_date_range(date_range r);
  /// Marks the days first..last (inclusive) as holidays (a single day: first == last); throws
  /// calendar_error if last is before first.
  void add_holidays(local_date first, local_date last);

  /// The default zone.
  [[nodiscard]] const date::time_zone& zone() const { return *zone_; }
  /// The windows, in bit order.
  [[nodiscard]] const std::vector<time_window>& windows() const { return windows_; }
  /// The day sets, in bit order.
  [[nodiscard]] const std::vector<day_set>& day_sets() const { return day_sets_; }
  /// The date ranges, in bit order.
  [[nodiscard]] const std::vector<date_range>& date_ranges() const { return date_ranges_; }
  /// Whether `d` is a holiday.
  [[nodiscard]] bool is_holiday(local_date d) const;

  /// The labels that hold at instant `t` read in `zone`.
  [[nodiscard]] segment_labels labels_at(instant t, const date::time_zone& zone) const;

  /// Splits [begin, end) read in `zone` into segments in time order. A new segment starts wherever
  /// a label changes: at a window's start or end, at local midnight, at a daylight-saving change
  /// that moves the local clock across a boundary. Adjacent stretches with equal labels are
  /// merged. Durations add up exactly to end - begin. `out` is cleared and reused (no allocation
  /// once its capacity suffices). Throws calendar_error if end < begin; begin == end gives none.
  void split(instant begin, instant end, const date::time_zone& zone,
             std::vector<segment>& out) const;
  /// split() in the default zone, returning a new vector.
  [[nodiscard]] std::vector<segment> split(instant begin, instant end) const;

 private:
  const date::time_zone* zone_;
  std::vector<time_window> windows_;
  std::vector<day_set> day_sets_;
  std::vector<date_range> date_ranges_;
  std::vector<date_range> holidays_;  // sorted by first day, merged where they touch
};

// ---------------------------------------------------------------------------------------------
// Contract years

/// The contract year on `day` of a relationship that started on `client_since`: completed years
/// plus one, so the first year is 1. An anniversary on 29 February falls on 28 February in other
/// years. Throws calendar_error if `day` is before `client_since`.
[[nodiscard]] TARIFF_API int contract_year(local_date client_since, local_date day);

/// The first day of contract year `year` (1 gives `client_since` itself); throws calendar_error
/// if `year` is below 1.
[[nodiscard]] TARIFF_API local_date contract_year_start(local_date client_since, int year);

}  // namespace tariff
