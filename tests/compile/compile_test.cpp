// What compile makes of a checked tariff, read in the compiled plan (src/plan/program.hpp): the
// values the checker let through reach the stages that price and bill.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <tariff/pricing.hpp>

#include "plan/program.hpp"

namespace tariff {
namespace {

constexpr std::string_view tariff_head =
    "tariff \"T\" currency EUR\n"
    "pricelist main {\n"
    "  item visit \"Visit\" per visit price 100.00\n"
    "}\n";

// The plan `name` of a compiled tariff.
const plan::plan& plan_of(const compile_result& compiled, const std::string& name) {
  const plan::tariff_program& program = compiled.tariff->program();
  return program.plans.at(program.plan_index.at(name));
}

TEST(Compile, APlansLateWorkHorizonReachesThePlan) {
  constexpr std::string_view plans =
      "plan support {\n"
      "  pricelist main\n"
      "  period month\n"
      "  late work 3 periods\n"
      "  fee 45000.00 per month\n"
      "}\n"
      "plan single {\n"
      "  pricelist main\n"
      "  late work 1 period\n"
      "}\n"
      "plan longest {\n"
      "  pricelist main\n"
      "  period quarter\n"
      "  late work 1200 periods\n"
      "}\n"
      "plan unsaid {\n"
      "  pricelist main\n"
      "}\n";
  const compile_result compiled =
      compile(std::string(tariff_head) + std::string(plans), "plans.tariff");
  ASSERT_TRUE(compiled.tariff) << format(compiled.diagnostics);
  EXPECT_EQ(plan_of(compiled, "support").late_work_periods, std::optional<std::int32_t>(3));
  EXPECT_EQ(plan_of(compiled, "single").late_work_periods, std::optional<std::int32_t>(1));
  EXPECT_EQ(plan_of(compiled, "longest").late_work_periods, std::optional<std::int32_t>(1200));
  // Unsaid: billing takes bill_options::late_work_periods, else default_late_work_periods.
  EXPECT_EQ(plan_of(compiled, "unsaid").late_work_periods, std::nullopt);
}

TEST(Compile, ABadLateWorkHorizonCompilesNothing) {
  for (const std::string_view entry :
       {"late work 0 periods", "late work 1201 periods", "late work 2.5 periods",
        "late work 1 periods", "late work 3 periods late work 4 periods"}) {
    const compile_result compiled = compile(
        std::string(tariff_head) + "plan p {\n  pricelist main\n  " + std::string(entry) + "\n}\n");
    EXPECT_FALSE(compiled.tariff) << entry;
    EXPECT_TRUE(has_errors(compiled.diagnostics)) << entry;
  }
}

}  // namespace
}  // namespace tariff
