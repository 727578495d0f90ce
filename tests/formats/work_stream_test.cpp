// Work lines from CSV through the stream (internal: src/formats/work_stream.hpp): the same rows,
// row numbers and messages as read_work_csv whatever the blocks the source gives, ids aside.
#include "formats/work_stream.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/io.hpp>

#include "messages.hpp"

namespace {

using namespace tariff;
using formats::work_csv_stream;
using testing_io::messages;

// A source giving `text` in the pieces listed, then the rest at most `step` bytes a call.
struct pieces {
  std::vector<std::string> parts;
  std::string_view rest;
  std::size_t step = 0;
  std::size_t calls = 0;

  std::size_t operator()(char* buffer, std::size_t size) {
    std::string_view next = rest.substr(0, std::min(step, size));
    if (calls < parts.size()) next = parts[calls];
    ++calls;
    if (next.size() > size) throw std::logic_error("a piece larger than the room given");
    // std::copy, not memcpy: an empty view's data() may be null, which memcpy may not be given.
    std::copy(next.begin(), next.end(), buffer);
    if (calls > parts.size()) rest.remove_prefix(next.size());
    return next.size();
  }
};

// Every batch of a stream over `in`, in one result; each batch is checked to be what next() says.
read_result<work_line> read_all(work_csv_stream::source in, std::size_t max_rows = 4096) {
  work_csv_stream stream(std::move(in));
  read_result<work_line> all;
  read_result<work_line> batch;
  while (stream.next(batch, max_rows)) {
    EXPECT_FALSE(batch.rows.empty() && batch.errors.empty());
    EXPECT_EQ(batch.rows.size(), batch.row_numbers.size());
    // The header's problems come together, however many: nothing else is read after them.
    if (batch.rows.size() + batch.errors.size() > max_rows) {
      EXPECT_TRUE(batch.rows.empty());
      for (const input_error& e : batch.errors)
        EXPECT_EQ(e.row, batch.errors[0].row);
    }
    all.rows.insert(all.rows.end(), batch.rows.begin(), batch.rows.end());
    all.row_numbers.insert(all.row_numbers.end(), batch.row_numbers.begin(),
                           batch.row_numbers.end());
    all.errors.insert(all.errors.end(), batch.errors.begin(), batch.errors.end());
  }
  EXPECT_TRUE(batch.rows.empty() && batch.errors.empty() && batch.row_numbers.empty());
  EXPECT_FALSE(stream.next(batch, max_rows));  // and it stays exhausted
  return all;
}

read_result<work_line> read_streamed(std::string_view text, std::size_t step,
                                     std::size_t max_rows = 4096) {
  return read_all(pieces{{}, text, step}, max_rows);
}

read_result<work_line> read_in_pieces(std::vector<std::string> parts) {
  return read_all(pieces{std::move(parts), {}, 4096});
}

// The stream's reading of `text` at every refill size and batch size is read_work_csv's.
void expect_as_read_work_csv(std::string_view text, const std::string& what) {
  const read_result<work_line> whole = read_work_csv(text);
  for (const std::size_t step : {1U, 2U, 3U, 7U, 64U, 4096U}) {
    for (const std::size_t max_rows : {1U, 5U, 4096U}) {
      const read_result<work_line> streamed = read_streamed(text, step, max_rows);
      const std::string where = what + ", refills of " + std::to_string(step) + ", batches of " +
                                std::to_string(max_rows);
      EXPECT_EQ(messages(streamed), messages(whole)) << where;
      EXPECT_EQ(streamed.row_numbers, whole.row_numbers) << where;
      EXPECT_TRUE(streamed.rows == whole.rows) << where;
    }
  }
}

std::string file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Texts with every case the tokenizer and the rows meet, ids unique (the stream does not check
// them): the corpus's mixed file, row errors, header errors, empty inputs.
const std::vector<std::string> corpus{
    "\xEF\xBB\xBF"
    "id,contract,item,start,end,quantity,performer\r\n"
    "L-1,C,x,2026-01-01T09:00+03:00,2026-01-01T10:00+03:00,,\"Smith, J.\"\r\n"
    "L-2,C,x,2026-01-01T09:00Z,,0,\r\n"
    "\r\n"
    "L-3,C,x,2026-01-01T09:00Z,,2.5,\"two\r\nlines\"\r\n"
    "L-4,C,x,yesterday,,1,\r\n"
    "L-6,C,x,2026-01-01T09:00Z,,1,\"say \"\"hi\"\"\"\r\n"
    "L-5,C,x,2026-01-01T09:00Z,,1,last",
    "id,contract,item,start,end,quantity\n"
    "L-1,C,x,2026-01-01T00:00Z,,1\n"
    "L-2,C\",x,2026-01-01T10:00Z,,1\n"
    "L-3,C,x\n"
    "L-4,C,x,2026-01-01T10:00Z,,1,extra\n"
    "\"L-5\"x,C,x,2026-01-01T10:00Z,,1\n"
    "L-6,C,x,2026-01-01T10:00Z,2026-01-01T09:00Z,\n"
    "L-7,C,x,2026-01-01T10:00Z,,\"1\n"
    "L-8,C,x,2026-01-01T10:00Z,,1\n",
    "id,item,stat,start,site.,id,quantity,,colour\nL,x,1,2026-01-01T00:00Z,,L,1,,\n",
    "\n\nid,x\n",
    "\"id,x\n",
    "",
    "\n\r\n",
    "\xEF\xBB\xBF",
    "\xEF\xBB",
    "id,contract,item,start,end,quantity\n",
    "id,contract,item,start,end,quantity\r",
    "id,contract,item,start,end,quantity\nL-1,C,x,2026-01-01T00:00Z,,1\r",
    "id,contract,item,start,end,quantity\nL-1,C,x,2026-01-01T00:00Z,,1,",
    "id,contract,item,start,end,quantity\nL-1,C,x,2026-01-01T00:00Z,,\"1\"\r",
    "id,contract,item,start,quantity,kind,accepted,accepted_on,time_zone,site.region,work.urgent\n"
    "A,C,x,2026-01-01T00:00Z,1,Billable,,,,,\n"
    "B,C,x,2026-01-01T00:00Z,1,,yes,,,,\n"
    "D,C,x,2026-01-01T00:00Z,1,,,2026-02-30,,,\n"
    "E,C,x,2026-01-01T00:00Z,1,,,,Mars/Olympus,,\n"
    "F,C,x,2026-01-01T00:00Z,1,bug_fix,false,2026-02-28,UTC,tula,\"a\nb\"\n"
    "G\x01,C,x,2026-01-01T00:00Z,1,,,,,\xff,\n",
    // Semicolon-separated, told by the header (csv.hpp); a decimal comma is then one field.
    "\xEF\xBB\xBFid;contract;item;start;quantity;performer\r\n"
    "L-1;C;x;2026-01-01T09:00Z;1;\"Smith; J.\"\r\n"
    "L-2;C;x;2026-01-01T09:00Z;2,5;p\r\n"
    "L-3;C;x;2026-01-01T09:00Z;3;\"two\nlines\"\n",
};

TEST(WorkCsvStream, ReadsTheCorpusAsReadWorkCsvAtEveryRefillSize) {
  for (std::size_t i = 0; i < corpus.size(); ++i)
    expect_as_read_work_csv(corpus[i], "corpus text " + std::to_string(i));
}

TEST(WorkCsvStream, ReadsTheFuzzSeedsAsReadWorkCsv) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(TARIFF_IO_SEEDS)) {
    if (entry.path().extension() != ".csv") continue;
    ++files;
    expect_as_read_work_csv(file(entry.path()), entry.path().filename().string());
  }
  EXPECT_GE(files, 3U);
}

