// The binding files and what they share. Each bind_* function defines one group of Python
// classes in the extension module tariff._tariff; module.cpp calls them in order (a class must
// be defined before a later signature names it).
#pragma once

#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <tariff/billing.hpp>
#include <tariff/model.hpp>
#include <tariff/pricing.hpp>

namespace tariff::python {

namespace py = pybind11;

/// A compiled tariff as Python holds it: the engine's handle, plus the source it was compiled
/// from (which is what a pickle carries) and the warnings the compiler gave.
struct py_tariff {
  compiled_tariff compiled;
  std::string source;
  std::vector<diagnostic> warnings;
};

/// A priced line with its parts' label names resolved (a part's labels are a bit mask that only
/// the tariff can name).
struct line_result {
  priced_line line;
  std::vector<std::vector<std::string>> labels;  ///< per part
};

/// A part with its label names, as PricedLine.parts hands it out.
struct part_result {
  priced_part part;
  std::vector<std::string> labels;
};

/// Names the parts' labels of each line.
line_result named(priced_line line, const compiled_tariff& tariff);
/// The same for many lines.
std::vector<line_result> named(std::vector<priced_line> lines, const compiled_tariff& tariff);

/// A single Contract or an iterable of them.
std::vector<contract> contracts_of(py::handle value);
/// An iterable of WorkLine.
std::vector<work_line> work_of(py::handle value);
/// A single Payment, an iterable of them, or None (no payments).
std::vector<payment> payments_of(py::handle value);

void bind_model(py::module_& m);    // Period, Contract, PrepaidFee, WorkLine, Payment, BillingState
void bind_results(py::module_& m);  // ItemQuantity, TraceStep, PricedPart, PricedLine, Statement
void bind_tariff(py::module_& m);   // Tariff, compile, check, readers
void bind_batch(py::module_& m);    // _price_columns, the batch path under price_table
void bind_compare(py::module_& m);  // Comparison, Change, LineChange
void bind_money_flows(py::module_& m);  // Payout, StaffPay, PortfolioRow, summarize
void bind_work_table(py::module_& m);   // _work_by_contract, under Tariff.bill_table
void bind_verify(py::module_& m);       // tzdata_version, VerifyResult, _verify

}  // namespace tariff::python
