// The formatted errors of a read, for comparing with exact expected messages.
#pragma once

#include <string>
#include <vector>

#include <tariff/io.hpp>

namespace tariff::testing_io {

template <class Row>
std::vector<std::string> messages(const read_result<Row>& r) {
  std::vector<std::string> out;
  for (const auto& e : r.errors)
    out.push_back(format(e));
  return out;
}

}  // namespace tariff::testing_io
