// The checker: runs the passes in order over one module.
#include "check/checker.hpp"

#include "check/passes.hpp"

namespace tariff::check_stage {

void check_module(const ast::module& module, diagnostics::diagnostic_sink& sink) {
  check_stage::context ctx(module, sink);
  if (!check_stage::check_limits(ctx)) return;
  check_stage::check_header_and_rounding(ctx);
  check_stage::check_calendar(ctx);
  check_stage::check_attributes(ctx);
  check_stage::check_tables(ctx);
  check_stage::check_pricelists(ctx);
  check_stage::check_rules(ctx);
  check_stage::check_plans(ctx);
  check_stage::check_taxes(ctx);
  check_stage::check_pays(ctx);
  check_stage::check_migrations(ctx);
  check_stage::check_margins(ctx);
  check_stage::check_negative_prices(ctx);
}

}  // namespace tariff::check_stage
