// tariff — stopping a long call: a deadline, a flag another thread sets, or the host's callback.
//
//   std::atomic<bool> stop{false};                      // set by the request's owner
//   tariff::price_options options;
//   options.stop.flag = &stop;
//   options.stop.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
//   try {
//     tariff::price_into(tariff, contract, lines, out, options);
//   } catch (const tariff::cancelled& e) {              // e.cause(), e.done() of e.total()
//   }
//
// compile(), price(), price_into(), bill(), price_with_state(), estimate() and compare() take one
// (in compile_options, price_options, bill_options, compare_options). They look at it every few
// lines (every declaration while compiling) and, once it holds, throw tariff::cancelled, leaving
// nothing partial: each call's comment says what its outputs hold then. A default stop_condition
// never holds and costs one test of a bool per batch of lines (docs/design.md, "Deadlines and
// cancellation").
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>

#include <tariff/error.hpp>
#include <tariff/export.h>

namespace tariff {

/// When a long call should give up. Every part is optional; the call stops when any holds.
struct stop_condition {
  /// Stop once std::chrono::steady_clock passes it.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  /// Stop once it reads true (read with memory_order_relaxed). The caller keeps it alive for
  /// the call; any thread may set it.
  const std::atomic<bool>* flag = nullptr;
  /// Stop once it returns true: for hosts whose own machinery says when (the C interface's
  /// should_stop, Python's Ctrl-C). Called from the calling thread, as often as the flag is read,
  /// so it must be cheap; an exception it throws goes through the call, leaving its outputs as
  /// cancelled does.
  std::function<bool()> callback;

  /// A condition that holds `timeout` from now.
  [[nodiscard]] static stop_condition after(std::chrono::steady_clock::duration timeout) {
    stop_condition out;
    out.deadline = std::chrono::steady_clock::now() + timeout;
    return out;
  }
  /// Whether any part is set (an unset condition is never looked at).
  [[nodiscard]] bool armed() const { return deadline || flag != nullptr || callback; }
  /// What holds now, or nullopt: the flag first, then the callback, then the deadline.
  [[nodiscard]] TARIFF_API std::optional<stop_cause> reached() const;
};

}  // namespace tariff
