// The extension module tariff._tariff. The Python package `tariff` (bindings/python/tariff)
// re-exports it and adds what is better written in Python: compile() from a path, tables
// (pandas) and the Dask helper.
#include "bindings.hpp"
#include "errors.hpp"

PYBIND11_MODULE(_tariff, m) {
  m.doc() = "tariff: exact-decimal billing rules engine (the compiled part of the package)";
  tariff::python::bind_errors(m);
  tariff::python::bind_model(m);
  tariff::python::bind_results(m);
  tariff::python::bind_tariff(m);
  tariff::python::bind_batch(m);
  tariff::python::bind_compare(m);
  tariff::python::bind_money_flows(m);
  tariff::python::bind_work_table(m);
  tariff::python::bind_verify(m);
}
