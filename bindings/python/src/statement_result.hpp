// A statement as Python holds it: the engine's statement plus the tariff that billed it, which
// names the parts' labels and writes the statement as JSON or text.
#pragma once

#include <pybind11/pybind11.h>
#include <tariff/billing.hpp>
#include <tariff/pricing.hpp>

namespace tariff::python {

namespace py = pybind11;

struct statement_result {
  statement value;
  compiled_tariff tariff;
};

/// Defines FeeLine, AllowanceReport, Alert, TaxLine, PrepaidReport and Statement (after
/// PricedLine).
void bind_statement(py::module_& m);

}  // namespace tariff::python
