// Statement and its parts as Python classes (statement_result.hpp). Figures are Decimal with
// the scale billing gave them; docs/statement.md explains each.
#include <string>
#include <vector>

#include <pybind11/stl.h>
#include <tariff/statement_io.hpp>

#include "bindings.hpp"
#include "convert.hpp"
#include "statement_result.hpp"

namespace tariff::python {
void bind_statement(py::module_& m) {
  py::class_<fee_line>(m, "FeeLine", "A plan's fee charged in a statement.")
      .def_readonly("description", &fee_line::description,
                    "The fee as the tariff writes it: 'fee 45000.00 per month'.")
      .def_readonly("covers", &fee_line::covers, "The days charged.")
      .def_readonly("fee_period", &fee_line::fee_period, "The fee's whole period.")
      .def_readonly("units", &fee_line::units, "The per-unit attribute's value; 1 without.")
      .def_readonly("amount", &fee_line::amount)
      .def_readonly("line", &fee_line::line)
      .def_readonly("column", &fee_line::column)
      .def("__repr__", [](const fee_line& f) {
        return "FeeLine(" + f.description + ", " + format_span(f.covers) + ", " +
               f.amount.to_string() + ")";
      });

  py::class_<allowance_report>(m, "AllowanceReport",
                               "One allowance of the plan in the statement: what it holds and "
                               "what was used.")
      .def_readonly("allowance", &allowance_report::allowance, "The key: 'engineer_visit/month'.")
      .def_readonly("period", &allowance_report::period,
                    "Its period that contains the statement's first day.")
      .def_readonly("included", &allowance_report::included)
      .def_readonly("used_before", &allowance_report::used_before)
      .def_readonly("used", &allowance_report::used)
      .def_readonly("remaining", &allowance_report::remaining)
      .def_readonly("covered_value", &allowance_report::covered_value)
      .def("__repr__", [](const allowance_report& a) {
        return "AllowanceReport(" + a.allowance + ", used " + a.used.to_string() + " of " +
               a.included.to_string() + ")";
      });

  py::class_<alert>(m, "Alert", "Something the statement warns about.")
      .def_property_readonly(
          "kind", [](const alert& a) { return std::string(to_string(a.kind)); },
          "'allowance_threshold', 'contract_expiring' or 'fee_not_charged'.")
      .def_readonly("message", &alert::message)
      .def_readonly("allowance", &alert::allowance, "allowance_threshold: the key.")
      .def_readonly("percent", &alert::percent, "allowance_threshold: the threshold reached.")
      .def_readonly("line", &alert::line, "allowance_threshold: the work line that reached it.")
      .def("__repr__", [](const alert& a) { return "Alert(" + a.message + ")"; });

  using s = statement_result;
  py::class_<s>(m, "Statement",
                "What a contract is billed for one period: fees, lines, adjustments (late "
                "work), rejected lines, totals, allowances, alerts and the closing state.")
      .def_property_readonly("contract", [](const s& r) { return r.value.contract; })
      .def_property_readonly("client", [](const s& r) { return r.value.client; })
      .def_property_readonly("plan", [](const s& r) { return r.value.plan; })
      .def_property_readonly("currency", [](const s& r) { return r.value.currency; })
      .def_property_readonly("tariff_hash", [](const s& r) { return r.value.tariff_hash; })
      .def_property_readonly("period", [](const s& r) { return r.value.period; })
      .def_property_readonly("fees", [](const s& r) { return r.value.fees; })
      .def_property_readonly(
          "lines", [](const s& r) { return named(r.value.lines, r.tariff); },
          "Work dated in the period, in work order.")
      .def_property_readonly(
          "adjustments", [](const s& r) { return named(r.value.adjustments, r.tariff); },
          "Late work dated in earlier periods, in work order.")
      .def_property_readonly(
          "rejected", [](const s& r) { return named(r.value.rejected, r.tariff); },
          "Lines that could not be billed, in input order (after_period: wait for a later "
          "statement).")
      .def_property_readonly("fees_total", [](const s& r) { return r.value.fees_total; })
      .def_property_readonly("work_total", [](const s& r) { return r.value.work_total; })
      .def_property_readonly("revenue", [](const s& r) { return r.value.revenue; })
      .def_property_readonly("cost", [](const s& r) { return r.value.cost; })
      .def_property_readonly("margin", [](const s& r) { return r.value.margin; })
      .def_property_readonly(
          "margin_percent",
          [](const s& r) -> py::object {
            return r.value.margin_percent ? to_py_decimal(*r.value.margin_percent) : py::none();
          },
          "margin / revenue x 100, 2 decimals; None when revenue is 0.")
      .def_property_readonly("allowances", [](const s& r) { return r.value.allowances; })
      .def_property_readonly("alerts", [](const s& r) { return r.value.alerts; })
      .def_property_readonly(
          "closing", [](const s& r) { return r.value.closing; },
          "The opening state plus this statement's use: the next statement's opening state.")
      .def(
          "to_json", [](const s& r) { return write_statement_json(r.value, r.tariff); },
          "The statement as docs/formats.md writes it.")
      .def(
          "to_text",
          [](const s& r, bool explain) { return write_statement_text(r.value, r.tariff, explain); },
          py::arg("explain") = false, "The statement for a terminal; explain adds the traces.")
      .def("__str__", [](const s& r) { return write_statement_text(r.value, r.tariff, false); })
      .def("__repr__", [](const s& r) {
        return "Statement(" + r.value.contract + ", " + format_span(r.value.period) + ", revenue " +
               r.value.revenue.to_string() + ")";
      });
}

}  // namespace tariff::python
