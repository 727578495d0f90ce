// Writers: their exact output, and read(write(x)) == x for hand-picked and seeded random rows.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/io.hpp>

#include "messages.hpp"

namespace {

using namespace tariff;

work_line counted_line() {
  work_line l;
  l.id = "L-2";
  l.contract = "C-1";
  l.item = "cartridge";
  l.start = parse_instant("2026-03-02T09:00:00+03:00").value();
  l.quantity = decimal("1.50");
  l.site_attributes = {{"region", "tula"}};
  return l;
}

work_line timed_line() {
  work_line l;
  l.id = "L-1";
  l.request = "R-9";
  l.contract = "C-1";
  l.item = "hvac_repair";
  l.start = parse_instant("2026-03-02T09:00:00+03:00").value();
  l.end = parse_instant("2026-03-02T11:30:00+03:00").value();
  l.kind = work_kind::warranty;
  l.performer = "Smith, \"J\"";
  l.accepted = true;
  l.accepted_on = parse_date("2026-03-03");
  l.site = "S-4";
  l.time_zone = "Europe/Moscow";
  l.attributes = {{"urgent", "true"}};
  return l;
}

TEST(WorkWrite, CsvExactly) {
  const std::vector<work_line> lines{timed_line(), counted_line()};
  EXPECT_EQ(write_work_csv(lines),
            "id,request,contract,item,start,end,quantity,kind,performer,accepted,accepted_on,site,"
            "time_zone,site.region,work.urgent\n"
            "L-1,R-9,C-1,hvac_repair,2026-03-02T06:00:00Z,2026-03-02T08:30:00Z,,warranty,"
            "\"Smith, \"\"J\"\"\",true,2026-03-03,S-4,Europe/Moscow,,true\n"
            "L-2,,C-1,cartridge,2026-03-02T06:00:00Z,,1.50,billable,,false,,,,tula,\n");
}

TEST(WorkWrite, JsonExactly) {
  const std::vector<work_line> lines{counted_line()};
  EXPECT_EQ(write_work_json(lines),
            "[\n"
            "  {\n"
            "    \"id\": \"L-2\",\n"
            "    \"contract\": \"C-1\",\n"
            "    \"item\": \"cartridge\",\n"
            "    \"start\": \"2026-03-02T06:00:00Z\",\n"
            "    \"quantity\": \"1.50\",\n"
            "    \"kind\": \"billable\",\n"
            "    \"accepted\": false,\n"
            "    \"site_attributes\": {\n"
            "      \"region\": \"tula\"\n"
            "    }\n"
            "  }\n"
            "]\n");
  EXPECT_EQ(write_work_json({}), "[]\n");
}

TEST(ContractWrite, CsvAndJsonExactly) {
  contract c;
  c.id = "C-1";
  c.client = "K-7";
  c.plan = "standard";
  c.start = parse_date("2026-01-01").value();
  c.end = parse_date("2026-12-31").value();
  c.client_attributes = {{"segment", "b2b"}};
  const std::vector<contract> cs{c};
  EXPECT_EQ(write_contracts_csv(cs),
            "id,client,plan,pricelist,status,start,end,client_since,amendments,prepaid,"
            "client.segment\n"
            "C-1,K-7,standard,,registered,2026-01-01,2026-12-31,,,,b2b\n");
  EXPECT_EQ(write_contracts_json(cs),
            "[\n"
            "  {\n"
            "    \"id\": \"C-1\",\n"
            "    \"client\": \"K-7\",\n"
            "    \"plan\": \"standard\",\n"
            "    \"status\": \"registered\",\n"
            "    \"start\": \"2026-01-01\",\n"
            "    \"end\": \"2026-12-31\",\n"
            "    \"client_attributes\": {\n"
            "      \"segment\": \"b2b\"\n"
            "    }\n"
            "  }\n"
            "]\n");
}

TEST(ContractWrite, AmendmentsRoundTripInBothFormats) {
  contract c;
  c.id = "C-1";
  c.client = "K-7";
  c.start = parse_date("2026-01-01").value();
  c.end = parse_date("2026-12-31").value();
  c.amendments.push_back({parse_date("2026-03-16").value(),
                          {{"workstations", "50"}, {"note", "a; b, c=d \\ e"}},
                          {{"segment", "b2b"}},
                          {}});
  c.amendments.push_back({parse_date("2026-06-01").value(), {{"workstations", "60"}}, {}, {}});
  const std::vector<contract> cs{c};
  const std::string csv = write_contracts_csv(cs);
  EXPECT_NE(csv.find("\"2026-03-16: contract.note=a\\; b\\, c\\=d \\\\ e, "
                     "contract.workstations=50, client.segment=b2b; 2026-06-01: "
                     "contract.workstations=60\""),
            std::string::npos)
      << csv;
  const auto from_csv = read_contracts_csv(csv);
  ASSERT_TRUE(from_csv.errors.empty());
  EXPECT_EQ(from_csv.rows, cs);
  const auto from_json = read_contracts_json(write_contracts_json(cs));
  ASSERT_TRUE(from_json.errors.empty());
  EXPECT_EQ(from_json.rows, cs);
}

// docs/design.md, decision 13: an amendment may change the plan from its date.
TEST(ContractWrite, APlanChangeRoundTripsInBothFormats) {
  contract c;
  c.id = "C-1";
  c.client = "K-7";
  c.plan = "basic";
  c.start = parse_date("2026-01-01").value();
  c.end = parse_date("2026-12-31").value();
  c.amendments.push_back(
      {parse_date("2026-03-11").value(), {{"workstations", "50"}}, {}, "premium"});
  c.amendments.push_back({parse_date("2026-06-01").value(), {}, {}, "basic"});
  const std::vector<contract> cs{c};
  const std::string csv = write_contracts_csv(cs);
  EXPECT_NE(csv.find("\"2026-03-11: plan=premium, contract.workstations=50; 2026-06-01: "
                     "plan=basic\""),
            std::string::npos)
      << csv;
  const auto from_csv = read_contracts_csv(csv);
  ASSERT_TRUE(from_csv.errors.empty());
  EXPECT_EQ(from_csv.rows, cs);
  const auto from_json = read_contracts_json(write_contracts_json(cs));
  ASSERT_TRUE(from_json.errors.empty());
  EXPECT_EQ(from_json.rows, cs);
}

TEST(ContractRead, APlanChangeNamesOnePlan) {
  const auto r = read_contracts_csv(
      "id,client,start,end,amendments\n"
      "C-1,K,2026-01-01,2026-12-31,2026-03-11: plan=\n"
      "C-2,K,2026-01-01,2026-12-31,\"2026-03-11: plan=premium, plan=basic\"\n"
      "C-3,K,2026-01-01,2026-12-31,2026-03-11: plan=premium\n");
  ASSERT_EQ(r.errors.size(), 2U);
  EXPECT_EQ(format(r.errors[0]),
            "row 2 (id C-1), column 'amendments': 'plan=' in the amendment of 2026-03-11 names no "
            "plan: write plan=NAME");
  EXPECT_EQ(format(r.errors[1]),
            "row 3 (id C-2), column 'amendments': 'plan=basic' in the amendment of 2026-03-11 "
            "changes the plan a second time: one plan=NAME per date");
  ASSERT_EQ(r.rows.size(), 1U);
  EXPECT_EQ(r.rows[0].amendments.at(0).plan, "premium");
}

TEST(ContractWrite, PrepaidFeesRoundTripInBothFormats) {
  contract c;
  c.id = "C-1";
  c.client = "K-7";
  c.start = parse_date("2026-01-01").value();
  c.end = parse_date("2026-12-31").value();
  c.prepaid_fees = {
      {"support", {parse_date("2026-01-01").value(), parse_date("2026-07-01").value()}, {}},
      {"licences",
       {parse_date("2026-01-01").value(), parse_date("2027-01-01").value()},
       decimal("40")}};
  const std::vector<contract> cs{c};
  const std::string csv = write_contracts_csv(cs);
  EXPECT_NE(csv.find(",support 2026-01-01..2026-06-30; licences 2026-01-01..2026-12-31 units 40\n"),
            std::string::npos)
      << csv;
  const auto from_csv = read_contracts_csv(csv);
  ASSERT_TRUE(from_csv.errors.empty());
  EXPECT_EQ(from_csv.rows, cs);
  const auto from_json = read_contracts_json(write_contracts_json(cs));
  ASSERT_TRUE(from_json.errors.empty());
  EXPECT_EQ(from_json.rows, cs);
}

TEST(ContractRead, PrepaidFeesThatDoNotRead) {
  const auto r = read_contracts_csv(
      "id,client,start,end,prepaid\n"
      "C-1,K,2026-01-01,2026-12-31,support 2026-01-01\n"
      "C-2,K,2026-01-01,2026-12-31,support 2026-06-30..2026-01-01\n"
      "C-3,K,2026-01-01,2026-12-31,support 2026-01-01..2026-06-30 seats 4\n"
      "C-4,K,2026-01-01,2026-12-31,support 2026-01-01..2026-06-31\n");
  ASSERT_EQ(r.errors.size(), 4U);
  EXPECT_EQ(format(r.errors[0]),
            "row 2 (id C-1), column 'prepaid': '2026-01-01' is not a span of days first..last "
            "(expected: support 2026-01-01..2026-06-30 [units 40])");
  EXPECT_EQ(format(r.errors[1]),
            "row 3 (id C-2), column 'prepaid': the span 2026-06-30..2026-01-01 of fee 'support' "
            "ends before it starts");
  EXPECT_EQ(format(r.errors[2]),
            "row 4 (id C-3), column 'prepaid': 'seats' where 'units' was expected (expected: "
            "support 2026-01-01..2026-06-30 [units 40])");
  EXPECT_EQ(format(r.errors[3]),
            "row 5 (id C-4), column 'prepaid': '2026-06-31' is not a date: 2026-06-31 is not a "
            "day, June has 30 days");
}

TEST(Payments, ReadFromCsvAndJsonAndBack) {
  const auto csv = read_payments_csv(
      "id,contract,date,amount\n"
      "P-1,C-1,2026-03-10,50000.00\n"
      "P-2,C-1,2026-03-32,10.00\n"
      "P-3,C-1,2026-03-12,-5.00\n");
  ASSERT_EQ(csv.rows.size(), 1U);
  EXPECT_EQ(csv.rows[0], (payment{"P-1",
                                  "C-1",
                                  parse_date("2026-03-10").value(),
                                  decimal("50000.00"),
                                  payment_kind::payment,
                                  {}}));
  ASSERT_EQ(csv.errors.size(), 2U);
  EXPECT_EQ(format(csv.errors[0]),
            "row 3 (id P-2), column 'date': '2026-03-32' is not a date: 2026-03-32 is not a day, "
            "March has 31 days");
  EXPECT_EQ(format(csv.errors[1]),
            "row 4 (id P-3), column 'amount': a payment must be above 0, not -5.00");
  const auto json = read_payments_json(
      R"([{"id": "P-1", "contract": "C-1", "date": "2026-03-10", "amount": 50000.00}])");
  ASSERT_TRUE(json.errors.empty());
  EXPECT_EQ(json.rows, csv.rows);
  EXPECT_EQ(json.rows[0].amount.to_string(), "50000.00");  // the number's text, exactly
  EXPECT_EQ(read_payments_csv(write_payments_csv(csv.rows)).rows, csv.rows);
  EXPECT_EQ(read_payments_json(write_payments_json(csv.rows)).rows, csv.rows);
}

TEST(ContractRead, AmendmentsThatDoNotRead) {
  const auto r = read_contracts_csv(
      "id,client,start,end,amendments\n"
      "C-1,K,2026-01-01,2026-12-31,2026-13-01: contract.x=1\n"
      "C-2,K,2026-01-01,2026-12-31,2026-03-01: seats=1\n");
  ASSERT_EQ(r.errors.size(), 2U);
  EXPECT_EQ(format(r.errors[0]),
            "row 2 (id C-1), column 'amendments': '2026-13-01: contract.x=1' is not an amendment: "
            "2026-13-01 is not a day, there is no month 13");
  EXPECT_EQ(format(r.errors[1]),
            "row 3 (id C-2), column 'amendments': 'seats=1' in the amendment of 2026-03-01 is not "
            "plan=NAME, contract.NAME=VALUE or client.NAME=VALUE");
}

// Equality on decimals is numeric; a round trip must also keep the scale.
void expect_same_scales(const std::vector<work_line>& a, const std::vector<work_line>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].quantity.has_value(), b[i].quantity.has_value());
    if (a[i].quantity) {
      EXPECT_TRUE(identical(*a[i].quantity, *b[i].quantity));
    }
  }
}

