// tariff — priced lines as CSV and JSON, the formats docs/formats.md describes, and as text.
//
// One output row (or object) per input line, in input order, priced or rejected, so a host can
// join the output to its work by `id`. Decimals are written exactly, with their scale.
#pragma once

#include <span>
#include <string>

#include <tariff/export.h>
#include <tariff/pricing.hpp>

namespace tariff {

/// Priced lines as CSV: a header row, then one row per line; parts and trace as compact text.
/// `tariff` must be the tariff that priced them (it names the segments' labels).
[[nodiscard]] TARIFF_API std::string write_priced_csv(std::span<const priced_line> lines,
                                                      const compiled_tariff& tariff);
/// Priced lines as a JSON array of objects, parts and trace steps nested.
[[nodiscard]] TARIFF_API std::string write_priced_json(std::span<const priced_line> lines,
                                                       const compiled_tariff& tariff);

/// Priced lines written a block at a time, for a stream of lines too long to hold at once: the
/// blocks' text together is what write_priced_csv or write_priced_json gives for all the lines.
///
///     tariff::priced_writer writer(tariff::priced_writer::format::csv, tariff);
///     std::string text;
///     while (/* more blocks */) {
///       tariff::price_into(tariff, contracts, block, priced);
///       writer.append(text, priced);
///       send(text), text.clear();
///     }
///     writer.finish(text);  // the header of an empty CSV, the end of the JSON array
class TARIFF_API priced_writer {
 public:
  enum class format { csv, json };
  /// `tariff` must be the tariff that priced the lines, and outlive the writer.
  priced_writer(format f, const compiled_tariff& tariff);
  /// Appends the lines' text to `out`, after the header or the array's opening the first time.
  void append(std::string& out, std::span<const priced_line> lines);
  /// Appends the end: what an empty input needs, and the closing of a JSON array.
  void finish(std::string& out);

 private:
  format format_;
  const compiled_tariff* tariff_;
  bool started_ = false;
  std::string scratch_;
};

/// What a text report for a terminal shows beyond its figures.
struct text_options {
  bool explain = false;  ///< each part's trace steps: what every rule did to its price
  /// The site's zone of each line (work_line::time_zone), in the order of the lines: their
  /// parts' clock times are shown in it, and a zone that is not the calendar's is named. Empty
  /// (or an empty name): the calendar's zone.
  std::span<const std::string> time_zones = {};
};

/// Priced lines as aligned text for a terminal: each priced line with its parts (and with
/// `explain` their trace steps), then the rejected lines with their reasons, then totals.
[[nodiscard]] TARIFF_API std::string write_priced_text(std::span<const priced_line> lines,
                                                       const compiled_tariff& tariff,
                                                       const text_options& options = {});

/// The 0.1 form: `explain` as a bool.
[[deprecated("use write_priced_text(lines, tariff, {.explain = ...}); removed in 0.3")]] TARIFF_API
    std::string
    write_priced_text(std::span<const priced_line> lines, const compiled_tariff& tariff,
                      bool explain);

}  // namespace tariff
