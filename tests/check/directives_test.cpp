// `#@ allow` holds for compile as for check: a host compiling a tariff sees the same warnings the
// designer's `tariff check` shows (the corpus, tests/errors/check/directive_allow.tariff, covers
// check itself).
#include <gtest/gtest.h>
#include <tariff/diagnostics.hpp>
#include <tariff/pricing.hpp>

namespace tariff {
namespace {

constexpr std::string_view overlapping =
    "tariff \"T\" currency RUB\n"
    "calendar {\n"
    "  window night 22:00 .. 06:00\n"
    "  window late 21:00 .. 23:00\n"
    "}\n";

constexpr std::string_view allowed =
    "tariff \"T\" currency RUB\n"
    "calendar {\n"
    "  window night 22:00 .. 06:00\n"
    "  #@ allow window-overlap\n"
    "  window late 21:00 .. 23:00\n"
    "}\n";

TEST(AllowDirective, CompileReportsTheWarningWithoutIt) {
  const compile_result r = compile(overlapping, "t.tariff");
  ASSERT_TRUE(r.tariff.has_value());
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.diagnostics[0].name, "window-overlap");
  EXPECT_EQ(r.diagnostics[0].line, 4);
}

TEST(AllowDirective, CompileAndCheckLeaveOutTheAllowedWarning) {
  const compile_result r = compile(allowed, "t.tariff");
  EXPECT_TRUE(r.tariff.has_value());
  EXPECT_TRUE(r.diagnostics.empty()) << format(r.diagnostics);
  EXPECT_TRUE(check(allowed, "t.tariff").empty());
}

}  // namespace
}  // namespace tariff
