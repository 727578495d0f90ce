// The billing state as JSON in format 2, with its ledger (docs/formats.md, "Billing state"),
// format 1 read as a migrated state, and many contracts' states in one document. The states are
// built by hand, so these tests hold the writers and readers to the format, not to billing.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/statement_io.hpp>

#include "messages.hpp"

namespace {

using namespace tariff;

local_date day(std::string_view text) {
  return *parse_date(text);
}

date_span span(std::string_view first, std::string_view last) {
  return {day(first), day(last) + date::days{1}};
}

// A state of every kind of record: a correction's fingerprint, a voided line, a fee split by an
// amendment, a payment partly refunded and its refund, two statements of one period.
billing_state ledger() {
  billing_state s;
  s.contract = "C-1";
  s.revision = 7;
  s.allowances = {{"engineer_visit/month", span("2026-03-01", "2026-03-31"), decimal("3")}};
  s.volumes = {{"support_hour", span("2026-03-01", "2026-03-31"), decimal("43200")}};
  s.balance = decimal("4400.00");
  billing_state::billed_line h1;
  h1.id = "H1";
  h1.fingerprint = "0123456789abcdef0123456789abcdef";
  h1.date = day("2026-03-10");
  h1.item = "hvac_repair";
  h1.amount = decimal("7500.00");
  h1.cost = decimal("2800.00");
  h1.tax = decimal("1500.00");
  h1.rate = "standard";
  h1.volume = decimal("7200");
  billing_state::billed_line v1;
  v1.id = "V1";
  v1.fingerprint = "void";
  v1.date = day("2026-03-02");
  v1.item = "engineer_visit";
  v1.amount = decimal("0.00");
  v1.cost = decimal("900.00");
  v1.included = {{"engineer_visit/month", span("2026-03-01", "2026-03-31"), decimal("1")}};
  s.lines = {h1, v1};
  s.fees = {{"hosting", span("2026-03-01", "2026-03-31"), span("2026-03-01", "2026-03-14"),
             decimal("12"), decimal("14000.00")},
            {"hosting", span("2026-03-01", "2026-03-31"), span("2026-03-15", "2026-03-31"),
             decimal("15"), decimal("20500.00")}};
  billing_state::credited_payment p1;
  p1.id = "P-1";
  p1.date = day("2026-03-05");
  p1.amount = decimal("50000.00");
  p1.refunded = decimal("5000.00");
  billing_state::credited_payment r1;
  r1.id = "R-1";
  r1.date = day("2026-03-20");
  r1.amount = decimal("5000.00");
  r1.kind = payment_kind::refund;
  r1.reverses = "P-1";
  s.payments = {p1, r1};
  s.statements = {{"S-0123", span("2026-03-01", "2026-03-31"), 6},
                  {"S-4567", span("2026-03-01", "2026-03-31"), 7}};
  return s;
}

constexpr std::string_view ledger_json = R"({
  "format": 2,
  "contract": "C-1",
  "revision": 7,
  "allowances": [
    {
      "allowance": "engineer_visit/month",
      "first": "2026-03-01",
      "last": "2026-03-31",
      "used": "3"
    }
  ],
  "volumes": [
    {
      "item": "support_hour",
      "first": "2026-03-01",
      "last": "2026-03-31",
      "quantity": "43200"
    }
  ],
  "balance": "4400.00",
  "lines": [
    {
      "id": "H1",
      "fingerprint": "0123456789abcdef0123456789abcdef",
      "date": "2026-03-10",
      "item": "hvac_repair",
      "amount": "7500.00",
      "cost": "2800.00",
      "tax": "1500.00",
      "rate": "standard",
      "volume": "7200"
    },
    {
      "id": "V1",
      "fingerprint": "void",
      "date": "2026-03-02",
      "item": "engineer_visit",
      "amount": "0.00",
      "cost": "900.00",
      "included": [
        {
          "allowance": "engineer_visit/month",
          "first": "2026-03-01",
          "last": "2026-03-31",
          "used": "1"
        }
      ]
    }
  ],
  "fees": [
    {
      "fee": "hosting",
      "fee_first": "2026-03-01",
      "fee_last": "2026-03-31",
      "first": "2026-03-01",
      "last": "2026-03-14",
      "units": "12",
      "amount": "14000.00"
    },
    {
      "fee": "hosting",
      "fee_first": "2026-03-01",
      "fee_last": "2026-03-31",
      "first": "2026-03-15",
      "last": "2026-03-31",
      "units": "15",
      "amount": "20500.00"
    }
  ],
  "payments": [
    {
      "id": "P-1",
      "date": "2026-03-05",
      "amount": "50000.00",
      "refunded": "5000.00"
    },
    {
      "id": "R-1",
      "date": "2026-03-20",
      "amount": "5000.00",
      "kind": "refund",
      "reverses": "P-1"
    }
  ],
  "statements": [
    {
      "id": "S-0123",
      "first": "2026-03-01",
      "last": "2026-03-31",
      "revision": 6
    },
    {
      "id": "S-4567",
      "first": "2026-03-01",
      "last": "2026-03-31",
      "revision": 7
    }
  ]
}
)";

