// Priced lines as CSV and JSON: the exact text of both writers, for lines built by hand.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/priced_io.hpp>

#include "formats/csv.hpp"

namespace {

using namespace tariff;

// Line numbers matter: trace steps point into this source (hvac at 7:3, the group at 10:1, its
// rules at 11:3 and 12:3).
constexpr std::string_view source = R"(tariff "T" currency RUB
calendar {
  window night 22:00 .. 06:00
  days weekend sat, sun
}
pricelist retail {
  item hvac "HVAC" per hour price 2500.00 cost 1400.00 discount 10% maximum charge 12000.00
  item cartridge "Cartridge" per piece price 3200.00 cost 2100.00
}
group surcharges stack multiply {
  rule night   when in night   : 2
  rule weekend when on weekend : 1.5
}
)";

const compiled_tariff& test_tariff() {
  static const compiled_tariff compiled = [] {
    compile_result r = compile(source, "t.tariff");
    for (const auto& d : r.diagnostics)
      ADD_FAILURE() << format(d);
    return r.tariff.value();
  }();
  return compiled;
}

constexpr segment_labels night{1, 0, 0, false};
constexpr segment_labels weekend{0, 1, 0, false};
constexpr segment_labels night_weekend{1, 1, 0, false};

instant at(std::string_view text) {
  return parse_instant(text).value();
}

local_date on(std::string_view text) {
  return parse_date(text).value();
}

item_quantity hours(std::int64_t seconds) {
  return {decimal(seconds), 3600};
}

trace_step step(trace_kind kind, std::string name, std::string_view before, std::string_view after,
                std::string_view factor, int line, int column) {
  return {kind, std::move(name), decimal(before), decimal(after), decimal(factor), line, column};
}

trace_step discount(std::string_view after) {
  return step(trace_kind::discount, "hvac", "2500.00", after, "10", 7, 3);
}

// Saturday 20:00 to 23:30 in Moscow: 2 h of weekend, then 1 h 30 of weekend night.
priced_line timed_line() {
  priced_line l;
  l.id = "L-1";
  l.request = "R-9";
  l.contract = "C-1";
  l.item = "hvac";
  l.date = on("2026-03-07");
  l.title = "HVAC";
  l.price_list = "retail";
  l.measured = hours(12600);
  l.billed = hours(12600);

  priced_part day;
  day.begin = at("2026-03-07T17:00:00Z");
  day.end = at("2026-03-07T19:00:00Z");
  day.date = on("2026-03-07");
  day.labels = weekend;
  day.measured = hours(7200);
  day.billed = hours(7200);
  day.list_price = decimal("2500.00");
  day.unit_price = decimal("3375.00");
  day.amount = decimal("6750.00");
  day.cost = decimal("2800.00");
  day.trace = {discount("2250.00"),
               step(trace_kind::group, "surcharges", "2250.00", "3375.00", "1.5", 10, 1),
               step(trace_kind::group_factor, "weekend", "2250.00", "2250.00", "1.5", 12, 3)};

  priced_part late;
  late.begin = at("2026-03-07T19:00:00Z");
  late.end = at("2026-03-07T20:30:00Z");
  late.date = on("2026-03-07");
  late.labels = night_weekend;
  late.measured = hours(5400);
  late.billed = hours(5400);
  late.list_price = decimal("2500.00");
  late.unit_price = decimal("6750.00");
  late.amount = decimal("10125.00");
  late.cost = decimal("2100.00");
  late.trace = {discount("2250.00"),
                step(trace_kind::group, "surcharges", "2250.00", "6750.00", "3.0", 10, 1),
                step(trace_kind::group_factor, "night", "2250.00", "2250.00", "2", 11, 3),
                step(trace_kind::group_factor, "weekend", "2250.00", "2250.00", "1.5", 12, 3)};

  l.parts = {day, late};
  l.line_trace = {
      step(trace_kind::maximum_charge, "hvac", "16875.00", "12000.00", "0", 7, 3),
  };
  l.amount = decimal("12000.00");
  l.cost = decimal("4900.00");
  l.margin = decimal("7100.00");
  return l;
}

