// Tariff versions (docs/design.md, decision 12): several files compiled into one tariff, each
// line priced by the version of its date, fees by the version of their period, plans and
// allowance keys migrated, and the checks across versions.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/billing.hpp>
#include <tariff/pricing.hpp>

namespace tariff {
namespace {

// The first version: in force from the start.
constexpr std::string_view january =
    "tariff \"Service\" currency EUR\n"
    "rounding line 0.01 half_up\n"
    "pricelist prices {\n"
    "  item visit \"Visit\" per visit price 100.00 cost 40.00\n"
    "}\n"
    "plan basic {\n"
    "  pricelist prices\n"
    "  fee 50.00 per month\n"
    "  includes 2 visit per year\n"
    "  late work 2 periods\n"
    "}\n";

// From 1 April: dearer visits, a new fee, plan `basic` renamed `standard`, and the allowance
// covering a new item too.
constexpr std::string_view april =
    "tariff \"Service\" currency EUR effective 2026-04-01\n"
    "rounding line 0.01 half_up\n"
    "pricelist prices {\n"
    "  item visit \"Visit\" per visit price 120.00 cost 40.00\n"
    "  item call \"Call\" per visit price 30.00 cost 10.00\n"
    "}\n"
    "plan standard {\n"
    "  pricelist prices\n"
    "  fee 60.00 per month\n"
    "  includes 3 (visit, call) per year\n"
    "  late work 2 periods\n"
    "}\n"
    "migrate plan basic -> standard\n"
    "migrate allowance \"visit/year\" -> \"call+visit/year\"\n";

local_date day(std::string_view text) {
  return *parse_date(text);
}

contract client() {
  contract c;
  c.id = "C-1";
  c.client = "K-1";
  c.plan = "basic";  // the contract was signed under the first version's plan
  c.start = day("2026-01-01");
  c.end = day("2026-12-31");
  return c;
}

work_line visit(std::string id, std::string_view when, std::string item = "visit") {
  work_line w;
  w.id = std::move(id);
  w.contract = "C-1";
  w.item = std::move(item);
  w.start = *parse_instant(std::string(when) + "T10:00:00Z");
  w.quantity = decimal(1);
  return w;
}

compiled_tariff both(std::vector<tariff_source> sources = {{april, "april.tariff"},
                                                           {january, "january.tariff"}}) {
  compile_result compiled = compile(sources);
  EXPECT_TRUE(compiled.diagnostics.empty()) << format(compiled.diagnostics);
  return *compiled.tariff;
}

std::vector<std::string> names_of(const std::vector<diagnostic>& ds) {
  std::vector<std::string> out;
  for (const diagnostic& d : ds)
    out.push_back(d.name + " " + d.file + ":" + std::to_string(d.line) + ":" +
                  std::to_string(d.column));
  return out;
}

TEST(Versions, AreListedInDateOrderWhateverTheOrderGiven) {
  const compiled_tariff t = both();
  const std::vector<tariff_version> v = t.versions();
  ASSERT_EQ(v.size(), 2U);
  EXPECT_EQ(v[0].file, "january.tariff");
  EXPECT_FALSE(v[0].effective.has_value());
  EXPECT_EQ(v[1].file, "april.tariff");
  EXPECT_EQ(v[1].effective, day("2026-04-01"));
  EXPECT_EQ(v[0].source_hash, compile(january, "january.tariff").tariff->source_hash());
  EXPECT_EQ(v[1].source_hash, compile(april, "april.tariff").tariff->source_hash());
  // The versioned tariff's hash is the hash of its versions' list, neither version's own.
  EXPECT_NE(t.source_hash(), v[0].source_hash);
  EXPECT_NE(t.source_hash(), v[1].source_hash);
  EXPECT_EQ(t.source_hash(),
            both({{january, "january.tariff"}, {april, "april.tariff"}}).source_hash());
}

TEST(Versions, OneFileIsOneVersionWithItsOwnHash) {
  const compiled_tariff t = *compile(std::vector<tariff_source>{{april, "april.tariff"}}).tariff;
  ASSERT_EQ(t.versions().size(), 1U);
  EXPECT_EQ(t.versions()[0].effective, day("2026-04-01"));
  EXPECT_EQ(t.versions()[0].source_hash, t.source_hash());
}

// A contract moves to a plan the April version adds, from 1 April: March is billed under the
// first version, which has no `premium`, as if the amendment were not there; April under
// `premium`. Fees: March basic 50.00; April premium 90.00 (no days of `standard`), and March,
// recomputed by its own version through the ledger, is unchanged.
TEST(Versions, AContractMovesToAPlanOnlyALaterVersionHas) {
  const std::string april_premium = std::string(april) +
                                    "plan premium {\n  pricelist prices\n  fee 90.00 per month\n"
                                    "  late work 2 periods\n}\n";
  const compiled_tariff t = both({{january, "january.tariff"}, {april_premium, "april.tariff"}});
  contract c = client();
  contract_amendment upgrade;
  upgrade.effective = day("2026-04-01");
  upgrade.plan = "premium";
  c.amendments.push_back(upgrade);
  const statement m = bill(t, c, {day("2026-03-01"), day("2026-04-01")}, {}, {});
  EXPECT_EQ(m.plan, "basic");
  EXPECT_EQ(m.fees_total.to_string(), "50.00");
  const statement a = bill(t, c, {day("2026-04-01"), day("2026-05-01")}, m.closing, {});
  EXPECT_EQ(a.plan, "premium");
  ASSERT_EQ(a.fees.size(), 1U);
  EXPECT_EQ(a.fees[0].amount.to_string(), "90.00");
  EXPECT_FALSE(a.fees[0].billed_before);
}

TEST(Versions, EachLineIsPricedByTheVersionOfItsDate) {
  const compiled_tariff t = both();
  const std::vector<work_line> work = {visit("M", "2026-03-31"), visit("A", "2026-04-01"),
                                       visit("J", "2026-01-15")};
  const std::vector<priced_line> priced = price(t, client(), work);
  ASSERT_EQ(priced.size(), 3U);
  EXPECT_EQ(priced[0].amount.to_string(), "100.00");  // 31 March: the first version
  EXPECT_EQ(priced[1].amount.to_string(), "120.00");  // 1 April: the second
  EXPECT_EQ(priced[2].amount.to_string(), "100.00");
  // `call` is only in the April version: in March it is no item of the tariff.
  const std::vector<priced_line> calls =
      price(t, client(), std::vector{visit("C1", "2026-03-10", "call")});
  EXPECT_EQ(calls[0].rejected, reject_reason::unknown_item);
}

TEST(Versions, LateWorkIsPricedAndCoveredByTheVersionOfItsOwnPeriod) {
  const compiled_tariff t = both();
  // March: one visit billed, one reported late.
  const std::vector<work_line> march = {visit("M1", "2026-03-05")};
  const statement m = bill(t, client(), {day("2026-03-01"), day("2026-04-01")}, {}, march);
  EXPECT_EQ(m.fees_total.to_string(), "50.00");
  EXPECT_EQ(m.work_total.to_string(), "0.00");  // the first of 2 visits a year
  ASSERT_EQ(m.versions.size(), 1U);
  EXPECT_EQ(m.versions[0].file, "january.tariff");
  EXPECT_EQ(m.plan, "basic");

  // April: the late March visit (the second of the year: covered, at March's price) and two
  // April lines under the migrated allowance of 3, which counts the 2 used before April.
  const std::vector<work_line> april_work = {visit("M2", "2026-03-30"), visit("A1", "2026-04-07"),
                                             visit("A2", "2026-04-08", "call")};
  const statement a =
      bill(t, client(), {day("2026-04-01"), day("2026-05-01")}, m.closing, april_work);
  EXPECT_EQ(a.plan, "standard");                 // `migrate plan basic -> standard`
  EXPECT_EQ(a.fees_total.to_string(), "60.00");  // the April version's fee
  ASSERT_EQ(a.adjustments.size(), 1U);
  EXPECT_EQ(a.adjustments[0].id, "M2");
  EXPECT_EQ(a.adjustments[0].amount.to_string(), "0.00");
  ASSERT_EQ(a.adjustments[0].parts.size(), 1U);
  EXPECT_EQ(a.adjustments[0].parts[0].allowance, "visit/year");
  EXPECT_EQ(a.adjustments[0].parts[0].covered.to_string(), "100.00");  // March's price
  ASSERT_EQ(a.lines.size(), 2U);
  EXPECT_EQ(a.lines[0].parts[0].allowance, "call+visit/year");  // the third of 3
  EXPECT_EQ(a.lines[0].amount.to_string(), "0.00");
  EXPECT_EQ(a.lines[1].amount.to_string(), "30.00");  // the fourth: billed
  EXPECT_EQ(a.work_total.to_string(), "30.00");
  ASSERT_EQ(a.allowances.size(), 1U);
  EXPECT_EQ(a.allowances[0].allowance, "call+visit/year");
  EXPECT_EQ(a.allowances[0].used_before.to_string(), "1");  // M1, recorded as visit/year
  EXPECT_EQ(a.allowances[0].used.to_string(), "2");         // M2 (visit/year) and A1
  ASSERT_EQ(a.versions.size(), 2U);  // M2 by the first version, the rest by the second
  EXPECT_EQ(a.versions[0].file, "january.tariff");
  EXPECT_EQ(a.versions[1].file, "april.tariff");
  EXPECT_EQ(a.tariff_hash, t.source_hash());
}

TEST(Versions, AStatementOfOneVersionTariffListsNoVersions) {
  const compiled_tariff t = *compile(january, "january.tariff").tariff;
  const statement m = bill(t, client(), {day("2026-03-01"), day("2026-04-01")}, {},
                           std::vector{visit("M1", "2026-03-05")});
  EXPECT_TRUE(m.versions.empty());
  EXPECT_EQ(m.tariff_hash, t.source_hash());
}

TEST(Versions, CrossVersionFindingsNameTheVersionThatCausesThem) {
  // Two versions in force from the start: which prices a line is not said.
  const compile_result same_day =
      compile(std::vector<tariff_source>{{january, "january.tariff"}, {january, "copy.tariff"}});
  EXPECT_FALSE(same_day.tariff);
  EXPECT_EQ(names_of(same_day.diagnostics),
            std::vector<std::string>{"version-date-repeated copy.tariff:1:1"});

  std::string dropped(april);
  dropped.erase(dropped.find("migrate plan"));  // both migrations gone
  std::string in_usd(dropped);
  in_usd.replace(in_usd.find("EUR"), 3, "USD");
  const compile_result missing =
      compile(std::vector<tariff_source>{{january, "january.tariff"}, {in_usd, "april.tariff"}});
  EXPECT_FALSE(missing.tariff);
  EXPECT_EQ(names_of(missing.diagnostics),
            (std::vector<std::string>{"version-currency-differs april.tariff:1:27",
                                      "plan-dropped april.tariff:1:41",
                                      "allowance-dropped april.tariff:1:41"}));

  const std::string zoned = std::string(january) + "calendar {\n  timezone Europe/Berlin\n}\n";
  const compile_result zones =
      compile(std::vector<tariff_source>{{zoned, "january.tariff"}, {april, "april.tariff"}});
  EXPECT_EQ(names_of(zones.diagnostics),
            std::vector<std::string>{"version-time-zone-differs april.tariff:1:41"});
}

TEST(Versions, AMigrateMustNameWhatEachSideHas) {
  std::string wrong(april);
  wrong.replace(wrong.find("basic ->"), 5, "basik");
  const compile_result compiled =
      compile(std::vector<tariff_source>{{january, "january.tariff"}, {wrong, "april.tariff"}});
  EXPECT_EQ(names_of(compiled.diagnostics),
            (std::vector<std::string>{"plan-dropped april.tariff:1:41",
                                      "migrate-unknown-name april.tariff:13:14"}));
  // The new side is checked in the file alone too.
  std::string to_nothing(april);
  to_nothing.replace(to_nothing.find("-> standard"), 11, "-> premium");
  EXPECT_EQ(names_of(check(to_nothing, "april.tariff")),
            std::vector<std::string>{"migrate-unknown-name april.tariff:13:23"});
}

TEST(Versions, AVersionFromMidPeriodIsWarnedAbout) {
  std::string mid(april);
  mid.replace(mid.find("2026-04-01"), 10, "2026-04-15");
  const compile_result compiled =
      compile(std::vector<tariff_source>{{january, "january.tariff"}, {mid, "april.tariff"}});
  EXPECT_TRUE(compiled.tariff);
  EXPECT_EQ(names_of(compiled.diagnostics),
            std::vector<std::string>{"version-mid-period april.tariff:1:41"});
}

}  // namespace
}  // namespace tariff
