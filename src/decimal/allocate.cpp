// Splitting a sum into parts that add up exactly: largest remainder, deterministic ties.
#include <algorithm>
#include <numeric>

#include <tariff/decimal.hpp>

#include "decimal/wide.hpp"

namespace tariff {

namespace wide = decimal_stage::wide;
using wide::big;

std::vector<decimal> allocate(const decimal& total, std::span<const decimal> weights) {
  if (weights.empty()) throw decimal_error(decimal_errc::invalid_argument, "allocate: no weights");
  int weight_scale = 0;
  for (const decimal& w : weights) {
    if (w.sign() < 0)
      throw decimal_error(decimal_errc::invalid_argument,
                          "allocate: negative weight " + w.to_string());
    weight_scale = std::max(weight_scale, w.scale());
  }
  // Work in whole units of the total's last digit and integer weights at a common scale.
  std::vector<big> w;
  w.reserve(weights.size());
  big weight_sum = 0;
  for (const decimal& weight : weights) {
    w.push_back(decimal_access::coefficient(weight) *
                wide::pow10_big(weight_scale - weight.scale()));
    weight_sum += w.back();
  }
  if (weight_sum == 0)
    throw decimal_error(decimal_errc::invalid_argument, "allocate: all weights are zero");

  const big units = abs(decimal_access::coefficient(total));
  std::vector<big> share(w.size());
  std::vector<big> remainder(w.size());
  big given = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    divide_qr(big(units * w[i]), weight_sum, share[i], remainder[i]);
    given += share[i];
  }
  // Fewer units are left than there are parts; hand them out by largest remainder, then index.
  std::vector<std::size_t> order(w.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  const auto left = static_cast<std::size_t>(big(units - given));
  for (std::size_t k = 0; k < left; ++k)
    share[order[k]] += 1;

  const bool negative = total.sign() < 0;
  std::vector<decimal> parts;
  parts.reserve(w.size());
  for (big& s : share)
    parts.push_back(decimal_access::from_big(negative ? big(-s) : std::move(s), total.scale()));
  return parts;
}

std::vector<decimal> allocate_whole(const decimal& total, std::span<const decimal> numerators,
                                    const decimal& denominator) {
  if (denominator.sign() <= 0)
    throw decimal_error(
        decimal_errc::invalid_argument,
        "allocate_whole: the denominator must be positive, not " + denominator.to_string());
  // Integers at a common scale: the quotient of two of them is the part's exact value.
  int scale = denominator.scale();
  for (const decimal& n : numerators)
    scale = std::max(scale, n.scale());
  const big d =
      decimal_access::coefficient(denominator) * wide::pow10_big(scale - denominator.scale());
  std::vector<big> whole(numerators.size());
  std::vector<big> remainder(numerators.size());
  big given = 0;
  for (std::size_t i = 0; i < numerators.size(); ++i) {
    const big n =
        decimal_access::coefficient(numerators[i]) * wide::pow10_big(scale - numerators[i].scale());
    divide_qr(n, d, whole[i], remainder[i]);  // truncates: the remainder has n's sign
    given += whole[i];
  }
  big target;
  big fraction;
  divide_qr(decimal_access::coefficient(total), wide::pow10_big(std::max(total.scale(), 0)), target,
            fraction);
  if (fraction != 0)
    throw decimal_error(decimal_errc::invalid_argument,
                        "allocate_whole: the total " + total.to_string() + " is not whole");
  if (total.scale() < 0) target *= wide::pow10_big(-total.scale());
  big left = target - given;
  // The units left over keep their sign and go to the parts of that sign, largest remainder
  // (in magnitude) first, ties to the earlier part.
  const int sign = left > 0 ? 1 : -1;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < remainder.size(); ++i)
    if ((sign > 0 && remainder[i] > 0) || (sign < 0 && remainder[i] < 0)) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return sign > 0 ? remainder[a] > remainder[b] : remainder[a] < remainder[b];
  });
  if (big(sign > 0 ? left : big(-left)) > big(order.size()))
    throw decimal_error(decimal_errc::invalid_argument,
                        "allocate_whole: the total " + total.to_string() +
                            " is more than one unit a part from the parts' exact sum");
  for (std::size_t k = 0; left != 0; ++k, left -= sign)
    whole[order[k]] += sign;

  std::vector<decimal> parts;
  parts.reserve(whole.size());
  for (big& w : whole)
    parts.push_back(decimal_access::from_big(std::move(w), 0));
  return parts;
}

std::vector<decimal> allocate_equally(const decimal& total, std::size_t n) {
  if (n == 0) throw decimal_error(decimal_errc::invalid_argument, "allocate_equally: zero parts");
  const std::vector<decimal> weights(n, decimal(1));
  return allocate(total, weights);
}

}  // namespace tariff
