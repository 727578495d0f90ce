// The expect-file parser and the checks of the golden examples (expect.hpp).
#include "expect.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include <tariff/calendar.hpp>
#include <tariff/decimal.hpp>
#include <tariff/io.hpp>

namespace tariff::examples {
namespace {

constexpr std::array<std::string_view, 12> line_field_names{
    "amount", "cost",       "margin", "billed", "measured", "rejected",
    "parts",  "price_list", "date",   "in",     "trace",    "tax"};
constexpr std::array<std::string_view, 11> part_field_names{
    "billed", "measured", "list_price", "unit_price", "amount", "cost",
    "labels", "date",     "allowance",  "covered",    "trace"};

constexpr std::array<std::string_view, 22> statement_field_names{
    "revenue",  "fees_total",  "work_total",
    "cost",     "margin",      "margin_percent",
    "lines",    "adjustments", "rejected",
    "fees",     "alerts",      "period",
    "plan",     "plans",       "tax",
    "total",    "tax_exempt",  "balance_opening",
    "received", "drawn",       "balance_closing",
    "owed"};
constexpr std::array<std::string_view, 8> fee_field_names{
    "amount", "units", "covers", "fee_period", "prepaid_units", "covered", "tax", "billed_before"};
constexpr std::array<std::string_view, 3> tax_field_names{"base", "amount", "percent"};
constexpr std::array<std::string_view, 2> pay_total_fields{"total", "lines"};
constexpr std::array<std::string_view, 4> pay_line_fields{"pay", "rule", "amount", "quantity"};
constexpr std::array<std::string_view, 6> allowance_field_names{
    "period", "included", "used_before", "used", "remaining", "covered"};
constexpr std::array<std::string_view, 3> sections{"lines", "adjustments", "rejected"};

constexpr std::string_view directives =
    "line, bill, estimate, change, opening, closing, statement, fee, tax, allowance, alert, total, "
    "expiring, payout or pay";
constexpr std::array<std::string_view, 3> payout_total_fields{"payable", "pending", "lines"};
constexpr std::array<std::string_view, 5> payout_line_fields{"status", "amount", "rate", "quantity",
                                                             "accepted_on"};

bool contains(std::span<const std::string_view> names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_decimal_field(std::string_view field) {
  return field == "amount" || field == "cost" || field == "margin" || field == "list_price" ||
         field == "unit_price" || field == "covered" || field == "revenue" ||
         field == "fees_total" || field == "work_total" || field == "units" || field == "total" ||
         field == "tax" || field == "base" || field == "prepaid_units" ||
         field == "balance_opening" || field == "received" || field == "drawn" ||
         field == "balance_closing" || field == "owed" || field == "pay" || field == "percent";
}

// `rejected` of a line is a reason code, of a statement a count.
bool is_count_field(std::string_view field, bool of_statement) {
  return field == "parts" || field == "lines" || field == "adjustments" || field == "fees" ||
         field == "alerts" || (of_statement && field == "rejected");
}

bool is_quantity_field(std::string_view field) {
  return field == "included" || field == "used_before" || field == "used" || field == "remaining";
}

bool is_span_field(std::string_view field) {
  return field == "period" || field == "covers" || field == "fee_period";
}

// Every reason code the engine can write: to_string gives "?" for a value with no name.
const std::set<std::string, std::less<>>& reason_codes() {
  static const std::set<std::string, std::less<>> codes = [] {
    std::set<std::string, std::less<>> out;
    for (int i = 0; i < 256; ++i) {
      const std::string_view code = to_string(static_cast<reject_reason>(i));
      if (code != "?") out.emplace(code);
    }
    return out;
  }();
  return codes;
}

// Every trace kind's name.
const std::set<std::string, std::less<>>& trace_kinds() {
  static const std::set<std::string, std::less<>> kinds = [] {
    std::set<std::string, std::less<>> out;
    for (int i = 0; i < 256; ++i) {
      const std::string_view kind = to_string(static_cast<trace_kind>(i));
      if (kind != "?") out.emplace(kind);
    }
    return out;
  }();
  return kinds;
}

// billing.hpp gives alert kinds no text form: the enumerators' names.
constexpr std::array<std::pair<alert_kind, std::string_view>, 5> alert_kind_names{{
    {alert_kind::allowance_threshold, "allowance_threshold"},
    {alert_kind::contract_expiring, "contract_expiring"},
    {alert_kind::fee_not_charged, "fee_not_charged"},
    {alert_kind::balance_low, "balance_low"},
    {alert_kind::balance_exhausted, "balance_exhausted"},
}};

std::string_view alert_kind_name(alert_kind kind) {
  for (const auto& [value, name] : alert_kind_names)
    if (value == kind) return name;
  return "?";
}

std::optional<alert_kind> parse_alert_kind(std::string_view name) {
  for (const auto& [value, text] : alert_kind_names)
    if (text == name) return value;
  return std::nullopt;
}

std::vector<std::string_view> tokens_of(std::string_view line) {
  std::vector<std::string_view> tokens;
  std::size_t at = 0;
  while (at < line.size()) {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t' || line[at] == '\r'))
      ++at;
    if (at == line.size() || line[at] == '#') break;
    const std::size_t start = at;
    while (at < line.size() && line[at] != ' ' && line[at] != '\t' && line[at] != '\r')
      ++at;
    tokens.push_back(line.substr(start, at - start));
  }
  return tokens;
}

std::optional<int> whole_number(std::string_view text, int least) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < least)
    return std::nullopt;
  return value;
}

std::optional<int> positive_int(std::string_view text) {
  return whole_number(text, 1);
}

std::string span_text(const date_span& s) {
  return format_date(s.first) + ".." + format_date(s.end - date::days{1});
}

// "2026-03-01..2026-03-31", both days included.
std::optional<date_span> parse_span(std::string_view text) {
  const std::size_t dots = text.find("..");
  if (dots == std::string_view::npos) return std::nullopt;
  const std::optional<local_date> first = parse_date(text.substr(0, dots));
  const std::optional<local_date> last = parse_date(text.substr(dots + 2));
  if (!first || !last || *last < *first) return std::nullopt;
  return date_span{*first, *last + date::days{1}};
}

// A quantity as item_quantity::to_string writes it: a duration ("8h30min", "0min", "45s") in
// seconds, or a count ("3", "1.50") of at least 0.
struct quantity_value {
  decimal value;
  bool is_time = false;
};

std::optional<quantity_value> parse_quantity(std::string_view text) {
  // h, then min, then s, each at most once, at least one of them.
  static constexpr std::array<std::pair<std::string_view, std::int64_t>, 3> units{
      {{"h", 3600}, {"min", 60}, {"s", 1}}};
  std::int64_t seconds = 0;
  std::size_t at = 0;
  std::size_t next_unit = 0;
  bool any = false;
  while (at < text.size()) {
    std::size_t digits = at;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
      ++digits;
    if (digits == at) break;
    std::size_t u = next_unit;
    while (u < units.size() && text.substr(digits, units[u].first.size()) != units[u].first)
      ++u;
    // "min" must not be read as "m"; "s" must not be the start of something longer.
    if (u == units.size()) break;
    const std::optional<int> n = whole_number(text.substr(at, digits - at), 0);
    if (!n) return std::nullopt;
    seconds += *n * units[u].second;
    at = digits + units[u].first.size();
    next_unit = u + 1;
    any = true;
  }
  if (any && at == text.size()) return quantity_value{decimal(seconds), true};
  const std::optional<decimal> count = decimal::try_parse(text);
  if (!count || count->sign() < 0) return std::nullopt;
  return quantity_value{*count, false};
}

// The allowance's periods, from its key's suffix ("hvac_repair/month").
std::optional<period_scheme> scheme_of_key(std::string_view key) {
  const std::size_t slash = key.rfind('/');
  if (slash == std::string_view::npos || slash == 0) return std::nullopt;
  const std::string_view period = key.substr(slash + 1);
  if (period == "month") return period_scheme::monthly();
  if (period == "quarter") return period_scheme::quarterly();
  if (period == "year") return period_scheme::yearly();
  return std::nullopt;
}

std::string key_problem(std::string_view key) {
  if (!scheme_of_key(key))
    return "'" + std::string(key) +
           "' is not an allowance key: items, then /month, /quarter or /year "
           "(engineer_visit/month, hvac_repair+support_hour/quarter)";
  return {};
}

// Why `value` cannot be what `field` holds; empty when it can.
std::string value_problem(std::string_view field, std::string_view value,
                          bool of_statement = false) {
  const std::string quoted = "'" + std::string(value) + "'";
  if (field == "margin_percent") {
    if (value != "-" && !decimal::try_parse(value))
      return quoted + " is not a decimal number, nor '-' (no revenue)";
    return {};
  }
  if (field == "billed_before") {
    if (value != "-" && !decimal::try_parse(value))
      return quoted + " is not a decimal number, nor '-' (not a fee adjustment)";
    return {};
  }
  if (is_decimal_field(field) && !decimal::try_parse(value))
    return quoted + " is not a decimal number";
  if (field == "rejected" && !of_statement && !reason_codes().contains(value))
    return quoted + " is not a reject reason code";
  if (is_count_field(field, of_statement) && !whole_number(value, 0))
    return quoted + (field == "parts" ? " is not a number of parts" : " is not a count");
  if (field == "date" && !parse_date(value)) return quoted + " is not a date (YYYY-MM-DD)";
  if (field == "in" && !contains(sections, value))
    return quoted + " is not a part of a statement: lines, adjustments or rejected";
  if (field == "allowance" && value != "-") return key_problem(value);
  if (field == "trace" && value != "-") {
    std::size_t at = 0;
    while (at <= value.size()) {
      std::size_t end = value.find('+', at);
      if (end == std::string_view::npos) end = value.size();
      if (!trace_kinds().contains(value.substr(at, end - at)))
        return "'" + std::string(value.substr(at, end - at)) +
               "' is not a trace step kind (discount, rule, group, group_factor, not_billable, "
               "overage, tier, minimum_charge, maximum_charge)";
      at = end + 1;
    }
  }
  if (is_span_field(field) && !parse_span(value))
    return quoted + " is not a span of days (2026-03-01..2026-03-31)";
  if (is_quantity_field(field) && !parse_quantity(value))
    return quoted + " is not a quantity (a duration such as 8h30min, or a count such as 3)";
  return {};
}

// Reads `field value` pairs from tokens[next...] with `allowed` fields; appends one `make(field,
// value)` for each. Returns the problem with the first bad pair, empty when all are good.
template <class Make>
std::string read_pairs(std::span<const std::string_view> tokens, std::size_t next,
                       std::span<const std::string_view> allowed, const std::string& subject,
                       const Make& make) {
  if (next == tokens.size()) return subject + " asserts no field";
  std::set<std::string_view> seen;
  for (; next < tokens.size(); next += 2) {
    const std::string_view field = tokens[next];
    if (!contains(allowed, field)) return "unknown field '" + std::string(field) + "'";
    if (!seen.insert(field).second) return "field '" + std::string(field) + "' given twice";
    if (next + 1 == tokens.size()) return "field '" + std::string(field) + "' has no value";
    if (std::string problem = value_problem(field, tokens[next + 1], true); !problem.empty())
      return problem;
    make(field, tokens[next + 1]);
  }
  return {};
}

enum class context { pricing, bill, estimate };

// `line ID [part N] FIELD VALUE ...`; the problem, or empty.
std::string parse_line(std::span<const std::string_view> tokens, int number, context where,
                       std::vector<assertion>& out) {
  if (tokens.size() < 2) return "'line' needs a work line id";
  assertion base;
  base.source_line = number;
  base.line_id = std::string(tokens[1]);
  std::size_t next = 2;
  if (next < tokens.size() && tokens[next] == "part") {
    const std::optional<int> part =
        next + 1 < tokens.size() ? positive_int(tokens[next + 1]) : std::nullopt;
    if (!part) return "'part' needs a part number from 1";
    base.part = *part;
    next += 2;
  }
  if (next == tokens.size()) return "line " + base.line_id + " asserts no field";
  const std::span<const std::string_view> allowed = base.part == 0 ? line_fields() : part_fields();
  std::vector<assertion> these;
  std::set<std::string_view> seen;
  for (; next < tokens.size(); next += 2) {
    const std::string_view field = tokens[next];
    if (!contains(allowed, field)) {
      if (base.part == 0 && contains(part_fields(), field))
        return "'" + std::string(field) + "' is a field of a part: write 'part N " +
               std::string(field) + " ...'";
      if (base.part != 0 && contains(line_fields(), field))
        return "'" + std::string(field) + "' is a field of a line, not of a part";
      return "unknown field '" + std::string(field) + "'";
    }
    if (field == "in" && where != context::bill)
      return "'in' says where a statement has the line: it needs a 'bill' run";
    if (!seen.insert(field).second) return "field '" + std::string(field) + "' given twice";
    if (next + 1 == tokens.size()) return "field '" + std::string(field) + "' has no value";
    if (std::string problem = value_problem(field, tokens[next + 1]); !problem.empty())
      return problem;
    assertion a = base;
    a.field = std::string(field);
    a.expected = std::string(tokens[next + 1]);
    these.push_back(std::move(a));
  }
  out.insert(out.end(), these.begin(), these.end());
  return {};
}

// `bill CONTRACT PERIOD [only|except ID...]` or `estimate CONTRACT [only|except ID...]`.
std::string parse_run(std::span<const std::string_view> tokens, int number, billing_run& run) {
  const bool is_bill = tokens[0] == "bill";
  run.source_line = number;
  run.kind = is_bill ? billing_run::kind_t::bill : billing_run::kind_t::estimate;
  if (tokens.size() < 2) return "'" + std::string(tokens[0]) + "' needs a contract id";
  run.contract = std::string(tokens[1]);
  std::size_t next = 2;
  if (is_bill) {
    if (tokens.size() < 3) return "'bill' needs a period: a month (2026-03) or a day (2026-03-17)";
    const std::string_view period = tokens[2];
    std::optional<local_date> day =
        period.size() == 7 ? parse_date(std::string(period) + "-01") : parse_date(period);
    if (!day) return "'" + std::string(period) + "' is not a month (2026-03) or a day (2026-03-17)";
    run.day = *day;
    next = 3;
  }
  run.header.clear();
  for (std::size_t i = 0; i < std::min(next, tokens.size()); ++i)
    run.header += (i == 0 ? "" : " ") + std::string(tokens[i]);
  if (next == tokens.size()) return {};
  const std::string_view word = tokens[next];
  if (word != "only" && word != "except")
    return "expected 'only ID...' or 'except ID...' after '" + run.header + "', found '" +
           std::string(word) + "'";
  std::vector<std::string>& ids = word == "only" ? run.only : run.except;
  std::set<std::string_view> seen;
  for (std::size_t i = next + 1; i < tokens.size(); ++i) {
    if (tokens[i] == "only" || tokens[i] == "except") return "write either 'only' or 'except'";
    if (!seen.insert(tokens[i]).second)
      return "line " + std::string(tokens[i]) + " given twice after '" + std::string(word) + "'";
    ids.emplace_back(tokens[i]);
  }
  if (ids.empty()) return "'" + std::string(word) + "' needs line ids";
  return {};
}

// `opening KEY DAY QUANTITY` or `closing KEY DAY QUANTITY`.
std::string parse_state_entry(std::span<const std::string_view> tokens, int number,
                              std::vector<state_entry>& entries) {
  if (tokens.size() != 4)
    return "'" + std::string(tokens[0]) +
           "' needs an allowance key, a day of its period and the quantity used: '" +
           std::string(tokens[0]) + " hvac_repair/month 2026-03-01 8h30min'";
  if (std::string problem = key_problem(tokens[1]); !problem.empty()) return problem;
  const std::optional<local_date> day = parse_date(tokens[2]);
  if (!day) return "'" + std::string(tokens[2]) + "' is not a date (YYYY-MM-DD)";
  const std::optional<quantity_value> q = parse_quantity(tokens[3]);
  if (!q)
    return "'" + std::string(tokens[3]) +
           "' is not a quantity (a duration such as 8h30min, or a count such as 3)";
  state_entry e;
  e.source_line = number;
  e.allowance = std::string(tokens[1]);
  e.period = scheme_of_key(tokens[1])->containing(*day);
  e.quantity = std::string(tokens[3]);
  e.used = q->value;
  e.is_time = q->is_time;
  for (const state_entry& other : entries)
    if (other.allowance == e.allowance && other.period == e.period)
      return "'" + std::string(tokens[0]) + "' gives " + e.allowance + " for " +
             span_text(e.period) + " twice (first at line " + std::to_string(other.source_line) +
             ")";
  entries.push_back(std::move(e));
  return {};
}

// A tariff name: a lowercase letter, then lowercase letters, digits and '_'.
bool is_name(std::string_view text) {
  if (text.empty() || text[0] < 'a' || text[0] > 'z') return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// `opening volume ITEM DAY QUANTITY` or `closing volume ITEM DAY QUANTITY`. The period (the
// contract's statement period containing DAY) is known only when the run is checked.
std::string parse_volume_entry(std::span<const std::string_view> tokens, int number,
                               std::vector<volume_entry>& entries) {
  const std::string word(tokens[0]);
  if (tokens.size() != 5)
    return "'" + word +
           " volume' needs a tiered item, a day of its statement period and the volume billed: '" +
           word + " volume support_hour 2026-03-01 38h'";
  if (!is_name(tokens[2]))
    return "'" + std::string(tokens[2]) +
           "' is not an item name (a lowercase letter, then lowercase letters, digits and '_')";
  const std::optional<local_date> day = parse_date(tokens[3]);
  if (!day) return "'" + std::string(tokens[3]) + "' is not a date (YYYY-MM-DD)";
  const std::optional<quantity_value> q = parse_quantity(tokens[4]);
  if (!q)
    return "'" + std::string(tokens[4]) +
           "' is not a quantity (a duration such as 38h, or a count such as 17)";
  volume_entry e;
  e.source_line = number;
  e.item = std::string(tokens[2]);
  e.day = *day;
  e.quantity = std::string(tokens[4]);
  e.value = q->value;
  e.is_time = q->is_time;
  for (const volume_entry& other : entries)
    if (other.item == e.item && other.day == e.day)
      return "'" + word + " volume' gives " + e.item + " on " + format_date(e.day) +
             " twice (first at line " + std::to_string(other.source_line) + ")";
  entries.push_back(std::move(e));
  return {};
}

// `statement ...`, `fee N ...`, `allowance KEY ...`, `total AMOUNT`.
std::string parse_figures(std::span<const std::string_view> tokens, int number,
                          std::vector<figure>& out) {
  figure base;
  base.source_line = number;
  base.subject = std::string(tokens[0]);
  std::size_t next = 1;
  std::span<const std::string_view> allowed = statement_field_names;
  std::string subject = "statement";
  if (base.subject == "total") {
    if (tokens.size() != 2) return "'total' needs one amount: 'total 24000.00'";
    if (std::string problem = value_problem("total", tokens[1]); !problem.empty()) return problem;
    for (const figure& f : out)
      if (f.subject == "total")
        return "'total' given twice (first at line " + std::to_string(f.source_line) + ")";
    base.field = "total";
    base.expected = std::string(tokens[1]);
    out.push_back(std::move(base));
    return {};
  }
  if (base.subject == "fee") {
    const std::optional<int> n = tokens.size() > 1 ? positive_int(tokens[1]) : std::nullopt;
    if (!n) return "'fee' needs a fee number from 1";
    base.fee = *n;
    next = 2;
    allowed = fee_field_names;
    subject = "fee " + std::to_string(*n);
  } else if (base.subject == "tax") {
    if (tokens.size() < 2) return "'tax' needs the rate's name: 'tax standard amount 200.00'";
    base.allowance = std::string(tokens[1]);  // the rate
    next = 2;
    allowed = tax_field_names;
    subject = "tax " + base.allowance;
  } else if (base.subject == "allowance") {
    if (tokens.size() < 2) return "'allowance' needs an allowance key";
    if (std::string problem = key_problem(tokens[1]); !problem.empty()) return problem;
    base.allowance = std::string(tokens[1]);
    next = 2;
    allowed = allowance_field_names;
    subject = "allowance " + base.allowance;
  }
  std::vector<figure> these;
  std::string problem =
      read_pairs(tokens, next, allowed, subject, [&](std::string_view field, std::string_view v) {
        figure f = base;
        f.field = std::string(field);
        f.expected = std::string(v);
        these.push_back(std::move(f));
      });
  if (!problem.empty()) return problem;
  out.insert(out.end(), these.begin(), these.end());
  return {};
}

// `alert KIND ...`.
std::string parse_alert(std::span<const std::string_view> tokens, int number,
                        std::vector<alert_assertion>& out) {
  if (tokens.size() < 2)
    return "'alert' needs a kind: allowance_threshold, contract_expiring, fee_not_charged, "
           "balance_low or balance_exhausted";
  const std::optional<alert_kind> kind = parse_alert_kind(tokens[1]);
  if (!kind)
    return "'" + std::string(tokens[1]) +
           "' is not an alert kind: allowance_threshold, contract_expiring, fee_not_charged, "
           "balance_low or balance_exhausted";
  alert_assertion a;
  a.source_line = number;
  a.kind = *kind;
  if (*kind == alert_kind::allowance_threshold) {
    if (tokens.size() != 5)
      return "'alert allowance_threshold' needs the allowance key, the percent and the line: "
             "'alert allowance_threshold engineer_visit/month 100 V3'";
    if (std::string problem = key_problem(tokens[2]); !problem.empty()) return problem;
    if (!decimal::try_parse(tokens[3]))
      return "'" + std::string(tokens[3]) + "' is not a percent (80, without '%')";
    a.allowance = std::string(tokens[2]);
    a.percent = std::string(tokens[3]);
    a.line = std::string(tokens[4]);
  } else if (*kind == alert_kind::balance_low || *kind == alert_kind::balance_exhausted) {
    const bool low = *kind == alert_kind::balance_low;
    const std::size_t first = low ? 3 : 2;
    if (tokens.size() <= first)
      return low ? "'alert balance_low' needs the threshold and the line (or the fee's "
                   "description): 'alert balance_low 5000.00 V3'"
                 : "'alert balance_exhausted' needs the line (or the fee's description)";
    if (low) {
      if (std::string problem = value_problem("amount", tokens[2]); !problem.empty())
        return problem;
      a.threshold = std::string(tokens[2]);
    }
    for (std::size_t i = first; i < tokens.size(); ++i)
      a.line += (i == first ? "" : " ") + std::string(tokens[i]);
  } else if (tokens.size() != 2) {
    return "'alert " + std::string(tokens[1]) + "' takes nothing more";
  }
  out.push_back(std::move(a));
  return {};
}

// `expiring DAY DAYS ID...` or `expiring DAY DAYS -`.
std::string parse_expiring(std::span<const std::string_view> tokens, int number,
                           std::vector<expiry_assertion>& out) {
  if (tokens.size() < 4)
    return "'expiring' needs a day, a number of days and the contracts (or '-'): "
           "'expiring 2026-03-31 30 C-3 C-1'";
  expiry_assertion e;
  e.source_line = number;
  const std::optional<local_date> day = parse_date(tokens[1]);
  if (!day) return "'" + std::string(tokens[1]) + "' is not a date (YYYY-MM-DD)";
  const std::optional<int> days = whole_number(tokens[2], 0);
  if (!days) return "'" + std::string(tokens[2]) + "' is not a number of days";
  e.day = *day;
  e.days = *days;
  if (tokens.size() == 4 && tokens[3] == "-") {
    out.push_back(std::move(e));
    return {};
  }
  for (std::size_t i = 3; i < tokens.size(); ++i) {
    if (tokens[i] == "-") return "'-' stands alone: no contract expires";
    e.contracts.emplace_back(tokens[i]);
  }
  out.push_back(std::move(e));
  return {};
}

// `[line ID] FIELD VALUE ...`, the tail of a `payout` or `pay` directive from `at`: the line, if
// any, then the fields of a line or (without one) of the totals.
std::string parse_person_fields(std::span<const std::string_view> tokens, std::size_t at,
                                std::string_view directive,
                                std::span<const std::string_view> total_fields,
                                std::span<const std::string_view> line_fields, std::string& line_id,
                                std::vector<std::pair<std::string, std::string>>& fields) {
  const std::string what(directive);
  if (at < tokens.size() && tokens[at] == "line") {
    if (at + 1 >= tokens.size()) return "'" + what + " ... line' needs a work line id";
    line_id = std::string(tokens[at + 1]);
    at += 2;
  }
  const std::span<const std::string_view> allowed = line_id.empty() ? total_fields : line_fields;
  if (at >= tokens.size()) return "'" + what + "' needs at least one field and its value";
  for (; at < tokens.size(); at += 2) {
    const std::string field(tokens[at]);
    if (!contains(allowed, field)) {
      std::string names;
      for (std::string_view n : allowed)
        names += (names.empty() ? "" : ", ") + std::string(n);
      return "'" + field + "' is not a " + what + " " + (line_id.empty() ? "total" : "line") +
             " field: " + names;
    }
    if (at + 1 >= tokens.size()) return "'" + field + "' needs a value";
    for (const auto& [seen, value] : fields)
      if (seen == field) return "'" + field + "' is given twice";
    fields.emplace_back(field, std::string(tokens[at + 1]));
  }
  return {};
}

// `payout MONTH [rates LIST] PERFORMER [line ID] FIELD VALUE ...`.
std::string parse_payout(std::span<const std::string_view> tokens, int number,
                         std::vector<payout_assertion>& out) {
  payout_assertion p;
  p.source_line = number;
  std::size_t at = 1;
  if (tokens.size() < 2 || tokens[1].size() != 7 || !parse_date(std::string(tokens[1]) + "-01"))
    return "'payout' needs a month (YYYY-MM): 'payout 2026-03 tula-service payable 4200.00'";
  p.month = std::string(tokens[at++]);
  if (at + 1 < tokens.size() && tokens[at] == "rates") {
    p.rates = std::string(tokens[at + 1]);
    at += 2;
  }
  if (at >= tokens.size()) return "'payout' needs a performer ('-' for none)";
  p.performer = std::string(tokens[at++]);
  if (std::string problem = parse_person_fields(tokens, at, "payout", payout_total_fields,
                                                payout_line_fields, p.line_id, p.fields);
      !problem.empty())
    return problem;
  out.push_back(std::move(p));
  return {};
}

// `pay MONTH [block NAME] EMPLOYEE [line ID] FIELD VALUE ...`.
std::string parse_pay(std::span<const std::string_view> tokens, int number,
                      std::vector<pay_assertion>& out) {
  pay_assertion p;
  p.source_line = number;
  std::size_t at = 1;
  if (tokens.size() < 2 || tokens[1].size() != 7 || !parse_date(std::string(tokens[1]) + "-01"))
    return "'pay' needs a month (YYYY-MM): 'pay 2026-03 ivanov total 3000.00'";
  p.month = std::string(tokens[at++]);
  if (at + 1 < tokens.size() && tokens[at] == "block") {
    p.block = std::string(tokens[at + 1]);
    at += 2;
  }
  if (at >= tokens.size()) return "'pay' needs an employee ('-' for none)";
  p.employee = std::string(tokens[at++]);
  if (std::string problem = parse_person_fields(tokens, at, "pay", pay_total_fields,
                                                pay_line_fields, p.line_id, p.fields);
      !problem.empty())
    return problem;
  out.push_back(std::move(p));
  return {};
}

// --- values of results -------------------------------------------------------------------------

std::string rejection_text(const priced_line& line) {
  return "rejected " + std::string(to_string(*line.rejected)) + " (" + line.message + ")";
}

std::string trace_text(const std::vector<trace_step>& trace) {
  std::string out;
  for (const trace_step& step : trace)
    out += (out.empty() ? "" : "+") + std::string(to_string(step.kind));
  return out.empty() ? std::string("-") : out;
}

std::string line_value(const priced_line& line, std::string_view in, std::string_view field) {
  if (field == "rejected") return line.ok() ? "priced" : std::string(to_string(*line.rejected));
  if (field == "in") return std::string(in);
  // A rejected line keeps its date when it was dated before it failed.
  if (field == "date") return line.date ? format_date(*line.date) : std::string("-");
  if (!line.ok()) return rejection_text(line);
  if (field == "amount") return line.amount.to_string();
  if (field == "cost") return line.cost.to_string();
  if (field == "margin") return line.margin.to_string();
  if (field == "billed") return line.billed.to_string();
  if (field == "measured") return line.measured.to_string();
  if (field == "parts") return std::to_string(line.parts.size());
  if (field == "price_list") return line.price_list;
  if (field == "trace") return trace_text(line.line_trace);
  if (field == "tax") return line.tax.to_string();
  return "?";
}

std::string part_value(const priced_part& part, std::string_view field, const label_namer& labels) {
  if (field == "billed") return part.billed.to_string();
  if (field == "measured") return part.measured.to_string();
  if (field == "list_price") return part.list_price.to_string();
  if (field == "unit_price") return part.unit_price.to_string();
  if (field == "amount") return part.amount.to_string();
  if (field == "cost") return part.cost.to_string();
  if (field == "labels") return labels(part.labels);
  if (field == "date") return format_date(part.date);
  if (field == "allowance") return part.allowance.empty() ? std::string("-") : part.allowance;
  if (field == "covered") return part.covered.to_string();
  if (field == "trace") return trace_text(part.trace);
  return "?";
}

std::string statement_value(const statement& s, std::string_view field) {
  if (field == "revenue") return s.revenue.to_string();
  if (field == "fees_total") return s.fees_total.to_string();
  if (field == "work_total") return s.work_total.to_string();
  if (field == "cost") return s.cost.to_string();
  if (field == "margin") return s.margin.to_string();
  if (field == "margin_percent")
    return s.margin_percent ? s.margin_percent->to_string() : std::string("-");
  if (field == "lines") return std::to_string(s.lines.size());
  if (field == "adjustments") return std::to_string(s.adjustments.size());
  if (field == "rejected") return std::to_string(s.rejected.size());
  if (field == "fees") return std::to_string(s.fees.size());
  if (field == "alerts") return std::to_string(s.alerts.size());
  if (field == "period") return span_text(s.period);
  if (field == "plan") return s.plan;
  if (field == "plans") {  // PLAN:FIRST..LAST, joined by '+'
    std::string out;
    for (const plan_days& d : s.plans)
      out += (out.empty() ? "" : "+") + d.plan + ":" + span_text(d.days);
    return out;
  }
  if (field == "tax") return s.tax.to_string();
  if (field == "total") return s.total.to_string();
  if (field == "tax_exempt") return s.tax_exempt ? "true" : "false";
  if (field == "balance_opening" || field == "received" || field == "drawn" ||
      field == "balance_closing" || field == "owed") {
    if (!s.prepaid) return "no prepaid balance (the plan has no 'prepaid')";
    const prepaid_report& p = *s.prepaid;
    if (field == "balance_opening") return p.opening.to_string();
    if (field == "received") return p.received.to_string();
    if (field == "drawn") return p.drawn.to_string();
    if (field == "balance_closing") return p.closing.to_string();
    return p.owed.to_string();
  }
  return "?";
}

std::string tax_value(const tax_line& t, std::string_view field) {
  if (field == "base") return t.base.to_string();
  if (field == "amount") return t.amount.to_string();
  if (field == "percent") return t.percent.to_string();
  return "?";
}

std::string fee_value(const fee_line& f, std::string_view field) {
  if (field == "amount") return f.amount.to_string();
  if (field == "units") return f.units.to_string();
  if (field == "covers") return span_text(f.covers);
  if (field == "fee_period") return span_text(f.fee_period);
  if (field == "prepaid_units") return f.prepaid_units.to_string();
  if (field == "covered") return f.covered.to_string();
  if (field == "tax") return f.tax.to_string();
  if (field == "billed_before") return f.billed_before ? f.billed_before->to_string() : "-";
  return "?";
}

std::string allowance_value(const allowance_report& a, std::string_view field) {
  if (field == "period") return span_text(a.period);
  if (field == "included") return a.included.to_string();
  if (field == "used_before") return a.used_before.to_string();
  if (field == "used") return a.used.to_string();
  if (field == "remaining") return a.remaining.to_string();
  if (field == "covered") return a.covered_value.to_string();
  return "?";
}

bool is_balance_alert(alert_kind kind) {
  return kind == alert_kind::balance_low || kind == alert_kind::balance_exhausted;
}

std::string alert_text(const alert& a) {
  std::string out = "alert " + std::string(alert_kind_name(a.kind));
  if (a.kind == alert_kind::allowance_threshold)
    out += " " + a.allowance + " " + a.percent.to_string() + " " + a.line;
  if (a.kind == alert_kind::balance_low) out += " " + a.threshold.to_string();
  if (is_balance_alert(a.kind)) out += " " + a.line;
  return out;
}

std::string alert_text(const alert_assertion& a) {
  std::string out = "alert " + std::string(alert_kind_name(a.kind));
  if (a.kind == alert_kind::allowance_threshold)
    out += " " + a.allowance + " " + a.percent + " " + a.line;
  if (a.kind == alert_kind::balance_low) out += " " + a.threshold;
  if (is_balance_alert(a.kind)) out += " " + a.line;
  return out;
}

bool matches(const alert_assertion& expected, const alert& a) {
  if (expected.kind != a.kind) return false;
  if (is_balance_alert(a.kind))
    return expected.line == a.line &&
           (a.kind != alert_kind::balance_low || expected.threshold == a.threshold.to_string());
  if (a.kind != alert_kind::allowance_threshold) return true;
  return expected.allowance == a.allowance && expected.percent == a.percent.to_string() &&
         expected.line == a.line;
}

// A used quantity of the state, written as the allowance's quantities are.
std::string used_text(const decimal& used, bool is_time) {
  return is_time ? item_quantity{used, 1}.to_string() : used.to_string();
}

bool allowance_is_time(const statement& s, const std::string& key, bool otherwise) {
  for (const allowance_report& a : s.allowances)
    if (a.allowance == key) return a.included.is_time();
  return otherwise;
}

// Whether `item` is billed by time, as a priced line of it says; `otherwise` when none does.
bool item_is_time(std::span<const priced_line> lines, const std::string& item, bool otherwise) {
  for (const priced_line& l : lines)
    if (l.ok() && l.item == item) return l.measured.is_time();
  return otherwise;
}

bool item_is_time(const statement& s, const std::string& item, bool otherwise) {
  for (const auto* section : {&s.lines, &s.adjustments})
    for (const priced_line& l : *section)
      if (l.ok() && l.item == item) return l.measured.is_time();
  return otherwise;
}

// Whether the tariff's tax is computed on the statement's total (and shared over its lines).
bool per_statement_tax(const compiled_tariff& tariff) {
  const std::optional<tax_terms> tax = tariff.tax();
  return tax && tax->scope == tax_scope::statement;
}

bool holds(const date_span& period, local_date day) {
  return period.first <= day && day < period.end;
}

// --- lines against assertions ------------------------------------------------------------------

struct line_ref {
  const priced_line* line = nullptr;
  std::string in;  ///< where the statement has it: lines, adjustments, rejected; else empty
};
using line_map = std::map<std::string, line_ref, std::less<>>;

struct asserted_ids {
  std::set<std::string, std::less<>> any;
  std::set<std::string, std::less<>> rejected;
};

// Holds `assertions` against `lines`; `absent` ends the message for an id not among them.
asserted_ids hold_lines(std::span<const assertion> assertions, std::string_view file,
                        const line_map& lines, std::string_view absent, const label_namer& labels,
                        std::vector<std::string>& failures) {
  asserted_ids out;
  for (const assertion& a : assertions) {
    const std::string where = std::string(file) + ":" + std::to_string(a.source_line) + ": ";
    const auto found = lines.find(a.line_id);
    if (found == lines.end()) {
      failures.push_back(where + "line " + a.line_id + " " + std::string(absent));
      continue;
    }
    out.any.insert(a.line_id);
    if (a.field == "rejected") out.rejected.insert(a.line_id);
    const priced_line& line = *found->second.line;
    std::string subject = "line " + a.line_id;
    std::string got;
    if (line.id != a.line_id) {
      got = "the priced line in its place is '" + line.id + "'";
    } else if (a.part == 0) {
      got = line_value(line, found->second.in, a.field);
    } else {
      subject += " part " + std::to_string(a.part);
      if (!line.ok())
        got = rejection_text(line);
      else if (static_cast<std::size_t>(a.part) > line.parts.size())
        got = "no such part (the line has " + std::to_string(line.parts.size()) + ")";
      else
        got = part_value(line.parts[static_cast<std::size_t>(a.part) - 1], a.field, labels);
    }
    if (got != a.expected)
      failures.push_back(where + subject + " " + a.field + ": expected " + a.expected + ", got " +
                         got);
  }
  return out;
}

// Fails `line` unless it is asserted (and, when rejected, asserted as rejected).
void require_asserted(const std::string& prefix, const std::string& id, const priced_line& line,
                      const asserted_ids& asserted, std::vector<std::string>& failures) {
  if (!asserted.any.contains(id))
    failures.push_back(prefix + "line " + id + " has no assertion");
  else if (!line.ok() && !asserted.rejected.contains(id))
    failures.push_back(prefix + "line " + id + " was " + rejection_text(line) +
                       ", and no assertion says 'rejected'");
}

bool waits(const priced_line& line) {
  return line.rejected == reject_reason::after_period;
}

std::string state_text(const billing_state& state, const statement* s) {
  std::string out;
  for (const billing_state::allowance_use& u : state.allowances) {
    const bool is_time = s != nullptr && allowance_is_time(*s, u.allowance, false);
    out += (out.empty() ? "" : "; ") + u.allowance + " " + span_text(u.period) + " " +
           used_text(u.used, is_time);
  }
  for (const billing_state::volume& v : state.volumes) {
    const bool is_time = s != nullptr && item_is_time(*s, v.item, false);
    out += (out.empty() ? "" : "; ") + std::string("volume ") + v.item + " " + span_text(v.period) +
           " " + used_text(v.quantity, is_time);
  }
  return out.empty() ? std::string("(empty)") : out;
}

// The first field in which two priced lines of the same id differ, for a message.
std::string difference(const priced_line& mine, const priced_line& theirs) {
  const auto say = [](std::string what, const std::string& a, const std::string& b) {
    return what + " " + a + " (the statement: " + b + ")";
  };
  const auto status = [](const priced_line& l) {
    return l.ok() ? std::string("priced") : std::string(to_string(*l.rejected));
  };
  if (mine.ok() != theirs.ok() || mine.rejected != theirs.rejected)
    return say("status", status(mine), status(theirs));
  if (!identical(mine.amount, theirs.amount))
    return say("amount", mine.amount.to_string(), theirs.amount.to_string());
  if (!identical(mine.cost, theirs.cost))
    return say("cost", mine.cost.to_string(), theirs.cost.to_string());
  if (mine.parts.size() != theirs.parts.size())
    return say("parts", std::to_string(mine.parts.size()), std::to_string(theirs.parts.size()));
  for (std::size_t i = 0; i < mine.parts.size(); ++i) {
    const priced_part& a = mine.parts[i];
    const priced_part& b = theirs.parts[i];
    const std::string part = "part " + std::to_string(i + 1) + " ";
    if (a.allowance != b.allowance)
      return say(part + "allowance", a.allowance.empty() ? "-" : a.allowance,
                 b.allowance.empty() ? "-" : b.allowance);
    if (a.billed != b.billed)
      return say(part + "billed", a.billed.to_string(), b.billed.to_string());
    if (!identical(a.amount, b.amount))
      return say(part + "amount", a.amount.to_string(), b.amount.to_string());
    if (!identical(a.covered, b.covered))
      return say(part + "covered", a.covered.to_string(), b.covered.to_string());
    if (!identical(a.unit_price, b.unit_price))
      return say(part + "unit_price", a.unit_price.to_string(), b.unit_price.to_string());
    if (a.trace != b.trace) return say(part + "trace", trace_text(a.trace), trace_text(b.trace));
  }
  return "another field";
}

}  // namespace

std::span<const std::string_view> line_fields() {
  return line_field_names;
}
std::span<const std::string_view> part_fields() {
  return part_field_names;
}

// `change CONTRACT status VALUE`, `change CONTRACT end DAY` or `change CONTRACT amendment TEXT`.
std::string parse_change(std::span<const std::string_view> tokens, int number,
                         std::vector<contract_change>& out) {
  if (tokens.size() < 4 ||
      (tokens[2] != "status" && tokens[2] != "end" && tokens[2] != "amendment"))
    return "'change' needs a contract, then status VALUE, end DAY or amendment TEXT: 'change C-1 "
           "status closed'";
  contract_change c;
  c.source_line = number;
  c.contract = std::string(tokens[1]);
  c.field = std::string(tokens[2]);
  // The rest as written: an amendment has spaces.
  c.value = std::string(tokens[3].data(), tokens.back().data() + tokens.back().size());
  if (c.field == "status" && !parse_contract_status(c.value))
    return "'" + c.value + "' is not a contract status (draft, registered, closed)";
  if (c.field == "end" && !parse_date(c.value))
    return "'" + c.value + "' is not a date (YYYY-MM-DD)";
  out.push_back(std::move(c));
  return {};
}

expect_file parse_expect(std::string_view text, std::string_view file) {
  expect_file out;
  std::optional<std::size_t> run;        // the run the directives belong to
  std::vector<contract_change> changes;  // written since the last run: the next run's
  int number = 0;
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    ++number;
    const std::vector<std::string_view> tokens = tokens_of(line);
    if (tokens.empty()) continue;
    const std::string word(tokens[0]);
    const context here = !run                                                   ? context::pricing
                         : out.runs[*run].kind == billing_run::kind_t::estimate ? context::estimate
                                                                                : context::bill;
    std::string problem;
    const auto needs = [&](context wanted) {
      if (here == wanted) return true;
      if (wanted == context::bill)
        problem = "'" + word + "' holds against a statement: write 'bill CONTRACT PERIOD' first";
      else
        problem = "'" + word + "' holds against an estimate: write 'estimate CONTRACT' first";
      return false;
    };
    if (word == "line") {
      problem = parse_line(tokens, number, here, run ? out.runs[*run].lines : out.assertions);
    } else if (word == "bill" || word == "estimate") {
      billing_run r;
      problem = parse_run(tokens, number, r);
      r.changes = std::move(changes);
      changes.clear();
      // A bad header still opens a run, so the directives after it are not read as pricing.
      out.runs.push_back(std::move(r));
      run = out.runs.size() - 1;
    } else if ((word == "opening" || word == "closing") && tokens.size() > 1 &&
               tokens[1] == "balance") {
      if (word == "opening" && !run)
        problem = "'opening' gives the opening state of a run: write 'bill' or 'estimate' first";
      else if (word == "closing" && !needs(context::bill))
        ;
      else if (tokens.size() != 3)
        problem = "'" + word + " balance' needs one amount: '" + word + " balance 15000.00'";
      else if (std::string value = value_problem("amount", tokens[2]); !value.empty())
        problem = value;
      else if (word == "opening")
        out.runs[*run].opening_balance = decimal(tokens[2]);
      else {
        out.runs[*run].closing_balance = std::string(tokens[2]);
        out.runs[*run].closing_balance_line = number;
      }
    } else if (word == "opening") {
      if (!run)
        problem = "'opening' gives the opening state of a run: write 'bill' or 'estimate' first";
      else if (tokens.size() > 1 && tokens[1] == "volume")
        problem = parse_volume_entry(tokens, number, out.runs[*run].opening_volumes);
      else
        problem = parse_state_entry(tokens, number, out.runs[*run].opening);
    } else if (word == "closing") {
      if (needs(context::bill))
        problem = tokens.size() > 1 && tokens[1] == "volume"
                      ? parse_volume_entry(tokens, number, out.runs[*run].closing_volumes)
                      : parse_state_entry(tokens, number, out.runs[*run].closing);
    } else if (word == "statement" || word == "fee" || word == "allowance" || word == "tax") {
      if (needs(context::bill)) problem = parse_figures(tokens, number, out.runs[*run].figures);
    } else if (word == "alert") {
      if (needs(context::bill)) problem = parse_alert(tokens, number, out.runs[*run].alerts);
    } else if (word == "total") {
      if (needs(context::estimate)) problem = parse_figures(tokens, number, out.runs[*run].figures);
    } else if (word == "change") {
      problem = parse_change(tokens, number, changes);
    } else if (word == "expiring") {
      problem = parse_expiring(tokens, number, out.expiring);
    } else if (word == "payout") {
      problem = parse_payout(tokens, number, out.payouts);
    } else if (word == "pay") {
      problem = parse_pay(tokens, number, out.pays);
    } else {
      problem = "unknown directive '" + word + "': expected " + std::string(directives);
    }
    if (!problem.empty())
      out.errors.push_back(std::string(file) + ":" + std::to_string(number) + ": " + problem);
  }
  for (const contract_change& c : changes)
    out.errors.push_back(std::string(file) + ":" + std::to_string(c.source_line) +
                         ": 'change' holds for the runs after it: write 'bill' or 'estimate' "
                         "after it");
  return out;
}

