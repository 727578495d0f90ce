// tariff — the library's version. CMake reads the numbers from this file.
#pragma once

#include <string>

#include <tariff/export.h>

#define TARIFF_VERSION_MAJOR 0
#define TARIFF_VERSION_MINOR 2
#define TARIFF_VERSION_PATCH 0

namespace tariff {
/// The library's version as "major.minor.patch".
inline constexpr const char* version = "0.2.0";

/// The version of the time-zone database this build prices with ("2025b"): the operating
/// system's (USE_OS_TZDB), read once. Every local time is converted by it, so a statement records
/// it (statement::tzdata) and `tariff verify` names it when it differs (docs/statement.md,
/// "Checking a past statement"). Empty if the database names no version.
[[nodiscard]] TARIFF_API std::string tzdata_version();
}  // namespace tariff
