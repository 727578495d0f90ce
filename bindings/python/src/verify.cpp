// tariff.verify and tariff.tzdata_version (docs/python.md, "Checking a past statement"): the
// engine's verify() with its result as Python objects. The package's verify() (tariff/__init__.py)
// reads a path before it calls _verify.
#include <filesystem>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>
#include <tariff/verify.hpp>
#include <tariff/version.hpp>

#include "bindings.hpp"

namespace tariff::python {

void bind_verify(py::module_& m) {
  m.def("tzdata_version", &tzdata_version,
        "The version of the time-zone database the engine prices with ('2025b'), as statements "
        "record it (Statement.tzdata).");

  using d = verify_difference;
  py::class_<d>(m, "VerifyDifference",
                "A figure that billing a statement's inputs again gives otherwise.")
      .def_readonly("contract", &d::contract)
      .def_readonly("period", &d::period, "'2026-03-01..2026-03-31'")
      .def_readonly("element", &d::element,
                    "The line or fee it belongs to, 'lines[V4]', 'fees[1]'; '' for a total.")
      .def_readonly("where", &d::where, "Its path in the statement's JSON: 'lines[V4].amount'.")
      .def_readonly("recorded", &d::recorded, "Its value in the statement, as JSON text.")
      .def_readonly("repriced", &d::repriced, "Its value billed again, as JSON text.")
      .def_readonly("recorded_line", &d::recorded_line, "The element as recorded, explained.")
      .def_readonly("repriced_line", &d::repriced_line, "The element billed again, explained.")
      .def("__repr__", [](const d& x) {
        return "VerifyDifference(" + x.where + ": " + x.recorded + " -> " + x.repriced + ")";
      });

  using r = verify_result;
  py::class_<r>(m, "VerifyResult", "What tariff.verify found.")
      .def_readonly("identical", &r::identical,
                    "Every statement billed again, every figure the same.")
      .def_readonly("statements", &r::statements)
      .def_readonly("differing", &r::differing, "Statements with a difference.")
      .def_readonly("missing_hashes", &r::missing_hashes,
                    "Tariff hashes the archive lacks: those statements were not billed again.")
      .def_readonly("differences", &r::differences)
      .def_readonly("notes", &r::notes,
                    "Engine or tzdata versions that differ from this machine's; the files used.")
      .def("__bool__", [](const r& x) { return x.identical; })
      .def("__str__", &write_verify_text);

  m.def(
      "_verify",
      [](const std::string& text, const std::filesystem::path& tariff_dir) {
        py::gil_scoped_release unlocked;
        return verify(text, tariff_dir);
      },
      py::arg("statement_json"), py::arg("tariff_dir"));
}

}  // namespace tariff::python
