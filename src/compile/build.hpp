// Building the program of one checked module: what compile() does for a tariff of one file, and
// compile() of versions for each of its files.
#pragma once

#include <memory>
#include <string_view>

#include "ast/ast.hpp"
#include "diagnostics/sink.hpp"
#include "plan/program.hpp"

namespace tariff::compile_stage {

/// The program of `module` (checked, without errors), or null with the compiler's error
/// reported in `sink`.
std::shared_ptr<plan::tariff_program> build_program(const ast::module& module,
                                                    std::string_view source, std::string_view file,
                                                    diagnostics::diagnostic_sink& sink);

}  // namespace tariff::compile_stage