// Generated rows: plain, quoted with commas, quotes and line breaks, CRLF, empty lines, bad rows.
TEST(WorkCsvStream, ReadsGeneratedTextAsReadWorkCsv) {
  std::string text = "id,contract,item,start,end,quantity,performer,time_zone,site.region\n";
  for (int i = 0; i < 300; ++i) {
    const std::string n = std::to_string(i);
    std::string performer = "p" + n;
    if (i % 5 == 1) performer = "\"Smith, " + n + "\"";
    if (i % 7 == 2) performer = "\"say \"\"" + n + "\"\"\nagain\"";
    const std::string start = "2026-03-" + std::string(i % 28 < 9 ? "0" : "") +
                              std::to_string(i % 28 + 1) + "T0" + std::to_string(i % 10) +
                              ":15:00+01:00";
    const std::string quantity = i % 11 == 3 ? "-1" : "1." + n;
    const std::string zone = i % 3 == 0 ? "Europe/Berlin" : "America/New_York";
    text += "L-" + n + ",C-" + std::to_string(i / 30) + ",item," + start + ",," + quantity + "," +
            performer + "," + zone + ",west";
    text += i % 4 == 0 ? "\r\n" : "\n";
    if (i % 13 == 0) text += "\n";
    if (i % 17 == 5) text += "L-x" + n + ",C,x\n";
  }
  const read_result<work_line> whole = read_work_csv(text);
  ASSERT_EQ(whole.rows.size(), 273U);   // 300 less the 27 negative quantities
  ASSERT_EQ(whole.errors.size(), 45U);  // those, and the 18 short rows
  expect_as_read_work_csv(text, "generated text");
}

