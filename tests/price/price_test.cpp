// The pricing core against the figures of docs/language.md and docs/design.md.
#include <algorithm>

#include <gtest/gtest.h>
#include <tariff/pricing.hpp>

namespace tariff {
namespace {

compiled_tariff compile_ok(std::string_view source) {
  compile_result r = compile(source, "t.tariff");
  EXPECT_TRUE(r.tariff.has_value()) << format(r.diagnostics);
  if (!r.tariff) throw std::runtime_error("does not compile");
  return *r.tariff;
}

contract registered(std::string plan = "", std::string list = "retail") {
  contract c;
  c.id = "C-1";
  c.client = "K-1";
  c.plan = std::move(plan);
  c.pricelist = std::move(list);
  c.start = *parse_date("2020-01-01");
  c.end = *parse_date("2030-12-31");
  return c;
}

work_line timed(std::string id, std::string item, std::string_view start, std::string_view end) {
  work_line w;
  w.id = std::move(id);
  w.contract = "C-1";
  w.item = std::move(item);
  w.start = *parse_instant(start);
  w.end = *parse_instant(end);
  return w;
}

work_line counted(std::string id, std::string item, std::string_view start, std::string_view q) {
  work_line w;
  w.id = std::move(id);
  w.contract = "C-1";
  w.item = std::move(item);
  w.start = *parse_instant(start);
  w.quantity = decimal(q);
  return w;
}

priced_line price_one(const compiled_tariff& t, const contract& c, const work_line& w,
                      price_options o = {}) {
  const std::vector<priced_line> out = price(t, c, std::span(&w, 1), o);
  return out.at(0);
}

// Decimal equality that also compares the scale, so 12500.00 is not 12500.
#define EXPECT_DEC(actual, text) EXPECT_EQ((actual).to_string(), text)

constexpr std::string_view night_tariff = R"(tariff "Night work" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
  window night 22:00 .. 06:00
}
pricelist retail {
  item hvac_repair   "HVAC repair" per hour price 2500.00 cost 1400.00 bill started 1h
  item hvac_segments "HVAC repair" per hour price 2500.00 bill started 1h per segment
  item hvac_exact    "HVAC repair" per hour price 2500.00 cost 1400.00
}
rule night when in night : price * 2
)";

TEST(Price, DayAndNightPartsOfOneJob) {
  // docs/design.md, scenario 4: 20:00 to 23:30 is 2 h at the day rate and 1.5 h at the night rate.
  const compiled_tariff t = compile_ok(night_tariff);
  const priced_line l = price_one(
      t, registered(),
      timed("J1", "hvac_exact", "2026-03-02T20:00:00+03:00", "2026-03-02T23:30:00+03:00"));
  ASSERT_TRUE(l.ok()) << l.message;
  ASSERT_EQ(l.parts.size(), 2U);
  EXPECT_EQ(l.parts[0].billed.to_string(), "2h");
  EXPECT_DEC(l.parts[0].unit_price, "2500.00");
  EXPECT_EQ(l.parts[1].billed.to_string(), "1h30min");
  EXPECT_DEC(l.parts[1].unit_price, "5000.00");
  EXPECT_EQ(t.label_names(l.parts[1].labels), std::vector<std::string>{"night"});
  EXPECT_DEC(l.amount, "12500.00");
  EXPECT_DEC(l.cost, "4900.00");
  EXPECT_DEC(l.margin, "7600.00");
  ASSERT_EQ(l.parts[1].trace.size(), 1U);
  EXPECT_EQ(l.parts[1].trace[0].name, "night");
  EXPECT_DEC(l.parts[1].trace[0].before, "2500.00");
  EXPECT_EQ(l.parts[1].trace[0].line, 12);
  EXPECT_TRUE(l.parts[0].trace.empty());
}

TEST(Price, RoundedUpTimeGoesToTheLastSegment) {
  // docs/design.md, decision 3: 20:10-23:30 per started hour = day 1 h 50 + night 2 h 10.
  const compiled_tariff t = compile_ok(night_tariff);
  const priced_line l = price_one(
      t, registered(),
      timed("J2", "hvac_repair", "2026-03-02T20:10:00+03:00", "2026-03-02T23:30:00+03:00"));
  ASSERT_TRUE(l.ok()) << l.message;
  ASSERT_EQ(l.parts.size(), 2U);
  EXPECT_EQ(l.parts[0].billed.to_string(), "1h50min");
  EXPECT_EQ(l.parts[1].billed.to_string(), "2h10min");
  EXPECT_EQ(l.parts[1].measured.to_string(), "1h30min");
  EXPECT_EQ(l.billed.to_string(), "4h");
  EXPECT_EQ(l.measured.to_string(), "3h20min");
  EXPECT_DEC(l.amount, "15416.67");
  // Cost is on the time worked: 1400.00 x 200/60 = 4666.666... -> 4666.67.
  EXPECT_DEC(l.cost, "4666.67");

  const priced_line s = price_one(
      t, registered(),
      timed("J3", "hvac_segments", "2026-03-02T20:10:00+03:00", "2026-03-02T23:30:00+03:00"));
  ASSERT_TRUE(s.ok()) << s.message;
  EXPECT_EQ(s.parts[0].billed.to_string(), "2h");
  EXPECT_EQ(s.parts[1].billed.to_string(), "2h");
  EXPECT_DEC(s.amount, "15000.00");
}

