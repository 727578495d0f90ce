// The formatter reads the grammar's vocabulary: every word that starts a declaration, an entry of
// a block or an item option is laid out as one. Table-driven: each table must cover its set of
// grammar/tariff_lexicon.hpp, so a word added to the grammar needs a sample here, and then
// its layout is checked.
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/formatter.hpp>

#include "grammar/tariff_lexicon.hpp"
#include "tests/parse/samples.hpp"

namespace tariff {
namespace {

namespace lex = grammar::lexicon;

using samples = std::map<std::string_view, std::string_view>;  // word -> a line starting with it

template <std::size_t N>
std::vector<std::string_view> list(const std::array<std::string_view, N>& words) {
  return {words.begin(), words.end()};
}

std::vector<std::string_view> keys(const samples& table) {
  std::vector<std::string_view> out;
  for (const auto& [word, sample] : table)
    out.push_back(word);
  return out;
}

// The formatted line that holds `sample`'s text (spaces aside), with its indentation.
std::string line_of(const std::string& text, std::string_view sample) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const auto start = line.find_first_not_of(' ');
    if (start != std::string::npos && line.compare(start, sample.size(), sample) == 0) return line;
  }
  return "(not found in)\n" + text;
}

// Formats `before` + `sample` (its indentation wrong on purpose) + `after`, and expects the
// sample's line at `indent` spaces.
void expect_indented(std::string_view before, std::string_view sample, std::string_view after,
                     std::size_t indent) {
  const std::string source =
      std::string(before) + "       " + std::string(sample) + "\n" + std::string(after);
  const format_result f = format_tariff(source, "t.tariff");
  ASSERT_TRUE(f.text) << source << format(f.diagnostics);
  EXPECT_EQ(line_of(*f.text, sample), std::string(indent, ' ') + std::string(sample)) << source;
}

TEST(FormatLexicon, EveryDeclarationStartsAStatement) {
  const samples& table = testing_parse::declaration_samples();
  ASSERT_EQ(keys(table), list(lex::declaration_words));
  for (const auto& [word, sample] : table)
    expect_indented("rule before : price * 2\n\n", sample, "", 0);  // apart: no column run
}

TEST(FormatLexicon, EveryCalendarEntryStartsAnEntry) {
  const samples table = {
      {"timezone", "timezone Europe/Moscow"},
      {"window", "window night 22:00 .. 06:00"},
      {"days", "days weekend sat, sun"},
      {"holidays", "holidays 2026-01-01"},
      {"season", "season summer 2026-06-01 .. 2026-08-31"},
  };
  ASSERT_EQ(keys(table), list(lex::calendar_entry_words));
  for (const auto& [word, sample] : table)
    expect_indented("calendar {\ndays workdays mon\n", sample, "}\n", 2);
}

TEST(FormatLexicon, EveryPlanEntryStartsAnEntry) {
  const samples table = {
      {"pricelist", "pricelist retail"},    {"period", "period month"},
      {"fee", "fee 1000.00 per month"},     {"includes", "includes 3 visit per month"},
      {"order", "order cheapest"},          {"catalogue", "catalogue visit"},
      {"prepaid", "prepaid alert 1000.00"}, {"late", "late work 3 periods"},
  };
  ASSERT_EQ(keys(table), list(lex::plan_entry_words));
  for (const auto& [word, sample] : table)
    expect_indented("plan p {\nincludes 1 a per month\n", sample, "}\n", 2);
}

TEST(FormatLexicon, EveryTaxEntryStartsAnEntry) {
  const samples table = {
      {"rate", "rate standard 20%"},
      {"exempt", "exempt when client.tax_exempt"},
  };
  ASSERT_EQ(keys(table), list(lex::tax_entry_words));
  for (const auto& [word, sample] : table)
    expect_indented("tax vat included per line round 0.01 half_up {\nrate reduced 10%\n", sample,
                    "}\n", 2);
}

// An option on a line of its own continues its item; an override starts an entry.
TEST(FormatLexicon, EveryItemOptionContinuesItsItem) {
  const samples table = {
      {"price", "price 1"},
      {"cost", "cost 1"},
      {"bill", "bill started 15min"},
      {"minimum", "minimum charge 100"},
      {"maximum", "maximum charge 100"},
      {"discount", "discount 5%"},
      {"tiers", "tiers graduated { 0..10: 1 }"},
      {"credit", "credit"},
  };
  ASSERT_EQ(keys(table), list(lex::item_option_words));
  for (const auto& [word, sample] : table) {
    expect_indented("pricelist p {\nitem a per hour\n", sample, "}\n", 4);
    expect_indented("pricelist p {\nitem a per hour price 2\n", "a " + std::string(sample), "}\n",
                    2);
  }
}

}  // namespace
}  // namespace tariff
