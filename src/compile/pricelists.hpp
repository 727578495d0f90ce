// Price lists for evaluation: item ids over all lists, and each list's snapshots by date.
#pragma once

#include "ast/ast.hpp"
#include "plan/program.hpp"

namespace tariff::compile_stage {

/// Gives every item name declared in any list an id, in declaration order.
void assign_item_ids(const ast::module& m, plan::tariff_program& p);
/// Builds every list's snapshots (after assign_item_ids).
void build_pricelists(const ast::module& m, plan::tariff_program& p);

}  // namespace tariff::compile_stage