std::vector<std::string> errors_of(std::string_view text) {
  return testing_io::messages(read_state_json(text));
}

// A format 2 state with one more key (`"key": value`, a member written as JSON).
std::string v2(std::string_view members) {
  return std::string(R"({"format": 2, "contract": "C-1", "revision": 1, )") + std::string(members) +
         "}";
}

// A format 2 state with one line, its members after the required ones.
std::string line_with(std::string_view more) {
  return v2(R"("lines": [{"id": "L-1", "fingerprint": "0123456789abcdef0123456789abcdef", )"
            R"("date": "2026-03-02", "item": "visit", "amount": "10.00", "cost": "5.00")" +
            std::string(more) + "}]");
}

// ---------------------------------------------------------------------------------------------
// One state

TEST(StateJsonV2, Exactly) {
  EXPECT_EQ(write_state_json(ledger()), ledger_json);
}

TEST(StateJsonV2, RoundTripIsExact) {
  const read_result<billing_state> read = read_state_json(ledger_json);
  EXPECT_EQ(testing_io::messages(read), std::vector<std::string>{});
  ASSERT_EQ(read.rows.size(), 1U);
  EXPECT_EQ(read.rows[0], ledger());
  EXPECT_EQ(read.rows[0].format, 2);
  EXPECT_TRUE(identical(read.rows[0].lines[1].amount, decimal("0.00")));
  EXPECT_TRUE(identical(read.rows[0].payments[0].refunded, decimal("5000.00")));
  EXPECT_EQ(write_state_json(read.rows[0]), ledger_json);
}

TEST(StateJsonV2, AnEmptyStateNamesItsFormatContractAndRevision) {
  billing_state s;
  s.contract = "C-9";
  EXPECT_EQ(write_state_json(s),
            "{\n  \"format\": 2,\n  \"contract\": \"C-9\",\n  \"revision\": 0,\n"
            "  \"allowances\": []\n}\n");
  const read_result<billing_state> read = read_state_json(write_state_json(s));
  ASSERT_EQ(read.rows.size(), 1U);
  EXPECT_EQ(read.rows[0], s);
}

TEST(StateJsonV2, TheLedgerIsKeptSortedWhateverTheOrderGiven) {
  const read_result<billing_state> read = read_state_json(v2(R"("payments": [
      {"id": "P-2", "date": "2026-03-01", "amount": "1"},
      {"id": "P-1", "date": "2026-03-02", "amount": "2"}],
    "statements": [
      {"id": "S-2", "first": "2026-03-01", "last": "2026-03-31", "revision": 2},
      {"id": "S-1", "first": "2026-02-01", "last": "2026-02-28", "revision": 1}])"));
  ASSERT_TRUE(read.errors.empty()) << testing_io::messages(read).at(0);
  ASSERT_EQ(read.rows[0].payments.size(), 2U);
  EXPECT_EQ(read.rows[0].payments[0].id, "P-1");
  EXPECT_EQ(read.rows[0].payments[1].id, "P-2");
  // Statements stay in the order issued.
  EXPECT_EQ(read.rows[0].statements[0].id, "S-2");
}

