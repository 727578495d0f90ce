// Aligned text for terminals, shared by the text writers of priced lines, statements and
// comparisons: rows of cells in columns, amounts right-aligned in one column, and the local
// clock times of a priced part.
#pragma once

#include <chrono>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tariff/calendar.hpp>
#include <tariff/pricing.hpp>

#include "text/visible.hpp"

namespace tariff::report {

/// The columns a text takes on a terminal: its code points (names may be UTF-8).
std::size_t width(std::string_view text);

// Rows whose cells line up in columns, two spaces apart; a column left out where all its cells
// are empty. A free row is text that starts two spaces after a column's start and does not count
// for the widths (a trace step under a part); a raw row is passed through. Every cell is made
// visible (visible.hpp) as it is added, so the widths are those of the text printed.
//
// The rows are kept as their text, back to back in one string (a byte of kind, then each field's
// length, its width where that is another number, and its bytes), and laid out only when the
// page they are on is written (text_page): straight into the output, no row a string of its own.
class text_table {
 public:
  text_table(std::size_t indent, std::vector<bool> right)
      : indent_(indent), right_(std::move(right)), widths_(right_.size(), 0) {}

  /// A row of cells (fewer than the columns: the rest are empty), maybe an amount, a note.
  void add(std::initializer_list<std::string_view> cells,
           std::optional<std::string_view> amount = {}, std::string_view note = {});
  void add_free(std::size_t column, std::string_view text);
  /// A row passed through as it is (a section's title between two groups of rows).
  void add_raw(std::string_view left, std::optional<std::string_view> amount = {},
               std::string_view note = {});

 private:
  friend class text_page;
  enum kind : char { cells_row, free_row, raw_row };
  std::size_t add_field(std::string_view text);  // its width, made visible
  void add_length(std::size_t length);
  void add_amount(std::optional<std::string_view> amount);

  std::size_t indent_;
  std::vector<bool> right_;
  std::vector<std::size_t> widths_;  // of each column's widest cell
  std::string rows_;
  std::string scratch_;
};

/// Rows and tables to text: every amount right-aligned in one column, two spaces after the widest
/// left part of a row with an amount. Every row's text is made visible (visible.hpp): a name that
/// holds a line break or an escape sequence prints as `\n` or `\x1b`, on its own line, and cannot
/// start a line of its own.
class text_page {
 public:
  /// A row as it is: its left part, maybe an amount, a note.
  void add(std::string_view left, std::optional<std::string_view> amount = {},
           std::string_view note = {});
  /// The rows of `table`, laid out in its columns.
  void add(text_table&& table);
  bool empty() const;

  /// The page's text appended to `out`.
  void render_to(std::string& out) const;
  std::string render() const {
    std::string out;
    render_to(out);
    return out;
  }

 private:
  std::vector<text_table> tables_;
  bool last_is_rows_ = false;  // the last table holds the page's own rows
};

/// A part's local clock times in `zone`: "21:00-22:00", "10:00" for a counted line; the date
/// first when the part starts on another day than its line.
std::string part_time(const priced_part& part, const priced_line& line,
                      const date::time_zone& zone);

/// A priced line as rows of `table` (5 columns: id, date, title, billed, unit price): the line
/// with its amount and `note` (and why it is not billable: after "; " if there is a note, even
/// an empty one), each part below it, and with `explain` each trace step. Part amounts are
/// shown at the tariff's display scale (shown_amount.hpp); part times in `zone_name`, the
/// site's zone of the work line (empty: the calendar's), named in the notes when it is not the
/// calendar's.
void add_priced_line(text_table& table, const priced_line& line, const compiled_tariff& tariff,
                     bool explain, std::optional<std::string_view> note = {},
                     std::string_view zone_name = {});

}  // namespace tariff::report
