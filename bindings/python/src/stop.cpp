// stop_for (stop.hpp): a deadline from `timeout=` and Ctrl-C through PyErr_CheckSignals.
#include "stop.hpp"

#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <string>

namespace tariff::python {

namespace {

using steady = std::chrono::steady_clock;

// How often a long call takes the GIL to run Python's signal handlers: rarely enough that a
// call on a thread next to busy Python threads barely waits for the GIL, often enough that
// Ctrl-C is felt at once.
constexpr auto signal_interval = std::chrono::milliseconds(100);

// Whether a signal handler raised (Ctrl-C), looked at every signal_interval. Any thread may call
// it (price_table prices on several); PyErr_CheckSignals acts in the main thread only.
bool signalled(std::atomic<steady::rep>& next_check) {
  const steady::rep now = steady::now().time_since_epoch().count();
  steady::rep due = next_check.load(std::memory_order_relaxed);
  if (now < due) return false;
  const steady::rep next =
      now + std::chrono::duration_cast<steady::duration>(signal_interval).count();
  if (!next_check.compare_exchange_strong(due, next, std::memory_order_relaxed)) return false;
  py::gil_scoped_acquire locked;
  return PyErr_CheckSignals() != 0;  // the exception stays set: the caller raises it
}

}  // namespace

stop_condition stop_for(std::optional<double> timeout) {
  stop_condition out;
  if (timeout) {
    if (std::isnan(*timeout) || *timeout < 0)
      throw py::value_error("timeout is a number of seconds, 0 or more, not " +
                            std::to_string(*timeout));
    // A timeout beyond a century is none: the steady clock's range would overflow first.
    if (*timeout < 100.0 * 366 * 24 * 3600)
      out.deadline = steady::now() + std::chrono::duration_cast<steady::duration>(
                                         std::chrono::duration<double>(*timeout));
  }
  auto next_check = std::make_shared<std::atomic<steady::rep>>(
      (steady::now() + signal_interval).time_since_epoch().count());
  out.callback = [next_check] { return signalled(*next_check); };
  return out;
}

}  // namespace tariff::python
