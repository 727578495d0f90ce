// Single values as the formats write them: text to value with a plain-words complaint, and back.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <tariff/calendar.hpp>
#include <tariff/decimal.hpp>

namespace tariff::formats {

/// Each parse_value reads non-empty text into `out`, or returns the complaint and leaves `out`.
std::optional<std::string> parse_value(std::string_view text, std::string& out);
std::optional<std::string> parse_value(std::string_view text, instant& out);
std::optional<std::string> parse_value(std::string_view text, local_date& out);
std::optional<std::string> parse_value(std::string_view text, decimal& out);

template <class T>
std::optional<std::string> parse_value(std::string_view text, std::optional<T>& out) {
  T value{};
  if (auto problem = parse_value(text, value)) return problem;
  out = std::move(value);
  return std::nullopt;
}

/// Each format_value gives the text that parse_value reads back; nullopt for an absent value.
std::optional<std::string> format_value(const std::string& value);
std::optional<std::string> format_value(instant value);
std::optional<std::string> format_value(local_date value);
std::optional<std::string> format_value(const decimal& value);

template <class T>
std::optional<std::string> format_value(const std::optional<T>& value) {
  if (!value) return std::nullopt;
  return format_value(*value);
}

/// A quantity the state keeps, which it writes as a number (seconds for time items) and reads as
/// a number or as a duration in seconds: "20h", "1h30m", "90m", "1.5h", "45s", or ISO 8601's
/// "PT20H", "P1DT2H" (a day is 24 hours). Gives the problem, or nothing and sets `out`.
std::optional<std::string> parse_quantity_or_duration(std::string_view text, decimal& out);

/// A field_spec reader for a member that parse_value handles.
template <class Row, auto Member>
std::optional<std::string> read_member(Row& row, std::string_view text) {
  return parse_value(text, row.*Member);
}

/// A field_spec writer for a member that format_value handles.
template <class Row, auto Member>
std::optional<std::string> write_member(const Row& row) {
  return format_value(row.*Member);
}

/// The last day of a span, as files and reports write a period (its first and last day).
inline local_date last_day(const date_span& s) {
  return s.end - date::days{1};
}

}  // namespace tariff::formats
