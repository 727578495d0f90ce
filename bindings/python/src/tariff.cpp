// tariff.Tariff: a compiled tariff and what it does from Python (pricing, billing, estimates),
// plus the compiler, the checker and the readers of docs/formats.md. The engine's calls run with
// the GIL released: a compiled tariff is immutable, so Python threads may price at once.
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/stl.h>
#include <tariff/billing.hpp>
#include <tariff/io.hpp>
#include <tariff/priced_io.hpp>
#include <tariff/version.hpp>

#include "bindings.hpp"
#include "convert.hpp"
#include "errors.hpp"
#include "statement_result.hpp"
#include "stop.hpp"

namespace tariff::python {
namespace {

py_tariff compile_tariff(const std::string& source, const std::string& file,
                         std::optional<double> timeout) {
  compile_result compiled;
  const compile_options options{stop_for(timeout)};
  {
    py::gil_scoped_release unlocked;
    compiled = compile(source, file, options);
  }
  if (!compiled.tariff) {
    std::size_t errors = 0;
    for (const diagnostic& d : compiled.diagnostics)
      if (d.level == severity::error) ++errors;
    throw tariff_error{file + ": " + std::to_string(errors) + " error" + (errors == 1 ? "" : "s") +
                           "\n" + format(compiled.diagnostics),
                       compiled.diagnostics,
                       {}};
  }
  return {*compiled.tariff, source, compiled.diagnostics};
}

// The versions of one tariff (docs/design.md, decision 12), each (text, file name).
py_tariff compile_versions(const std::vector<std::pair<std::string, std::string>>& files,
                           std::optional<double> timeout) {
  std::vector<tariff_source> sources;
  for (const auto& [text, name] : files)
    sources.push_back({text, name});
  compile_result compiled;
  const compile_options options{stop_for(timeout)};
  {
    py::gil_scoped_release unlocked;
    compiled = compile(sources, options);
  }
  if (!compiled.tariff) {
    std::size_t errors = 0;
    for (const diagnostic& d : compiled.diagnostics)
      if (d.level == severity::error) ++errors;
    throw tariff_error{std::to_string(files.size()) + " versions: " + std::to_string(errors) +
                           " error" + (errors == 1 ? "" : "s") + "\n" +
                           format(compiled.diagnostics),
                       compiled.diagnostics,
                       {}};
  }
  // No one source to pickle: a tariff of versions is sent as its files (see the pickle below).
  return {*compiled.tariff, files.size() == 1 ? files.front().first : std::string(),
          compiled.diagnostics};
}

// Unpickling compiles the source again; a worker that receives the same tariff with every task
// compiles it once. Keyed by hash and file name (the file name appears in messages).
py_tariff restore(const std::string& source, const std::string& file, const std::string& hash) {
  static std::mutex guard;
  static std::map<std::pair<std::string, std::string>, py_tariff> cache;
  {
    const std::lock_guard<std::mutex> lock(guard);
    if (auto found = cache.find({hash, file}); found != cache.end()) return found->second;
  }
  py_tariff t = compile_tariff(source, file, std::nullopt);
  if (t.compiled.source_hash() != hash)
    throw py::value_error("the pickled tariff's source does not match its hash");
  const std::lock_guard<std::mutex> lock(guard);
  return cache.try_emplace({hash, file}, t).first->second;
}

date_span period_for(const py_tariff& t, const contract& deal, py::handle period) {
  if (py::isinstance<date_span>(period)) return period.cast<date_span>();
  const local_date day = to_period_day(period, "period");
  return statement_period(t.compiled, deal, day);
}

template <class T>
std::vector<T> rows_of(read_result<T> read, const std::string& what) {
  raise_input_errors(read.errors, what);
  return std::move(read.rows);
}

}  // namespace

void bind_tariff(py::module_& m) {
  m.attr("__version__") = tariff::version;

  m.def("_compile", &compile_tariff, py::arg("source"), py::arg("file"),
        py::arg("timeout") = py::none());
  m.def("_compile_versions", &compile_versions, py::arg("files"), py::arg("timeout") = py::none());

  m.def(
      "check",
      [](const std::string& source, const std::string& file) {
        py::gil_scoped_release unlocked;
        return check(source, file);
      },
      py::arg("source"), py::arg("file") = "<input>",
      "Every error and warning of a tariff source, in source order ([] when clean).");

  m.def(
      "read_work_csv", [](const std::string& text) { return rows_of(read_work_csv(text), "work"); },
      py::arg("text"), "Work lines from CSV text (docs/formats.md); TariffError on bad rows.");
  m.def(
      "read_work_json",
      [](const std::string& text) { return rows_of(read_work_json(text), "work"); },
      py::arg("text"), "Work lines from JSON text; TariffError on bad rows.");
  m.def(
      "read_contracts_csv",
      [](const std::string& text) { return rows_of(read_contracts_csv(text), "contracts"); },
      py::arg("text"), "Contracts from CSV text; TariffError on bad rows.");
  m.def(
      "read_contracts_json",
      [](const std::string& text) { return rows_of(read_contracts_json(text), "contracts"); },
      py::arg("text"), "Contracts from JSON text; TariffError on bad rows.");
  m.def(
      "read_payments_csv",
      [](const std::string& text) { return rows_of(read_payments_csv(text), "payments"); },
      py::arg("text"),
      "Payments (id, contract, date, amount) from CSV text; TariffError on bad rows.");
  m.def(
      "read_payments_json",
      [](const std::string& text) { return rows_of(read_payments_json(text), "payments"); },
      py::arg("text"), "Payments from JSON text; TariffError on bad rows.");
  m.def(
      "write_work_csv",
      [](py::handle work) {
        const std::vector<work_line> lines = work_of(work);
        return write_work_csv(lines);
      },
      py::arg("work"), "Work lines as CSV text; reads back to the same lines.");
  m.def(
      "write_contracts_csv",
      [](py::handle contracts) {
        const std::vector<contract> all = contracts_of(contracts);
        return write_contracts_csv(all);
      },
      py::arg("contracts"), "Contracts as CSV text; reads back to the same contracts.");
  m.def(
      "write_payments_csv",
      [](py::handle payments) {
        const std::vector<payment> all = payments_of(payments);
        return write_payments_csv(all);
      },
      py::arg("payments"), "Payments as CSV text; reads back to the same payments.");
  m.def(
      "write_payments_json",
      [](py::handle payments) {
        const std::vector<payment> all = payments_of(payments);
        return write_payments_json(all);
      },
      py::arg("payments"), "Payments as a JSON array; reads back to the same payments.");

  m.def(
      "expiring_contracts",
      [](py::handle contracts, py::handle day, int days) {
        const std::vector<contract> all = contracts_of(contracts);
        return expiring_contracts(all, to_local_date(day, "day"), days);
      },
      py::arg("contracts"), py::arg("day"), py::arg("days") = 30,
      "The registered contracts that end within `days` days on or after `day`, soonest first.");

  py::class_<py_tariff>(m, "Tariff",
                        "A compiled tariff: immutable, cheap to share between threads, "
                        "picklable (the pickle carries the source, compiled again on load).")
      .def_property_readonly(
          "name", [](const py_tariff& t) { return t.compiled.name(); }, "From the header.")
      .def_property_readonly("currency", [](const py_tariff& t) { return t.compiled.currency(); })
      .def_property_readonly(
          "source_hash", [](const py_tariff& t) { return t.compiled.source_hash(); },
          "SHA-256 of the source text: names exactly the rules that priced a result.")
      .def_property_readonly(
          "versions",
          [](const py_tariff& t) {
            py::list out;
            for (const tariff_version& v : t.compiled.versions())
              out.append(py::make_tuple(
                  v.effective ? py::object(to_py_date(*v.effective)) : py::object(py::none()),
                  v.source_hash, v.file));
            return out;
          },
          "The versions, in date order: (effective date or None, source hash, file) each.")
      .def_property_readonly(
          "file", [](const py_tariff& t) { return t.compiled.file(); },
          "The name the tariff was compiled as (messages and traces use it).")
      .def_readonly("source", &py_tariff::source, "The source text.")
      .def_readonly("warnings", &py_tariff::warnings, "The compiler's warnings (Diagnostic).")
      .def_property_readonly(
          "time_zone",
          [](const py_tariff& t) { return std::string(t.compiled.time_zone().name()); },
          "The calendar's zone.")
      .def_property_readonly("plans", [](const py_tariff& t) { return t.compiled.plans(); })
      .def(
          "price",
          [](const py_tariff& t, py::handle contracts, py::handle work, bool trace,
             std::optional<double> timeout) {
            const std::vector<contract> all = contracts_of(contracts);
            const std::vector<work_line> lines = work_of(work);
            std::vector<priced_line> priced;
            price_options options{trace};
            options.stop = stop_for(timeout);
            {
              py::gil_scoped_release unlocked;
              priced = price(t.compiled, all, lines, options);
            }
            return named(std::move(priced), t.compiled);
          },
          py::arg("contracts"), py::arg("work"), py::kw_only(), py::arg("trace") = true,
          py::arg("timeout") = py::none(),
          "Prices each work line on its own, with the contract its `contract` names: one "
          "PricedLine per line, in input order, priced or rejected (never raises for bad "
          "work). For tables use price_table. timeout: seconds (None: none); past it raises "
          "tariff.Cancelled, a TimeoutError, and returns nothing; Ctrl-C stops it too.")
      .def(
          "statement_period",
          [](const py_tariff& t, const contract& deal, py::handle day) {
            return statement_period(t.compiled, deal, to_period_day(day, "day"));
          },
          py::arg("contract"), py::arg("day"),
          "The statement period of the contract's plan that contains `day` (a date, or a month "
          "'YYYY-MM': its first day).")
      .def(
          "bill",
          [](const py_tariff& t, const contract& deal, py::handle period, py::handle work,
             const billing_state* state, py::handle payments, int expiry_warning_days, bool trace,
             const std::string& on_repeat, std::optional<int> late_work_periods,
             std::optional<double> timeout) {
            bill_options options;
            options.stop = stop_for(timeout);
            if (on_repeat == "skip")
              options.on_repeat = repeat_policy::skip;
            else if (on_repeat == "error")
              options.on_repeat = repeat_policy::error;
            else
              throw py::value_error("on_repeat is 'skip' or 'error', not '" + on_repeat + "'");
            if (late_work_periods && *late_work_periods < 1)
              throw py::value_error("late_work_periods is 1 or more, not " +
                                    std::to_string(*late_work_periods));
            options.late_work_periods = late_work_periods;
            const date_span span = period_for(t, deal, period);
            std::vector<work_line> lines = work_of(work);
            std::vector<payment> paid = payments_of(payments);
            const billing_state empty;
            statement_result out{{}, t.compiled, nullptr};
            options.expiry_warning_days = expiry_warning_days;
            options.trace = trace;
            {
              py::gil_scoped_release unlocked;
              out.value = bill(t.compiled, deal, span, state != nullptr ? *state : empty, lines,
                               paid, options);
            }
            // Kept for Statement.to_json(inputs=True): this contract's work and payments, as
            // bill() used them.
            std::erase_if(lines, [&](const work_line& w) { return w.contract != deal.id; });
            std::erase_if(paid, [&](const payment& p) { return p.contract != deal.id; });
            out.inputs = std::make_shared<const owned_statement_inputs>(
                owned_statement_inputs{deal, span, state != nullptr ? *state : empty,
                                       std::move(lines), std::move(paid), options});
            return out;
          },
          py::arg("contract"), py::arg("period"), py::arg("work"), py::kw_only(),
          py::arg("state") = py::none(), py::arg("payments") = py::none(),
          py::arg("expiry_warning_days") = 30, py::arg("trace") = true,
          py::arg("on_repeat") = "skip", py::arg("late_work_periods") = py::none(),
          py::arg("timeout") = py::none(),
          "Bills the contract for a statement period (a Period, any day of it, or a month "
          "'YYYY-MM' as the tool's --period) from the opening `state` (None: empty) and the "
          "work; lines of other contracts in `work` are left out. What the state's ledger billed "
          "is never "
          "billed twice: work and payments sent again are skipped (Statement.already_billed, "
          "already_credited; on_repeat='error' raises instead), a changed or `void` line is "
          "reversed, a period billed before gives a supplementary statement. For a plan with "
          "`prepaid`, `payments` (Payment objects; other contracts' are ignored) top the balance "
          "up on their dates, refunds take it down. late_work_periods: the late-work horizon in "
          "statement periods (None: the plan's, else 12). ValueError if the period is not one of "
          "the plan's, or if the contract's data cannot be billed as given (a per-unit value "
          "below 0 or not whole for an integer attribute, a prepaid span naming a fee the plan "
          "lacks, a state entry the plan lacks in a period still open, a state of another "
          "contract, a payment id credited with other figures, a repeat with "
          "on_repeat='error'). timeout: seconds (None: none); past it raises tariff.Cancelled, "
          "a TimeoutError, and returns nothing (the state given is never changed); Ctrl-C "
          "stops it too.")
      .def(
          "price_with_state",
          [](const py_tariff& t, const contract& deal, billing_state& state, py::handle work,
             bool trace, std::optional<double> timeout) {
            const std::vector<work_line> lines = work_of(work);
            std::vector<priced_line> priced;
            price_options options{trace};
            options.stop = stop_for(timeout);
            {
              py::gil_scoped_release unlocked;
              priced = price_with_state(t.compiled, deal, state, lines, options);
            }
            return named(std::move(priced), t.compiled);
          },
          py::arg("contract"), py::arg("state"), py::arg("work"), py::kw_only(),
          py::arg("trace") = true, py::arg("timeout") = py::none(),
          "Lines priced with the plan's allowances, as bill() prices them; `state` is advanced "
          "in place. Request by request in work order, this gives the statement's figures. "
          "timeout: seconds (None: none); past it raises tariff.Cancelled, a TimeoutError, and "
          "`state` is left as it was; Ctrl-C stops it too.")
      .def(
          "estimate",
          [](const py_tariff& t, const contract& deal, const billing_state& state, py::handle work,
             bool trace, std::optional<double> timeout) {
            const std::vector<work_line> lines = work_of(work);
            std::vector<priced_line> priced;
            price_options options{trace};
            options.stop = stop_for(timeout);
            {
              py::gil_scoped_release unlocked;
              priced = estimate(t.compiled, deal, state, lines, options);
            }
            return named(std::move(priced), t.compiled);
          },
          py::arg("contract"), py::arg("state"), py::arg("work"), py::kw_only(),
          py::arg("trace") = true, py::arg("timeout") = py::none(),
          "Planned work priced against the state, which is left as it was. timeout: seconds "
          "(None: none); past it raises tariff.Cancelled, a TimeoutError; Ctrl-C stops it too.")
      .def(
          "priced_json",
          [](const py_tariff& t, const std::vector<line_result>& lines) {
            std::vector<priced_line> plain;
            plain.reserve(lines.size());
            for (const line_result& r : lines)
              plain.push_back(r.line);
            return write_priced_json(plain, t.compiled);
          },
          py::arg("lines"), "Priced lines as the JSON of docs/formats.md.")
      .def(
          "priced_csv",
          [](const py_tariff& t, const std::vector<line_result>& lines) {
            std::vector<priced_line> plain;
            plain.reserve(lines.size());
            for (const line_result& r : lines)
              plain.push_back(r.line);
            return write_priced_csv(plain, t.compiled);
          },
          py::arg("lines"), "Priced lines as the CSV of docs/formats.md.")
      .def("__repr__",
           [](const py_tariff& t) {
             return "<tariff.Tariff '" + t.compiled.name() + "' " + t.compiled.currency() + " " +
                    t.compiled.source_hash().substr(0, 12) + ">";
           })
      .def(py::pickle(
          [](const py_tariff& t) {
            if (t.compiled.versions().size() > 1)
              throw py::type_error(
                  "a tariff of several versions does not pickle: send its "
                  "files and compile them with tariff.compile([...])");
            return py::make_tuple(t.source, t.compiled.file(), t.compiled.source_hash());
          },
          [](const py::tuple& state) {
            return restore(state[0].cast<std::string>(), state[1].cast<std::string>(),
                           state[2].cast<std::string>());
          }));
}

}  // namespace tariff::python
