// The examples in docs/formats.md read without an error, and the priced-line and statement examples
// are exactly what pricing, billing and the writers give, so the document cannot drift.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/io.hpp>
#include <tariff/priced_io.hpp>
#include <tariff/statement_io.hpp>
#include <tariff/version.hpp>

namespace {

using namespace tariff;

// The bodies of the blocks fenced as ```TAG, in document order. The statement example's blocks
// are tagged ```csv billing and so on: they are not among the ```csv blocks.
std::vector<std::string> examples(std::string_view tag) {
  std::ifstream in(TARIFF_FORMATS_DOC);
  const std::string fence = "```" + std::string(tag);
  std::vector<std::string> out;
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (!inside && line == fence) {
      inside = true;
      out.emplace_back();
    } else if (inside && line == "```") {
      inside = false;
    } else if (inside) {
      out.back() += line + "\n";
    }
  }
  return out;
}

template <class Row>
void expect_clean(const read_result<Row>& r, std::size_t rows) {
  for (const auto& e : r.errors)
    ADD_FAILURE() << format(e);
  EXPECT_EQ(r.rows.size(), rows);
}

TEST(FormatsDoc, ExamplesRead) {
  const auto csv = examples("csv");
  const auto json = examples("json");
  // Work lines, contracts, then the priced-line example (checked below).
  ASSERT_EQ(csv.size(), 5U);
  ASSERT_EQ(json.size(), 3U);
  const auto csv_lines = read_work_csv(csv[0]);
  const auto json_lines = read_work_json(json[0]);
  expect_clean(csv_lines, 2);
  expect_clean(json_lines, 2);
  expect_clean(read_contracts_csv(csv[1]), 2);
  expect_clean(read_contracts_json(json[1]), 2);
  // The CSV and JSON examples describe the same work, apart from the JSON's extra attributes.
  ASSERT_EQ(csv_lines.rows.size(), 2U);
  ASSERT_EQ(json_lines.rows.size(), 2U);
  EXPECT_EQ(csv_lines.rows[1], json_lines.rows[1]);
  EXPECT_EQ(json_lines.rows[0].site_attributes.at("floors"), "12");
  EXPECT_EQ(json_lines.rows[0].attributes.at("urgent"), "true");
  // The payments example.
  const auto payments = examples("csv payments");
  ASSERT_EQ(payments.size(), 1U);
  const auto paid = read_payments_csv(payments[0]);
  expect_clean(paid, 1);
  EXPECT_EQ(paid.rows.at(0).amount.to_string(), "20000.00");
  // The refund example.
  const auto refunds = examples("csv refunds");
  ASSERT_EQ(refunds.size(), 1U);
  const auto refunded = read_payments_csv(refunds[0]);
  expect_clean(refunded, 2);
  EXPECT_EQ(refunded.rows.at(1).kind, payment_kind::refund);
  EXPECT_EQ(refunded.rows.at(1).reverses, "P-1");
}

// The "Priced lines" example: its tariff, contract and work, priced, written as the document
// shows. This holds the document against the pricing stage as well as the writers; the writers'
// own tests (priced_io_test.cpp) build their lines by hand.
TEST(FormatsDoc, PricedLineExampleIsWhatPricingWrites) {
  const auto tariffs = examples("tariff");
  const auto csv = examples("csv");
  const auto json = examples("json");
  ASSERT_EQ(tariffs.size(), 1U);
  ASSERT_EQ(csv.size(), 5U);
  ASSERT_EQ(json.size(), 3U);
  const compile_result compiled = compile(tariffs[0], "example.tariff");
  for (const auto& d : compiled.diagnostics)
    ADD_FAILURE() << format(d);
  ASSERT_TRUE(compiled.tariff.has_value());
  const auto contracts = read_contracts_csv(csv[2]);
  const auto work = read_work_csv(csv[3]);
  expect_clean(contracts, 1);
  expect_clean(work, 4);
  const std::vector<priced_line> priced = price(*compiled.tariff, contracts.rows, work.rows);
  ASSERT_EQ(priced.size(), 4U);
  EXPECT_EQ(write_priced_csv(priced, *compiled.tariff), csv[4]);
  const std::vector<priced_line> some{priced[1], priced[2]};
  EXPECT_EQ(write_priced_json(some, *compiled.tariff), json[2]);
}

// The "Statements" example: its tariff, contract and work, billed for March 2026, written as text
// with explain; its closing state as the "Billing state" example, which reads back to the same.
TEST(FormatsDoc, StatementExampleIsWhatBillingWrites) {
  const auto tariffs = examples("tariff billing");
  const auto csv = examples("csv billing");
  const auto text = examples("text statement");
  const auto state = examples("json state");
  ASSERT_EQ(tariffs.size(), 1U);
  ASSERT_EQ(csv.size(), 2U);
  ASSERT_EQ(text.size(), 1U);
  ASSERT_EQ(state.size(), 1U);
  const compile_result compiled = compile(tariffs[0], "service.tariff");
  for (const auto& d : compiled.diagnostics)
    ADD_FAILURE() << format(d);
  ASSERT_TRUE(compiled.tariff.has_value());
  const auto contracts = read_contracts_csv(csv[0]);
  const auto work = read_work_csv(csv[1]);
  expect_clean(contracts, 1);
  expect_clean(work, 7);
  ASSERT_EQ(contracts.rows.size(), 1U);
  const date_span march{*parse_date("2026-03-01"), *parse_date("2026-04-01")};
  const statement s = bill(*compiled.tariff, contracts.rows[0], march, {}, work.rows);
  // The doc names one tz database version; the statement names this machine's.
  std::string shown = text[0];
  const std::size_t tzdata = shown.find("tzdata 2025b\n");
  ASSERT_NE(tzdata, std::string::npos);
  shown.replace(tzdata + 7, 5, tzdata_version());
  EXPECT_EQ(write_statement_text(s, *compiled.tariff, {.explain = true}), shown);
  EXPECT_EQ(write_state_json(s.closing), state[0]);
  // The example of many contracts' states reads, and writes back as shown.
  const auto many = examples("json states");
  ASSERT_EQ(many.size(), 1U);
  const read_result<billing_state> states = read_states_json(many[0]);
  for (const auto& e : states.errors)
    ADD_FAILURE() << format(e);
  ASSERT_EQ(states.rows.size(), 2U);
  EXPECT_EQ(write_states_json(states.rows), many[0]);
  const read_result<billing_state> read = read_state_json(state[0]);
  expect_clean(read, 1);
  ASSERT_EQ(read.rows.size(), 1U);
  EXPECT_EQ(read.rows[0], s.closing);
}

}  // namespace
