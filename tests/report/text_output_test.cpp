// Text output shows every name visibly (docs/formats.md, "Text output"): a line break, an escape
// sequence or a bidi control in a name a host passed cannot start a line of a statement (a forged
// "total 0.00"), move the cursor or hide text, in any text writer. JSON output stays JSON for
// any bytes.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/billing.hpp>
#include <tariff/compare.hpp>
#include <tariff/compare_io.hpp>
#include <tariff/payouts.hpp>
#include <tariff/portfolio.hpp>
#include <tariff/priced_io.hpp>
#include <tariff/staff_pay.hpp>
#include <tariff/statement_io.hpp>

#include "formats/json_reader.hpp"
#include "formats/json_writer.hpp"
#include "report/text_layout.hpp"
#include "text/visible.hpp"

namespace {

using namespace tariff;

// --- visible() --------------------------------------------------------------------------------

struct shown {
  std::string text;
  std::string visible;
};

const std::vector<shown>& escapes() {
  static const std::vector<shown> cases{
      {"plain ASCII, with a \\ backslash", "plain ASCII, with a \\ backslash"},
      {"Zoë's café, 東京, €5 😀", "Zoë's café, 東京, €5 😀"},
      {"a\nb\rc\td", "a\\nb\\rc\\td"},
      {std::string("nul\0", 4), "nul\\x00"},
      {"\x1b[2J\x1b]0;title\x07", "\\x1b[2J\\x1b]0;title\\x07"},
      {"del\x7f", "del\\x7f"},
      {"csi\xc2\x9b"
       "2J",
       "csi\\u009b2J"},
      {"evil\xe2\x80\xae"
       "txt.exe",
       "evil\\u202etxt.exe"},
      {"\xe2\x81\xa6isolate\xe2\x81\xa9", "\\u2066isolate\\u2069"},
      {"line\xe2\x80\xa8sep", "line\\u2028sep"},
      {"\xef\xbb\xbf"
       "bom",
       "\\ufeffbom"},
      {"bad \xff\xfe bytes \xc3", "bad \\xff\\xfe bytes \\xc3"},
      {"overlong \xc0\xaf", "overlong \\xc0\\xaf"},
  };
  return cases;
}

TEST(Visible, ShowsWhatWouldNotPrintAsItself) {
  for (const shown& c : escapes())
    EXPECT_EQ(text::visible(c.text), c.visible);
}

TEST(Visible, EscapingTwiceChangesNothing) {
  for (const shown& c : escapes())
    EXPECT_EQ(text::visible(text::visible(c.text)), text::visible(c.text));
}

TEST(Visible, RenderedTablesAlignTheEscapedText) {
  report::text_table table(2, {false, true});
  table.add({"a\nb", "1"}, "10.00");
  table.add({"long name", "22"}, "5.00", "note\x1b");
  report::text_page page;
  page.add("title\r", "EUR");
  page.add(std::move(table));
  EXPECT_EQ(page.render(),
            "title\\r            EUR\n"
            "  a\\nb        1  10.00\n"
            "  long name  22   5.00  note\\x1b\n");
}

// --- JSON output ------------------------------------------------------------------------------

TEST(JsonOutput, BytesThatAreNotUtf8AreWrittenAsTheReplacementCharacter) {
  std::string out;
  formats::append_json_string(out, "L-\xff\xc3 é\n\x1b");
  EXPECT_EQ(out, "\"L-\\ufffd\\ufffd é\\n\\u001b\"");
  const formats::json_parse_result parsed = formats::parse_json(out);
  ASSERT_TRUE(parsed.value) << parsed.error;
  EXPECT_EQ(parsed.value->text, "L-\xef\xbf\xbd\xef\xbf\xbd é\n\x1b");
}

// --- every text writer ------------------------------------------------------------------------

constexpr std::string_view source = R"(tariff "Shop" currency RUB
rounding line 0.01 half_up
calendar { timezone Europe/Moscow }
pricelist retail {
  item visit "Visit" per visit price 100.00 cost 40.00
}
pay staff {
  rule labour for visit : amount * 30%
}
plan basic {
  pricelist retail
  fee 10.00 per month
}
)";

const compiled_tariff& shop() {
  static const compiled_tariff compiled = [] {
    compile_result r = compile(source, "shop.tariff");
    for (const auto& d : r.diagnostics)
      ADD_FAILURE() << format(d);
    return r.tariff.value();
  }();
  return compiled;
}

// A name that would forge a totals line, hide what follows and retitle the terminal.
const std::string forged = "Acme\n  total 0.00\x1b[8m\x1b]0;x\x07\xe2\x80\xae";
const std::string forged_shown = "Acme\\n  total 0.00\\x1b[8m\\x1b]0;x\\x07\\u202e";

