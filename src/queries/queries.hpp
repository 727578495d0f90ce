// What the stages after compile may ask of a compiled tariff beyond its public accessors. Only
// compile writes the plan and only price, bill and payouts read it (docs/architecture.md,
// "Stages"); formats, reports, compare and the tool ask these questions instead, so a change to
// the plan's layout stays inside the stages that own it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <tariff/decimal.hpp>
#include <tariff/pricing.hpp>

namespace tariff::queries {

/// Zero at the scale the tariff rounds amounts to (0.00 for a step of 0.01): where a sum starts,
/// so that a sum of nothing writes like the others.
[[nodiscard]] decimal zero_amount(const compiled_tariff& tariff);

/// Whether contracts on `plan` keep a prepaid balance; false for a plan the tariff lacks.
[[nodiscard]] bool keeps_prepaid_balance(const compiled_tariff& tariff, std::string_view plan);

}  // namespace tariff::queries
