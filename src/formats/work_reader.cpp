// The public streaming reader (io.hpp, work_csv_reader): the formats' own stream behind a
// pointer, so that the public header names none of the reader's parts.
#include <tariff/io.hpp>

#include "formats/work_stream.hpp"

namespace tariff {

struct work_csv_reader::impl {
  impl(source in, const csv_options& options) : stream(std::move(in), options) {}
  formats::work_csv_stream stream;
};

work_csv_reader::work_csv_reader(source in, const csv_options& options)
    : impl_(std::make_unique<impl>(std::move(in), options)) {}
work_csv_reader::work_csv_reader(work_csv_reader&&) noexcept = default;
work_csv_reader& work_csv_reader::operator=(work_csv_reader&&) noexcept = default;
work_csv_reader::~work_csv_reader() = default;

bool work_csv_reader::next(read_result<work_line>& block, std::size_t max_rows) {
  return impl_->stream.next(block, max_rows);
}

}  // namespace tariff
