// Payouts and staff pay as JSON (payouts.hpp, staff_pay.hpp): the one writer the C interface and
// the `tariff` tool share. Decimals are written with their scale, as strings, like every amount
// the formats write; nothing passes through a double.
#include <cstddef>
#include <string>
#include <vector>

#include <tariff/payouts.hpp>
#include <tariff/staff_pay.hpp>

#include "formats/json_writer.hpp"
#include "formats/priced_writer.hpp"
#include "formats/values.hpp"

namespace tariff {
namespace {

using formats::append_object_array;
using formats::object_writer;

// {"first": "2026-03-01", "last": "2026-03-31"} on one line, as statements write periods.
void append_span(std::string& out, const date_span& s) {
  out += "{\"first\": ";
  formats::append_json_string(out, format_date(s.first));
  out += ", \"last\": ";
  formats::append_json_string(out, format_date(formats::last_day(s)));
  out += '}';
}

// The lines nobody is paid for, as write_priced_json writes priced lines, under "rejected".
void append_rejected(object_writer& o, std::string& out, const std::vector<priced_line>& lines,
                     const compiled_tariff& tariff) {
  o.key("rejected");
  append_object_array(out, lines, o.indent() + 2,
                      [&](std::string& text, const priced_line& line, std::size_t indent) {
                        formats::append_priced_line(text, line, indent, tariff);
                      });
}

void append_payout_line(std::string& out, const payout_line& l, std::size_t indent) {
  object_writer o(out, indent);
  o.string("id", l.id);
  o.string("request", l.request);
  o.string("contract", l.contract);
  o.string("item", l.item);
  o.string("date", format_date(l.date));
  if (l.accepted_on)
    o.string("accepted_on", format_date(*l.accepted_on));
  else
    o.raw("accepted_on", "null");
  o.string("quantity", l.quantity.to_string());
  o.string("rate", l.rate.to_string());
  o.string("amount", l.amount.to_string());
  o.string("status", l.payable ? "payable" : "pending");
  o.close();
}

void append_payout(std::string& out, const payout& p, std::size_t indent) {
  object_writer o(out, indent);
  o.string("performer", p.performer);
  o.string("currency", p.currency);
  o.key("period");
  append_span(out, p.period);
  o.string("payable", p.payable.to_string());
  o.string("pending", p.pending.to_string());
  o.key("lines");
  append_object_array(out, p.lines, indent + 2, append_payout_line);
  o.close();
}

void append_staff_pay_line(std::string& out, const staff_pay_line& l, std::size_t indent) {
  object_writer o(out, indent);
  o.string("id", l.id);
  o.string("request", l.request);
  o.string("contract", l.contract);
  o.string("item", l.item);
  o.string("kind", to_string(l.kind));
  o.string("date", format_date(l.date));
  o.string("quantity", l.quantity.to_string());
  o.string("amount", l.amount.to_string());
  o.string("rule", l.rule);
  o.string("pay", l.pay.to_string());
  o.raw("line", std::to_string(l.line));
  o.raw("column", std::to_string(l.column));
  o.close();
}

void append_staff_pay(std::string& out, const staff_pay& p, std::size_t indent) {
  object_writer o(out, indent);
  o.string("employee", p.employee);
  o.string("currency", p.currency);
  o.key("period");
  append_span(out, p.period);
  o.string("total", p.total.to_string());
  o.key("lines");
  append_object_array(out, p.lines, indent + 2, append_staff_pay_line);
  o.close();
}

}  // namespace

std::string write_payouts_json(const payout_result& owed, const compiled_tariff& tariff) {
  std::string out;
  object_writer o(out, 2);
  o.key("payouts");
  append_object_array(out, owed.payouts, 4, append_payout);
  append_rejected(o, out, owed.rejected, tariff);
  o.close();
  out += '\n';
  return out;
}

std::string write_staff_pay_json(const staff_pay_result& earned, const compiled_tariff& tariff) {
  std::string out;
  object_writer o(out, 2);
  o.key("staff_pay");
  append_object_array(out, earned.pays, 4, append_staff_pay);
  append_rejected(o, out, earned.rejected, tariff);
  o.close();
  out += '\n';
  return out;
}

}  // namespace tariff