TEST(Price, OneProductDividedOnce) {
  // docs/design.md, "Time": 25 min at 2500.00 an hour = 2500 x 25 / 60 = 1041.666..., rounded once.
  const compiled_tariff t = compile_ok(night_tariff);
  const priced_line l = price_one(
      t, registered(),
      timed("J4", "hvac_exact", "2026-03-02T10:00:00+03:00", "2026-03-02T10:25:00+03:00"));
  ASSERT_TRUE(l.ok()) << l.message;
  EXPECT_DEC(l.amount, "1041.67");
  EXPECT_EQ(l.billed, (item_quantity{decimal(1500), 3600}));
}

TEST(Price, WithoutADeclaredRoundingAnAmountKeepsItsDigits) {
  const compiled_tariff t = compile_ok(R"(tariff "Exact" currency RUB
pricelist retail {
  item support "Support" per hour price 2500.00
}
)");
  const priced_line third = price_one(
      t, registered(), timed("J1", "support", "2026-03-02T10:00:00Z", "2026-03-02T10:25:00Z"));
  EXPECT_DEC(third.amount, "1041.66666666666666666667");
  const priced_line half = price_one(
      t, registered(), timed("J2", "support", "2026-03-02T10:00:00Z", "2026-03-02T10:45:00Z"));
  EXPECT_DEC(half.amount, "1875.00");
}

constexpr std::string_view overview_tariff = R"(tariff "Facilities 2026" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
  window night 22:00 .. 06:00
  days weekend sat, sun
}
attribute site.region : string default "moscow"
table region_factor by site.region { "moscow": 1.00, "tula": 1.25, else: 1.10 }
table loyalty by contract.year { 1: 0%, 2: 5%, 3..4: 10%, 5..: 15% }
pricelist retail {
  item hvac_repair    "HVAC repair"    per hour  price 2500.00 cost 1400.00 bill started 1h minimum 1h
  item engineer_visit "Engineer visit" per visit price 1800.00 cost 900.00
}
group surcharges stack multiply {
  rule night   for hvac_repair, engineer_visit when in night   : 2
  rule weekend for hvac_repair, engineer_visit when on weekend : 1.5
}
rule region                     : price * region_factor
rule loyalty when work.billable : price - price * loyalty
)";

TEST(Price, TheOverviewTableOfTheLanguageReference) {
  // language.md, Overview: Saturday night, Tula, third contract year: 8437.50 per hour.
  const compiled_tariff t = compile_ok(overview_tariff);
  contract c = registered();
  c.client_since = *parse_date("2024-01-10");
  work_line w =
      timed("N1", "hvac_repair", "2026-03-07T23:00:00+03:00", "2026-03-08T00:00:00+03:00");
  w.site_attributes["region"] = "tula";
  const priced_line l = price_one(t, c, w);
  ASSERT_TRUE(l.ok()) << l.message;
  ASSERT_EQ(l.parts.size(), 1U);
  const std::vector<trace_step>& tr = l.parts[0].trace;
  ASSERT_EQ(tr.size(), 5U);
  EXPECT_EQ(tr[0].kind, trace_kind::group);
  EXPECT_EQ(tr[0].name, "surcharges");
  EXPECT_DEC(tr[0].factor, "3.0");
  EXPECT_DEC(tr[0].after, "7500.00");
  EXPECT_EQ(tr[1].kind, trace_kind::group_factor);
  EXPECT_EQ(tr[1].name, "night");
  EXPECT_EQ(tr[2].name, "weekend");
  EXPECT_EQ(tr[3].name, "region");
  EXPECT_DEC(tr[3].after, "9375.00");
  EXPECT_EQ(tr[4].name, "loyalty");
  EXPECT_DEC(tr[4].after, "8437.50");
  EXPECT_DEC(l.amount, "8437.50");
  EXPECT_EQ(t.label_names(l.parts[0].labels), (std::vector<std::string>{"night", "weekend"}));
}

