// The stop condition of a Python call: `timeout=` (seconds) and Ctrl-C (docs/python.md,
// "Timeouts and Ctrl-C"). tariff.Cancelled is raised for tariff::cancelled (errors.cpp).
#pragma once

#include <optional>

#include <pybind11/pybind11.h>
#include <tariff/cancel.hpp>

namespace tariff::python {

namespace py = pybind11;

/// A condition that holds `timeout` seconds from now (None: never; ValueError if below 0 or not
/// a number) or once Python has a signal to handle that raises (Ctrl-C: KeyboardInterrupt, left
/// set for the caller to raise). Called with the GIL held; the condition is then looked at with
/// the GIL released, and takes it only to run Python's signal handlers, at most every 100 ms.
stop_condition stop_for(std::optional<double> timeout);

}  // namespace tariff::python
