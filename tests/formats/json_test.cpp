// JSON: exact numbers, the tree, and reading work lines and contracts with their errors.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/io.hpp>

#include "formats/json_reader.hpp"
#include "messages.hpp"

namespace {

using namespace tariff;

using testing_io::messages;

TEST(JsonTree, NumbersKeepTheirText) {
  const auto parsed = formats::parse_json(
      R"([1.50, 0.1, 123456789012345678901234567890, 123456789012345678901234567890.000,
          -7, 18446744073709551615, 1e3, 0.000000000000000000000000000001])");
  ASSERT_TRUE(parsed.value) << parsed.error;
  std::vector<std::string> texts;
  for (const auto& item : parsed.value->items)
    texts.push_back(item.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"1.50", "0.1", "123456789012345678901234567890",
                                             "123456789012345678901234567890.000", "-7",
                                             "18446744073709551615", "1e3",
                                             "0.000000000000000000000000000001"}));
}

TEST(JsonTree, NestingAndDuplicateKeysAreKept) {
  const auto parsed = formats::parse_json(R"({"a": [true, null, {"b": "x"}], "a": false})");
  ASSERT_TRUE(parsed.value);
  const auto& root = *parsed.value;
  ASSERT_EQ(root.members.size(), 2U);
  EXPECT_EQ(root.members[0].key, "a");
  ASSERT_EQ(root.members[0].value.items.size(), 3U);
  EXPECT_EQ(root.members[0].value.items[0].text, "true");
  EXPECT_EQ(root.members[0].value.items[1].type, formats::json_value::kind::null);
  EXPECT_EQ(root.members[0].value.items[2].members[0].value.text, "x");
  EXPECT_EQ(root.members[1].value.text, "false");
}

TEST(WorkJson, ReadsQuantitiesExactly) {
  const auto r = read_work_json(R"([
    {"id": "A", "contract": "C", "item": "x", "start": "2026-01-01T00:00Z", "quantity": 1.50},
    {"id": "B", "contract": "C", "item": "x", "start": "2026-01-01T00:00Z", "quantity": 0.1},
    {"id": "D", "contract": "C", "item": "x", "start": "2026-01-01T00:00Z",
     "quantity": 123456789012345678901234567890},
    {"id": "E", "contract": "C", "item": "x", "start": "2026-01-01T00:00Z",
     "quantity": "987654321098765432109876543210.123"},
    {"id": "F", "contract": "C", "item": "x", "start": "2026-01-01T00:00Z", "quantity": 3}
  ])");
  ASSERT_EQ(messages(r), std::vector<std::string>{});
  std::vector<std::string> q;
  for (const auto& line : r.rows)
    q.push_back(line.quantity->to_string());
  EXPECT_EQ(q, (std::vector<std::string>{"1.50", "0.1", "123456789012345678901234567890",
                                         "987654321098765432109876543210.123", "3"}));
}

TEST(WorkJson, ReadsEveryKey) {
  const auto r = read_work_json(R"([{
    "id": "L-1", "request": "R", "contract": "C", "item": "hvac", "start": "2026-03-02T09:00+03:00",
    "end": "2026-03-02T10:00+03:00", "quantity": null, "kind": "internal", "performer": "P",
    "accepted": true, "accepted_on": "2026-03-04", "site": "S", "time_zone": "Europe/Berlin",
    "site_attributes": {"region": "tula", "floors": 12, "lift": false, "gone": null},
    "attributes": {"urgent": "true", "weight": 2.50}
  }])");
  ASSERT_EQ(messages(r), std::vector<std::string>{});
  ASSERT_EQ(r.rows.size(), 1U);
  const work_line& l = r.rows[0];
  EXPECT_EQ(l.start, parse_instant("2026-03-02T06:00Z"));
  EXPECT_EQ(l.end, parse_instant("2026-03-02T07:00Z"));
  EXPECT_EQ(l.kind, work_kind::internal);
  EXPECT_TRUE(l.accepted);
  EXPECT_EQ(l.accepted_on, parse_date("2026-03-04"));
  EXPECT_EQ(l.time_zone, "Europe/Berlin");
  EXPECT_EQ(l.site_attributes,
            (attribute_map{{"region", "tula"}, {"floors", "12"}, {"lift", "false"}}));
  EXPECT_EQ(l.attributes, (attribute_map{{"urgent", "true"}, {"weight", "2.50"}}));
}

TEST(WorkJson, MalformedDocumentIsOneErrorAndNothingIsRead) {
  const auto r = read_work_json(R"([{"id": "A"}, {"id": )");
  ASSERT_EQ(r.errors.size(), 1U);
  EXPECT_EQ(r.errors[0].row, 0U);
  EXPECT_EQ(r.errors[0].column, "");
  EXPECT_EQ(r.errors[0].message,
            "malformed JSON at byte 22: parse error at line 1, column 22: syntax error while "
            "parsing value - unexpected end of input; expected '[', '{', or a literal");
  EXPECT_TRUE(r.rows.empty());
}