TEST(StateJsonV2, NumbersAreReadExactly) {
  const read_result<billing_state> read =
      read_state_json(line_with(R"(, "tax": 2.50, "volume": 1.50)"));
  ASSERT_TRUE(read.errors.empty()) << testing_io::messages(read).at(0);
  EXPECT_TRUE(identical(read.rows[0].lines[0].tax, decimal("2.50")));
  EXPECT_TRUE(identical(read.rows[0].lines[0].volume, decimal("1.50")));
  EXPECT_EQ(read.rows[0].revision, 1U);
  const read_result<billing_state> largest =
      read_state_json(R"({"format": 2, "revision": 18446744073709551615})");
  ASSERT_TRUE(largest.errors.empty()) << testing_io::messages(largest).at(0);
  EXPECT_EQ(largest.rows[0].revision, 18446744073709551615U);
}

TEST(StateJsonV2, UseIsReadAsSecondsOrAsADuration) {
  const auto used = [](std::string_view value) {
    const read_result<billing_state> read = read_state_json(
        std::string(R"({"format": 2, "allowances": [{"allowance": "hvac_repair/month", )"
                    R"("first": "2026-03-01", "last": "2026-03-31", "used": )") +
        std::string(value) + "}]}");
    if (!read.errors.empty()) return testing_io::messages(read).at(0);
    return read.rows[0].allowances.at(0).used.to_string();
  };
  EXPECT_EQ(used(R"("72000")"), "72000");
  EXPECT_EQ(used("72000"), "72000");
  EXPECT_EQ(used(R"("20h")"), "72000");
  EXPECT_EQ(used(R"("PT20H")"), "72000");
  EXPECT_EQ(used(R"("1h30m")"), "5400");
  EXPECT_EQ(used(R"("1.5h")"), "5400.0");
  EXPECT_EQ(used(R"("P1DT2H30M15S")"), "95415");
  EXPECT_EQ(used(R"("90m")"), "5400");
  for (const std::string bad : {"20x", "h", "30m1h", "1d", "PT"})
    EXPECT_EQ(used('"' + bad + '"'), "row 1 (id hvac_repair/month), column 'used': '" + bad +
                                         "' is not a quantity: a number (seconds for time "
                                         "items) or a duration like 20h, 1h30m or PT20H")
        << bad;
  const read_result<billing_state> volume = read_state_json(
      R"({"format": 2, "volumes": [{"item": "support_hour", "first": "2026-03-01", )"
      R"("last": "2026-03-31", "quantity": "PT12H"}]})");
  ASSERT_TRUE(volume.errors.empty()) << testing_io::messages(volume).at(0);
  EXPECT_EQ(volume.rows[0].volumes.at(0).quantity.to_string(), "43200");
  // Written as the machine format it is: seconds.
  const read_result<billing_state> read = read_state_json(
      R"({"format": 2, "allowances": [{"allowance": "hvac_repair/month", "first": "2026-03-01", )"
      R"("last": "2026-03-31", "used": "20h"}]})");
  ASSERT_TRUE(read.errors.empty());
  EXPECT_NE(write_state_json(read.rows[0]).find(R"("used": "72000")"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Format 1

TEST(StateJsonV1, IsReadAsAMigratedState) {
  for (const std::string_view text :
       {std::string_view(R"({"allowances": [{"allowance": "a/month", "first": "2026-03-01",
                              "last": "2026-03-31", "used": "2"}], "balance": "10.00"})"),
        std::string_view(R"({"format": 1, "allowances": [{"allowance": "a/month",
                              "first": "2026-03-01", "last": "2026-03-31", "used": "2"}],
                              "balance": "10.00"})")}) {
    const read_result<billing_state> read = read_state_json(text);
    ASSERT_TRUE(read.errors.empty()) << testing_io::messages(read).at(0);
    ASSERT_EQ(read.rows.size(), 1U);
    const billing_state& s = read.rows[0];
    EXPECT_EQ(s.format, 1);
    EXPECT_EQ(s.contract, "");
    EXPECT_EQ(s.revision, 0U);
    EXPECT_TRUE(s.lines.empty() && s.fees.empty() && s.payments.empty() && s.statements.empty());
    ASSERT_EQ(s.allowances.size(), 1U);
    EXPECT_EQ(s.balance.to_string(), "10.00");
    // Written again, it is format 2: the ledger starts empty.
    EXPECT_TRUE(write_state_json(s).starts_with(
        "{\n  \"format\": 2,\n  \"contract\": \"\",\n  \"revision\": 0,\n  \"allowances\": ["));
  }
}