TEST(WorkCsvStream, RecordLongerThanTheBufferSpansRefills) {
  const std::string performer(200000, 'p');
  const std::string text =
      "id,contract,item,start,quantity,performer\n"
      "L-1,C,x,2026-01-01T00:00Z,1," +
      performer + "\nL-2,C,x,2026-01-01T00:00Z,2,short\n";
  for (const std::size_t step : {4096U, 65536U, 1000000U}) {
    const read_result<work_line> r = read_streamed(text, step);
    EXPECT_EQ(messages(r), std::vector<std::string>{});
    ASSERT_EQ(r.rows.size(), 2U);
    EXPECT_EQ(r.rows[0].performer, performer);
    EXPECT_EQ(r.rows[1].performer, "short");
    EXPECT_EQ(r.row_numbers, (std::vector<std::size_t>{2, 3}));
  }
}

TEST(WorkCsvStream, QuotedLineBreakAcrossARefill) {
  const read_result<work_line> r = read_in_pieces(
      {"id,contract,item,start,quantity,performer\nL-1,C,x,2026-01-01T00:00Z,1,\"two\r",
       "\nlines\"\nL-2,C,x,2026-01-01T00:00Z,2,\"say \"", "\"hi\"\"\"\n"});
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  ASSERT_EQ(r.rows.size(), 2U);
  EXPECT_EQ(r.rows[0].performer, "two\r\nlines");
  EXPECT_EQ(r.rows[1].performer, "say \"hi\"");
  EXPECT_EQ(r.row_numbers, (std::vector<std::size_t>{2, 4}));  // the line break counts
}

TEST(WorkCsvStream, CrLfSplitAcrossRefills) {
  const read_result<work_line> r =
      read_in_pieces({"id,contract,item,start,end,quantity\r", "\nL-1,C,x,2026-01-01T00:00Z,,1\r",
                      "\n\r", "\nL-2,C,x,2026-01-01T00:00Z,,2\r", "\n"});
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  ASSERT_EQ(r.rows.size(), 2U);
  EXPECT_EQ(r.rows[0].quantity->to_string(), "1");  // not "1\r", which would not read
  EXPECT_EQ(r.rows[1].quantity->to_string(), "2");
  EXPECT_EQ(r.row_numbers, (std::vector<std::size_t>{2, 4}));
}

