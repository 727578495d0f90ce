// Properties of the formatter over every tariff in examples/: formatting twice changes nothing;
// the tokens stay; the formatted tariff prices every example line exactly as the original; and
// the result does not depend on the space the author typed between tokens.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>
#include <tariff/formatter.hpp>
#include <tariff/io.hpp>
#include <tariff/pricing.hpp>

#include "format/tokens.hpp"

namespace tariff {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> example_tariffs() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(TARIFF_EXAMPLES_DIR))
    if (entry.path().extension() == ".tariff") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::pair<format_stage::token_kind, std::string>> token_list(std::string_view source) {
  std::vector<std::pair<format_stage::token_kind, std::string>> out;
  const std::vector<format_stage::token> tokens = format_stage::tokenize(source).value();
  for (const format_stage::token& t : tokens)
    out.emplace_back(t.kind, std::string(t.text));
  return out;
}

// The same tokens on the same lines, with other space: 1 to 4 blanks or tabs between tokens (none
// around the `.` of an attribute), any
// indentation, trailing blanks, and 1 to 3 empty lines wherever the source has empty lines.
std::string respace(std::string_view source, std::mt19937& random) {
  const std::vector<format_stage::token> tokens = format_stage::tokenize(source).value();
  std::uniform_int_distribution<int> pick(0, 3);
  const auto blanks = [&](int at_least) {
    std::string out(static_cast<std::size_t>(at_least + pick(random)), ' ');
    if (!out.empty() && pick(random) == 0) out.back() = '\t';
    return out;
  };
  std::string out;
  int line = 1;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const format_stage::token& t = tokens[i];
    if (t.line > line) {
      if (pick(random) == 0) out += blanks(0);
      out += pick(random) == 0 ? "\r\n" : "\n";
      if (t.line > line + 1) out.append(static_cast<std::size_t>(1 + pick(random) % 3), '\n');
      line = t.line;
      out += blanks(0);
    } else if (i > 0 && t.text != "." && tokens[i - 1].text != ".") {
      out += blanks(1);  // an attribute's `scope.name` is one word to the grammar
    }
    out += t.text;
  }
  return out + "\n";
}

// Prices the example's work with `source`; empty when the folder has no work.
std::vector<priced_line> price_example(const fs::path& tariff_path, const std::string& source) {
  const fs::path dir = tariff_path.parent_path();
  if (!fs::exists(dir / "work.csv") || !fs::exists(dir / "contracts.csv")) return {};
  const compile_result compiled = compile(source, tariff_path.filename().string());
  EXPECT_TRUE(compiled.tariff) << format(compiled.diagnostics);
  if (!compiled.tariff) return {};
  const auto contracts = read_contracts_csv(read(dir / "contracts.csv")).rows;
  const auto work = read_work_csv(read(dir / "work.csv")).rows;
  std::vector<priced_line> priced = price(*compiled.tariff, contracts, work);
  // A rule moved to another column is the same rule: places in traces are the layout's.
  for (priced_line& line : priced) {
    for (priced_part& part : line.parts)
      for (trace_step& step : part.trace)
        step.column = 0;
    for (trace_step& step : line.line_trace)
      step.column = 0;
  }
  return priced;
}

TEST(FormatProperty, ExamplesAreIdempotentKeepTheirTokensAndPriceTheSame) {
  const std::vector<fs::path> tariffs = example_tariffs();
  ASSERT_GE(tariffs.size(), 14U);
  std::size_t priced_files = 0;
  for (const fs::path& path : tariffs) {
    SCOPED_TRACE(path.string());
    const std::string source = read(path);
    const format_result once = format_tariff(source, path.string());
    ASSERT_TRUE(once.text) << format(once.diagnostics);
    const format_result twice = format_tariff(*once.text, path.string());
    ASSERT_TRUE(twice.text);
    EXPECT_EQ(*twice.text, *once.text);
    EXPECT_EQ(token_list(*once.text), token_list(source));
    const std::vector<priced_line> before = price_example(path, source);
    const std::vector<priced_line> after = price_example(path, *once.text);
    EXPECT_EQ(before, after);
    if (!before.empty()) ++priced_files;
  }
  EXPECT_GE(priced_files, 14U);
}

TEST(FormatProperty, LayoutDoesNotDependOnTheSpaceTyped) {
  std::mt19937 random(20261125);
  for (const fs::path& path : example_tariffs()) {
    SCOPED_TRACE(path.string());
    const std::string canonical = format_tariff(read(path)).text.value();
    for (int round = 0; round < 25; ++round) {
      const std::string messy = respace(canonical, random);
      const format_result f = format_tariff(messy);
      ASSERT_TRUE(f.text) << format(f.diagnostics) << "\n" << messy;
      ASSERT_EQ(*f.text, canonical) << messy;
    }
  }
}

}  // namespace
}  // namespace tariff