TEST(StateJsonV1, EmptyFormsAreFormat1) {
  for (const std::string_view text : {"[]", "{}", "{\"allowances\": null}", "{\"format\": 1}"}) {
    const read_result<billing_state> read = read_state_json(text);
    EXPECT_TRUE(read.errors.empty()) << text;
    ASSERT_EQ(read.rows.size(), 1U) << text;
    EXPECT_EQ(read.rows[0].format, 1) << text;
  }
  const read_result<billing_state> v2_empty = read_state_json(R"({"format": 2})");
  ASSERT_EQ(v2_empty.rows.size(), 1U);
  EXPECT_EQ(v2_empty.rows[0], billing_state{});
}

TEST(StateJsonV1, TheLedgerKeysNeedFormat2) {
  EXPECT_EQ(errors_of(R"({"contract": "C-1", "revision": 3, "lines": [], "allowances": []})"),
            (std::vector<std::string>{
                "row 0, column 'contract': a key of format 2 in a state of format 1 (without "
                "\"format\": 2)",
                "row 0, column 'revision': a key of format 2 in a state of format 1 (without "
                "\"format\": 2)",
                "row 0, column 'lines': a key of format 2 in a state of format 1 (without "
                "\"format\": 2)",
            }));
}

// ---------------------------------------------------------------------------------------------
// Hostile input

TEST(StateJsonHostile, TheFormat) {
  const auto unread = [](std::string_view text) {
    const read_result<billing_state> read = read_state_json(text);
    EXPECT_TRUE(read.rows.empty()) << text;
    return testing_io::messages(read);
  };
  EXPECT_EQ(unread(R"({"format": 3})"),
            std::vector<std::string>{
                "row 0, column 'format': format 3 is not one this version reads (1 or 2)"});
  EXPECT_EQ(unread(R"({"format": 2.0})"),
            std::vector<std::string>{
                "row 0, column 'format': format 2.0 is not one this version reads (1 or 2)"});
  EXPECT_EQ(unread(R"({"format": "2"})"),
            std::vector<std::string>{"row 0, column 'format': expected a number, not a string"});
  EXPECT_EQ(unread(R"({"format": 2, "format": 2})"),
            std::vector<std::string>{"row 0, column 'format': the key appears more than once"});
  EXPECT_EQ(unread(R"({"format": 99999999999999999999999999999})"),
            std::vector<std::string>{"row 0, column 'format': format 99999999999999999999999999999 "
                                     "is not one this version reads (1 or 2)"});
}

TEST(StateJsonHostile, TheDocumentsKeys) {
  EXPECT_EQ(errors_of(R"({"format": 2, "contract": 7, "revision": "3", "balance": true,
                          "lines": {}, "fees": "x", "payments": 1, "statements": false,
                          "ledger": []})"),
            (std::vector<std::string>{
                "row 0, column 'contract': expected a string, not a number",
                "row 0, column 'revision': expected a number, not a string",
                "row 0, column 'balance': expected a decimal number, not a boolean",
                "row 0, column 'lines': expected an array, not an object",
                "row 0, column 'fees': expected an array, not a string",
                "row 0, column 'payments': expected an array, not a number",
                "row 0, column 'statements': expected an array, not a boolean",
                "row 0, column 'ledger': unknown key",
            }));
  EXPECT_EQ(errors_of(R"({"format": 2, "lines": [], "lines": []})"),
            std::vector<std::string>{"row 0, column 'lines': the key appears more than once"});
  EXPECT_EQ(errors_of("{\"format\": 2, \"contract\": \"C\\u001b[2J\"}"),
            std::vector<std::string>{
                "row 0, column 'contract': 'C\\x1b[2J' holds a control character, \\x1b, at "
                "character 2: ids, codes, keys and zone names may hold no control character but "
                "tab"});
}

