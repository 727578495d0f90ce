// The large generated tariff of the front-end and memory suites: a price list of N items (a third
// billed per hour in started 15 minutes, the rest per piece, all with a cost price) and 50 rules
// with window and day-set conditions.
#pragma once

#include <string>

namespace bench {

inline std::string generated_tariff(int items) {
  std::string text =
      "tariff \"Generated\" currency RUB\n"
      "rounding line 0.01 half_up\n"
      "calendar {\n  timezone Europe/Moscow\n  window night 22:00 .. 06:00\n"
      "  days weekend sat, sun\n}\n"
      "table loyalty by contract.year { 1: 0%, 2: 5%, 3..4: 10%, 5..: 15% }\n"
      "pricelist retail effective 2026-01-01 {\n";
  for (int i = 0; i < items; ++i) {
    const bool hourly = i % 3 == 0;
    text += "  item item_" + std::to_string(i) + " \"Item " + std::to_string(i) + "\" per " +
            (hourly ? "hour" : "piece") + " price " + std::to_string(1000 + i) + ".00 cost " +
            std::to_string(500 + i) + ".00" + (hourly ? " bill started 15min" : "") + "\n";
  }
  text += "}\n";
  for (int r = 0; r < 50; ++r)
    text += "rule r" + std::to_string(r) + " when in night or on weekend : price * 1." +
            std::to_string(r % 9 + 1) + "\n";
  return text;
}

}  // namespace bench
