// A command's output written as it is made (docs/cli.md, "Large inputs"): to standard output as
// it goes, or to a file that becomes the file only when the command succeeds.
#pragma once

#include <string>
#include <string_view>

#include "cli/output_file.hpp"

namespace tariff::cli {

/// Text for standard output (path empty or "-") or for a file (output_file: a temporary file
/// renamed over the target by finish()). Pieces are gathered into blocks of about a megabyte, so
/// that a line at a time costs no system call. If the command fails before finish(), a file is
/// left as it was; standard output keeps the blocks already written (none, for output smaller
/// than a block), and the command's message says the output is incomplete (partly_written).
class output_stream {
 public:
  /// Opens the output; throws failure ("cannot write PATH: REASON").
  explicit output_stream(const std::string& path);

  /// The block being gathered: append to it, then call wrote().
  [[nodiscard]] std::string& text() { return block_; }
  /// Writes the block out once it is large enough; throws failure.
  void wrote();
  /// Appends `piece` and calls wrote().
  void write(std::string_view piece);
  /// Writes what is left and, for a file, makes it the file; throws failure.
  void finish();

  /// Whether some of the text has reached standard output: what a failure leaves behind.
  [[nodiscard]] bool partly_written() const { return standard_ && flushed_; }

 private:
  void flush();

  std::string path_;
  bool standard_;
  output_file file_;
  std::string block_;
  bool flushed_ = false;
};

}  // namespace tariff::cli
