// Output written as it is made (output_stream.hpp).
#include "cli/output_stream.hpp"

#include <cerrno>
#include <cstdio>

#include "cli/cli.hpp"

namespace tariff::cli {

namespace {

constexpr std::size_t block_size = std::size_t{1} << 20;

}  // namespace

output_stream::output_stream(const std::string& path)
    : path_(path), standard_(path.empty() || path == "-") {
  if (!standard_) {
    if (const std::error_code e = file_.open(path))
      throw failure("cannot write " + path + ": " + e.message());
  }
  block_.reserve(block_size + block_size / 4);
}

void output_stream::wrote() {
  if (block_.size() >= block_size) flush();
}

void output_stream::write(std::string_view piece) {
  block_ += piece;
  wrote();
}

void output_stream::flush() {
  if (block_.empty()) return;
  if (standard_) {
    write_output("", block_);
    flushed_ = true;
  } else if (const std::error_code e = file_.write(block_)) {
    throw failure("cannot write " + path_ + ": " + e.message());
  }
  block_.clear();
}

void output_stream::finish() {
  flush();
  if (standard_) {
    flush_standard_output();
  } else if (const std::error_code e = file_.commit()) {
    throw failure("cannot write " + path_ + ": " + e.message());
  }
}

}  // namespace tariff::cli
