// Statements as JSON (docs/formats.md, "Statements"); the state they close with is
// state_io.cpp's. Decimals are written with decimal::to_string, keeping their scale; nothing
// passes through a double. A period [first, end) is written as its first and last day.
#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tariff/statement_io.hpp>

#include "formats/json_table.hpp"
#include "formats/priced_writer.hpp"
#include "formats/state_writer.hpp"
#include "formats/values.hpp"
#include "queries/queries.hpp"
#include "text/visible.hpp"

namespace tariff {
namespace {

using formats::append_object_array;
using formats::object_writer;

using formats::last_day;

// ---------------------------------------------------------------------------------------------
// JSON

// {"first": "2026-03-01", "last": "2026-03-31"} on one line.
void append_span(std::string& out, const date_span& s) {
  out += "{\"first\": ";
  formats::append_json_string(out, format_date(s.first));
  out += ", \"last\": ";
  formats::append_json_string(out, format_date(last_day(s)));
  out += '}';
}

void append_fee(std::string& out, const fee_line& fee, std::size_t indent, bool with_tax) {
  object_writer o(out, indent);
  o.string("description", fee.description);
  o.key("covers");
  append_span(out, fee.covers);
  o.key("fee_period");
  append_span(out, fee.fee_period);
  o.string("units", fee.units.to_string());
  o.string("amount", fee.amount.to_string());
  if (fee.billed_before) o.string("billed_before", fee.billed_before->to_string());
  if (!fee.prepaid_units.is_zero()) {
    o.string("prepaid_units", fee.prepaid_units.to_string());
    o.string("covered", fee.covered.to_string());
  }
  if (with_tax) o.string("tax", fee.tax.to_string());
  o.raw("line", std::to_string(fee.line));
  o.raw("column", std::to_string(fee.column));
  o.close();
}

void append_plan_days(std::string& out, const plan_days& d, std::size_t indent) {
  object_writer o(out, indent);
  o.string("plan", d.plan);
  o.key("days");
  append_span(out, d.days);
  o.close();
}

void append_allowance(std::string& out, const allowance_report& a, std::size_t indent) {
  object_writer o(out, indent);
  o.string("allowance", a.allowance);
  o.key("period");
  append_span(out, a.period);
  o.string("included", a.included.to_string());
  o.string("used_before", a.used_before.to_string());
  o.string("used", a.used.to_string());
  o.string("remaining", a.remaining.to_string());
  o.string("covered_value", a.covered_value.to_string());
  o.close();
}

void append_alert(std::string& out, const alert& a, std::size_t indent) {
  object_writer o(out, indent);
  o.string("kind", to_string(a.kind));
  o.string("message", a.message);
  if (a.kind == alert_kind::allowance_threshold) {
    o.string("allowance", a.allowance);
    o.string("percent", a.percent.to_string());
    o.string("line", a.line);
  } else if (a.kind == alert_kind::balance_low || a.kind == alert_kind::balance_exhausted ||
             a.kind == alert_kind::balance_negative) {
    o.string("line", a.line);
    if (a.kind == alert_kind::balance_low) o.string("threshold", a.threshold.to_string());
  }
  o.close();
}

void append_tax_line(std::string& out, const tax_line& t, std::size_t indent) {
  object_writer o(out, indent);
  o.string("tax", t.tax);
  o.string("rate", t.rate);
  o.string("percent", t.percent.to_string());
  o.string("base", t.base.to_string());
  o.string("amount", t.amount.to_string());
  o.close();
}

// A refund or chargeback names its kind and the payment it reverses; a payment is as before.
void append_payment(std::string& out, const payment& p, std::size_t indent) {
  object_writer o(out, indent);
  o.string("id", p.id);
  o.string("date", format_date(p.date));
  o.string("amount", p.amount.to_string());
  if (p.kind != payment_kind::payment) o.string("kind", to_string(p.kind));
  if (!p.reverses.empty()) o.string("reverses", p.reverses);
  o.close();
}

// A version of a versioned tariff: from when, which text, which file.
void append_version(std::string& out, const tariff_version& v, std::size_t indent) {
  object_writer o(out, indent);
  o.string("effective", v.effective ? format_date(*v.effective) : std::string("start"));
  o.string("source_hash", v.source_hash);
  o.string("file", v.file);
  o.close();
}

void append_returned(std::string& out, const billing_state::allowance_use& use,
                     std::size_t indent) {
  object_writer o(out, indent);
  o.string("allowance", use.allowance);
  o.key("period");
  append_span(out, use.period);
  o.string("used", use.used.to_string());
  o.close();
}

void append_reversal(std::string& out, const reversal& r, std::size_t indent, bool with_tax) {
  object_writer o(out, indent);
  o.string("id", r.id);
  o.string("reason", to_string(r.reason));
  o.string("date", format_date(r.date));
  o.string("item", r.item);
  o.string("amount", r.amount.to_string());
  o.string("cost", r.cost.to_string());
  if (with_tax) o.string("tax", r.tax.to_string());
  if (!r.rate.empty()) o.string("rate", r.rate);
  o.key("returned");
  append_object_array(out, r.returned, indent + 2, append_returned);
  o.close();
}

void append_prepaid(std::string& out, const prepaid_report& p, std::size_t indent) {
  object_writer o(out, indent);
  o.string("opening", p.opening.to_string());
  o.key("payments");
  append_object_array(out, p.payments, indent + 2, append_payment);
  o.string("received", p.received.to_string());
  o.string("refunded", p.refunded.to_string());
  o.string("drawn", p.drawn.to_string());
  o.string("closing", p.closing.to_string());
  o.string("owed", p.owed.to_string());
  o.close();
}

// Whether statements of this tariff carry taxes: only then are the tax fields written, so that
// the statements of a tariff without a tax read as they did before taxes existed.
bool has_tax(const compiled_tariff& tariff) {
  return tariff.tax().has_value();
}

// What the statement was priced with besides the tariff: the engine's version and the
// time-zone database's (docs/statement.md, "Checking a past statement").
void append_priced_with(object_writer& o, const statement& s) {
  o.string("engine", s.engine);
  o.string("tzdata", s.tzdata);
}

// A JSON text a writer made at the top level (its lines indented from 0), appended as a member's
// value `indent` spaces in; its last line break left out.
void append_nested(std::string& out, std::string_view text, std::size_t indent) {
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    if (at > 0) out.append(indent, ' ');
    out.append(text, at, end - at);
    at = end + 1;
    if (at < text.size()) out += '\n';
  }
}

// The contract as the one object of write_contracts_json's array: its lines moved two columns
// left, the brackets dropped.
std::string contract_object(const contract& c) {
  const std::string array = write_contracts_json(std::span<const contract>(&c, 1));
  std::string out;
  for (std::size_t at = 2; at < array.size();) {  // after "[\n"
    const std::size_t end = array.find('\n', at);
    const std::string_view line(array.data() + at, end - at);
    if (line == "]") break;
    out.append(line.substr(std::min<std::size_t>(2, line.size())));
    out += '\n';
    at = end + 1;
  }
  return out;
}

void append_bill_options(std::string& out, const bill_options& options, std::size_t indent) {
  object_writer o(out, indent);
  o.string("on_repeat", options.on_repeat == repeat_policy::error ? "error" : "skip");
  o.raw("late_work_periods",
        options.late_work_periods ? std::to_string(*options.late_work_periods) : "null");
  o.raw("expiry_warning_days", std::to_string(options.expiry_warning_days));
  o.raw("trace", options.trace ? "true" : "false");
  o.close();
}

// The inputs section (docs/formats.md, "Statement inputs"): each part as its own reader reads it.
void append_inputs(std::string& out, const statement_inputs& in, std::size_t indent) {
  object_writer o(out, indent);
  o.raw("format", "1");
  o.key("contract");
  append_nested(out, contract_object(in.billed), indent);
  o.key("period");
  append_span(out, in.period);
  o.key("opening");
  append_nested(out, write_state_json(in.opening), indent);
  o.key("work");
  append_nested(out, write_work_json(in.work), indent);
  o.key("payments");
  append_nested(out, write_payments_json(in.payments), indent);
  o.key("options");
  append_bill_options(out, in.options, indent + 2);
  o.close();
}

std::string statement_json(const statement& s, const compiled_tariff& tariff,
                           const statement_inputs* inputs);

}  // namespace

