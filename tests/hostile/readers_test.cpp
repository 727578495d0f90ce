// Hostile data for every reader of CSV and JSON, each case on a thread with a 256 KiB stack
// (small_stack.hpp): JSON nested to the readers' depth limit and just past it, nested a million
// levels deep (2 MB), and large inputs with a bad byte at their very end. Nothing may crash, and
// every refusal is the exact message with its place. Run under ASan + UBSan by tests/run.
#include <cstddef>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/io.hpp>
#include <tariff/statement_io.hpp>
#include <tariff/tariff.h>

#include "formats/json_reader.hpp"
#include "small_stack.hpp"

namespace {

using namespace tariff;
using tariff::testing::on_small_stack;

constexpr std::size_t limit = formats::max_json_depth;

// `depth` arrays, one inside the other, around `inner`.
std::string arrays(std::size_t depth, std::string_view inner = "") {
  return std::string(depth, '[') + std::string(inner) + std::string(depth, ']');
}

// `depth` objects {"a": ...}, one inside the other.
std::string objects(std::size_t depth) {
  std::string out;
  out.reserve(depth * 7);
  for (std::size_t i = 0; i < depth; ++i)
    out += "{\"a\":";
  out += "1";
  out.append(depth, '}');
  return out;
}

template <class Row>
std::vector<std::string> messages(const read_result<Row>& r) {
  std::vector<std::string> out;
  for (const input_error& e : r.errors)
    out.push_back(format(e));
  return out;
}

// Every JSON reader of the library, by the name of what it reads; each gives its errors.
struct json_reader {
  const char* name;
  std::function<std::vector<std::string>(std::string_view)> read;
};

const std::vector<json_reader>& json_readers() {
  static const std::vector<json_reader> readers{
      {"work", [](std::string_view t) { return messages(read_work_json(t)); }},
      {"contracts", [](std::string_view t) { return messages(read_contracts_json(t)); }},
      {"payments", [](std::string_view t) { return messages(read_payments_json(t)); }},
      {"state", [](std::string_view t) { return messages(read_state_json(t)); }},
  };
  return readers;
}

std::vector<std::string> read_on_small_stack(const json_reader& reader, const std::string& text) {
  std::vector<std::string> errors;
  on_small_stack([&] { errors = reader.read(text); });
  return errors;
}

// The refusal of a one-line document whose first array or object too deep is at `byte`.
std::string too_deep_at(std::size_t byte) {
  return "row 0: JSON nested too deep at byte " + std::to_string(byte) + " (line 1, column " +
         std::to_string(byte) + "): level 65 of arrays and objects; the limit is 64";
}

// Where the 65th level opens: `[` is one byte a level, `{"a":` five.
constexpr std::size_t arrays_65th = 65;
constexpr std::size_t objects_65th = 64 * 5 + 1;
constexpr std::size_t objects_in_array_65th = 1 + 63 * 5 + 1;

TEST(HostileJson, TheLimitIs64Levels) {
  EXPECT_EQ(limit, 64U);  // docs/formats.md, "JSON rules", gives it
}

TEST(HostileJson, ArraysNestedToTheLimitAreReadAndRefusedByShape) {
  const std::string text = arrays(limit);
  for (const json_reader& reader : json_readers()) {
    SCOPED_TRACE(reader.name);
    const std::vector<std::string> expected{
        std::string_view(reader.name) == "state"
            ? R"(row 0: expected an object {"allowances": [...]}, not an array (an array is read only when empty))"
            : "row 1: expected an object, not an array"};
    EXPECT_EQ(read_on_small_stack(reader, text), expected);
  }
}

TEST(HostileJson, ObjectsNestedToTheLimitAreReadAndRefusedByKey) {
  const std::string text = "[" + objects(limit - 1) + "]";
  for (const json_reader& reader : json_readers()) {
    SCOPED_TRACE(reader.name);
    const std::vector<std::string> expected{
        std::string_view(reader.name) == "state"
            ? R"(row 0: expected an object {"allowances": [...]}, not an array (an array is read only when empty))"
            : "row 1, column 'a': unknown key"};
    EXPECT_EQ(read_on_small_stack(reader, text), expected);
  }
}

TEST(HostileJson, OneLevelPastTheLimitIsRefusedWithItsPlace) {
  const std::vector<std::pair<std::string, std::size_t>> cases{
      {arrays(limit + 1), arrays_65th}, {"[" + objects(limit) + "]", objects_in_array_65th}};
  for (const auto& [text, byte] : cases) {
    for (const json_reader& reader : json_readers()) {
      SCOPED_TRACE(reader.name);
      EXPECT_EQ(read_on_small_stack(reader, text), std::vector<std::string>{too_deep_at(byte)});
    }
  }
}

TEST(HostileJson, AMillionLevelsAreRefusedAtTheFirstLevelTooDeep) {
  // 2 MB of brackets, and 60 000 levels (120 KB) that killed a C host on a 1 MiB stack.
  for (const std::size_t depth : {std::size_t{1'000'000}, std::size_t{60'000}}) {
    const std::vector<std::pair<std::string, std::size_t>> cases{
        {arrays(depth), arrays_65th},
        {objects(depth), objects_65th},
        {std::string(depth, '['), arrays_65th}};  // never closed
    for (const auto& [text, byte] : cases) {
      for (const json_reader& reader : json_readers()) {
        SCOPED_TRACE(std::string(reader.name) + " " + std::to_string(depth));
        EXPECT_EQ(read_on_small_stack(reader, text), std::vector<std::string>{too_deep_at(byte)});
      }
    }
  }
}

TEST(HostileJson, TheDepthLimitNamesTheLineAndColumn) {
  // Inside an attribute value on the third line: levels 1 to 3 are the array, the element and
  // the attribute object, so the value's 62nd bracket is level 65.
  const std::string text =
      "[\n  {\"id\": \"L-1\",\n   \"attributes\": {\"a\": " + arrays(1'000'000) + "}}\n]";
  const std::size_t line3 = text.find("   \"attributes\"");
  const std::size_t at = text.find('[', line3) + 61;  // the 62nd bracket of the value
  EXPECT_EQ(
      read_on_small_stack(json_readers()[0], text),
      std::vector<std::string>{"row 0: JSON nested too deep at byte " + std::to_string(at + 1) +
                               " (line 3, column " + std::to_string(at - line3 + 1) +
                               "): level 65 of arrays and objects; the limit is 64"});
  // Brackets inside strings do not count.
  const std::string quoted = "[{\"performer\": \"" + std::string(1000, '[') + "\"}]";
  EXPECT_EQ(read_on_small_stack(json_readers()[0], quoted),
            std::vector<std::string>{"row 1, column 'id': a value is required"});
}

// --- large inputs, a bad byte at the very end ----------------------------------------------

constexpr std::size_t many = 20'000;

TEST(HostileData, ACsvWithAnInvalidByteInItsLastFieldIsRefusedAtThatRowAndColumn) {
  std::string csv = "id,contract,item,start,quantity,performer\n";
  for (std::size_t i = 1; i <= many; ++i)
    csv += "L-" + std::to_string(i) + ",C-1,visit,2026-03-02T10:00Z,1,Smith\n";
  csv += "L-last,C-1,visit,2026-03-02T10:00Z,1,Smith\xff";
  std::vector<std::string> errors;
  on_small_stack([&] { errors = messages(read_work_csv(csv)); });
  EXPECT_EQ(errors, std::vector<std::string>{"row " + std::to_string(many + 2) +
                                             " (id L-last), column 'performer': 'Smith\\xff' is "
                                             "not valid UTF-8 at byte 6 (0xff)"});
}

TEST(HostileData, AJsonWithAnInvalidByteAtItsEndIsMalformedAtThatByte) {
  std::string json = "[";
  for (std::size_t i = 1; i <= many; ++i)
    json += R"({"id": "P-)" + std::to_string(i) +
            R"(", "contract": "C-1", "date": "2026-03-01", "amount": "1.00"},)";
  json += "\"\xc3\x28\"]";  // a two-byte sequence whose second byte is not a continuation
  std::vector<std::string> errors;
  on_small_stack([&] { errors = messages(read_payments_json(json)); });
  ASSERT_EQ(errors.size(), 1U);
  const std::string byte = std::to_string(json.size() - 2);  // the '(' after \xc3, from 1
  EXPECT_EQ(errors[0], "row 0: malformed JSON at byte " + byte +
                           ": parse error at line 1, column " + byte +
                           ": syntax error while parsing value - invalid string: ill-formed UTF-8 "
                           "byte; last read: '\"\\xc3('");
}

