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

}  // namespace tariff::cli
