// The split of a work interval into segments with constant labels.
//
// Labels change only where the local clock crosses a boundary time of day (midnight, a window's
// start or end) or where the zone's UTC offset changes. Between two offset changes local time is
// UTC plus a constant, so the next boundary is plain arithmetic. The walk below therefore steps
// from boundary to boundary, asking the zone only for the offset at the start and again at each
// offset change inside the interval (none, in the common case). A local time that happens twice
// (fall back) is met twice, once per offset; one that never happens (spring forward) is never met,
// and the offset change itself starts the new piece.
#include <algorithm>

#include "calendar/internal.hpp"

namespace tariff {

namespace calendar_stage {

void split(const calendar& cal, instant begin, instant end, const date::time_zone& zone,
           std::vector<segment>& out, offset_cache& offsets) {
  out.clear();
  if (end < begin) {
    throw calendar_error("work interval " + format_instant(begin) + ".." + format_instant(end) +
                         " ends before it begins");
  }
  constexpr std::int64_t seconds_per_day = 86400;

  std::chrono::seconds offset{0};
  instant offset_end = begin;  // the offset holds in [.., offset_end)

  local_date cached_day{};
  calendar_stage::day_labels day_part;
  bool have_day = false;

  for (instant at = begin; at < end;) {
    if (at >= offset_end) offset = offsets.offset(zone, at, offset_end);
    const date::local_seconds local{at.time_since_epoch() + offset};
    const local_date day = date::floor<date::days>(local);
    const std::int64_t time_of_day = (local - day).count();  // seconds, 0..86399
    if (!have_day || day != cached_day) {
      day_part = labels_of_day(cal, day);
      cached_day = day;
      have_day = true;
    }

    // The windows holding now, and the next boundary after now on this local day (midnight at the
    // latest; boundaries earlier in the day come again only after it).
    const std::chrono::minutes minute{time_of_day / 60};
    std::uint64_t windows = 0;
    std::int64_t next = seconds_per_day;
    const std::vector<time_window>& all = cal.windows();
    for (std::size_t i = 0; i < all.size(); ++i) {
      const time_window& w = all[i];
      if (w.contains(minute)) {
        windows |= std::uint64_t{1} << i;
      }
      const std::int64_t start = w.start.count() * 60;
      const std::int64_t stop = w.end.count() * 60;
      if (start > time_of_day && start < next) {
        next = start;
      }
      if (stop > time_of_day && stop < next) {
        next = stop;
      }
    }
    const instant piece_end =
        std::min({at + std::chrono::seconds{next - time_of_day}, end, offset_end});

    const segment_labels labels{windows, day_part.day_sets, day_part.date_ranges, day_part.holiday};
    if (!out.empty() && out.back().date == day && out.back().labels == labels) {
      out.back().end = piece_end;
    } else {
      out.push_back(segment{at, piece_end, day, labels});
    }
    at = piece_end;
  }
}

}  // namespace calendar_stage

void calendar::split(instant begin, instant end, const date::time_zone& zone,
                     std::vector<segment>& out) const {
  calendar_stage::offset_cache offsets;
  calendar_stage::split(*this, begin, end, zone, out, offsets);
}

std::vector<segment> calendar::split(instant begin, instant end) const {
  std::vector<segment> out;
  split(begin, end, *zone_, out);
  return out;
}

}  // namespace tariff
