#include "check/suggest.hpp"

#include <algorithm>

namespace tariff::check_stage {

std::string unknown_name_message(std::string_view kind, std::string_view name,
                                 const std::vector<std::string>& candidates,
                                 std::string_view place) {
  std::string message =
      "unknown " + std::string(kind) + " '" + std::string(name) + "'" + std::string(place);
  if (std::optional<std::string> guess = closest(name, candidates))
    message += "; did you mean '" + *guess + "'?";
  return message;
}

std::optional<fix_it> rename_fix(ast::position at, std::string_view name,
                                 const std::vector<std::string>& candidates) {
  std::optional<std::string> guess = closest(name, candidates);
  if (!guess) return std::nullopt;
  return fix_it{.line = at.line,
                .column = at.column,
                .end_line = at.line,
                .end_column = at.column + static_cast<int>(name.size()),
                .replacement = std::move(*guess)};
}

void report_unknown(diagnostics::diagnostic_sink& sink, diagnostics::code kind_code,
                    ast::position at, std::string_view kind, std::string_view name,
                    const std::vector<std::string>& candidates, std::string_view place) {
  diagnostic& d = sink.report(kind_code, at, unknown_name_message(kind, name, candidates, place));
  add_fix(d, rename_fix(at, name, candidates));
}

}  // namespace tariff::check_stage
