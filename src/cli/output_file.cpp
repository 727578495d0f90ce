// Writing one output file (output_file.hpp) with POSIX calls, every result checked.
#include "cli/output_file.hpp"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fcntl.h>
#include <memory>
#include <random>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace tariff::cli {

namespace {

std::error_code error_of(int code) {
  return {code, std::generic_category()};
}

// errno after a failed call. A call that fails without saying why is still a failure.
std::error_code last_error() {
  return error_of(errno != 0 ? errno : EIO);
}

// An open file descriptor, closed when it goes out of scope unless close() was called.
class descriptor {
 public:
  descriptor() = default;
  explicit descriptor(int fd) : fd_(fd) {}
  descriptor(const descriptor&) = delete;
  descriptor& operator=(const descriptor&) = delete;
  descriptor(descriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  descriptor& operator=(descriptor&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  ~descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }

  int get() const { return fd_; }

  // close() reports what a network file system may only say then (a write that did not go
  // through). Linux releases the descriptor even when close is interrupted, so EINTR is not
  // a failure: retrying could close a descriptor another open has reused.
  [[nodiscard]] std::error_code close() {
    if (::close(std::exchange(fd_, -1)) != 0 && errno != EINTR) return last_error();
    return {};
  }

 private:
  int fd_ = -1;
};

// The whole text, through short writes and interrupted calls.
std::error_code write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return last_error();
    }
    // write() returns 0 only for a count of 0; anything else would loop for ever.
    if (written == 0) return error_of(EIO);
    // A short write (a file-size limit, a full disk) is not an error yet: the next call,
    // for the rest, says why it stopped.
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return {};
}

// The directory part of a path as written ("." for a bare name) and the last component.
std::pair<std::string, std::string> split(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return {".", path};
  return {slash == 0 ? "/" : path.substr(0, slash), path.substr(slash + 1)};
}

std::error_code canonical_directory(const std::string& directory, std::string& out) {
  const std::unique_ptr<char, decltype(&std::free)> resolved(::realpath(directory.c_str(), nullptr),
                                                             &std::free);
  if (!resolved) return last_error();
  out = resolved.get();
  return {};
}

std::error_code read_link(const std::string& path, std::string& out) {
  std::string buffer(256, '\0');
  for (;;) {
    const ssize_t size = ::readlink(path.c_str(), buffer.data(), buffer.size());
    if (size < 0) return last_error();
    if (static_cast<std::size_t>(size) < buffer.size()) {
      out.assign(buffer.data(), static_cast<std::size_t>(size));
      return {};
    }
    buffer.resize(buffer.size() * 2);  // it may have been cut off: read it again, larger
  }
}

// Where the text goes.
struct destination {
  bool direct = false;    // write the path as given, in place: not a regular file
  std::string directory;  // the canonical directory of the file to replace
  std::string file;       // the file to replace, in `directory`, after every symbolic link
  bool exists = false;
  mode_t mode = 0;  // the existing file's permission bits
};

std::error_code find_destination(const std::string& path, destination& out) {
  constexpr int max_links = 40;  // as Linux's own limit, after which it gives ELOOP
  std::string at = path;
  for (int links = 0;; ++links) {
    const auto [directory, name] = split(at);
    std::string canonical;
    if (const std::error_code e = canonical_directory(directory, canonical)) return e;
    // /dev/stdout and /dev/fd/N lead to /proc/self/fd: an open descriptor of this process (a
    // pipe, a terminal, a file the shell opened), not a place where a file can be renamed.
    if (canonical == "/proc" || canonical.starts_with("/proc/")) {
      out.direct = true;
      return {};
    }
    const std::string file = (canonical == "/" ? "" : canonical) + "/" + name;
    struct stat status {};
    if (::lstat(file.c_str(), &status) != 0) {
      if (errno != ENOENT) return last_error();
      out = {.direct = false, .directory = canonical, .file = file};  // a new file
      return {};
    }
    if (S_ISLNK(status.st_mode)) {
      if (links == max_links) return error_of(ELOOP);
      std::string target;
      if (const std::error_code e = read_link(file, target)) return e;
      at = target.starts_with('/') ? target : canonical + "/" + target;
      continue;
    }
    if (!S_ISREG(status.st_mode)) {
      out.direct = true;  // a device, a FIFO, a socket; a directory fails to open, as it should
      return {};
    }
    // Renaming over a file needs only the directory's permission; a file the user may not
    // write (a read-only state or tariff) must stay unwritable, as it was with an in-place write.
    if (::faccessat(AT_FDCWD, file.c_str(), W_OK, AT_EACCESS) != 0) return last_error();
    out = {.direct = false,
           .directory = canonical,
           .file = file,
           .exists = true,
           .mode = static_cast<mode_t>(status.st_mode & 07777)};
    return {};
  }
}

