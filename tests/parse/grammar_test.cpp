// The grammar itself, as PEGTL sees it: no rule can loop without consuming input.
#include <gtest/gtest.h>

#include "grammar/tariff_grammar.hpp"

namespace tariff {
namespace {

namespace g = grammar;
namespace pegtl = tao::pegtl;

// pegtl::analyze finds rules that may succeed without consuming inside a repetition (an endless
// loop) and left recursion; it prints each problem it finds and returns their number.
TEST(Grammar, AnalysisFindsNoProblems) {
  EXPECT_EQ(pegtl::analyze<g::next_declaration>(), 0U);
  EXPECT_EQ(pegtl::analyze<g::sep>(), 0U);  // what the parser reads before the first declaration
}

}  // namespace
}  // namespace tariff
