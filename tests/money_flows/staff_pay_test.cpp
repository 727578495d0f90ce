// Staff pay beyond examples/11-repair-kinds: choosing the pay block, lines no rule pays, lines a
// rule cannot evaluate, and the text and CSV forms.
#include <stdexcept>

#include <gtest/gtest.h>
#include <tariff/io.hpp>
#include <tariff/staff_pay.hpp>

namespace tariff {
namespace {

constexpr std::string_view source = R"(tariff "Pay" currency RUB
rounding line 0.01 half_up
attribute work.grade : number
pricelist retail {
  item labour "Labour" per hour  price 2000.00 cost 900.00
  item part   "Part"   per piece price 500.00 cost 300.00
}
pay technicians {
  rule graded for labour when work.grade > 1 : amount * 40%
  rule labour for labour : amount * 25% + 0.005
}
pay apprentices {
  rule all : quantity * 100.00
}
plan basic {
  pricelist retail
}
)";

class StaffPay : public ::testing::Test {
 protected:
  void SetUp() override {
    compile_result r = compile(source, "pay.tariff");
    ASSERT_TRUE(r.tariff) << format(r.diagnostics);
    tariff.emplace(*r.tariff);
    contracts =
        read_contracts_csv("id,client,plan,start,end\nC-1,K-1,basic,2026-01-01,2026-12-31\n").rows;
    auto read = read_work_csv(
        "id,request,contract,item,start,end,quantity,performer,work.grade\n"
        "L1,R,C-1,labour,2026-03-02T10:00:00+03:00,2026-03-02T10:25:00+03:00,,ivanov,1\n"
        "L2,R,C-1,labour,2026-03-03T10:00:00+03:00,2026-03-03T11:00:00+03:00,,ivanov,2\n"
        "P1,R,C-1,part,2026-03-03T11:00:00+03:00,,2,ivanov,1\n"
        "L3,R,C-1,labour,2026-03-04T10:00:00+03:00,2026-03-04T11:00:00+03:00,,petrov,\n"
        "L4,R,C-1,labour,2026-04-01T10:00:00+03:00,2026-04-01T11:00:00+03:00,,petrov,1\n");
    ASSERT_TRUE(read.errors.empty()) << format(read.errors.front());
    work = read.rows;
  }
  std::optional<compiled_tariff> tariff;
  std::vector<contract> contracts;
  std::vector<work_line> work;
  date_span march{*parse_date("2026-03-01"), *parse_date("2026-04-01")};
};

TEST_F(StaffPay, TheFirstRuleThatFitsPaysAndALineNoRuleFitsEarnsNothing) {
  const staff_pay_result found = staff_pays(*tariff, contracts, work, march, "technicians");
  const std::vector<staff_pay>& pays = found.pays;
  const std::vector<priced_line>& rejected = found.rejected;
  ASSERT_EQ(pays.size(), 1U);  // petrov's only March line cannot be evaluated
  const staff_pay& ivanov = pays[0];
  EXPECT_EQ(ivanov.employee, "ivanov");
  ASSERT_EQ(ivanov.lines.size(), 3U);
  // L1: 25 minutes at 2000.00 = 833.333… → 833.33; × 25 % + 0.005 = 208.3375 → 208.34.
  EXPECT_EQ(ivanov.lines[0].amount.to_string(), "833.33");
  EXPECT_EQ(ivanov.lines[0].rule, "labour");
  EXPECT_EQ(ivanov.lines[0].pay.to_string(), "208.34");
  EXPECT_EQ(ivanov.lines[1].rule, "graded");  // grade 2: the first rule
  EXPECT_EQ(ivanov.lines[1].pay.to_string(), "800.00");
  EXPECT_EQ(ivanov.lines[2].rule, "");  // no technicians' rule is for parts
  EXPECT_EQ(ivanov.lines[2].pay.to_string(), "0.00");
  EXPECT_EQ(ivanov.total.to_string(), "1008.34");
  // L3 gives no work.grade, and a rule reads it: rejected, with its reason, not paid 0.
  ASSERT_EQ(rejected.size(), 1U);
  EXPECT_EQ(rejected[0].id, "L3");
  EXPECT_EQ(rejected[0].rejected, reject_reason::missing_attribute);
}

TEST_F(StaffPay, QuantityIsTheQuantityDoneExactly) {
  const std::vector<staff_pay> pays =
      staff_pays(*tariff, contracts, work, march, "apprentices").pays;
  ASSERT_EQ(pays.size(), 2U);
  // 25 minutes × 100.00 an hour = 41.666… → 41.67; 1 h → 100.00; 2 parts → 200.00.
  EXPECT_EQ(pays[0].lines[0].pay.to_string(), "41.67");
  EXPECT_EQ(pays[0].total.to_string(), "341.67");
  EXPECT_EQ(pays[1].employee, "petrov");
  EXPECT_EQ(pays[1].total.to_string(), "100.00");
}

TEST_F(StaffPay, TheBlockMustBeNamedWhenThereAreSeveralAndMustExist) {
  EXPECT_THROW((void)staff_pays(*tariff, contracts, work, march), call_error);
  try {
    (void)staff_pays(*tariff, contracts, work, march, "cleaners");
    FAIL();
  } catch (const call_error& e) {
    EXPECT_STREQ(e.what(), "tariff 'Pay' has no pay block 'cleaners'");
  }
}

TEST_F(StaffPay, CsvHasOneRowPerLine) {
  const std::vector<staff_pay> pays =
      staff_pays(*tariff, contracts, work, march, "apprentices").pays;
  const std::string csv = write_staff_pay_csv(pays);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "employee,id,request,contract,item,kind,date,quantity,amount,rule,pay");
  EXPECT_NE(csv.find("ivanov,L1,R,C-1,labour,billable,2026-03-02,25min,833.33,all,41.67"),
            std::string::npos)
      << csv;
  const std::string text = write_staff_pay_text(pays);
  EXPECT_NE(text.find("Pay of ivanov for 2026-03-01..2026-03-31"), std::string::npos) << text;
}

// The 0.1 form, deprecated in 0.2 and kept for one minor version.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
TEST_F(StaffPay, TheDeprecatedOutPointerFormGivesTheSamePay) {
  std::vector<priced_line> rejected;
  const std::vector<staff_pay> pays =
      staff_pays(*tariff, contracts, work, march, "technicians", &rejected);
  const staff_pay_result found = staff_pays(*tariff, contracts, work, march, "technicians");
  EXPECT_EQ(pays, found.pays);
  EXPECT_EQ(rejected, found.rejected);
  ASSERT_EQ(rejected.size(), 1U);
  EXPECT_EQ(rejected[0].id, "L3");
}
#pragma GCC diagnostic pop

}  // namespace
}  // namespace tariff
