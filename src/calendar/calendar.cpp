// Zones, parsing and formatting, windows, day sets, holidays and the labels of an instant.
#include <algorithm>
#include <string>

#include "calendar/internal.hpp"

namespace tariff {

namespace calendar_stage {

date::year_month_day clamped_date(date::year y, date::month m, date::day d) {
  const date::year_month_day ymd{y, m, d};
  if (ymd.ok()) {
    return ymd;
  }
  return date::year_month_day{date::year_month_day_last{y, date::month_day_last{m}}};
}

day_labels labels_of_day(const calendar& cal, local_date d) {
  day_labels labels;
  const auto& sets = cal.day_sets();
  if (!sets.empty()) {
    const auto bit = static_cast<unsigned>(date::weekday{d}.c_encoding());
    for (std::size_t i = 0; i < sets.size(); ++i) {
      if (((sets[i].weekdays >> bit) & 1U) != 0U) {
        labels.day_sets |= std::uint64_t{1} << i;
      }
    }
  }
  const auto& ranges = cal.date_ranges();
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (ranges[i].contains(d)) {
      labels.date_ranges |= std::uint64_t{1} << i;
    }
  }
  labels.holiday = cal.is_holiday(d);
  return labels;
}

std::uint64_t windows_at(const calendar& cal, std::chrono::minutes time_of_day) {
  std::uint64_t mask = 0;
  const auto& windows = cal.windows();
  for (std::size_t i = 0; i < windows.size(); ++i) {
    if (windows[i].contains(time_of_day)) {
      mask |= std::uint64_t{1} << i;
    }
  }
  return mask;
}

}  // namespace calendar_stage

namespace {

constexpr std::chrono::minutes day_minutes{1440};

// ---- parsing: fixed-width fields of ASCII digits -------------------------------------------

// The n digits of `text` from `pos` as a number; false if any is not a digit or text is short.
bool read_digits(std::string_view text, std::size_t pos, std::size_t n, int& value) {
  if (pos > text.size() || text.size() - pos < n) {
    return false;
  }
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') {
      return false;
    }
    v = v * 10 + (c - '0');
  }
  value = v;
  return true;
}

bool char_at(std::string_view text, std::size_t pos, char c) {
  return pos < text.size() && text[pos] == c;
}

// "HH:MM" at pos, hours 0..max_hour, minutes 0..59.
bool read_hh_mm(std::string_view text, std::size_t pos, int max_hour, int& hours, int& minutes) {
  return read_digits(text, pos, 2, hours) && char_at(text, pos + 2, ':') &&
         read_digits(text, pos + 3, 2, minutes) && hours <= max_hour && minutes <= 59;
}

// ---- formatting ----------------------------------------------------------------------------

void append_padded(std::string& out, std::int64_t value, std::size_t width) {
  const std::size_t first = out.size();
  do {
    out.push_back(static_cast<char>('0' + value % 10));
    value /= 10;
  } while (value > 0);
  while (out.size() - first < width) {
    out.push_back('0');
  }
  std::reverse(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
}

void append_date(std::string& out, local_date d) {
  const date::year_month_day ymd{d};
  const int y = static_cast<int>(ymd.year());
  if (y < 0) {
    out.push_back('-');
  }
  append_padded(out, y < 0 ? -std::int64_t{y} : y, 4);
  out.push_back('-');
  append_padded(out, static_cast<unsigned>(ymd.month()), 2);
  out.push_back('-');
  append_padded(out, static_cast<unsigned>(ymd.day()), 2);
}

// "YYYY-MM-DDTHH:MM:SS" of a local or UTC clock reading.
void append_date_time(std::string& out, date::local_seconds t) {
  const auto day = date::floor<date::days>(t);
  const std::int64_t tod = (t - day).count();
  append_date(out, day);
  out.push_back('T');
  append_padded(out, tod / 3600, 2);
  out.push_back(':');
  append_padded(out, tod / 60 % 60, 2);
  out.push_back(':');
  append_padded(out, tod % 60, 2);
}

std::string format_minutes(std::chrono::minutes m) {
  std::string out;
  const auto v = m.count();
  if (v < 0) {
    out = "-";
  }
  const auto a = v < 0 ? -v : v;
  append_padded(out, a / 60, 2);
  out.push_back(':');
  append_padded(out, a % 60, 2);
  return out;
}

std::string quoted(const std::string& name) {
  return "'" + name + "'";
}

}  // namespace

// ---- zones ---------------------------------------------------------------------------------

