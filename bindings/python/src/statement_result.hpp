// A statement as Python holds it: the engine's statement plus the tariff that billed it, which
// names the parts' labels and writes the statement as JSON or text.
#pragma once

#include <memory>

#include <pybind11/pybind11.h>
#include <tariff/billing.hpp>
#include <tariff/pricing.hpp>
#include <tariff/statement_io.hpp>

namespace tariff::python {

namespace py = pybind11;

struct statement_result {
  statement value;
  compiled_tariff tariff;
  /// What Tariff.bill was given, kept so that Statement.to_json(inputs=True) can record it for
  /// tariff.verify (docs/python.md, "Checking a past statement"): moved here from the call's
  /// converted arguments, not copied. Null for statements not made by Tariff.bill.
  std::shared_ptr<const owned_statement_inputs> inputs;
};

/// Defines FeeLine, AllowanceReport, Alert, TaxLine, PrepaidReport and Statement (after
/// PricedLine).
void bind_statement(py::module_& m);

}  // namespace tariff::python