std::string write_statement_json(const statement& s, const compiled_tariff& tariff) {
  return statement_json(s, tariff, nullptr);
}

std::string write_statement_json(const statement& s, const compiled_tariff& tariff,
                                 const statement_inputs& inputs) {
  return statement_json(s, tariff, &inputs);
}

namespace {

std::string statement_json(const statement& s, const compiled_tariff& tariff,
                           const statement_inputs* inputs) {
  const bool with_tax = has_tax(tariff);
  const auto line = [&](std::string& out, const priced_line& l, std::size_t indent) {
    formats::append_priced_line(out, l, indent, tariff, with_tax);
  };
  const auto fee = [&](std::string& out, const fee_line& f, std::size_t indent) {
    append_fee(out, f, indent, with_tax);
  };
  const auto reversed = [&](std::string& out, const reversal& r, std::size_t indent) {
    append_reversal(out, r, indent, with_tax);
  };
  std::string out;
  object_writer o(out, 2);
  o.string("id", s.id);
  o.raw("opening_revision", std::to_string(s.opening_revision));
  o.raw("supplementary", s.supplementary ? "true" : "false");
  o.string("contract", s.contract);
  o.string("client", s.client);
  o.string("plan", s.plan);
  if (s.plans.size() > 1) {  // a plan change in the period (docs/design.md, decision 13)
    o.key("plans");
    append_object_array(out, s.plans, 4, append_plan_days);
  }
  o.string("currency", s.currency);
  o.string("tariff_hash", s.tariff_hash);
  if (!s.versions.empty()) {  // a tariff of one file: tariff_hash says it all, as before
    o.key("versions");
    append_object_array(out, s.versions, 4, append_version);
  }
  append_priced_with(o, s);
  o.key("period");
  append_span(out, s.period);
  o.key("fees");
  append_object_array(out, s.fees, 4, fee);
  o.key("lines");
  append_object_array(out, s.lines, 4, line);
  o.key("adjustments");
  append_object_array(out, s.adjustments, 4, line);
  o.key("rejected");
  append_object_array(out, s.rejected, 4, line);
  o.key("reversals");
  append_object_array(out, s.reversals, 4, reversed);
  o.key("already_billed");
  formats::append_string_array(out, s.already_billed);
  o.key("already_credited");
  formats::append_string_array(out, s.already_credited);
  o.string("fees_total", s.fees_total.to_string());
  o.string("work_total", s.work_total.to_string());
  o.string("revenue", s.revenue.to_string());
  o.string("cost", s.cost.to_string());
  o.string("margin", s.margin.to_string());
  if (s.margin_percent) {
    o.string("margin_percent", s.margin_percent->to_string());
  } else {
    o.raw("margin_percent", "null");
  }
  if (with_tax) {
    o.raw("tax_included", s.tax_included ? "true" : "false");
    o.raw("tax_exempt", s.tax_exempt ? "true" : "false");
    o.key("taxes");
    append_object_array(out, s.taxes, 4, append_tax_line);
    o.string("tax", s.tax.to_string());
  }
  if (with_tax) o.string("total", s.total.to_string());
  if (s.prepaid) {
    o.key("prepaid");
    append_prepaid(out, *s.prepaid, 4);
  }
  o.key("allowances");
  append_object_array(out, s.allowances, 4, append_allowance);
  o.key("alerts");
  append_object_array(out, s.alerts, 4, append_alert);
  o.key("closing");
  formats::append_state(out, s.closing, 4);
  if (inputs != nullptr) {
    o.key("inputs");
    append_inputs(out, *inputs, 4);
  }
  o.close();
  out += '\n';
  return out;
}

}  // namespace

}  // namespace tariff