TEST(HostileData, AHugeFieldWithAControlCharacterAtItsEndIsRefused) {
  const std::string name(4'000'000, 'x');
  std::string csv =
      "id,contract,item,start,quantity\n" + name + "\x1b,C-1,visit,2026-03-02T10:00Z,1\n";
  std::vector<std::string> errors;
  on_small_stack([&] { errors = messages(read_work_csv(csv)); });
  EXPECT_EQ(errors, std::vector<std::string>{
                        "row 2, column 'id': '" + name +
                        "\\x1b' holds a control character, \\x1b, at character 4000001: ids, "
                        "codes, keys and zone names may hold no control character but tab"});
}

// --- the C interface --------------------------------------------------------------------------

constexpr std::string_view source = R"(tariff "T" currency RUB
calendar { timezone Europe/Moscow }
pricelist p { item visit "Visit" per visit price 100.00 }
plan basic {
  pricelist p
  fee 10.00 per month
  prepaid alert 5.00
}
)";
constexpr const char* contracts =
    R"([{"id": "C-1", "client": "K", "plan": "basic", "start": "2026-01-01", "end": "2026-12-31"}])";
constexpr const char* work =
    R"([{"id": "W", "contract": "C-1", "item": "visit", "start": "2026-03-02T10:00Z", "quantity": 1}])";

