// tariff — the library's version. CMake reads the numbers from this file.
#pragma once

#define TARIFF_VERSION_MAJOR 0
#define TARIFF_VERSION_MINOR 2
#define TARIFF_VERSION_PATCH 0

namespace tariff {
/// The library's version as "major.minor.patch".
inline constexpr const char* version = "0.2.0";
}  // namespace tariff
