// What text the readers take (docs/formats.md, "Text"): UTF-8 only in every field of every CSV
// and JSON input, no control character but tab in ids, codes, keys and zone names, tab and line
// breaks only in free text, a byte order mark only at the very start. Each refusal names its row
// and column and shows the text visibly.
#include "formats/text_rules.hpp"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/io.hpp>
#include <tariff/statement_io.hpp>

#include "messages.hpp"
#include "text/utf8.hpp"

namespace {

using namespace tariff;
using namespace std::string_literals;
using testing_io::messages;

const std::string code_rule =
    ": ids, codes, keys and zone names may hold no control character but tab";
const std::string prose_rule = ": text may hold no control character but tab and line breaks";

// --- UTF-8 ------------------------------------------------------------------------------------

struct utf8_case {
  std::string text;
  bool valid;
};

TEST(Utf8, DecodesExactlyWhatRfc3629Allows) {
  const std::vector<utf8_case> cases{
      {"a", true},
      {"\xc3\xa9", true},           // é
      {"\xe2\x82\xac", true},       // €
      {"\xf0\x9f\x98\x80", true},   // U+1F600
      {"\xf4\x8f\xbf\xbf", true},   // U+10FFFF
      {"\x80", false},              // a continuation byte alone
      {"\xc3", false},              // cut short
      {"\xe2\x82", false},          // cut short
      {"\xc3\x28", false},          // not a continuation
      {"\xc0\xaf", false},          // overlong '/'
      {"\xe0\x80\xaf", false},      // overlong '/'
      {"\xed\xa0\x80", false},      // a surrogate
      {"\xf4\x90\x80\x80", false},  // past U+10FFFF
      {"\xf8\x88\x80\x80\x80", false},
      {"\xff", false},
  };
  for (const utf8_case& c : cases) {
    const auto decoded = text::decode_utf8(c.text, 0);
    EXPECT_EQ(decoded.has_value() && decoded->length == c.text.size(), c.valid) << c.text;
  }
}

TEST(TextRules, MessagesNameTheByteOrCharacterAtFault) {
  using formats::text_kind;
  EXPECT_EQ(formats::text_problem("L-\xff", text_kind::code),
            "'L-\\xff' is not valid UTF-8 at byte 3 (0xff)");
  EXPECT_EQ(formats::text_problem("é\xc3", text_kind::prose),
            "'é\\xc3' is not valid UTF-8 at byte 3 (0xc3)");
  EXPECT_EQ(formats::text_problem("L\n1", text_kind::code),
            "'L\\n1' holds a control character, \\n, at character 2" + code_rule);
  EXPECT_EQ(formats::text_problem("Zoë\x1b[2J", text_kind::prose),
            "'Zoë\\x1b[2J' holds a control character, \\x1b, at character 4" + prose_rule);
  EXPECT_EQ(formats::text_problem("L-1\xef\xbb\xbf", text_kind::code),
            "'L-1\\ufeff' holds a byte order mark (U+FEFF) at character 4: one may only start the "
            "input");
  EXPECT_EQ(formats::text_problem("a\tb", text_kind::code), std::nullopt);
  EXPECT_EQ(formats::text_problem("Acme\r\nLtd\t", text_kind::prose), std::nullopt);
  EXPECT_EQ(formats::text_problem("\x7f\xc2\x85\xe2\x80\xae", text_kind::code), std::nullopt)
      << "DEL, C1 and bidi controls are read; text output shows them visibly";
}

// --- CSV --------------------------------------------------------------------------------------

const std::string work_header = "id,contract,item,start,quantity,performer,work.note\n";

std::vector<std::string> work_csv(const std::string& rows) {
  return messages(read_work_csv(work_header + rows));
}

TEST(TextRulesCsv, InvalidUtf8InAnyFieldIsRefusedWithItsRowAndColumn) {
  EXPECT_EQ(work_csv("L-1,C-1,visit,2026-03-02T10:00Z,1,Smith,ok\n"
                     "L-2,C-\xff,visit,2026-03-02T10:00Z,1,Smith,ok\n"
                     "L-3,C-1,visit,2026-03-02T10:00Z,1,Sm\xe9th,ok\n"
                     "L-4,C-1,visit,2026-03-02T10:00Z,1,Smith,\xed\xa0\x80\n"
                     "L-5,C-1,visit,2026-03-02T10:00Z\xc3,1,Smith,ok\n"),
            (std::vector<std::string>{
                "row 3 (id L-2), column 'contract': 'C-\\xff' is not valid UTF-8 at byte 3 (0xff)",
                "row 4 (id L-3), column 'performer': 'Sm\\xe9th' is not valid UTF-8 at byte 3 "
                "(0xe9)",
                "row 5 (id L-4), column 'work.note': '\\xed\\xa0\\x80' is not valid UTF-8 at byte "
                "1 (0xed)",
                "row 6 (id L-5), column 'start': '2026-03-02T10:00Z\\xc3' is not valid UTF-8 at "
                "byte 18 (0xc3)"}));
}

TEST(TextRulesCsv, AnIdThatIsNotCleanTextIsRefusedAndNamesNoRow) {
  EXPECT_EQ(
      work_csv("L\0-1,C-1,visit,2026-03-02T10:00Z,1,,\n"s
               "\"L\n2\",C-1,visit,2026-03-02T10:00Z,1,,\n"
               "L-\xff,C-1\n"
               "L\t4,C-1,visit,2026-03-02T10:00Z,1,,\n"),
      (std::vector<std::string>{
          "row 2, column 'id': 'L\\x00-1' holds a control character, \\x00, at character 2" +
              code_rule,
          "row 3, column 'id': 'L\\n2' holds a control character, \\n, at character 2" + code_rule,
          "row 5: the row has 2 fields; the header has 7"}));
}

TEST(TextRulesCsv, FreeTextKeepsLineBreaksAndTabsButNoOtherControl) {
  const auto r =
      read_work_csv(work_header +
                    "L-1,C-1,visit,2026-03-02T10:00Z,1,\"Smith,\r\nJ.\tjr\",\"two\nlines\"\n"
                    "L-2,C-1,visit,2026-03-02T10:00Z,1,Smith\x1b[2J,ok\n"
                    "L-3,C-1,visit,2026-03-02T10:00Z,1,Smith,bell\a\n");
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "row 5 (id L-2), column 'performer': 'Smith\\x1b[2J' holds a control "
                             "character, \\x1b, at character 6" +
                                 prose_rule,
                             "row 6 (id L-3), column 'work.note': 'bell\\x07' holds a control "
                             "character, \\x07, at character 5" +
                                 prose_rule}));
  ASSERT_EQ(r.rows.size(), 1U);
  EXPECT_EQ(r.rows[0].performer, "Smith,\r\nJ.\tjr");
  EXPECT_EQ(r.rows[0].attributes.at("note"), "two\nlines");
}