void expect_work_round_trip(const std::vector<work_line>& lines) {
  const auto csv = read_work_csv(write_work_csv(lines));
  EXPECT_TRUE(csv.errors.empty()) << (csv.errors.empty() ? "" : format(csv.errors[0]));
  EXPECT_EQ(csv.rows, lines);
  expect_same_scales(csv.rows, lines);
  const auto json = read_work_json(write_work_json(lines));
  EXPECT_TRUE(json.errors.empty()) << (json.errors.empty() ? "" : format(json.errors[0]));
  EXPECT_EQ(json.rows, lines);
  expect_same_scales(json.rows, lines);
}

void expect_contract_round_trip(const std::vector<contract>& cs) {
  const auto csv = read_contracts_csv(write_contracts_csv(cs));
  EXPECT_TRUE(csv.errors.empty()) << (csv.errors.empty() ? "" : format(csv.errors[0]));
  EXPECT_EQ(csv.rows, cs);
  const auto json = read_contracts_json(write_contracts_json(cs));
  EXPECT_TRUE(json.errors.empty()) << (json.errors.empty() ? "" : format(json.errors[0]));
  EXPECT_EQ(json.rows, cs);
}

TEST(RoundTrip, HandPickedWorkLines) {
  work_line odd = counted_line();
  odd.id = "L-3, \"odd\"\tid";  // an id takes a tab, not a line break (text_rules.hpp)
  odd.quantity = decimal("123456789012345678901234567890.000000001");
  odd.performer = "Пётр\r\nИванов\ttab\\slash";
  odd.attributes = {{"note", "line one\nline two"}, {"weight", "0.1"}};
  expect_work_round_trip({timed_line(), counted_line(), odd});
  expect_work_round_trip({});
}

