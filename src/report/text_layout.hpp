// Aligned text for terminals, shared by the text writers of priced lines, statements and
// comparisons: rows of cells in columns, amounts right-aligned in one column, and the local
// clock times of a priced part.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/calendar.hpp>
#include <tariff/pricing.hpp>

#include "text/visible.hpp"

namespace tariff::report {

/// The columns a text takes on a terminal: its code points (names may be UTF-8).
std::size_t width(std::string_view text);

// One row of the text: what is on the left, then maybe an amount, right-aligned in the column all
// amounts of the statement share, and a note after it.
struct text_row {
  std::string left;
  std::optional<std::string> amount;
  std::string note;
};

// Rows whose cells line up in columns, two spaces apart; a column left out where all its cells
// are empty. A free row is text that starts two spaces after a column's start and does not count
// for the widths (a trace step under a part); a raw row is passed through. Every cell is made
// visible (visible.hpp) as it is added, so the widths are those of the text printed.
class text_table {
 public:
  text_table(std::size_t indent, std::vector<bool> right)
      : indent_(indent), right_(std::move(right)) {}

  void add(std::vector<std::string> cells, std::optional<std::string> amount = {},
           std::string note = {}) {
    cells.resize(right_.size());
    for (std::string& cell : cells)
      cell = text::visible(cell);
    if (amount) amount = text::visible(*amount);
    rows_.push_back({std::move(cells), 0, {}, std::move(amount), text::visible(note), {}});
  }
  void add_free(std::size_t column, std::string text) {
    rows_.push_back({{}, column, text::visible(text), {}, {}, {}});
  }
  /// A row passed through as it is (a section's title between two groups of rows).
  void add_raw(text_row raw) { rows_.push_back({{}, 0, {}, {}, {}, std::move(raw)}); }

  /// The rows laid out: cells padded to their column's width, two spaces apart.
  void append_to(std::vector<text_row>& out) const;

 private:
  struct row {
    std::vector<std::string> cells;  // empty: a free or a raw row
    std::size_t free_column;
    std::string free;
    std::optional<std::string> amount;
    std::string note;
    std::optional<text_row> raw;
  };
  std::size_t indent_;
  std::vector<bool> right_;
  std::vector<row> rows_;
};

/// Rows to text: every amount right-aligned in one column, two spaces after the widest left part
/// of a row with an amount. Every row's text is made visible (visible.hpp): a name that holds a
/// line break or an escape sequence prints as `\n` or `\x1b`, on its own line, and cannot start
/// a line of its own.
std::string render(const std::vector<text_row>& rows);

/// A part's local clock times in `zone`: "21:00-22:00", "10:00" for a counted line; the date
/// first when the part starts on another day than its line.
std::string part_time(const priced_part& part, const priced_line& line,
                      const date::time_zone& zone);

/// A priced line as rows of `table` (5 columns: id, date, title, billed, unit price): the line
/// with its amount and `notes`, each part below it, and with `explain` each trace step.
void add_priced_line(text_table& table, const priced_line& line, const compiled_tariff& tariff,
                     bool explain, std::vector<std::string> notes = {});

}  // namespace tariff::report
