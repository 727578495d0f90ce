#include "model/allowance_key.hpp"

#include <algorithm>

namespace tariff::model {

std::string allowance_key(std::vector<std::string_view> items, std::string_view period) {
  std::sort(items.begin(), items.end());
  std::string key;
  for (std::string_view item : items) {
    if (!key.empty()) key += '+';
    key += item;
  }
  key += '/';
  key += period;
  return key;
}

std::string canonical_allowance_key(std::string_view key) {
  const std::size_t slash = key.rfind('/');
  if (slash == std::string_view::npos) return std::string(key);
  std::vector<std::string_view> items;
  std::string_view rest = key.substr(0, slash);
  for (std::size_t plus; (plus = rest.find('+')) != std::string_view::npos;) {
    items.push_back(rest.substr(0, plus));
    rest.remove_prefix(plus + 1);
  }
  items.push_back(rest);
  return allowance_key(std::move(items), key.substr(slash + 1));
}

}  // namespace tariff::model
