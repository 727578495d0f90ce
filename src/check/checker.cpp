// The checker: runs the passes in order over one module.
#include "check/checker.hpp"

#include "check/passes.hpp"

namespace tariff {

void check_module(const ast::module& module, diagnostic_sink& sink) {
  checker::context ctx(module, sink);
  if (!checker::check_limits(ctx)) return;
  checker::check_header_and_rounding(ctx);
  checker::check_calendar(ctx);
  checker::check_attributes(ctx);
  checker::check_tables(ctx);
  checker::check_pricelists(ctx);
  checker::check_rules(ctx);
  checker::check_plans(ctx);
  checker::check_taxes(ctx);
  checker::check_pays(ctx);
  checker::check_margins(ctx);
}

}  // namespace tariff
