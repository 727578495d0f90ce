// Where a long loop looks at its call's stop_condition (include/tariff/cancel.hpp).
//
// A loop over lines holds a stop_point and calls at(i) for each line: it looks at the condition
// every `every_lines` lines only, so an unset condition costs a test of a bool and a set one a
// clock read per batch. Steps that take no options (the front end's passes, billing's sorting and
// recording) find the condition through a stop_scope that compile() and bill() set for their
// thread, and call poll() once per declaration or pass, or poll_every() in a loop.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>

#include <tariff/cancel.hpp>

namespace tariff::errors {

/// How many lines a pricing or billing loop does between two looks at its stop condition. A
/// line is bounded (at most max_line_span, so at most a few thousand segments), so a batch is
/// too: docs/design.md, "Deadlines and cancellation" says why this keeps the 50 ms promise.
inline constexpr std::size_t every_lines = 64;

/// A loop's view of its stop condition: `total` units of `unit` ("lines").
class stop_point {
 public:
  /// `unit` is a string literal (it is kept, not copied: a call of 30 lines makes one).
  stop_point(const stop_condition& when, std::size_t total, const char* unit)
      : when_(when), total_(total), unit_(unit), armed_(when.armed()) {}

  /// Called before unit `done` (0-based): throws cancelled if the condition holds, looking at it
  /// every every_lines units.
  void at(std::size_t done) const {
    if (armed_ && done % every_lines == 0) check(done);
  }
  /// Looks now: throws cancelled if the condition holds.
  void check(std::size_t done) const;
  /// Whether the condition has any part set.
  [[nodiscard]] bool armed() const { return armed_; }

  /// Calls body(i) for i from 0 to `total`, looking at the condition as at() does; without one
  /// the loop is the plain loop, with nothing added to it (the pricing loop's few nanoseconds a
  /// line are measured: docs/performance.md, "Deadlines and cancellation").
  template <class Body>
  void each(Body&& body) const {
    if (!armed_) {
      for (std::size_t i = 0; i < total_; ++i)
        body(i);
      return;
    }
    for (std::size_t i = 0; i < total_; ++i) {
      at(i);
      body(i);
    }
  }

 private:
  const stop_condition& when_;
  std::size_t total_;
  const char* unit_;
  bool armed_;
};

/// Sets the call's stop condition for this thread for its lifetime, for the steps that take no
/// options (parse, check, compile; billing's sorting and recording): compile() and bill() hold
/// one. Scopes nest, the inner one wins until it ends.
class stop_scope {
 public:
  explicit stop_scope(const stop_condition& when) noexcept;
  ~stop_scope();
  stop_scope(const stop_scope&) = delete;
  stop_scope& operator=(const stop_scope&) = delete;

 private:
  const stop_condition* previous_;
};

/// Whether this thread's call has a stop condition (a loop may skip counting without one).
[[nodiscard]] bool stop_armed() noexcept;

/// Throws cancelled if this thread's stop condition holds (none set: returns at once).
/// `done` of `total` `unit` say how far the call got ("bytes parsed").
void poll(std::size_t done, std::size_t total, const char* unit);

/// poll() at every every_lines-th `i` only: for loops whose steps take well under a microsecond.
inline void poll_every(std::size_t i, std::size_t total, const char* unit) {
  if (i % every_lines == 0) poll(i, total, unit);
}

/// Sorts longer than this are watched by sort_watched(): a million elements take longer than a
/// cancelled call may wait, sixteen thousand a few milliseconds.
inline constexpr std::size_t watched_sort_from = std::size_t{1} << 14;

/// std::sort of [first, last) by `less`, looking at this thread's stop condition (as poll()
/// does, reporting 0 of the range's `unit`) every every_lines comparisons when the range is
/// longer than watched_sort_from. A sort cancelled leaves the range in some order of its
/// elements.
template <class Iterator, class Less>
void sort_watched(Iterator first, Iterator last, Less less, const char* unit) {
  const auto size = static_cast<std::size_t>(std::distance(first, last));
  if (!stop_armed() || size <= watched_sort_from) {
    std::sort(first, last, less);
    return;
  }
  std::size_t compared = 0;
  std::sort(first, last, [&](const auto& a, const auto& b) {
    if (++compared % every_lines == 0) poll(0, size, unit);
    return less(a, b);
  });
}

}  // namespace tariff::errors
