// Compiles checked expressions to postfix code, folding what is constant.
#pragma once

#include <map>
#include <stdexcept>
#include <string>

#include "ast/ast.hpp"
#include "plan/evaluate.hpp"
#include "plan/program.hpp"

namespace tariff::compile_stage {

/// A compile-time failure the checker cannot see (limits of the compiled form), with its place.
struct compile_failure {
  ast::position at;
  std::string message;
};

/// The names an expression may use, resolved to indexes of the program.
struct scope {
  std::map<std::string, std::uint32_t, std::less<>> windows;
  std::map<std::string, std::uint32_t, std::less<>> day_sets;
  std::map<std::string, std::uint32_t, std::less<>> seasons;
  std::map<std::string, std::uint32_t, std::less<>> tables;
  std::map<std::string, std::uint32_t, std::less<>> attributes;  ///< "site.region" -> slot
};

class expression_compiler {
 public:
  expression_compiler(plan::tariff_program& program, const scope& names)
      : program_(program), names_(names), folder_(program) {}

  /// The code of a checked expression. Throws compile_failure.
  plan::code compile(const ast::expression& e);
  /// The code of a checked staff pay rule's expression, where `amount` is the priced line's.
  plan::code compile_pay(const ast::expression& e);
  /// The constant value of a checked constant expression (a table value, a default).
  plan::value constant(const ast::expression& e);

 private:
  // Appends the code of `e`; returns whether it is constant (reads nothing at pricing time).
  bool emit(const ast::expression& e, plan::code& out);
  bool emit_chain(const ast::chain& c, plan::code& out);
  bool emit_literal(const ast::literal& l, plan::code& out);
  // Replaces the constant code from `start` on by its value; false (code kept) if it fails.
  bool fold(std::size_t start, plan::code& out);
  void push_constant(plan::value v, plan::code& out);
  std::uint32_t date_range_bit(const ast::during& d, ast::position at);

  plan::tariff_program& program_;
  const scope& names_;
  bool pay_rule_ = false;  // `amount` reads the priced line (op::price)
  plan::evaluator folder_;
  std::map<std::pair<int, int>, std::uint32_t> literal_ranges_;  // (first, last) days -> bit
};

/// Seconds in one unit of a duration literal ("h" or "min").
std::int64_t seconds_per(std::string_view duration_unit);

}  // namespace tariff::compile_stage
