// "Did you mean ...?": the nearest declared name to a misspelt one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/diagnostics.hpp>

#include "ast/ast.hpp"
#include "diagnostics/nearest.hpp"
#include "diagnostics/sink.hpp"

namespace tariff::check_stage {

using diagnostics::closest;
using diagnostics::edit_distance;

/// "unknown <kind> '<name>'<place>" with "; did you mean '<closest>'?" when a candidate is near;
/// `place` says where it was looked for (" in price list 'retail'").
std::string unknown_name_message(std::string_view kind, std::string_view name,
                                 const std::vector<std::string>& candidates,
                                 std::string_view place = {});

/// The fix-it that replaces `name`, written at `at`, with the candidate `closest` finds, if any:
/// the edit a "did you mean" proposes.
std::optional<fix_it> rename_fix(ast::position at, std::string_view name,
                                 const std::vector<std::string>& candidates);

/// Reports the unknown name `name` written at `at` with unknown_name_message's words and, when a
/// candidate is near, the fix-it that writes it instead.
void report_unknown(diagnostics::diagnostic_sink& sink, diagnostics::code kind_code,
                    ast::position at, std::string_view kind, std::string_view name,
                    const std::vector<std::string>& candidates, std::string_view place = {});

/// Adds `fix` to `d` if there is one.
inline void add_fix(diagnostic& d, std::optional<fix_it> fix) {
  if (fix) d.fixes.push_back(std::move(*fix));
}

}  // namespace tariff::check_stage
