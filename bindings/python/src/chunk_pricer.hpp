// Prices the chunks of Tariff.price_table (batch.cpp) on one or more threads, into result
// vectors kept from chunk to chunk.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <span>
#include <thread>
#include <vector>

#include <tariff/model.hpp>
#include <tariff/pricing.hpp>

namespace tariff::python {

// Prices chunks of lines on `threads` threads into result vectors kept from chunk to chunk:
// price_into reuses their strings and parts, so after the first chunk pricing allocates
// (almost) nothing per line, and nothing is freed per chunk.
class chunk_pricer {
 public:
  chunk_pricer(const compiled_tariff& t, std::span<const contract> deals, bool trace, int threads,
               const stop_condition& stop)
      : tariff_(t), deals_(deals), threads_(static_cast<std::size_t>(std::max(threads, 1))) {
    options_.trace = trace;
    options_.stop = stop;  // each thread looks at it; the first to stop rethrows below
  }

  /// Prices `lines`; then for_each() visits their results in order.
  void price(std::span<const work_line> lines) {
    const std::size_t workers =
        std::clamp<std::size_t>(threads_, 1, std::max<std::size_t>(lines.size() / 1024, 1));
    pieces_.resize(std::max(pieces_.size(), workers));
    used_ = workers;
    if (workers == 1) {
      price_into(tariff_, deals_, lines, pieces_[0], options_);
      return;
    }
    // Each line is priced on its own, so pieces priced on threads and read in order are the
    // lines priced at once.
    std::vector<std::exception_ptr> failed(workers);  // price_into throws only bad_alloc
    std::vector<std::thread> running;
    const std::size_t per = (lines.size() + workers - 1) / workers;
    for (std::size_t w = 0; w < workers; ++w) {
      const std::size_t from = std::min(lines.size(), w * per);
      const std::size_t size = std::min(per, lines.size() - from);
      running.emplace_back([&, w, from, size] {
        try {
          price_into(tariff_, deals_, lines.subspan(from, size), pieces_[w], options_);
        } catch (...) {
          failed[w] = std::current_exception();
        }
      });
    }
    for (std::thread& r : running)
      r.join();
    for (const std::exception_ptr& f : failed)
      if (f) std::rethrow_exception(f);
  }

  /// Calls `visit(k, line)` for the k-th result of the last price(), in order.
  template <class Visit>
  void for_each(Visit&& visit) {
    std::size_t k = 0;
    for (std::size_t w = 0; w < used_; ++w)
      for (priced_line& line : pieces_[w])
        visit(k++, line);
  }

  /// Rows priced and visited at a time on one thread: few enough that a batch's results are
  /// still in the cache when its columns are filled.
  std::size_t batch_rows(std::size_t chunk) const { return threads_ == 1 ? 256 : chunk; }

 private:
  const compiled_tariff& tariff_;
  std::span<const contract> deals_;
  std::size_t threads_;
  price_options options_;
  std::vector<std::vector<priced_line>> pieces_;
  std::size_t used_ = 0;
};

}  // namespace tariff::python