TEST(WorkCsvStream, ByteOrderMarkSplitAcrossRefills) {
  const read_result<work_line> r =
      read_in_pieces({"\xEF", "\xBB",
                      "\xBF"
                      "id,contract,item,start,end,quantity\nL-1,C,x,2026-01-01T00:00Z,,1\n"});
  EXPECT_EQ(messages(r), std::vector<std::string>{});
  ASSERT_EQ(r.rows.size(), 1U);
  EXPECT_EQ(r.rows[0].id, "L-1");
  // Only at the very start: a mark after it is the header's text, as read_work_csv says.
  const read_result<work_line> twice = read_in_pieces({"\xEF\xBB\xBF\xEF",
                                                       "\xBB\xBF"
                                                       "id,contract,item,start\n"});
  EXPECT_EQ(messages(twice),
            messages(read_work_csv("\xEF\xBB\xBF\xEF\xBB\xBFid,contract,item,start\n")));
  ASSERT_EQ(twice.errors.size(), 2U);
  EXPECT_EQ(twice.errors[0].column, "\\ufeffid");
  EXPECT_EQ(format(twice.errors[1]), "row 1, column 'id': the required column is missing");
}

TEST(WorkCsvStream, RepeatedIdsAreLeftToTheCaller) {
  const std::string text =
      "id,contract,item,start,end,quantity\nL-1,C,x,2026-01-01T00:00Z,,1\nL-1,C,x,2026-01-01T00:"
      "00Z,,2\n";
  const read_result<work_line> streamed = read_streamed(text, 7);
  EXPECT_EQ(messages(streamed), std::vector<std::string>{});
  EXPECT_EQ(streamed.row_numbers, (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(
      messages(read_work_csv(text)),
      std::vector<std::string>{"row 3 (id L-1), column 'id': duplicate id 'L-1' (first on row 2)"});
}

TEST(WorkCsvStream, HeaderProblemIsOneBatchOfErrorsAndTheEnd) {
  work_csv_stream stream(pieces{{}, "id,colour\nL-1,red\n", 3});
  read_result<work_line> batch;
  ASSERT_TRUE(stream.next(batch));
  EXPECT_EQ(messages(batch), (std::vector<std::string>{
                                 "row 1, column 'colour': unknown column",
                                 "row 1, column 'contract': the required column is missing",
                                 "row 1, column 'item': the required column is missing",
                                 "row 1, column 'start': the required column is missing",
                             }));
  EXPECT_TRUE(batch.rows.empty());
  EXPECT_FALSE(stream.next(batch));
  EXPECT_TRUE(batch.errors.empty());
}

TEST(WorkCsvStream, BatchesHoldAboutMaxRows) {
  std::string text = "id,contract,item,start,end,quantity\n";
  for (int i = 0; i < 10; ++i)
    text += "L-" + std::to_string(i) + ",C,x,2026-01-01T00:00Z,,1\n";
  work_csv_stream stream(pieces{{}, text, 4096});
  read_result<work_line> batch;
  std::vector<std::size_t> sizes;
  while (stream.next(batch, 4))
    sizes.push_back(batch.rows.size());
  EXPECT_EQ(sizes, (std::vector<std::size_t>{4, 4, 2}));
}

TEST(WorkCsvStream, ASourceThatThrowsStopsTheReading) {
  std::size_t calls = 0;
  work_csv_stream stream([&calls](char* buffer, std::size_t size) -> std::size_t {
    if (++calls > 1) throw std::runtime_error("the disk is gone");
    const std::string_view first =
        "id,contract,item,start,end,quantity\nL-1,C,x,2026-01-01T00:00Z,,1\nL-2";
    if (size < first.size()) throw std::logic_error("no room");
    std::memcpy(buffer, first.data(), first.size());
    return first.size();
  });
  read_result<work_line> batch;
  ASSERT_TRUE(stream.next(batch, 1));  // the first row needs no second block
  ASSERT_EQ(batch.rows.size(), 1U);
  EXPECT_EQ(batch.rows[0].id, "L-1");
  try {
    (void)stream.next(batch, 1);
    ADD_FAILURE() << "next() returned";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "the disk is gone");
  }
  EXPECT_EQ(calls, 2U);
}

}  // namespace
