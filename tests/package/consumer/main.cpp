// A host program built against tariff the way a user builds one: through find_package, through
// add_subdirectory, or with pkg-config. Uses the three public parts (decimal, calendar, checker)
// and exits non-zero if any result is wrong.
#include <cstdio>
#include <string>
#include <vector>

#include <tariff/calendar.hpp>
#include <tariff/decimal.hpp>
#include <tariff/diagnostics.hpp>
#include <tariff/version.hpp>

namespace {

int failures = 0;

void expect(bool ok, const std::string& what) {
  std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
  if (!ok) ++failures;
}

}  // namespace

int main() {
  std::printf("tariff %s\n", tariff::version);

  // Exact decimals: three items at 19.99, and 15 % of 1041.67 rounded half-up to cents.
  const tariff::decimal total = tariff::decimal("19.99") * 3;
  expect(total.to_string() == "59.97", "19.99 * 3 = " + total.to_string());
  const tariff::decimal vat =
      tariff::percent_of(tariff::decimal("1041.67"), 15, 2, tariff::rounding_mode::half_up);
  expect(vat.to_string() == "156.25", "15 % of 1041.67 = " + vat.to_string());

  // Calendar: 21:00..24:00 Berlin time (UTC+1 in March) against a night window 22:00..06:00
  // splits into an hour of day work and two hours of night work.
  tariff::calendar cal(tariff::find_time_zone("Europe/Berlin"));
  const std::size_t night =
      cal.add_window({"night", std::chrono::hours(22), std::chrono::hours(6)});
  const std::vector<tariff::segment> parts =
      cal.split(*tariff::parse_instant("2026-03-10T20:00:00Z"),
                *tariff::parse_instant("2026-03-10T23:00:00Z"));
  expect(parts.size() == 2, "split into " + std::to_string(parts.size()) + " segments");
  if (parts.size() == 2) {
    const std::uint64_t night_bit = std::uint64_t{1} << night;
    expect(parts[0].duration().count() == 3600 && (parts[0].labels.windows & night_bit) == 0,
           "day part " + tariff::format_local(parts[0].begin, cal.zone()) + ", " +
               std::to_string(parts[0].duration().count()) + " s");
    expect(parts[1].duration().count() == 7200 && (parts[1].labels.windows & night_bit) != 0,
           "night part " + tariff::format_local(parts[1].begin, cal.zone()) + ", " +
               std::to_string(parts[1].duration().count()) + " s");
  }

  // Checker: a clean tariff has no findings; a reference to an unknown window is an error.
  const std::string header =
      "tariff \"Tiny\" currency EUR\ncalendar { window night 22:00 .. 06:00 }\n";
  const auto clean =
      tariff::check(header + "rule night when in night : price * 2\n", "tiny.tariff");
  expect(clean.empty(), "clean tariff: " + std::to_string(clean.size()) + " findings");
  const auto wrong =
      tariff::check(header + "rule night when in nigth : price * 2\n", "tiny.tariff");
  expect(tariff::has_errors(wrong) && wrong.front().line == 3,
         "misspelt window: " +
             (wrong.empty() ? std::string("no findings") : tariff::format(wrong.front())));

  std::printf("%s\n", failures == 0 ? "all good" : "FAILED");
  return failures == 0 ? 0 : 1;
}