TEST(StateJsonHostile, TheRevision) {
  EXPECT_EQ(errors_of(R"({"format": 2, "revision": -1})"),
            std::vector<std::string>{
                "row 0, column 'revision': '-1' is negative; a revision is 0 or more"});
  EXPECT_EQ(errors_of(R"({"format": 2, "revision": 1.5})"),
            std::vector<std::string>{"row 0, column 'revision': '1.5' is not a whole number"});
  EXPECT_EQ(errors_of(R"({"format": 2, "revision": 1e3})"),
            std::vector<std::string>{"row 0, column 'revision': '1e3' is not a whole number"});
  EXPECT_EQ(errors_of(R"({"format": 2, "revision": 18446744073709551616})"),
            std::vector<std::string>{
                "row 0, column 'revision': '18446744073709551616' is too large; a revision is "
                "at most 18446744073709551615"});
}

TEST(StateJsonHostile, Lines) {
  const std::string fp = R"("fingerprint": "0123456789abcdef0123456789abcdef", )";
  const read_result<billing_state> read = read_state_json(v2(R"("lines": [
    {"id": "L-1", )" + fp + R"("date": "2026-03-02", "item": "v", "amount": "1", "cost": "0"},
    {"id": "L-1", )" + fp + R"("date": "2026-03-02", "item": "v", "amount": "1", "cost": "0"},
    {"id": "L-2", "fingerprint": "0123", "date": "2026-03-02", "item": "v", "amount": "1", "cost": "0"},
    {"id": "L-3", "fingerprint": "0123456789ABCDEF0123456789ABCDEF", "date": "2026-03-02",
     "item": "v", "amount": "1", "cost": "0"},
    {"id": "L-4", )" + fp + R"("date": "2026-03-02", "item": "v", "amount": "1"},
    {"id": "L-5", )" + fp + R"("date": "2026-03-32", "item": "v", "amount": "1", "cost": "0"},
    {"id": "L-6", )" + fp + R"("date": "2026-03-02", "item": "v", "amount": "1", "cost": "0",
     "volume": "-1"},
    {"id": "L-7", )" + fp + R"("date": "2026-03-02", "item": "v", "amount": "1", "cost": "0",
     "included": {}},
    {"id": "L-8", )" + fp + R"("date": "2026-03-02", "item": "v", "amount": "1", "cost": "0",
     "included": [{"allowance": "a/month", "first": "2026-03-01", "last": "2026-03-31", "used": "1"},
                  {"allowance": "a/month", "first": "2026-03-01", "last": "2026-03-31", "used": "1"}]},
    {"id": "L-9", )" + fp + R"("date": "2026-03-02", "item": "v", "amount": "1", "cost": "0",
     "included": [{"allowance": "a/month", "first": "2026-03-01", "last": "2026-03-31", "used": "-1"}]},
    {"id": "L-10", )" + fp + R"("date": "2026-03-02", "item": "v", "amount": "1", "cost": "0",
     "included": [], "included": []},
    {"id": "L-11", )" + fp + R"("date": "2026-03-02", "item": "v", "amount": "1", "cost": "0",
     "bonus": true},
    [],
    {"id": "L-12", )" + fp + R"("date": "2026-03-02", "item": "v", "amount": "1", "cost": "0",
     "amount": "2"}
  ])"));
  EXPECT_EQ(testing_io::messages(read),
            (std::vector<std::string>{
                "row 2 (id L-1), column 'lines.id': duplicate id 'L-1' (first on row 1)",
                "row 3 (id L-2), column 'lines.fingerprint': '0123' is not a fingerprint (32 "
                "lower-case hex digits, or void)",
                "row 4 (id L-3), column 'lines.fingerprint': '0123456789ABCDEF0123456789ABCDEF' is "
                "not a fingerprint (32 lower-case hex digits, or void)",
                "row 5 (id L-4), column 'lines.cost': a value is required",
                "row 6 (id L-5), column 'lines.date': '2026-03-32' is not a date: 2026-03-32 is "
                "not a day, March has 31 days",
                "row 7 (id L-6), column 'lines.volume': the volume is negative",
                "row 8 (id L-7), column 'lines.included': expected an array, not an object",
                "row 9 (id L-8), column 'lines.included[2].first': allowance 'a/month' for "
                "2026-03-01..2026-03-31 is given twice",
                "row 10 (id L-9), column 'lines.included[1].used': the quantity used is negative",
                "row 11 (id L-10), column 'lines.included': the key appears more than once",
                "row 12 (id L-11), column 'lines.bonus': unknown key",
                "row 13, column 'lines': expected an object, not an array",
                "row 14 (id L-12), column 'lines.amount': the key appears more than once",
            }));
  // What read is in the state; a host must not bill from it.
  ASSERT_EQ(read.rows.size(), 1U);
  ASSERT_EQ(read.rows[0].lines.size(), 1U);
  EXPECT_EQ(read.rows[0].lines[0].id, "L-1");
}

