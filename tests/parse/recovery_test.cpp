// The grammar's vocabulary and the parser's error recovery: the keyword sets are derived from the
// grammar's rules, and recovery resumes at every declaration keyword the grammar has, and at no
// other word.
#include "parse/recovery.hpp"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "grammar/tariff_lexicon.hpp"
#include "parse/parser.hpp"
#include "tests/parse/samples.hpp"

namespace tariff {
namespace {

namespace lex = grammar::lexicon;

template <std::size_t N>
std::vector<std::string_view> list(const std::array<std::string_view, N>& words) {
  return {words.begin(), words.end()};
}

// The derivation read back: each set is what the grammar's rules spell. A declaration or an entry
// added to the grammar shows up here (and nowhere else needs it by hand).
TEST(Lexicon, SetsAreTheWordsTheGrammarsRulesStartWith) {
  EXPECT_EQ(
      list(lex::declaration_words),
      (std::vector<std::string_view>{"attribute", "calendar", "group", "migrate", "pay", "plan",
                                     "pricelist", "rounding", "rule", "table", "tariff", "tax"}));
  EXPECT_EQ(list(lex::calendar_entry_words),
            (std::vector<std::string_view>{"days", "holidays", "season", "timezone", "window"}));
  EXPECT_EQ(list(lex::plan_entry_words),
            (std::vector<std::string_view>{"catalogue", "fee", "includes", "late", "order",
                                           "period", "prepaid", "pricelist"}));
  EXPECT_EQ(list(lex::tax_entry_words), (std::vector<std::string_view>{"exempt", "rate"}));
  EXPECT_EQ(list(lex::item_option_words),
            (std::vector<std::string_view>{"bill", "cost", "credit", "discount", "maximum",
                                           "minimum", "price", "tiers"}));
  EXPECT_EQ(list(lex::tier_kind_words),
            (std::vector<std::string_view>{"graduated", "package", "percentage", "volume"}));
  EXPECT_EQ(list(lex::words_before_operand),
            (std::vector<std::string_view>{"and", "default", "not", "or", "when"}));
  EXPECT_EQ(lex::word<grammar::rule>(), "rule");
  EXPECT_EQ(lex::word<grammar::option_minimum_charge>(), "minimum");  // `minimum charge`
  EXPECT_EQ(lex::word<grammar::min_call>(), "min");  // a rule derived from a keyword
}

TEST(Lexicon, EverySetIsSortedAndEachWordOnce) {
  const auto strictly_sorted = [](const auto& words) {
    return std::adjacent_find(words.begin(), words.end(), [](auto a, auto b) { return a >= b; }) ==
           words.end();
  };
  EXPECT_TRUE(strictly_sorted(lex::declaration_words));
  EXPECT_TRUE(strictly_sorted(lex::calendar_entry_words));
  EXPECT_TRUE(strictly_sorted(lex::plan_entry_words));
  EXPECT_TRUE(strictly_sorted(lex::tax_entry_words));
  EXPECT_TRUE(strictly_sorted(lex::item_option_words));
  EXPECT_TRUE(strictly_sorted(lex::reserved_words));
}

// Recovery's set is the derived one: over every word the language has (and a few names), a line
// starting with the word is where recovery resumes exactly when the word starts a declaration.
TEST(Recovery, ResumesExactlyAtTheDerivedDeclarationWords) {
  std::set<std::string_view> universe;
  const auto add = [&](const auto& words) { universe.insert(words.begin(), words.end()); };
  add(lex::reserved_words);
  add(lex::declaration_words);
  add(lex::calendar_entry_words);
  add(lex::plan_entry_words);
  add(lex::tax_entry_words);
  add(lex::item_option_words);
  universe.insert({"visit", "hvac_repair", "x", "rules", "taxes", "Tariff", "pay_", "_tax"});
  std::size_t resumed = 0;
  for (std::string_view word : universe) {
    const std::string line = std::string(word) + " x";
    const bool declares = lex::contains(lex::declaration_words, word);
    EXPECT_EQ(parse::starts_declaration(line, 0), declares) << word;
    EXPECT_EQ(parse::starts_declaration("  " + line, 0), false) << word;  // column 1 only
    resumed += declares ? 1U : 0U;
  }
  EXPECT_EQ(resumed, lex::declaration_words.size());
  EXPECT_EQ(&parse::recovery_keywords, &lex::declaration_words);
}

std::size_t declarations(const ast::module& m) {
  return m.headers.size() + m.roundings.size() + m.calendars.size() + m.attributes.size() +
         m.tables.size() + m.pricelists.size() + m.rules.size() + m.plans.size() + m.taxes.size() +
         m.pays.size() + m.migrations.size();
}

TEST(Recovery, EveryDeclarationKeywordHasASample) {
  std::vector<std::string_view> keys;
  for (const auto& [word, sample] : testing_parse::declaration_samples())
    keys.push_back(word);
  EXPECT_EQ(keys, list(lex::declaration_words));
}

class ResynchronisesAt : public testing::TestWithParam<std::string_view> {};

constexpr std::string_view broken = "rounding line 0.01 half_upp\n";  // an error at 1:20

// After a broken declaration, a declaration starting with the keyword is parsed.
TEST_P(ResynchronisesAt, AWellFormedDeclaration) {
  const auto found = testing_parse::declaration_samples().find(GetParam());
  ASSERT_NE(found, testing_parse::declaration_samples().end()) << GetParam();
  const std::string source = std::string(broken) + std::string(found->second) + "\n";
  const testing_parse::parsed p = testing_parse::parse(source);
  ASSERT_EQ(p.diagnostics.size(), 1U) << format(p.diagnostics);
  EXPECT_EQ(p.diagnostics[0].line, 1);
  EXPECT_EQ(declarations(p.module), 1U) << source;
}

// After a broken declaration, a broken declaration starting with the keyword gets its own error.
TEST_P(ResynchronisesAt, ABrokenDeclaration) {
  const std::string source = std::string(broken) + std::string(GetParam()) + " @\n";
  const testing_parse::parsed p = testing_parse::parse(source);
  ASSERT_EQ(p.diagnostics.size(), 2U) << format(p.diagnostics);
  EXPECT_EQ(p.diagnostics[0].line, 1);
  EXPECT_EQ(p.diagnostics[1].line, 2);
  EXPECT_EQ(p.diagnostics[1].column, static_cast<int>(GetParam().size()) + 2);
}

std::string keyword_name(const testing::TestParamInfo<std::string_view>& param) {
  return std::string(param.param);
}

INSTANTIATE_TEST_SUITE_P(EveryDeclarationKeyword, ResynchronisesAt,
                         testing::ValuesIn(lex::declaration_words.begin(),
                                           lex::declaration_words.end()),
                         keyword_name);

// A word that starts no declaration is no place to resume: the line is skipped with the broken
// declaration, silently.
TEST(Recovery, DoesNotResumeAtOtherWords) {
  for (std::string_view word : {"item", "price", "when", "window", "fee", "rate", "visit"}) {
    const std::string source = std::string(broken) + std::string(word) + " @\n";
    const testing_parse::parsed p = testing_parse::parse(source);
    EXPECT_EQ(p.diagnostics.size(), 1U) << word << "\n" << format(p.diagnostics);
  }
}

}  // namespace
}  // namespace tariff