TEST(Price, LoyaltyByContractYear) {
  // docs/design.md, scenario 9: 2nd year 5 %, 3rd 10 %, 5 years and more 15 %.
  const compiled_tariff t = compile_ok(overview_tariff);
  const std::pair<const char*, const char*> cases[] = {
      {"2026-01-10", "1800.00"}, {"2025-01-10", "1710.00"}, {"2024-01-10", "1620.00"},
      {"2023-01-10", "1620.00"}, {"2021-01-10", "1530.00"}, {"2015-01-10", "1530.00"}};
  for (const auto& [since, expected] : cases) {
    contract c = registered();
    c.client_since = *parse_date(since);
    const priced_line l =
        price_one(t, c, counted("V", "engineer_visit", "2026-03-02T12:00:00+03:00", "1"));
    ASSERT_TRUE(l.ok()) << l.message;
    EXPECT_DEC(l.amount, expected) << "client since " << since;
  }
}

TEST(Price, GroupsStackAsWritten) {
  // language.md, Groups: night x2 and weekend x1.5 on 1000.00: 3000, 2000, 2500.
  for (const auto& [stack, expected] :
       {std::pair{"multiply", "3000.00"}, {"largest", "2000.00"}, {"add", "2500.00"}}) {
    const compiled_tariff t = compile_ok(std::string(R"(tariff "S" currency RUB
rounding line 0.01 half_up
calendar {
  window night 22:00 .. 06:00
  days weekend sat, sun
}
pricelist retail {
  item labour "Labour" per hour price 1000.00
}
group surcharges stack )") + stack + R"( {
  rule night   when in night   : 2
  rule weekend when on weekend : 150%
}
)");
    const priced_line l = price_one(
        t, registered(), timed("W", "labour", "2026-03-07T22:00:00Z", "2026-03-07T23:00:00Z"));
    ASSERT_TRUE(l.ok()) << l.message;
    EXPECT_DEC(l.amount, expected) << stack;
  }
}

constexpr std::string_view limits_tariff = R"(tariff "Units" currency RUB
rounding line 0.01 half_up
pricelist retail {
  item waste_removal "Waste removal" per m3 price 950.00 cost 600.00 minimum charge 2850.00
  item pos_repair "POS repair" per hour price 2200.00 cost 1300.00 maximum charge 15000.00
  item support "Support" per hour price 3000.00 cost 1500.00 bill started 15min
  item hvac "HVAC" per hour price 2500.00 cost 1400.00 minimum 1h
  item cartridge "Cartridge" per piece price 3200.00 cost 2100.00 discount 10%
}
)";

TEST(Price, ChargeLimitsBoundTheLine) {
  const compiled_tariff t = compile_ok(limits_tariff);
  const priced_line one =
      price_one(t, registered(), counted("W1", "waste_removal", "2026-03-02T09:00Z", "1"));
  EXPECT_DEC(one.amount, "2850.00");
  ASSERT_EQ(one.line_trace.size(), 1U);
  EXPECT_EQ(one.line_trace[0].kind, trace_kind::minimum_charge);
  EXPECT_DEC(one.line_trace[0].before, "950.00");
  EXPECT_DEC(
      price_one(t, registered(), counted("W2", "waste_removal", "2026-03-02T09:00Z", "4")).amount,
      "3800.00");
  const priced_line repair = price_one(
      t, registered(), timed("P1", "pos_repair", "2026-03-02T08:00:00Z", "2026-03-02T16:00:00Z"));
  EXPECT_DEC(repair.amount, "15000.00");
  EXPECT_EQ(repair.line_trace.at(0).kind, trace_kind::maximum_charge);
  EXPECT_DEC(repair.cost, "10400.00");
}

TEST(Price, BillingStepMinimumAndDiscount) {
  const compiled_tariff t = compile_ok(limits_tariff);
  // docs/design.md, scenario 10: per started 15 minutes, 50 minutes bill as 1 h.
  const priced_line s = price_one(
      t, registered(), timed("S1", "support", "2026-03-02T09:00:00Z", "2026-03-02T09:50:00Z"));
  EXPECT_EQ(s.billed.to_string(), "1h");
  EXPECT_DEC(s.amount, "3000.00");
  EXPECT_DEC(s.cost, "1250.00");
  const priced_line h = price_one(
      t, registered(), timed("H1", "hvac", "2026-03-02T09:00:00Z", "2026-03-02T09:20:00Z"));
  EXPECT_EQ(h.billed.to_string(), "1h");
  EXPECT_DEC(h.amount, "2500.00");
  const priced_line c =
      price_one(t, registered(), counted("K1", "cartridge", "2026-03-02T09:00:00Z", "2"));
  EXPECT_DEC(c.parts.at(0).unit_price, "2880.00");
  EXPECT_DEC(c.amount, "5760.00");
  EXPECT_EQ(c.parts[0].trace.at(0).kind, trace_kind::discount);
}