TEST(StateJsonHostile, FeesPaymentsAndStatements) {
  EXPECT_EQ(
      errors_of(v2(R"("fees": [
    {"fee": "f", "fee_first": "2026-03-01", "fee_last": "2026-03-31", "first": "2026-03-01",
     "last": "2026-03-31", "units": "1", "amount": "10"},
    {"fee": "f", "fee_first": "2026-03-01", "fee_last": "2026-03-31", "first": "2026-03-01",
     "last": "2026-03-15", "units": "1", "amount": "10"},
    {"fee": "f", "fee_first": "2026-03-01", "fee_last": "2026-03-31", "first": "2026-02-27",
     "last": "2026-03-15", "units": "1", "amount": "10"},
    {"fee": "f", "fee_first": "2026-03-01", "fee_last": "2026-02-28", "first": "2026-03-01",
     "last": "2026-03-15", "units": "1", "amount": "10"},
    {"fee": "f", "fee_first": "2026-04-01", "fee_last": "2026-04-30", "first": "2026-04-01",
     "last": "2026-04-30", "units": "-1", "amount": "10"}
  ],
  "payments": [
    {"id": "P-1", "date": "2026-03-01", "amount": "10"},
    {"id": "P-1", "date": "2026-03-01", "amount": "10"},
    {"id": "P-2", "date": "2026-03-01", "amount": "0"},
    {"id": "P-3", "date": "2026-03-01", "amount": "10", "reverses": "P-1"},
    {"id": "R-1", "date": "2026-03-01", "amount": "10", "kind": "refund"},
    {"id": "R-2", "date": "2026-03-01", "amount": "10", "kind": "gift", "reverses": "P-1"},
    {"id": "R-3", "date": "2026-03-01", "amount": "10", "kind": "chargeback", "reverses": "P-1",
     "refunded": "1"},
    {"id": "P-4", "date": "2026-03-01", "amount": "10", "refunded": "10.01"},
    {"id": "P-5", "date": "2026-03-01", "amount": "10", "refunded": "-1"},
    {"id": "P-6", "date": "2026-03-01", "amount": "1)" +
                   std::string(300, '0') + R"("}
  ],
  "statements": [
    {"id": "S-1", "first": "2026-03-01", "last": "2026-03-31", "revision": 1},
    {"id": "S-1", "first": "2026-03-01", "last": "2026-03-31", "revision": 2},
    {"id": "S-2", "first": "2026-03-01", "last": "2026-03-31", "revision": "2"},
    {"id": "S-3", "first": "2026-03-01", "last": "2026-02-28", "revision": 2},
    {"id": "S-4", "first": "2026-03-01", "last": "2026-03-31", "revision": -2}
  ])")),
      (std::vector<std::string>{
          "row 2 (id f), column 'fees.first': the fee's days from 2026-03-01 are given twice "
          "(first on row 1)",
          "row 3 (id f), column 'fees.first': the days charged are not within the fee's period",
          "row 4 (id f), column 'fees.fee_last': the last day is before the first",
          "row 5 (id f), column 'fees.units': the units are negative",
          "row 2 (id P-1), column 'payments.id': duplicate id 'P-1' (first on row 1)",
          "row 3 (id P-2), column 'payments.amount': the amount must be above 0, not 0",
          "row 4 (id P-3), column 'payments.reverses': a payment reverses nothing; only a refund "
          "or chargeback does",
          "row 5 (id R-1), column 'payments.reverses': a refund must name the payment it "
          "reverses",
          "row 6 (id R-2), column 'payments.kind': 'gift' is not a payment kind (payment, refund, "
          "chargeback)",
          "row 7 (id R-3), column 'payments.refunded': only a payment is refunded",
          "row 8 (id P-4), column 'payments.refunded': more is refunded (10.01) than the "
          "payment's amount (10)",
          "row 9 (id P-5), column 'payments.refunded': the amount refunded is negative",
          "row 10 (id P-6), column 'payments.amount': '1" + std::string(300, '0') +
              "' is not a decimal number",
          "row 2 (id S-1), column 'statements.id': duplicate id 'S-1' (first on row 1)",
          "row 3 (id S-2), column 'statements.revision': expected a number, not a string",
          "row 4 (id S-3), column 'statements.last': the last day is before the first",
          "row 5 (id S-4), column 'statements.revision': '-2' is negative; a revision is 0 or "
          "more",
      }));
}

