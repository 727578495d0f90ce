// Work lines from CSV: every field, every error with its exact text and row.
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/io.hpp>

#include "messages.hpp"

namespace {

using namespace tariff;

instant at(const char* text) {
  return parse_instant(text).value();
}

using testing_io::messages;

constexpr const char* header = "id,contract,item,start,end,quantity\n";

TEST(WorkCsv, ReadsEveryField) {
  const auto r = read_work_csv(
      "id,request,contract,item,start,end,quantity,kind,performer,accepted,accepted_on,site,"
      "time_zone,site.region,work.urgent\n"
      "L-1,R-9,C-1,hvac_repair,2026-03-02T09:00:00+03:00,2026-03-02T11:30+03:00,,warranty,"
      "ivanov,true,2026-03-03,S-4,Europe/Moscow,tula,true\n"
      "L-2,,C-1,cartridge,2026-03-02T06:00Z,,1.50,,,,,,,,\n");
  ASSERT_EQ(messages(r), std::vector<std::string>{});
  ASSERT_EQ(r.rows.size(), 2U);
  const work_line& a = r.rows[0];
  EXPECT_EQ(a.id, "L-1");
  EXPECT_EQ(a.request, "R-9");
  EXPECT_EQ(a.contract, "C-1");
  EXPECT_EQ(a.item, "hvac_repair");
  EXPECT_EQ(a.start, at("2026-03-02T06:00:00Z"));
  EXPECT_EQ(a.end, at("2026-03-02T08:30:00Z"));
  EXPECT_EQ(a.quantity, std::nullopt);
  EXPECT_EQ(a.kind, work_kind::warranty);
  EXPECT_EQ(a.performer, "ivanov");
  EXPECT_TRUE(a.accepted);
  EXPECT_EQ(a.accepted_on, parse_date("2026-03-03"));
  EXPECT_EQ(a.site, "S-4");
  EXPECT_EQ(a.time_zone, "Europe/Moscow");
  EXPECT_EQ(a.site_attributes, (attribute_map{{"region", "tula"}}));
  EXPECT_EQ(a.attributes, (attribute_map{{"urgent", "true"}}));
  const work_line& b = r.rows[1];
  EXPECT_EQ(b.kind, work_kind::billable);
  EXPECT_FALSE(b.accepted);
  ASSERT_TRUE(b.quantity.has_value());
  EXPECT_EQ(b.quantity->to_string(), "1.50");
  EXPECT_EQ(b.end, std::nullopt);
  EXPECT_TRUE(b.site_attributes.empty());  // empty cells are absent, not ""
  EXPECT_TRUE(b.attributes.empty());
}

TEST(WorkCsv, ColumnsInAnyOrder) {
  const auto r = read_work_csv("quantity,start,item,contract,id\n2,2026-01-01T00:00Z,x,C,L\n");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.rows.size(), 1U);
  EXPECT_EQ(r.rows[0].id, "L");
  EXPECT_EQ(r.rows[0].quantity->to_string(), "2");
}

struct bad_row {
  const char* name;  ///< the test's name in ctest
  const char* row;
  const char* expected;
};

// gtest prints a parameter in the test's description (and ctest lists it): its name, not bytes.
void PrintTo(const bad_row& row, std::ostream* out) {
  *out << row.name;
}

class WorkCsvRowError : public testing::TestWithParam<bad_row> {};

TEST_P(WorkCsvRowError, ReportsExactly) {
  const std::string text = std::string(header) + "L-1,C,x,2026-01-01T00:00Z,,1\n" + GetParam().row;
  const auto r = read_work_csv(text);
  EXPECT_EQ(messages(r), std::vector<std::string>{GetParam().expected});
  ASSERT_EQ(r.rows.size(), 1U);  // the good row before it is still read
  EXPECT_EQ(r.rows[0].id, "L-1");
}