std::vector<std::string> check_expectations(const expect_file& expect, std::string_view file,
                                            std::span<const work_line> work,
                                            std::span<const priced_line> priced,
                                            const label_namer& labels) {
  std::vector<std::string> failures;
  if (priced.size() != work.size()) {
    failures.push_back(std::string(file) + ": " + std::to_string(work.size()) +
                       " work lines were priced as " + std::to_string(priced.size()) + " lines");
    return failures;
  }
  line_map lines;
  for (std::size_t i = 0; i < work.size(); ++i)
    lines.emplace(work[i].id, line_ref{&priced[i], {}});
  const asserted_ids asserted =
      hold_lines(expect.assertions, file, lines, "is not in the work", labels, failures);
  for (std::size_t i = 0; i < work.size(); ++i)
    require_asserted(std::string(file) + ": ", work[i].id, priced[i], asserted, failures);
  return failures;
}

std::vector<std::string> check_statement(const billing_run& run, std::string_view file,
                                         const statement& s, const label_namer& labels) {
  std::vector<std::string> failures;
  const auto where = [&](int line) {
    return std::string(file) + ":" + std::to_string(line) + ": ";
  };
  const std::string run_where = where(run.source_line) + run.header + ": ";

  // Lines, adjustments, rejected lines.
  line_map lines;
  for (const priced_line& l : s.lines)
    lines.emplace(l.id, line_ref{&l, "lines"});
  for (const priced_line& l : s.adjustments)
    lines.emplace(l.id, line_ref{&l, "adjustments"});
  for (const priced_line& l : s.rejected)
    lines.emplace(l.id, line_ref{&l, "rejected"});
  const asserted_ids asserted =
      hold_lines(run.lines, file, lines, "is not in this statement", labels, failures);
  for (const auto* section : {&s.lines, &s.adjustments, &s.rejected})
    for (const priced_line& l : *section)
      if (!waits(l)) require_asserted(run_where, l.id, l, asserted, failures);

  // Figures of the statement, its fees, its tax lines and its allowances.
  std::set<int> fees_asserted;
  std::set<std::string, std::less<>> taxes_asserted;
  for (const figure& f : run.figures) {
    std::string subject = f.subject;
    std::string got;
    if (f.subject == "statement") {
      got = statement_value(s, f.field);
    } else if (f.subject == "fee") {
      subject += " " + std::to_string(f.fee);
      fees_asserted.insert(f.fee);
      if (static_cast<std::size_t>(f.fee) > s.fees.size())
        got = "no such fee (the statement has " + std::to_string(s.fees.size()) + ")";
      else
        got = fee_value(s.fees[static_cast<std::size_t>(f.fee) - 1], f.field);
    } else if (f.subject == "tax") {
      subject += " " + f.allowance;
      taxes_asserted.insert(f.allowance);
      const auto found = std::find_if(s.taxes.begin(), s.taxes.end(),
                                      [&](const tax_line& t) { return t.rate == f.allowance; });
      got = found != s.taxes.end() ? tax_value(*found, f.field)
                                   : "no tax line at this rate in the statement";
    } else if (f.subject == "allowance") {
      subject += " " + f.allowance;
      const auto found =
          std::find_if(s.allowances.begin(), s.allowances.end(),
                       [&](const allowance_report& a) { return a.allowance == f.allowance; });
      if (found != s.allowances.end()) {
        got = allowance_value(*found, f.field);
      } else {
        got = "no such allowance (the plan's:";
        for (const allowance_report& a : s.allowances)
          got += " " + a.allowance;
        got += s.allowances.empty() ? " none)" : ")";
      }
    } else {
      got = "'" + f.subject + "' is not a figure of a statement";
    }
    if (got != f.expected)
      failures.push_back(where(f.source_line) + subject + " " + f.field + ": expected " +
                         f.expected + ", got " + got);
  }
  for (std::size_t i = 0; i < s.fees.size(); ++i)
    if (!fees_asserted.contains(static_cast<int>(i) + 1))
      failures.push_back(run_where + "fee " + std::to_string(i + 1) + " ('" +
                         s.fees[i].description + "' " + s.fees[i].amount.to_string() +
                         ") has no assertion");

  for (const tax_line& t : s.taxes)
    if (!taxes_asserted.contains(t.rate))
      failures.push_back(run_where + "tax " + t.rate + " (" + t.amount.to_string() + " on " +
                         t.base.to_string() + ") has no assertion");
  if (run.closing_balance && *run.closing_balance != s.closing.balance.to_string())
    failures.push_back(where(run.closing_balance_line) + "closing balance: expected " +
                       *run.closing_balance + ", got " + s.closing.balance.to_string());

  // Alerts: each asserted alert is one of the statement's, and each of these is asserted.
  std::vector<bool> matched(s.alerts.size(), false);
  for (const alert_assertion& a : run.alerts) {
    bool found = false;
    for (std::size_t i = 0; i < s.alerts.size() && !found; ++i)
      if (!matched[i] && matches(a, s.alerts[i])) matched[i] = found = true;
    if (!found) {
      std::string have;
      for (const alert& al : s.alerts)
        have += (have.empty() ? "" : "; ") + alert_text(al);
      failures.push_back(
          where(a.source_line) + alert_text(a) +
          ": the statement has no such alert (its alerts: " + (have.empty() ? "none" : have) + ")");
    }
  }
  for (std::size_t i = 0; i < s.alerts.size(); ++i)
    if (!matched[i])
      failures.push_back(run_where + alert_text(s.alerts[i]) + " has no assertion (" +
                         s.alerts[i].message + ")");

  // The closing state, when the run lists any of it: then all of it, allowances and volumes.
  if (!run.closing.empty() || !run.closing_volumes.empty()) {
    std::vector<bool> listed(s.closing.allowances.size(), false);
    for (const state_entry& e : run.closing) {
      std::string got = "no use of it in the closing state";
      for (std::size_t i = 0; i < s.closing.allowances.size(); ++i) {
        const billing_state::allowance_use& u = s.closing.allowances[i];
        if (u.allowance == e.allowance && u.period == e.period) {
          listed[i] = true;
          got = used_text(u.used, allowance_is_time(s, u.allowance, e.is_time));
        }
      }
      if (got != e.quantity)
        failures.push_back(where(e.source_line) + "closing " + e.allowance + " " +
                           span_text(e.period) + ": expected " + e.quantity + ", got " + got);
    }
    for (std::size_t i = 0; i < listed.size(); ++i)
      if (!listed[i]) {
        const billing_state::allowance_use& u = s.closing.allowances[i];
        failures.push_back(run_where + "the closing state has " + u.allowance + " " +
                           span_text(u.period) + " " +
                           used_text(u.used, allowance_is_time(s, u.allowance, false)) +
                           ", which no 'closing' lists");
      }
    // Volumes: each entry names the state's volume of its item whose period holds its day.
    std::vector<int> listed_at(s.closing.volumes.size(), 0);
    for (const volume_entry& e : run.closing_volumes) {
      std::string period = format_date(e.day);
      std::string got = "no volume of it in the closing state";
      for (std::size_t i = 0; i < s.closing.volumes.size(); ++i) {
        const billing_state::volume& v = s.closing.volumes[i];
        if (v.item != e.item || !holds(v.period, e.day)) continue;
        period = span_text(v.period);
        if (listed_at[i] != 0) {
          got = "that period listed twice (first at line " + std::to_string(listed_at[i]) + ")";
          break;
        }
        listed_at[i] = e.source_line;
        got = used_text(v.quantity, item_is_time(s, v.item, e.is_time));
      }
      if (got != e.quantity)
        failures.push_back(where(e.source_line) + "closing volume " + e.item + " " + period +
                           ": expected " + e.quantity + ", got " + got);
    }
    for (std::size_t i = 0; i < listed_at.size(); ++i)
      if (listed_at[i] == 0) {
        const billing_state::volume& v = s.closing.volumes[i];
        failures.push_back(run_where + "the closing state has volume " + v.item + " " +
                           span_text(v.period) + " " +
                           used_text(v.quantity, item_is_time(s, v.item, false)) +
                           ", which no 'closing volume' lists");
      }
  }
  return failures;
}

