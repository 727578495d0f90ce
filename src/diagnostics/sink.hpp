// Collects the diagnostics of one source file as the stages find them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <tariff/diagnostics.hpp>

#include "diagnostics/names.hpp"
#include "vocabulary/vocabulary.hpp"

namespace tariff::diagnostics {

/// Every stage reports into one sink; it knows the source, so each diagnostic carries its line.
class diagnostic_sink {
 public:
  /// Lines longer than this are not quoted under their diagnostics.
  static constexpr std::size_t max_quoted_line = 1024;

  diagnostic_sink(std::string_view source, std::string file)
      : source_(source), file_(std::move(file)) {}

  /// Reports a finding of kind `kind` (its severity is the table's) at `at`, spanning `length`
  /// bytes of its line (0: a point). The reference lets the caller add a note or fix-its; it
  /// holds until the next report.
  diagnostic& report(code kind, vocabulary::position at, std::string message, int length = 0);
  /// Whether an error has been reported.
  bool has_errors() const { return errors_ > 0; }
  /// The name of the source file.
  const std::string& file() const { return file_; }
  /// The diagnostics, sorted by place (stable: same place keeps report order).
  std::vector<diagnostic> take();

 private:
  std::string_view line_text(int line) const;

  std::string_view source_;
  std::string file_;
  mutable std::vector<std::size_t> line_starts_;  // offsets of each line, found on first use
  std::vector<diagnostic> diagnostics_;
  int errors_ = 0;
};

}  // namespace tariff::diagnostics