TEST(WorkJson, NumberTooLargeForADoubleIsMalformed) {
  // nlohmann refuses numbers outside a double's range even through SAX.
  const auto r = read_work_json(R"([{"quantity": 1e400}])");
  ASSERT_EQ(r.errors.size(), 1U);
  EXPECT_EQ(r.errors[0].row, 0U);
}

TEST(WorkJson, NotAnArray) {
  const auto r = read_work_json(R"({"id": "A"})");
  EXPECT_EQ(messages(r),
            std::vector<std::string>{"row 0: expected an array of objects, not an object"});
}

TEST(WorkJson, ElementErrors) {
  const auto r = read_work_json(R"([
    "L-0",
    {"id": "L-1", "contract": "C", "item": "x", "start": "2026-01-01T00:00Z", "colour": "red"},
    {"id": "L-2", "contract": "C", "item": "x", "start": "2026-01-01T00:00Z", "quantity": true},
    {"id": "L-3", "contract": "C", "item": "x", "start": "2026-01-01T00:00Z", "quantity": 1,
     "accepted": "true"},
    {"id": "L-4", "contract": "C", "item": 7, "start": "2026-01-01T00:00Z", "quantity": 1},
    {"id": 5, "contract": "C", "item": "x", "start": "2026-01-01T00:00Z", "quantity": 1},
    {"id": "L-6", "contract": "C", "item": "x", "start": "2026-01-01T00:00Z", "quantity": 1,
     "site_attributes": {"region": ["a"]}},
    {"id": "L-7", "contract": "C", "item": "x", "start": "2026-01-01T00:00Z", "quantity": 1,
     "attributes": "urgent"},
    {"id": "L-8", "contract": "C", "item": "x", "start": "2026-01-01T00:00Z", "quantity": 1,
     "item": "y"},
    {"id": "L-9", "contract": "C", "item": "x", "start": "2026-01-01T00:00Z", "quantity": 1e3},
    {"id": "L-10", "contract": "C", "item": "x", "start": "2026-01-01T00:00Z", "quantity": 0},
    {"id": "L-1", "contract": "C", "item": "x", "start": "2026-01-01T00:00Z", "quantity": 1},
    {"id": "L-11", "contract": "C", "item": "x", "start": "2026-01-01T00:00Z", "quantity": 1}
  ])");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "row 1: expected an object, not a string",
                "row 2 (id L-1), column 'colour': unknown key",
                "row 3 (id L-2), column 'quantity': expected a string or a number, not a boolean",
                "row 4 (id L-3), column 'accepted': expected a boolean, not a string",
                "row 5 (id L-4), column 'item': expected a string, not a number",
                "row 6, column 'id': expected a string, not a number",
                "row 7 (id L-6), column 'site_attributes.region': expected a string, a number or a "
                "boolean, not an array",
                "row 8 (id L-7), column 'attributes': expected an object, not a string",
                "row 9 (id L-8), column 'item': the key appears more than once",
                "row 10 (id L-9), column 'quantity': '1e3' is not a decimal number",
                "row 11 (id L-10), column 'quantity': the quantity must be greater than zero",
                "row 12 (id L-1), column 'id': duplicate id 'L-1' (first on row 2)",
            }));
  ASSERT_EQ(r.rows.size(), 1U);
  EXPECT_EQ(r.rows[0].id, "L-11");
}

TEST(WorkJson, EmptyArray) {
  const auto r = read_work_json(" [ ] ");
  EXPECT_TRUE(r.errors.empty());
  EXPECT_TRUE(r.rows.empty());
}

TEST(ContractJson, ReadsAndReports) {
  const auto r = read_contracts_json(R"([
    {"id": "C-1", "client": "K", "status": "closed", "start": "2026-01-01", "end": "2026-06-30",
     "client_since": "2019-02-28", "attributes": {"sla": "gold"},
     "client_attributes": {"segment": "b2b", "employees": 250}},
    {"id": "C-2", "client": "K", "start": "2026-01-01", "end": "2025-06-30"},
    {"id": "C-3", "client": "K", "start": "2026-01-01", "end": "2026-06-30", "site_attributes": {}}
  ])");
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "row 2 (id C-2), column 'end': the end is before the start",
                             "row 3 (id C-3), column 'site_attributes': unknown key",
                         }));
  ASSERT_EQ(r.rows.size(), 1U);
  EXPECT_EQ(r.rows[0].status, contract_status::closed);
  EXPECT_EQ(r.rows[0].client_since, parse_date("2019-02-28"));
  EXPECT_EQ(r.rows[0].attributes, (attribute_map{{"sla", "gold"}}));
  EXPECT_EQ(r.rows[0].client_attributes, (attribute_map{{"segment", "b2b"}, {"employees", "250"}}));
}

}  // namespace
