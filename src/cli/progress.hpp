// A progress bar on standard error for long runs, drawn only when standard error is a terminal
// (never into a log or a pipe) and the run is long enough to need one.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace tariff::cli {

/// The threshold of a bar counting the bytes of an input read: a megabyte.
inline constexpr std::size_t progress_bytes = std::size_t{1} << 20;

class progress_bar {
 public:
  /// `what` names the units ("lines", "contracts"); no bar for fewer than `threshold` of them.
  progress_bar(std::string what, std::size_t total, std::size_t threshold = 20000);
  progress_bar(const progress_bar&) = delete;
  progress_bar& operator=(const progress_bar&) = delete;
  /// Clears the bar, leaving the terminal line as it was.
  ~progress_bar();

  /// `done` of the total are finished; redraws at most ten times a second.
  void update(std::size_t done);

 private:
  void draw(std::size_t done);

  std::string what_;
  std::size_t total_;
  bool active_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace tariff::cli