TEST(Price, NonBillableWorkIsPricedAtCostOnly) {
  // docs/design.md, scenarios 10 and 11: recorded, not billed; the company bears the cost.
  const compiled_tariff t = compile_ok(limits_tariff);
  for (work_kind kind :
       {work_kind::internal, work_kind::warranty, work_kind::bug_fix, work_kind::company_cost}) {
    work_line w = timed("X", "hvac", "2026-03-02T09:00:00Z", "2026-03-02T09:20:00Z");
    w.kind = kind;
    const priced_line l = price_one(t, registered(), w);
    ASSERT_TRUE(l.ok()) << l.message;
    EXPECT_DEC(l.amount, "0.00");
    EXPECT_EQ(l.billed.to_string(), "0min");
    EXPECT_DEC(l.cost, "466.67");
    EXPECT_DEC(l.margin, "-466.67");
    EXPECT_EQ(l.parts.at(0).trace.at(0).kind, trace_kind::not_billable);
  }
}

TEST(Price, TracingOffGivesTheSameAmounts) {
  const compiled_tariff t = compile_ok(overview_tariff);
  work_line w =
      timed("N1", "hvac_repair", "2026-03-07T21:10:00+03:00", "2026-03-08T01:00:00+03:00");
  w.site_attributes["region"] = "tula";
  priced_line traced = price_one(t, registered(), w);
  const priced_line quiet = price_one(t, registered(), w, price_options{false});
  ASSERT_TRUE(traced.ok());
  EXPECT_FALSE(traced.parts.back().trace.empty());
  for (priced_part& p : traced.parts)
    p.trace.clear();
  EXPECT_EQ(traced, quiet);
}

constexpr std::string_view catalogue_tariff = R"(tariff "Catalogue" currency RUB
rounding line 0.01 half_up
attribute site.zone : number
table zone_fee by site.zone { 1: 0.00, 2..3: 500.00 }
pricelist retail effective 2026-01-01 {
  item hvac_repair "HVAC repair" per hour price 2500.00
  item visit "Visit" per visit price 1800.00
  item cleaning "Cleaning" per m2 price 120.00
}
pricelist retail effective 2026-07-01 {
  item hvac_repair "HVAC repair" per hour price 2700.00
  item visit "Visit" per visit price 1900.00
}
pricelist other {
  item gardening "Gardening" per hour price 900.00
}
rule zone for visit : price + zone_fee
plan pos {
  pricelist retail
  catalogue hvac_repair, visit
}
)";

TEST(Price, VersionInForceOnTheLinesDate) {
  const compiled_tariff t = compile_ok(catalogue_tariff);
  const contract c = registered("pos", "");
  EXPECT_DEC(
      price_one(t, c, timed("A", "hvac_repair", "2026-06-30T10:00:00Z", "2026-06-30T11:00:00Z"))
          .amount,
      "2500.00");
  EXPECT_DEC(
      price_one(t, c, timed("B", "hvac_repair", "2026-07-01T10:00:00Z", "2026-07-01T11:00:00Z"))
          .amount,
      "2700.00");
}

reject_reason reason_of(const priced_line& l) {
  EXPECT_FALSE(l.ok());
  return l.rejected.value_or(reject_reason::arithmetic_limit);
}

