// The one-line text of an input error.
#include <tariff/io.hpp>

namespace tariff {

std::string format(const input_error& e) {
  std::string out = "row " + std::to_string(e.row);
  if (!e.id.empty()) out += " (id " + e.id + ")";
  if (!e.column.empty()) out += ", column '" + e.column + "'";
  out += ": ";
  out += e.message;
  return out;
}

}  // namespace tariff
