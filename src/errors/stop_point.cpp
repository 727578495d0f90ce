// stop_condition, cancelled and the loops' stop points (stop_point.hpp).
#include "errors/stop_point.hpp"

namespace tariff {

namespace {

std::string why(stop_cause cause) {
  switch (cause) {
    case stop_cause::deadline:
      return "the deadline passed";
    case stop_cause::flag:
      return "the stop flag was set";
    case stop_cause::callback:
      return "the host asked to stop";
  }
  return "stopped";
}

}  // namespace

cancelled::cancelled(stop_cause cause, std::size_t done, std::size_t total, const std::string& unit)
    : error("cancelled: " + why(cause) + " after " + std::to_string(done) + " of " +
            std::to_string(total) + " " + unit),
      cause_(cause),
      done_(done),
      total_(total) {}

std::optional<stop_cause> stop_condition::reached() const {
  if (flag != nullptr && flag->load(std::memory_order_relaxed)) return stop_cause::flag;
  if (callback && callback()) return stop_cause::callback;
  if (deadline && std::chrono::steady_clock::now() >= *deadline) return stop_cause::deadline;
  return std::nullopt;
}

namespace errors {

namespace {

// The stop condition of the call running on this thread, or null.
thread_local const stop_condition* current_condition = nullptr;

}  // namespace

void stop_point::check(std::size_t done) const {
  if (const std::optional<stop_cause> cause = when_.reached())
    throw cancelled(*cause, done, total_, unit_);
}

stop_scope::stop_scope(const stop_condition& when) noexcept : previous_(current_condition) {
  current_condition = when.armed() ? &when : nullptr;
}

stop_scope::~stop_scope() {
  current_condition = previous_;
}

bool stop_armed() noexcept {
  return current_condition != nullptr;
}

void poll(std::size_t done, std::size_t total, const char* unit) {
  if (current_condition == nullptr) return;
  if (const std::optional<stop_cause> cause = current_condition->reached())
    throw cancelled(*cause, done, total, unit);
}

}  // namespace errors
}  // namespace tariff