std::vector<std::string> check_estimate(const billing_run& run, std::string_view file,
                                        std::span<const priced_line> lines,
                                        const label_namer& labels) {
  std::vector<std::string> failures;
  const std::string run_where =
      std::string(file) + ":" + std::to_string(run.source_line) + ": " + run.header + ": ";
  line_map map;
  decimal total;
  for (const priced_line& l : lines) {
    map.emplace(l.id, line_ref{&l, {}});
    if (l.ok()) total += l.amount;
  }
  const asserted_ids asserted =
      hold_lines(run.lines, file, map, "is not in this estimate", labels, failures);
  for (const priced_line& l : lines)
    require_asserted(run_where, l.id, l, asserted, failures);
  for (const figure& f : run.figures)
    if (f.subject == "total" && total.to_string() != f.expected)
      failures.push_back(std::string(file) + ":" + std::to_string(f.source_line) +
                         ": total: expected " + f.expected + ", got " + total.to_string());
  return failures;
}

std::vector<std::string> check_same_as_statement(std::string_view where, const statement& s,
                                                 std::span<const priced_line> one_by_one,
                                                 const billing_state& state) {
  std::vector<std::string> failures;
  const std::string prefix = std::string(where) + "request by request, ";
  std::map<std::string, const priced_line*, std::less<>> mine;
  for (const priced_line& l : one_by_one)
    mine.emplace(l.id, &l);
  std::set<std::string, std::less<>> in_statement;
  for (const auto* section : {&s.lines, &s.adjustments, &s.rejected})
    for (const priced_line& l : *section) {
      if (waits(l)) continue;
      in_statement.insert(l.id);
      const auto found = mine.find(l.id);
      if (found == mine.end())
        failures.push_back(prefix + "line " + l.id + " was not priced");
      else if (!(*found->second == l))
        failures.push_back(prefix + "line " + l.id +
                           " differs from the statement's: " + difference(*found->second, l));
    }
  for (const priced_line& l : one_by_one)
    if (!in_statement.contains(l.id))
      failures.push_back(prefix + "line " + l.id +
                         " was priced, but the statement does not bill it");
  // Only the use: the ledger, revision and balance are bill()'s (docs/design.md, decision 11).
  if (state.allowances != s.closing.allowances || state.volumes != s.closing.volumes)
    failures.push_back(prefix + "the state left is " + state_text(state, &s) +
                       "; the statement's closing state is " + state_text(s.closing, &s));
  return failures;
}