// Random text from an alphabet with everything CSV and JSON must escape that the readers take
// (docs/formats.md, "Text"): codes (ids, items) take a tab but no line break; free text (names,
// attribute values) takes line breaks too.
std::string random_text(std::mt19937& rng, std::size_t max_length, bool prose = false) {
  static const std::vector<std::string> pieces{"a", "Z", "7", ",", "\"", " ",    "\\", "\t",
                                               "ё", "€", "{", "'", "\n", "\r\n", "\r"};
  std::uniform_int_distribution<std::size_t> length(1, max_length);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - (prose ? 1 : 4));
  std::string out;
  for (std::size_t n = length(rng); n > 0; --n)
    out += pieces[piece(rng)];
  return out;
}

std::string random_prose(std::mt19937& rng, std::size_t max_length) {
  return random_text(rng, max_length, true);
}

std::string maybe_text(std::mt19937& rng, bool prose = false) {
  return rng() % 3 == 0 ? std::string() : random_text(rng, 8, prose);
}

attribute_map random_attributes(std::mt19937& rng) {
  static const std::vector<std::string> names{"region", "floor", "urgent", "a.b", "x_1"};
  attribute_map out;
  for (const auto& name : names) {
    if (rng() % 3 == 0) out[name] = random_prose(rng, 6);
  }
  return out;
}

