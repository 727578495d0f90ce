// The engine's own door to the plan behind a compiled tariff. The public handle shows hosts only
// its queries (include/tariff/pricing.hpp); compile builds the handle here, and the stages that
// may read the plan (docs/architecture.md, "Stages") reach it here.
#pragma once

#include <memory>
#include <utility>

#include <tariff/pricing.hpp>

#include "plan/program.hpp"

namespace tariff {

struct compiled_tariff_access {
  static compiled_tariff make(std::shared_ptr<const plan::tariff_program> program) {
    return compiled_tariff(std::move(program));
  }
  static const plan::tariff_program& program(const compiled_tariff& tariff) {
    return *tariff.program_;
  }
};

namespace plan {

/// The plan `tariff` evaluates.
inline const tariff_program& program_of(const compiled_tariff& tariff) {
  return compiled_tariff_access::program(tariff);
}

}  // namespace plan
}  // namespace tariff
