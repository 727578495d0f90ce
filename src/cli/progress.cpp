// The progress bar (progress.hpp).
#include "cli/progress.hpp"

#include <cstdio>
#include <fmt/core.h>
#include <unistd.h>

namespace tariff::cli {

progress_bar::progress_bar(std::string what, std::size_t total, std::size_t threshold)
    : what_(std::move(what)), total_(total), active_(total >= threshold && isatty(2) == 1) {
  if (active_) draw(0);
}

progress_bar::~progress_bar() {
  if (active_) fmt::print(stderr, "\r\033[K");
}

void progress_bar::update(std::size_t done) {
  if (!active_) return;
  const auto now = std::chrono::steady_clock::now();
  if (done < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  draw(done);
}

void progress_bar::draw(std::size_t done) {
  constexpr std::size_t width = 30;
  const std::size_t filled = total_ == 0 ? width : done * width / total_;
  const std::size_t percent = total_ == 0 ? 100 : done * 100 / total_;
  fmt::print(stderr, "\r[{:#<{}}{:.<{}}] {:3}%  {} of {} {}\033[K", "", filled, "", width - filled,
             percent, done, total_, what_);
  std::fflush(stderr);
}

}  // namespace tariff::cli
