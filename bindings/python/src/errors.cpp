// tariff.TariffError and the classes it carries (errors.hpp).
#include "errors.hpp"

#include <cstddef>

#include <pybind11/stl.h>
#include <tariff/calendar.hpp>
#include <tariff/decimal.hpp>
#include <tariff/error.hpp>

namespace tariff::python {
namespace {

// The exception type, created once in bind_errors and kept for the life of the process.
PyObject* error_type = nullptr;
PyObject* cancelled_type = nullptr;

// At most this many findings are spelt out in the message; all of them are in the attributes.
constexpr std::size_t shown = 10;

}  // namespace

void raise_input_errors(const std::vector<input_error>& errors, const std::string& what) {
  if (errors.empty()) return;
  std::string message = std::to_string(errors.size()) + " row" + (errors.size() == 1 ? "" : "s") +
                        " of " + what + " did not read:";
  for (std::size_t i = 0; i < errors.size() && i < shown; ++i)
    message += "\n  " + format(errors[i]);
  if (errors.size() > shown)
    message += "\n  ... and " + std::to_string(errors.size() - shown) + " more (.input_errors)";
  throw tariff_error{std::move(message), {}, errors};
}

void bind_errors(py::module_& m) {
  py::class_<fix_it>(m, "FixIt",
                     "An edit that resolves a diagnostic: replace the text from (line, column) "
                     "up to (end_line, end_column), 1-based, columns in bytes, with `replacement`.")
      .def_readonly("line", &fix_it::line)
      .def_readonly("column", &fix_it::column)
      .def_readonly("end_line", &fix_it::end_line)
      .def_readonly("end_column", &fix_it::end_column)
      .def_readonly("replacement", &fix_it::replacement)
      .def("__eq__", [](const fix_it& a, const fix_it& b) { return a == b; })
      .def("__repr__", [](const fix_it& f) {
        return "<FixIt " + std::to_string(f.line) + ":" + std::to_string(f.column) + "-" +
               std::to_string(f.end_line) + ":" + std::to_string(f.end_column) + " -> '" +
               f.replacement + "'>";
      });

  py::class_<diagnostic>(m, "Diagnostic",
                         "One finding in a tariff source: an error or a warning, with its place.")
      .def_readonly("file", &diagnostic::file, "The source's name as given to compile().")
      .def_readonly("name", &diagnostic::name,
                    "The stable name of the kind of finding, e.g. 'unknown-attribute' (numbered "
                    "in docs/language.md's table; what `#@ allow NAME` takes).")
      .def_readonly("length", &diagnostic::length,
                    "Bytes the finding spans on its line from `column` (0: a point).")
      .def_readonly("note", &diagnostic::note, "A hint on how to fix it; may be empty.")
      .def_readonly("fixes", &diagnostic::fixes,
                    "Edits that resolve it, each one alone (FixIt: the 'did you mean').")
      .def_readonly("line", &diagnostic::line, "1-based line.")
      .def_readonly("column", &diagnostic::column, "1-based column, in bytes.")
      .def_readonly("message", &diagnostic::message, "Plain words, with 'did you mean' hints.")
      .def_readonly("source_line", &diagnostic::source_line, "The text of that line.")
      .def_property_readonly(
          "severity",
          [](const diagnostic& d) { return d.level == severity::error ? "error" : "warning"; },
          "'error' or 'warning'.")
      .def("__str__", [](const diagnostic& d) { return format(d); })
      .def("__repr__", [](const diagnostic& d) {
        return "<Diagnostic " + d.file + ":" + std::to_string(d.line) + ":" +
               std::to_string(d.column) + ": " +
               (d.level == severity::error ? "error: " : "warning: ") + d.message + ">";
      });

  py::class_<input_error>(m, "InputError",
                          "A row of contracts, work or state that did not read, and why.")
      .def_readonly("row", &input_error::row,
                    "CSV: the line the record starts on; JSON: position from 1; tables: the "
                    "row's position from 0 (as DataFrame.iloc).")
      .def_readonly("id", &input_error::id, "The row's id when it could be read.")
      .def_readonly("column", &input_error::column, "The column or key at fault.")
      .def_readonly("message", &input_error::message, "What is wrong.")
      .def("__str__", [](const input_error& e) { return format(e); })
      .def("__repr__", [](const input_error& e) { return "<InputError " + format(e) + ">"; });

  error_type = PyErr_NewExceptionWithDoc(
      "tariff.TariffError",
      "A tariff that does not compile, or contracts, work or state that do not read.\n\n"
      "diagnostics: list[Diagnostic] -- for a tariff source (file, line, column, message)\n"
      "input_errors: list[InputError] -- for rows of input (row, id, column, message)",
      nullptr, nullptr);
  if (error_type == nullptr) throw py::error_already_set();
  m.add_object("TariffError", py::handle(error_type));

  // Cancelled is a TimeoutError and a TariffError: `except TimeoutError` catches a timeout as
  // it would any other (docs/python.md, "Timeouts and Ctrl-C").
  const py::tuple cancelled_bases =
      py::make_tuple(py::handle(PyExc_TimeoutError), py::handle(error_type));
  cancelled_type = PyErr_NewExceptionWithDoc(
      "tariff.Cancelled",
      "A call stopped by its timeout before it finished; nothing was returned or changed. The "
      "message says how far it got (\"cancelled: the deadline passed after 120000 of 1000000 "
      "lines\").",
      cancelled_bases.ptr(), nullptr);
  if (cancelled_type == nullptr) throw py::error_already_set();
  m.add_object("Cancelled", py::handle(cancelled_type));

  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const cancelled& e) {
      // Stopped by Ctrl-C: KeyboardInterrupt is set already (stop.cpp), and is what is raised.
      if (PyErr_Occurred() == nullptr) PyErr_SetString(cancelled_type, e.what());
    } catch (const tariff_error& e) {
      py::object error = py::reinterpret_borrow<py::object>(error_type)(e.message);
      py::list diagnostics;
      for (const diagnostic& d : e.diagnostics)
        diagnostics.append(py::cast(d));
      py::list input_errors;
      for (const input_error& i : e.input_errors)
        input_errors.append(py::cast(i));
      error.attr("diagnostics") = diagnostics;
      error.attr("input_errors") = input_errors;
      PyErr_SetObject(error_type, error.ptr());
    } catch (const decimal_error& e) {
      // An operation on decimals past the documented limits: a value problem, not a defect.
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const calendar_error& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const error& e) {
      // A call that cannot be made, or contract data that cannot be billed: Python's word for
      // both is ValueError, as it was when these were std::invalid_argument.
      PyErr_SetString(PyExc_ValueError, e.what());
    }
  });
}

}  // namespace tariff::python