std::optional<std::string> time_zone_name_problem(std::string_view name) {
  const std::string quoted_name = "'" + std::string(name) + "'";
  if (name == "localtime" || name == "posixrules")
    return "time zone " + quoted_name +
           " is this machine's own zone, which differs from machine to machine: name the zone, "
           "such as Europe/Moscow";
  if (name.starts_with("right/"))
    return "time zone " + quoted_name +
           " counts leap seconds, which civil time does not: use the zone without 'right/'";
  bool part_start = true;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_' || c == '+' || c == '-';
    const bool separator = c == '/' && !part_start && i + 1 < name.size();
    const bool dots = c == '.' && i + 1 < name.size() && name[i + 1] == '.';
    if ((!word && !separator && c != '.') || dots || (c == '.' && part_start))
      return "time zone " + quoted_name + " is not a zone name such as Europe/Moscow";
    part_start = c == '/';
  }
  if (name.empty()) return std::string("the time zone is empty: name one, such as Europe/Moscow");
  return std::nullopt;
}

const date::time_zone& find_time_zone(std::string_view name) {
  if (std::optional<std::string> problem = time_zone_name_problem(name))
    throw calendar_error(*problem);
  try {
    return *date::locate_zone(name);
  } catch (const std::exception& e) {
    throw calendar_error("unknown time zone '" + std::string(name) + "' (" + e.what() + ")");
  }
}

local_date local_date_of(instant t, const date::time_zone& zone) {
  return date::floor<date::days>(zone.to_local(t));
}

local_date calendar_stage::local_date_of(instant t, const date::time_zone& zone,
                                         offset_cache& offsets) {
  instant until;
  return date::floor<date::days>(
      date::local_seconds{t.time_since_epoch() + offsets.offset(zone, t, until)});
}

// ---- parsing -------------------------------------------------------------------------------

std::optional<local_date> parse_date(std::string_view text) {
  int y = 0;
  int m = 0;
  int d = 0;
  if (text.size() != 10 || !read_digits(text, 0, 4, y) || !char_at(text, 4, '-') ||
      !read_digits(text, 5, 2, m) || !char_at(text, 7, '-') || !read_digits(text, 8, 2, d)) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return local_date{ymd};
}

std::optional<std::chrono::minutes> parse_time_of_day(std::string_view text) {
  int h = 0;
  int m = 0;
  if (text.size() != 5 || !read_hh_mm(text, 0, 24, h, m) || (h == 24 && m != 0)) {
    return std::nullopt;
  }
  return std::chrono::minutes{h * 60 + m};
}

std::optional<instant> parse_instant(std::string_view text) {
  // YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM)
  if (text.size() < 17) {
    return std::nullopt;
  }
  const auto day = parse_date(text.substr(0, 10));
  int h = 0;
  int m = 0;
  if (!day || !char_at(text, 10, 'T') || !read_hh_mm(text, 11, 23, h, m)) {
    return std::nullopt;
  }
  std::size_t pos = 16;
  int s = 0;
  if (char_at(text, pos, ':')) {
    if (!read_digits(text, pos + 1, 2, s) || s > 59) {
      return std::nullopt;
    }
    pos += 3;
  }
  std::chrono::seconds offset{0};
  if (char_at(text, pos, 'Z')) {
    pos += 1;
  } else if (char_at(text, pos, '+') || char_at(text, pos, '-')) {
    int oh = 0;
    int om = 0;
    if (!read_hh_mm(text, pos + 1, 23, oh, om)) {
      return std::nullopt;
    }
    offset = std::chrono::seconds{(oh * 60 + om) * 60};
    if (text[pos] == '-') {
      offset = -offset;
    }
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) {
    return std::nullopt;
  }
  const date::local_seconds local =
      *day + std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{s};
  return instant{local.time_since_epoch() - offset};
}

// ---- formatting ----------------------------------------------------------------------------

std::string format_date(local_date d) {
  std::string out;
  append_date(out, d);
  return out;
}

std::string format_span(const date_span& s) {
  std::string out;
  append_date(out, s.first);
  out += "..";
  append_date(out, s.end - date::days{1});
  return out;
}

std::string format_instant(instant t) {
  std::string out;
  append_date_time(out, date::local_seconds{t.time_since_epoch()});
  out.push_back('Z');
  return out;
}

std::string format_local(instant t, const date::time_zone& zone) {
  const auto offset = zone.get_info(t).offset;
  std::string out;
  append_date_time(out, date::local_seconds{t.time_since_epoch() + offset});
  const auto v = offset.count();
  const auto a = v < 0 ? -v : v;
  out.push_back(v < 0 ? '-' : '+');
  append_padded(out, a / 3600, 2);
  out.push_back(':');
  append_padded(out, a / 60 % 60, 2);
  if (a % 60 != 0) {  // local mean time of the 19th century, e.g. +00:53:28
    out.push_back(':');
    append_padded(out, a % 60, 2);
  }
  return out;
}