std::vector<std::string> check_payouts(const expect_file& expect, std::string_view file,
                                       const compiled_tariff& tariff,
                                       std::span<const contract> contracts,
                                       std::span<const work_line> work, engine_log* log) {
  std::vector<std::string> failures;
  // The payouts of each (month, rates) asserted, and what of them was asserted.
  std::map<std::pair<std::string, std::string>, std::vector<payout>> computed;
  std::set<std::tuple<std::string, std::string, std::string, std::string>> asserted;
  for (const payout_assertion& a : expect.payouts) {
    const std::string where = std::string(file) + ":" + std::to_string(a.source_line) +
                              ": payout " + a.month + " " + a.performer +
                              (a.line_id.empty() ? "" : " line " + a.line_id) + ": ";
    auto key = std::make_pair(a.month, a.rates);
    auto found = computed.find(key);
    if (found == computed.end()) {
      const local_date first = *parse_date(a.month + "-01");
      const date_span month{first, local_date{date::year_month_day{first} + date::months{1}}};
      try {
        found =
            computed.emplace(key, payouts(tariff, contracts, work, month, {a.rates}).payouts).first;
        if (log) log->paid_out(month, a.rates, found->second);
      } catch (const std::exception& e) {
        failures.push_back(where + e.what());
        continue;
      }
    }
    const std::string performer = a.performer == "-" ? std::string() : a.performer;
    const auto p = std::find_if(found->second.begin(), found->second.end(),
                                [&](const payout& x) { return x.performer == performer; });
    if (p == found->second.end()) {
      failures.push_back(where + "no payout to this performer in the month");
      continue;
    }
    asserted.insert({a.month, a.rates, performer, a.line_id});
    for (const auto& [field, expected] : a.fields) {
      std::string got;
      if (a.line_id.empty()) {
        got = field == "payable"   ? p->payable.to_string()
              : field == "pending" ? p->pending.to_string()
                                   : std::to_string(p->lines.size());
      } else {
        const auto l = std::find_if(p->lines.begin(), p->lines.end(),
                                    [&](const payout_line& x) { return x.id == a.line_id; });
        if (l == p->lines.end()) {
          failures.push_back(where + "the payout has no such line");
          break;
        }
        got = field == "status"     ? std::string(l->payable ? "payable" : "pending")
              : field == "amount"   ? l->amount.to_string()
              : field == "rate"     ? l->rate.to_string()
              : field == "quantity" ? l->quantity.to_string()
              : l->accepted_on      ? format_date(*l->accepted_on)
                                    : std::string("-");
      }
      if (got != expected)
        failures.push_back(where + field + ": expected " + expected + ", got " + got);
    }
  }
  // Every performer and every line of an asserted month is asserted.
  for (const auto& [key, owed] : computed)
    for (const payout& p : owed) {
      const std::string name = p.performer.empty() ? "-" : p.performer;
      if (!asserted.contains({key.first, key.second, p.performer, std::string()}))
        failures.push_back(std::string(file) + ": payout " + key.first + " " + name +
                           ": its totals are not asserted");
      for (const payout_line& l : p.lines)
        if (!asserted.contains({key.first, key.second, p.performer, l.id}))
          failures.push_back(std::string(file) + ": payout " + key.first + " " + name + " line " +
                             l.id + " is not asserted");
    }
  return failures;
}