// A new file `.NAME.tariff-XXXXXX` next to the target. It is created as mkstemp creates one
// (O_CREAT | O_EXCL on a random name, retried if taken), but with mode 0666, so that the
// umask gives a new output file the permissions any new file gets; mkstemp's 0600 could only be
// widened by reading the umask, which means changing it.
std::error_code create_temporary(const std::string& directory, const std::string& file,
                                 std::string& path, int& fd) {
  constexpr std::string_view letters =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static std::mt19937 random{std::random_device{}()};
  std::uniform_int_distribution<std::size_t> pick(0, letters.size() - 1);
  const std::string name = split(file).second;
  // Cut a long name, so that the temporary one stays within NAME_MAX.
  const std::string prefix =
      directory + (directory == "/" ? "." : "/.") + name.substr(0, NAME_MAX - 32) + ".tariff-";
  for (int attempt = 0; attempt < 100; ++attempt) {
    path = prefix;
    for (int i = 0; i < 6; ++i)
      path += letters[pick(random)];
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) return {};
    if (errno != EEXIST) return last_error();
  }
  return error_of(EEXIST);
}

// Makes a rename in the directory durable: until the directory is synced, a crash may bring
// back the old file, or no file, even though the new one's data is on disk.
std::error_code sync_directory(const std::string& directory) {
  descriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return last_error();
  // A file system that cannot sync a directory says EINVAL; there is nothing more to do there.
  if (::fsync(fd.get()) != 0 && errno != EINVAL) return last_error();
  return fd.close();
}

}  // namespace

output_file::~output_file() {
  discard();
}

void output_file::discard() noexcept {
  if (fd_ >= 0) ::close(std::exchange(fd_, -1));
  if (!temporary_.empty()) ::unlink(std::exchange(temporary_, {}).c_str());
}

std::error_code output_file::open(const std::string& path) {
  discard();
  destination d;
  if (const std::error_code e = find_destination(path, d)) return e;
  if (d.direct) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC | O_NOCTTY);
    return fd_ < 0 ? last_error() : std::error_code();
  }
  directory_ = d.directory;
  file_ = d.file;
  if (const std::error_code e = create_temporary(d.directory, d.file, temporary_, fd_)) {
    temporary_.clear();
    return e;
  }
  if (d.exists && ::fchmod(fd_, d.mode) != 0) {
    const std::error_code e = last_error();
    discard();
    return e;
  }
  return {};
}

std::error_code output_file::write(std::string_view text) {
  if (const std::error_code e = write_all(fd_, text)) {
    discard();
    return e;
  }
  return {};
}

std::error_code output_file::commit() {
  const auto fail = [&](std::error_code e) {
    discard();
    return e;
  };
  if (temporary_.empty()) {  // written in place
    descriptor fd(std::exchange(fd_, -1));
    return fd.close();
  }
  // The data must be on disk before the rename makes it the file, or a crash could leave
  // an empty file under the target's name.
  if (::fsync(fd_) != 0) return fail(last_error());
  descriptor fd(std::exchange(fd_, -1));
  if (const std::error_code e = fd.close()) return fail(e);
  if (::rename(temporary_.c_str(), file_.c_str()) != 0) return fail(last_error());
  temporary_.clear();
  return sync_directory(directory_);
}

std::error_code write_file(const std::string& path, std::string_view text) {
  output_file out;
  if (const std::error_code e = out.open(path)) return e;
  if (const std::error_code e = out.write(text)) return e;
  return out.commit();
}

}  // namespace tariff::cli
