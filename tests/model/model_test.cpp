// Names of work kinds and contract statuses, and the input error's text.
#include <gtest/gtest.h>
#include <tariff/io.hpp>
#include <tariff/model.hpp>

namespace {

using namespace tariff;

TEST(ModelNames, WorkKindsRoundTrip) {
  for (const auto k : {work_kind::billable, work_kind::internal, work_kind::warranty,
                       work_kind::bug_fix, work_kind::company_cost}) {
    EXPECT_EQ(parse_work_kind(to_string(k)), k);
  }
  EXPECT_EQ(to_string(work_kind::bug_fix), "bug_fix");
  EXPECT_EQ(to_string(work_kind::company_cost), "company_cost");
  EXPECT_EQ(parse_work_kind("Billable"), std::nullopt);
  EXPECT_EQ(parse_work_kind(""), std::nullopt);
}

TEST(ModelNames, ContractStatusesRoundTrip) {
  for (const auto s :
       {contract_status::draft, contract_status::registered, contract_status::closed}) {
    EXPECT_EQ(parse_contract_status(to_string(s)), s);
  }
  EXPECT_EQ(to_string(contract_status::registered), "registered");
  EXPECT_EQ(parse_contract_status("open"), std::nullopt);
}

TEST(InputErrorFormat, AllShapes) {
  EXPECT_EQ(format({12, "L-17", "start", "bad"}), "row 12 (id L-17), column 'start': bad");
  EXPECT_EQ(format({12, "", "start", "bad"}), "row 12, column 'start': bad");
  EXPECT_EQ(format({12, "L-17", "", "bad"}), "row 12 (id L-17): bad");
  EXPECT_EQ(format({0, "", "", "bad"}), "row 0: bad");
}

}  // namespace