TEST(Price, BadLinesAreRejectedWithAReason) {
  const compiled_tariff t = compile_ok(catalogue_tariff);
  const contract c = registered("pos", "");
  auto visit = [](std::string zone) {
    work_line w = counted("V", "visit", "2026-03-02T10:00:00Z", "1");
    if (!zone.empty()) w.site_attributes["zone"] = zone;
    return w;
  };
  EXPECT_DEC(price_one(t, c, visit("2")).amount, "2300.00");
  EXPECT_EQ(reason_of(price_one(t, c, visit(""))), reject_reason::missing_attribute);
  EXPECT_EQ(price_one(t, c, visit("")).message,
            "line V: rule 'zone' (t.tariff:17:1): site.zone is not given for this site and the "
            "tariff declares no default");
  EXPECT_EQ(reason_of(price_one(t, c, visit("two"))), reject_reason::invalid_attribute);
  EXPECT_EQ(reason_of(price_one(t, c, visit("4"))), reject_reason::no_table_entry);
  EXPECT_EQ(reason_of(price_one(t, c, counted("G", "gardening", "2026-03-02T10:00Z", "1"))),
            reject_reason::item_not_in_catalogue);
  EXPECT_EQ(reason_of(price_one(t, c, counted("U", "plumbing", "2026-03-02T10:00Z", "1"))),
            reject_reason::unknown_item);
  // An empty item code names no item (the line pricer's cache of item names once matched it).
  EXPECT_EQ(reason_of(price_one(t, c, counted("U", "", "2026-03-02T10:00Z", "1"))),
            reject_reason::unknown_item);
  EXPECT_EQ(reason_of(price_one(t, registered("", "retail"),
                                counted("C", "cleaning", "2026-07-02T10:00Z", "1"))),
            reject_reason::item_not_in_price_list);
  EXPECT_EQ(reason_of(price_one(t, c, counted("E", "visit", "2025-12-31T10:00Z", "1"))),
            reject_reason::no_price_list_version);
  EXPECT_EQ(reason_of(price_one(t, c, counted("Q", "hvac_repair", "2026-03-02T10:00Z", "1"))),
            reject_reason::unexpected_quantity);
  work_line no_end = timed("T", "hvac_repair", "2026-03-02T10:00Z", "2026-03-02T11:00Z");
  no_end.end.reset();
  EXPECT_EQ(reason_of(price_one(t, c, no_end)), reject_reason::missing_end);
  EXPECT_EQ(reason_of(price_one(
                t, c, timed("R", "hvac_repair", "2026-03-02T10:00Z", "2026-03-02T09:00Z"))),
            reject_reason::end_before_start);
  work_line no_quantity = visit("1");
  no_quantity.quantity.reset();
  EXPECT_EQ(reason_of(price_one(t, c, no_quantity)), reject_reason::missing_quantity);
  EXPECT_EQ(reason_of(price_one(t, c, counted("N", "visit", "2026-03-02T10:00Z", "-1"))),
            reject_reason::invalid_quantity);
  work_line zone = visit("1");
  zone.time_zone = "Mars/Olympus";
  EXPECT_EQ(reason_of(price_one(t, c, zone)), reject_reason::unknown_time_zone);
  EXPECT_EQ(reason_of(price_one(t, registered("gold", ""), visit("1"))),
            reject_reason::unknown_plan);
  EXPECT_EQ(reason_of(price_one(t, registered("", "wholesale"), visit("1"))),
            reject_reason::unknown_price_list);
  EXPECT_EQ(reason_of(price_one(t, registered("", ""), visit("1"))), reject_reason::no_price_list);
}

constexpr std::string_view tiers_tariff = R"(tariff "Tiers" currency RUB
rounding line 0.01 half_up
pricelist retail {
  item support_hour "Software support" per hour price 3000.00 cost 1500.00
    tiers graduated { 0..10: 3000.00, 10..40: 2700.00, 40..: 2400.00 }
  item discounted "Support, key client" per hour price 3000.00 discount 10%
    tiers graduated { 0..10: 3000.00, 10..40: 2700.00, 40..: 2400.00 }
  item paper "Paper" per kg price 90.00 tiers volume { 1..10: 90.00, 11..: 75.00 }
  item ticket "Support ticket" per piece price 500.00 cost 200.00 tiers package 10 { 1..: 4500.00 }
  item travel "Travel" per km price 40.00 cost 25.00
    tiers percentage { 0..50: 100%, 50..200: 75%, 200..: 50% }
  item cleaning "Cleaning" per m2 price 120.00
    tiers graduated { 1: 150.00, 2..100: 120.00, 101..: 100.00 }
  item block "Block hours" per hour price 100.00 tiers package 10 { 1..: 900.00 }
  item licence "Licence" per piece price 200.00 cost 150.00 tiers package 5 { 1..4: 1500.00, 5..: 800.00 }
}
)";

TEST(Price, GraduatedTiersSplitALineAtTheirBounds) {
  const compiled_tariff t = compile_ok(tiers_tariff);
  // 12 h from a volume of 0: 10 h at 3000.00 and 2 h at 2700.00.
  const priced_line l = price_one(
      t, registered(), timed("S", "support_hour", "2026-03-02T06:00Z", "2026-03-02T18:00Z"));
  ASSERT_TRUE(l.ok()) << l.message;
  ASSERT_EQ(l.parts.size(), 2U);
  EXPECT_EQ(l.parts[0].billed.to_string(), "10h");
  EXPECT_DEC(l.parts[0].list_price, "3000.00");
  EXPECT_EQ(l.parts[1].billed.to_string(), "2h");
  EXPECT_DEC(l.parts[1].list_price, "2700.00");
  EXPECT_EQ(format_instant(l.parts[1].begin), "2026-03-02T16:00:00Z");
  EXPECT_EQ(l.parts[1].trace.at(0).kind, trace_kind::tier);
  EXPECT_DEC(l.amount, "35400.00");
  EXPECT_DEC(l.cost, "18000.00");
  // On the shared bound: exactly 10 h is all in the first tier.
  EXPECT_DEC(price_one(t, registered(),
                       timed("B", "support_hour", "2026-03-02T06:00Z", "2026-03-02T16:00Z"))
                 .amount,
             "30000.00");
  // The item's discount comes off the tier's price: 10 h x 2700.00 + 2 h x 2430.00.
  EXPECT_DEC(
      price_one(t, registered(), timed("D", "discounted", "2026-03-02T06:00Z", "2026-03-02T18:00Z"))
          .amount,
      "31860.00");
  // 1 m2 at 150.00, 99 at 120.00, 20 at 100.00.
  EXPECT_DEC(
      price_one(t, registered(), counted("C", "cleaning", "2026-03-02T06:00Z", "120")).amount,
      "14030.00");
}

