// Statements and the billing state as JSON (docs/formats.md, "Statements" and
// "Billing state"). Decimals are written with decimal::to_string, keeping their scale; nothing
// passes through a double. A period [first, end) is written as its first and last day.
#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tariff/statement_io.hpp>

#include "formats/json_table.hpp"
#include "formats/priced_writer.hpp"
#include "formats/values.hpp"
#include "model/allowance_key.hpp"
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

// "volumes" and "balance" only when there are some: a state without tiered items or a prepaid
// balance reads as before they existed.
void append_state(std::string& out, const billing_state& state, std::size_t indent) {
  object_writer o(out, indent);
  o.key("allowances");
  append_object_array(out, state.allowances, indent + 2, append_use);
  if (!state.volumes.empty()) {
    o.key("volumes");
    append_object_array(out, state.volumes, indent + 2, append_volume);
  }
  if (!state.balance.is_zero()) o.string("balance", state.balance.to_string());
  o.close();
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
  if (!fee.prepaid_units.is_zero()) {
    o.string("prepaid_units", fee.prepaid_units.to_string());
    o.string("covered", fee.covered.to_string());
  }
  if (with_tax) o.string("tax", fee.tax.to_string());
  o.raw("line", std::to_string(fee.line));
  o.raw("column", std::to_string(fee.column));
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
  } else if (a.kind == alert_kind::balance_low || a.kind == alert_kind::balance_exhausted) {
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

void append_payment(std::string& out, const payment& p, std::size_t indent) {
  object_writer o(out, indent);
  o.string("id", p.id);
  o.string("date", format_date(p.date));
  o.string("amount", p.amount.to_string());
  o.close();
}

void append_prepaid(std::string& out, const prepaid_report& p, std::size_t indent) {
  object_writer o(out, indent);
  o.string("opening", p.opening.to_string());
  o.key("payments");
  append_object_array(out, p.payments, indent + 2, append_payment);
  o.string("received", p.received.to_string());
  o.string("drawn", p.drawn.to_string());
  o.string("closing", p.closing.to_string());
  o.string("owed", p.owed.to_string());
  o.close();
}

// Whether statements of this tariff carry taxes: only then are the tax fields written, so that
// the statements of a tariff without a tax read as they did before taxes existed.
bool has_tax(const compiled_tariff& tariff) {
  return queries::tax_of(tariff).has_value();
}

// ---------------------------------------------------------------------------------------------
// Reading the state

// One element of "allowances" as it is read, before its days become a date_span.
struct use_row {
  std::string allowance;
  local_date first{};
  local_date last{};
  decimal used;
};

template <auto Member>
constexpr auto read = formats::read_member<use_row, Member>;
template <auto Member>
constexpr auto write = formats::write_member<use_row, Member>;

constexpr std::array<formats::field_spec<use_row>, 4> use_fields{{
    {"allowance", true, formats::json_string, read<&use_row::allowance>,
     write<&use_row::allowance>},
    {"first", true, formats::json_string, read<&use_row::first>, write<&use_row::first>},
    {"last", true, formats::json_string, read<&use_row::last>, write<&use_row::last>},
    {"used", true, formats::json_string | formats::json_number, read<&use_row::used>,
     write<&use_row::used>},
}};

std::optional<formats::row_problem> check_use(const use_row& u) {
  if (u.last < u.first) return formats::row_problem{"last", "the last day is before the first"};
  if (u.used.sign() < 0) return formats::row_problem{"used", "the quantity used is negative"};
  return std::nullopt;
}

const formats::row_spec<use_row> use_spec{use_fields, {}, check_use};

// One element of "volumes" as it is read.
struct volume_row {
  std::string item;
  local_date first{};
  local_date last{};
  decimal quantity;
};

constexpr std::array<formats::field_spec<volume_row>, 4> volume_fields{{
    {"item", true, formats::json_string, formats::read_member<volume_row, &volume_row::item>,
     formats::write_member<volume_row, &volume_row::item>},
    {"first", true, formats::json_string, formats::read_member<volume_row, &volume_row::first>,
     formats::write_member<volume_row, &volume_row::first>},
    {"last", true, formats::json_string, formats::read_member<volume_row, &volume_row::last>,
     formats::write_member<volume_row, &volume_row::last>},
    {"quantity", true, formats::json_string | formats::json_number,
     formats::read_member<volume_row, &volume_row::quantity>,
     formats::write_member<volume_row, &volume_row::quantity>},
}};

std::optional<formats::row_problem> check_volume(const volume_row& v) {
  if (v.last < v.first) return formats::row_problem{"last", "the last day is before the first"};
  if (v.quantity.sign() < 0) return formats::row_problem{"quantity", "the volume is negative"};
  return std::nullopt;
}

const formats::row_spec<volume_row> volume_spec{volume_fields, {}, check_volume};

// Reads the elements of "volumes" into `state`; errors are numbered within "volumes".
void read_volumes(const formats::json_value& array, billing_state& state,
                  std::vector<input_error>& errors) {
  std::map<std::pair<std::string, local_date>, std::size_t> given;
  for (std::size_t i = 0; i < array.items.size(); ++i) {
    const formats::json_value& item = array.items[i];
    if (item.type != formats::json_value::kind::object) {
      errors.push_back({i + 1,
                        {},
                        "volumes",
                        "expected an object, not " + std::string(formats::describe(item.type))});
      continue;
    }
    formats::seen_ids seen;
    auto outcome =
        formats::read_row(volume_spec, i + 1, formats::json_cells(volume_spec, item), seen);
    if (auto* error = std::get_if<input_error>(&outcome)) {
      errors.push_back(std::move(*error));
      continue;
    }
    volume_row& v = std::get<volume_row>(outcome);
    const date_span period{v.first, v.last + date::days{1}};
    if (!given.try_emplace({v.item, v.first}, i + 1).second) {
      errors.push_back(
          {i + 1, v.item, "first",
           "the volume of '" + v.item + "' for " + format_span(period) + " is given twice"});
      continue;
    }
    state.volumes.push_back({std::move(v.item), period, std::move(v.quantity)});
  }
}

// Reads the elements of "allowances" into `result.rows[0]`.
void read_uses(const formats::json_value& array, read_result<billing_state>& result) {
  billing_state& state = result.rows.emplace_back();
  result.row_numbers.push_back(0);  // the document as a whole
  // Where each (allowance, first day) was first given: the ledger would add up a second one.
  std::map<std::pair<std::string, local_date>, std::size_t> given;
  for (std::size_t i = 0; i < array.items.size(); ++i) {
    const formats::json_value& item = array.items[i];
    if (item.type != formats::json_value::kind::object) {
      result.errors.push_back(
          {i + 1, {}, {}, "expected an object, not " + std::string(formats::describe(item.type))});
      continue;
    }
    formats::seen_ids seen;  // the allowance key repeats across periods: not an id to keep unique
    auto outcome = formats::read_row(use_spec, i + 1, formats::json_cells(use_spec, item), seen);
    if (auto* error = std::get_if<input_error>(&outcome)) {
      result.errors.push_back(std::move(*error));
      continue;
    }
    use_row& u = std::get<use_row>(outcome);
    // The key as the engine spells it now: a state saved as "visit+call/month" still reads.
    u.allowance = detail::canonical_allowance_key(u.allowance);
    const date_span period{u.first, u.last + date::days{1}};
    const auto [at, added] = given.try_emplace({u.allowance, u.first}, i + 1);
    if (!added) {
      result.errors.push_back({i + 1, u.allowance, "first",
                               "allowance '" + u.allowance + "' for " + format_span(period) +
                                   " is given twice (first on row " + std::to_string(at->second) +
                                   ")"});
      continue;
    }
    state.allowances.push_back({std::move(u.allowance), period, std::move(u.used)});
  }
}

}  // namespace

