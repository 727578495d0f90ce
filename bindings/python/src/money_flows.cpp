// Contractor payouts (tariff/payouts.hpp) and portfolios of statements (tariff/portfolio.hpp) as
// Python classes Payout, PayoutLine and PortfolioRow; docs/statement.md explains each figure.
#include <optional>
#include <string>
#include <vector>

#include <pybind11/stl.h>
#include <tariff/payouts.hpp>
#include <tariff/portfolio.hpp>

#include "bindings.hpp"
#include "convert.hpp"
#include "statement_result.hpp"

namespace tariff::python {
namespace {

// A Period, or a month's first day as a date: the calendar month.
date_span month_of(py::handle period) {
  if (py::isinstance<date_span>(period)) return period.cast<date_span>();
  const local_date first = to_local_date(period, "period");
  return {first, local_date{date::year_month_day{first} + date::months{1}}};
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
        std::vector<payout> owed;
        std::vector<priced_line> rejected;
        {
          py::gil_scoped_release unlocked;
          owed = payouts(t.compiled, deals, lines, month, {rates}, &rejected);
        }
        return py::make_tuple(std::move(owed), named(std::move(rejected), t.compiled));
      },
      py::arg("tariff"), py::arg("contracts"), py::arg("work"), py::arg("period"),
      py::arg("rates"));

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