TEST(Price, VolumePackageAndPercentageTiers) {
  const compiled_tariff t = compile_ok(tiers_tariff);
  EXPECT_DEC(price_one(t, registered(), counted("P", "paper", "2026-03-02T06:00Z", "10")).amount,
             "900.00");
  EXPECT_DEC(price_one(t, registered(), counted("P", "paper", "2026-03-02T06:00Z", "10.5")).amount,
             "787.50");
  const priced_line tickets =
      price_one(t, registered(), counted("T", "ticket", "2026-03-02T06:00Z", "25"));
  EXPECT_EQ(tickets.billed.to_string(), "3");  // packages
  EXPECT_EQ(tickets.measured.to_string(), "25");
  EXPECT_DEC(tickets.amount, "13500.00");
  EXPECT_DEC(tickets.cost, "5000.00");
  // 23 licences are 5 packages: 4 at 1500.00 (20 licences) and 1 at 800.00 (the last 3).
  const priced_line licences =
      price_one(t, registered(), counted("L", "licence", "2026-03-02T06:00Z", "23"));
  ASSERT_EQ(licences.parts.size(), 2U);
  EXPECT_EQ(licences.parts[0].billed.to_string(), "4");
  EXPECT_EQ(licences.parts[0].measured.to_string(), "20");
  EXPECT_DEC(licences.parts[0].cost, "3000.00");
  EXPECT_EQ(licences.parts[1].measured.to_string(), "3");
  EXPECT_DEC(licences.amount, "6800.00");
  EXPECT_DEC(price_one(t, registered(), counted("K", "travel", "2026-03-02T06:00Z", "120")).amount,
             "4100.00");
  EXPECT_DEC(price_one(t, registered(), counted("K", "travel", "2026-03-02T06:00Z", "250")).amount,
             "7500.00");
  EXPECT_EQ(reason_of(price_one(t, registered(),
                                timed("H", "block", "2026-03-02T06:00Z", "2026-03-02T07:00Z"))),
            reject_reason::not_supported);
}

TEST(Price, PricesKeepTheListScaleAndEveryNonZeroDigit) {
  const compiled_tariff t = compile_ok(R"(tariff "Digits" currency RUB
pricelist retail {
  item a "A" per piece price 1999.99
  item b "B" per hour price 2500.00
}
rule half for a : price * 1.5
rule long for b when quantity > 0.4 : price * 1.00 * 90%
)");
  const priced_line a = price_one(t, registered(), counted("A", "a", "2026-03-02T10:00Z", "1"));
  EXPECT_DEC(a.parts.at(0).unit_price, "2999.985");
  // 25 minutes is exactly 25/60 h, so `quantity > 0.4` holds (it would not at 0.4 rounded).
  const priced_line b =
      price_one(t, registered(), timed("B", "b", "2026-03-02T10:00Z", "2026-03-02T10:25Z"));
  EXPECT_DEC(b.parts.at(0).unit_price, "2250.00");
  EXPECT_DEC(b.amount, "937.50");
}

TEST(Price, AnExtendedListFollowsItsBasesVersions) {
  const compiled_tariff t = compile_ok(R"(tariff "History" currency RUB
pricelist retail effective 2026-01-01 {
  item hvac "HVAC" per hour price 2500.00
  item visit "Visit" per visit price 1800.00
}
pricelist retail effective 2026-07-01 {
  item hvac "HVAC" per hour price 2700.00
  item visit "Visit" per visit price 1900.00
}
pricelist wholesale extends retail {
  hvac price 2200.00
}
)");
  const contract c = registered("", "wholesale");
  EXPECT_DEC(price_one(t, c, counted("1", "visit", "2026-06-30T10:00Z", "1")).amount, "1800.00");
  EXPECT_DEC(price_one(t, c, counted("2", "visit", "2026-07-01T10:00Z", "1")).amount, "1900.00");
  EXPECT_DEC(price_one(t, c, timed("3", "hvac", "2026-07-01T10:00Z", "2026-07-01T11:00Z")).amount,
             "2200.00");
  EXPECT_EQ(reason_of(price_one(t, c, counted("4", "visit", "2025-12-31T10:00Z", "1"))),
            reject_reason::no_price_list_version);
}

