// The 0.1 forms that reported failure through a bool and an out-parameter; kept for one minor
// version (CHANGELOG.md, 0.2.0).
#include <tariff/decimal.hpp>

namespace tariff {

bool parse_rounding_mode(std::string_view name, rounding_mode& out) {
  const std::optional<rounding_mode> mode = parse_rounding_mode(name);
  if (mode) out = *mode;
  return mode.has_value();
}

bool decimal::try_parse(std::string_view text, decimal& out) {
  std::optional<decimal> parsed = try_parse(text);
  if (parsed) out = std::move(*parsed);
  return parsed.has_value();
}

}  // namespace tariff
