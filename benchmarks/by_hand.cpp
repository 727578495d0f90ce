// The typical tariff by hand (see by_hand.hpp). Unit prices are kept in 1/10 000 of a cent so that
// night (×2), region (×1.10) and loyalty (×0.95) stay exact integers; each amount is summed per
// second and rounded once, half up, to the cent, as the tariff's `rounding line 0.01 half_up`.
#include "by_hand.hpp"

#include <string_view>

namespace bench {

namespace {

constexpr std::int64_t day_seconds = 86400;
constexpr std::int64_t night_start = 22 * 3600;
constexpr std::int64_t night_end = 6 * 3600;

// n / d rounded half up, n >= 0, d > 0.
std::int64_t half_up(std::int64_t n, std::int64_t d) {
  return (n + d / 2) / d;
}

int region_percent(const tariff::work_line& w) {
  const auto found = w.site_attributes.find("region");
  const std::string_view r =
      found == w.site_attributes.end() ? std::string_view("central") : found->second;
  if (r == "central") return 100;
  if (r == "north") return 110;
  if (r == "south") return 105;
  if (r == "east") return 95;
  return 115;
}

// 100 - loyalty percent in contract year `year`.
int loyalty_keep(int year) {
  return year <= 1 ? 100 : year == 2 ? 98 : year <= 4 ? 95 : 92;
}

int contract_year(tariff::local_date since, tariff::local_date day) {
  const date::year_month_day s{since};
  const date::year_month_day d{day};
  int years = static_cast<int>(d.year()) - static_cast<int>(s.year());
  date::year_month_day anniversary = d.year() / s.month() / s.day();
  if (!anniversary.ok()) anniversary = d.year() / s.month() / date::last;  // 29 February
  if (day < tariff::local_date{anniversary}) --years;
  return years + 1;
}

}  // namespace

const date::sys_info& hand_pricer::offset_at(const std::string& name, tariff::instant t) {
  if (name != last_name_) {
    std::size_t i = 0;
    while (i < zones_.size() && zones_[i].first != name)
      ++i;
    if (i == zones_.size()) zones_.push_back({name, {date::locate_zone(name), {}}});
    last_ = i;
    last_name_ = name;
  }
  zone_info& z = zones_[last_].second;
  if (t < z.info.begin || t >= z.info.end) z.info = z.zone->get_info(t);
  return z.info;
}

hand_amount hand_pricer::price(const tariff::contract& deal, const tariff::work_line& work) {
  const date::sys_info& first = offset_at(work.time_zone, work.start);
  const tariff::local_date day =
      date::floor<date::days>(date::local_seconds{work.start.time_since_epoch() + first.offset});
  if (day < deal.start || day > deal.end) return {};
  const bool billable = work.kind == tariff::work_kind::billable;
  const std::int64_t factor =
      billable ? std::int64_t{region_percent(work)} *
                     loyalty_keep(contract_year(deal.client_since.value_or(deal.start), day))
               : 0;  // per 10 000

  const std::string& item = work.item;
  if (!work.end) {  // engineer_visit 45.00, spare_part 12.50
    const bool visit = item == "engineer_visit";
    const std::int64_t quantity = work.quantity->to_units(0);
    return {half_up((visit ? 4500 : 1250) * quantity * factor, 10000),
            (visit ? 2200 : 790) * quantity,
            true,
            day,
            quantity,
            billable ? quantity : 0};
  }
  const bool field = item == "field_service";  // else remote_support
  const std::int64_t price = field ? 9600 : 6400;
  const std::int64_t cost = field ? 5200 : 3100;

  // Seconds at day and at night price, walking boundary to boundary in local time.
  std::int64_t seconds[2] = {0, 0};
  bool last_night = false;
  for (tariff::instant at = work.start; at < *work.end;) {
    const date::sys_info& info = offset_at(work.time_zone, at);
    const std::int64_t local = (at.time_since_epoch() + info.offset).count();
    const std::int64_t time_of_day = ((local % day_seconds) + day_seconds) % day_seconds;
    const bool night = time_of_day >= night_start || time_of_day < night_end;
    const std::int64_t next = time_of_day < night_end     ? night_end
                              : time_of_day < night_start ? night_start
                                                          : day_seconds;
    tariff::instant end = at + std::chrono::seconds(next - time_of_day);
    if (end > *work.end) end = *work.end;
    if (end > info.end) end = info.end;
    seconds[night ? 1 : 0] += (end - at).count();
    last_night = night;
    at = end;
  }
  const std::int64_t measured = seconds[0] + seconds[1];
  std::int64_t billed = (measured + 899) / 900 * 900;  // started 15 minutes
  if (field && billed < 3600) billed = 3600;           // minimum 1h
  seconds[last_night ? 1 : 0] += billed - measured;    // the last part takes the rounding
  const std::int64_t amount = (price * seconds[0] + 2 * price * seconds[1]) * factor;
  return {half_up(amount, 3600 * 10000), half_up(cost * measured, 3600), true, day, measured,
          billable ? billed : 0};
}

}  // namespace bench
