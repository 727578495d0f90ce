// The pinned export (export.hpp).
#include "export.hpp"

#include <chrono>
#include <string>

#include <tariff/calendar.hpp>

namespace bench {

namespace {

// 2026-03-05T19:15:00+01:00: the instant in `zone`'s local time, with its offset, as ITSM
// systems write it (never the UTC form the engine's own writers use).
std::string local_text(tariff::instant t, const date::time_zone& zone) {
  const auto offset = std::chrono::duration_cast<std::chrono::minutes>(zone.get_info(t).offset);
  const std::string local =
      date::format("%Y-%m-%dT%H:%M:%S", date::floor<std::chrono::seconds>(zone.to_local(t)));
  const auto minutes = static_cast<int>(offset.count());
  const int magnitude = minutes < 0 ? -minutes : minutes;
  const auto two = [](int n) {
    return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
  };
  return local + (minutes < 0 ? '-' : '+') + two(magnitude / 60) + ':' + two(magnitude % 60);
}

}  // namespace

void append_export_rows(std::ostream& out, const workload& w) {
  for (const tariff::work_line& l : w.lines) {
    const date::time_zone& zone = tariff::find_time_zone(l.time_zone);
    out << l.id << ',' << l.request << ',' << l.contract << ',' << l.item << ','
        << local_text(l.start, zone) << ',' << (l.end ? local_text(*l.end, zone) : "") << ','
        << (l.quantity ? l.quantity->to_string() : "") << ',' << tariff::to_string(l.kind) << ','
        << l.performer << ',' << l.site << ',' << l.time_zone << ','
        << l.site_attributes.at("region") << '\n';
  }
}

void append_contract_rows(std::ostream& out, const workload& w) {
  for (const tariff::contract& c : w.contracts)
    out << c.id << ',' << c.client << ',' << c.plan << ',' << tariff::format_date(c.start) << ','
        << tariff::format_date(c.end) << ',' << tariff::format_date(*c.client_since) << '\n';
}

}  // namespace bench