contract deal() {
  contract c;
  c.id = "C-1";
  c.client = forged;
  c.plan = "basic";
  c.start = *parse_date("2026-01-01");
  c.end = *parse_date("2026-12-31");
  return c;
}

std::vector<work_line> work() {
  work_line w;
  w.id = "W\r1";
  w.contract = "C-1";
  w.item = "visit";
  w.start = *parse_instant("2026-03-02T10:00:00+03:00");
  w.quantity = decimal(1);
  w.performer = forged;
  w.accepted = true;
  return {w};
}

const date_span march{*parse_date("2026-03-01"), *parse_date("2026-04-01")};

// Nothing in `text` but printable text and line ends, and no line that is not the writer's own.
void expect_safe(const std::string& text, std::string_view shown_name) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    EXPECT_TRUE(c == '\n' || (byte >= 0x20 && byte != 0x7f)) << "byte " << int{byte} << " in\n"
                                                             << text;
  }
  EXPECT_EQ(text.find("\xe2\x80\xae"), std::string::npos);
  EXPECT_EQ(text.find("\n  total 0.00"), std::string::npos) << text;
  EXPECT_NE(text.find(shown_name), std::string::npos) << text;
}

TEST(TextOutput, PricedLines) {
  const std::vector<contract> contracts{deal()};
  const std::string text =
      write_priced_text(price(shop(), contracts, work()), shop(), {.explain = true});
  expect_safe(text, "W\\r1");
  EXPECT_NE(text.find("\n  W\\r1  2026-03-02  Visit  1            100.00  C-1\n"),
            std::string::npos)
      << text;
}

TEST(TextOutput, Statement) {
  const statement s = bill(shop(), deal(), march, {}, work());
  const std::string text = write_statement_text(s, shop(), {.explain = true});
  expect_safe(text, "  client    " + forged_shown + "\n");
  EXPECT_NE(text.find("\n  W\\r1  2026-03-02  Visit  1"), std::string::npos) << text;
}

TEST(TextOutput, Portfolio) {
  const std::vector<statement> statements{bill(shop(), deal(), march, {}, work())};
  expect_safe(write_portfolio_text(summarize(statements)), forged_shown);
}

TEST(TextOutput, Comparison) {
  compile_result dearer =
      compile(std::string(source).replace(source.find("100.00"), 6, "120.00"), "dearer.tariff");
  ASSERT_TRUE(dearer.tariff);
  const std::vector<contract> contracts{deal()};
  const comparison c = compare(shop(), *dearer.tariff, contracts, work());
  const std::string text = write_comparison_text(c, shop(), *dearer.tariff, {.lines = true});
  expect_safe(text, "  W\\r1  visit  contract C-1, client " + forged_shown + ":  100.00 -> 120.00");
}

TEST(TextOutput, PayoutsAndStaffPay) {
  const std::vector<contract> contracts{deal()};
  expect_safe(write_payouts_text(payouts(shop(), contracts, work(), march).payouts),
              "Payout to " + forged_shown + " for 2026-03-01..2026-03-31");
  expect_safe(write_staff_pay_text(staff_pays(shop(), contracts, work(), march).pays),
              forged_shown);
}

// The 0.1 forms, deprecated in 0.2 and kept for one minor version: a bool for the option.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
TEST(TextOutput, TheDeprecatedBoolFormsWriteTheSameText) {
  const std::vector<contract> contracts{deal()};
  const std::vector<priced_line> lines = price(shop(), contracts, work());
  EXPECT_EQ(write_priced_text(lines, shop(), true),
            write_priced_text(lines, shop(), {.explain = true}));
  EXPECT_EQ(write_priced_text(lines, shop(), false), write_priced_text(lines, shop()));
  const statement s = bill(shop(), deal(), march, {}, work());
  EXPECT_EQ(write_statement_text(s, shop(), true),
            write_statement_text(s, shop(), {.explain = true}));
  EXPECT_EQ(write_statement_text(s, shop(), false), write_statement_text(s, shop()));
  compile_result dearer =
      compile(std::string(source).replace(source.find("100.00"), 6, "120.00"), "dearer.tariff");
  ASSERT_TRUE(dearer.tariff);
  const comparison c = compare(shop(), *dearer.tariff, contracts, work());
  EXPECT_EQ(write_comparison_text(c, shop(), *dearer.tariff, true),
            write_comparison_text(c, shop(), *dearer.tariff, {.lines = true}));
  EXPECT_EQ(write_comparison_text(c, shop(), *dearer.tariff, false),
            write_comparison_text(c, shop(), *dearer.tariff));
}
#pragma GCC diagnostic pop

TEST(TextOutput, InputErrorsAreFormattedVisibly) {
  const input_error e{3, "L\n1", "a\x1b", "bad \xff"};
  EXPECT_EQ(format(e), "row 3 (id L\\n1), column 'a\\x1b': bad \\xff");
}

}  // namespace
