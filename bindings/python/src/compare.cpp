// Tariff.compare: the same history priced under the current tariff and a proposed one
// (tariff/compare.hpp, docs/compare.md), as Python classes Comparison, Change and LineChange.
#include <optional>
#include <string>
#include <vector>

#include <pybind11/stl.h>
#include <tariff/compare.hpp>

#include "bindings.hpp"
#include "convert.hpp"
#include "stop.hpp"

namespace tariff::python {
namespace {

// A comparison with the two tariffs that made it, which name the changed lines' labels.
struct comparison_result {
  comparison value;
  compiled_tariff old_tariff;
  compiled_tariff new_tariff;
};

struct line_change_result {
  std::size_t index = 0;
  std::string client;
  line_result old_line;
  line_result new_line;
};

py::dict change_dict(const change& c) {
  py::dict d;
  d["key"] = c.key;
  d["lines"] = c.lines;
  d["changed"] = c.changed;
  d["old_rejected"] = c.old_rejected;
  d["new_rejected"] = c.new_rejected;
  d["old_revenue"] = to_py_decimal(c.old_revenue);
  d["new_revenue"] = to_py_decimal(c.new_revenue);
  d["revenue_change"] = to_py_decimal(c.revenue_change());
  const std::optional<decimal> percent = c.revenue_change_percent();
  d["revenue_change_percent"] = percent ? to_py_decimal(*percent) : py::object(py::none());
  d["old_cost"] = to_py_decimal(c.old_cost);
  d["new_cost"] = to_py_decimal(c.new_cost);
  d["old_margin"] = to_py_decimal(c.old_margin);
  d["new_margin"] = to_py_decimal(c.new_margin);
  d["margin_change"] = to_py_decimal(c.margin_change());
  return d;
}

comparison_result run_compare(const py_tariff& current, const py_tariff& proposed,
                              py::handle contracts, py::handle history, bool trace, bool keep_lines,
                              bool include_fees, std::optional<double> timeout) {
  const std::vector<contract> deals = contracts_of(contracts);
  const std::vector<work_line> lines = work_of(history);
  compare_options options;
  options.trace = trace;
  options.keep_lines = keep_lines;
  options.include_fees = include_fees;
  options.stop = stop_for(timeout);
  comparison_result out{{}, current.compiled, proposed.compiled};
  {
    py::gil_scoped_release unlocked;
    out.value = compare(current.compiled, proposed.compiled, deals, lines, options);
  }
  return out;
}

}  // namespace

void bind_compare(py::module_& m) {
  py::class_<change>(m, "Change",
                     "One group's figures under both tariffs: the total, a client, an item, a "
                     "month (docs/compare.md).")
      .def_readonly("key", &change::key, "Client id, item code or month; '' for a total.")
      .def_readonly("lines", &change::lines)
      .def_readonly("changed", &change::changed, "Lines priced differently.")
      .def_readonly("old_rejected", &change::old_rejected)
      .def_readonly("new_rejected", &change::new_rejected)
      .def_readonly("old_revenue", &change::old_revenue)
      .def_readonly("new_revenue", &change::new_revenue)
      .def_readonly("old_cost", &change::old_cost)
      .def_readonly("new_cost", &change::new_cost)
      .def_readonly("old_margin", &change::old_margin)
      .def_readonly("new_margin", &change::new_margin)
      .def_property_readonly("revenue_change", &change::revenue_change)
      .def_property_readonly("margin_change", &change::margin_change)
      .def_property_readonly(
          "revenue_change_percent",
          [](const change& c) -> py::object {
            const std::optional<decimal> p = c.revenue_change_percent();
            return p ? to_py_decimal(*p) : py::none();
          },
          "Of the old revenue, 2 decimals; None when the old revenue is 0.")
      .def("to_dict", &change_dict)
      .def("__repr__", [](const change& c) {
        return "Change(" + (c.key.empty() ? std::string("total") : c.key) + ", revenue " +
               c.old_revenue.to_string() + " -> " + c.new_revenue.to_string() + ")";
      });

  py::class_<line_change_result>(m, "LineChange", "A work line the two tariffs priced differently.")
      .def_readonly("index", &line_change_result::index, "Its position in the history.")
      .def_readonly("client", &line_change_result::client)
      .def_readonly("old_line", &line_change_result::old_line, "As the current tariff priced it.")
      .def_readonly("new_line", &line_change_result::new_line, "As the proposed tariff priced it.")
      .def("__repr__",
           [](const line_change_result& c) { return "LineChange(" + c.old_line.line.id + ")"; });

  py::class_<comparison_result>(m, "Comparison", "What Tariff.compare found.")
      .def_property_readonly("currency",
                             [](const comparison_result& c) { return c.value.currency; })
      .def_property_readonly("old_name",
                             [](const comparison_result& c) { return c.value.old_name; })
      .def_property_readonly("new_name",
                             [](const comparison_result& c) { return c.value.new_name; })
      .def_property_readonly("old_hash",
                             [](const comparison_result& c) { return c.value.old_hash; })
      .def_property_readonly("new_hash",
                             [](const comparison_result& c) { return c.value.new_hash; })
      .def_property_readonly("history", [](const comparison_result& c) { return c.value.history; })
      .def_property_readonly("total", [](const comparison_result& c) { return c.value.total; })
      .def_property_readonly("fees", [](const comparison_result& c) { return c.value.fees; })
      .def_property_readonly("by_client",
                             [](const comparison_result& c) { return c.value.by_client; })
      .def_property_readonly("by_item", [](const comparison_result& c) { return c.value.by_item; })
      .def_property_readonly("by_month",
                             [](const comparison_result& c) { return c.value.by_month; })
      .def_property_readonly(
          "lines",
          [](const comparison_result& c) {
            std::vector<line_change_result> out;
            out.reserve(c.value.lines.size());
            for (const line_change& l : c.value.lines)
              out.push_back({l.index, l.client, named(l.old_line, c.old_tariff),
                             named(l.new_line, c.new_tariff)});
            return out;
          },
          "The changed lines, in history order (empty with keep_lines=False).")
      .def("__repr__", [](const comparison_result& c) {
        return "Comparison(" + c.value.old_name + " -> " + c.value.new_name + ", " +
               format_span(c.value.history) + ", revenue " + c.value.total.old_revenue.to_string() +
               " -> " + c.value.total.new_revenue.to_string() + ")";
      });

  m.def("_compare", &run_compare, py::arg("current"), py::arg("proposed"), py::arg("contracts"),
        py::arg("history"), py::arg("trace"), py::arg("keep_lines"), py::arg("include_fees"),
        py::arg("timeout") = py::none());
}

}  // namespace tariff::python
