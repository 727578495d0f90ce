// STAND-IN until the streaming reader lands: same interface, reads the whole input.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include <tariff/io.hpp>

namespace tariff::formats {

class work_csv_stream {
 public:
  using source = std::function<std::size_t(char* buffer, std::size_t size)>;
  explicit work_csv_stream(source in) : in_(std::move(in)) {}
  [[nodiscard]] bool next(read_result<work_line>& batch, std::size_t max_rows = 4096);

 private:
  source in_;
  bool read_ = false;
  read_result<work_line> all_;
  std::size_t rows_at_ = 0, errors_at_ = 0;
};

}  // namespace tariff::formats