// ---- windows and day sets ------------------------------------------------------------------

bool time_window::contains(std::chrono::minutes time_of_day) const {
  if (start < end) {
    return start <= time_of_day && time_of_day < end;
  }
  return time_of_day >= start || time_of_day < end;
}

bool day_set::contains(local_date d) const {
  return ((weekdays >> date::weekday{d}.c_encoding()) & 1U) != 0U;
}

// ---- building a calendar -------------------------------------------------------------------

std::size_t calendar::add_window(time_window w) {
  if (w.start < std::chrono::minutes{0} || w.start >= day_minutes) {
    throw calendar_error("window " + quoted(w.name) + ": start " + format_minutes(w.start) +
                         " is outside 00:00..23:59");
  }
  if (w.end < std::chrono::minutes{0} || w.end > day_minutes) {
    throw calendar_error("window " + quoted(w.name) + ": end " + format_minutes(w.end) +
                         " is outside 00:00..24:00");
  }
  if (w.end == w.start) {
    throw calendar_error("window " + quoted(w.name) + ": start and end are both " +
                         format_minutes(w.start) + " (use 00:00..24:00 for the whole day)");
  }
  if (windows_.size() >= max_per_kind) {
    throw calendar_error("window " + quoted(w.name) + ": a calendar holds at most 64 windows");
  }
  windows_.push_back(std::move(w));
  return windows_.size() - 1;
}

std::size_t calendar::add_day_set(day_set s) {
  if (s.weekdays == 0) {
    throw calendar_error("day set " + quoted(s.name) + " has no days");
  }
  if ((s.weekdays & 0x80U) != 0) {
    throw calendar_error("day set " + quoted(s.name) + ": bit 7 is not a weekday");
  }
  if (day_sets_.size() >= max_per_kind) {
    throw calendar_error("day set " + quoted(s.name) + ": a calendar holds at most 64 day sets");
  }
  day_sets_.push_back(std::move(s));
  return day_sets_.size() - 1;
}

std::size_t calendar::add_date_range(date_range r) {
  if (r.last < r.first) {
    throw calendar_error("date range " + quoted(r.name) + ": " + format_date(r.first) + ".." +
                         format_date(r.last) + " ends before it begins");
  }
  if (date_ranges_.size() >= max_per_kind) {
    throw calendar_error("date range " + quoted(r.name) +
                         ": a calendar holds at most 64 date ranges");
  }
  date_ranges_.push_back(std::move(r));
  return date_ranges_.size() - 1;
}

void calendar::add_holidays(local_date first, local_date last) {
  if (last < first) {
    throw calendar_error("holidays " + format_date(first) + ".." + format_date(last) +
                         " end before they begin");
  }
  // Keep the ranges sorted and disjoint, merging any that overlap or touch the new one.
  auto lo = std::lower_bound(
      holidays_.begin(), holidays_.end(), first,
      [](const date_range& r, local_date d) { return r.last + date::days{1} < d; });
  auto hi = lo;
  while (hi != holidays_.end() && hi->first <= last + date::days{1}) {
    first = std::min(first, hi->first);
    last = std::max(last, hi->last);
    ++hi;
  }
  lo = holidays_.erase(lo, hi);
  holidays_.insert(lo, date_range{{}, first, last});
}

bool calendar::is_holiday(local_date d) const {
  // The first range ending on or after d is the only one that can contain it.
  const auto it =
      std::lower_bound(holidays_.begin(), holidays_.end(), d,
                       [](const date_range& r, local_date day) { return r.last < day; });
  return it != holidays_.end() && it->first <= d;
}

segment_labels calendar::labels_at(instant t, const date::time_zone& zone) const {
  calendar_stage::offset_cache offsets;
  return calendar_stage::labels_at(*this, t, zone, offsets);
}

segment_labels calendar_stage::labels_at(const calendar& cal, instant t,
                                         const date::time_zone& zone, offset_cache& offsets) {
  instant until;
  const date::local_seconds local{t.time_since_epoch() + offsets.offset(zone, t, until)};
  const auto day = date::floor<date::days>(local);
  const auto day_part = calendar_stage::labels_of_day(cal, day);
  segment_labels labels;
  labels.windows = calendar_stage::windows_at(cal, date::floor<std::chrono::minutes>(local - day));
  labels.day_sets = day_part.day_sets;
  labels.date_ranges = day_part.date_ranges;
  labels.holiday = day_part.holiday;
  return labels;
}

}  // namespace tariff