priced_line counted_line() {
  priced_line l;
  l.id = "L-2";
  l.request = "R-9";
  l.contract = "C-1";
  l.item = "cartridge";
  l.date = on("2026-03-09");
  l.title = "Cartridge";
  l.price_list = "retail";
  l.measured = {decimal(3), 0};
  l.billed = {decimal(3), 0};
  priced_part p;
  p.begin = at("2026-03-09T07:00:00Z");
  p.end = p.begin;
  p.date = on("2026-03-09");
  p.measured = l.measured;
  p.billed = l.billed;
  p.list_price = decimal("3200.00");
  p.unit_price = decimal("3200.00");
  p.amount = decimal("9600.00");
  p.cost = decimal("6300.00");
  l.parts = {p};
  l.amount = decimal("9600.00");
  l.cost = decimal("6300.00");
  l.margin = decimal("3300.00");
  return l;
}

// Warranty work on a weekday night: priced at cost only.
priced_line warranty_line() {
  priced_line l;
  l.id = "L-3";
  l.contract = "C-1";
  l.item = "hvac";
  l.kind = work_kind::warranty;
  l.date = on("2026-03-10");
  l.title = "HVAC";
  l.price_list = "retail";
  l.measured = hours(3600);
  l.billed = hours(0);
  priced_part p;
  p.begin = at("2026-03-10T20:00:00Z");
  p.end = at("2026-03-10T21:00:00Z");
  p.date = on("2026-03-10");
  p.labels = night;
  p.measured = hours(3600);
  p.billed = hours(0);
  p.list_price = decimal("2500.00");
  p.unit_price = decimal("0.00");
  p.amount = decimal("0.00");
  p.cost = decimal("1400.00");
  p.trace = {step(trace_kind::not_billable, "warranty", "2500.00", "0", "0", 0, 0)};
  l.parts = {p};
  l.amount = decimal("0.00");
  l.cost = decimal("1400.00");
  l.margin = decimal("-1400.00");
  return l;
}

priced_line rejected_line() {
  priced_line l;
  l.id = "L-4";
  l.request = "R-7";
  l.contract = "C-1";
  l.item = "hvac";
  l.date = on("2026-03-09");
  l.rejected = reject_reason::contract_ended;
  l.message = "line L-4: item \"hvac\" is dated 2026-03-09, after the contract's end 2026-02-28";
  return l;
}

std::vector<priced_line> all_lines() {
  return {timed_line(), counted_line(), warranty_line(), rejected_line()};
}

TEST(PricedCsv, Exactly) {
  EXPECT_EQ(
      write_priced_csv(all_lines(), test_tariff()),
      "id,request,contract,item,kind,date,status,reason,message,price_list,measured,billed,amount,"
      "cost,margin,parts,trace\n"
      "L-1,R-9,C-1,hvac,billable,2026-03-07,priced,,,retail,3h30min,3h30min,12000.00,4900.00,"
      "7100.00,2h weekend @ 3375.00 = 6750.00; 1h30min night+weekend @ 6750.00 = 10125.00,"
      "[1] hvac -10% 2500.00 -> 2250.00 (7:3); [1] surcharges 2250.00 -> 3375.00 x 1.5 (10:1); "
      "[1] weekend x 1.5 (12:3); [2] hvac -10% 2500.00 -> 2250.00 (7:3); "
      "[2] surcharges 2250.00 -> 6750.00 x 3.0 (10:1); [2] night x 2 (11:3); "
      "[2] weekend x 1.5 (12:3); [line] maximum charge hvac 16875.00 -> 12000.00 (7:3)\n"
      "L-2,R-9,C-1,cartridge,billable,2026-03-09,priced,,,retail,3,3,9600.00,6300.00,3300.00,"
      "3 @ 3200.00 = 9600.00,\n"
      "L-3,,C-1,hvac,warranty,2026-03-10,priced,,,retail,1h,0min,0.00,1400.00,-1400.00,"
      "0min night @ 0.00 = 0.00,[1] not billable (warranty) 2500.00 -> 0\n"
      "L-4,R-7,C-1,hvac,billable,2026-03-09,rejected,contract_ended,\"line L-4: item \"\"hvac\"\" "
      "is dated 2026-03-09, after the contract's end 2026-02-28\",,,,,,,,\n");
}

TEST(PricedCsv, EmptyIsTheHeader) {
  EXPECT_EQ(write_priced_csv({}, test_tariff()),
            "id,request,contract,item,kind,date,status,reason,message,price_list,measured,billed,"
            "amount,cost,margin,parts,trace\n");
}

