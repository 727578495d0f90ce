#include "check/suggest.hpp"

#include <gtest/gtest.h>

namespace tariff::check_stage {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(edit_distance("night", "night"), 0U);
  EXPECT_EQ(edit_distance("nigth", "night"), 1U);  // a swap of neighbours is one edit
  EXPECT_EQ(edit_distance("nght", "night"), 1U);
  EXPECT_EQ(edit_distance("nighty", "night"), 1U);
  EXPECT_EQ(edit_distance("might", "night"), 1U);
  EXPECT_EQ(edit_distance("", "abc"), 3U);
  EXPECT_EQ(edit_distance("abc", ""), 3U);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3U);
}

TEST(Closest, SuggestsWithinTwoEditsAndPrefersTheNearest) {
  const std::vector<std::string> names{"night", "weekend", "nights"};
  EXPECT_EQ(closest("nigth", names), "night");
  EXPECT_EQ(closest("weekned", names), "weekend");
  EXPECT_EQ(closest("nightss", names), "nights");
  EXPECT_EQ(closest("morning", names), std::nullopt);
}

TEST(Closest, BreaksTiesByDeclarationOrder) {
  EXPECT_EQ(closest("cat", {"bat", "hat"}), "bat");
  EXPECT_EQ(closest("cat", {"hat", "bat"}), "hat");
}

TEST(Closest, NeverSuggestsTheNameItselfNorAWholeRewrite) {
  EXPECT_EQ(closest("night", {"night"}), std::nullopt);
  EXPECT_EQ(closest("x", {"y"}), std::nullopt);  // one letter changed is the whole name
  EXPECT_EQ(closest("ab", {"cd"}), std::nullopt);
}

TEST(UnknownNameMessage, AddsTheSuggestionWhenThereIsOne) {
  EXPECT_EQ(unknown_name_message("window", "nigth", {"night"}),
            "unknown window 'nigth'; did you mean 'night'?");
  EXPECT_EQ(unknown_name_message("window", "dawn", {"night"}), "unknown window 'dawn'");
  EXPECT_EQ(unknown_name_message("item", "vist", {"visit"}, " in price list 'retail'"),
            "unknown item 'vist' in price list 'retail'; did you mean 'visit'?");
}

}  // namespace
}  // namespace tariff::check_stage
