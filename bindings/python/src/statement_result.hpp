// A statement as Python holds it: the engine's statement plus the tariff that billed it, which
// names the parts' labels and writes the statement as JSON or text.
#pragma once

#include <memory>

#include <pybind11/pybind11.h>
#include <tariff/billing.hpp>
#include <tariff/pricing.hpp>

namespace tariff::python {

namespace py = pybind11;

/// What Tariff.bill was given for one statement, kept so that Statement.to_json(inputs=True)
/// can record it for tariff.verify (docs/python.md, "Checking a past statement"). The binding
/// converted them from Python objects for the call: they are moved here, not copied.
struct bill_inputs {
  contract billed;
  date_span period;
  billing_state opening;
  std::vector<work_line> work;
  std::vector<payment> payments;
  bill_options options;
};

struct statement_result {
  statement value;
  compiled_tariff tariff;
  std::shared_ptr<const bill_inputs> inputs;  ///< set by Tariff.bill; null for other statements
};

/// Defines FeeLine, AllowanceReport, Alert, TaxLine, PrepaidReport and Statement (after
/// PricedLine).
void bind_statement(py::module_& m);

}  // namespace tariff::python
