// tariff::price: every line priced on its own, in input order.
#include <map>

#include <tariff/pricing.hpp>

#include "price/line_pricer.hpp"

namespace tariff {

std::vector<priced_line> price(const compiled_tariff& tariff, const contract& deal,
                               std::span<const work_line> lines, const price_options& options) {
  detail::line_pricer pricer(tariff, options);
  std::vector<priced_line> out;
  out.reserve(lines.size());
  for (const work_line& w : lines)
    pricer.price(&deal, w, out.emplace_back());
  return out;
}

std::vector<priced_line> price(const compiled_tariff& tariff, std::span<const contract> contracts,
                               std::span<const work_line> lines, const price_options& options) {
  std::map<std::string_view, const contract*, std::less<>> by_id;
  for (const contract& c : contracts)
    by_id.emplace(c.id, &c);  // the first of a repeated id
  detail::line_pricer pricer(tariff, options);
  std::vector<priced_line> out;
  out.reserve(lines.size());
  for (const work_line& w : lines) {
    const auto found = by_id.find(w.contract);
    pricer.price(found == by_id.end() ? nullptr : found->second, w, out.emplace_back());
  }
  return out;
}

}  // namespace tariff
