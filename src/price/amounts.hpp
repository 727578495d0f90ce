// How amounts become decimals: exact where they can be, rounded where the tariff declares.
#pragma once

#include <cstdint>
#include <optional>

#include <tariff/decimal.hpp>

#include "plan/program.hpp"

namespace tariff::price_stage {

/// Digits kept for an amount that has no finite decimal form and no declared rounding
/// (25 minutes at 2500.00 per hour with neither `rounding segment` nor `rounding line`).
inline constexpr int undeclared_scale = 20;

/// num / den as the amount it stands for: rounded by `r` when a rounding is declared there;
/// else exact (tidied to `scale`), or to `undeclared_scale` digits when it does not terminate.
decimal amount_of(const decimal& num, std::int64_t den, const std::optional<plan::rounding>& r,
                  int scale);
/// out = amount_of(num, den, r, scale), written in place (pricing's hot path: no decimal is
/// returned through memory and copied again).
void amount_into(decimal& out, const decimal& num, std::int64_t den,
                 const std::optional<plan::rounding>& r, int scale);

/// x without trailing zeros beyond `scale` digits, and with at least `scale` digits: 2250.000000
/// (2500.00 × 1.00 × 90%) is 2250.00 at scale 2, while 2999.985 keeps its digits. Same value
/// (decimal/in_place.hpp's trim_into).
decimal tidy(const decimal& x, int scale);

}  // namespace tariff::price_stage
