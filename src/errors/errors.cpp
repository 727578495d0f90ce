#include "errors/errors.hpp"

#include <exception>
#include <new>

#include <tariff/billing.hpp>
#include <tariff/calendar.hpp>
#include <tariff/decimal.hpp>

namespace tariff::errors {

namespace {

// The order matters: billing_input_error is a std::invalid_argument, and the data's faults must
// be found before the call's.
fault fault_of(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const std::bad_alloc&) {
    return fault::memory;
  } catch (const decimal_error&) {
    return fault::input;
  } catch (const calendar_error&) {
    return fault::input;
  } catch (const billing_input_error&) {
    return fault::input;
  } catch (const std::invalid_argument&) {
    return fault::call;
  } catch (...) {
    return fault::defect;
  }
}

std::string message_of(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& x) {
    return x.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

}  // namespace

failure current_failure() noexcept {
  const std::exception_ptr in_flight = std::current_exception();
  try {
    failure out{fault_of(in_flight), {}};
    if (out.kind != fault::memory) out.message = message_of(in_flight);
    return out;
  } catch (...) {
    return {fault::memory, {}};
  }
}

}  // namespace tariff::errors
