// The engine's failures, sorted by who must act on them. Every exception the library lets out is
// one of: a std::bad_alloc; a tariff::call_error (the host's call); another tariff::error (the
// host's data, include/tariff/error.hpp; a tariff::cancelled is its own); anything else is a
// defect. current_failure() is the one place that sorts them, so the C interface's statuses and any
// other host boundary cannot disagree about a failure.
#pragma once

#include <cstdint>
#include <string>

#include <tariff/error.hpp>

namespace tariff::errors {

/// Who must act on a failure.
enum class fault : std::uint8_t {
  input,  ///< the host's data: a value past the decimal limits, a contract that cannot be billed
  call,   ///< the host's call: a period not the plan's, tariffs in different currencies
  cancelled,  ///< the call's stop condition held (tariff::cancelled): the host asked for it
  memory,     ///< an allocation failed
  defect,     ///< a defect in the library
};

/// An exception sorted: its fault and its message (what() as thrown).
struct failure {
  fault kind = fault::defect;
  std::string message;
};

/// The exception in flight, sorted; called inside a catch block. Never throws: when even the
/// message cannot be copied, the failure is `memory` with no message.
[[nodiscard]] failure current_failure() noexcept;

}  // namespace tariff::errors