TEST(TextRulesCsv, CodesTakeNoLineBreak) {
  EXPECT_EQ(work_csv("L-1,\"C-1\r\n\",visit,2026-03-02T10:00Z,1,,\n"
                     "L-2,C-1,\"visit\ntotal 0.00\",2026-03-02T10:00Z,1,,\n"),
            (std::vector<std::string>{
                "row 2 (id L-1), column 'contract': 'C-1\\r\\n' holds a control character, \\r, "
                "at character 4" +
                    code_rule,
                "row 4 (id L-2), column 'item': 'visit\\ntotal 0.00' holds a control character, "
                "\\n, at character 6" +
                    code_rule}));
}

TEST(TextRulesCsv, HeaderNamesAreKeys) {
  EXPECT_EQ(messages(read_work_csv("id,contract,item,start,quantity,work.\xff,\"site.a\nb\"\n")),
            (std::vector<std::string>{
                "row 1, column 'work.\\xff': 'work.\\xff' is not valid UTF-8 at byte 6 (0xff)",
                "row 1, column 'site.a\\nb': 'site.a\\nb' holds a control character, \\n, at "
                "character 7" +
                    code_rule}));
}

TEST(TextRulesCsv, ContractsAndPaymentsFollowTheSameRules) {
  const auto contracts = read_contracts_csv(
      "id,client,plan,start,end\n"
      "C-1,\"Acme\nLtd\",basic,2026-01-01,2026-12-31\n"
      "C-2,Acme\x1b]0;owned\x07,basic,2026-01-01,2026-12-31\n"
      "C-3,Acme,bas\x01ic,2026-01-01,2026-12-31\n");
  EXPECT_EQ(messages(contracts),
            (std::vector<std::string>{
                "row 4 (id C-2), column 'client': 'Acme\\x1b]0;owned\\x07' holds a control "
                "character, \\x1b, at character 5" +
                    prose_rule,
                "row 5 (id C-3), column 'plan': 'bas\\x01ic' holds a control character, \\x01, at "
                "character 4" +
                    code_rule}));
  ASSERT_EQ(contracts.rows.size(), 1U);
  EXPECT_EQ(contracts.rows[0].client, "Acme\nLtd");
  EXPECT_EQ(messages(read_payments_csv("id,contract,date,amount\nP-1,C\x80,2026-03-01,1.00\n")),
            std::vector<std::string>{
                "row 2 (id P-1), column 'contract': 'C\\x80' is not valid UTF-8 at byte 2 (0x80)"});
}

