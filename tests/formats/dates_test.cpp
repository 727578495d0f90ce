// Dates and timestamps written the right way that still do not exist: the readers say what does
// not (a day that is not in the calendar, an hour 25, an offset past 23:59), rather than "not a
// timestamp with an offset".
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/io.hpp>

#include "messages.hpp"

namespace {

using namespace tariff;
using testing_io::messages;

struct case_ {
  std::string text;
  std::string message;  // after "row 2 (id X), column 'COLUMN': "
};

std::string timestamp_error(const std::string& text) {
  const auto r = read_work_csv("id,contract,item,start,quantity\nL-1,C-1,visit," + text + ",1\n");
  const std::vector<std::string> m = messages(r);
  return m.size() == 1 ? m[0] : "(" + std::to_string(m.size()) + " errors)";
}

std::string date_error(const std::string& text) {
  const auto r = read_contracts_csv("id,client,start,end\nC-1,K,2026-01-01," + text + "\n");
  const std::vector<std::string> m = messages(r);
  return m.size() == 1 ? m[0] : "(" + std::to_string(m.size()) + " errors)";
}

TEST(Dates, ATimestampThatDoesNotExistSaysWhy) {
  const std::vector<case_> cases{
      {"2026-02-29T10:00:00+03:00",
       "'2026-02-29T10:00:00+03:00' is not a timestamp: 2026-02-29 is not a day, 2026 is not a "
       "leap year"},
      {"2028-02-30T10:00Z",
       "'2028-02-30T10:00Z' is not a timestamp: 2028-02-30 is not a day, "
       "February has 29 days"},
      {"1900-02-29T10:00Z",
       "'1900-02-29T10:00Z' is not a timestamp: 1900-02-29 is not a day, 1900 is not a leap year"},
      {"2026-04-31T10:00Z",
       "'2026-04-31T10:00Z' is not a timestamp: 2026-04-31 is not a day, April has 30 days"},
      {"2026-13-01T10:00Z",
       "'2026-13-01T10:00Z' is not a timestamp: 2026-13-01 is not a day, there is no month 13"},
      {"2026-00-10T10:00Z",
       "'2026-00-10T10:00Z' is not a timestamp: 2026-00-10 is not a day, there is no month 00"},
      {"2026-03-00T10:00Z",
       "'2026-03-00T10:00Z' is not a timestamp: 2026-03-00 is not a day, days start at 01"},
      {"2026-03-02T25:00:00+03:00",
       "'2026-03-02T25:00:00+03:00' is not a timestamp: there is no hour 25, hours go from 00 to "
       "23"},
      {"2026-03-02T24:00+03:00",
       "'2026-03-02T24:00+03:00' is not a timestamp: there is no hour 24, hours go from 00 to 23; "
       "write 00:00 of the next day"},
      {"2026-03-02T10:60Z",
       "'2026-03-02T10:60Z' is not a timestamp: there is no minute 60, minutes go from 00 to 59"},
      {"2026-03-02T10:00:60Z",
       "'2026-03-02T10:00:60Z' is not a timestamp: there is no second 60, seconds go from 00 to "
       "59"},
      {"2026-03-02T10:00+24:00",
       "'2026-03-02T10:00+24:00' is not a timestamp: the offset +24:00 is out of range, offsets "
       "go from -23:59 to +23:59"},
      {"2026-03-02T10:00-03:60",
       "'2026-03-02T10:00-03:60' is not a timestamp: the offset -03:60 is out of range, offsets "
       "go from -23:59 to +23:59"},
      // Not the shape of a timestamp with an offset: the message shows the shape.
      {"2026-03-02T10:00:00",
       "'2026-03-02T10:00:00' is not a timestamp with an offset, like 2026-03-29T01:30:00+03:00 "
       "or 2026-03-28T22:30Z"},
      {"2026-02-29 10:00Z",
       "'2026-02-29 10:00Z' is not a timestamp with an offset, like 2026-03-29T01:30:00+03:00 or "
       "2026-03-28T22:30Z"},
      {"2026-02-29T10:00+0300",
       "'2026-02-29T10:00+0300' is not a timestamp with an offset, like "
       "2026-03-29T01:30:00+03:00 or 2026-03-28T22:30Z"},
  };
  for (const case_& c : cases)
    EXPECT_EQ(timestamp_error(c.text), "row 2 (id L-1), column 'start': " + c.message);
}

TEST(Dates, ADateThatDoesNotExistSaysWhy) {
  const std::vector<case_> cases{
      {"2026-02-29",
       "'2026-02-29' is not a date: 2026-02-29 is not a day, 2026 is not a leap year"},
      {"2026-06-31", "'2026-06-31' is not a date: 2026-06-31 is not a day, June has 30 days"},
      {"2026-12-32", "'2026-12-32' is not a date: 2026-12-32 is not a day, December has 31 days"},
      {"2026-13-01", "'2026-13-01' is not a date: 2026-13-01 is not a day, there is no month 13"},
      {"2026-3-1", "'2026-3-1' is not a date (YYYY-MM-DD)"},
      {"2026-02-29x", "'2026-02-29x' is not a date (YYYY-MM-DD)"},
  };
  for (const case_& c : cases)
    EXPECT_EQ(date_error(c.text), "row 2 (id C-1), column 'end': " + c.message);
  // 2000 is a leap year (divisible by 400).
  EXPECT_EQ(messages(read_contracts_csv("id,client,start,end\nC-1,K,2000-02-29,2000-03-01\n")),
            std::vector<std::string>{});
}

TEST(Dates, DatesInsideContractFieldsSayWhyToo) {
  EXPECT_EQ(
      messages(read_contracts_csv("id,client,start,end,amendments,prepaid\n"
                                  "C-1,K,2026-01-01,2026-12-31,2026-02-30: contract.n=1,\n"
                                  "C-2,K,2026-01-01,2026-12-31,,support 2026-01-01..2026-09-31\n")),
      (std::vector<std::string>{
          "row 2 (id C-1), column 'amendments': '2026-02-30: contract.n=1' is not an "
          "amendment: 2026-02-30 is not a day, February has 28 days",
          "row 3 (id C-2), column 'prepaid': '2026-09-31' is not a date: 2026-09-31 is not a "
          "day, September has 30 days"}));
}

}  // namespace