TEST(PricedCsv, EveryRowHasEveryColumnAndReadsBack) {
  const std::vector<priced_line> lines = all_lines();
  const std::vector<formats::csv_record> records =
      formats::split_csv(write_priced_csv(lines, test_tariff()));
  ASSERT_EQ(records.size(), lines.size() + 1);
  for (const auto& r : records) {
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.fields.size(), 17U) << "line " << r.line;
  }
  EXPECT_EQ(records[4].fields[8], lines[3].message);
  EXPECT_EQ(records[1].fields[15],
            "2h weekend @ 3375.00 = 6750.00; 1h30min night+weekend @ 6750.00 = 10125.00");
}

TEST(PricedCsv, StepsWithoutALocationAndRules) {
  priced_line l = counted_line();
  l.parts[0].trace = {step(trace_kind::rule, "promo", "3200.00", "2880.00", "0", 0, 0),
                      step(trace_kind::rule, "margin_floor", "2880.00", "2880.00", "0", 15, 1)};
  l.line_trace = {step(trace_kind::minimum_charge, "cartridge", "100.00", "2850.00", "0", 8, 3)};
  const std::vector<formats::csv_record> records =
      formats::split_csv(write_priced_csv(std::vector{l}, test_tariff()));
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[1].fields[16],
            "[1] promo 3200.00 -> 2880.00; [1] margin_floor 2880.00 -> 2880.00 (15:1); "
            "[line] minimum charge cartridge 100.00 -> 2850.00 (8:3)");
}

TEST(PricedJson, Exactly) {
  const std::vector<priced_line> lines{timed_line(), rejected_line()};
  EXPECT_EQ(write_priced_json(lines, test_tariff()),
            R"([
  {
    "id": "L-1",
    "request": "R-9",
    "contract": "C-1",
    "item": "hvac",
    "kind": "billable",
    "date": "2026-03-07",
    "status": "priced",
    "title": "HVAC",
    "price_list": "retail",
    "measured": "3h30min",
    "billed": "3h30min",
    "amount": "12000.00",
    "cost": "4900.00",
    "margin": "7100.00",
    "parts": [
      {
        "begin": "2026-03-07T17:00:00Z",
        "end": "2026-03-07T19:00:00Z",
        "date": "2026-03-07",
        "labels": ["weekend"],
        "measured": "2h",
        "billed": "2h",
        "list_price": "2500.00",
        "unit_price": "3375.00",
        "amount": "6750.00",
        "cost": "2800.00",
        "trace": [
          {
            "kind": "discount",
            "name": "hvac",
            "before": "2500.00",
            "after": "2250.00",
            "factor": "10",
            "line": 7,
            "column": 3
          },
          {
            "kind": "group",
            "name": "surcharges",
            "before": "2250.00",
            "after": "3375.00",
            "factor": "1.5",
            "line": 10,
            "column": 1
          },
          {
            "kind": "group_factor",
            "name": "weekend",
            "before": "2250.00",
            "after": "2250.00",
            "factor": "1.5",
            "line": 12,
            "column": 3
          }
        ]
      },
      {
        "begin": "2026-03-07T19:00:00Z",
        "end": "2026-03-07T20:30:00Z",
        "date": "2026-03-07",
        "labels": ["night", "weekend"],
        "measured": "1h30min",
        "billed": "1h30min",
        "list_price": "2500.00",
        "unit_price": "6750.00",
        "amount": "10125.00",
        "cost": "2100.00",
        "trace": [
          {
            "kind": "discount",
            "name": "hvac",
            "before": "2500.00",
            "after": "2250.00",
            "factor": "10",
            "line": 7,
            "column": 3
          },
          {
            "kind": "group",
            "name": "surcharges",
            "before": "2250.00",
            "after": "6750.00",
            "factor": "3.0",
            "line": 10,
            "column": 1
          },
          {
            "kind": "group_factor",
            "name": "night",
            "before": "2250.00",
            "after": "2250.00",
            "factor": "2",
            "line": 11,
            "column": 3
          },
          {
            "kind": "group_factor",
            "name": "weekend",
            "before": "2250.00",
            "after": "2250.00",
            "factor": "1.5",
            "line": 12,
            "column": 3
          }
        ]
      }
    ],
    "line_trace": [
      {
        "kind": "maximum_charge",
        "name": "hvac",
        "before": "16875.00",
        "after": "12000.00",
        "line": 7,
        "column": 3
      }
    ]
  },
  {
    "id": "L-4",
    "request": "R-7",
    "contract": "C-1",
    "item": "hvac",
    "kind": "billable",
    "date": "2026-03-09",
    "status": "rejected",
    "reason": "contract_ended",
    "message": "line L-4: item \"hvac\" is dated 2026-03-09, after the contract's end 2026-02-28"
  }
]
)");
}

