#include "verify/recorded_inputs.hpp"

#include <optional>
#include <string>

#include <tariff/io.hpp>
#include <tariff/statement_io.hpp>
#include <tariff/verify.hpp>

#include "verify/json_text.hpp"

namespace tariff::verify_stage {

namespace {

using formats::json_value;

[[noreturn]] void refuse(const std::string& statement, const std::string& what) {
  throw verify_input_error(statement + ": inputs: " + what);
}

const json_value& part(const json_value& inputs, std::string_view key,
                       const std::string& statement) {
  const json_value* v = member(inputs, key);
  if (v == nullptr) refuse(statement, "no '" + std::string(key) + "'");
  return *v;
}

// The rows a reader read, or the first error it found, named by part.
template <class Row>
std::vector<Row> rows_of(read_result<Row> read, std::string_view key,
                         const std::string& statement) {
  if (!read.errors.empty())
    refuse(statement, std::string(key) + ": " + format(read.errors.front()));
  return std::move(read.rows);
}

date_span span_of(const json_value& v, const std::string& statement) {
  const std::optional<local_date> first = parse_date(member_text(v, "first"));
  const std::optional<local_date> last = parse_date(member_text(v, "last"));
  if (!first || !last || *last < *first)
    refuse(statement, "period: expected {\"first\": \"YYYY-MM-DD\", \"last\": \"YYYY-MM-DD\"}");
  return {*first, *last + date::days{1}};
}

bill_options options_of(const json_value& v, const std::string& statement) {
  bill_options options;
  const std::string repeat = member_text(v, "on_repeat");
  if (repeat == "error")
    options.on_repeat = repeat_policy::error;
  else if (repeat != "skip")
    refuse(statement, "options.on_repeat: expected \"skip\" or \"error\"");
  try {
    if (const std::string late = member_text(v, "late_work_periods"); !late.empty())
      options.late_work_periods = std::stoi(late);
    if (const std::string days = member_text(v, "expiry_warning_days"); !days.empty())
      options.expiry_warning_days = std::stoi(days);
  } catch (const std::exception&) {
    refuse(statement, "options: late_work_periods and expiry_warning_days are whole numbers");
  }
  const json_value* trace = member(v, "trace");
  options.trace = trace == nullptr || trace->text != "false";
  return options;
}

}  // namespace

owned_statement_inputs read_recorded_inputs(const json_value& inputs,
                                            const std::string& statement) {
  if (inputs.type != json_value::kind::object) refuse(statement, "expected an object");
  if (member_text(inputs, "format") != "1") refuse(statement, "format: this engine reads format 1");
  owned_statement_inputs out;
  std::vector<contract> contracts =
      rows_of(read_contracts_json("[" + json_text(part(inputs, "contract", statement)) + "]"),
              "contract", statement);
  if (contracts.size() != 1) refuse(statement, "contract: expected one contract object");
  out.billed = std::move(contracts.front());
  out.period = span_of(part(inputs, "period", statement), statement);
  read_result<billing_state> opening =
      read_state_json(json_text(part(inputs, "opening", statement)));
  if (opening.rows.size() != 1 || !opening.errors.empty())
    refuse(statement, "opening: " + (opening.errors.empty() ? std::string("not a billing state")
                                                            : format(opening.errors.front())));
  out.opening = std::move(opening.rows.front());
  out.work = rows_of(read_work_json(json_text(part(inputs, "work", statement))), "work", statement);
  out.payments = rows_of(read_payments_json(json_text(part(inputs, "payments", statement))),
                         "payments", statement);
  out.options = options_of(part(inputs, "options", statement), statement);
  return out;
}

}  // namespace tariff::verify_stage
