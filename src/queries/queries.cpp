#include "queries/queries.hpp"

#include "plan/access.hpp"
#include "plan/program.hpp"

namespace tariff::queries {

decimal zero_amount(const compiled_tariff& tariff) {
  return decimal::from_units(0, tariff.amount_scale());
}

bool keeps_prepaid_balance(const compiled_tariff& tariff, std::string_view plan) {
  const plan::tariff_program& program = plan::program_of(tariff);
  const auto found = program.plan_index.find(plan);
  return found != program.plan_index.end() && program.plans[found->second].prepaid;
}

}  // namespace tariff::queries
