// A diagnostic as text: the plain form hosts get (tariff::format) and the tool's (name, underline,
// colour), with the note and the fix-it line.
#include "diagnostics/render.hpp"

#include <gtest/gtest.h>

#include "diagnostics/sink.hpp"

namespace tariff::diagnostics {
namespace {

diagnostic allowance_in_hours() {
  return {
      .level = severity::error,
      .file = "f.tariff",
      .line = 3,
      .column = 15,
      .message = "expected 'per' and a unit, as in: per hour, found 'hvac_repair'",
      .source_line = "  includes 20 hours hvac_repair per month",
      .name = "syntax-error",
      .length = 8,
      .note = "write a duration as one word: 20h",
      .fixes = {{.line = 3, .column = 12, .end_line = 3, .end_column = 20, .replacement = "20h"}}};
}

TEST(Render, PlainFormShowsTheFixItUnderItsPlaceAndTheNote) {
  EXPECT_EQ(format(allowance_in_hours()),
            "f.tariff:3:15: error: expected 'per' and a unit, as in: per hour, found "
            "'hvac_repair'\n"
            "    includes 20 hours hvac_repair per month\n"
            "                ^\n"
            "             20h\n"
            "f.tariff:3:15: note: write a duration as one word: 20h");
}

TEST(Render, ToolFormAddsTheNameAndUnderlinesTheSpan) {
  EXPECT_EQ(render(allowance_in_hours(), {.color = false, .with_name = true, .underline = true}),
            "f.tariff:3:15: error: expected 'per' and a unit, as in: per hour, found "
            "'hvac_repair' [syntax-error]\n"
            "    includes 20 hours hvac_repair per month\n"
            "                ^~~~~~~~\n"
            "             20h\n"
            "f.tariff:3:15: note: write a duration as one word: 20h");
}

TEST(Render, ColourWrapsEachPartInAnsiStylesAndResets) {
  diagnostic d = allowance_in_hours();
  d.level = severity::warning;
  d.note.clear();
  d.fixes.clear();
  EXPECT_EQ(render(d, {.color = true, .with_name = false, .underline = false}),
            "\x1b[1mf.tariff:3:15: \x1b[1;35mwarning: \x1b[0m\x1b[1mexpected 'per' and a unit, as "
            "in: per hour, found 'hvac_repair'\x1b[0m\n"
            "    includes 20 hours hvac_repair per month\n"
            "                \x1b[1;32m^\x1b[0m");
}

TEST(Render, WithoutNoteOrFixTheFormIsTheOldOne) {
  diagnostic d = allowance_in_hours();
  d.note.clear();
  d.fixes.clear();
  EXPECT_EQ(format(d),
            "f.tariff:3:15: error: expected 'per' and a unit, as in: per hour, found "
            "'hvac_repair'\n"
            "    includes 20 hours hvac_repair per month\n"
            "                ^");
}

TEST(Sink, FillsTheNameAndTheLengthOfTheWordAtThePlace) {
  diagnostic_sink sink("tariff \"T\" currency RUB\ncalendar { timezone Europe/Moskow }\n", "f");
  sink.report(code::unknown_time_zone, {2, 21}, "unknown time zone 'Europe/Moskow'");
  sink.report(code::window_overlap, {2, 37}, "past the end");
  const std::vector<diagnostic> found = sink.take();
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].name, "unknown-time-zone");
  EXPECT_EQ(found[0].level, severity::error);
  EXPECT_EQ(found[0].length, 13);
  EXPECT_EQ(found[1].name, "window-overlap");
  EXPECT_EQ(found[1].level, severity::warning);
  EXPECT_EQ(found[1].length, 0);
}

}  // namespace
}  // namespace tariff::diagnostics
