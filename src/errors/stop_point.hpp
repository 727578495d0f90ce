// Where a long loop looks at its call's stop_condition (include/tariff/cancel.hpp).
//
// A loop over lines holds a stop_point and calls at(i) for each line: it looks at the condition
// every `every_lines` lines only, so an unset condition costs a test of a bool and a set one a
// clock read per batch. The front end's passes do not take options: compile() sets the
// condition for its thread with a front_end_scope, and parse, check and compile call poll() once
// per declaration or pass.
#pragma once

#include <cstddef>
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
  stop_point(const stop_condition& when, std::size_t total, std::string unit)
      : when_(when), total_(total), unit_(std::move(unit)), armed_(when.armed()) {}

  /// Called before unit `done` (0-based): throws cancelled if the condition holds, looking at it
  /// every every_lines units.
  void at(std::size_t done) const {
    if (armed_ && done % every_lines == 0) check(done);
  }
  /// Looks now: throws cancelled if the condition holds.
  void check(std::size_t done) const;

 private:
  const stop_condition& when_;
  std::size_t total_;
  std::string unit_;
  bool armed_;
};

/// Sets the stop condition of the front end on this thread for its lifetime (compile() holds
/// one); scopes nest, the inner one wins until it ends.
class front_end_scope {
 public:
  explicit front_end_scope(const stop_condition& when) noexcept;
  ~front_end_scope();
  front_end_scope(const front_end_scope&) = delete;
  front_end_scope& operator=(const front_end_scope&) = delete;

 private:
  const stop_condition* previous_;
};

/// Throws cancelled if this thread's front-end condition holds (none set: returns at once).
/// `done` of `total` `unit` say how far the front end got ("bytes parsed").
void poll(std::size_t done, std::size_t total, const char* unit);

}  // namespace tariff::errors