// Frees what the C interface returned when the test is done with it.
struct c_text {
  char* text = nullptr;
  ~c_text() { tariff_free(text); }
  c_text() = default;
  c_text(const c_text&) = delete;
  c_text& operator=(const c_text&) = delete;
  std::string str() const { return text != nullptr ? text : ""; }
};

TEST(HostileJson, EveryEntryPointOfTheCInterfaceRefusesJsonTooDeep) {
  on_small_stack([] {
    tariff_tariff* t = nullptr;
    ASSERT_EQ(tariff_compile(source.data(), source.size(), "t.tariff", &t, nullptr), TARIFF_OK);
    const std::string deep = arrays(1'000'000);
    const std::string line = too_deep_at(arrays_65th) + "\n";
    {
      c_text out, errors;
      EXPECT_EQ(tariff_price(t, deep.c_str(), deep.c_str(), &out.text, &errors.text),
                TARIFF_INVALID_INPUT);
      EXPECT_EQ(errors.str(), "contracts: " + line + "work: " + line);
    }
    {
      c_text out, errors;
      EXPECT_EQ(tariff_bill(t, contracts, "C-1", "2026-03-02", deep.c_str(), work, &out.text,
                            &errors.text),
                TARIFF_INVALID_INPUT);
      EXPECT_EQ(errors.str(), "state: " + line);
    }
    {
      c_text out, errors;
      EXPECT_EQ(tariff_bill_with_payments(t, contracts, "C-1", "2026-03-02", nullptr, work,
                                          deep.c_str(), &out.text, &errors.text),
                TARIFF_INVALID_INPUT);
      EXPECT_EQ(errors.str(), "payments: " + line);
    }
    {
      c_text out, errors;
      EXPECT_EQ(tariff_estimate(t, contracts, "C-1", deep.c_str(), work, &out.text, &errors.text),
                TARIFF_INVALID_INPUT);
      EXPECT_EQ(errors.str(), "state: " + line);
    }
    {
      // At the limit the document reads, and is refused for its shape.
      const std::string at_limit = arrays(limit);
      c_text out, errors;
      EXPECT_EQ(tariff_price(t, contracts, at_limit.c_str(), &out.text, &errors.text),
                TARIFF_INVALID_INPUT);
      EXPECT_EQ(errors.str(), "work: row 1: expected an object, not an array\n");
    }
    tariff_release(t);
  });
}

}  // namespace