std::vector<std::string> check_runs(const expect_file& expect, std::string_view file,
                                    const compiled_tariff& tariff,
                                    std::span<const contract> contracts,
                                    std::span<const work_line> work, const label_namer& labels,
                                    std::span<const payment> payments, engine_log* log) {
  std::vector<std::string> failures;
  std::set<std::string, std::less<>> credited;  // payments a statement credited
  const auto where = [&](int line) {
    return std::string(file) + ":" + std::to_string(line) + ": ";
  };
  std::map<std::string, const contract*, std::less<>> contract_by_id;
  for (const contract& c : contracts)
    contract_by_id.emplace(c.id, &c);
  std::map<std::string, billing_state, std::less<>> carried;  // by contract
  std::set<std::string, std::less<>> billed;                  // work lines a statement billed
  std::set<std::string, std::less<>> asserted;                // asserted in a run that has them
  std::set<std::string, std::less<>> in_a_run;  // in a statement (not waiting) or an estimate
  std::map<std::string, contract, std::less<>> changed;  // contracts a `change` directive changed

  for (const billing_run& run : expect.runs) {
    const std::string run_where = where(run.source_line) + run.header + ": ";
    for (const contract_change& c : run.changes) {
      const auto known = contract_by_id.find(c.contract);
      if (known == contract_by_id.end()) {
        failures.push_back(where(c.source_line) + "contract " + c.contract +
                           " is not in contracts.csv");
        continue;
      }
      contract& now = changed.try_emplace(c.contract, *known->second).first->second;
      if (c.field == "status") now.status = *parse_contract_status(c.value);
      if (c.field == "end") now.end = *parse_date(c.value);
      if (c.field == "amendment") {  // read as contracts.csv would read it
        const read_result<contract> read = read_contracts_csv(
            "id,client,start,end,amendments\nX,Y,2026-01-01,2026-12-31,\"" + c.value + "\"\n");
        if (!read.errors.empty()) {
          failures.push_back(where(c.source_line) + format(read.errors.front()));
          continue;
        }
        now.amendments.insert(now.amendments.end(), read.rows[0].amendments.begin(),
                              read.rows[0].amendments.end());
      }
      contract_by_id[c.contract] = &now;
    }
    const auto found = contract_by_id.find(run.contract);
    if (found == contract_by_id.end()) {
      failures.push_back(run_where + "contract " + run.contract + " is not in contracts.csv");
      continue;
    }
    const contract& deal = *found->second;

    // The work: the contract's lines not billed yet, narrowed by `only` or `except`.
    std::vector<work_line> chosen;
    std::set<std::string, std::less<>> waiting;
    for (const work_line& w : work)
      if (w.contract == deal.id && !billed.contains(w.id)) waiting.insert(w.id);
    for (const auto* ids : {&run.only, &run.except})
      for (const std::string& id : *ids)
        if (!waiting.contains(id))
          failures.push_back(run_where + "line " + id + " is not a line of contract " + deal.id +
                             " waiting to be billed");
    for (const work_line& w : work) {
      if (!waiting.contains(w.id)) continue;
      const bool listed = std::find(run.only.begin(), run.only.end(), w.id) != run.only.end();
      const bool left_out =
          std::find(run.except.begin(), run.except.end(), w.id) != run.except.end();
      if ((run.only.empty() || listed) && !left_out) chosen.push_back(w);
    }

    try {
      // The plan's allowances, to check the opening state's keys and quantities.
      const statement bare = bill(tariff, deal, statement_period(tariff, deal, deal.start), {}, {});
      billing_state opening = carried[deal.id];
      if (!run.opening.empty() || !run.opening_volumes.empty()) {
        opening = {};
        for (const state_entry& e : run.opening) {
          const auto a =
              std::find_if(bare.allowances.begin(), bare.allowances.end(),
                           [&](const allowance_report& r) { return r.allowance == e.allowance; });
          if (a == bare.allowances.end()) {
            std::string keys;
            for (const allowance_report& r : bare.allowances)
              keys += " " + r.allowance;
            failures.push_back(
                where(e.source_line) + "opening " + e.allowance + ": plan '" + bare.plan +
                "' has no such allowance (its allowances:" + (keys.empty() ? " none" : keys) + ")");
            continue;
          }
          if (a->included.is_time() != e.is_time) {
            failures.push_back(where(e.source_line) + "opening " + e.allowance + ": '" +
                               e.quantity + "' is a " + (e.is_time ? "duration" : "count") +
                               ", but the allowance includes " + a->included.to_string());
            continue;
          }
          opening.allowances.push_back({e.allowance, e.period, e.used});
        }
        std::sort(opening.allowances.begin(), opening.allowances.end(),
                  [](const auto& x, const auto& y) {
                    return x.allowance != y.allowance ? x.allowance < y.allowance
                                                      : x.period.first < y.period.first;
                  });
        // Volumes, in the contract's statement period that holds each day.
        std::map<std::pair<std::string, local_date>, int> given;
        for (const volume_entry& e : run.opening_volumes) {
          const date_span period = statement_period(tariff, deal, e.day);
          const auto [at, added] = given.try_emplace({e.item, period.first}, e.source_line);
          if (!added) {
            failures.push_back(where(e.source_line) + "opening volume " + e.item + ": " +
                               span_text(period) + " is given twice (first at line " +
                               std::to_string(at->second) + ")");
            continue;
          }
          opening.volumes.push_back({e.item, period, e.value});
        }
        std::sort(opening.volumes.begin(), opening.volumes.end(), [](const auto& x, const auto& y) {
          return x.item != y.item ? x.item < y.item : x.period.first < y.period.first;
        });
      }
      if (run.opening_balance) opening.balance = *run.opening_balance;
      // An opening volume is a duration for an item billed by time, a count otherwise: the
      // priced lines of the item say which.
      const auto check_volume_units = [&](const auto& lines) {
        for (const volume_entry& e : run.opening_volumes) {
          const bool is_time = item_is_time(lines, e.item, e.is_time);
          if (is_time != e.is_time)
            failures.push_back(where(e.source_line) + "opening volume " + e.item + ": '" +
                               e.quantity + "' is a " + (e.is_time ? "duration" : "count") +
                               ", but " + e.item + " is " +
                               (is_time ? "billed by time" : "counted"));
        }
      };

      if (run.kind == billing_run::kind_t::estimate) {
        const std::vector<priced_line> lines = estimate(tariff, deal, opening, chosen);
        if (log) log->estimated(deal, opening, chosen, lines);
        check_volume_units(std::span<const priced_line>(lines));
        for (std::string& failure : check_estimate(run, file, lines, labels))
          failures.push_back(std::move(failure));
        billing_state scratch = opening;
        const std::vector<priced_line> same = price_with_state(tariff, deal, scratch, chosen);
        if (log) log->priced_with_state(deal, opening, chosen, same, scratch);
        if (same != lines)
          failures.push_back(run_where +
                             "the estimate differs from price_with_state on the same state");
        for (const priced_line& l : lines)
          in_a_run.insert(l.id);
        for (const priced_line& l : lines)
          if (std::any_of(run.lines.begin(), run.lines.end(),
                          [&](const assertion& a) { return a.line_id == l.id; }))
            asserted.insert(l.id);
        continue;
      }

      std::vector<payment> owed_to_credit;
      for (const payment& p : payments)
        if (!credited.contains(p.id)) owed_to_credit.push_back(p);
      const date_span period = statement_period(tariff, deal, run.day);
      const statement s = bill(tariff, deal, period, opening, chosen, owed_to_credit);
      if (log) log->billed(deal, run.day, period, opening, chosen, owed_to_credit, s);
      if (s.prepaid)
        for (const payment& p : s.prepaid->payments)
          credited.insert(p.id);
      check_volume_units(s);
      for (std::string& failure : check_statement(run, file, s, labels))
        failures.push_back(std::move(failure));

      // The same work request by request (design decision 9): the lines the statement bills, in
      // work order, each request's consecutive lines in one call, the state passed along.
      std::set<std::string, std::less<>> in_statement;
      for (const auto* section : {&s.lines, &s.adjustments, &s.rejected})
        for (const priced_line& l : *section)
          if (!waits(l)) in_statement.insert(l.id);
      std::vector<work_line> ordered;
      for (const work_line& w : chosen)
        if (in_statement.contains(w.id)) ordered.push_back(w);
      std::stable_sort(ordered.begin(), ordered.end(), [](const work_line& a, const work_line& b) {
        return a.start != b.start ? a.start < b.start : a.id < b.id;
      });
      billing_state state = opening;
      std::vector<priced_line> one_by_one;
      for (std::size_t i = 0; i < ordered.size();) {
        std::size_t j = i + 1;
        while (j < ordered.size() && !ordered[i].request.empty() &&
               ordered[j].request == ordered[i].request)
          ++j;
        const auto request = std::span<const work_line>(ordered).subspan(i, j - i);
        const billing_state before = state;
        std::vector<priced_line> lines = price_with_state(tariff, deal, state, request);
        if (log) log->priced_with_state(deal, before, request, lines, state);
        for (priced_line& l : lines)
          one_by_one.push_back(std::move(l));
        i = j;
      }
      // The balance is drawn by statements, which know the payments; request by request leaves
      // it as it was. A tax per statement is shared over the lines by the statement only.
      state.balance = s.closing.balance;
      statement same = s;
      if (per_statement_tax(tariff))
        for (auto* section : {&same.lines, &same.adjustments})
          for (priced_line& l : *section) {
            const auto mine = std::find_if(one_by_one.begin(), one_by_one.end(),
                                           [&](const priced_line& x) { return x.id == l.id; });
            if (mine != one_by_one.end()) {
              l.tax = mine->tax;
              l.margin = mine->margin;
            }
          }
      for (std::string& failure : check_same_as_statement(run_where, same, one_by_one, state))
        failures.push_back(std::move(failure));

      carried[deal.id] = s.closing;
      for (const std::string& id : in_statement) {
        billed.insert(id);
        in_a_run.insert(id);
        if (std::any_of(run.lines.begin(), run.lines.end(),
                        [&](const assertion& a) { return a.line_id == id; }))
          asserted.insert(id);
      }
    } catch (const std::exception& e) {
      failures.push_back(run_where + e.what());
    }
  }

  for (const expiry_assertion& e : expect.expiring) {
    std::string got;
    const std::vector<contract> found = expiring_contracts(contracts, e.day, e.days);
    if (log) log->expiring(e.day, e.days, found);
    for (const contract& c : found)
      got += (got.empty() ? "" : " ") + c.id;
    std::string expected;
    for (const std::string& id : e.contracts)
      expected += (expected.empty() ? "" : " ") + id;
    if (got.empty()) got = "-";
    if (expected.empty()) expected = "-";
    if (got != expected)
      failures.push_back(where(e.source_line) + "expiring " + format_date(e.day) + " " +
                         std::to_string(e.days) + ": expected " + expected + ", got " + got);
  }

  // Without a pricing section, each work line is asserted in a run that has it; a run already
  // failed each line it has and does not assert.
  if (expect.assertions.empty())
    for (const work_line& w : work)
      if (!asserted.contains(w.id) && !in_a_run.contains(w.id))
        failures.push_back(std::string(file) + ": line " + w.id +
                           " has no assertion: it is in no statement or estimate, and the file "
                           "has no pricing section");
  return failures;
}

