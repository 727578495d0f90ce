// The external sort (external_sort.hpp): in-memory runs, spilled to unlinked temporary files,
// merged by a heap that breaks ties by run so that equal keys keep the order they were added in.
#include "cli/external_sort.hpp"

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <unistd.h>

#include "cli/cli.hpp"

namespace tariff::cli {

namespace {

// More runs than this are merged a group at a time, so that a merge never holds more files open
// (and buffers in memory) than this.
constexpr std::size_t max_fan_in = 64;
constexpr std::size_t run_buffer = 256 * 1024;

void put_varint(std::string& out, std::size_t n) {
  while (n >= 0x80) {
    out += static_cast<char>((n & 0x7F) | 0x80);
    n >>= 7;
  }
  out += static_cast<char>(n);
}

std::size_t get_varint(const char*& at) {
  std::size_t n = 0;
  for (int shift = 0;; shift += 7) {
    const auto byte = static_cast<unsigned char>(*at++);
    n |= static_cast<std::size_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return n;
  }
}

// The key and payload of the record that starts at `at`.
void decode(const char* at, std::string_view& key, std::string_view& payload) {
  const std::size_t key_size = get_varint(at);
  const std::size_t payload_size = get_varint(at);
  key = {at, key_size};
  payload = {at + key_size, payload_size};
}

std::string_view key_at(const std::string& records, std::uint64_t start) {
  std::string_view key, payload;
  decode(records.data() + start, key, payload);
  return key;
}

std::string temporary_directory() {
  const char* dir = std::getenv("TMPDIR");
  return dir != nullptr && *dir != '\0' ? dir : "/tmp";
}

[[noreturn]] void cannot(const std::string& what, int error) {
  throw failure("cannot " + what + " a temporary file of the sort in " + temporary_directory() +
                ": " + std::generic_category().message(error != 0 ? error : EIO));
}

}  // namespace

std::size_t sort_memory() {
  constexpr std::size_t fallback = std::size_t{128} << 20;
  const char* text = std::getenv("TARIFF_SORT_MEMORY");
  if (text == nullptr || *text == '\0') return fallback;
  char* end = nullptr;
  errno = 0;
  const unsigned long long n = std::strtoull(text, &end, 10);
  std::size_t shift = 0;
  if (*end == 'K' || *end == 'k') shift = 10;
  if (*end == 'M' || *end == 'm') shift = 20;
  if (*end == 'G' || *end == 'g') shift = 30;
  if (shift != 0) ++end;
  // Below a kilobyte every few records would be a run: a budget that small is a typing error.
  if (errno != 0 || end == text || *end != '\0' || *text == '-' || n > (SIZE_MAX >> shift) ||
      (n << shift) < 1024)
    throw failure(std::string("TARIFF_SORT_MEMORY=") + text +
                      ": expected a size of at least 1K in bytes, or with K, M or G",
                  2);
  return static_cast<std::size_t>(n) << shift;
}

// A run in an unlinked temporary file: written once, then read from the start.
class external_sort::run_file {
 public:
  run_file() {
    // mkstemp's template: it replaces the six Xs with a name no file has yet.
    std::string path = temporary_directory() + "/tariff-sort-XXXXXX";
    const int fd = ::mkstemp(path.data());
    if (fd < 0) cannot("create", errno);
    ::unlink(path.c_str());  // gone with the process, however it ends
    file_ = ::fdopen(fd, "w+b");
    if (file_ == nullptr) {
      const int error = errno;
      ::close(fd);
      cannot("open", error);
    }
    std::setvbuf(file_, nullptr, _IOFBF, run_buffer);
  }
  run_file(const run_file&) = delete;
  run_file& operator=(const run_file&) = delete;
  ~run_file() { std::fclose(file_); }

  void write(std::string_view key, std::string_view payload) {
    header_.clear();
    put_varint(header_, key.size());
    put_varint(header_, payload.size());
    if (std::fwrite(header_.data(), 1, header_.size(), file_) != header_.size() ||
        std::fwrite(key.data(), 1, key.size(), file_) != key.size() ||
        std::fwrite(payload.data(), 1, payload.size(), file_) != payload.size())
      cannot("write", errno);
  }
  void rewind() {
    if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) cannot("write", errno);
  }
  // The next record, false at the end.
  bool read(std::string& key, std::string& payload) {
    std::size_t key_size = 0;
    if (!read_varint(key_size, true)) return false;
    std::size_t payload_size = 0;
    read_varint(payload_size, false);
    key.resize(key_size);
    payload.resize(payload_size);
    if (std::fread(key.data(), 1, key_size, file_) != key_size ||
        std::fread(payload.data(), 1, payload_size, file_) != payload_size)
      cannot("read", std::ferror(file_) ? errno : EIO);
    return true;
  }

 private:
  bool read_varint(std::size_t& n, bool end_allowed) {
    n = 0;
    for (int shift = 0;; shift += 7) {
      const int byte = std::getc(file_);
      if (byte == EOF) {
        if (end_allowed && shift == 0 && !std::ferror(file_)) return false;
        cannot("read", std::ferror(file_) ? errno : EIO);
      }
      n |= static_cast<std::size_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return true;
    }
  }

