// Work lines from a table for billing (Tariff.bill_table, tariff/_billing.py): the rows are read
// by the batch path's table_reader, with its checks and row-numbered errors, and handed back as
// WorkLine objects grouped by the contract they name, each contract's in row order.
#include <map>
#include <string>
#include <vector>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "errors.hpp"
#include "table_reader.hpp"

namespace tariff::python {
namespace {

py::dict work_by_contract(std::size_t rows, const py::dict& columns, const py::tuple& missing) {
  table_reader reader(columns, rows, missing);
  std::vector<work_line> lines;
  std::vector<input_error> errors;
  reader.read(0, rows, lines, errors);
  raise_input_errors(errors, "work");
  // Ordered by contract id, so the statements come out in the same order whatever the rows'.
  std::map<std::string, py::list> grouped;
  for (work_line& line : lines) {
    const std::string id = line.contract;
    grouped[id].append(py::cast(std::move(line)));
  }
  py::dict out;
  for (auto& [id, list] : grouped)
    out[py::str(id)] = list;
  return out;
}

}  // namespace

void bind_work_table(py::module_& m) {
  m.def("_work_by_contract", &work_by_contract, py::arg("rows"), py::arg("columns"),
        py::arg("missing"),
        "The rows of a work table (prepared by tariff/_table.py) as WorkLine objects, by "
        "contract id; TariffError with .input_errors when rows do not read.");
}

}  // namespace tariff::python