std::vector<std::string> check_pays(const expect_file& expect, std::string_view file,
                                    const compiled_tariff& tariff,
                                    std::span<const contract> contracts,
                                    std::span<const work_line> work, engine_log* log) {
  std::vector<std::string> failures;
  // The pay of each (month, block) asserted, and what of it was asserted.
  std::map<std::pair<std::string, std::string>, std::vector<staff_pay>> computed;
  std::set<std::tuple<std::string, std::string, std::string, std::string>> asserted;
  for (const pay_assertion& a : expect.pays) {
    const std::string where = std::string(file) + ":" + std::to_string(a.source_line) + ": pay " +
                              a.month + " " + a.employee +
                              (a.line_id.empty() ? "" : " line " + a.line_id) + ": ";
    const std::pair<std::string, std::string> key{a.month, a.block};
    auto found = computed.find(key);
    if (found == computed.end()) {
      const local_date first = *parse_date(a.month + "-01");
      const date_span month{first, local_date{date::year_month_day{first} + date::months{1}}};
      try {
        found =
            computed.emplace(key, staff_pays(tariff, contracts, work, month, a.block).pays).first;
        if (log) log->paid_staff(month, a.block, found->second);
      } catch (const std::exception& e) {
        failures.push_back(where + e.what());
        continue;
      }
    }
    const std::string employee = a.employee == "-" ? std::string() : a.employee;
    const auto p = std::find_if(found->second.begin(), found->second.end(),
                                [&](const staff_pay& x) { return x.employee == employee; });
    if (p == found->second.end()) {
      failures.push_back(where + "no pay for this employee in the month");
      continue;
    }
    asserted.insert({a.month, a.block, employee, a.line_id});
    for (const auto& [field, expected] : a.fields) {
      std::string got;
      if (a.line_id.empty()) {
        got = field == "total" ? p->total.to_string() : std::to_string(p->lines.size());
      } else {
        const auto l = std::find_if(p->lines.begin(), p->lines.end(),
                                    [&](const staff_pay_line& x) { return x.id == a.line_id; });
        if (l == p->lines.end()) {
          failures.push_back(where + "the employee's pay has no such line");
          break;
        }
        if (field == "pay") got = l->pay.to_string();
        if (field == "rule") got = l->rule.empty() ? "-" : l->rule;
        if (field == "amount") got = l->amount.to_string();
        if (field == "quantity") got = l->quantity.to_string();
      }
      if (got != expected)
        failures.push_back(where + field + ": expected " + expected + ", got " + got);
    }
  }
  for (const auto& [key, pays] : computed)
    for (const staff_pay& p : pays) {
      const std::string name = p.employee.empty() ? "-" : p.employee;
      if (!asserted.contains({key.first, key.second, p.employee, ""}))
        failures.push_back(std::string(file) + ": pay " + key.first + " " + name + ": the total " +
                           p.total.to_string() + " has no assertion");
      for (const staff_pay_line& l : p.lines)
        if (!asserted.contains({key.first, key.second, p.employee, l.id}))
          failures.push_back(std::string(file) + ": pay " + key.first + " " + name + " line " +
                             l.id + " (" + l.pay.to_string() + ") has no assertion");
    }
  return failures;
}

label_namer labels_of(const compiled_tariff& tariff) {
  return [tariff](const segment_labels& labels) {
    std::string out;
    for (const std::string& name : tariff.label_names(labels)) {
      if (!out.empty()) out += '+';
      out += name;
    }
    return out.empty() ? std::string("-") : out;
  };
}

}  // namespace tariff::examples