// ---------------------------------------------------------------------------------------------
// Many states

billing_state named(std::string contract, std::uint64_t revision) {
  billing_state s;
  s.contract = std::move(contract);
  s.revision = revision;
  return s;
}

TEST(StatesJson, SortedByContractExactly) {
  const std::vector<billing_state> states{named("C-2", 1), named("C-1", 4)};
  EXPECT_EQ(write_states_json(states), R"({
  "format": 2,
  "states": [
    {
      "format": 2,
      "contract": "C-1",
      "revision": 4,
      "allowances": []
    },
    {
      "format": 2,
      "contract": "C-2",
      "revision": 1,
      "allowances": []
    }
  ]
}
)");
  EXPECT_EQ(write_states_json({}), "{\n  \"format\": 2,\n  \"states\": []\n}\n");
}

TEST(StatesJson, RoundTrip) {
  const std::vector<billing_state> states{named("C-2", 4), ledger(), named("C-0", 0)};
  const std::string text = write_states_json(states);
  const read_result<billing_state> read = read_states_json(text);
  EXPECT_EQ(testing_io::messages(read), std::vector<std::string>{});
  ASSERT_EQ(read.rows.size(), 3U);
  EXPECT_EQ(read.rows[0], named("C-0", 0));
  EXPECT_EQ(read.rows[1], ledger());
  EXPECT_EQ(read.rows[2], named("C-2", 4));
  EXPECT_EQ(read.row_numbers, (std::vector<std::size_t>{1, 2, 3}));
  EXPECT_EQ(write_states_json(read.rows), text);
}

TEST(StatesJson, OneStateDocumentsAreRead) {
  const read_result<billing_state> v2_one = read_states_json(ledger_json);
  ASSERT_TRUE(v2_one.errors.empty());
  ASSERT_EQ(v2_one.rows.size(), 1U);
  EXPECT_EQ(v2_one.rows[0], ledger());
  const read_result<billing_state> v1_one = read_states_json(
      R"({"allowances": [{"allowance": "a/month", "first": "2026-03-01", "last": "2026-03-31",
                          "used": "2"}]})");
  ASSERT_TRUE(v1_one.errors.empty());
  ASSERT_EQ(v1_one.rows.size(), 1U);
  EXPECT_EQ(v1_one.rows[0].format, 1);
  EXPECT_EQ(v1_one.rows[0].contract, "");
  const read_result<billing_state> empty = read_states_json("[]");
  ASSERT_EQ(empty.rows.size(), 1U);
  EXPECT_EQ(empty.rows[0].format, 1);
}