std::string write_statement_json(const statement& s, const compiled_tariff& tariff) {
  const bool with_tax = has_tax(tariff);
  const auto line = [&](std::string& out, const priced_line& l, std::size_t indent) {
    formats::append_priced_line(out, l, indent, tariff, with_tax);
  };
  const auto fee = [&](std::string& out, const fee_line& f, std::size_t indent) {
    append_fee(out, f, indent, with_tax);
  };
  std::string out;
  object_writer o(out, 2);
  o.string("contract", s.contract);
  o.string("client", s.client);
  o.string("plan", s.plan);
  o.string("currency", s.currency);
  o.string("tariff_hash", s.tariff_hash);
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
  append_state(out, s.closing, 4);
  o.close();
  out += '\n';
  return out;
}

std::string write_state_json(const billing_state& state) {
  std::string out;
  append_state(out, state, 2);
  out += '\n';
  return out;
}

read_result<billing_state> read_state_json(std::string_view text) {
  using kind = formats::json_value::kind;
  read_result<billing_state> result;
  formats::json_parse_result parsed = formats::parse_json(text);
  if (!parsed.value) {
    result.errors.push_back({0, {}, {}, parsed.error});
    return result;
  }
  const formats::json_value& document = *parsed.value;
  if (document.type == kind::array && document.items.empty()) {
    result.rows.emplace_back();
    result.row_numbers.push_back(0);
    return result;
  }
  if (document.type != kind::object) {
    result.errors.push_back({0,
                             {},
                             {},
                             document.type == kind::array
                                 ? "expected an object {\"allowances\": [...]}, not an array "
                                   "(an array is read only when empty)"
                                 : "expected an object {\"allowances\": [...]}, not " +
                                       std::string(formats::describe(document.type))});
    return result;
  }
  const formats::json_value* uses = nullptr;
  const formats::json_value* volumes = nullptr;
  const formats::json_value* balance = nullptr;
  bool seen = false;
  for (const formats::json_member& m : document.members) {
    if (m.key == "balance") {
      if (balance != nullptr)
        result.errors.push_back({0, {}, text::visible(m.key), "the key appears more than once"});
      else if (m.value.type != kind::string && m.value.type != kind::number)
        result.errors.push_back(
            {0,
             {},
             m.key,
             "expected a decimal number, not " + std::string(formats::describe(m.value.type))});
      else
        balance = &m.value;
    } else if (m.key == "volumes" && volumes == nullptr && m.value.type == kind::array) {
      volumes = &m.value;
    } else if (m.key == "volumes") {
      result.errors.push_back(
          {0,
           {},
           m.key,
           volumes != nullptr
               ? "the key appears more than once"
               : "expected an array, not " + std::string(formats::describe(m.value.type))});
    } else if (m.key != "allowances") {
      result.errors.push_back({0, {}, text::visible(m.key), "unknown key"});
    } else if (seen) {
      result.errors.push_back({0, {}, text::visible(m.key), "the key appears more than once"});
    } else {
      seen = true;
      if (m.value.type == kind::array) {
        uses = &m.value;
      } else if (m.value.type != kind::null) {
        result.errors.push_back(
            {0,
             {},
             text::visible(m.key),
             "expected an array, not " + std::string(formats::describe(m.value.type))});
        return result;
      }
    }
  }
  if (uses == nullptr) {
    result.rows.emplace_back();
    result.row_numbers.push_back(0);
  } else
    read_uses(*uses, result);
  if (volumes != nullptr && !result.rows.empty())
    read_volumes(*volumes, result.rows.front(), result.errors);
  if (balance != nullptr && !result.rows.empty()) {
    if (auto problem = formats::parse_value(balance->text, result.rows.front().balance))
      result.errors.push_back({0, {}, "balance", *problem});
  }
  return result;
}

}  // namespace tariff
