// errors::current_failure (src/errors): every exception the library can let out, sorted by who
// must act on it, with its message as thrown. The C interface's statuses follow from it.
#include <new>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>
#include <tariff/billing.hpp>
#include <tariff/calendar.hpp>
#include <tariff/decimal.hpp>

#include "errors/errors.hpp"

namespace {

using tariff::errors::failure;
using tariff::errors::fault;

template <class Exception>
failure sorted(const Exception& e) {
  try {
    throw e;
  } catch (...) {
    return tariff::errors::current_failure();
  }
}

TEST(FailureSort, TheDataFaultsAreInput) {
  const failure d = sorted(tariff::decimal_error(tariff::decimal_errc::limit, "past 38 digits"));
  EXPECT_EQ(d.kind, fault::input);
  EXPECT_EQ(d.message, "past 38 digits");
  const failure c = sorted(tariff::calendar_error("unknown time zone 'Europe/Moskow'"));
  EXPECT_EQ(c.kind, fault::input);
  EXPECT_EQ(c.message, "unknown time zone 'Europe/Moskow'");
  const failure b = sorted(tariff::billing_input_error("contract 'C1': workstations is -2"));
  EXPECT_EQ(b.kind, fault::input);
  EXPECT_EQ(b.message, "contract 'C1': workstations is -2");
}

TEST(FailureSort, ACallErrorIsTheCall) {
  const failure c = sorted(tariff::call_error("not a statement period"));
  EXPECT_EQ(c.kind, fault::call);
  EXPECT_EQ(c.message, "not a statement period");
  // The library's own refusals are tariff::errors; a std::invalid_argument from elsewhere (a
  // std::stoi) is a defect of the library's, not the host's call.
  EXPECT_EQ(sorted(std::invalid_argument("stoi")).kind, fault::defect);
}

TEST(FailureSort, MemoryAndDefects) {
  const failure m = sorted(std::bad_alloc());
  EXPECT_EQ(m.kind, fault::memory);
  EXPECT_EQ(m.message, "");
  const failure l = sorted(std::logic_error("parse tree: missing item"));
  EXPECT_EQ(l.kind, fault::defect);
  EXPECT_EQ(l.message, "parse tree: missing item");
  const failure i = sorted(42);
  EXPECT_EQ(i.kind, fault::defect);
  EXPECT_EQ(i.message, "an exception that is not a std::exception");
}

}  // namespace
