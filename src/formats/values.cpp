// Parsing and formatting single values through the calendar and decimal modules' own functions.
#include "formats/values.hpp"

#include <algorithm>
#include <cctype>

#include "formats/time_text.hpp"
#include "text/visible.hpp"

namespace tariff::formats {

namespace {

bool digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

// What spreadsheets in many locales write, told apart from a typo but never read as what it might
// mean: the hint says how to write the value, the value is still refused (docs/formats.md).

// "2,5" or "-1234,50": a decimal comma.
std::string decimal_comma_hint(std::string_view text) {
  std::string_view number = text;
  if (number.starts_with('-')) number.remove_prefix(1);
  const std::size_t comma = number.find(',');
  if (comma == std::string_view::npos || !digits(number.substr(0, comma)) ||
      !digits(number.substr(comma + 1)))
    return {};
  std::string with_point(text);
  with_point[with_point.find(',')] = '.';
  return "; the decimal separator is '.': if a decimal comma was meant, write " + with_point;
}

// "31.03.2026" at the start of the value: a day first, as dd.mm.yyyy.
std::string day_first_hint(std::string_view text, bool timestamp) {
  if (text.size() < 10 || text[2] != '.' || text[5] != '.' || !digits(text.substr(0, 2)) ||
      !digits(text.substr(3, 2)) || !digits(text.substr(6, 4)))
    return {};
  const std::string year_first = std::string(text.substr(6, 4)) + "-" +
                                 std::string(text.substr(3, 2)) + "-" +
                                 std::string(text.substr(0, 2));
  if (!timestamp)
    return "; dates are written year first: " + year_first + " if dd.mm.yyyy was meant";
  // The time the value gives ("31.03.2026 09:30"), or an example one.
  const std::string_view rest = text.substr(10);
  const bool has_time = rest.size() >= 6 && (rest[0] == ' ' || rest[0] == 'T') && rest[3] == ':' &&
                        digits(rest.substr(1, 2)) && digits(rest.substr(4, 2));
  const std::string time = has_time ? std::string(rest.substr(1, 5)) : "09:30";
  return "; dates are written year first and times with their zone's offset: " + year_first + "T" +
         time + ":00+03:00 if dd.mm.yyyy at +03:00 was meant";
}

}  // namespace

std::optional<std::string> parse_value(std::string_view text, std::string& out) {
  out.assign(text);
  return std::nullopt;
}

std::optional<std::string> parse_value(std::string_view text, instant& out) {
  const std::optional<instant> value = parse_instant(text);
  if (!value) {
    // Written right but out of range (2026-02-29, 25:00): say what does not exist.
    if (auto problem = timestamp_problem(text))
      return text::quote(text) + " is not a timestamp: " + *problem;
    return text::quote(text) +
           " is not a timestamp with an offset, like 2026-03-29T01:30:00+03:00 or "
           "2026-03-28T22:30Z" +
           day_first_hint(text, true);
  }
  out = *value;
  return std::nullopt;
}

std::optional<std::string> parse_value(std::string_view text, local_date& out) {
  const std::optional<local_date> value = parse_date(text);
  if (!value) {
    if (auto problem = date_problem(text)) return text::quote(text) + " is not a date: " + *problem;
    return text::quote(text) + " is not a date (YYYY-MM-DD)" + day_first_hint(text, false);
  }
  out = *value;
  return std::nullopt;
}

std::optional<std::string> parse_value(std::string_view text, decimal& out) {
  std::optional<decimal> parsed = decimal::try_parse(text);
  if (!parsed) return text::quote(text) + " is not a decimal number" + decimal_comma_hint(text);
  out = std::move(*parsed);
  return std::nullopt;
}

namespace {

// Seconds in one of a duration's units; 0 for no unit.
unsigned seconds_in(char unit, bool iso) {
  switch (std::tolower(static_cast<unsigned char>(unit))) {
    case 'd':
      return iso ? 86400U : 0U;
    case 'h':
      return 3600U;
    case 'm':
      return 60U;
    case 's':
      return 1U;
    default:
      return 0U;
  }
}

// "1h30m" or, after ISO 8601's "P", "1DT2H30M": numbers each followed by a unit, units in
// decreasing order, each once; the total in seconds.
std::optional<decimal> duration_seconds(std::string_view text, bool iso) {
  decimal total;
  unsigned last_unit = 0;
  bool any = false;
  while (!text.empty()) {
    if (iso && (text.front() == 'T' || text.front() == 't')) {
      text.remove_prefix(1);
      continue;
    }
    std::size_t number = 0;
    while (number < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[number])) != 0 || text[number] == '.'))
      ++number;
    if (number == 0 || number == text.size()) return std::nullopt;
    const unsigned unit = seconds_in(text[number], iso);
    if (unit == 0 || (last_unit != 0 && unit >= last_unit)) return std::nullopt;
    const std::optional<decimal> amount = decimal::try_parse(text.substr(0, number));
    if (!amount) return std::nullopt;
    total = total + *amount * decimal(std::to_string(unit));
    last_unit = unit;
    any = true;
    text.remove_prefix(number + 1);
  }
  if (!any) return std::nullopt;
  return total;
}

}  // namespace

std::optional<std::string> parse_quantity_or_duration(std::string_view text, decimal& out) {
  if (std::optional<decimal> number = decimal::try_parse(text)) {
    out = std::move(*number);
    return std::nullopt;
  }
  const bool iso = text.starts_with('P') || text.starts_with('p');
  if (std::optional<decimal> seconds = duration_seconds(iso ? text.substr(1) : text, iso)) {
    out = std::move(*seconds);
    return std::nullopt;
  }
  return text::quote(text) +
         " is not a quantity: a number (seconds for time items) or a duration like 20h, 1h30m or "
         "PT20H";
}

std::optional<std::string> format_value(const std::string& value) {
  return value;
}

std::optional<std::string> format_value(instant value) {
  return format_instant(value);
}

std::optional<std::string> format_value(local_date value) {
  return format_date(value);
}

std::optional<std::string> format_value(const decimal& value) {
  return value.to_string();
}

}  // namespace tariff::formats
