#include "errors/errors.hpp"

#include <exception>
#include <new>

#include <tariff/error.hpp>

namespace tariff::errors {

namespace {

// The order matters: a call_error is a tariff::error too, and the call's faults must be found
// before the data's.
fault fault_of(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const std::bad_alloc&) {
    return fault::memory;
  } catch (const call_error&) {
    return fault::call;
  } catch (const cancelled&) {
    return fault::cancelled;
  } catch (const error&) {
    return fault::input;
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
