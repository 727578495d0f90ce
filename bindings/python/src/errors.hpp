// tariff.TariffError: what Python sees when a tariff does not compile or input does not read.
// It carries the findings as objects, so a notebook can show them and a tool can point at them:
// `diagnostics` (file, line, column, severity, message) for a tariff source, `input_errors`
// (row, id, column, message) for contracts, work and state.
#pragma once

#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <tariff/diagnostics.hpp>
#include <tariff/io.hpp>

namespace tariff::python {

namespace py = pybind11;

/// Thrown by the binding code; the translator registered by bind_errors turns it into a
/// tariff.TariffError with the findings attached.
struct tariff_error {
  std::string message;
  std::vector<diagnostic> diagnostics;
  std::vector<input_error> input_errors;
};

/// Throws a tariff_error for the input errors of `what` ("work", "contracts"), if there are any.
void raise_input_errors(const std::vector<input_error>& errors, const std::string& what);

/// Defines TariffError, Diagnostic and InputError in `m` and registers the translator.
void bind_errors(py::module_& m);

}  // namespace tariff::python
