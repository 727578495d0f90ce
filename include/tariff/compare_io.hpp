// tariff — a comparison (compare.hpp) as text, JSON and CSV: the what-if report.
//
// Decimals are written exactly, with their scale. docs/compare.md shows each form.
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include <tariff/compare.hpp>
#include <tariff/export.h>
#include <tariff/pricing.hpp>

namespace tariff {

/// What the what-if report for a terminal shows beyond its figures.
struct comparison_text_options {
  bool lines = false;  ///< each changed line with its two pricings and their traces side by side
};

/// The report as aligned text for a terminal: the totals, then per client, item and month; with
/// `lines`, each changed line with its two pricings and their traces side by side (one above
/// the other where that would be wider than 100 columns). `old_tariff` and `new_tariff` must be
/// the tariffs compared (they name the parts' labels).
[[nodiscard]] TARIFF_API std::string write_comparison_text(
    const comparison& c, const compiled_tariff& old_tariff, const compiled_tariff& new_tariff,
    const comparison_text_options& options = {});

/// The 0.1 form: `lines` as a bool.
[[deprecated("use write_comparison_text(c, old, new, {.lines = ...}); removed in 0.3")]] TARIFF_API
    std::string
    write_comparison_text(const comparison& c, const compiled_tariff& old_tariff,
                          const compiled_tariff& new_tariff, bool lines);

/// The report as one JSON object: every figure, and the changed lines as write_priced_json writes
/// lines ("old" and "new").
[[nodiscard]] TARIFF_API std::string write_comparison_json(const comparison& c,
                                                           const compiled_tariff& old_tariff,
                                                           const compiled_tariff& new_tariff);

/// A report with its changed lines, written in pieces for a history whose changed lines are too
/// many to hold: head() (every figure, and the heading of the list), then append() for the lines
/// a block at a time, then tail(). The pieces together are, byte for byte, what
/// write_comparison_text (with lines) or write_comparison_json gives for the same comparison with
/// those lines. `tariff diff` writes the lines to a temporary file as it finds them and its report
/// at the end.
class TARIFF_API comparison_writer {
 public:
  enum class format { text, json };
  /// The tariffs compared; both must outlive the writer.
  comparison_writer(format f, const compiled_tariff& old_tariff, const compiled_tariff& new_tariff);
  /// The report before its lines: the figures of `c` (its own `lines` are not read) and the start
  /// of a list of `lines` changed lines.
  [[nodiscard]] std::string head(const comparison& c, std::size_t lines);
  /// Appends changed lines to `out`, in the order the report lists them.
  void append(std::string& out, std::span<const line_change> lines);
  /// The report after its last line.
  [[nodiscard]] std::string tail() const;

 private:
  format format_;
  const compiled_tariff* old_;
  const compiled_tariff* new_;
  std::size_t count_ = 0;
  std::size_t written_ = 0;
};

/// The figures as CSV, one row per group: group ("total", "fees", "client", "item", "month"),
/// key, lines, changed, rejected counts, and the revenue, cost and margin under each tariff with
/// the changes.
[[nodiscard]] TARIFF_API std::string write_comparison_csv(const comparison& c);

}  // namespace tariff
