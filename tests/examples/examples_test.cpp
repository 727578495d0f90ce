// The golden examples: each folder examples/NN-name/ holds a tariff, contracts, work and the
// expected prices (expect.txt, see expect.hpp). The tariff must compile with no diagnostic at all,
// the CSV must read with no error, and every assertion must hold. The figures come from
// shared/domain.md and design.md, never from the engine's output.
//
// The harness's own parser and checker are tested below on small texts, so a typo in an expect
// file is an error and cannot make an assertion disappear.
//
// Every test name contains "examples" (ctest -R examples).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/diagnostics.hpp>
#include <tariff/io.hpp>
#include <tariff/pricing.hpp>

#include "expect.hpp"

namespace tariff::examples {
namespace {

namespace fs = std::filesystem;

const fs::path examples_dir{TARIFF_EXAMPLES_DIR};

/// The example folders: those with an expect.txt, in name order.
std::vector<std::string> example_folders() {
  std::vector<std::string> out;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(examples_dir, error)) {
    if (entry.is_directory() && fs::exists(entry.path() / "expect.txt"))
      out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class Example : public testing::TestWithParam<std::string> {};

TEST_P(Example, PricesAsExpected) {
  const std::string folder = GetParam();
  const fs::path dir = examples_dir / folder;
  const std::string shown = "examples/" + folder + "/";
  for (const char* name : {"tariff.tariff", "contracts.csv", "work.csv", "expect.txt", "README.md"})
    ASSERT_TRUE(fs::exists(dir / name)) << shown << name << " is missing";

  const std::string source = read_file(dir / "tariff.tariff").value_or("");
  const compile_result compiled = compile(source, shown + "tariff.tariff");
  EXPECT_TRUE(compiled.diagnostics.empty())
      << "the tariff must compile with no diagnostic at all:\n"
      << format(compiled.diagnostics);
  ASSERT_TRUE(compiled.tariff.has_value());

  const read_result<contract> contracts =
      read_contracts_csv(read_file(dir / "contracts.csv").value_or(""));
  for (const input_error& e : contracts.errors)
    ADD_FAILURE() << shown << "contracts.csv: " << format(e);
  const read_result<work_line> work = read_work_csv(read_file(dir / "work.csv").value_or(""));
  for (const input_error& e : work.errors)
    ADD_FAILURE() << shown << "work.csv: " << format(e);
  ASSERT_FALSE(work.rows.empty()) << shown << "work.csv has no line";

  const std::string expect_name = shown + "expect.txt";
  const expect_file expect = parse_expect(read_file(dir / "expect.txt").value_or(""), expect_name);
  for (const std::string& error : expect.errors)
    ADD_FAILURE() << error;
  ASSERT_TRUE(expect.errors.empty());

  const std::vector<priced_line> priced = price(*compiled.tariff, contracts.rows, work.rows);
  for (const std::string& failure :
       check_expectations(expect, expect_name, work.rows, priced, labels_of(*compiled.tariff)))
    ADD_FAILURE() << failure;
}

std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(
      name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) == 0; }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(examples, Example, testing::ValuesIn(example_folders()), test_name);

TEST(examples_folders, AreFound) {
  // A wrong path would instantiate no example at all and pass silently.
  const std::vector<std::string> folders = example_folders();
  EXPECT_GE(folders.size(), 6u) << "examples found under " << examples_dir;
  for (const char* expected : {"01-catalogue", "02-validity", "04-night-work", "09-loyalty",
                               "10-billing-units", "11-repair-kinds"})
    EXPECT_NE(std::find(folders.begin(), folders.end(), expected), folders.end()) << expected;
}

// --- the expect-file parser ------------------------------------------------------------------

TEST(examples_expect_parser, ReadsAssertionsAndComments) {
  const expect_file e = parse_expect(
      "# a comment\n"
      "\n"
      "line J1 amount 12500.00 billed 3h30min   # trailing comment\n"
      "line J1 part 2 unit_price 5000.00 labels night+weekend\n"
      "  line J9 rejected contract_ended\r\n",
      "x.txt");
  EXPECT_TRUE(e.errors.empty()) << e.errors.front();
  const std::vector<assertion> expected{
      {3, "J1", 0, "amount", "12500.00"},         {3, "J1", 0, "billed", "3h30min"},
      {4, "J1", 2, "unit_price", "5000.00"},      {4, "J1", 2, "labels", "night+weekend"},
      {5, "J9", 0, "rejected", "contract_ended"},
  };
  EXPECT_EQ(e.assertions, expected);
}

TEST(examples_expect_parser, RejectsEveryTypo) {
  // Each bad line is an error naming its place, and none of its assertions is kept, so a typo
  // cannot leave a line that silently asserts less than it says.
  const std::vector<std::pair<std::string, std::string>> cases{
      {"line J1 amout 12500.00", "x.txt:1: unknown field 'amout'"},
      {"line J1 amount 12500.00 cots 1.00", "x.txt:1: unknown field 'cots'"},
      {"lines J1 amount 1.00",
       "x.txt:1: expected 'line ID [part N] FIELD VALUE ...', found 'lines'"},
      {"line", "x.txt:1: 'line' needs a work line id"},
      {"line J1", "x.txt:1: line J1 asserts no field"},
      {"line J1 part 2", "x.txt:1: line J1 asserts no field"},
      {"line J1 amount", "x.txt:1: field 'amount' has no value"},
      {"line J1 amount 1.00 amount 2.00", "x.txt:1: field 'amount' given twice"},
      {"line J1 amount 12500,00", "x.txt:1: '12500,00' is not a decimal number"},
      {"line J1 part 0 amount 1.00", "x.txt:1: 'part' needs a part number from 1"},
      {"line J1 part x amount 1.00", "x.txt:1: 'part' needs a part number from 1"},
      {"line J1 part amount 1.00", "x.txt:1: 'part' needs a part number from 1"},
      {"line J1 labels night", "x.txt:1: 'labels' is a field of a part: write 'part N labels ...'"},
      {"line J1 part 1 rejected contract_ended",
       "x.txt:1: 'rejected' is a field of a line, not of a part"},
      {"line J1 rejected contract_closed",
       "x.txt:1: 'contract_closed' is not a reject reason code"},
      {"line J1 parts two", "x.txt:1: 'two' is not a number of parts"},
      {"line J1 date 2026-02-30", "x.txt:1: '2026-02-30' is not a date (YYYY-MM-DD)"},
  };
  for (const auto& [text, message] : cases) {
    const expect_file e = parse_expect("# first\n" + text + "\nline J2 amount 1.00\n", "x.txt");
    ASSERT_EQ(e.errors.size(), 1u) << text;
    // The bad line is line 2 of the text.
    std::string expected = message;
    expected.replace(expected.find(":1:"), 3, ":2:");
    EXPECT_EQ(e.errors.front(), expected) << text;
    ASSERT_EQ(e.assertions.size(), 1u) << text;
    EXPECT_EQ(e.assertions.front().line_id, "J2") << text;
  }
}

// --- the checker, on made-up priced lines --------------------------------------------------

work_line work_of(const std::string& id) {
  work_line w;
  w.id = id;
  return w;
}

priced_line priced_of(const std::string& id, const char* amount) {
  priced_line p;
  p.id = id;
  p.amount = decimal(amount);
  p.billed = item_quantity{decimal("12600"), 3600};
  priced_part part;
  part.amount = decimal(amount);
  part.labels.windows = 1;
  p.parts.push_back(part);
  return p;
}

std::string fake_labels(const segment_labels& labels) {
  return labels.windows != 0 ? "night" : "-";
}

TEST(examples_expect_checker, ReportsMismatchesWithTheirPlace) {
  const std::vector<work_line> work{work_of("J1"), work_of("J2"), work_of("J3")};
  std::vector<priced_line> priced{priced_of("J1", "7500.0"), priced_of("J2", "10.00"),
                                  priced_of("J3", "1.00")};
  priced[2].rejected = reject_reason::contract_ended;
  priced[2].message = "line J3: the contract ended";
  const expect_file e = parse_expect(
      "line J1 amount 7500.00 billed 3h30min\n"
      "line J1 part 1 amount 7500.00 labels night\n"
      "line J1 part 2 amount 1.00\n"
      "line J3 amount 1.00\n"
      "line J4 amount 1.00\n",
      "examples/x/expect.txt");
  ASSERT_TRUE(e.errors.empty());
  const std::vector<std::string> failures =
      check_expectations(e, "examples/x/expect.txt", work, priced, fake_labels);
  const std::vector<std::string> expected{
      "examples/x/expect.txt:1: line J1 amount: expected 7500.00, got 7500.0",
      "examples/x/expect.txt:2: line J1 part 1 amount: expected 7500.00, got 7500.0",
      "examples/x/expect.txt:3: line J1 part 2 amount: expected 1.00, got no such part (the line "
      "has 1)",
      "examples/x/expect.txt:4: line J3 amount: expected 1.00, got rejected contract_ended (line "
      "J3: the contract ended)",
      "examples/x/expect.txt:5: line J4 is not in the work",
      "examples/x/expect.txt: line J2 has no assertion",
      "examples/x/expect.txt: line J3 was rejected contract_ended (line J3: the contract ended), "
      "and no assertion says 'rejected'",
  };
  EXPECT_EQ(failures, expected);
}

TEST(examples_expect_checker, PassesWhenEverythingHolds) {
  const std::vector<work_line> work{work_of("J1"), work_of("J2")};
  std::vector<priced_line> priced{priced_of("J1", "7500.00"), priced_of("J2", "1.00")};
  priced[1].rejected = reject_reason::item_not_in_catalogue;
  const expect_file e = parse_expect(
      "line J1 amount 7500.00 billed 3h30min parts 1\n"
      "line J1 part 1 amount 7500.00 labels night\n"
      "line J2 rejected item_not_in_catalogue\n",
      "e.txt");
  ASSERT_TRUE(e.errors.empty());
  EXPECT_EQ(check_expectations(e, "e.txt", work, priced, fake_labels), std::vector<std::string>{});
  // A priced line asserted as rejected.
  const expect_file wrong =
      parse_expect("line J1 rejected contract_ended\nline J2 amount 1.00\n", "e.txt");
  const std::vector<std::string> failures =
      check_expectations(wrong, "e.txt", work, priced, fake_labels);
  ASSERT_EQ(failures.size(), 3u);
  EXPECT_EQ(failures[0], "e.txt:1: line J1 rejected: expected contract_ended, got priced");
}

}  // namespace
}  // namespace tariff::examples