TEST(RoundTrip, SeededRandomWorkLines) {
  static const std::vector<std::string> zones{"", "UTC", "Europe/Moscow", "America/New_York"};
  std::mt19937 rng(20260302);
  std::vector<work_line> lines;
  for (int i = 0; i < 300; ++i) {
    work_line l;
    l.id = "L-" + std::to_string(i) + random_text(rng, 3);
    l.request = maybe_text(rng);
    l.contract = random_text(rng, 5);
    l.item = random_text(rng, 5);
    l.start = instant{std::chrono::seconds{1'600'000'000 + static_cast<long>(rng() % 400'000'000)}};
    if (rng() % 2 == 0) {
      l.end = l.start + std::chrono::seconds{rng() % 100'000};
    } else {
      const auto units = static_cast<std::int64_t>(rng() % 1'000'000'000) + 1;
      l.quantity = decimal::from_units(units, static_cast<int>(rng() % 6));
    }
    l.kind = static_cast<work_kind>(rng() % 5);
    l.performer = maybe_text(rng, true);
    l.accepted = rng() % 2 == 0;
    if (rng() % 2 == 0)
      l.accepted_on = local_date{date::days{19'000 + static_cast<int>(rng() % 2000)}};
    l.site = maybe_text(rng, true);
    l.time_zone = zones[rng() % zones.size()];
    l.site_attributes = random_attributes(rng);
    l.attributes = random_attributes(rng);
    lines.push_back(std::move(l));
  }
  expect_work_round_trip(lines);
}

TEST(RoundTrip, SeededRandomContracts) {
  std::mt19937 rng(7);
  std::vector<contract> cs;
  for (int i = 0; i < 200; ++i) {
    contract c;
    c.id = "C-" + std::to_string(i) + random_text(rng, 3);
    c.client = random_prose(rng, 5);
    c.plan = maybe_text(rng);
    c.pricelist = maybe_text(rng);
    c.status = static_cast<contract_status>(rng() % 3);
    c.start = local_date{date::days{19'000 + static_cast<int>(rng() % 2000)}};
    c.end = c.start + date::days{static_cast<int>(rng() % 800)};
    if (rng() % 2 == 0) c.client_since = c.start - date::days{static_cast<int>(rng() % 3000)};
    c.attributes = random_attributes(rng);
    c.client_attributes = random_attributes(rng);
    cs.push_back(std::move(c));
  }
  expect_contract_round_trip(cs);
}

// Refunds and chargebacks (docs/design.md, decision 11): `kind` and `reverses`, written only when a
// payment is not a plain one, so files of plain payments read and write as before.
TEST(Payments, RefundsAndChargebacks) {
  const auto csv = read_payments_csv(
      "id,contract,date,amount,kind,reverses\n"
      "P-1,C-1,2026-03-10,50000.00,,\n"
      "P-2,C-1,2026-03-11,10.00,payment,\n"
      "R-1,C-1,2026-03-20,5000.00,refund,P-1\n"
      "B-1,C-1,2026-03-21,10.00,chargeback,P-2\n"
      "R-2,C-1,2026-03-20,5000.00,refund,\n"
      "R-3,C-1,2026-03-20,5000.00,chargeback,\n"
      "P-3,C-1,2026-03-20,5000.00,,P-1\n"
      "P-4,C-1,2026-03-20,5000.00,payment,P-1\n"
      "R-4,C-1,2026-03-20,5000.00,gift,P-1\n"
      "R-5,C-1,2026-03-20,5000.00,Refund,P-1\n"
      "R-6,C-1,2026-03-20,0,refund,P-1\n"
      "R-7,C-1,2026-03-20,5.00,refund,R-7\n");
  EXPECT_EQ(testing_io::messages(csv),
            (std::vector<std::string>{
                "row 6 (id R-2), column 'reverses': a refund must name the payment it reverses",
                "row 7 (id R-3), column 'reverses': a chargeback must name the payment it "
                "reverses",
                "row 8 (id P-3), column 'reverses': a payment reverses nothing; only a refund or "
                "chargeback does",
                "row 9 (id P-4), column 'reverses': a payment reverses nothing; only a refund or "
                "chargeback does",
                "row 10 (id R-4), column 'kind': 'gift' is not a payment kind (payment, refund, "
                "chargeback)",
                "row 11 (id R-5), column 'kind': 'Refund' is not a payment kind (payment, refund, "
                "chargeback)",
                "row 12 (id R-6), column 'amount': a refund must be above 0, not 0",
                "row 13 (id R-7), column 'reverses': a refund cannot reverse itself",
            }));
  ASSERT_EQ(csv.rows.size(), 4U);
  EXPECT_EQ(csv.rows[2], (payment{"R-1", "C-1", parse_date("2026-03-20").value(),
                                  decimal("5000.00"), payment_kind::refund, "P-1"}));
  EXPECT_EQ(csv.rows[3].kind, payment_kind::chargeback);
  EXPECT_EQ(write_payments_csv(csv.rows),
            "id,contract,date,amount,kind,reverses\n"
            "P-1,C-1,2026-03-10,50000.00,,\n"
            "P-2,C-1,2026-03-11,10.00,,\n"
            "R-1,C-1,2026-03-20,5000.00,refund,P-1\n"
            "B-1,C-1,2026-03-21,10.00,chargeback,P-2\n");
  EXPECT_EQ(write_payments_json(std::span(csv.rows).subspan(1, 2)),
            R"([
  {
    "id": "P-2",
    "contract": "C-1",
    "date": "2026-03-11",
    "amount": "10.00"
  },
  {
    "id": "R-1",
    "contract": "C-1",
    "date": "2026-03-20",
    "amount": "5000.00",
    "kind": "refund",
    "reverses": "P-1"
  }
]
)");
  // Plain payments only: no kind, no reverses.
  EXPECT_EQ(write_payments_csv(std::span(csv.rows).first(2)),
            "id,contract,date,amount\n"
            "P-1,C-1,2026-03-10,50000.00\n"
            "P-2,C-1,2026-03-11,10.00\n");
  EXPECT_EQ(read_payments_csv(write_payments_csv(csv.rows)).rows, csv.rows);
  EXPECT_EQ(read_payments_json(write_payments_json(csv.rows)).rows, csv.rows);
  const auto json = read_payments_json(R"([
    {"id": "R-1", "contract": "C-1", "date": "2026-03-20", "amount": "1", "kind": "refund",
     "reverses": "P-1"},
    {"id": "R-2", "contract": "C-1", "date": "2026-03-20", "amount": "1", "kind": 1},
    {"id": "R-3", "contract": "C-1", "date": "2026-03-20", "amount": "1", "kind": null,
     "reverses": ""}])");
  EXPECT_EQ(
      testing_io::messages(json),
      std::vector<std::string>{"row 2 (id R-2), column 'kind': expected a string, not a number"});
  ASSERT_EQ(json.rows.size(), 2U);
  EXPECT_EQ(json.rows[1].kind, payment_kind::payment);  // null and "" are absent
}

// A `void` work line cancels the line billed under its id (docs/design.md, decision 11).
TEST(WorkVoid, ReadAndWritten) {
  const auto csv = read_work_csv(
      "id,contract,item,start,quantity,void\n"
      "L-1,C-1,visit,2026-03-02T06:00Z,1,true\n"
      "L-2,C-1,visit,2026-03-02T06:00Z,1,false\n"
      "L-3,C-1,visit,2026-03-02T06:00Z,1,\n"
      "L-4,C-1,visit,2026-03-02T06:00Z,1,yes\n"
      "L-5,C-1,visit,2026-03-02T06:00Z,1,TRUE\n");
  EXPECT_EQ(testing_io::messages(csv),
            (std::vector<std::string>{
                "row 5 (id L-4), column 'void': 'yes' is not true or false",
                "row 6 (id L-5), column 'void': 'TRUE' is not true or false",
            }));
  ASSERT_EQ(csv.rows.size(), 3U);
  EXPECT_TRUE(csv.rows[0].voided);
  EXPECT_FALSE(csv.rows[1].voided);
  EXPECT_FALSE(csv.rows[2].voided);
  EXPECT_EQ(write_work_csv(csv.rows),
            "id,request,contract,item,start,end,quantity,kind,performer,accepted,accepted_on,site,"
            "time_zone,void\n"
            "L-1,,C-1,visit,2026-03-02T06:00:00Z,,1,billable,,false,,,,true\n"
            "L-2,,C-1,visit,2026-03-02T06:00:00Z,,1,billable,,false,,,,\n"
            "L-3,,C-1,visit,2026-03-02T06:00:00Z,,1,billable,,false,,,,\n");
  // Without a voided line the column is left out, as before `void` existed.
  EXPECT_EQ(write_work_csv(std::span(csv.rows).subspan(1)).substr(0, 98),
            "id,request,contract,item,start,end,quantity,kind,performer,accepted,accepted_on,site,"
            "time_zone\nL-2");
  expect_work_round_trip(csv.rows);
  const std::string json = write_work_json(std::span(csv.rows).first(1));
  EXPECT_NE(json.find("\n    \"void\": true\n"), std::string::npos) << json;
  const auto from_json = read_work_json(R"([
    {"id": "L-1", "contract": "C-1", "item": "visit", "start": "2026-03-02T06:00Z", "quantity": 1,
     "void": true},
    {"id": "L-2", "contract": "C-1", "item": "visit", "start": "2026-03-02T06:00Z", "quantity": 1,
     "void": "true"},
    {"id": "L-3", "contract": "C-1", "item": "visit", "start": "2026-03-02T06:00Z", "quantity": 1,
     "void": null}])");
  EXPECT_EQ(
      testing_io::messages(from_json),
      std::vector<std::string>{"row 2 (id L-2), column 'void': expected a boolean, not a string"});
  ASSERT_EQ(from_json.rows.size(), 2U);
  EXPECT_TRUE(from_json.rows[0].voided);
  EXPECT_FALSE(from_json.rows[1].voided);
}

}  // namespace
