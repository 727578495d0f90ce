// Expressions back to source text, for hints such as "did you mean 'price * 2'?".
#pragma once

#include <string>

#include "ast/ast.hpp"

namespace tariff::check_stage {

/// `e` as the language writes it, with parentheses only where precedence needs them.
std::string to_text(const ast::expression& e);

/// Whether `e` binds at least as tightly as a product's operand, so `price * e` needs no
/// parentheses.
bool is_operand_of_product(const ast::expression& e);

}  // namespace tariff::check_stage
