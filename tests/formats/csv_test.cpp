// The CSV tokenizer and field writer (internal: src/formats/csv.hpp).
#include "formats/csv.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

using tariff::formats::append_csv_field;
using tariff::formats::append_csv_record;
using tariff::formats::split_csv;

using fields = std::vector<std::string>;

TEST(CsvSplit, PlainRecordsWithAndWithoutTrailingNewline) {
  for (const char* text : {"a,b\n1,2\n", "a,b\n1,2"}) {
    const auto records = split_csv(text);
    ASSERT_EQ(records.size(), 2U) << text;
    EXPECT_EQ(records[0].fields, (fields{"a", "b"}));
    EXPECT_EQ(records[1].fields, (fields{"1", "2"}));
    EXPECT_EQ(records[1].line, 2U);
    EXPECT_TRUE(records[1].error.empty());
  }
}

TEST(CsvSplit, CrLfLineEnds) {
  const auto records = split_csv("a,b\r\n1,\r\n\r\n3,4\r\n");
  ASSERT_EQ(records.size(), 3U);
  EXPECT_EQ(records[1].fields, (fields{"1", ""}));
  EXPECT_EQ(records[2].fields, (fields{"3", "4"}));
  EXPECT_EQ(records[2].line, 4U);
}

TEST(CsvSplit, QuotedFieldsHoldCommasQuotesAndNewlines) {
  const auto records =
      split_csv("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\r\nthree\",z\nlast,1\n");
  ASSERT_EQ(records.size(), 4U);
  EXPECT_EQ(records[1].fields, (fields{"x, y", "say \"hi\""}));
  EXPECT_EQ(records[1].line, 2U);
  EXPECT_EQ(records[2].fields, (fields{"two\nlines\r\nthree", "z"}));
  EXPECT_EQ(records[2].line, 3U);
  // The record after a field spanning three lines starts on line 6.
  EXPECT_EQ(records[3].fields, (fields{"last", "1"}));
  EXPECT_EQ(records[3].line, 6U);
}

TEST(CsvSplit, EmptyLinesAreSkippedButCounted) {
  const auto records = split_csv("\n\na\n\n\nb\n\n");
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].line, 3U);
  EXPECT_EQ(records[1].line, 6U);
}

TEST(CsvSplit, ByteOrderMarkIsSkipped) {
  const auto records = split_csv("\xEF\xBB\xBFid,x\n1,2\n");
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].fields, (fields{"id", "x"}));
}

TEST(CsvSplit, EmptyQuotedFieldIsARecord) {
  const auto records = split_csv("\"\"\n,\n");
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].fields, (fields{""}));
  EXPECT_EQ(records[1].fields, (fields{"", ""}));
}

TEST(CsvSplit, MalformedRecordsAreMarkedAndReadingGoesOn) {
  const auto records = split_csv("a,b\nx\"y,1\n\"q\"z,2\nok,3\n\"open,4\nmore\n");
  ASSERT_EQ(records.size(), 5U);
  EXPECT_EQ(records[1].error, "a quote inside an unquoted field (quote the whole field)");
  EXPECT_EQ(records[2].error, "text after the closing quote of a field");
  EXPECT_EQ(records[2].line, 3U);
  EXPECT_TRUE(records[3].error.empty());
  EXPECT_EQ(records[3].fields, (fields{"ok", "3"}));
  EXPECT_EQ(records[3].line, 4U);
  EXPECT_EQ(records[4].error, "a quoted field is not closed before the end of the input");
  EXPECT_EQ(records[4].line, 5U);
}

TEST(CsvSplit, SemicolonsWhenTheHeaderHasOneAndNoComma) {
  // A spreadsheet's export in a decimal-comma locale: "2,5" is one field there.
  const auto records =
      split_csv("\xEF\xBB\xBFid;quantity;note\r\nL-1;2,5;\"a; b\"\r\nL-2;1;x,y\r\n");
  ASSERT_EQ(records.size(), 3U);
  EXPECT_EQ(records[0].fields, (fields{"id", "quantity", "note"}));
  EXPECT_EQ(records[1].fields, (fields{"L-1", "2,5", "a; b"}));
  EXPECT_EQ(records[2].fields, (fields{"L-2", "1", "x,y"}));
  EXPECT_TRUE(records[2].error.empty());
}

TEST(CsvSplit, CommasWhenTheHeaderHasAComma) {
  // A header with both, or with neither, is comma-separated: a ';' inside a name stays in it.
  EXPECT_EQ(split_csv("id,a;b\n1;2,3\n")[1].fields, (fields{"1;2", "3"}));
  EXPECT_EQ(split_csv("id\n1;2,3\n")[1].fields, (fields{"1;2", "3"}));
  EXPECT_EQ(split_csv("\"id;x\",y\n1;2,3\n")[1].fields, (fields{"1;2", "3"}));
}

TEST(CsvWrite, QuotesOnlyWhenNeeded) {
  std::string out;
  append_csv_record(out, {"plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", "", "ё"});
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",,ё\n");
  const auto back = split_csv(out);
  ASSERT_EQ(back.size(), 1U);
  EXPECT_EQ(back[0].fields, (fields{"plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", "", "ё"}));
}

TEST(CsvWrite, LoneEmptyFieldIsQuotedSoItIsNotAnEmptyLine) {
  std::string out;
  append_csv_record(out, {""});
  EXPECT_EQ(out, "\"\"\n");
  std::string field;
  append_csv_field(field, "");
  EXPECT_EQ(field, "");
}

}  // namespace
