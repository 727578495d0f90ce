// Statement and its parts as Python classes (statement_result.hpp): FeeLine, AllowanceReport,
// Alert, TaxLine, PrepaidReport and Statement. Figures are Decimal with the scale billing gave
// them; docs/statement.md explains each.
#include <string>
#include <vector>

#include <pybind11/stl.h>
#include <tariff/statement_io.hpp>

#include "bindings.hpp"
#include "convert.hpp"
#include "statement_result.hpp"

namespace tariff::python {
namespace {

py::dict tax_dict(const tax_line& t) {
  py::dict d;
  d["tax"] = t.tax;
  d["rate"] = t.rate;
  d["percent"] = to_py_decimal(t.percent);
  d["base"] = to_py_decimal(t.base);
  d["amount"] = to_py_decimal(t.amount);
  return d;
}

py::dict prepaid_dict(const prepaid_report& p) {
  py::dict d;
  d["opening"] = to_py_decimal(p.opening);
  py::list payments;
  for (const payment& paid : p.payments) {
    py::dict one;
    one["id"] = paid.id;
    one["contract"] = paid.contract;
    one["date"] = to_py_date(paid.date);
    one["amount"] = to_py_decimal(paid.amount);
    if (paid.kind != payment_kind::payment) {
      one["kind"] = std::string(to_string(paid.kind));
      one["reverses"] = paid.reverses;
    }
    payments.append(one);
  }
  d["payments"] = payments;
  d["received"] = to_py_decimal(p.received);
  d["refunded"] = to_py_decimal(p.refunded);
  d["drawn"] = to_py_decimal(p.drawn);
  d["closing"] = to_py_decimal(p.closing);
  d["owed"] = to_py_decimal(p.owed);
  return d;
}

}  // namespace

void bind_statement(py::module_& m) {
  py::class_<fee_line>(m, "FeeLine", "A plan's fee charged in a statement.")
      .def_readonly("description", &fee_line::description,
                    "The fee as the tariff writes it: 'fee 45000.00 per month'.")
      .def_readonly("covers", &fee_line::covers, "The days charged.")
      .def_readonly("fee_period", &fee_line::fee_period, "The fee's whole period.")
      .def_readonly("units", &fee_line::units, "The per-unit attribute's value; 1 without.")
      .def_readonly("amount", &fee_line::amount,
                    "fee x units, prorated if declared, rounded at `line`; without the units a "
                    "prepaid span covers.")
      .def_readonly("prepaid_units", &fee_line::prepaid_units,
                    "Units the contract paid for in advance (all of them for a fee without `per "
                    "unit`); 0 when no prepaid span covers the period.")
      .def_readonly("covered", &fee_line::covered, "What the prepaid units would have cost.")
      .def_readonly("tax", &fee_line::tax,
                    "The fee's tax, at the tax's default rate (0 without a tax, or when exempt).")
      .def_property_readonly(
          "billed_before",
          [](const fee_line& f) -> py::object {
            return f.billed_before ? to_py_decimal(*f.billed_before) : py::none();
          },
          "A fee adjustment: what an earlier statement billed for these days (amount is the "
          "difference); None for a fee charged the first time.")
      .def_readonly("line", &fee_line::line)
      .def_readonly("column", &fee_line::column)
      .def("__repr__", [](const fee_line& f) {
        return "FeeLine(" + f.description + ", " + format_span(f.covers) + ", " +
               f.amount.to_string() + ")";
      });

  py::class_<plan_days>(m, "PlanDays", "A plan a statement billed under, with its days.")
      .def_readonly("plan", &plan_days::plan)
      .def_readonly("days", &plan_days::days, "Its days of the contract's days in the period.")
      .def("__repr__", [](const plan_days& d) {
        return "PlanDays(" + d.plan + ", " + format_span(d.days) + ")";
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
          "'allowance_threshold', 'contract_expiring', 'fee_not_charged', 'balance_low', "
          "'balance_exhausted', 'unknown_state_entry', 'state_migrated' or 'balance_negative'.")
      .def_readonly("message", &alert::message)
      .def_readonly("allowance", &alert::allowance, "allowance_threshold: the key.")
      .def_readonly("percent", &alert::percent, "allowance_threshold: the threshold reached.")
      .def_readonly("line", &alert::line,
                    "allowance_threshold, balance_low, balance_exhausted: the work line that "
                    "reached it (for a balance, a fee's description when a fee drew it down); "
                    "balance_negative: the refund or chargeback.")
      .def_readonly("threshold", &alert::threshold,
                    "balance_low: the plan's threshold the balance fell to or below; else 0.")
      .def("__repr__", [](const alert& a) { return "Alert(" + a.message + ")"; });

  py::class_<tax_line>(m, "TaxLine", "One tax rate's figures in a statement.")
      .def_readonly("tax", &tax_line::tax, "The tariff's tax: 'vat'.")
      .def_readonly("rate", &tax_line::rate, "The rate: 'standard'.")
      .def_readonly("percent", &tax_line::percent, "20 for 20 %.")
      .def_readonly("base", &tax_line::base,
                    "What it taxes: the fees' and lines' amounts at this rate, without the tax.")
      .def_readonly("amount", &tax_line::amount,
                    "The tax; the lines' and fees' taxes at this rate add up to it exactly.")
      .def("to_dict", &tax_dict, "The tax line as a dict (Decimal money).")
      .def(
          "__eq__", [](const tax_line& a, const tax_line& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const tax_line& t) {
        return "TaxLine(" + t.tax + " " + t.rate + " " + t.percent.to_string() + "% on " +
               t.base.to_string() + " = " + t.amount.to_string() + ")";
      });

  py::class_<prepaid_report>(m, "PrepaidReport",
                             "How a prepaid balance went in a statement (plans with `prepaid`).")
      .def_readonly("opening", &prepaid_report::opening,
                    "The balance before the period (the opening state's).")
      .def_readonly("payments", &prepaid_report::payments,
                    "The Payments credited: received for the contract up to the period's end, by "
                    "date.")
      .def_readonly("received", &prepaid_report::received, "The payments' sum.")
      .def_readonly("refunded", &prepaid_report::refunded,
                    "The refunds' and chargebacks' sum (they are among `payments`).")
      .def_readonly("drawn", &prepaid_report::drawn,
                    "Taken by the period's fees and lines (with their tax when it is added), in "
                    "work order.")
      .def_readonly("closing", &prepaid_report::closing,
                    "opening + received - refunded - drawn: the closing state's balance.")
      .def_readonly("owed", &prepaid_report::owed, "What the balance did not cover: to invoice.")
      .def("to_dict", &prepaid_dict,
           "The report as a dict (Decimal money; payments as dicts of id, contract, date, "
           "amount).")
      .def(
          "__eq__", [](const prepaid_report& a, const prepaid_report& b) { return a == b; },
          py::is_operator())
      .def("__repr__", [](const prepaid_report& p) {
        return "PrepaidReport(opening " + p.opening.to_string() + ", received " +
               p.received.to_string() + ", drawn " + p.drawn.to_string() + ", closing " +
               p.closing.to_string() + ", owed " + p.owed.to_string() + ")";
      });

  py::class_<reversal>(m, "Reversal",
                       "A billed line taken back exactly as the ledger recorded it: corrected "
                       "(billed again after it) or voided.")
      .def_readonly("id", &reversal::id, "The work line's id.")
      .def_property_readonly(
          "reason", [](const reversal& r) { return std::string(to_string(r.reason)); },
          "'corrected' or 'voided'.")
      .def_property_readonly("date", [](const reversal& r) { return to_py_date(r.date); })
      .def_readonly("item", &reversal::item)
      .def_readonly("amount", &reversal::amount, "Minus what was billed.")
      .def_readonly("cost", &reversal::cost)
      .def_readonly("tax", &reversal::tax)
      .def_readonly("rate", &reversal::rate)
      .def_readonly("returned", &reversal::returned,
                    "AllowanceUse: the included quantity given back to each allowance period.")
      .def(
          "__eq__", [](const reversal& a, const reversal& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const reversal& r) {
        return "Reversal(" + r.id + ", " + std::string(to_string(r.reason)) + ", " +
               r.amount.to_string() + ")";
      });

  using s = statement_result;
  py::class_<s>(m, "Statement",
                "What a contract is billed for one period: fees, lines, adjustments (late "
                "work), rejected lines, totals, taxes, the prepaid balance, allowances, alerts "
                "and the closing state.")
      .def_property_readonly(
          "id", [](const s& r) { return r.value.id; },
          "Deterministic: contract, period, opening revision and a hash of the content.")
      .def_property_readonly(
          "opening_revision", [](const s& r) { return r.value.opening_revision; },
          "The opening state's revision, for a compare-and-swap of the stored state.")
      .def_property_readonly(
          "supplementary", [](const s& r) { return r.value.supplementary; },
          "The period was billed before: this bills only what that did not.")
      .def_property_readonly("contract", [](const s& r) { return r.value.contract; })
      .def_property_readonly("client", [](const s& r) { return r.value.client; })
      .def_property_readonly(
          "plan", [](const s& r) { return r.value.plan; },
          "The plan in force on the period's last day of the contract.")
      .def_property_readonly(
          "plans", [](const s& r) { return r.value.plans; },
          "Every plan in force in the period with its days, in date order.")
      .def_property_readonly("currency", [](const s& r) { return r.value.currency; })
      .def_property_readonly("tariff_hash", [](const s& r) { return r.value.tariff_hash; })
      .def_property_readonly(
          "versions",
          [](const s& r) {
            py::list out;  // docs/statement.md, "Tariff versions"
            for (const tariff_version& v : r.value.versions)
              out.append(py::make_tuple(
                  v.effective ? py::object(to_py_date(*v.effective)) : py::object(py::none()),
                  v.source_hash, v.file));
            return out;
          },
          "A tariff of several versions: those that priced or charged here, in date order, as "
          "(effective date or None, source hash, file); [] for a tariff of one file.")
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
      .def_property_readonly(
          "reversals", [](const s& r) { return r.value.reversals; },
          "Reversal per billed line taken back (corrections, voids).")
      .def_property_readonly(
          "already_billed", [](const s& r) { return r.value.already_billed; },
          "Ids of work lines billed before, skipped, in input order.")
      .def_property_readonly(
          "already_credited", [](const s& r) { return r.value.already_credited; },
          "Ids of payments credited before, skipped, in input order.")
      .def_property_readonly("fees_total", [](const s& r) { return r.value.fees_total; })
      .def_property_readonly("work_total", [](const s& r) { return r.value.work_total; })
      .def_property_readonly(
          "revenue", [](const s& r) { return r.value.revenue; },
          "Fees + work without the tax: total - tax.")
      .def_property_readonly("cost", [](const s& r) { return r.value.cost; })
      .def_property_readonly("margin", [](const s& r) { return r.value.margin; })
      .def_property_readonly(
          "margin_percent",
          [](const s& r) -> py::object {
            return r.value.margin_percent ? to_py_decimal(*r.value.margin_percent) : py::none();
          },
          "margin / revenue x 100, 2 decimals; None when revenue is 0.")
      .def_property_readonly(
          "tax_included", [](const s& r) { return r.value.tax_included; },
          "The tariff's prices include its tax: the lines' taxes are in their amounts (False "
          "without a tax).")
      .def_property_readonly(
          "tax_exempt", [](const s& r) { return r.value.tax_exempt; },
          "The tax's `exempt` condition holds for the contract (False without a tax).")
      .def_property_readonly(
          "taxes", [](const s& r) { return r.value.taxes; },
          "TaxLine per rate with something to tax, in the tax's rate order; [] without a tax or "
          "when exempt.")
      .def_property_readonly(
          "tax", [](const s& r) { return r.value.tax; }, "The sum of the taxes.")
      .def_property_readonly(
          "total", [](const s& r) { return r.value.total; },
          "What the client owes for the period: fees + work, plus the tax when prices exclude "
          "it; rounded at `statement` if declared. revenue is total - tax.")
      .def_property_readonly(
          "prepaid",
          [](const s& r) -> py::object {
            return r.value.prepaid ? py::cast(*r.value.prepaid) : py::none();
          },
          "Plans with `prepaid`: the balance's PrepaidReport; None otherwise.")
      .def_property_readonly("allowances", [](const s& r) { return r.value.allowances; })
      .def_property_readonly("alerts", [](const s& r) { return r.value.alerts; })
      .def_property_readonly(
          "closing", [](const s& r) { return r.value.closing; },
          "The opening state plus this statement's use: the next statement's opening state.")
      .def(
          "to_json",
          [](const s& r, bool inputs) {
            if (!inputs) return write_statement_json(r.value, r.tariff);
            if (!r.inputs)
              throw py::value_error(
                  "this statement was not made by Tariff.bill: it has no inputs to record");
            return write_statement_json(r.value, r.tariff, r.inputs->view());
          },
          py::kw_only(), py::arg("inputs") = false,
          "The statement as docs/formats.md writes it; inputs=True adds what Tariff.bill was "
          "given (the contract, period, opening state, work, payments and options), which "
          "tariff.verify bills again.")
      .def_property_readonly(
          "engine", [](const s& r) { return r.value.engine; },
          "The engine's version that billed it.")
      .def_property_readonly(
          "tzdata", [](const s& r) { return r.value.tzdata; },
          "The time-zone database it was priced with (tariff.tzdata_version()).")
      .def(
          "to_text",
          [](const s& r, bool explain) {
            return write_statement_text(r.value, r.tariff, {.explain = explain});
          },
          py::arg("explain") = false, "The statement for a terminal; explain adds the traces.")
      .def("__str__", [](const s& r) { return write_statement_text(r.value, r.tariff); })
      .def("__repr__", [](const s& r) {
        return "Statement(" + r.value.contract + ", " + format_span(r.value.period) + ", revenue " +
               r.value.revenue.to_string() + ")";
      });
}

}  // namespace tariff::python
