// Why a date or a timestamp that has the right shape still does not read: the day does not
// exist (2026-02-29), or an hour, a minute, a second or an offset is out of range (25:00). The
// calendar's parsers only say "no"; the readers' messages say what is wrong.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tariff::formats {

/// For text shaped YYYY-MM-DD (digits) that is not a day of the calendar, the reason:
/// "2026-02-29 is not a day, 2026 is not a leap year"; otherwise nullopt.
std::optional<std::string> date_problem(std::string_view text);

/// For text shaped as a timestamp with an offset, YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM), whose
/// day, time or offset is out of range, the reason: the date's, or "there is no hour 25, hours
/// go from 00 to 23", or "the offset +24:00 is out of range, offsets go from -23:59 to +23:59";
/// otherwise nullopt.
std::optional<std::string> timestamp_problem(std::string_view text);

}  // namespace tariff::formats
