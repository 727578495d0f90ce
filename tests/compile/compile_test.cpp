// What compile makes of a checked tariff, read in the compiled plan (src/plan/program.hpp): the
// values the checker let through reach the stages that price and bill.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <tariff/pricing.hpp>

#include "plan/access.hpp"
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
  const plan::tariff_program& program = plan::program_of(*compiled.tariff);
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

// The queries a host asks of a compiled tariff instead of reading its plan.
TEST(CompiledTariff, AnswersItsRoundingTaxAndZone) {
  const compile_result taxed = compile(
      "tariff \"T\" currency RUB\n"
      "rounding line 0.01 half_up\n"
      "calendar {\n"
      "  timezone Europe/Moscow\n"
      "}\n"
      "pricelist retail {\n"
      "  item repair \"Repair\" per hour price 2500.00\n"
      "  item manual \"Manual\" per piece price 333.35\n"
      "}\n"
      "tax vat included per statement round 0.01 half_up {\n"
      "  rate reduced 10% for manual\n"
      "  rate standard 20%\n"
      "}\n",
      "taxed.tariff");
  ASSERT_TRUE(taxed.tariff) << format(taxed.diagnostics);
  const compiled_tariff& t = *taxed.tariff;
  EXPECT_EQ(t.time_zone_name(), "Europe/Moscow");
  ASSERT_TRUE(t.line_rounding());
  EXPECT_TRUE(identical(t.line_rounding()->step, decimal("0.01")));
  EXPECT_EQ(t.line_rounding()->mode, rounding_mode::half_up);
  EXPECT_EQ(t.amount_scale(), 2);
  const std::optional<tax_terms> tax = t.tax();
  ASSERT_TRUE(tax);
  EXPECT_EQ(tax->name, "vat");
  EXPECT_EQ(tax->basis, tax_basis::included);
  EXPECT_EQ(tax->scope, tax_scope::statement);
  ASSERT_EQ(tax->rates.size(), 2U);
  EXPECT_EQ(tax->rates[0].name, "reduced");
  EXPECT_EQ(tax->rates[0].percent, decimal(10));
  EXPECT_EQ(tax->rates[1].name, "standard");
  EXPECT_EQ(tax->rates[1].percent, decimal(20));
  EXPECT_EQ(tax->default_rate, "standard");

  const compile_result plain = compile(std::string(tariff_head), "plain.tariff");
  ASSERT_TRUE(plain.tariff) << format(plain.diagnostics);
  EXPECT_EQ(plain.tariff->line_rounding(), std::nullopt);
  EXPECT_EQ(plain.tariff->amount_scale(), 0);
  EXPECT_EQ(plain.tariff->tax(), std::nullopt);
}

}  // namespace
}  // namespace tariff