TEST(Price, ContractValidity) {
  // docs/design.md, scenario 2: work after the end is rejected; only a registered contract bills.
  const compiled_tariff t = compile_ok(catalogue_tariff);
  contract c = registered("pos", "");
  c.start = *parse_date("2026-01-01");
  c.end = *parse_date("2026-06-30");
  // A job starting late on 30 June (Moscow) belongs to 30 June, though it ends on 1 July.
  work_line late =
      timed("L", "hvac_repair", "2026-06-30T23:30:00+03:00", "2026-07-01T00:30:00+03:00");
  late.time_zone = "Europe/Moscow";
  const priced_line l = price_one(t, c, late);
  ASSERT_TRUE(l.ok()) << l.message;
  EXPECT_EQ(format_date(l.date.value()), "2026-06-30");
  EXPECT_EQ(reason_of(price_one(t, c, counted("A", "visit", "2026-07-01T10:00:00+03:00", "1"))),
            reject_reason::contract_ended);
  EXPECT_EQ(price_one(t, c, counted("A", "visit", "2026-07-01T10:00:00+03:00", "1")).message,
            "line A: contract 'C-1' ended on 2026-06-30; work on 2026-07-01 is after it");
  EXPECT_EQ(reason_of(price_one(t, c, counted("B", "visit", "2025-12-31T10:00:00Z", "1"))),
            reject_reason::contract_not_started);
  c.status = contract_status::draft;
  EXPECT_EQ(reason_of(price_one(t, c, counted("D", "visit", "2026-03-02T10:00:00Z", "1"))),
            reject_reason::contract_not_registered);
}

TEST(Price, ManyContractsEachLineWithItsOwn) {
  const compiled_tariff t = compile_ok(catalogue_tariff);
  std::vector<contract> contracts{registered("pos", ""), registered("", "other")};
  contracts[1].id = "C-2";
  std::vector<work_line> lines{counted("1", "visit", "2026-03-02T10:00Z", "1"),
                               timed("2", "gardening", "2026-03-02T10:00Z", "2026-03-02T12:00Z"),
                               counted("3", "visit", "2026-03-02T10:00Z", "1")};
  lines[0].site_attributes["zone"] = "1";
  lines[1].contract = "C-2";
  lines[2].contract = "C-9";
  const std::vector<priced_line> out = price(t, contracts, lines);
  ASSERT_EQ(out.size(), 3U);
  EXPECT_DEC(out[0].amount, "1800.00");
  EXPECT_DEC(out[1].amount, "1800.00");
  EXPECT_EQ(reason_of(out[2]), reject_reason::unknown_contract);
}

// price_into reuses the results a vector holds; each batch must still equal price()'s, whatever
// the elements held before (more or fewer parts, a rejection, traces, tiers that split parts).
TEST(Price, PriceIntoEqualsPriceWhateverTheVectorHeld) {
  const compiled_tariff t = compile_ok(overview_tariff);
  contract c = registered();
  c.client_since = *parse_date("2024-01-10");
  std::vector<work_line> lines{
      timed("a-line-id-longer-than-fifteen", "hvac_repair", "2026-03-06T20:00:00+03:00",
            "2026-03-08T07:00:00+03:00"),  // many segments: night, day, weekend
      counted("V1", "engineer_visit", "2026-03-07T23:00:00+03:00", "2"),
      timed("S", "hvac_repair", "2026-03-02T10:00:00+03:00", "2026-03-02T10:20:00+03:00"),
      counted("U", "plumbing", "2026-03-02T10:00:00+03:00", "1"),  // rejected: unknown item
      timed("R", "hvac_repair", "2026-03-02T10:00:00Z", "2026-03-02T09:00:00Z"),  // rejected
      timed("W", "hvac_repair", "2026-03-02T21:00:00+03:00", "2026-03-03T01:00:00+03:00")};
  lines[0].request = "a-request-id-longer-than-fifteen";
  lines[2].site_attributes["region"] = "tula";
  lines[5].kind = work_kind::warranty;
  auto reversed = lines;
  std::reverse(reversed.begin(), reversed.end());
  const std::span<const work_line> all(lines);
  std::vector<priced_line> out;
  for (const bool trace : {true, false, true})
    for (const std::span<const work_line> batch :
         {all, std::span<const work_line>(reversed), all.subspan(1, 3), all.subspan(0, 1), all,
          all.subspan(2), std::span<const work_line>()}) {
      price_into(t, c, batch, out, price_options{trace});
      EXPECT_EQ(out, price(t, c, batch, price_options{trace})) << "trace " << trace;
    }

  // Lines a host's vector held from elsewhere (a statement's: tax, allowances, covered values,
  // charge-limit steps) are priced again as new ones.
  price_into(t, c, all, out, price_options{true});
  for (priced_line& l : out) {
    l.tax = decimal("12.34");
    l.message = "left over";
    l.line_trace.push_back(
        {trace_kind::minimum_charge, "x", decimal(1), decimal(2), decimal(), 1, 1});
    for (priced_part& p : l.parts) {
      p.allowance = "visits";
      p.covered = decimal("99.99");
      p.amount = decimal("-1");
    }
  }
  price_into(t, c, all, out, price_options{false});
  EXPECT_EQ(out, price(t, c, all, price_options{false}));

  // Tiers split parts in place; the many-contract overload as its price().
  const compiled_tariff tiers = compile_ok(tiers_tariff);
  std::vector<contract> contracts{registered(), registered()};
  contracts[1].id = "C-2";
  std::vector<work_line> tiered{
      timed("T1", "support_hour", "2026-03-02T06:00Z", "2026-03-02T18:00Z"),
      counted("T2", "licence", "2026-03-02T06:00Z", "23"),
      counted("T3", "cleaning", "2026-03-02T06:00Z", "120"),
      counted("T4", "paper", "2026-03-02T06:00Z", "10.5")};
  tiered[1].contract = "C-2";
  tiered[3].contract = "C-9";  // rejected: unknown contract
  for (const bool trace : {true, false}) {
    price_into(tiers, contracts, tiered, out, price_options{trace});
    EXPECT_EQ(out, price(tiers, contracts, tiered, price_options{trace}));
    std::reverse(tiered.begin(), tiered.end());
    price_into(tiers, contracts, tiered, out, price_options{trace});
    EXPECT_EQ(out, price(tiers, contracts, tiered, price_options{trace}));
  }
}