  std::FILE* file_ = nullptr;
  std::string header_;
};

// One source of the merge: a run, or (file null) the records still in memory.
struct external_sort::cursor {
  run_file* file = nullptr;
  std::string key_text, payload_text;
  std::string_view key, payload;
  bool valid = false;
};

external_sort::external_sort(std::size_t memory) : memory_(memory) {}

external_sort::~external_sort() = default;

void external_sort::add(std::string_view key, std::string_view payload) {
  // A record that would take the memory past the budget goes after a spill: the budget is the
  // most the records take, never a point they grow past (a record larger than the whole budget
  // is a run of its own).
  constexpr std::size_t varints = 20;  // at most two 10-byte lengths
  const std::size_t size = varints + key.size() + payload.size();
  if (!starts_.empty() &&
      records_.size() + size + (starts_.size() + 1) * sizeof(std::uint64_t) > memory_)
    spill();
  // The whole budget at once: a string left to grow by doubling would hold up to twice the
  // budget, and both its old and new buffers while it moves. Only what is written is resident.
  if (records_.capacity() < memory_) records_.reserve(memory_);
  starts_.push_back(records_.size());
  put_varint(records_, key.size());
  put_varint(records_, payload.size());
  records_.append(key);
  records_.append(payload);
}

void external_sort::sort_memory_records() {
  std::stable_sort(starts_.begin(), starts_.end(), [this](std::uint64_t a, std::uint64_t b) {
    return key_at(records_, a) < key_at(records_, b);
  });
}

void external_sort::spill() {
  sort_memory_records();
  auto run = std::make_unique<run_file>();
  for (const std::uint64_t start : starts_) {
    std::string_view key, payload;
    decode(records_.data() + start, key, payload);
    run->write(key, payload);
  }
  run->rewind();
  runs_.push_back(std::move(run));
  records_.clear();
  starts_.clear();
}

void external_sort::finish() {
  sort_memory_records();
  if (runs_.empty()) return;  // next() walks memory alone
  while (runs_.size() > max_fan_in)
    merge_down(max_fan_in);
  cursors_.resize(runs_.size() + 1);
  for (std::size_t i = 0; i < runs_.size(); ++i)
    cursors_[i].file = runs_[i].get();
  for (std::size_t s = 0; s < cursors_.size(); ++s) {
    advance(s);
    if (cursors_[s].valid) heap_.push_back(s);
  }
  std::make_heap(heap_.begin(), heap_.end(),
                 [this](std::size_t a, std::size_t b) { return later(a, b); });
}

// Merges the first `fan_in` runs into one run in their place: the earliest records stay first,
// so ties still come back in the order they were added.
void external_sort::merge_down(std::size_t fan_in) {
  const auto end = runs_.begin() + static_cast<std::ptrdiff_t>(fan_in);
  std::vector<std::unique_ptr<run_file>> group(std::make_move_iterator(runs_.begin()),
                                               std::make_move_iterator(end));
  runs_.erase(runs_.begin(), end);
  external_sort merger(memory_);
  merger.runs_ = std::move(group);
  merger.finish();
  auto merged = std::make_unique<run_file>();
  std::string_view key, payload;
  while (merger.next(key, payload))
    merged->write(key, payload);
  merged->rewind();
  runs_.insert(runs_.begin(), std::move(merged));
}

void external_sort::advance(std::size_t source) {
  cursor& c = cursors_[source];
  if (c.file != nullptr) {
    c.valid = c.file->read(c.key_text, c.payload_text);
    c.key = c.key_text;
    c.payload = c.payload_text;
  } else {
    c.valid = next_in_memory_ < starts_.size();
    if (c.valid) decode(records_.data() + starts_[next_in_memory_++], c.key, c.payload);
  }
}

// The heap's top is the smallest key; of equal keys, the earliest source (runs are in the order
// they were written, memory last).
bool external_sort::later(std::size_t a, std::size_t b) const {
  const int order = cursors_[a].key.compare(cursors_[b].key);
  return order != 0 ? order > 0 : a > b;
}

bool external_sort::next(std::string_view& key, std::string_view& payload) {
  if (runs_.empty()) {
    if (next_in_memory_ == starts_.size()) return false;
    decode(records_.data() + starts_[next_in_memory_++], key, payload);
    return true;
  }
  const auto later = [this](std::size_t a, std::size_t b) { return this->later(a, b); };
  if (heap_.empty()) return false;
  std::pop_heap(heap_.begin(), heap_.end(), later);
  const std::size_t source = heap_.back();
  heap_.pop_back();
  key_.assign(cursors_[source].key);
  payload_.assign(cursors_[source].payload);
  advance(source);
  if (cursors_[source].valid) {
    heap_.push_back(source);
    std::push_heap(heap_.begin(), heap_.end(), later);
  }
  key = key_;
  payload = payload_;
  return true;
}

}  // namespace tariff::cli
