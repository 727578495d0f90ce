// The one-line text of an input error.
#include <tariff/io.hpp>

#include "text/visible.hpp"

namespace tariff {

// The readers already show what they quote visibly; an error a host built itself is made safe to
// print here too (visible() leaves escaped text as it is).
std::string format(const input_error& e) {
  std::string out = "row " + std::to_string(e.row);
  if (!e.id.empty()) out += " (id " + text::visible(e.id) + ")";
  if (!e.column.empty()) out += ", column '" + text::visible(e.column) + "'";
  out += ": ";
  out += text::visible(e.message);
  return out;
}

}  // namespace tariff
