#include <gtest/gtest.h>
#include <tariff/calendar.hpp>

namespace {

using tariff::calendar_error;
using tariff::contract_year;
using tariff::contract_year_start;
using tariff::local_date;

local_date d(const char* text) {
  return tariff::parse_date(text).value();
}

TEST(ContractYear, CountsCompletedYearsPlusOne) {
  const local_date since = d("2022-03-10");
  EXPECT_EQ(contract_year(since, d("2022-03-10")), 1);
  EXPECT_EQ(contract_year(since, d("2022-12-31")), 1);
  EXPECT_EQ(contract_year(since, d("2023-03-09")), 1);
  EXPECT_EQ(contract_year(since, d("2023-03-10")), 2);
  EXPECT_EQ(contract_year(since, d("2024-03-09")), 2);
  EXPECT_EQ(contract_year(since, d("2027-03-09")), 5);
  EXPECT_EQ(contract_year(since, d("2027-03-10")), 6);
}

TEST(ContractYear, AnniversaryOn29FebruaryFallsOn28February) {
  const local_date since = d("2024-02-29");
  EXPECT_EQ(contract_year(since, d("2024-02-29")), 1);
  EXPECT_EQ(contract_year(since, d("2025-02-27")), 1);
  EXPECT_EQ(contract_year(since, d("2025-02-28")), 2);
  EXPECT_EQ(contract_year(since, d("2025-03-01")), 2);
  EXPECT_EQ(contract_year(since, d("2027-02-28")), 4);
  EXPECT_EQ(contract_year(since, d("2028-02-28")), 4);
  EXPECT_EQ(contract_year(since, d("2028-02-29")), 5);
}

TEST(ContractYear, DayBeforeStartThrows) {
  EXPECT_THROW((void)contract_year(d("2022-03-10"), d("2022-03-09")), calendar_error);
  EXPECT_THROW((void)contract_year(d("2022-03-10"), d("2001-01-01")), calendar_error);
}

TEST(ContractYear, StartOfYear) {
  const local_date since = d("2022-03-10");
  EXPECT_EQ(contract_year_start(since, 1), since);
  EXPECT_EQ(contract_year_start(since, 2), d("2023-03-10"));
  EXPECT_EQ(contract_year_start(since, 6), d("2027-03-10"));

  const local_date leap = d("2024-02-29");
  EXPECT_EQ(contract_year_start(leap, 1), leap);
  EXPECT_EQ(contract_year_start(leap, 2), d("2025-02-28"));
  EXPECT_EQ(contract_year_start(leap, 4), d("2027-02-28"));
  EXPECT_EQ(contract_year_start(leap, 5), d("2028-02-29"));

  EXPECT_THROW((void)contract_year_start(since, 0), calendar_error);
  EXPECT_THROW((void)contract_year_start(since, -1), calendar_error);
}

TEST(ContractYear, StartAndYearAgree) {
  for (const char* text : {"2022-03-10", "2024-02-29", "2023-12-31", "2020-01-01"}) {
    const local_date since = d(text);
    for (int year = 1; year <= 12; ++year) {
      const local_date start = contract_year_start(since, year);
      EXPECT_EQ(contract_year(since, start), year) << text << " year " << year;
      if (year > 1) {
        EXPECT_EQ(contract_year(since, start - date::days{1}), year - 1) << text << " " << year;
      }
    }
  }
}

}  // namespace
