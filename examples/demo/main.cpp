// The main job until the pricing stage lands: check an example tariff with the rules language's
// front end, then price a few jobs by hand with the library's exact decimal and calendar types
// and print the statement. Every figure is exact; each amount is computed as one product,
// divided once and rounded once (design.md, Pricing semantics §6).
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <tariff/calendar.hpp>
#include <tariff/decimal.hpp>
#include <tariff/diagnostics.hpp>
#include <tariff/version.hpp>

namespace {

using tariff::decimal;
using tariff::rounding_mode;

struct job {
  const char* id;
  const char* what;
  const char* start;  // ISO 8601 with offset, as work arrives from a host
  const char* end;
  const char* zone;  // the site's time zone
};

struct priced_part {
  std::string line;
  std::string label;
  decimal amount;
};

std::string hours(std::chrono::seconds s) {
  const auto minutes = s.count() / 60;
  const auto m = minutes % 60;
  return std::to_string(minutes / 60) + (m < 10 ? ":0" : ":") + std::to_string(m);
}

// Checks a tariff file the way a host would before using it, then shows what a typo looks like.
bool check_tariff_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path);
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const std::string source = text.str();
  const auto diagnostics = tariff::check(source, path);
  if (diagnostics.empty()) {
    std::printf("%s: checked, no errors and no warnings\n", path);
  } else {
    std::printf("%s", tariff::format(diagnostics).c_str());
  }
  // The same tariff with one letter swapped, as people type it:
  std::string typo = source;
  if (const auto at = typo.find("in night"); at != std::string::npos)
    typo.replace(at, 8, "in nigth");
  std::printf("\nthe same tariff with a typo:\n%s\n",
              tariff::format(tariff::check(typo, path)).c_str());
  return !tariff::has_errors(diagnostics);
}

// A label on the left, an amount right-aligned under the amounts of the parts.
void print_total(const std::string& label, const decimal& amount) {
  constexpr int amount_column_end = 108;
  std::printf("%-*s%*s\n", 60, label.c_str(), amount_column_end - 60, amount.to_string().c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const decimal rate("2500.00");  // per hour
  const decimal night_factor("2");
  constexpr auto line_rounding = rounding_mode::half_up;

  std::printf("tariff %s\n\n", tariff::version);
  if (argc > 1 && !check_tariff_file(argv[1])) return 1;

  std::printf(
      "exact money on calendar time (the tariff's rules applied by hand until the\n"
      "pricing stage lands)\n\n");
  std::printf(
      "  rate 2500.00 per hour, night 22:00..06:00 x2 in the site's zone, weekend marked,\n"
      "  amounts rounded per line to 0.01 half_up, loyalty by contract year\n\n");

  const std::vector<job> jobs = {
      {"L1", "alarm repair, 20:00-23:30 (domain.md scenario 4)", "2026-03-10T17:00:00Z",
       "2026-03-10T20:30:00Z", "Europe/Moscow"},
      {"L2", "remote consultation, 25 min", "2026-03-11T07:00:00Z", "2026-03-11T07:25:00Z",
       "Europe/Moscow"},
      {"L3", "night shift across the clock change", "2026-10-24T21:00:00+02:00",
       "2026-10-25T03:00:00+01:00", "Europe/Berlin"},
  };

  std::vector<priced_part> parts;
  decimal total;
  for (const job& j : jobs) {
    const auto& zone = tariff::find_time_zone(j.zone);
    tariff::calendar cal(zone);
    const std::size_t night =
        cal.add_window({"night", std::chrono::hours(22), std::chrono::hours(6)});
    const std::size_t weekend = cal.add_day_set({"weekend", 0b1000001});  // Sunday, Saturday
    const auto begin = *tariff::parse_instant(j.start);
    const auto end = *tariff::parse_instant(j.end);
    std::printf("%s  %s\n", j.id, j.what);
    for (const tariff::segment& s : cal.split(begin, end)) {
      const bool is_night = (s.labels.windows >> night & 1U) != 0;
      const bool is_weekend = (s.labels.day_sets >> weekend & 1U) != 0;
      const decimal unit_price = is_night ? rate * night_factor : rate;
      // price × seconds / 3600: one product, one division, one rounding.
      const decimal amount = tariff::divide(unit_price * decimal(s.duration().count()),
                                            decimal(3600), 2, line_rounding);
      std::string label = is_night ? "night" : "day";
      if (is_weekend) label += ", weekend";
      std::printf(
          "    %-25s .. %-25s %-15s %6s h x %9s = %10s\n",
          tariff::format_local(s.begin, zone).c_str(), tariff::format_local(s.end, zone).c_str(),
          label.c_str(), hours(s.duration()).c_str(),
          unit_price.rescale(2, line_rounding).to_string().c_str(), amount.to_string().c_str());
      parts.push_back({j.id, label, amount});
      total += amount;
    }
  }

  // Loyalty: the client has been with us since 2022-03-10; the statement date is 2026-03-31.
  const auto since = *tariff::parse_date("2022-03-10");
  const auto on = *tariff::parse_date("2026-03-31");
  const int year = tariff::contract_year(since, on);
  const decimal loyalty_percent = year >= 5   ? decimal(15)
                                  : year >= 3 ? decimal(10)
                                  : year == 2 ? decimal(5)
                                              : decimal(0);
  const decimal discount = tariff::percent_of(total, loyalty_percent, 2, line_rounding);

  const std::string loyalty = "loyalty: contract year " + std::to_string(year) + " since " +
                              tariff::format_date(since) + ", " + loyalty_percent.to_string() +
                              " %";
  std::printf("\n");
  print_total("subtotal", total);
  print_total(loyalty, -discount);
  print_total("total", total - discount);

  // The discount spread over the parts by amount: the cents add up to the discount exactly.
  std::vector<decimal> weights;
  for (const auto& p : parts)
    weights.push_back(p.amount);
  const std::vector<decimal> shares = tariff::allocate(discount, weights);
  std::printf("\ndiscount spread over the parts by amount (largest remainder):\n");
  decimal check;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::printf("    %-3s %-15s %10s  -> %9s\n", parts[i].line.c_str(), parts[i].label.c_str(),
                parts[i].amount.to_string().c_str(), shares[i].to_string().c_str());
    check += shares[i];
  }
  std::printf("    sum of shares %31s (the discount: %s)\n", check.to_string().c_str(),
              discount.to_string().c_str());
  return check == discount ? 0 : 1;
}
