// The work line stream (work_stream.hpp): read_work_csv's reader (csv_rows.hpp) fed a buffer
// that holds the unread end of the last block and the next block read.
#include "formats/work_stream.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "formats/csv_rows.hpp"
#include "formats/work_spec.hpp"

namespace tariff::formats {

namespace {

// What one refill asks the source for, at least.
constexpr std::size_t block_size = std::size_t{64} * 1024;

}  // namespace

struct work_csv_stream::state {
  state(source in, const csv_options& options)
      : input(std::move(in)), reader(work_row_spec(), options) {}

  // Moves the unread end of the buffer (a record the last block ended in the middle of) to its
  // start and reads more after it. At least as much is asked for as is held, so that a record
  // longer than a block is read again only as often as its length doubles.
  void refill() {
    std::copy(buffer.begin() + static_cast<std::ptrdiff_t>(begin),
              buffer.begin() + static_cast<std::ptrdiff_t>(end), buffer.begin());
    end -= begin;
    begin = 0;
    const std::size_t room = std::max(block_size, end);
    if (buffer.size() < end + room) buffer.resize(end + room);
    // A source that throws leaves the buffer as it was: what it held is still unread.
    const std::size_t got = std::min(input(buffer.data() + end, room), room);
    end += got;
    exhausted = got == 0;
  }

  source input;
  csv_row_reader<work_line> reader;
  std::string buffer;  // [begin, end): bytes from the source the reader has not used
  std::size_t begin = 0;
  std::size_t end = 0;
  bool exhausted = false;  // the source has returned 0
};

work_csv_stream::work_csv_stream(source in, const csv_options& options)
    : state_(std::make_unique<state>(std::move(in), options)) {}
work_csv_stream::~work_csv_stream() = default;
work_csv_stream::work_csv_stream(work_csv_stream&&) noexcept = default;
work_csv_stream& work_csv_stream::operator=(work_csv_stream&&) noexcept = default;

bool work_csv_stream::next(read_result<work_line>& batch, std::size_t max_rows) {
  batch.rows.clear();
  batch.errors.clear();
  batch.row_numbers.clear();
  state& s = *state_;
  const std::size_t wanted = std::max<std::size_t>(max_rows, 1);
  while (!s.reader.finished()) {
    const std::size_t have = batch.rows.size() + batch.errors.size();
    if (have >= wanted) break;
    const std::string_view unread = std::string_view(s.buffer).substr(s.begin, s.end - s.begin);
    s.begin += s.reader.read(unread, s.exhausted, wanted - have, batch, nullptr);
    if (s.reader.finished() || batch.rows.size() + batch.errors.size() >= wanted) break;
    s.refill();  // the reader stopped where the buffer ends before a record does
  }
  return !batch.rows.empty() || !batch.errors.empty();
}

}  // namespace tariff::formats
