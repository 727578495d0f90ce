// The version of the time-zone database every local time is converted by.
#include <fstream>
#include <string>

#include <date/tz.h>
#include <tariff/version.hpp>

namespace tariff {

namespace {

// The database's own version line, "# version 2025b", which leads tzdata.zi in the operating
// system's zoneinfo directory. date reads its version from a +VERSION file that Debian's tzdata
// package does not install, and then says "unknown".
std::string version_in_zoneinfo() {
  std::ifstream zi("/usr/share/zoneinfo/tzdata.zi");
  std::string line;
  constexpr std::string_view prefix = "# version ";
  if (zi && std::getline(zi, line) && line.starts_with(prefix)) return line.substr(prefix.size());
  return {};
}

std::string read_tzdata_version() {
  std::string v = date::get_tzdb().version;
  if (v.empty() || v == "unknown") v = version_in_zoneinfo();
  return v;
}

}  // namespace

std::string tzdata_version() {
  static const std::string read_once = read_tzdata_version();
  return read_once;
}

}  // namespace tariff
