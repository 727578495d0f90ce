// What a host hands the engine, as Python classes: Period, Contract, Amendment, PrepaidFee,
// WorkLine, Payment and BillingState. Money and quantities go through convert.hpp (Decimal in,
// never float); the objects pickle through the engine's own JSON formats, which round-trip exactly.
#include <span>
#include <string>

#include <pybind11/stl.h>
#include <tariff/io.hpp>
#include <tariff/statement_io.hpp>

#include "bindings.hpp"
#include "convert.hpp"
#include "errors.hpp"

namespace tariff::python {
namespace {

date_span period_of(py::handle first, py::handle last) {
  const local_date a = to_local_date(first, "first");
  const local_date b = to_local_date(last, "last");
  if (b < a) throw py::value_error("the last day " + format_date(b) + " is before the first");
  return {a, b + date::days{1}};
}

work_kind kind_of(const std::string& name) {
  if (auto k = parse_work_kind(name)) return *k;
  throw py::value_error("'" + name +
                        "' is not a work kind (billable, internal, warranty, bug_fix, "
                        "company_cost)");
}

contract_status status_of(const std::string& name) {
  if (auto s = parse_contract_status(name)) return *s;
  throw py::value_error("'" + name + "' is not a contract status (draft, registered, closed)");
}

std::optional<decimal> optional_decimal(py::handle value, std::string_view what) {
  if (value.is_none()) return std::nullopt;
  return to_decimal(value, what);
}

std::optional<local_date> optional_date(py::handle value, std::string_view what) {
  if (value.is_none()) return std::nullopt;
  return to_local_date(value, what);
}

std::optional<instant> optional_instant(py::handle value, std::string_view what) {
  if (value.is_none()) return std::nullopt;
  return to_instant(value, what);
}

// Read-write attribute-map properties that convert values as the constructor does.
template <class T>
void attribute_property(py::class_<T>& c, const char* name, attribute_map T::*member,
                        const char* doc) {
  c.def_property(
      name, [member](const T& self) { return to_py_dict(self.*member); },
      [member, name](T& self, py::handle value) { self.*member = to_attribute_map(value, name); },
      doc);
}

prepaid_fee prepaid_fee_of(std::string fee, py::handle first, py::handle last, py::handle units) {
  prepaid_fee out;
  out.fee = std::move(fee);
  out.span = period_of(first, last);
  out.units = optional_decimal(units, "units");
  if (out.units && out.units->sign() < 0)
    throw py::value_error("prepaid units must not be negative, not " + out.units->to_string());
  return out;
}

payment_kind payment_kind_of(const std::string& name) {
  const std::optional<payment_kind> kind = parse_payment_kind(name);
  if (!kind)
    throw py::value_error("'" + name + "' is not a payment kind (payment, refund, chargeback)");
  return *kind;
}

// A payment's kind and the payment it reverses, as the readers hold them (docs/formats.md,
// Payments): a refund or chargeback names a payment, a payment names none.
void check_reverses(const payment& p) {
  if (p.kind == payment_kind::payment && !p.reverses.empty())
    throw py::value_error("a payment reverses nothing; only a refund or chargeback does");
  if (p.kind != payment_kind::payment && p.reverses.empty())
    throw py::value_error("a " + std::string(to_string(p.kind)) +
                          " must name the payment it reverses");
}

decimal payment_amount(py::handle amount) {
  decimal out = to_decimal(amount, "amount");
  if (out.sign() <= 0) throw py::value_error("a payment must be above 0, not " + out.to_string());
  return out;
}

template <class T>
T read_one(const read_result<T>& read, const std::string& what) {
  raise_input_errors(read.errors, what);
  if (read.rows.size() != 1) throw py::value_error("expected one " + what);
  return read.rows.front();
}

}  // namespace

std::vector<contract> contracts_of(py::handle value) {
  if (py::isinstance<contract>(value)) return {value.cast<contract>()};
  std::vector<contract> out;
  for (py::handle c : py::iter(value)) {
    if (!py::isinstance<contract>(c))
      throw py::type_error("expected tariff.Contract objects, not " +
                           py::str(py::type::handle_of(c).attr("__name__")).cast<std::string>() +
                           " (a table of contracts: tariff.contracts_from_table)");
    out.push_back(c.cast<const contract&>());
  }
  return out;
}

std::vector<work_line> work_of(py::handle value) {
  std::vector<work_line> out;
  if (py::hasattr(value, "__len__")) out.reserve(py::len(value));
  for (py::handle w : py::iter(value)) {
    if (!py::isinstance<work_line>(w))
      throw py::type_error("expected tariff.WorkLine objects, not " +
                           py::str(py::type::handle_of(w).attr("__name__")).cast<std::string>() +
                           " (a table of work: Tariff.price_table)");
    out.push_back(w.cast<const work_line&>());
  }
  return out;
}

std::vector<payment> payments_of(py::handle value) {
  std::vector<payment> out;
  if (value.is_none()) return out;
  if (py::isinstance<payment>(value)) return {value.cast<payment>()};
  if (py::hasattr(value, "__len__")) out.reserve(py::len(value));
  for (py::handle p : py::iter(value)) {
    if (!py::isinstance<payment>(p))
      throw py::type_error("expected tariff.Payment objects, not " +
                           py::str(py::type::handle_of(p).attr("__name__")).cast<std::string>());
    out.push_back(p.cast<const payment&>());
  }
  return out;
}

void bind_model(py::module_& m) {
  py::class_<date_span>(m, "Period",
                        "A span of days, both ends included: a statement period, an allowance's "
                        "period, what a fee covers.")
      .def(py::init(&period_of), py::arg("first"), py::arg("last"),
           "Period(first, last): the days from first to last, both included.")
      .def_property_readonly(
          "first", [](const date_span& p) { return to_py_date(p.first); }, "The first day.")
      .def_property_readonly(
          "last", [](const date_span& p) { return to_py_date(p.end - date::days{1}); },
          "The last day (included).")
      .def_property_readonly("days", &date_span::days, "The number of days.")
      .def("__contains__",
           [](const date_span& p, py::handle d) { return p.contains(to_local_date(d, "day")); })
      .def(
          "__eq__", [](const date_span& a, const date_span& b) { return a == b; },
          py::is_operator())
      .def("__hash__",
           [](const date_span& p) {
             return py::hash(py::make_tuple(p.first.time_since_epoch().count(),
                                            p.end.time_since_epoch().count()));
           })
      .def("__str__", &format_span)
      .def("__repr__", [](const date_span& p) { return "Period(" + format_span(p) + ")"; })
      .def(py::pickle(
          [](const date_span& p) {
            return py::make_tuple(to_py_date(p.first), to_py_date(p.end - date::days{1}));
          },
          [](const py::tuple& t) { return period_of(t[0], t[1]); }));

  py::class_<contract_amendment>(
      m, "Amendment", "New attribute values of a contract, or a new plan, from a date on.")
      .def(py::init([](py::handle effective, py::handle attributes, py::handle client_attributes,
                       std::string plan) {
             return contract_amendment{
                 to_local_date(effective, "effective"), to_attribute_map(attributes, "attributes"),
                 to_attribute_map(client_attributes, "client_attributes"), std::move(plan)};
           }),
           py::arg("effective"), py::arg("attributes") = py::none(),
           py::arg("client_attributes") = py::none(), py::arg("plan") = std::string())
      .def_readonly("plan", &contract_amendment::plan,
                    "the plan from that day ('' leaves it unchanged)")
      .def_property_readonly("effective",
                             [](const contract_amendment& a) { return to_py_date(a.effective); })
      .def_property_readonly("attributes",
                             [](const contract_amendment& a) { return to_py_dict(a.attributes); })
      .def_property_readonly(
          "client_attributes",
          [](const contract_amendment& a) { return to_py_dict(a.client_attributes); })
      .def(
          "__eq__", [](const contract_amendment& a, const contract_amendment& b) { return a == b; },
          py::is_operator());

  py::class_<prepaid_fee>(m, "PrepaidFee",
                          "A plan's fee the client paid in advance for a span of days: statements "
                          "in the span do not charge it again, except for units beyond those paid "
                          "for.")
      .def(py::init(&prepaid_fee_of), py::arg("fee"), py::arg("first"), py::arg("last"),
           py::arg("units") = py::none(),
           "PrepaidFee(fee, first, last, units=None): fee `fee` (its name in the plan: `fee "
           "support 25000.00 per month`) paid for the days first..last, both included; `units`: "
           "for a fee per unit, the units paid for (None: all of them).")
      .def_readonly("fee", &prepaid_fee::fee, "The fee's name in the plan.")
      .def_property_readonly(
          "first", [](const prepaid_fee& f) { return to_py_date(f.span.first); },
          "The first day paid for.")
      .def_property_readonly(
          "last", [](const prepaid_fee& f) { return to_py_date(f.span.end - date::days{1}); },
          "The last day paid for (included).")
      .def_property_readonly(
          "period", [](const prepaid_fee& f) { return f.span; },
          "The days paid for, as a Period: fee periods starting in it are covered.")
      .def_property_readonly(
          "units",
          [](const prepaid_fee& f) -> py::object {
            return f.units ? to_py_decimal(*f.units) : py::none();
          },
          "A fee per unit: the units paid for (Decimal); None: all of them.")
      .def(
          "__eq__", [](const prepaid_fee& a, const prepaid_fee& b) { return a == b; },
          py::is_operator())
      .def("__repr__",
           [](const prepaid_fee& f) {
             return "PrepaidFee(" + f.fee + ", " + format_span(f.span) +
                    (f.units ? ", units " + f.units->to_string() : "") + ")";
           })
      .def(py::pickle(
          [](const prepaid_fee& f) {
            return py::make_tuple(f.fee, to_py_date(f.span.first),
                                  to_py_date(f.span.end - date::days{1}),
                                  f.units ? to_py_decimal(*f.units) : py::object(py::none()));
          },
          [](const py::tuple& t) {
            return prepaid_fee_of(t[0].cast<std::string>(), t[1], t[2], t[3]);
          }));

  py::class_<contract> c(m, "Contract", "A service contract with a client (docs/formats.md).");
  c.def(py::init([](std::string id, std::string client, py::handle start, py::handle end,
                    std::string plan, std::string pricelist, const std::string& status,
                    py::handle client_since, py::handle attributes, py::handle client_attributes,
                    std::vector<contract_amendment> amendments,
                    std::vector<prepaid_fee> prepaid_fees) {
          contract out;
          out.id = std::move(id);
          out.client = std::move(client);
          out.start = to_local_date(start, "start");
          out.end = to_local_date(end, "end");
          out.plan = std::move(plan);
          out.pricelist = std::move(pricelist);
          out.status = status_of(status);
          out.client_since = optional_date(client_since, "client_since");
          out.attributes = to_attribute_map(attributes, "attributes");
          out.client_attributes = to_attribute_map(client_attributes, "client_attributes");
          out.amendments = std::move(amendments);
          out.prepaid_fees = std::move(prepaid_fees);
          return out;
        }),
        py::arg("id"), py::arg("client"), py::arg("start"), py::arg("end"), py::kw_only(),
        py::arg("plan") = "", py::arg("pricelist") = "", py::arg("status") = "registered",
        py::arg("client_since") = py::none(), py::arg("attributes") = py::none(),
        py::arg("client_attributes") = py::none(),
        py::arg("amendments") = std::vector<contract_amendment>{},
        py::arg("prepaid_fees") = std::vector<prepaid_fee>{})
      .def_readwrite("id", &contract::id)
      .def_readwrite("client", &contract::client)
      .def_readwrite("plan", &contract::plan, "The tariff's plan it bills under; '' for none.")
      .def_readwrite("pricelist", &contract::pricelist, "Overrides the plan's price list.")
      .def_property(
          "status", [](const contract& x) { return std::string(to_string(x.status)); },
          [](contract& x, const std::string& s) { x.status = status_of(s); },
          "'draft', 'registered' or 'closed'.")
      .def_property(
          "start", [](const contract& x) { return to_py_date(x.start); },
          [](contract& x, py::handle d) { x.start = to_local_date(d, "start"); })
      .def_property(
          "end", [](const contract& x) { return to_py_date(x.end); },
          [](contract& x, py::handle d) { x.end = to_local_date(d, "end"); },
          "The last day in force (included).")
      .def_property(
          "client_since",
          [](const contract& x) -> py::object {
            return x.client_since ? to_py_date(*x.client_since) : py::none();
          },
          [](contract& x, py::handle d) { x.client_since = optional_date(d, "client_since"); })
      .def_readwrite("amendments", &contract::amendments)
      .def_readwrite("prepaid_fees", &contract::prepaid_fees,
                     "Fees paid in advance (PrepaidFee). A copy: assign a new list to change it.");
  attribute_property(c, "attributes", &contract::attributes, "contract.X values, as text.");
  attribute_property(c, "client_attributes", &contract::client_attributes,
                     "client.X values, as text.");
  c.def(
       "__eq__", [](const contract& a, const contract& b) { return a == b; }, py::is_operator())
      .def("__repr__",
           [](const contract& x) {
             return "Contract(" + x.id + ", client " + x.client + ", " + format_date(x.start) +
                    ".." + format_date(x.end) + (x.plan.empty() ? "" : ", plan " + x.plan) + ")";
           })
      .def(py::pickle(
          [](const contract& x) { return write_contracts_json(std::span<const contract>(&x, 1)); },
          [](const std::string& json) { return read_one(read_contracts_json(json), "contract"); }));

  py::class_<work_line> w(m, "WorkLine",
                          "One line of work: time on an item billed by time (start and end), or a "
                          "quantity of a counted item (start and quantity).");
  w.def(py::init([](std::string id, std::string contract_id, std::string item, py::handle start,
                    py::handle end, py::handle quantity, std::string request,
                    const std::string& kind, std::string performer, bool accepted,
                    py::handle accepted_on, std::string site, std::string time_zone,
                    py::handle site_attributes, py::handle attributes, bool voided) {
          work_line out;
          out.id = std::move(id);
          out.contract = std::move(contract_id);
          out.item = std::move(item);
          out.start = to_instant(start, "start");
          out.end = optional_instant(end, "end");
          out.quantity = optional_decimal(quantity, "quantity");
          out.request = std::move(request);
          out.kind = kind_of(kind);
          out.performer = std::move(performer);
          out.accepted = accepted;
          out.accepted_on = optional_date(accepted_on, "accepted_on");
          out.site = std::move(site);
          out.time_zone = std::move(time_zone);
          out.site_attributes = to_attribute_map(site_attributes, "site_attributes");
          out.attributes = to_attribute_map(attributes, "attributes");
          out.voided = voided;
          return out;
        }),
        py::arg("id"), py::arg("contract"), py::arg("item"), py::arg("start"),
        py::arg("end") = py::none(), py::arg("quantity") = py::none(), py::kw_only(),
        py::arg("request") = "", py::arg("kind") = "billable", py::arg("performer") = "",
        py::arg("accepted") = false, py::arg("accepted_on") = py::none(), py::arg("site") = "",
        py::arg("time_zone") = "", py::arg("site_attributes") = py::none(),
        py::arg("attributes") = py::none(), py::arg("void") = false)
      .def_readwrite("id", &work_line::id)
      .def_readwrite("request", &work_line::request)
      .def_readwrite("contract", &work_line::contract)
      .def_readwrite("item", &work_line::item)
      .def_property(
          "start", [](const work_line& x) { return to_py_datetime(x.start); },
          [](work_line& x, py::handle t) { x.start = to_instant(t, "start"); },
          "When the work started (an aware datetime; UTC when read back).")
      .def_property(
          "end",
          [](const work_line& x) -> py::object {
            return x.end ? to_py_datetime(*x.end) : py::none();
          },
          [](work_line& x, py::handle t) { x.end = optional_instant(t, "end"); })
      .def_property(
          "quantity",
          [](const work_line& x) -> py::object {
            return x.quantity ? to_py_decimal(*x.quantity) : py::none();
          },
          [](work_line& x, py::handle q) { x.quantity = optional_decimal(q, "quantity"); },
          "How many units of a counted item (Decimal).")
      .def_property(
          "kind", [](const work_line& x) { return std::string(to_string(x.kind)); },
          [](work_line& x, const std::string& k) { x.kind = kind_of(k); },
          "'billable', 'internal', 'warranty', 'bug_fix' or 'company_cost'.")
      .def_readwrite("performer", &work_line::performer)
      .def_readwrite("accepted", &work_line::accepted)
      .def_property(
          "accepted_on",
          [](const work_line& x) -> py::object {
            return x.accepted_on ? to_py_date(*x.accepted_on) : py::none();
          },
          [](work_line& x, py::handle d) { x.accepted_on = optional_date(d, "accepted_on"); })
      .def_readwrite("site", &work_line::site)
      .def_readwrite("time_zone", &work_line::time_zone,
                     "The site's zone ('Europe/Berlin'); '' for the tariff calendar's.")
      .def_readwrite("void", &work_line::voided,
                     "The line cancels the line billed under its id: billing reverses it.");
  attribute_property(w, "site_attributes", &work_line::site_attributes, "site.X values.");
  attribute_property(w, "attributes", &work_line::attributes, "work.X values.");
  w.def(
       "__eq__", [](const work_line& a, const work_line& b) { return a == b; }, py::is_operator())
      .def("__repr__",
           [](const work_line& x) {
             return "WorkLine(" + x.id + ", " + x.item + ", " + format_instant(x.start) +
                    (x.end ? ".." + format_instant(*x.end) : "") +
                    (x.quantity ? " x " + x.quantity->to_string() : "") + ")";
           })
      .def(py::pickle(
          [](const work_line& x) { return write_work_json(std::span<const work_line>(&x, 1)); },
          [](const std::string& json) { return read_one(read_work_json(json), "work line"); }));

  py::class_<payment>(m, "Payment",
                      "Money a client paid towards a prepaid balance (a plan with `prepaid`; "
                      "docs/formats.md, Payments).")
      .def(py::init([](std::string id, std::string contract_id, py::handle day, py::handle amount,
                       const std::string& kind, std::string reverses) {
             payment out;
             out.id = std::move(id);
             out.contract = std::move(contract_id);
             out.date = to_local_date(day, "date");
             out.amount = payment_amount(amount);
             out.kind = payment_kind_of(kind);
             out.reverses = std::move(reverses);
             check_reverses(out);
             return out;
           }),
           py::arg("id"), py::arg("contract"), py::arg("date"), py::arg("amount"), py::kw_only(),
           py::arg("kind") = "payment", py::arg("reverses") = "",
           "Payment(id, contract, date, amount): `amount` (above 0) received on `date` for the "
           "contract's balance; work from that day on may draw on it. kind='refund' or "
           "'chargeback' with reverses=PAYMENT_ID gives (part of) that payment back.")
      .def_readwrite("id", &payment::id, "The host's payment id.")
      .def_readwrite("contract", &payment::contract, "The contract whose balance it tops up.")
      .def_property(
          "date", [](const payment& p) { return to_py_date(p.date); },
          [](payment& p, py::handle d) { p.date = to_local_date(d, "date"); },
          "When it was received.")
      .def_property(
          "amount", [](const payment& p) { return p.amount; },
          [](payment& p, py::handle a) { p.amount = payment_amount(a); }, "Decimal, above 0.")
      .def_property(
          "kind", [](const payment& p) { return std::string(to_string(p.kind)); },
          [](payment& p, const std::string& k) { p.kind = payment_kind_of(k); },
          "'payment', 'refund' or 'chargeback'.")
      .def_readwrite("reverses", &payment::reverses,
                     "A refund's or chargeback's payment id; '' for a payment.")
      .def(
          "__eq__", [](const payment& a, const payment& b) { return a == b; }, py::is_operator())
      .def("__repr__",
           [](const payment& p) {
             return "Payment(" + p.id + ", " + p.contract + ", " + format_date(p.date) + ", " +
                    p.amount.to_string() +
                    (p.kind == payment_kind::payment
                         ? std::string()
                         : ", " + std::string(to_string(p.kind)) + " of " + p.reverses) +
                    ")";
           })
      .def(py::pickle(
          [](const payment& p) { return write_payments_json(std::span<const payment>(&p, 1)); },
          [](const std::string& json) { return read_one(read_payments_json(json), "payment"); }));

  using use = billing_state::allowance_use;
  py::class_<use>(m, "AllowanceUse", "How much of one allowance was used in one of its periods.")
      .def(py::init([](std::string allowance, date_span period, py::handle used) {
             return use{std::move(allowance), period, to_decimal(used, "used")};
           }),
           py::arg("allowance"), py::arg("period"), py::arg("used"))
      .def_readonly("allowance", &use::allowance, "The key: 'engineer_visit/month'.")
      .def_readonly("period", &use::period)
      .def_readonly("used", &use::used, "Seconds for time items, units for counted items.")
      .def(
          "__eq__", [](const use& a, const use& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const use& u) {
        return "AllowanceUse(" + u.allowance + ", " + format_span(u.period) + ", " +
               u.used.to_string() + ")";
      });

  using volume = billing_state::volume;
  py::class_<volume>(m, "Volume", "What a tiered item billed in one statement period.")
      .def(py::init([](std::string item, date_span period, py::handle quantity) {
             return volume{std::move(item), period, to_decimal(quantity, "quantity")};
           }),
           py::arg("item"), py::arg("period"), py::arg("quantity"))
      .def_readonly("item", &volume::item)
      .def_readonly("period", &volume::period)
      .def_readonly("quantity", &volume::quantity)
      .def(
          "__eq__", [](const volume& a, const volume& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const volume& v) {
        return "Volume(" + v.item + ", " + format_span(v.period) + ", " + v.quantity.to_string() +
               ")";
      });

  using billed_line = billing_state::billed_line;
  py::class_<billed_line>(m, "BilledLine",
                          "A work line as the ledger recorded it billed: what a correction or a "
                          "void reverses, exactly.")
      .def_readonly("id", &billed_line::id)
      .def_readonly("fingerprint", &billed_line::fingerprint,
                    "work_fingerprint() of the version billed; 'void' once voided.")
      .def_property_readonly("date", [](const billed_line& l) { return to_py_date(l.date); })
      .def_readonly("item", &billed_line::item)
      .def_readonly("amount", &billed_line::amount)
      .def_readonly("cost", &billed_line::cost)
      .def_readonly("tax", &billed_line::tax)
      .def_readonly("rate", &billed_line::rate)
      .def_readonly("included", &billed_line::included,
                    "AllowanceUse: what each allowance period included of it.")
      .def_readonly("volume", &billed_line::volume)
      .def(
          "__eq__", [](const billed_line& a, const billed_line& b) { return a == b; },
          py::is_operator())
      .def("__repr__", [](const billed_line& l) {
        return "BilledLine(" + l.id + ", " + l.item + ", " + format_date(l.date) + ", " +
               l.amount.to_string() + ")";
      });

  using billed_fee = billing_state::billed_fee;
  py::class_<billed_fee>(m, "BilledFee", "A fee period charged, as the ledger recorded it.")
      .def_readonly("fee", &billed_fee::fee, "The fee's name, or its description.")
      .def_readonly("fee_period", &billed_fee::fee_period)
      .def_readonly("covers", &billed_fee::covers, "The days charged.")
      .def_readonly("units", &billed_fee::units)
      .def_readonly("amount", &billed_fee::amount)
      .def(
          "__eq__", [](const billed_fee& a, const billed_fee& b) { return a == b; },
          py::is_operator())
      .def("__repr__", [](const billed_fee& f) {
        return "BilledFee(" + f.fee + ", " + format_span(f.covers) + ", " + f.amount.to_string() +
               ")";
      });

  using credited = billing_state::credited_payment;
  py::class_<credited>(m, "CreditedPayment",
                       "A payment credited, or a refund or chargeback recorded, by the ledger.")
      .def_readonly("id", &credited::id)
      .def_property_readonly("date", [](const credited& p) { return to_py_date(p.date); })
      .def_readonly("amount", &credited::amount)
      .def_property_readonly("kind",
                             [](const credited& p) { return std::string(to_string(p.kind)); })
      .def_readonly("reverses", &credited::reverses)
      .def_readonly("refunded", &credited::refunded,
                    "A payment: how much of it refunds have taken back since.")
      .def(
          "__eq__", [](const credited& a, const credited& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const credited& p) {
        return "CreditedPayment(" + p.id + ", " + std::string(to_string(p.kind)) + ", " +
               p.amount.to_string() + ")";
      });

  using issued = billing_state::issued_statement;
  py::class_<issued>(m, "IssuedStatement", "A statement issued from the state.")
      .def_readonly("id", &issued::id)
      .def_readonly("period", &issued::period)
      .def_readonly("revision", &issued::revision, "The revision it closed with.")
      .def(
          "__eq__", [](const issued& a, const issued& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const issued& s) {
        return "IssuedStatement(" + s.id + ", " + format_span(s.period) + ", revision " +
               std::to_string(s.revision) + ")";
      });

  py::class_<billing_state>(m, "BillingState",
                            "What a host stores between statements: allowance use, tier "
                            "volumes, the prepaid balance and the ledger of what was billed "
                            "(format 2). Plain data; Statement.closing is the next opening "
                            "state.")
      .def(py::init([](std::vector<use> allowances, std::vector<volume> volumes, py::handle balance,
                       std::string contract_id, std::uint64_t revision) {
             billing_state out;
             out.allowances = std::move(allowances);
             out.volumes = std::move(volumes);
             out.balance = to_decimal(balance, "balance");
             out.contract = std::move(contract_id);
             out.revision = revision;
             return out;
           }),
           py::arg("allowances") = std::vector<use>{}, py::arg("volumes") = std::vector<volume>{},
           py::kw_only(), py::arg("balance") = 0, py::arg("contract") = "", py::arg("revision") = 0,
           "A state with no ledger (format 2): only billing records what it billed; a stored state "
           "with its ledger is read with from_json.")
      .def_readwrite("allowances", &billing_state::allowances,
                     "A copy: assign a new list to change it.")
      .def_readwrite("volumes", &billing_state::volumes, "A copy: assign a new list to change it.")
      .def_property(
          "balance", [](const billing_state& s) { return s.balance; },
          [](billing_state& s, py::handle b) { s.balance = to_decimal(b, "balance"); },
          "Plans with `prepaid`: what is left of the client's prepaid money (Decimal).")
      .def_readonly("format", &billing_state::format,
                    "2; 1 for a state read in format 1 (migrated: no ledger).")
      .def_readwrite("contract", &billing_state::contract,
                     "The contract's id; '' for a new or migrated state.")
      .def_readonly("revision", &billing_state::revision,
                    "Raised by one by every statement that records something.")
      .def_readonly("lines", &billing_state::lines, "BilledLine per work line billed, by id.")
      .def_readonly("fees", &billing_state::fees, "BilledFee per fee period charged.")
      .def_readonly("payments", &billing_state::payments,
                    "CreditedPayment per payment credited and refund recorded, by id.")
      .def_readonly("statements", &billing_state::statements,
                    "IssuedStatement per statement issued, in order.")
      .def("to_json", &write_state_json, "The state as docs/formats.md writes it (format 2).")
      .def_static(
          "from_json",
          [](const std::string& text) { return read_one(read_state_json(text), "state"); },
          py::arg("text"),
          "Reads the state back, format 2 or format 1 (migrated); raises TariffError naming bad "
          "elements.")
      .def("copy", [](const billing_state& s) { return s; })
      .def("__copy__", [](const billing_state& s) { return s; })
      .def("__deepcopy__", [](const billing_state& s, py::handle) { return s; })
      .def(
          "__eq__", [](const billing_state& a, const billing_state& b) { return a == b; },
          py::is_operator())
      .def("__repr__",
           [](const billing_state& s) {
             return "BillingState(" + (s.contract.empty() ? std::string() : s.contract + ", ") +
                    "revision " + std::to_string(s.revision) + ", " +
                    std::to_string(s.allowances.size()) + " allowance uses, " +
                    std::to_string(s.volumes.size()) + " volumes" +
                    (s.lines.empty() ? ""
                                     : ", " + std::to_string(s.lines.size()) + " lines billed") +
                    (s.balance.is_zero() ? "" : ", balance " + s.balance.to_string()) + ")";
           })
      .def(py::pickle(&write_state_json, [](const std::string& json) {
        return read_one(read_state_json(json), "state");
      }));
}

}  // namespace tariff::python
