// The 0.1 forms of the text reports, which took their option as a bool; kept for one minor
// version (CHANGELOG.md, 0.2.0).
#include <tariff/compare_io.hpp>
#include <tariff/priced_io.hpp>
#include <tariff/statement_io.hpp>

namespace tariff {

std::string write_priced_text(std::span<const priced_line> lines, const compiled_tariff& tariff,
                              bool explain) {
  return write_priced_text(lines, tariff, text_options{.explain = explain});
}

std::string write_statement_text(const statement& s, const compiled_tariff& tariff, bool explain) {
  return write_statement_text(s, tariff, text_options{.explain = explain});
}

std::string write_comparison_text(const comparison& c, const compiled_tariff& old_tariff,
                                  const compiled_tariff& new_tariff, bool lines) {
  return write_comparison_text(c, old_tariff, new_tariff, comparison_text_options{.lines = lines});
}

}  // namespace tariff
