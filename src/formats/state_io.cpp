// The billing state as JSON (docs/formats.md, "Billing state"): format 2, the ledger of what was
// billed (docs/design.md, decision 11), and format 1 read as a migrated state; many contracts'
// states in one document. Decimals are written with decimal::to_string, keeping their scale;
// nothing passes through a double. A period [first, end) is written as its first and last day.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <tariff/statement_io.hpp>

#include "errors/errors.hpp"
#include "formats/json_table.hpp"
#include "formats/priced_writer.hpp"
#include "formats/state_writer.hpp"
#include "formats/values.hpp"
#include "model/allowance_key.hpp"
#include "text/visible.hpp"

namespace tariff {
namespace formats {

// ---------------------------------------------------------------------------------------------
// Writing

namespace {

void append_use(std::string& out, const billing_state::allowance_use& use, std::size_t indent) {
  object_writer o(out, indent);
  o.string("allowance", use.allowance);
  o.string("first", format_date(use.period.first));
  o.string("last", format_date(last_day(use.period)));
  o.string("used", use.used.to_string());
  o.close();
}

void append_volume(std::string& out, const billing_state::volume& v, std::size_t indent) {
  object_writer o(out, indent);
  o.string("item", v.item);
  o.string("first", format_date(v.period.first));
  o.string("last", format_date(last_day(v.period)));
  o.string("quantity", v.quantity.to_string());
  o.close();
}

void append_line(std::string& out, const billing_state::billed_line& l, std::size_t indent) {
  object_writer o(out, indent);
  o.string("id", l.id);
  o.string("fingerprint", l.fingerprint);
  o.string("date", format_date(l.date));
  o.string("item", l.item);
  o.string("amount", l.amount.to_string());
  o.string("cost", l.cost.to_string());
  if (!l.rate.empty() || !l.tax.is_zero()) o.string("tax", l.tax.to_string());
  if (!l.rate.empty()) o.string("rate", l.rate);
  if (!l.volume.is_zero()) o.string("volume", l.volume.to_string());
  if (!l.included.empty()) {
    o.key("included");
    append_object_array(out, l.included, indent + 2, append_use);
  }
  o.close();
}

void append_billed_fee(std::string& out, const billing_state::billed_fee& f, std::size_t indent) {
  object_writer o(out, indent);
  o.string("fee", f.fee);
  o.string("fee_first", format_date(f.fee_period.first));
  o.string("fee_last", format_date(last_day(f.fee_period)));
  o.string("first", format_date(f.covers.first));
  o.string("last", format_date(last_day(f.covers)));
  o.string("units", f.units.to_string());
  o.string("amount", f.amount.to_string());
  o.close();
}

void append_credited(std::string& out, const billing_state::credited_payment& p,
                     std::size_t indent) {
  object_writer o(out, indent);
  o.string("id", p.id);
  o.string("date", format_date(p.date));
  o.string("amount", p.amount.to_string());
  if (p.kind != payment_kind::payment) o.string("kind", to_string(p.kind));
  if (!p.reverses.empty()) o.string("reverses", p.reverses);
  if (!p.refunded.is_zero()) o.string("refunded", p.refunded.to_string());
  o.close();
}

void append_issued(std::string& out, const billing_state::issued_statement& s, std::size_t indent) {
  object_writer o(out, indent);
  o.string("id", s.id);
  o.string("first", format_date(s.period.first));
  o.string("last", format_date(last_day(s.period)));
  o.raw("revision", std::to_string(s.revision));
  o.close();
}

}  // namespace

// "volumes", "balance" and the ledger's arrays only when there are some.
void append_state(std::string& out, const billing_state& state, std::size_t indent) {
  object_writer o(out, indent);
  o.raw("format", std::to_string(billing_state::current_format));
  o.string("contract", state.contract);
  o.raw("revision", std::to_string(state.revision));
  o.key("allowances");
  append_object_array(out, state.allowances, indent + 2, append_use);
  if (!state.volumes.empty()) {
    o.key("volumes");
    append_object_array(out, state.volumes, indent + 2, append_volume);
  }
  if (!state.balance.is_zero()) o.string("balance", state.balance.to_string());
  if (!state.lines.empty()) {
    o.key("lines");
    append_object_array(out, state.lines, indent + 2, append_line);
  }
  if (!state.fees.empty()) {
    o.key("fees");
    append_object_array(out, state.fees, indent + 2, append_billed_fee);
  }
  if (!state.payments.empty()) {
    o.key("payments");
    append_object_array(out, state.payments, indent + 2, append_credited);
  }
  if (!state.statements.empty()) {
    o.key("statements");
    append_object_array(out, state.statements, indent + 2, append_issued);
  }
  o.close();
}

// ---------------------------------------------------------------------------------------------
// Reading

namespace {

using kind = json_value::kind;

// One problem of a state, before it becomes an input_error: where it is (the array and the
// element's position in it, from 1; the document itself when `array` is empty), the element's id,
// the key and the message.
struct problem {
  std::string array;
  std::size_t element = 0;
  std::string id;
  std::string key;
  std::string message;
};

// The problems of one state.
using problems = std::vector<problem>;

// A whole number 0 .. 2^64 − 1 from a JSON number's text, or the complaint.
std::optional<std::string> parse_count(std::string_view text, std::uint64_t& out) {
  if (!text.empty() && text.front() == '-')
    return text::quote(text) + " is negative; a revision is 0 or more";
  const bool digits = !text.empty() && std::all_of(text.begin(), text.end(),
                                                   [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) return text::quote(text) + " is not a whole number";
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    return text::quote(text) + " is too large; a revision is at most 18446744073709551615";
  out = value;
  return std::nullopt;
}

// A 32-hex-digit fingerprint (work_fingerprint), or "void".
bool is_fingerprint(std::string_view text) {
  if (text == "void") return true;
  return text.size() == 32 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// The day after a last day: a span's end. Dates near the calendar's end would overflow; the
// readers' dates are years 1..9999.
date_span span_of(local_date first, local_date last) {
  return {first, last + date::days{1}};
}

// --- allowances and volumes

struct use_row {
  std::string allowance;
  local_date first{};
  local_date last{};
  decimal used;
};

// Written in seconds for time items (the state is a machine format, docs/formats.md),
// read as seconds or as a duration a person wrote ("20h", "PT20H"): the same quantity.
std::optional<std::string> read_used(use_row& row, std::string_view text) {
  return parse_quantity_or_duration(text, row.used);
}

constexpr std::array<field_spec<use_row>, 4> use_fields{{
    {"allowance", true, json_string, read_member<use_row, &use_row::allowance>,
     write_member<use_row, &use_row::allowance>},
    {"first", true, json_string, read_member<use_row, &use_row::first>,
     write_member<use_row, &use_row::first>},
    {"last", true, json_string, read_member<use_row, &use_row::last>,
     write_member<use_row, &use_row::last>},
    {"used", true, json_string | json_number, read_used, write_member<use_row, &use_row::used>},
}};

std::optional<row_problem> check_use(const use_row& u) {
  if (u.last < u.first) return row_problem{"last", "the last day is before the first"};
  if (u.used.sign() < 0) return row_problem{"used", "the quantity used is negative"};
  return std::nullopt;
}

const row_spec<use_row> use_spec{use_fields, {}, check_use};

struct volume_row {
  std::string item;
  local_date first{};
  local_date last{};
  decimal quantity;
};

constexpr std::array<field_spec<volume_row>, 4> volume_fields{{
    {"item", true, json_string, read_member<volume_row, &volume_row::item>,
     write_member<volume_row, &volume_row::item>},
    {"first", true, json_string, read_member<volume_row, &volume_row::first>,
     write_member<volume_row, &volume_row::first>},
    {"last", true, json_string, read_member<volume_row, &volume_row::last>,
     write_member<volume_row, &volume_row::last>},
    {"quantity", true, json_string | json_number,
     [](volume_row& row, std::string_view text) {
       return parse_quantity_or_duration(text, row.quantity);  // as `used` is read
     },
     write_member<volume_row, &volume_row::quantity>},
}};

std::optional<row_problem> check_volume(const volume_row& v) {
  if (v.last < v.first) return row_problem{"last", "the last day is before the first"};
  if (v.quantity.sign() < 0) return row_problem{"quantity", "the volume is negative"};
  return std::nullopt;
}

const row_spec<volume_row> volume_spec{volume_fields, {}, check_volume};

// --- the ledger

using billed_line = billing_state::billed_line;

std::optional<std::string> read_fingerprint(billed_line& line, std::string_view text) {
  if (!is_fingerprint(text))
    return text::quote(text) + " is not a fingerprint (32 lower-case hex digits, or void)";
  line.fingerprint = std::string(text);
  return std::nullopt;
}

constexpr std::array<field_spec<billed_line>, 9> line_fields{{
    {"id", true, json_string, read_member<billed_line, &billed_line::id>,
     write_member<billed_line, &billed_line::id>},
    {"fingerprint", true, json_string, read_fingerprint,
     write_member<billed_line, &billed_line::fingerprint>},
    {"date", true, json_string, read_member<billed_line, &billed_line::date>,
     write_member<billed_line, &billed_line::date>},
    {"item", true, json_string, read_member<billed_line, &billed_line::item>,
     write_member<billed_line, &billed_line::item>},
    {"amount", true, json_string | json_number, read_member<billed_line, &billed_line::amount>,
     write_member<billed_line, &billed_line::amount>},
    {"cost", true, json_string | json_number, read_member<billed_line, &billed_line::cost>,
     write_member<billed_line, &billed_line::cost>},
    {"tax", false, json_string | json_number, read_member<billed_line, &billed_line::tax>,
     write_member<billed_line, &billed_line::tax>},
    {"rate", false, json_string, read_member<billed_line, &billed_line::rate>,
     write_member<billed_line, &billed_line::rate>},
    {"volume", false, json_string | json_number, read_member<billed_line, &billed_line::volume>,
     write_member<billed_line, &billed_line::volume>},
}};

std::optional<row_problem> check_line(const billed_line& l) {
  if (l.volume.sign() < 0) return row_problem{"volume", "the volume is negative"};
  return std::nullopt;
}

const row_spec<billed_line> line_spec{line_fields, {}, check_line};

struct fee_row {
  std::string fee;
  local_date fee_first{};
  local_date fee_last{};
  local_date first{};
  local_date last{};
  decimal units;
  decimal amount;
};

constexpr std::array<field_spec<fee_row>, 7> fee_fields{{
    {"fee", true, json_string, read_member<fee_row, &fee_row::fee>,
     write_member<fee_row, &fee_row::fee>, text_kind::prose},
    {"fee_first", true, json_string, read_member<fee_row, &fee_row::fee_first>,
     write_member<fee_row, &fee_row::fee_first>},
    {"fee_last", true, json_string, read_member<fee_row, &fee_row::fee_last>,
     write_member<fee_row, &fee_row::fee_last>},
    {"first", true, json_string, read_member<fee_row, &fee_row::first>,
     write_member<fee_row, &fee_row::first>},
    {"last", true, json_string, read_member<fee_row, &fee_row::last>,
     write_member<fee_row, &fee_row::last>},
    {"units", true, json_string | json_number, read_member<fee_row, &fee_row::units>,
     write_member<fee_row, &fee_row::units>},
    {"amount", true, json_string | json_number, read_member<fee_row, &fee_row::amount>,
     write_member<fee_row, &fee_row::amount>},
}};

std::optional<row_problem> check_fee(const fee_row& f) {
  if (f.fee_last < f.fee_first) return row_problem{"fee_last", "the last day is before the first"};
  if (f.last < f.first) return row_problem{"last", "the last day is before the first"};
  if (f.first < f.fee_first || f.fee_last < f.last)
    return row_problem{"first", "the days charged are not within the fee's period"};
  if (f.units.sign() < 0) return row_problem{"units", "the units are negative"};
  return std::nullopt;
}

const row_spec<fee_row> fee_spec{fee_fields, {}, check_fee};

using credited_payment = billing_state::credited_payment;

std::optional<std::string> read_kind(credited_payment& p, std::string_view text) {
  const std::optional<payment_kind> k = parse_payment_kind(text);
  if (!k) return text::quote(text) + " is not a payment kind (payment, refund, chargeback)";
  p.kind = *k;
  return std::nullopt;
}

std::optional<std::string> write_kind(const credited_payment& p) {
  return std::string(to_string(p.kind));
}

constexpr std::array<field_spec<credited_payment>, 6> payment_fields{{
    {"id", true, json_string, read_member<credited_payment, &credited_payment::id>,
     write_member<credited_payment, &credited_payment::id>},
    {"date", true, json_string, read_member<credited_payment, &credited_payment::date>,
     write_member<credited_payment, &credited_payment::date>},
    {"amount", true, json_string | json_number,
     read_member<credited_payment, &credited_payment::amount>,
     write_member<credited_payment, &credited_payment::amount>},
    {"kind", false, json_string, read_kind, write_kind},
    {"reverses", false, json_string, read_member<credited_payment, &credited_payment::reverses>,
     write_member<credited_payment, &credited_payment::reverses>},
    {"refunded", false, json_string | json_number,
     read_member<credited_payment, &credited_payment::refunded>,
     write_member<credited_payment, &credited_payment::refunded>},
}};

std::optional<row_problem> check_payment(const credited_payment& p) {
  if (p.amount.sign() <= 0)
    return row_problem{"amount", "the amount must be above 0, not " + p.amount.to_string()};
  if (p.kind == payment_kind::payment && !p.reverses.empty())
    return row_problem{"reverses", "a payment reverses nothing; only a refund or chargeback does"};
  if (p.kind != payment_kind::payment && p.reverses.empty())
    return row_problem{
        "reverses", "a " + std::string(to_string(p.kind)) + " must name the payment it reverses"};
  if (p.refunded.sign() < 0) return row_problem{"refunded", "the amount refunded is negative"};
  if (p.kind != payment_kind::payment && !p.refunded.is_zero())
    return row_problem{"refunded", "only a payment is refunded"};
  if (p.refunded > p.amount)
    return row_problem{"refunded", "more is refunded (" + p.refunded.to_string() +
                                       ") than the payment's amount (" + p.amount.to_string() +
                                       ")"};
  return std::nullopt;
}

const row_spec<credited_payment> payment_spec{payment_fields, {}, check_payment};

struct issued_row {
  std::string id;
  local_date first{};
  local_date last{};
  std::uint64_t revision = 0;
};

std::optional<std::string> read_revision(issued_row& s, std::string_view text) {
  return parse_count(text, s.revision);
}

std::optional<std::string> write_revision(const issued_row& s) {
  return std::to_string(s.revision);
}

constexpr std::array<field_spec<issued_row>, 4> issued_fields{{
    {"id", true, json_string, read_member<issued_row, &issued_row::id>,
     write_member<issued_row, &issued_row::id>},
    {"first", true, json_string, read_member<issued_row, &issued_row::first>,
     write_member<issued_row, &issued_row::first>},
    {"last", true, json_string, read_member<issued_row, &issued_row::last>,
     write_member<issued_row, &issued_row::last>},
    {"revision", true, json_number, read_revision, write_revision},
}};

std::optional<row_problem> check_issued(const issued_row& s) {
  if (s.last < s.first) return row_problem{"last", "the last day is before the first"};
  return std::nullopt;
}

const row_spec<issued_row> issued_spec{issued_fields, {}, check_issued};

// --- reading arrays

// The object without the members named `nested` (read apart), and those members.
json_value without(const json_value& object, std::string_view nested,
                   std::vector<const json_value*>& found) {
  json_value rest;
  rest.type = kind::object;
  for (const json_member& m : object.members) {
    if (m.key == nested)
      found.push_back(&m.value);
    else
      rest.members.push_back(m);
  }
  return rest;
}

// Reads each element of `array` with `spec`; `add(row, position)` takes each element that read
// and returns the problem that keeps it out, if any. `unique_ids`: spec.fields[0] is an id no two
// elements share.
template <class Row, class Add>
void read_elements(const json_value& array, std::string_view name, const row_spec<Row>& spec,
                   bool unique_ids, problems& out, Add add) {
  seen_ids ids;
  for (std::size_t i = 0; i < array.items.size(); ++i) {
    const json_value& item = array.items[i];
    if (item.type != kind::object) {
      out.push_back({std::string(name),
                     i + 1,
                     {},
                     {},
                     "expected an object, not " + std::string(describe(item.type))});
      continue;
    }
    seen_ids fresh;
    auto outcome = read_row(spec, i + 1, json_cells(spec, item), unique_ids ? ids : fresh);
    if (auto* error = std::get_if<input_error>(&outcome)) {
      out.push_back({std::string(name), i + 1, std::move(error->id), std::move(error->column),
                     std::move(error->message)});
      continue;
    }
    if (std::optional<problem> p = add(std::get<Row>(outcome), i + 1)) {
      p->array = std::string(name);
      p->element = i + 1;
      out.push_back(std::move(*p));
    }
  }
}

void read_allowances(const json_value& array, billing_state& state, problems& out) {
  // Where each (allowance, first day) was first given: the ledger would add up a second one.
  std::map<std::pair<std::string, local_date>, std::size_t> given;
  read_elements(array, "allowances", use_spec, false, out,
                [&](use_row& u, std::size_t row) -> std::optional<problem> {
                  // The key as the engine spells it now: "visit+call/month" still reads.
                  u.allowance = model::canonical_allowance_key(u.allowance);
                  const date_span period = span_of(u.first, u.last);
                  const auto [at, added] = given.try_emplace({u.allowance, u.first}, row);
                  if (!added)
                    return problem{{},
                                   0,
                                   u.allowance,
                                   "first",
                                   "allowance '" + u.allowance + "' for " + format_span(period) +
                                       " is given twice (first on row " +
                                       std::to_string(at->second) + ")"};
                  state.allowances.push_back({std::move(u.allowance), period, std::move(u.used)});
                  return std::nullopt;
                });
}

void read_volumes(const json_value& array, billing_state& state, problems& out) {
  std::map<std::pair<std::string, local_date>, std::size_t> given;
  read_elements(array, "volumes", volume_spec, false, out,
                [&](volume_row& v, std::size_t row) -> std::optional<problem> {
                  const date_span period = span_of(v.first, v.last);
                  const auto [at, added] = given.try_emplace({v.item, v.first}, row);
                  if (!added)
                    return problem{{},
                                   0,
                                   v.item,
                                   "first",
                                   "the volume of '" + v.item + "' for " + format_span(period) +
                                       " is given twice (first on row " +
                                       std::to_string(at->second) + ")"};
                  state.volumes.push_back({std::move(v.item), period, std::move(v.quantity)});
                  return std::nullopt;
                });
}

// A line's `included`: what each allowance period included of it.
std::optional<problem> read_included(const json_value& value, billed_line& line) {
  if (value.type == kind::null) return std::nullopt;
  if (value.type != kind::array)
    return problem{
        {}, 0, line.id, "included", "expected an array, not " + std::string(describe(value.type))};
  problems inner;
  std::set<std::pair<std::string, local_date>> given;
  read_elements(value, "included", use_spec, false, inner,
                [&](use_row& u, std::size_t) -> std::optional<problem> {
                  u.allowance = model::canonical_allowance_key(u.allowance);
                  const date_span period = span_of(u.first, u.last);
                  if (!given.emplace(u.allowance, u.first).second)
                    return problem{{},
                                   0,
                                   u.allowance,
                                   "first",
                                   "allowance '" + u.allowance + "' for " + format_span(period) +
                                       " is given twice"};
                  line.included.push_back({std::move(u.allowance), period, std::move(u.used)});
                  return std::nullopt;
                });
  if (inner.empty()) return std::nullopt;
  const problem& first = inner.front();
  return problem{{},
                 0,
                 line.id,
                 "included[" + std::to_string(first.element) + "]" +
                     (first.key.empty() ? std::string() : "." + first.key),
                 first.message};
}

void read_lines(const json_value& array, billing_state& state, problems& out) {
  seen_ids ids;
  for (std::size_t i = 0; i < array.items.size(); ++i) {
    const json_value& item = array.items[i];
    if (item.type != kind::object) {
      out.push_back(
          {"lines", i + 1, {}, {}, "expected an object, not " + std::string(describe(item.type))});
      continue;
    }
    std::vector<const json_value*> included;
    const json_value rest = without(item, "included", included);
    auto outcome = read_row(line_spec, i + 1, json_cells(line_spec, rest), ids);
    if (auto* error = std::get_if<input_error>(&outcome)) {
      out.push_back({"lines", i + 1, std::move(error->id), std::move(error->column),
                     std::move(error->message)});
      continue;
    }
    billed_line& line = std::get<billed_line>(outcome);
    if (included.size() > 1) {
      out.push_back({"lines", i + 1, line.id, "included", "the key appears more than once"});
      continue;
    }
    if (!included.empty()) {
      if (std::optional<problem> p = read_included(*included.front(), line)) {
        p->array = "lines";
        p->element = i + 1;
        out.push_back(std::move(*p));
        continue;
      }
    }
    state.lines.push_back(std::move(line));
  }
}

void read_fees(const json_value& array, billing_state& state, problems& out) {
  std::map<std::tuple<std::string, local_date, local_date>, std::size_t> given;
  read_elements(array, "fees", fee_spec, false, out,
                [&](fee_row& f, std::size_t row) -> std::optional<problem> {
                  const date_span covers = span_of(f.first, f.last);
                  const auto [at, added] = given.try_emplace({f.fee, f.fee_first, f.first}, row);
                  if (!added)
                    return problem{{},
                                   0,
                                   f.fee,
                                   "first",
                                   "the fee's days from " + format_date(f.first) +
                                       " are given twice (first on row " +
                                       std::to_string(at->second) + ")"};
                  state.fees.push_back({std::move(f.fee), span_of(f.fee_first, f.fee_last), covers,
                                        std::move(f.units), std::move(f.amount)});
                  return std::nullopt;
                });
}

void read_payments(const json_value& array, billing_state& state, problems& out) {
  read_elements(array, "payments", payment_spec, true, out,
                [&](credited_payment& p, std::size_t) -> std::optional<problem> {
                  state.payments.push_back(std::move(p));
                  return std::nullopt;
                });
}

void read_statements(const json_value& array, billing_state& state, problems& out) {
  read_elements(
      array, "statements", issued_spec, true, out,
      [&](issued_row& s, std::size_t) -> std::optional<problem> {
        state.statements.push_back({std::move(s.id), span_of(s.first, s.last), s.revision});
        return std::nullopt;
      });
}

// --- the document

// The keys of a state, in the order the writer writes them.
constexpr std::array<std::string_view, 10> state_keys{
    "format",  "contract", "revision", "allowances", "volumes",
    "balance", "lines",    "fees",     "payments",   "statements"};

bool format_2_only(std::string_view key) {
  return key == "contract" || key == "revision" || key == "lines" || key == "fees" ||
         key == "payments" || key == "statements";
}

// Reads one state object into `state`; false when it cannot be read at all (the format is not
// one this version reads, or `allowances` is not an array). Every problem goes to `out`.
bool read_state_object(const json_value& object, billing_state& state, problems& out) {
  // The format first: it decides which keys there may be.
  int format = 1;
  const json_value* format_value = nullptr;
  for (const json_member& m : object.members) {
    if (m.key != "format") continue;
    if (format_value != nullptr) {
      out.push_back({{}, 0, {}, "format", "the key appears more than once"});
      return false;
    }
    format_value = &m.value;
  }
  if (format_value != nullptr && format_value->type != kind::null) {
    if (format_value->type != kind::number) {
      out.push_back({{},
                     0,
                     {},
                     "format",
                     "expected a number, not " + std::string(describe(format_value->type))});
      return false;
    }
    if (format_value->text == "1") {
      format = 1;
    } else if (format_value->text == "2") {
      format = 2;
    } else {
      out.push_back({{},
                     0,
                     {},
                     "format",
                     "format " + text::visible(format_value->text) +
                         " is not one this version reads (1 or 2)"});
      return false;
    }
  }
  state = billing_state{};
  state.format = format;

  std::map<std::string_view, const json_value*> given;
  bool readable = true;
  for (const json_member& m : object.members) {
    if (m.key == "format") continue;
    const auto known = std::find(state_keys.begin(), state_keys.end(), m.key);
    if (known == state_keys.end()) {
      out.push_back({{}, 0, {}, text::visible(m.key), "unknown key"});
      continue;
    }
    if (format == 1 && format_2_only(m.key)) {
      out.push_back(
          {{}, 0, {}, m.key, "a key of format 2 in a state of format 1 (without \"format\": 2)"});
      continue;
    }
    if (!given.emplace(*known, &m.value).second) {
      out.push_back({{}, 0, {}, m.key, "the key appears more than once"});  // the first is read
      continue;
    }
    const json_value& v = m.value;
    if (v.type == kind::null) continue;
    std::string expected;
    if (m.key == "contract") {
      if (v.type != kind::string) expected = "a string";
    } else if (m.key == "revision") {
      if (v.type != kind::number) expected = "a number";
    } else if (m.key == "balance") {
      if (v.type != kind::string && v.type != kind::number) expected = "a decimal number";
    } else if (v.type != kind::array) {
      expected = "an array";
    }
    if (!expected.empty()) {
      out.push_back(
          {{}, 0, {}, m.key, "expected " + expected + ", not " + std::string(describe(v.type))});
      if (m.key == "allowances") readable = false;
      given[*known] = nullptr;
    }
  }
  if (!readable) return false;

  const auto at = [&](std::string_view key) -> const json_value* {
    const auto it = given.find(key);
    return it == given.end() || it->second == nullptr || it->second->type == kind::null
               ? nullptr
               : it->second;
  };
  if (const json_value* v = at("contract")) {
    if (auto p = text_problem(v->text, text_kind::code))
      out.push_back({{}, 0, {}, "contract", *p});
    else
      state.contract = v->text;
  }
  if (const json_value* v = at("revision")) {
    if (auto p = parse_count(v->text, state.revision)) out.push_back({{}, 0, {}, "revision", *p});
  }
  if (const json_value* v = at("allowances")) read_allowances(*v, state, out);
  if (const json_value* v = at("volumes")) read_volumes(*v, state, out);
  if (const json_value* v = at("balance")) {
    if (auto p = parse_value(v->text, state.balance)) out.push_back({{}, 0, {}, "balance", *p});
  }
  if (const json_value* v = at("lines")) read_lines(*v, state, out);
  if (const json_value* v = at("fees")) read_fees(*v, state, out);
  if (const json_value* v = at("payments")) read_payments(*v, state, out);
  if (const json_value* v = at("statements")) read_statements(*v, state, out);
  // Kept sorted as billing writes them, whatever order a host gave them in.
  std::stable_sort(state.lines.begin(), state.lines.end(),
                   [](const auto& a, const auto& b) { return a.id < b.id; });
  std::stable_sort(state.fees.begin(), state.fees.end(), [](const auto& a, const auto& b) {
    return std::tie(a.fee, a.fee_period.first, a.covers.first) <
           std::tie(b.fee, b.fee_period.first, b.covers.first);
  });
  std::stable_sort(state.payments.begin(), state.payments.end(),
                   [](const auto& a, const auto& b) { return a.id < b.id; });
  return true;
}

// A problem of a document holding one state: element problems are numbered within their array;
// those of `allowances` name the key alone, as format 1 did, the others the array and the key.
input_error single_error(problem p) {
  if (p.array.empty()) return {0, {}, std::move(p.key), std::move(p.message)};
  std::string column = p.array == "allowances" ? std::move(p.key)
                       : p.key.empty()         ? std::move(p.array)
                                               : p.array + "." + p.key;
  return {p.element, std::move(p.id), std::move(column), std::move(p.message)};
}

// A problem of the state at `position` of a `states` array: numbered by the state, named by its
// contract, the column a path within it ("lines[3].amount").
input_error many_error(problem p, std::size_t position, const std::string& contract) {
  std::string column = p.array.empty() ? std::move(p.key)
                                       : p.array + "[" + std::to_string(p.element) + "]" +
                                             (p.key.empty() ? std::string() : "." + p.key);
  return {position, text_problem(contract, text_kind::code) ? std::string() : contract,
          std::move(column), std::move(p.message)};
}

constexpr std::string_view expected_object = "expected an object {\"allowances\": [...]}";

}  // namespace
}  // namespace formats

std::string write_state_json(const billing_state& state) {
  std::string out;
  formats::append_state(out, state, 2);
  out += '\n';
  return out;
}

read_result<billing_state> read_state_json(std::string_view text) {
  using formats::json_value;
  using kind = json_value::kind;
  read_result<billing_state> result;
  formats::json_parse_result parsed = formats::parse_json(text);
  if (!parsed.value) {
    result.errors.push_back({0, {}, {}, parsed.error});
    return result;
  }
  const json_value& document = *parsed.value;
  if (document.type == kind::array && document.items.empty()) {  // format 1's empty state
    result.rows.emplace_back().format = 1;
    result.row_numbers.push_back(0);
    return result;
  }
  if (document.type != kind::object) {
    result.errors.push_back({0,
                             {},
                             {},
                             std::string(formats::expected_object) + ", not " +
                                 (document.type == kind::array
                                      ? std::string("an array (an array is read only when empty)")
                                      : std::string(formats::describe(document.type)))});
    return result;
  }
  billing_state state;
  formats::problems problems;
  const bool readable = formats::read_state_object(document, state, problems);
  for (formats::problem& p : problems)
    result.errors.push_back(formats::single_error(std::move(p)));
  if (readable) {
    result.rows.push_back(std::move(state));
    result.row_numbers.push_back(0);
  }
  return result;
}

std::string write_states_json(std::span<const billing_state> states) {
  std::vector<const billing_state*> sorted;
  sorted.reserve(states.size());
  for (const billing_state& s : states)
    sorted.push_back(&s);
  std::stable_sort(
      sorted.begin(), sorted.end(),
      [](const billing_state* a, const billing_state* b) { return a->contract < b->contract; });
  // A document read_states_json would refuse is never written: each state names its contract,
  // once, or the states could not be told apart when read back.
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (sorted[i]->contract.empty())
      throw call_error(
          "write_states_json: a state names no contract (a state no statement has closed, or "
          "one read in format 1); bill it first, or write it alone with write_state_json");
    if (i > 0 && sorted[i]->contract == sorted[i - 1]->contract)
      throw call_error("write_states_json: contract '" + sorted[i]->contract + "' has two states");
  }
  std::string out =
      "{\n  \"format\": " + std::to_string(billing_state::current_format) + ",\n  \"states\": ";
  if (sorted.empty()) {
    out += "[]";
  } else {
    out += "[";
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      out += i == 0 ? "\n    " : ",\n    ";
      formats::append_state(out, *sorted[i], 6);
    }
    out += "\n  ]";
  }
  out += "\n}\n";
  return out;
}

read_result<billing_state> read_states_json(std::string_view text) {
  using formats::json_value;
  using kind = json_value::kind;
  formats::json_parse_result parsed = formats::parse_json(text);
  if (!parsed.value) {
    read_result<billing_state> result;
    result.errors.push_back({0, {}, {}, parsed.error});
    return result;
  }
  const json_value& document = *parsed.value;
  const bool many = document.type == kind::object &&
                    std::any_of(document.members.begin(), document.members.end(),
                                [](const formats::json_member& m) { return m.key == "states"; });
  if (!many) return read_state_json(text);  // one state, of either format

  read_result<billing_state> result;
  const json_value* states = nullptr;
  bool readable = true;
  for (const formats::json_member& m : document.members) {
    if (m.key == "format") {
      if (m.value.type != kind::number || m.value.text != "2") {
        result.errors.push_back(
            {0,
             {},
             "format",
             m.value.type != kind::number
                 ? "expected a number, not " + std::string(formats::describe(m.value.type))
                 : "format " + text::visible(m.value.text) +
                       " is not one a document of many states is written in (2)"});
        readable = false;
      }
    } else if (m.key == "states") {
      if (states != nullptr) {
        result.errors.push_back({0, {}, "states", "the key appears more than once"});
        readable = false;
      } else if (m.value.type != kind::array) {
        result.errors.push_back(
            {0,
             {},
             "states",
             "expected an array, not " + std::string(formats::describe(m.value.type))});
        readable = false;
      }
      states = &m.value;
    } else {
      result.errors.push_back({0, {}, text::visible(m.key), "unknown key"});
    }
  }
  const auto formats_given =
      std::count_if(document.members.begin(), document.members.end(),
                    [](const formats::json_member& m) { return m.key == "format"; });
  if (formats_given == 0) {
    result.errors.push_back({0, {}, "format", "a value is required"});
    readable = false;
  } else if (formats_given > 1) {
    result.errors.push_back({0, {}, "format", "the key appears more than once"});
    readable = false;
  }
  if (!readable) return result;

  std::map<std::string, std::size_t, std::less<>> contracts;
  for (std::size_t i = 0; i < states->items.size(); ++i) {
    const json_value& item = states->items[i];
    const std::size_t position = i + 1;
    if (item.type != kind::object) {
      result.errors.push_back(
          {position,
           {},
           {},
           "expected an object, not " + std::string(formats::describe(item.type))});
      continue;
    }
    billing_state state;
    formats::problems problems;
    const bool read = formats::read_state_object(item, state, problems);
    for (formats::problem& p : problems)
      result.errors.push_back(formats::many_error(std::move(p), position, state.contract));
    if (!read) continue;
    if (state.contract.empty()) {
      result.errors.push_back(
          {position, {}, "contract", "a state among many must name its contract"});
      continue;
    }
    const auto [at, added] = contracts.try_emplace(state.contract, position);
    if (!added) {
      result.errors.push_back({position, state.contract, "contract",
                               "the state of contract '" + state.contract +
                                   "' is given twice (first on row " + std::to_string(at->second) +
                                   ")"});
      continue;
    }
    result.rows.push_back(std::move(state));
    result.row_numbers.push_back(position);
  }
  return result;
}

}  // namespace tariff
