// price_options: the lean result (no parts), the trace and the unit-price memo change what a
// result carries, never its figures. Checked on the typical work of the performance suite
// (against the hand-written pricer's exact cents) and on every golden example's work.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <tariff/io.hpp>
#include <tariff/pricing.hpp>

#include "by_hand.hpp"
#include "workload.hpp"

namespace tariff {
namespace {

// Every field of a line that does not depend on the options.
void expect_same_figures(const priced_line& lean, const priced_line& full) {
  EXPECT_EQ(lean.id, full.id);
  EXPECT_EQ(lean.date, full.date) << full.id;
  EXPECT_EQ(lean.rejected, full.rejected) << full.id;
  EXPECT_EQ(lean.message, full.message) << full.id;
  EXPECT_EQ(lean.title, full.title) << full.id;
  EXPECT_EQ(lean.price_list, full.price_list) << full.id;
  EXPECT_EQ(lean.measured, full.measured) << full.id;
  EXPECT_EQ(lean.billed, full.billed) << full.id;
  // The text compares the scale too: 12.50 is not 12.5.
  EXPECT_EQ(lean.amount.to_string(), full.amount.to_string()) << full.id;
  EXPECT_EQ(lean.cost.to_string(), full.cost.to_string()) << full.id;
  EXPECT_EQ(lean.margin.to_string(), full.margin.to_string()) << full.id;
  EXPECT_EQ(lean.tax.to_string(), full.tax.to_string()) << full.id;
}

// Each combination of the options against the default (parts, trace, memo), line by line; with
// parts, trace and memo on, twice, so that the second pass finds the traced prices remembered.
void expect_options_agree(const compiled_tariff& t, std::span<const contract> contracts,
                          std::span<const work_line> lines) {
  const std::vector<priced_line> full = price(t, contracts, lines, price_options{.memo = false});
  EXPECT_EQ(price(t, contracts, lines), full);
  EXPECT_EQ(price(t, contracts, lines), full);  // every traced price from the memo
  std::vector<priced_line> reused;
  for (const bool trace : {false, true})
    for (const bool parts : {false, true})
      for (const bool memo : {true, false}) {
        const price_options o{.trace = trace, .parts = parts, .memo = memo};
        const std::vector<priced_line> got = price(t, contracts, lines, o);
        price_into(t, contracts, lines, reused, o);
        EXPECT_EQ(reused, got);
        ASSERT_EQ(got.size(), full.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
          expect_same_figures(got[i], full[i]);
          if (!parts) {
            EXPECT_TRUE(got[i].parts.empty()) << got[i].id;
          }
          if (parts && trace) {
            EXPECT_EQ(got[i], full[i]);
          }
          if (!trace) {
            EXPECT_TRUE(got[i].line_trace.empty()) << got[i].id;
          }
          if (trace) {
            EXPECT_EQ(got[i].line_trace, full[i].line_trace) << got[i].id;
          }
          if (parts && !trace)
            for (std::size_t k = 0; k < got[i].parts.size(); ++k) {
              priced_part untraced = full[i].parts[k];
              untraced.trace.clear();
              EXPECT_EQ(got[i].parts[k], untraced) << got[i].id;
            }
        }
      }
}

TEST(PriceOptions, TypicalWorkHasTheHandWrittenFiguresWhateverIsAsked) {
  const compile_result compiled = compile(bench::typical_tariff_source(), "typical.tariff");
  ASSERT_TRUE(compiled.tariff) << format(compiled.diagnostics);
  const compiled_tariff& t = *compiled.tariff;
  const bench::workload work = bench::make_workload(200);  // 6 000 lines
  bench::hand_pricer hand;
  std::vector<priced_line> lean;
  for (std::size_t c = 0; c < work.contracts.size(); ++c) {
    const auto lines =
        std::span(work.lines).subspan(c * bench::lines_per_contract, bench::lines_per_contract);
    expect_options_agree(t, std::span(&work.contracts[c], 1), lines);
    price_into(t, work.contracts[c], lines, lean, price_options{.trace = false, .parts = false});
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const bench::hand_amount h = hand.price(work.contracts[c], lines[i]);
      ASSERT_EQ(lean[i].ok(), h.ok) << lines[i].id;
      if (!h.ok) continue;
      EXPECT_EQ(lean[i].amount, decimal::from_units(h.amount, 2)) << lines[i].id;
      EXPECT_EQ(lean[i].cost, decimal::from_units(h.cost, 2)) << lines[i].id;
      EXPECT_EQ(lean[i].amount.scale(), 2) << lines[i].id;
    }
  }
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(PriceOptions, EveryExampleHasTheSameFiguresWhateverIsAsked) {
  int examples = 0;
  for (const auto& dir : std::filesystem::directory_iterator(TARIFF_EXAMPLES_DIR)) {
    const auto tariff_file = dir.path() / "tariff.tariff";
    if (!std::filesystem::exists(tariff_file) ||
        !std::filesystem::exists(dir.path() / "work.csv") ||
        !std::filesystem::exists(dir.path() / "contracts.csv"))
      continue;
    SCOPED_TRACE(dir.path().filename().string());
    const compile_result compiled = compile(read_file(tariff_file), "tariff.tariff");
    ASSERT_TRUE(compiled.tariff) << format(compiled.diagnostics);
    const auto contracts = read_contracts_csv(read_file(dir.path() / "contracts.csv"));
    const auto work = read_work_csv(read_file(dir.path() / "work.csv"));
    ASSERT_FALSE(work.rows.empty());
    expect_options_agree(*compiled.tariff, contracts.rows, work.rows);
    ++examples;
  }
  EXPECT_GE(examples, 15);
}

// The example with a night surcharge, by its figures (examples/04-night-work/expect.txt): the
// lean result has the amounts the full one shows.
TEST(PriceOptions, LeanNightWorkByItsFigures) {
  const std::filesystem::path dir = std::filesystem::path(TARIFF_EXAMPLES_DIR) / "04-night-work";
  const compile_result compiled = compile(read_file(dir / "tariff.tariff"), "tariff.tariff");
  ASSERT_TRUE(compiled.tariff);
  const auto contracts = read_contracts_csv(read_file(dir / "contracts.csv"));
  const auto work = read_work_csv(read_file(dir / "work.csv"));
  const std::vector<priced_line> lean = price(*compiled.tariff, contracts.rows, work.rows,
                                              price_options{.trace = false, .parts = false});
  ASSERT_GE(lean.size(), 2U);
  EXPECT_EQ(lean[0].id, "J1");
  EXPECT_EQ(lean[0].amount.to_string(), "12500.00");
  EXPECT_EQ(lean[0].cost.to_string(), "4900.00");
  EXPECT_EQ(lean[0].margin.to_string(), "7600.00");
  EXPECT_EQ(lean[0].billed.to_string(), "3h30min");
  EXPECT_TRUE(lean[0].parts.empty());
}

}  // namespace
}  // namespace tariff
