// Parsing and formatting single values through the calendar and decimal modules' own functions.
#include "formats/values.hpp"

#include "formats/time_text.hpp"
#include "text/visible.hpp"

namespace tariff::formats {

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
           "2026-03-28T22:30Z";
  }
  out = *value;
  return std::nullopt;
}

std::optional<std::string> parse_value(std::string_view text, local_date& out) {
  const std::optional<local_date> value = parse_date(text);
  if (!value) {
    if (auto problem = date_problem(text)) return text::quote(text) + " is not a date: " + *problem;
    return text::quote(text) + " is not a date (YYYY-MM-DD)";
  }
  out = *value;
  return std::nullopt;
}

std::optional<std::string> parse_value(std::string_view text, decimal& out) {
  std::optional<decimal> parsed = decimal::try_parse(text);
  if (!parsed) return text::quote(text) + " is not a decimal number";
  out = std::move(*parsed);
  return std::nullopt;
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
