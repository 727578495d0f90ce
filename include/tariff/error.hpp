// tariff — what the library throws.
//
//   try {
//     tariff::statement s = tariff::bill(tariff, contract, march, opening, work);
//   } catch (const tariff::call_error& e) {      // the host called it wrongly: fix the call
//   } catch (const tariff::error& e) {           // the data cannot be billed as given
//   }
//
// Every exception the library throws on purpose is a tariff::error, and what() names the place:
// the contract, line, payment or value at fault. Besides these only std::bad_alloc leaves the
// library; anything else is a defect. Bad work is not an exception: pricing returns such a line
// rejected, with its reason, and prices the others (pricing.hpp).
//
//   tariff::error                 std::runtime_error
//   ├── tariff::call_error         the call cannot be made as given
//   ├── tariff::decimal_error      decimal.hpp: a value past the limits, a division by zero
//   ├── tariff::calendar_error     calendar.hpp: an unknown zone, a reversed range
//   ├── tariff::billing_input_error  billing.hpp: a contract's data that cannot be billed
//   └── tariff::cancelled          cancel.hpp: the call's stop condition held; nothing was done
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include <tariff/export.h>

namespace tariff {

/// The base of every exception the library throws on purpose.
class TARIFF_API error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A call that cannot be made as given, whatever the data: a contract on a plan the tariff lacks,
/// a period that is not a statement period of the plan, two tariffs in different currencies, a
/// price list or pay block the tariff lacks, an option out of its range.
class TARIFF_API call_error : public error {
 public:
  using error::error;
};

/// Why a call was stopped (cancel.hpp).
enum class stop_cause : std::uint8_t {
  deadline,  ///< stop_condition::deadline passed
  flag,      ///< stop_condition::flag was set
  callback,  ///< stop_condition::callback returned true
};

/// A call stopped by its stop_condition (cancel.hpp) before it finished. It leaves nothing
/// partial: compile() and bill() return nothing, price_with_state() leaves the state as it was,
/// price_into() leaves the results of the first done() lines at the front of `out`
/// (its comment says what follows them). what() says why and how far it got: "cancelled: the
/// deadline passed after 120000 of 1000000 lines".
class TARIFF_API cancelled : public error {
 public:
  /// `unit` names what `done` and `total` count ("lines", "bytes parsed", "check passes").
  cancelled(stop_cause cause, std::size_t done, std::size_t total, const std::string& unit);
  [[nodiscard]] stop_cause cause() const noexcept { return cause_; }
  /// How many of total() units were done when the call stopped.
  [[nodiscard]] std::size_t done() const noexcept { return done_; }
  [[nodiscard]] std::size_t total() const noexcept { return total_; }

 private:
  stop_cause cause_;
  std::size_t done_;
  std::size_t total_;
};

}  // namespace tariff