TEST(TextRulesCsv, AByteOrderMarkIsSkippedAtTheStartAndRefusedAnywhereElse) {
  const std::string bom = "\xef\xbb\xbf";
  const std::string row = "L-1,C-1,visit,2026-03-02T10:00Z,1,,\n";
  EXPECT_EQ(messages(read_work_csv(bom + work_header + row)), std::vector<std::string>{});
  // Two files joined with cat: the second one's mark starts a record.
  EXPECT_EQ(messages(read_work_csv(bom + work_header + row + bom +
                                   "L-2,C-1,visit,2026-03-02T10:00Z,1,,\n")),
            std::vector<std::string>{"row 3, column 'id': '\\ufeffL-2' holds a byte order mark "
                                     "(U+FEFF) at character 1: one may only start the input"});
  EXPECT_EQ(messages(read_work_csv(bom + bom + work_header)),
            (std::vector<std::string>{
                "row 1, column '\\ufeffid': '\\ufeffid' holds a byte order mark (U+FEFF) at "
                "character 1: one may only start the input",
                "row 1, column 'id': the required column is missing"}));
}

// --- JSON -------------------------------------------------------------------------------------

TEST(TextRulesJson, EscapedControlCharactersAreRefusedLikeRawOnes) {
  const auto r = read_work_json(R"([
    {"id": "L\u0000-1", "contract": "C-1", "item": "visit", "start": "2026-03-02T10:00Z", "quantity": 1},
    {"id": "L-2", "contract": "C-1\n", "item": "visit", "start": "2026-03-02T10:00Z", "quantity": 1},
    {"id": "L-3", "contract": "C-1", "item": "visit", "start": "2026-03-02T10:00Z", "quantity": 1,
     "performer": "Smith\r\nJ.", "site": "\u001b[8mhidden", "attributes": {"note": "a\tb"}},
    {"id": "L-4", "contract": "C-1", "item": "visit", "start": "2026-03-02T10:00Z", "quantity": 1,
     "attributes": {"no\u0007te": "x"}},
    {"id": "L-5", "contract": "C-1", "item": "visit", "start": "2026-03-02T10:00Z", "quantity": 1,
     "perf\u000bormer": "x"},
    {"id": "\ufeffL-6", "contract": "C-1", "item": "visit", "start": "2026-03-02T10:00Z", "quantity": 1},
    {"id": "L-7", "contract": "C-1", "item": "visit", "start": "2026-03-02T10:00Z", "quantity": 1,
     "attributes": {"note": "\u009b2J\u202e"}}
  ])");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "row 1, column 'id': 'L\\x00-1' holds a control character, \\x00, at character 2" +
                    code_rule,
                "row 2 (id L-2), column 'contract': 'C-1\\n' holds a control character, \\n, at "
                "character 4" +
                    code_rule,
                "row 3 (id L-3), column 'site': '\\x1b[8mhidden' holds a control character, "
                "\\x1b, at character 1" +
                    prose_rule,
                "row 4 (id L-4), column 'attributes.no\\x07te': 'no\\x07te' holds a control "
                "character, \\x07, at character 3" +
                    code_rule,
                "row 5 (id L-5), column 'perf\\x0bormer': 'perf\\x0bormer' holds a control "
                "character, \\x0b, at character 5" +
                    code_rule,
                "row 6, column 'id': '\\ufeffL-6' holds a byte order mark (U+FEFF) at character "
                "1: one may only start the input"}));
  ASSERT_EQ(r.rows.size(), 1U);  // L-7: C1 and bidi controls are text; output shows them
  EXPECT_EQ(r.rows[0].attributes.at("note"),
            "\xc2\x9b"
            "2J\xe2\x80\xae");
}

