// Writing one output file: a regular file is replaced atomically, a device is written directly.
//
// A state file that `--state` and `--save-state` share, or a tariff `fmt --write` rewrites, must
// never be left cut off: a full disk, a file-size limit or an interrupted run would otherwise
// destroy the only copy. So the new text goes to a temporary file in the target's directory,
// is synced, and is renamed over the target; the old file stays whole until the rename.
#pragma once

#include <string>
#include <string_view>
#include <system_error>

namespace tariff::cli {

/// Makes `text` the whole content of the file `path` names, and returns the error that stopped
/// it (empty when it is done).
///
/// - A regular file, or a path that does not exist yet, is written to a new temporary file
///   `.NAME.tariff-XXXXXX` in the same directory, which is flushed to disk (fsync), given the
///   existing file's permission bits (a new file gets 0666 less the umask, as any new file
///   does) and renamed over the target; then the directory is synced, so that the rename
///   survives a crash. On an error before the rename the old file is as it was and the temporary
///   file is removed.
/// - A symbolic link is followed: its target is replaced and the link stays a link.
/// - Anything else (a device such as /dev/null or /dev/full, a FIFO) is opened and written
///   directly, as is a path that leads into /proc (/dev/stdout, /dev/fd/N: a descriptor of
///   this process, not a place in a directory); it is opened for appending, so that what the
///   descriptor already holds (`2>> log`) is kept.
[[nodiscard]] std::error_code write_file(const std::string& path, std::string_view text);

/// One output file written a piece at a time, as write_file writes it whole: for a regular file
/// every piece goes to the temporary file, and only commit() makes it the file; an error, or the
/// object's end without commit(), removes the temporary file and leaves the target as it was. A
/// device or a descriptor (output_file.hpp's first comment) is written in place as it goes.
class output_file {
 public:
  output_file() = default;
  output_file(const output_file&) = delete;
  output_file& operator=(const output_file&) = delete;
  ~output_file();

  /// Opens `path` for writing: the temporary file next to it, or the device itself.
  [[nodiscard]] std::error_code open(const std::string& path);
  /// Appends `text`; after an error nothing more is written and the target stays as it was.
  [[nodiscard]] std::error_code write(std::string_view text);
  /// Makes what was written the file: synced, renamed over the target, the directory synced.
  [[nodiscard]] std::error_code commit();

 private:
  void discard() noexcept;

  int fd_ = -1;
  std::string directory_;  // the canonical directory of the file to replace
  std::string file_;       // the file to replace, after every symbolic link
  std::string temporary_;  // the temporary file while it exists; empty when written in place
};

}  // namespace tariff::cli
