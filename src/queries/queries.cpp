#include "queries/queries.hpp"

#include "plan/program.hpp"

namespace tariff::queries {

decimal zero_amount(const compiled_tariff& tariff) {
  return tariff.program().zero_amount();
}

std::optional<tax_terms> tax_of(const compiled_tariff& tariff) {
  const auto& tax = tariff.program().tax_rules;
  if (!tax) return std::nullopt;
  return tax_terms{tax->name, tax->basis == vocabulary::tax_basis::included};
}

bool keeps_prepaid_balance(const compiled_tariff& tariff, std::string_view plan) {
  const plan::tariff_program& program = tariff.program();
  const auto found = program.plan_index.find(plan);
  return found != program.plan_index.end() && program.plans[found->second].prepaid;
}

}  // namespace tariff::queries
