// Contracts from CSV.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/billing.hpp>
#include <tariff/io.hpp>

#include "messages.hpp"

namespace {

using namespace tariff;

using testing_io::messages;

TEST(ContractCsv, ReadsEveryField) {
  const auto r = read_contracts_csv(
      "id,client,plan,pricelist,status,start,end,client_since,contract.sla,client.segment\n"
      "C-1,K-7,standard,wholesale,draft,2026-01-01,2026-12-31,2020-05-17,gold,b2b\n"
      "C-2,K-8,,,,2026-01-01,2026-01-01,,,\n");
  ASSERT_EQ(messages(r), std::vector<std::string>{});
  ASSERT_EQ(r.rows.size(), 2U);
  const contract& a = r.rows[0];
  EXPECT_EQ(a.id, "C-1");
  EXPECT_EQ(a.client, "K-7");
  EXPECT_EQ(a.plan, "standard");
  EXPECT_EQ(a.pricelist, "wholesale");
  EXPECT_EQ(a.status, contract_status::draft);
  EXPECT_EQ(a.start, parse_date("2026-01-01"));
  EXPECT_EQ(a.end, parse_date("2026-12-31"));
  EXPECT_EQ(a.client_since, parse_date("2020-05-17"));
  EXPECT_EQ(a.attributes, (attribute_map{{"sla", "gold"}}));
  EXPECT_EQ(a.client_attributes, (attribute_map{{"segment", "b2b"}}));
  EXPECT_EQ(r.rows[1].status, contract_status::registered);
  EXPECT_EQ(r.rows[1].client_since, std::nullopt);
}

TEST(ContractCsv, Errors) {
  const auto r = read_contracts_csv(
      "id,client,status,start,end,client_since\n"
      "C-1,K,open,2026-01-01,2026-12-31,\n"
      "C-2,K,,2026-01-01,2025-12-31,\n"
      "C-3,K,,2026-01-01,2026-12-31,2026-01-02\n"
      "C-4,K,,2026-1-1,2026-12-31,\n"
      "C-5,,,2026-01-01,2026-12-31,\n"
      "C-6,K,,2026-01-01,,\n"
      "C-7,K,closed,2026-01-01,2026-12-31,2026-01-01\n"
      "C-1,K,,2026-01-01,2026-12-31,\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "row 2 (id C-1), column 'status': 'open' is not a contract status (draft, "
                "registered, closed)",
                "row 3 (id C-2), column 'end': the end is before the start",
                "row 4 (id C-3), column 'client_since': client_since is after the contract's start",
                "row 5 (id C-4), column 'start': '2026-1-1' is not a date (YYYY-MM-DD)",
                "row 6 (id C-5), column 'client': a value is required",
                "row 7 (id C-6), column 'end': a value is required",
                "row 9 (id C-1), column 'id': duplicate id 'C-1' (first on row 2)",
            }));
  ASSERT_EQ(r.rows.size(), 1U);
  EXPECT_EQ(r.rows[0].id, "C-7");
  EXPECT_EQ(r.rows[0].status, contract_status::closed);
}

// An amendment that names a plan the tariff lacks reads (the plan is a name), and is the
// contract's problem under that tariff, as an unknown `plan` is: row, id, column, and the date
// (docs/design.md, decision 13).
TEST(ContractCsv, AnAmendmentsUnknownPlanIsTheContractsProblemUnderATariff) {
  const compile_result compiled = compile(
      "tariff \"T\" currency RUB\n"
      "pricelist retail {\n  item visit \"Visit\" per visit price 1800.00\n}\n"
      "plan basic {\n  pricelist retail\n}\n"
      "plan premium {\n  pricelist retail\n}\n",
      "t.tariff");
  ASSERT_TRUE(compiled.tariff.has_value()) << format(compiled.diagnostics);
  const auto r = read_contracts_csv(
      "id,client,plan,start,end,amendments\n"
      "C-1,K,basic,2026-01-01,2026-12-31,2026-03-11: plan=premium\n"
      "C-2,K,basic,2026-01-01,2026-12-31,2026-03-11: plan=platinum; 2026-05-01: plan=premium\n");
  ASSERT_EQ(messages(r), std::vector<std::string>{});
  EXPECT_TRUE(contract_problems(*compiled.tariff, r.rows[0]).empty());
  std::vector<input_error> problems = contract_problems(*compiled.tariff, r.rows[1]);
  ASSERT_EQ(problems.size(), 1U);
  problems[0].row = r.row_numbers[1];
  EXPECT_EQ(format(problems[0]),
            "row 3 (id C-2), column 'amendments': the amendment of 2026-03-11 names plan "
            "'platinum', which tariff 'T' does not have");
}

TEST(ContractCsv, HeaderProblems) {
  const auto r = read_contracts_csv("id,start,site.region\nC,2026-01-01,x\n");
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "row 1, column 'site.region': unknown column",
                             "row 1, column 'client': the required column is missing",
                             "row 1, column 'end': the required column is missing",
                         }));
  EXPECT_TRUE(r.rows.empty());
}

}  // namespace