INSTANTIATE_TEST_SUITE_P(
    Messages, WorkCsvRowError,
    testing::Values(
        bad_row{"start_with_a_space_and_no_offset", "L-2,C,x,2026-03-29 01:30,,1\n",
                "row 3 (id L-2), column 'start': '2026-03-29 01:30' is not a timestamp with an "
                "offset, like 2026-03-29T01:30:00+03:00 or 2026-03-28T22:30Z"},
        bad_row{"start_with_no_offset", "L-2,C,x,2026-03-29T01:30,,1\n",
                "row 3 (id L-2), column 'start': '2026-03-29T01:30' is not a timestamp with an "
                "offset, like 2026-03-29T01:30:00+03:00 or 2026-03-28T22:30Z"},
        bad_row{"end_before_start", "L-2,C,x,2026-01-01T10:00Z,2026-01-01T09:00Z,\n",
                "row 3 (id L-2), column 'end': the end is before the start"},
        bad_row{"neither_end_nor_quantity", "L-2,C,x,2026-01-01T10:00Z,,\n",
                "row 3 (id L-2): a line needs either an end time or a quantity"},
        bad_row{"both_end_and_quantity", "L-2,C,x,2026-01-01T10:00Z,2026-01-01T11:00Z,1\n",
                "row 3 (id L-2): a line has both an end time and a quantity; give one"},
        bad_row{"quantity_in_exponent_form", "L-2,C,x,2026-01-01T10:00Z,,1.5e3\n",
                "row 3 (id L-2), column 'quantity': '1.5e3' is not a decimal number"},
        bad_row{"quantity_zero", "L-2,C,x,2026-01-01T10:00Z,,0.00\n",
                "row 3 (id L-2), column 'quantity': the quantity must be greater than zero"},
        bad_row{"quantity_negative", "L-2,C,x,2026-01-01T10:00Z,,-1\n",
                "row 3 (id L-2), column 'quantity': the quantity must be greater than zero"},
        bad_row{"id_missing", ",C,x,2026-01-01T10:00Z,,1\n",
                "row 3, column 'id': a value is required"},
        bad_row{"contract_missing", "L-2,,x,2026-01-01T10:00Z,,1\n",
                "row 3 (id L-2), column 'contract': a value is required"},
        bad_row{"start_missing", "L-2,C,x,,,1\n",
                "row 3 (id L-2), column 'start': a value is required"},
        bad_row{"id_duplicate", "L-1,C,x,2026-01-01T10:00Z,,1\n",
                "row 3 (id L-1), column 'id': duplicate id 'L-1' (first on row 2)"},
        bad_row{"too_few_fields", "L-2,C,x\n",
                "row 3 (id L-2): the row has 3 fields; the header has 6"},
        bad_row{"too_many_fields", "L-2,C,x,2026-01-01T10:00Z,,1,extra\n",
                "row 3 (id L-2): the row has 7 fields; the header has 6"},
        bad_row{"quote_inside_unquoted_field", "L-2,C\",x,2026-01-01T10:00Z,,1\n",
                "row 3 (id L-2): a quote inside an unquoted field (quote the whole field)"}),
    [](const testing::TestParamInfo<bad_row>& row_info) {
      return std::string(row_info.param.name);
    });

TEST(WorkCsv, KindAcceptedDateAndZoneErrors) {
  const auto r = read_work_csv(
      "id,contract,item,start,quantity,kind,accepted,accepted_on,time_zone\n"
      "A,C,x,2026-01-01T00:00Z,1,Billable,,,\n"
      "B,C,x,2026-01-01T00:00Z,1,,yes,,\n"
      "C,C,x,2026-01-01T00:00Z,1,,1,,\n"
      "D,C,x,2026-01-01T00:00Z,1,,,2026-02-30,\n"
      "E,C,x,2026-01-01T00:00Z,1,,,,Mars/Olympus\n"
      "F,C,x,2026-01-01T00:00Z,1,bug_fix,false,2026-02-28,UTC\n");
  EXPECT_EQ(
      messages(r),
      (std::vector<std::string>{
          "row 2 (id A), column 'kind': 'Billable' is not a work kind (billable, internal, "
          "warranty, bug_fix, company_cost)",
          "row 3 (id B), column 'accepted': 'yes' is not true or false",
          "row 4 (id C), column 'accepted': '1' is not true or false",
          "row 5 (id D), column 'accepted_on': '2026-02-30' is not a date: 2026-02-30 is not a "
          "day, February has 28 days",
          "row 6 (id E), column 'time_zone': 'Mars/Olympus' is not a time zone the tz "
          "database knows",
      }));
  ASSERT_EQ(r.rows.size(), 1U);
  EXPECT_EQ(r.rows[0].id, "F");
  EXPECT_EQ(r.rows[0].kind, work_kind::bug_fix);
  EXPECT_EQ(r.rows[0].time_zone, "UTC");
}

