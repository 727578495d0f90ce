// The checks across the versions of one tariff (docs/design.md, decision 12): what one file
// cannot know alone. Each finding is reported in the sink of the version that causes it, at the
// place in that file.
#pragma once

#include <span>
#include <string>

#include "ast/ast.hpp"
#include "diagnostics/sink.hpp"

namespace tariff::check_stage {

/// One version as the cross-version checks see it: its checked module and its sink.
struct version_input {
  const ast::module* module = nullptr;
  diagnostics::diagnostic_sink* sink = nullptr;
};

/// The versions' effective dates in order: versions without `effective` first, then by date;
/// equal dates keep the order given. Returns the indexes into `versions`.
std::vector<std::size_t> version_order(std::span<const version_input> versions);

/// Checks the versions, `ordered` as version_order gives them: dates, currency, time zone,
/// plans and allowance keys that disappear without a `migrate`, `migrate`s that name nothing,
/// and versions starting on a day that starts no statement period of a plan that charges.
void check_versions(std::span<const version_input> versions,
                    const std::vector<std::size_t>& ordered);

/// The allowance keys of a module's plans ("visit/month"), each once, in declaration order.
std::vector<std::string> allowance_keys(const ast::module& module);

}  // namespace tariff::check_stage
