// Work lines as a stream (work_input.hpp).
#include "cli/work_input.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fmt/core.h>
#include <sys/stat.h>
#include <system_error>

#include "cli/cli.hpp"
#include "cli/progress.hpp"
#include "cli/sort_keys.hpp"

namespace tariff::cli {

namespace {

// The key of an id in the ids' sort: the id, a NUL (which no id read holds: text_rules.hpp), its
// row as 8 big-endian bytes; so an id's rows come back together and in row order, whatever order
// the blocks gave them in.
void id_key(std::string& key, std::string_view id, std::size_t row) {
  key.assign(id);
  key += '\0';
  append_big_endian(key, row, 8);
}

std::string_view id_of(std::string_view key) {
  return key.substr(0, key.size() - 9);
}

std::size_t row_of(std::string_view key) {
  return static_cast<std::size_t>(read_big_endian(key.substr(key.size() - 8)));
}

// The payload of an id's record: whether its row was already reported for something else.
constexpr std::string_view reported = "1";
constexpr std::string_view unreported = "0";

}  // namespace

work_input::work_input(const std::string& path, std::size_t id_memory) : path_(path) {
  if (is_json_path(path)) {
    json_ = true;
    const std::string text = read_file(path);
    size_ = bytes_read_ = text.size();
    json_rows_ = read_work_json(text);
    for (const input_error& e : json_rows_.errors)
      report(e);
    return;
  }
  if (path == "-") {
    file_ = stdin;
  } else {
    // A directory opens as a stream that reads nothing: it would pass for an empty file.
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
      throw failure(path + " is a directory, not a file");
    file_ = std::fopen(path.c_str(), "rb");
    if (file_ == nullptr) throw failure("cannot read " + path);
  }
  struct stat status {};
  if (::fstat(::fileno(file_), &status) == 0 && S_ISREG(status.st_mode))
    size_ = static_cast<std::size_t>(status.st_size);
  ids_ = std::make_unique<external_sort>(id_memory);
  csv_.emplace(
      [this](char* buffer, std::size_t size) {
        const std::size_t n = std::fread(buffer, 1, size, file_);
        if (n < size && std::ferror(file_))
          throw failure("cannot read " + display_name(path_) + ": " +
                        std::generic_category().message(errno != 0 ? errno : EIO));
        bytes_read_ += n;
        return n;
      },
      csv_input_options());
}

work_input::~work_input() {
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
}

void work_input::report(const input_error& e) {
  fmt::print(stderr, "{}: {}\n", path_, format(e));
  ++errors_;
}

bool work_input::next(std::vector<work_line>& lines, std::vector<std::size_t>& rows) {
  lines.clear();
  rows.clear();
  if (ended_) return false;
  if (json_) {
    constexpr std::size_t block = 4096;
    const std::size_t end = std::min(json_rows_.rows.size(), json_next_ + block);
    for (; json_next_ < end; ++json_next_) {
      lines.push_back(std::move(json_rows_.rows[json_next_]));
      rows.push_back(json_rows_.row_numbers[json_next_]);
    }
    ended_ = lines.empty();
    return !ended_;
  }
  // A block may hold only rows that did not read: go on to one with lines, or the end.
  while (lines.empty()) {
    if (!csv_->next(block_)) {
      ended_ = true;
      check_ids();
      return false;
    }
    for (const input_error& e : block_.errors) {
      report(e);
      if (e.id.empty()) continue;
      id_key(key_, e.id, e.row);
      ids_->add(key_, reported);
    }
    for (std::size_t i = 0; i < block_.rows.size(); ++i) {
      id_key(key_, block_.rows[i].id, block_.row_numbers[i]);
      ids_->add(key_, unreported);
    }
    lines = std::move(block_.rows);
    rows = std::move(block_.row_numbers);
  }
  return true;
}

// Each id given again after its first row, reported for the later rows, in row order. A later
// row already reported for something else is not reported twice.
void work_input::check_ids() {
  ids_->finish();
  std::vector<input_error> repeats;
  std::string id;
  std::size_t first = 0;
  bool any = false;
  std::string_view key, payload;
  while (ids_->next(key, payload)) {
    const std::size_t row = row_of(key);
    if (!any || id_of(key) != id) {
      any = true;
      id.assign(id_of(key));
      first = row;
      continue;
    }
    if (payload == reported) continue;
    repeats.push_back(
        {row, id, "id", "duplicate id '" + id + "' (first on row " + std::to_string(first) + ")"});
  }
  std::sort(repeats.begin(), repeats.end(),
            [](const input_error& a, const input_error& b) { return a.row < b.row; });
  for (const input_error& e : repeats)
    report(e);
}

void read_all_work(const std::string& path, std::size_t id_memory,
                   const std::function<void(const work_line& line, std::size_t row)>& each) {
  work_input work(path, id_memory);
  progress_bar bar("bytes of work read", work.size(), progress_bytes);
  std::vector<work_line> lines;
  std::vector<std::size_t> rows;
  while (work.next(lines, rows)) {
    bar.update(work.bytes_read());
    for (std::size_t i = 0; i < lines.size(); ++i)
      each(lines[i], rows[i]);
  }
  if (work.errors() > 0)
    throw failure(fmt::format("{}: {} row(s) could not be read; nothing was priced", work.path(),
                              work.errors()));
}

}  // namespace tariff::cli
