// tariff::price and tariff::price_into: every line priced on its own, in input order.
#include <algorithm>
#include <map>

#include <tariff/pricing.hpp>

#include "errors/stop_point.hpp"
#include "price/line_pricer.hpp"

namespace tariff {

namespace {

// out[i] for the i-th line: an element `out` held already (priced again in place, keeping its
// memory), or a new one. `kept` elements were kept by keep_first.
priced_line& result_for(std::vector<priced_line>& out, std::size_t i, std::size_t kept) {
  return i < kept ? out[i] : out.emplace_back();
}

// Keeps at most the first `n` elements of `out` and makes room for `n`; returns how many it kept.
std::size_t keep_first(std::vector<priced_line>& out, std::size_t n) {
  const std::size_t kept = std::min(out.size(), n);
  out.resize(kept);  // destroys the elements beyond n only
  out.reserve(n);
  return kept;
}

}  // namespace

void price_into(const compiled_tariff& tariff, const contract& deal,
                std::span<const work_line> lines, std::vector<priced_line>& out,
                const price_options& options) {
  price_stage::line_pricer pricer(tariff, options);
  const errors::stop_point stop(options.stop, lines.size(), "lines");
  const std::size_t kept = keep_first(out, lines.size());
  // Throws cancelled before line i: out[0, i) are this call's, the rest as they were.
  stop.each([&](std::size_t i) { pricer.price(&deal, lines[i], result_for(out, i, kept)); });
}

void price_into(const compiled_tariff& tariff, std::span<const contract> contracts,
                std::span<const work_line> lines, std::vector<priced_line>& out,
                const price_options& options) {
  std::map<std::string_view, const contract*, std::less<>> by_id;
  for (const contract& c : contracts)
    by_id.emplace(c.id, &c);  // the first of a repeated id
  price_stage::line_pricer pricer(tariff, options);
  const errors::stop_point stop(options.stop, lines.size(), "lines");
  const std::size_t kept = keep_first(out, lines.size());
  stop.each([&](std::size_t i) {
    const auto found = by_id.find(lines[i].contract);
    pricer.price(found == by_id.end() ? nullptr : found->second, lines[i],
                 result_for(out, i, kept));
  });
}

std::vector<priced_line> price(const compiled_tariff& tariff, const contract& deal,
                               std::span<const work_line> lines, const price_options& options) {
  std::vector<priced_line> out;
  price_into(tariff, deal, lines, out, options);
  return out;
}

std::vector<priced_line> price(const compiled_tariff& tariff, std::span<const contract> contracts,
                               std::span<const work_line> lines, const price_options& options) {
  std::vector<priced_line> out;
  price_into(tariff, contracts, lines, out, options);
  return out;
}

}  // namespace tariff
