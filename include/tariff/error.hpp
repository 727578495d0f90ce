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
//   └── tariff::billing_input_error  billing.hpp: a contract's data that cannot be billed
#pragma once

#include <stdexcept>

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

}  // namespace tariff