TEST(Price, PriceIntoKeepsTheMemoryOfTheResults) {
  const compiled_tariff t = compile_ok(overview_tariff);
  std::vector<work_line> lines{timed("a-line-id-longer-than-fifteen", "hvac_repair",
                                     "2026-03-06T20:00:00+03:00", "2026-03-08T07:00:00+03:00"),
                               counted("V1", "engineer_visit", "2026-03-07T23:00:00+03:00", "2")};
  std::vector<priced_line> out;
  price_into(t, registered(), lines, out, price_options{true});
  ASSERT_EQ(out.size(), 2U);
  ASSERT_GT(out[0].parts.size(), 3U);
  const priced_line* results = out.data();
  const char* id = out[0].id.data();
  const priced_part* parts = out[0].parts.data();
  const trace_step* steps = out[0].parts[0].trace.data();
  ASSERT_NE(steps, nullptr);
  price_into(t, registered(), lines, out, price_options{true});
  EXPECT_EQ(out.data(), results);
  EXPECT_EQ(out[0].id.data(), id);
  EXPECT_EQ(out[0].parts.data(), parts);
  EXPECT_EQ(out[0].parts[0].trace.data(), steps);
  EXPECT_EQ(out, price(t, registered(), lines, price_options{true}));
}

}  // namespace
}  // namespace tariff

namespace tariff {
namespace {

TEST(Compile, SourceHashIsSha256OfTheText) {
  // Expected digests from Python's hashlib: one block, two blocks, and 55 bytes (the longest
  // text whose length still fits in its own last block).
  const std::string one = "tariff \"T\" currency RUB\n";
  const std::string two = one + "# " + std::string(120, 'x') + "\n";
  const std::string edge = one + "#" + std::string(29, 'y') + "\n";
  ASSERT_EQ(edge.size(), 55U);
  EXPECT_EQ(compile(one).tariff->source_hash(),
            "3acea49bb17a18f7fbfbfdd840ab772da3704ee42a4c33fe4d840fb71cbb9845");
  EXPECT_EQ(compile(two).tariff->source_hash(),
            "6f8911ca7fc18292bc671a33065d78769a43251126e6713985d99b867c775de8");
  EXPECT_EQ(compile(edge).tariff->source_hash(),
            "523f8e9a60608dc49ff7d946ce70d76de246c6bf5002304084ccc28902abc34e");
}

TEST(Compile, ErrorsGiveNoTariffAndEveryDiagnostic) {
  const compile_result r = compile("tariff \"T\" currency RUB\nrule a : pirce * 2\n", "bad.tariff");
  EXPECT_FALSE(r.tariff.has_value());
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.diagnostics[0].message, "unknown name 'pirce'; did you mean 'price'?");
  EXPECT_EQ(r.diagnostics[0].line, 2);
}

}  // namespace
}  // namespace tariff
