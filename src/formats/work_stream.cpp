// STAND-IN until the streaming reader lands.
#include "formats/work_stream.hpp"

namespace tariff::formats {

bool work_csv_stream::next(read_result<work_line>& batch, std::size_t max_rows) {
  batch = {};
  if (!read_) {
    read_ = true;
    std::string text;
    char buffer[65536];
    for (std::size_t n; (n = in_(buffer, sizeof buffer)) > 0;)
      text.append(buffer, n);
    all_ = read_work_csv(text);
  }
  while (rows_at_ < all_.rows.size() && batch.rows.size() < max_rows) {
    batch.rows.push_back(std::move(all_.rows[rows_at_]));
    batch.row_numbers.push_back(all_.row_numbers[rows_at_++]);
  }
  if (errors_at_ < all_.errors.size()) {
    batch.errors = std::move(all_.errors);
    errors_at_ = batch.errors.size();
  }
  return !batch.rows.empty() || !batch.errors.empty();
}

}  // namespace tariff::formats
