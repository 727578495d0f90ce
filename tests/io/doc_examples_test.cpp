// The examples in docs/formats.md read without an error, so the document cannot drift.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/io.hpp>

namespace {

// The bodies of the ```csv and ```json blocks, in document order.
std::vector<std::string> examples() {
  std::ifstream in(TARIFF_FORMATS_DOC);
  std::vector<std::string> out;
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (!inside && (line == "```csv" || line == "```json")) {
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
void expect_clean(const tariff::read_result<Row>& r, std::size_t rows) {
  for (const auto& e : r.errors)
    ADD_FAILURE() << format(e);
  EXPECT_EQ(r.rows.size(), rows);
}

TEST(FormatsDoc, ExamplesRead) {
  const auto blocks = examples();
  ASSERT_EQ(blocks.size(), 4U);
  const auto csv_lines = tariff::read_work_csv(blocks[0]);
  const auto json_lines = tariff::read_work_json(blocks[1]);
  expect_clean(csv_lines, 2);
  expect_clean(json_lines, 2);
  expect_clean(tariff::read_contracts_csv(blocks[2]), 2);
  expect_clean(tariff::read_contracts_json(blocks[3]), 2);
  // The CSV and JSON examples describe the same work, apart from the JSON's extra attributes.
  ASSERT_EQ(csv_lines.rows.size(), 2U);
  ASSERT_EQ(json_lines.rows.size(), 2U);
  EXPECT_EQ(csv_lines.rows[1], json_lines.rows[1]);
  EXPECT_EQ(json_lines.rows[0].site_attributes.at("floors"), "12");
  EXPECT_EQ(json_lines.rows[0].attributes.at("urgent"), "true");
}

}  // namespace