TEST(TextRulesJson, InvalidUtf8MakesTheDocumentMalformedAtItsByte) {
  EXPECT_EQ(messages(read_contracts_json("[{\"id\": \"C-\xff\"}]")),
            std::vector<std::string>{
                "row 0: malformed JSON at byte 12: parse error at line 1, column 12: syntax error "
                "while parsing value - invalid string: ill-formed UTF-8 byte; last read: "
                "'\"C-\\xff'"});
}

TEST(TextRulesJson, EveryJsonReaderSkipsAByteOrderMarkAtTheStart) {
  const std::string bom = "\xef\xbb\xbf";
  EXPECT_EQ(messages(read_work_json(bom + "[]")), std::vector<std::string>{});
  EXPECT_EQ(messages(read_contracts_json(bom + "[]")), std::vector<std::string>{});
  EXPECT_EQ(messages(read_payments_json(bom + "\n[]")), std::vector<std::string>{});
  const auto state = read_state_json(bom + R"({"allowances": []})");
  EXPECT_EQ(messages(state), std::vector<std::string>{});
  EXPECT_EQ(state.rows.size(), 1U);
}

TEST(TextRulesJson, AByteOrderMarkAnywhereElseIsRefused) {
  const std::string bom = "\xef\xbb\xbf";
  // Between tokens it is not JSON; in a string it is text that no field takes.
  EXPECT_EQ(messages(read_work_json("[]" + bom)),
            std::vector<std::string>{"row 0: malformed JSON at byte 3 (line 1, column 3): a byte "
                                     "order mark (U+FEFF), which may only start the input"});
  EXPECT_EQ(messages(read_state_json("{\n\"allowances\":" + bom + "[]}")),
            std::vector<std::string>{"row 0: malformed JSON at byte 16 (line 2, column 14): a byte "
                                     "order mark (U+FEFF), which may only start the input"});
  EXPECT_EQ(messages(read_payments_json("[{\"id\": \"P-1\", \"contract\": \"" + bom + "C-1\"}]")),
            std::vector<std::string>{"row 1 (id P-1), column 'contract': '\\ufeffC-1' holds a byte "
                                     "order mark (U+FEFF) at character 1: one may only start the "
                                     "input"});
}

TEST(TextRulesJson, TheStateFollowsTheSameRules) {
  const auto r = read_state_json(R"({"allowances": [
    {"allowance": "visit/month\n", "first": "2026-03-01", "last": "2026-03-31", "used": "1"}],
    "volumes": [{"item": "sup\u0000port", "first": "2026-03-01", "last": "2026-03-31", "quantity": "1"}],
    "bal\u001bance": "1"})");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "row 0, column 'bal\\x1bance': unknown key",
                "row 1, column 'allowance': 'visit/month\\n' holds a control character, \\n, at "
                "character 12" +
                    code_rule,
                "row 1, column 'volumes.item': 'sup\\x00port' holds a control character, \\x00, at "
                "character 4" +
                    code_rule}));
}

}  // namespace
