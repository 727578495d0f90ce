// The text forms of pricing results: item_quantity::to_string and reject reason codes.
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/pricing.hpp>

namespace {

using namespace tariff;

std::string time_text(std::string_view seconds, std::int64_t unit = 3600) {
  return item_quantity{decimal(seconds), unit}.to_string();
}

TEST(ItemQuantityText, CountedKeepsItsScale) {
  EXPECT_EQ((item_quantity{decimal(3), 0}.to_string()), "3");
  EXPECT_EQ((item_quantity{decimal("1.50"), 0}.to_string()), "1.50");
  EXPECT_EQ((item_quantity{decimal("0"), 0}.to_string()), "0");
  EXPECT_EQ((item_quantity{decimal("-2.5"), 0}.to_string()), "-2.5");
  EXPECT_FALSE((item_quantity{decimal(3), 0}.is_time()));
}

TEST(ItemQuantityText, TimeAsHoursMinutesSeconds) {
  EXPECT_EQ(time_text("5400"), "1h30min");
  EXPECT_EQ(time_text("7200"), "2h");
  EXPECT_EQ(time_text("45"), "45s");
  EXPECT_EQ(time_text("3725"), "1h2min5s");
  EXPECT_EQ(time_text("0"), "0min");
  EXPECT_EQ(time_text("60"), "1min");
  EXPECT_EQ(time_text("3601"), "1h1s");
  EXPECT_EQ(time_text("1500"), "25min");
  EXPECT_EQ(time_text("93600"), "26h");  // no days
  EXPECT_EQ(time_text("-5400"), "-1h30min");
  EXPECT_EQ(time_text("-45"), "-45s");
  EXPECT_TRUE((item_quantity{decimal(0), 3600}.is_time()));
}

TEST(ItemQuantityText, TimeDoesNotDependOnTheUnit) {
  // The unit says how seconds convert to the price's unit; the text is the duration itself.
  EXPECT_EQ(time_text("5400", 60), "1h30min");
  EXPECT_EQ(time_text("5400", 86400), "1h30min");
}

TEST(ItemQuantityText, TimeWithAScaleOrBeyondInt64) {
  EXPECT_EQ(time_text("5400.00"), "1h30min");  // whole seconds written with a scale
  EXPECT_EQ(time_text("-0.000"), "0min");
  // Not whole seconds, or too many for 64 bits: the exact seconds.
  EXPECT_EQ(time_text("90.5"), "90.5s");
  EXPECT_EQ(time_text("100000000000000000000"), "100000000000000000000s");
  // The most negative 64-bit count of seconds negates without overflow.
  EXPECT_EQ(time_text(std::to_string(std::numeric_limits<std::int64_t>::min())),
            "-2562047788015215h30min8s");
  EXPECT_EQ(time_text(std::to_string(std::numeric_limits<std::int64_t>::max())),
            "2562047788015215h30min7s");
}

TEST(RejectReasonText, EveryReasonByItsEnumeratorName) {
  const std::vector<std::pair<reject_reason, std::string_view>> expected{
      {reject_reason::unknown_contract, "unknown_contract"},
      {reject_reason::wrong_contract, "wrong_contract"},
      {reject_reason::contract_not_registered, "contract_not_registered"},
      {reject_reason::contract_not_started, "contract_not_started"},
      {reject_reason::contract_ended, "contract_ended"},
      {reject_reason::unknown_plan, "unknown_plan"},
      {reject_reason::no_price_list, "no_price_list"},
      {reject_reason::unknown_price_list, "unknown_price_list"},
      {reject_reason::no_price_list_version, "no_price_list_version"},
      {reject_reason::unknown_item, "unknown_item"},
      {reject_reason::item_not_in_catalogue, "item_not_in_catalogue"},
      {reject_reason::item_not_in_price_list, "item_not_in_price_list"},
      {reject_reason::missing_end, "missing_end"},
      {reject_reason::missing_quantity, "missing_quantity"},
      {reject_reason::unexpected_quantity, "unexpected_quantity"},
      {reject_reason::invalid_quantity, "invalid_quantity"},
      {reject_reason::end_before_start, "end_before_start"},
      {reject_reason::unknown_time_zone, "unknown_time_zone"},
      {reject_reason::missing_attribute, "missing_attribute"},
      {reject_reason::invalid_attribute, "invalid_attribute"},
      {reject_reason::no_table_entry, "no_table_entry"},
      {reject_reason::invalid_contract, "invalid_contract"},
      {reject_reason::arithmetic_limit, "arithmetic_limit"},
      {reject_reason::not_supported, "not_supported"},
      {reject_reason::after_period, "after_period"},
      {reject_reason::negative_price, "negative_price"},
      {reject_reason::accepted_before_work, "accepted_before_work"},
      {reject_reason::span_too_long, "span_too_long"},
      {reject_reason::period_closed, "period_closed"},
      {reject_reason::not_billed, "not_billed"},
      {reject_reason::moved_contract, "moved_contract"},
      {reject_reason::duplicate_id, "duplicate_id"},
  };
  for (const auto& [reason, name] : expected) {
    EXPECT_EQ(to_string(reason), name);
  }
  // The list above is every enumerator: they are numbered 0..31 in declaration order.
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(static_cast<std::size_t>(expected[i].first), i);
  }
  EXPECT_EQ(static_cast<std::size_t>(reject_reason::duplicate_id) + 1, expected.size());
  EXPECT_EQ(to_string(static_cast<reject_reason>(expected.size())), "?");
}

}  // namespace
