// Contractor payouts (tariff/payouts.hpp), staff pay (tariff/staff_pay.hpp) and portfolios of
// statements (tariff/portfolio.hpp) as Python classes Payout, PayoutLine, StaffPay, StaffPayLine
// and PortfolioRow; docs/statement.md explains each figure.
#include <optional>
#include <string>
#include <vector>

#include <pybind11/stl.h>
#include <tariff/payouts.hpp>
#include <tariff/portfolio.hpp>
#include <tariff/staff_pay.hpp>

#include "bindings.hpp"
#include "convert.hpp"
#include "statement_result.hpp"

namespace tariff::python {
namespace {

// A Period, or a month's first day as a date: the calendar month.
date_span month_of(py::handle period) {
  if (py::isinstance<date_span>(period)) return period.cast<date_span>();
  const local_date first = to_period_day(period, "period");
  return {first, local_date{date::year_month_day{first} + date::months{1}}};
}

py::dict staff_line_dict(const staff_pay_line& l) {
  py::dict d;
  d["id"] = l.id;
  d["request"] = l.request;
  d["contract"] = l.contract;
  d["item"] = l.item;
  d["kind"] = std::string(to_string(l.kind));
  d["date"] = to_py_date(l.date);
  d["quantity"] = l.quantity.to_string();
  d["amount"] = to_py_decimal(l.amount);
  d["rule"] = l.rule.empty() ? py::object(py::none()) : py::str(l.rule);
  d["pay"] = to_py_decimal(l.pay);
  return d;
}

py::dict staff_pay_dict(const staff_pay& p) {
  py::dict d;
  d["employee"] = p.employee;
  d["currency"] = p.currency;
  d["first"] = to_py_date(p.period.first);
  d["last"] = to_py_date(p.period.end - date::days{1});
  d["total"] = to_py_decimal(p.total);
  py::list lines;
  for (const staff_pay_line& l : p.lines)
    lines.append(staff_line_dict(l));
  d["lines"] = lines;
  return d;
}

}  // namespace

void bind_money_flows(py::module_& m) {
  py::class_<payout_line>(m, "PayoutLine", "One work line in a performer's payout.")
      .def_readonly("id", &payout_line::id)
      .def_readonly("request", &payout_line::request)
      .def_readonly("contract", &payout_line::contract)
      .def_readonly("item", &payout_line::item)
      .def_readonly("date", &payout_line::date, "The line's local date.")
      .def_readonly("accepted_on", &payout_line::accepted_on, "None: not accepted yet.")
      .def_readonly("quantity", &payout_line::quantity, "The quantity done (measured).")
      .def_readonly("rate", &payout_line::rate, "Per unit.")
      .def_readonly("amount", &payout_line::amount, "rate x quantity, rounded as line amounts.")
      .def_readonly("payable", &payout_line::payable, "False: pending acceptance.")
      .def("__repr__", [](const payout_line& l) {
        return "PayoutLine(" + l.id + ", " + l.amount.to_string() + ", " +
               (l.payable ? "payable" : "pending") + ")";
      });

  py::class_<payout>(m, "Payout", "What one performer is owed for a period.")
      .def_readonly("performer", &payout::performer, "'' for work that names none.")
      .def_readonly("currency", &payout::currency)
      .def_readonly("period", &payout::period)
      .def_readonly("payable", &payout::payable, "Accepted in the period: to be paid now.")
      .def_readonly("pending", &payout::pending, "Done, not accepted yet.")
      .def_readonly("lines", &payout::lines, "In work order.")
      .def("__repr__", [](const payout& p) {
        return "Payout(" + p.performer + ", payable " + p.payable.to_string() + ", pending " +
               p.pending.to_string() + ")";
      });

  m.def(
      "_payouts",
      [](const py_tariff& t, py::handle contracts, py::handle work, py::handle period,
         const std::string& rates) {
        const std::vector<contract> deals = contracts_of(contracts);
        const std::vector<work_line> lines = work_of(work);
        const date_span month = month_of(period);
        payout_result owed;
        {
          py::gil_scoped_release unlocked;
          owed = payouts(t.compiled, deals, lines, month, {rates});
        }
        return py::make_tuple(std::move(owed.payouts), named(std::move(owed.rejected), t.compiled));
      },
      py::arg("tariff"), py::arg("contracts"), py::arg("work"), py::arg("period"),
      py::arg("rates"));

  py::class_<staff_pay_line>(m, "StaffPayLine", "One work line in an employee's pay.")
      .def_readonly("id", &staff_pay_line::id, "The work line.")
      .def_readonly("request", &staff_pay_line::request)
      .def_readonly("contract", &staff_pay_line::contract)
      .def_readonly("item", &staff_pay_line::item)
      .def_property_readonly(
          "kind", [](const staff_pay_line& l) { return std::string(to_string(l.kind)); },
          "The work kind: 'billable', 'warranty', ...")
      .def_readonly("date", &staff_pay_line::date, "The line's local date.")
      .def_readonly("quantity", &staff_pay_line::quantity, "The quantity done (measured).")
      .def_readonly("amount", &staff_pay_line::amount,
                    "What the client pays for the line (the rules' `amount`; 0 for work not "
                    "billed to the client).")
      .def_property_readonly(
          "rule",
          [](const staff_pay_line& l) -> py::object {
            return l.rule.empty() ? py::object(py::none()) : py::str(l.rule);
          },
          "The pay rule that applied; None: none did, and the pay is 0.")
      .def_readonly("pay", &staff_pay_line::pay, "What the rule gives, rounded as line amounts.")
      .def_readonly("line", &staff_pay_line::line, "Where the rule is written in the tariff.")
      .def_readonly("column", &staff_pay_line::column)
      .def("to_dict", &staff_line_dict,
           "The line as a dict of plain values (Decimal money, the quantity as text).")
      .def(
          "__eq__", [](const staff_pay_line& a, const staff_pay_line& b) { return a == b; },
          py::is_operator())
      .def("__repr__", [](const staff_pay_line& l) {
        return "StaffPayLine(" + l.id + ", " + (l.rule.empty() ? "no rule" : "rule " + l.rule) +
               ", " + l.pay.to_string() + ")";
      });

  py::class_<staff_pay>(m, "StaffPay", "What one employee earned in a period under `pay` rules.")
      .def_readonly("employee", &staff_pay::employee,
                    "The work lines' performer; '' for lines that name none.")
      .def_readonly("currency", &staff_pay::currency)
      .def_readonly("period", &staff_pay::period)
      .def_readonly("total", &staff_pay::total, "The sum of the lines' pay.")
      .def_readonly("lines", &staff_pay::lines, "StaffPayLine, in work order (start, then id).")
      .def("to_dict", &staff_pay_dict,
           "The pay as a dict: employee, currency, first, last, total and lines (dicts).")
      .def(
          "__eq__", [](const staff_pay& a, const staff_pay& b) { return a == b; },
          py::is_operator())
      .def("__repr__", [](const staff_pay& p) {
        return "StaffPay(" + (p.employee.empty() ? std::string("(no performer)") : p.employee) +
               ", " + format_span(p.period) + ", total " + p.total.to_string() + ")";
      });

  m.def(
      "_staff_pays",
      [](const py_tariff& t, py::handle contracts, py::handle work, py::handle period,
         const std::string& pay) {
        const std::vector<contract> deals = contracts_of(contracts);
        const std::vector<work_line> lines = work_of(work);
        const date_span month = month_of(period);
        staff_pay_result earned;
        {
          py::gil_scoped_release unlocked;
          earned = staff_pays(t.compiled, deals, lines, month, pay);
        }
        return py::make_tuple(std::move(earned.pays),
                              named(std::move(earned.rejected), t.compiled));
      },
      py::arg("tariff"), py::arg("contracts"), py::arg("work"), py::arg("period"), py::arg("pay"));

  m.def(
      "write_staff_pay_csv",
      [](const std::vector<staff_pay>& pays) { return write_staff_pay_csv(pays); }, py::arg("pays"),
      "Staff pay as CSV, one row per line: employee, id, request, contract, item, kind, date, "
      "quantity, amount, rule, pay.");
  m.def(
      "write_staff_pay_text",
      [](const std::vector<staff_pay>& pays) { return write_staff_pay_text(pays); },
      py::arg("pays"),
      "Staff pay as aligned text: each employee's lines with the rule that paid them, and a "
      "total.");

  py::class_<portfolio_row>(m, "PortfolioRow",
                            "One group's sums in one currency: a contract, client, item or the "
                            "total.")
      .def_readonly("key", &portfolio_row::key, "'' in the totals.")
      .def_readonly("currency", &portfolio_row::currency)
      .def_readonly("statements", &portfolio_row::statements)
      .def_readonly("lines", &portfolio_row::lines)
      .def_readonly("fees", &portfolio_row::fees)
      .def_readonly("revenue", &portfolio_row::revenue)
      .def_readonly("cost", &portfolio_row::cost)
      .def_readonly("margin", &portfolio_row::margin)
      .def_property_readonly("margin_percent", &portfolio_row::margin_percent,
                             "2 decimals; None when there is no revenue.")
      .def_property_readonly("loss", &portfolio_row::loss)
      .def("__repr__", [](const portfolio_row& r) {
        return "PortfolioRow(" + (r.key.empty() ? std::string("total") : r.key) + ", " +
               r.currency + ", margin " + r.margin.to_string() + ")";
      });

  m.def(
      "summarize",
      [](const std::vector<statement_result>& statements) {
        std::vector<statement> plain;
        plain.reserve(statements.size());
        for (const statement_result& s : statements)
          plain.push_back(s.value);
        const portfolio p = summarize(plain);
        py::dict out;
        out["totals"] = p.totals;
        out["by_contract"] = p.by_contract;
        out["by_client"] = p.by_client;
        out["by_item"] = p.by_item;
        return out;
      },
      py::arg("statements"),
      "Statements summed per currency: {'totals', 'by_contract', 'by_client', 'by_item'}, each a "
      "list of PortfolioRow, worst margin first (docs/statement.md, Portfolio).");
}

}  // namespace tariff::python
