// What pricing and billing return, as Python classes: ItemQuantity, TraceStep, PricedPart,
// PricedLine, and (statement.cpp) FeeLine, AllowanceReport, Alert, TaxLine, PrepaidReport and
// Statement. Amounts come out as decimal.Decimal with the engine's scale (Decimal('7500.00')),
// instants as aware UTC datetimes.
#include <string>

#include <pybind11/stl.h>
#include <tariff/priced_io.hpp>
#include <tariff/statement_io.hpp>

#include "bindings.hpp"
#include "convert.hpp"
#include "statement_result.hpp"

namespace tariff::python {
namespace {

py::object optional_money(const priced_line& l, const decimal& value) {
  return l.ok() ? to_py_decimal(value) : py::none();
}

py::list steps(const std::vector<trace_step>& trace) {
  py::list out;
  for (const trace_step& s : trace)
    out.append(py::cast(s));
  return out;
}

py::dict step_dict(const trace_step& s) {
  py::dict d;
  d["kind"] = std::string(to_string(s.kind));
  d["name"] = s.name;
  d["before"] = to_py_decimal(s.before);
  d["after"] = to_py_decimal(s.after);
  d["factor"] = to_py_decimal(s.factor);
  d["line"] = s.line;
  d["column"] = s.column;
  return d;
}

py::dict part_dict(const part_result& p) {
  py::dict d;
  d["begin"] = to_py_datetime(p.part.begin);
  d["end"] = to_py_datetime(p.part.end);
  d["date"] = to_py_date(p.part.date);
  d["labels"] = p.labels;
  d["measured"] = p.part.measured.to_string();
  d["billed"] = p.part.billed.to_string();
  d["list_price"] = to_py_decimal(p.part.list_price);
  d["unit_price"] = to_py_decimal(p.part.unit_price);
  d["amount"] = to_py_decimal(p.part.amount);
  d["cost"] = to_py_decimal(p.part.cost);
  d["allowance"] = p.part.allowance.empty() ? py::object(py::none()) : py::str(p.part.allowance);
  d["covered"] = to_py_decimal(p.part.covered);
  py::list trace;
  for (const trace_step& s : p.part.trace)
    trace.append(step_dict(s));
  d["trace"] = trace;
  return d;
}

std::vector<part_result> parts_of(const line_result& r) {
  std::vector<part_result> out;
  out.reserve(r.line.parts.size());
  for (std::size_t i = 0; i < r.line.parts.size(); ++i)
    out.push_back({r.line.parts[i], r.labels[i]});
  return out;
}

py::dict line_dict(const line_result& r) {
  const priced_line& l = r.line;
  py::dict d;
  d["id"] = l.id;
  d["request"] = l.request;
  d["contract"] = l.contract;
  d["item"] = l.item;
  d["kind"] = std::string(to_string(l.kind));
  d["date"] = l.date ? to_py_date(*l.date) : py::object(py::none());
  d["status"] = l.ok() ? "priced" : "rejected";
  d["reason"] = l.ok() ? py::object(py::none()) : py::str(std::string(to_string(*l.rejected)));
  d["message"] = l.ok() ? py::object(py::none()) : py::str(l.message);
  if (l.ok()) {
    d["title"] = l.title;
    d["price_list"] = l.price_list;
    d["measured"] = l.measured.to_string();
    d["billed"] = l.billed.to_string();
    d["amount"] = to_py_decimal(l.amount);
    d["cost"] = to_py_decimal(l.cost);
    d["margin"] = to_py_decimal(l.margin);
    d["tax"] = to_py_decimal(l.tax);
    py::list parts;
    for (const part_result& p : parts_of(r))
      parts.append(part_dict(p));
    d["parts"] = parts;
    py::list trace;
    for (const trace_step& s : l.line_trace)
      trace.append(step_dict(s));
    d["line_trace"] = trace;
  }
  return d;
}

std::string quantity_repr(const item_quantity& q) {
  return "ItemQuantity('" + q.to_string() + "')";
}

}  // namespace

line_result named(priced_line line, const compiled_tariff& tariff) {
  line_result out{std::move(line), {}};
  out.labels.reserve(out.line.parts.size());
  for (const priced_part& p : out.line.parts)
    out.labels.push_back(tariff.label_names(p.labels));
  return out;
}

std::vector<line_result> named(std::vector<priced_line> lines, const compiled_tariff& tariff) {
  std::vector<line_result> out;
  out.reserve(lines.size());
  for (priced_line& l : lines)
    out.push_back(named(std::move(l), tariff));
  return out;
}

void bind_results(py::module_& m) {
  py::class_<item_quantity>(m, "ItemQuantity",
                            "An exact quantity: whole seconds of an item billed by time (with the "
                            "seconds in one unit), or the count of a counted item. str() gives "
                            "'1h30min' or '3'.")
      .def(py::init([](py::handle value, std::int64_t unit_seconds) {
             if (unit_seconds < 0) throw py::value_error("unit_seconds must be >= 0");
             return item_quantity{to_decimal(value, "value"), unit_seconds};
           }),
           py::arg("value"), py::arg("unit_seconds") = 0,
           "ItemQuantity(5400, 3600) is 1h30min of an hourly item; ItemQuantity(3) is 3 units.")
      .def_readonly("value", &item_quantity::value, "Seconds for time items; else the count.")
      .def_readonly("unit_seconds", &item_quantity::unit_seconds,
                    "Seconds in one unit (3600 for an hourly item); 0 for counted items.")
      .def_property_readonly("is_time", &item_quantity::is_time)
      .def("__str__", &item_quantity::to_string)
      .def("__repr__", &quantity_repr)
      .def(
          "__eq__", [](const item_quantity& a, const item_quantity& b) { return a == b; },
          py::is_operator());

  py::class_<trace_step>(m, "TraceStep",
                         "One step that changed a part's unit price, or a line's amount.")
      .def_property_readonly(
          "kind", [](const trace_step& s) { return std::string(to_string(s.kind)); },
          "'discount', 'rule', 'group', 'group_factor', 'not_billable', "
          "'overage', 'tier', 'minimum_charge' or 'maximum_charge'.")
      .def_readonly("name", &trace_step::name, "The rule, group or item that made the change.")
      .def_readonly("before", &trace_step::before)
      .def_readonly("after", &trace_step::after)
      .def_readonly("factor", &trace_step::factor,
                    "group and group_factor: the factor; discount: the percent; else 0.")
      .def_readonly("line", &trace_step::line, "Where it is written in the tariff source.")
      .def_readonly("column", &trace_step::column)
      .def("to_dict", &step_dict)
      .def("__repr__", [](const trace_step& s) {
        return "TraceStep(" + std::string(to_string(s.kind)) + " " + s.name + " " +
               s.before.to_string() + " -> " + s.after.to_string() + " at " +
               std::to_string(s.line) + ":" + std::to_string(s.column) + ")";
      });

  py::class_<part_result>(m, "PricedPart",
                          "A part of a line priced at one price: a segment of a timed line, or "
                          "the whole of a counted line.")
      .def_property_readonly("begin",
                             [](const part_result& p) { return to_py_datetime(p.part.begin); })
      .def_property_readonly("end", [](const part_result& p) { return to_py_datetime(p.part.end); })
      .def_property_readonly("date", [](const part_result& p) { return to_py_date(p.part.date); })
      .def_readonly("labels", &part_result::labels,
                    "The windows, day sets, seasons and 'holiday' that hold in it.")
      .def_property_readonly("measured", [](const part_result& p) { return p.part.measured; })
      .def_property_readonly("billed", [](const part_result& p) { return p.part.billed; })
      .def_property_readonly("list_price", [](const part_result& p) { return p.part.list_price; })
      .def_property_readonly("unit_price", [](const part_result& p) { return p.part.unit_price; })
      .def_property_readonly("amount", [](const part_result& p) { return p.part.amount; })
      .def_property_readonly("cost", [](const part_result& p) { return p.part.cost; })
      .def_property_readonly(
          "allowance",
          [](const part_result& p) -> py::object {
            return p.part.allowance.empty() ? py::object(py::none()) : py::str(p.part.allowance);
          },
          "Billing: the allowance that includes the part; None when billed.")
      .def_property_readonly(
          "covered", [](const part_result& p) { return p.part.covered; },
          "An included part: the amount it would have had.")
      .def_property_readonly(
          "trace", [](const part_result& p) { return steps(p.part.trace); },
          "The steps that made unit_price, in order (empty with trace=False).")
      .def("to_dict", &part_dict)
      .def("__repr__", [](const part_result& p) {
        return "PricedPart(" + p.part.billed.to_string() + " @ " + p.part.unit_price.to_string() +
               " = " + p.part.amount.to_string() + ")";
      });

  py::class_<line_result>(m, "PricedLine",
                          "A work line, priced or rejected. Money is None on a rejected line.")
      .def_property_readonly("id", [](const line_result& r) { return r.line.id; })
      .def_property_readonly("request", [](const line_result& r) { return r.line.request; })
      .def_property_readonly("contract", [](const line_result& r) { return r.line.contract; })
      .def_property_readonly("item", [](const line_result& r) { return r.line.item; })
      .def_property_readonly(
          "kind", [](const line_result& r) { return std::string(to_string(r.line.kind)); })
      .def_property_readonly(
          "date",
          [](const line_result& r) -> py::object {
            return r.line.date ? to_py_date(*r.line.date) : py::none();
          },
          "The local date of its start; None if rejected before it was dated.")
      .def_property_readonly("ok", [](const line_result& r) { return r.line.ok(); })
      .def_property_readonly(
          "status", [](const line_result& r) { return r.line.ok() ? "priced" : "rejected"; })
      .def_property_readonly(
          "reason",
          [](const line_result& r) -> py::object {
            if (r.line.ok()) return py::none();
            return py::str(std::string(to_string(*r.line.rejected)));
          },
          "Why it was rejected ('contract_ended'); None when priced.")
      .def_property_readonly(
          "message",
          [](const line_result& r) -> py::object {
            if (r.line.ok()) return py::none();
            return py::str(r.line.message);
          },
          "Why it was rejected, in plain words naming the line; None when priced (as reason).")
      .def_property_readonly("title", [](const line_result& r) { return r.line.title; })
      .def_property_readonly("price_list", [](const line_result& r) { return r.line.price_list; })
      .def_property_readonly("measured", [](const line_result& r) { return r.line.measured; })
      .def_property_readonly("billed", [](const line_result& r) { return r.line.billed; })
      .def_property_readonly(
          "amount", [](const line_result& r) { return optional_money(r.line, r.line.amount); },
          "What the client pays (Decimal).")
      .def_property_readonly(
          "cost", [](const line_result& r) { return optional_money(r.line, r.line.cost); })
      .def_property_readonly(
          "margin", [](const line_result& r) { return optional_money(r.line, r.line.margin); },
          "amount - cost; without the tax when prices include it.")
      .def_property_readonly(
          "tax", [](const line_result& r) { return optional_money(r.line, r.line.tax); },
          "Statements (and price_with_state, estimate) of a tariff with a tax: the line's tax, "
          "contained in amount when prices include it, else added to it; 0 otherwise.")
      .def_property_readonly("parts", &parts_of, "In time order.")
      .def_property_readonly(
          "line_trace", [](const line_result& r) { return steps(r.line.line_trace); },
          "Steps on the line's amount: minimum_charge, maximum_charge.")
      .def("to_dict", &line_dict, "The line as a dict of plain values (Decimal money).")
      .def(
          "__eq__", [](const line_result& a, const line_result& b) { return a.line == b.line; },
          py::is_operator())
      .def("__repr__", [](const line_result& r) {
        const priced_line& l = r.line;
        return "PricedLine(" + l.id + ", " + l.item + ", " +
               (l.ok() ? l.billed.to_string() + ", amount " + l.amount.to_string()
                       : "rejected " + std::string(to_string(*l.rejected))) +
               ")";
      });

  bind_statement(m);
}

}  // namespace tariff::python
