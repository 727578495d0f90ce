// Reasons for dates and timestamps that do not exist (time_text.hpp).
#include "formats/time_text.hpp"

#include <array>

namespace tariff::formats {

namespace {

bool digits(std::string_view text, std::size_t at, std::size_t count) {
  if (text.size() < at + count) return false;
  for (std::size_t i = at; i < at + count; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

int number(std::string_view text, std::size_t at, std::size_t count) {
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i)
    value = value * 10 + (text[i] - '0');
  return value;
}

bool at(std::string_view text, std::size_t pos, char c) {
  return pos < text.size() && text[pos] == c;
}

bool leap(int year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

// "there is no hour 25, hours go from 00 to 23"
std::string out_of_range(const char* unit, std::string_view value, const char* range) {
  return "there is no " + std::string(unit) + " " + std::string(value) + ", " + unit +
         "s go from " + range;
}

}  // namespace

std::optional<std::string> date_problem(std::string_view text) {
  if (text.size() != 10 || !digits(text, 0, 4) || !at(text, 4, '-') || !digits(text, 5, 2) ||
      !at(text, 7, '-') || !digits(text, 8, 2))
    return std::nullopt;
  static constexpr std::array<const char*, 12> months{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const std::string day(text);
  const int year = number(text, 0, 4);
  const int month = number(text, 5, 2);
  const int d = number(text, 8, 2);
  if (month < 1 || month > 12)
    return day + " is not a day, there is no month " + std::string(text.substr(5, 2));
  static constexpr std::array<int, 12> lengths{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int length = lengths[static_cast<std::size_t>(month - 1)] + (month == 2 && leap(year));
  if (d == 0) return day + " is not a day, days start at 01";
  if (d <= length) return std::nullopt;
  if (month == 2 && d == 29)
    return day + " is not a day, " + std::string(text.substr(0, 4)) + " is not a leap year";
  return day + " is not a day, " + months[static_cast<std::size_t>(month - 1)] + " has " +
         std::to_string(length) + " days";
}

std::optional<std::string> timestamp_problem(std::string_view text) {
  // The shape first: only a timestamp written the right way has a value to be out of range.
  if (!digits(text, 0, 4) || !at(text, 4, '-') || !digits(text, 5, 2) || !at(text, 7, '-') ||
      !digits(text, 8, 2) || !at(text, 10, 'T') || !digits(text, 11, 2) || !at(text, 13, ':') ||
      !digits(text, 14, 2))
    return std::nullopt;
  std::size_t pos = 16;
  const bool seconds = at(text, pos, ':');
  if (seconds) {
    if (!digits(text, pos + 1, 2)) return std::nullopt;
    pos += 3;
  }
  const std::size_t offset = pos;
  if (at(text, pos, 'Z')) {
    pos += 1;
  } else if ((at(text, pos, '+') || at(text, pos, '-')) && digits(text, pos + 1, 2) &&
             at(text, pos + 3, ':') && digits(text, pos + 4, 2)) {
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;

  if (auto problem = date_problem(text.substr(0, 10))) return problem;
  const int hour = number(text, 11, 2);
  if (hour > 23)
    return out_of_range("hour", text.substr(11, 2), "00 to 23") +
           (hour == 24 ? "; write 00:00 of the next day" : "");
  if (number(text, 14, 2) > 59) return out_of_range("minute", text.substr(14, 2), "00 to 59");
  if (seconds && number(text, 17, 2) > 59)
    return out_of_range("second", text.substr(17, 2), "00 to 59");
  if (text[offset] != 'Z' && (number(text, offset + 1, 2) > 23 || number(text, offset + 4, 2) > 59))
    return "the offset " + std::string(text.substr(offset)) +
           " is out of range, offsets go from -23:59 to +23:59";
  return std::nullopt;
}

}  // namespace tariff::formats
