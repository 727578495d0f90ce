// The checker: runs the passes in order over one module.
#include "check/checker.hpp"

#include "check/passes.hpp"
#include "errors/stop_point.hpp"

namespace tariff::check_stage {

void check_module(const ast::module& module, diagnostics::diagnostic_sink& sink) {
  check_stage::context ctx(module, sink);
  if (!check_stage::check_limits(ctx)) return;
  // The passes after limits, in order; compile()'s stop condition is looked at before each (the
  // limits bound what one pass may take: docs/design.md, "Deadlines and cancellation").
  constexpr void (*passes[])(context&) = {
      check_header_and_rounding,
      check_calendar,
      check_attributes,
      check_tables,
      check_pricelists,
      check_rules,
      check_plans,
      check_taxes,
      check_pays,
      check_migrations,
      check_margins,
      check_negative_prices,
  };
  for (std::size_t i = 0; i < std::size(passes); ++i) {
    errors::poll(i, std::size(passes), "check passes");
    passes[i](ctx);
  }
}

}  // namespace tariff::check_stage