TEST(StatesJson, EachStateNamesItsContractOnce) {
  const read_result<billing_state> read = read_states_json(R"({"format": 2, "states": [
    {"format": 2, "contract": "C-1", "revision": 1},
    {"format": 2, "revision": 1},
    {"allowances": []},
    {"format": 2, "contract": "C-1", "revision": 2},
    {"format": 2, "contract": "C-2", "revision": -1, "lines": [{"id": "L-1"}]},
    "C-3",
    {"format": 3, "contract": "C-4"}
  ]})");
  EXPECT_EQ(testing_io::messages(read),
            (std::vector<std::string>{
                "row 2, column 'contract': a state among many must name its contract",
                "row 3, column 'contract': a state among many must name its contract",
                "row 4 (id C-1), column 'contract': the state of contract 'C-1' is given twice "
                "(first on row 1)",
                "row 5 (id C-2), column 'revision': '-1' is negative; a revision is 0 or more",
                "row 5 (id C-2), column 'lines[1].fingerprint': a value is required",
                "row 6: expected an object, not a string",
                "row 7, column 'format': format 3 is not one this version reads (1 or 2)",
            }));
  // The states that read, with what of them read; a host must not bill from them.
  ASSERT_EQ(read.rows.size(), 2U);
  EXPECT_EQ(read.rows[0].contract, "C-1");
  EXPECT_EQ(read.rows[1].contract, "C-2");
  EXPECT_EQ(read.row_numbers, (std::vector<std::size_t>{1, 5}));
}

TEST(StatesJson, NothingIsWrittenThatCouldNotBeReadBack) {
  billing_state named;
  named.contract = "C-1";
  billing_state unnamed;  // never billed, or read alone in format 1
  try {
    (void)write_states_json(std::vector<billing_state>{named, unnamed});
    ADD_FAILURE() << "a state without its contract was written among many";
  } catch (const call_error& e) {
    EXPECT_STREQ(e.what(),
                 "write_states_json: a state names no contract (a state no statement has "
                 "closed, or one read in format 1); bill it first, or write it alone with "
                 "write_state_json");
  }
  try {
    (void)write_states_json(std::vector<billing_state>{named, named});
    ADD_FAILURE() << "two states of one contract were written";
  } catch (const call_error& e) {
    EXPECT_STREQ(e.what(), "write_states_json: contract 'C-1' has two states");
  }
}

TEST(StatesJson, TheDocument) {
  const auto errors = [](std::string_view text) {
    const read_result<billing_state> read = read_states_json(text);
    EXPECT_TRUE(read.rows.empty()) << text;
    return testing_io::messages(read);
  };
  EXPECT_EQ(errors(R"({"states": []})"),
            std::vector<std::string>{"row 0, column 'format': a value is required"});
  EXPECT_EQ(errors(R"({"format": 1, "states": []})"),
            std::vector<std::string>{"row 0, column 'format': format 1 is not one a document of "
                                     "many states is written in (2)"});
  EXPECT_EQ(errors(R"({"format": 2, "states": {}})"),
            std::vector<std::string>{"row 0, column 'states': expected an array, not an object"});
  EXPECT_EQ(errors(R"({"format": 2, "states": [], "states": []})"),
            std::vector<std::string>{"row 0, column 'states': the key appears more than once"});
  EXPECT_EQ(errors(R"({"format": 2, "states": [], "contract": "C-1"})"),
            std::vector<std::string>{"row 0, column 'contract': unknown key"});
  EXPECT_EQ(
      errors("\"states\""),
      std::vector<std::string>{"row 0: expected an object {\"allowances\": [...]}, not a string"});
}

}  // namespace
