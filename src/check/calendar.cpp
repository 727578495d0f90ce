// The calendar block: zone, windows, day sets, holidays and seasons.
#include <algorithm>

#include "check/passes.hpp"
#include "check/suggest.hpp"

namespace tariff::check_stage {
namespace {

constexpr int minutes_per_day = 24 * 60;

// Records a calendar name of one kind; a repeat, or one past the calendar's capacity, is an error.
// Returns whether the name is new.
bool declare(context& ctx, name_table& names, const char* kind, const ast::identifier& name,
             ast::position declared_at, std::size_t& count) {
  if (std::optional<ast::position> first = names.add(name.text, declared_at)) {
    ctx.sink.report(diagnostics::code::duplicate_name, name.at,
                    std::string("duplicate ") + kind + " '" + name.text + "' (first declared at " +
                        where(*first) + ")");
    return false;
  }
  if (++count == calendar::max_per_kind + 1)
    ctx.sink.report(diagnostics::code::calendar_too_large, name.at,
                    std::string("too many ") + kind + "s: a calendar holds at most " +
                        std::to_string(calendar::max_per_kind) + " " + kind + "s");
  return true;
}

void check_timezone(context& ctx, const ast::identifier& zone) {
  if (std::optional<std::string> problem = time_zone_name_problem(zone.text)) {
    ctx.sink.report(diagnostics::code::invalid_time_zone_name, zone.at, *problem);
    return;
  }
  try {
    (void)find_time_zone(zone.text);
  } catch (const std::runtime_error&) {  // calendar_error, or the tz library's own
    // The system's zone names are the candidates: a misspelt zone is one or two letters off one.
    std::vector<std::string> zones;
    for (const date::time_zone& z : date::get_tzdb().zones)
      zones.emplace_back(z.name());
    report_unknown(ctx.sink, diagnostics::code::unknown_time_zone, zone.at, "time zone", zone.text,
                   zones);
  }
}

bool check_window_times(context& ctx, const ast::window_decl& w) {
  const std::string& name = w.name.text;
  const long long start = w.start.count();
  const long long end = w.end.count();
  if (start < 0 || start >= minutes_per_day) {
    ctx.sink.report(
        diagnostics::code::invalid_window, w.name.at,
        "window '" + name + "' must start between 00:00 and 23:59, not " + format_minutes(w.start));
    return false;
  }
  if (end < 0 || end > minutes_per_day) {
    ctx.sink.report(
        diagnostics::code::invalid_window, w.name.at,
        "window '" + name + "' must end between 00:00 and 24:00, not " + format_minutes(w.end));
    return false;
  }
  if (start == end) {
    ctx.sink.report(
        diagnostics::code::invalid_window, w.name.at,
        "window '" + name + "' is empty: it starts and ends at " + format_minutes(w.start));
    return false;
  }
  return true;
}

struct interval {
  int from = 0, to = 0;  // minutes after midnight, [from, to)
};

// A window as one or two intervals within a day: 22:00..06:00 is [22:00, 24:00) and [00:00, 06:00).
std::vector<interval> pieces_of(const ast::window_decl& w) {
  const int start = static_cast<int>(w.start.count());
  const int end = static_cast<int>(w.end.count());
  if (start < end) return {{start, end}};
  std::vector<interval> pieces{{start, minutes_per_day}};
  if (end > 0) pieces.push_back({0, end});
  return pieces;
}

// Where two windows overlap, merged, with a stretch across midnight joined into one.
std::vector<interval> overlap(const ast::window_decl& a, const ast::window_decl& b) {
  std::vector<interval> common;
  for (const interval& x : pieces_of(a))
    for (const interval& y : pieces_of(b))
      if (std::max(x.from, y.from) < std::min(x.to, y.to))
        common.push_back({std::max(x.from, y.from), std::min(x.to, y.to)});
  std::sort(common.begin(), common.end(),
            [](const interval& x, const interval& y) { return x.from < y.from; });
  const bool crosses_midnight =
      common.size() >= 2 && common.front().from == 0 && common.back().to == minutes_per_day;
  if (crosses_midnight) {
    common.back().to = common.front().to;  // reads "from 22:00 to 02:00"
    common.erase(common.begin());
  }
  return common;
}

void warn_overlaps(context& ctx, const std::vector<const ast::window_decl*>& windows) {
  for (std::size_t j = 1; j < windows.size(); ++j)
    for (std::size_t i = 0; i < j; ++i) {
      const std::vector<interval> common = overlap(*windows[i], *windows[j]);
      if (common.empty()) continue;
      std::string stretches;
      for (const interval& c : common)
        stretches += (stretches.empty() ? "from " : " and from ") +
                     format_minutes(std::chrono::minutes(c.from)) + " to " +
                     format_minutes(std::chrono::minutes(c.to));
      ctx.sink.report(diagnostics::code::window_overlap, windows[j]->name.at,
                      "windows '" + windows[i]->name.text + "' and '" + windows[j]->name.text +
                          "' overlap " + stretches);
    }
}

void check_date_order(context& ctx, ast::position at, const std::string& what, local_date first,
                      local_date last) {
  if (last < first)
    ctx.sink.report(
        diagnostics::code::reversed_range, at,
        what + " " + format_date(first) + " .. " + format_date(last) + " ends before it starts");
}

}  // namespace

void check_calendar(context& ctx) {
  const auto& calendars = ctx.module.calendars;
  for (std::size_t i = 1; i < calendars.size(); ++i)
    ctx.sink.report(diagnostics::code::repeated_declaration, calendars[i].at,
                    "duplicate calendar (first declared at " + where(calendars[0].at) + ")");

  std::size_t window_count = 0, day_set_count = 0, season_count = 0;
  std::vector<const ast::window_decl*> valid_windows;
  for (const ast::calendar_decl& cal : calendars) {
    if (cal.timezone) check_timezone(ctx, *cal.timezone);
    for (const ast::window_decl& w : cal.windows) {
      const bool is_new = declare(ctx, ctx.windows, "window", w.name, w.at, window_count);
      // A repeated name would only add a warning about the same window with itself.
      if (check_window_times(ctx, w) && is_new) valid_windows.push_back(&w);
    }
    for (const ast::days_decl& d : cal.day_sets)
      declare(ctx, ctx.day_sets, "day set", d.name, d.at, day_set_count);
    for (const ast::holiday_decl& h : cal.holidays)
      check_date_order(ctx, h.at, "holiday range", h.first, h.last);
    for (const ast::season_decl& s : cal.seasons) {
      declare(ctx, ctx.seasons, "season", s.name, s.at, season_count);
      check_date_order(ctx, s.name.at, "season '" + s.name.text + "'", s.first, s.last);
    }
  }
  warn_overlaps(ctx, valid_windows);
}

}  // namespace tariff::check_stage