TEST(WorkCsv, FirstProblemInColumnOrderWins) {
  const auto r = read_work_csv(std::string(header) + "L,C,x,nope,nope,-1\n");
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "row 2 (id L), column 'start': 'nope' is not a timestamp with an "
                             "offset, like 2026-03-29T01:30:00+03:00 or 2026-03-28T22:30Z"});
}

TEST(WorkCsv, EveryHeaderProblemIsReportedAndNoRowIsRead) {
  const auto r = read_work_csv(
      "id,item,stat,start,site.,id,quantity,,colour\nL,x,1,2026-01-01T00:00Z,,L,1,,\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "row 1, column 'stat': unknown column",
                "row 1, column 'site.': an attribute column needs a name after the '.'",
                "row 1, column 'id': the column appears more than once",
                "row 1: column 8 of the header has no name",
                "row 1, column 'colour': unknown column",
                "row 1, column 'contract': the required column is missing",
            }));
  EXPECT_TRUE(r.rows.empty());
}

TEST(WorkCsv, HeaderLineNumberCountsLeadingEmptyLines) {
  const auto r = read_work_csv("\n\nid,x\n");
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(format(r.errors[0]), "row 3, column 'x': unknown column");
}

TEST(WorkCsv, EmptyInput) {
  for (const char* text : {"", "\n\r\n", "\xEF\xBB\xBF"}) {
    const auto r = read_work_csv(text);
    EXPECT_EQ(messages(r),
              std::vector<std::string>{"row 1: the input is empty; a header row is expected"});
  }
}

TEST(WorkCsv, HeaderOnlyIsEmptyAndFine) {
  const auto r = read_work_csv(header);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_TRUE(r.rows.empty());
}

TEST(WorkCsv, MixedFileKeepsGoodRowsAndErrorsInOrder) {
  const auto r = read_work_csv(
      "\xEF\xBB\xBF"
      "id,contract,item,start,end,quantity,performer\r\n"
      "L-1,C,x,2026-01-01T09:00+03:00,2026-01-01T10:00+03:00,,\"Smith, J.\"\r\n"
      "L-2,C,x,2026-01-01T09:00Z,,0,\r\n"
      "\r\n"
      "L-3,C,x,2026-01-01T09:00Z,,2.5,\"two\r\nlines\"\r\n"
      "L-4,C,x,yesterday,,1,\r\n"
      "L-3,C,x,2026-01-01T09:00Z,,1,\r\n"
      "L-5,C,x,2026-01-01T09:00Z,,1,last");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "row 3 (id L-2), column 'quantity': the quantity must be greater than zero",
                "row 7 (id L-4), column 'start': 'yesterday' is not a timestamp with an offset, "
                "like 2026-03-29T01:30:00+03:00 or 2026-03-28T22:30Z",
                "row 8 (id L-3), column 'id': duplicate id 'L-3' (first on row 5)",
            }));
  ASSERT_EQ(r.rows.size(), 3U);
  EXPECT_EQ(r.rows[0].id, "L-1");
  EXPECT_EQ(r.rows[0].performer, "Smith, J.");
  EXPECT_EQ(r.rows[0].start, at("2026-01-01T06:00Z"));
  EXPECT_EQ(r.rows[1].id, "L-3");
  EXPECT_EQ(r.rows[1].performer, "two\r\nlines");
  EXPECT_EQ(r.rows[2].id, "L-5");
  EXPECT_EQ(r.rows[2].performer, "last");
}

TEST(WorkCsv, DuplicateOfABadRowIsStillADuplicate) {
  const auto r = read_work_csv(std::string(header) + "L,C,x,bad,,1\nL,C,x,2026-01-01T00:00Z,,1\n");
  ASSERT_EQ(r.errors.size(), 2U);
  EXPECT_EQ(format(r.errors[1]), "row 3 (id L), column 'id': duplicate id 'L' (first on row 2)");
  EXPECT_TRUE(r.rows.empty());
}

// A spreadsheet's semicolon export whose header holds a ',' inside a quoted field: detection
// takes it for comma-separated, so the delimiter is given (csv_options).
constexpr std::string_view semicolon_text =
    "id;contract;item;start;quantity;\"work.note, short\"\n"
    "L-1;C-1;visit;2026-03-03T10:00:00Z;1;\"a, b; c\"\n"
    "L-2;C-1;visit;2026-03-04T10:00:00Z;2,5;plain\n";