TEST(PricedJson, CountedAndNotBillableLines) {
  const std::vector<priced_line> lines{counted_line(), warranty_line()};
  EXPECT_EQ(write_priced_json(lines, test_tariff()),
            R"([
  {
    "id": "L-2",
    "request": "R-9",
    "contract": "C-1",
    "item": "cartridge",
    "kind": "billable",
    "date": "2026-03-09",
    "status": "priced",
    "title": "Cartridge",
    "price_list": "retail",
    "measured": "3",
    "billed": "3",
    "amount": "9600.00",
    "cost": "6300.00",
    "margin": "3300.00",
    "parts": [
      {
        "begin": "2026-03-09T07:00:00Z",
        "end": "2026-03-09T07:00:00Z",
        "date": "2026-03-09",
        "labels": [],
        "measured": "3",
        "billed": "3",
        "list_price": "3200.00",
        "unit_price": "3200.00",
        "amount": "9600.00",
        "cost": "6300.00",
        "trace": []
      }
    ],
    "line_trace": []
  },
  {
    "id": "L-3",
    "request": "",
    "contract": "C-1",
    "item": "hvac",
    "kind": "warranty",
    "date": "2026-03-10",
    "status": "priced",
    "title": "HVAC",
    "price_list": "retail",
    "measured": "1h",
    "billed": "0min",
    "amount": "0.00",
    "cost": "1400.00",
    "margin": "-1400.00",
    "parts": [
      {
        "begin": "2026-03-10T20:00:00Z",
        "end": "2026-03-10T21:00:00Z",
        "date": "2026-03-10",
        "labels": ["night"],
        "measured": "1h",
        "billed": "0min",
        "list_price": "2500.00",
        "unit_price": "0.00",
        "amount": "0.00",
        "cost": "1400.00",
        "trace": [
          {
            "kind": "not_billable",
            "name": "warranty",
            "before": "2500.00",
            "after": "0",
            "line": 0,
            "column": 0
          }
        ]
      }
    ],
    "line_trace": []
  }
]
)");
}

TEST(PricedJson, EmptyIsAnEmptyArray) {
  EXPECT_EQ(write_priced_json({}, test_tariff()), "[]\n");
}

// Any JSON reader takes the output, and every amount in it is a string: none becomes a double.
TEST(PricedJson, ParsesWithDecimalsAsStrings) {
  const nlohmann::json doc = nlohmann::json::parse(write_priced_json(all_lines(), test_tariff()));
  ASSERT_TRUE(doc.is_array());
  ASSERT_EQ(doc.size(), 4U);
  EXPECT_EQ(doc[3]["message"], rejected_line().message);
  EXPECT_FALSE(doc[3].contains("amount"));
  for (const auto& line : doc) {
    if (line["status"] != "priced") continue;
    for (const char* key : {"amount", "cost", "margin"})
      EXPECT_TRUE(line[key].is_string()) << key;
    for (const auto& part : line["parts"]) {
      for (const char* key : {"list_price", "unit_price", "amount", "cost"})
        EXPECT_TRUE(part[key].is_string()) << key;
      for (const auto& s : part["trace"]) {
        EXPECT_TRUE(s["before"].is_string());
        EXPECT_TRUE(s["after"].is_string());
        EXPECT_TRUE(s["line"].is_number_integer());
      }
    }
  }
  EXPECT_EQ(doc[0]["parts"][1]["labels"], nlohmann::json({"night", "weekend"}));
}

TEST(PricedJson, ControlCharactersAreEscaped) {
  priced_line l = rejected_line();
  l.message = "a\tb\nc\\d";
  EXPECT_NE(write_priced_json(std::vector{l}, test_tariff()).find(R"("message": "a\tb\nc\\d")"),
            std::string::npos);
}

}  // namespace