TEST(WorkCsv, SemicolonsGivenReadAHeaderWithACommaInAQuotedField) {
  const auto r = read_work_csv(semicolon_text, {.delimiter = csv_delimiter::semicolon});
  // The decimal comma is one field, refused with its hint.
  ASSERT_EQ(messages(r),
            std::vector<std::string>{
                "row 3 (id L-2), column 'quantity': '2,5' is not a decimal number; the "
                "decimal separator is '.': if a decimal comma was meant, write 2.5"});
  ASSERT_EQ(r.rows.size(), 1U);
  const work_line& l = r.rows[0];
  EXPECT_EQ(l.id, "L-1");
  EXPECT_EQ(l.contract, "C-1");
  EXPECT_EQ(l.item, "visit");
  EXPECT_EQ(l.start, at("2026-03-03T10:00:00Z"));
  EXPECT_EQ(l.quantity, decimal("1"));
  EXPECT_EQ(l.attributes, (attribute_map{{"note, short", "a, b; c"}}));
  EXPECT_EQ(r.row_numbers, std::vector<std::size_t>{2});
}

TEST(WorkCsv, DetectionAndAGivenCommaSplitTheSameHeaderAtItsCommas) {
  const std::vector<std::string> expected{
      "row 1, column 'id;contract;item;start;quantity;\"work.note': unknown column",
      "row 1, column ' short\"': unknown column",
      "row 1, column 'id': the required column is missing",
  };
  EXPECT_EQ(messages(read_work_csv(semicolon_text)).front(),
            messages(read_work_csv(semicolon_text, {.delimiter = csv_delimiter::comma})).front());
  // A header with ';' and no ',' is detected as semicolons, unless a comma is given.
  const std::string_view plain =
      "id;contract;item;start;quantity\nL-1;C-1;visit;2026-03-03T10:00Z;1\n";
  EXPECT_EQ(read_work_csv(plain).rows.size(), 1U);
  EXPECT_EQ(read_work_csv(plain, {.delimiter = csv_delimiter::detect}).rows.size(), 1U);
  EXPECT_EQ(messages(read_work_csv(plain, {.delimiter = csv_delimiter::comma})).front(),
            "row 1, column 'id;contract;item;start;quantity': unknown column");
}

TEST(WorkCsv, TheStreamReaderTakesTheSameDelimiter) {
  std::string_view rest = semicolon_text;
  work_csv_reader reader(
      [&rest](char* buffer, std::size_t size) {
        const std::size_t n = std::min(size, rest.size());
        std::copy_n(rest.data(), n, buffer);
        rest.remove_prefix(n);
        return n;
      },
      {.delimiter = csv_delimiter::semicolon});
  read_result<work_line> block;
  ASSERT_TRUE(reader.next(block));
  ASSERT_EQ(block.rows.size(), 1U);
  EXPECT_EQ(block.rows[0].attributes, (attribute_map{{"note, short", "a, b; c"}}));
  EXPECT_EQ(messages(block),
            messages(read_work_csv(semicolon_text, {.delimiter = csv_delimiter::semicolon})));
}

TEST(ContractsAndPaymentsCsv, SemicolonsGiven) {
  const auto contracts = read_contracts_csv(
      "id;client;plan;start;end;\"client.name, full\"\n"
      "C-1;K-1;basic;2026-01-01;2026-12-31;\"Acme, Ltd\"\n",
      {.delimiter = csv_delimiter::semicolon});
  ASSERT_EQ(messages(contracts), std::vector<std::string>{});
  ASSERT_EQ(contracts.rows.size(), 1U);
  EXPECT_EQ(contracts.rows[0].plan, "basic");
  EXPECT_EQ(contracts.rows[0].client_attributes, (attribute_map{{"name, full", "Acme, Ltd"}}));
  const auto payments = read_payments_csv("id;contract;date;amount\nP-1;C-1;2026-03-01;100.50\n",
                                          {.delimiter = csv_delimiter::semicolon});
  ASSERT_EQ(messages(payments), std::vector<std::string>{});
  ASSERT_EQ(payments.rows.size(), 1U);
  EXPECT_EQ(payments.rows[0].amount, decimal("100.50"));
}

}  // namespace
