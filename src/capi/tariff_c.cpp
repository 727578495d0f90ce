// The C interface (include/tariff/tariff.h) over the C++ API: text in, text out, statuses for
// errors. Every entry point catches everything, so no exception crosses into a C host.
#include <charconv>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <new>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/billing.hpp>
#include <tariff/io.hpp>
#include <tariff/priced_io.hpp>
#include <tariff/pricing.hpp>
#include <tariff/statement_io.hpp>
#include <tariff/tariff.h>
#include <tariff/verify.hpp>
#include <tariff/version.hpp>

#include "capi/pay_json.hpp"
#include "errors/errors.hpp"
#include "formats/json_reader.hpp"
#include "formats/json_writer.hpp"
#include "text/visible.hpp"

struct tariff_tariff {
  tariff::compiled_tariff compiled;
};

namespace {

// A malloc'ed copy the host frees with tariff_free; throws bad_alloc.
char* copy_out(std::string_view text) {
  auto* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (out == nullptr) throw std::bad_alloc();
  std::memcpy(out, text.data(), text.size());
  out[text.size()] = '\0';
  return out;
}

void set(char** out, std::string_view text) {
  if (out != nullptr) *out = copy_out(text);
}

void clear(char** out) {
  if (out != nullptr) *out = nullptr;
}

// The status of each fault (errors::current_failure sorts the exceptions).
tariff_status status_of(tariff::errors::fault f) {
  switch (f) {
    case tariff::errors::fault::input:
      return TARIFF_INVALID_INPUT;
    case tariff::errors::fault::call:
      return TARIFF_INVALID_ARGUMENT;
    case tariff::errors::fault::cancelled:
      return TARIFF_CANCELLED;
    case tariff::errors::fault::memory:
      return TARIFF_OUT_OF_MEMORY;
    case tariff::errors::fault::defect:
      break;
  }
  return TARIFF_INTERNAL_ERROR;
}

// Runs `body`, turning every exception into a status (and a message where there is room).
template <class Body>
tariff_status guarded(char** errors, Body&& body) noexcept {
  try {
    return body();
  } catch (...) {
    const tariff::errors::failure f = tariff::errors::current_failure();
    if (f.kind != tariff::errors::fault::memory) {
      try {
        set(errors,
            f.kind == tariff::errors::fault::defect ? "internal error: " + f.message : f.message);
      } catch (...) {
        return TARIFF_OUT_OF_MEMORY;
      }
    }
    return status_of(f.kind);
  }
}

void require(const void* p, const char* name) {
  if (p == nullptr) throw tariff::call_error(std::string(name) + " is null");
}

// The C++ condition of a tariff_stop (NULL: none), reading only the fields within stop->size
// (tariff.h: the struct grows at its end). The deadline counts from now, the call's start.
tariff::stop_condition stop_of(const tariff_stop* stop) {
  tariff::stop_condition out;
  if (stop == nullptr) return out;
  if (stop->size < sizeof stop->size)
    throw tariff::call_error("stop->size is " + std::to_string(stop->size) +
                             ": set it to sizeof(tariff_stop)");
  const auto within = [&](std::size_t offset, std::size_t bytes) {
    return stop->size >= offset + bytes;
  };
  if (within(offsetof(tariff_stop, timeout_ms), sizeof stop->timeout_ms) && stop->timeout_ms != 0) {
    // A timeout past a century is none: steady_clock's range would overflow long before.
    constexpr unsigned long long century_ms = 100ULL * 366 * 24 * 3600 * 1000;
    if (stop->timeout_ms < century_ms)
      out.deadline = std::chrono::steady_clock::now() +
                     std::chrono::milliseconds(static_cast<long long>(stop->timeout_ms));
  }
  const volatile int* flag =
      within(offsetof(tariff_stop, flag), sizeof stop->flag) ? stop->flag : nullptr;
  int (*should_stop)(void*) = within(offsetof(tariff_stop, should_stop), sizeof stop->should_stop)
                                  ? stop->should_stop
                                  : nullptr;
  void* user = within(offsetof(tariff_stop, user), sizeof stop->user) ? stop->user : nullptr;
  if (flag != nullptr || should_stop != nullptr)
    out.callback = [flag, should_stop, user] {
      // A relaxed atomic load, what C11's atomic_load_explicit does on an _Atomic int: a host may
      // store to the flag from any thread without a data race.
      return (flag != nullptr && __atomic_load_n(flag, __ATOMIC_RELAXED) != 0) ||
             (should_stop != nullptr && should_stop(user) != 0);
    };
  return out;
}

// Every input error, one per line ("contracts: row 2 (id C-1), column 'end': ...").
template <class Row>
void collect(const tariff::read_result<Row>& read, std::string_view what, std::string& errors) {
  for (const tariff::input_error& e : read.errors)
    errors += std::string(what) + ": " + tariff::format(e) + "\n";
}

const tariff::contract& find_contract(const std::vector<tariff::contract>& contracts,
                                      std::string_view id) {
  for (const tariff::contract& c : contracts)
    if (c.id == id) return c;
  throw tariff::call_error("contract '" + std::string(id) + "' is not among the contracts");
}

tariff::billing_state read_state(const char* json, std::string& errors) {
  if (json == nullptr || *json == '\0') return {};
  const auto read = tariff::read_state_json(json);
  collect(read, "state", errors);
  return read.rows.empty() ? tariff::billing_state{} : read.rows.front();
}

// Contracts, work and (optionally) a state as a call's inputs, with every row that did not read
// (payments are read apart: only tariff_bill_with_payments takes them).
struct inputs {
  std::vector<tariff::contract> contracts;
  std::vector<tariff::work_line> work;
  tariff::billing_state state;
  std::string problems;  ///< one line per bad row; empty when everything read
};

inputs read_inputs(const char* contracts_json, const char* work_json, const char* state_json) {
  inputs in;
  auto contracts = tariff::read_contracts_json(contracts_json);
  auto work = tariff::read_work_json(work_json);
  in.state = read_state(state_json, in.problems);
  collect(contracts, "contracts", in.problems);
  collect(work, "work", in.problems);
  in.contracts = std::move(contracts.rows);
  in.work = std::move(work.rows);
  return in;
}

// Payments (NULL or "": none), with every row that did not read added to `errors`.
std::vector<tariff::payment> read_payments(const char* json, std::string& errors) {
  if (json == nullptr || *json == '\0') return {};
  auto read = tariff::read_payments_json(json);
  collect(read, "payments", errors);
  return std::move(read.rows);
}

// A whole number from a JSON number's text within [least, most], or nullopt.
std::optional<int> whole_number(const tariff::formats::json_value& v, int least, int most) {
  if (v.type != tariff::formats::json_value::kind::number) return std::nullopt;
  int n = 0;
  const char* end = v.text.data() + v.text.size();
  const auto [at, error] = std::from_chars(v.text.data(), end, n);
  if (error != std::errc() || at != end || n < least || n > most) return std::nullopt;
  return n;
}

// The options of tariff_bill_with_options (NULL or "": the defaults): every key that does not
// read adds a line to `errors` ("options: 'trace': expected true or false, not a string").
// `inputs` (not a billing option: it changes what is written) is set by the key "inputs".
tariff::bill_options read_options(const char* json, std::string& errors, bool& inputs) {
  using kind = tariff::formats::json_value::kind;
  tariff::bill_options options;
  if (json == nullptr || *json == '\0') return options;
  const tariff::formats::json_parse_result parsed = tariff::formats::parse_json(json);
  if (!parsed.value) {
    errors += "options: " + parsed.error + "\n";
    return options;
  }
  if (parsed.value->type != kind::object) {
    errors += "options: expected an object {\"on_repeat\": ..., \"late_work_periods\": ...}, not " +
              std::string(tariff::formats::describe(parsed.value->type)) + "\n";
    return options;
  }
  std::set<std::string, std::less<>> seen;
  for (const tariff::formats::json_member& m : parsed.value->members) {
    const std::string key = tariff::text::visible(m.key);
    const tariff::formats::json_value& v = m.value;
    // The value as messages quote it: a string or number's text, else its type.
    const std::string given =
        v.type == kind::string || v.type == kind::number || v.type == kind::boolean
            ? tariff::text::quote(v.text)
            : std::string(tariff::formats::describe(v.type));
    const auto complain = [&](const std::string& message) {
      errors += "options: '" + key + "': " + message + "\n";
    };
    if (!seen.insert(m.key).second) {
      complain("the key appears more than once");
    } else if (v.type == kind::null) {
      // absent: the default
    } else if (m.key == "on_repeat") {
      if (v.type == kind::string && v.text == "skip")
        options.on_repeat = tariff::repeat_policy::skip;
      else if (v.type == kind::string && v.text == "error")
        options.on_repeat = tariff::repeat_policy::error;
      else
        complain("expected \"skip\" or \"error\", not " + given);
    } else if (m.key == "late_work_periods") {
      if (const std::optional<int> n = whole_number(v, 1, 1200))
        options.late_work_periods = *n;
      else
        complain("expected a whole number of statement periods from 1 to 1200, not " + given);
    } else if (m.key == "expiry_warning_days") {
      if (const std::optional<int> n = whole_number(v, 0, 36600))
        options.expiry_warning_days = *n;
      else
        complain("expected a whole number of days from 0 to 36600, not " + given);
    } else if (m.key == "trace") {
      if (v.type == kind::boolean)
        options.trace = v.text == "true";
      else
        complain("expected true or false, not " + given);
    } else if (m.key == "inputs") {
      if (v.type == kind::boolean)
        inputs = v.text == "true";
      else
        complain("expected true or false, not " + given);
    } else {
      complain("unknown key (on_repeat, late_work_periods, expiry_warning_days, trace, inputs)");
    }
  }
  return options;
}

// tariff_bill, tariff_bill_with_payments and tariff_bill_with_options: one statement as JSON.
tariff_status bill_json(const tariff_tariff* tariff, const char* contracts_json,
                        const char* contract_id, const char* day, const char* state_json,
                        const char* work_json, const char* payments_json, const char* options_json,
                        const tariff_stop* stop, char** statement, char** errors) {
  require(tariff, "tariff");
  require(contracts_json, "contracts_json");
  require(contract_id, "contract_id");
  require(day, "day");
  require(work_json, "work_json");
  require(statement, "statement");
  const std::optional<tariff::local_date> on = tariff::parse_date(day);
  if (!on) throw tariff::call_error("'" + std::string(day) + "' is not a date YYYY-MM-DD");
  inputs in = read_inputs(contracts_json, work_json, state_json);
  const std::vector<tariff::payment> payments = read_payments(payments_json, in.problems);
  bool record_inputs = false;
  tariff::bill_options options = read_options(options_json, in.problems, record_inputs);
  options.stop = stop_of(stop);
  if (!in.problems.empty()) {
    set(errors, in.problems);
    return TARIFF_INVALID_INPUT;
  }
  const tariff::contract& deal = find_contract(in.contracts, contract_id);
  const tariff::date_span period = tariff::statement_period(tariff->compiled, deal, *on);
  const tariff::statement s =
      tariff::bill(tariff->compiled, deal, period, in.state, in.work, payments, options);
  if (record_inputs) {
    // What tariff_verify bills again: this contract's work and payments, as bill() took them.
    std::vector<tariff::work_line> own_work;
    for (const tariff::work_line& w : in.work)
      if (w.contract == deal.id) own_work.push_back(w);
    std::vector<tariff::payment> own_payments;
    for (const tariff::payment& p : payments)
      if (p.contract == deal.id) own_payments.push_back(p);
    set(statement, tariff::write_statement_json(s, tariff->compiled,
                                                {.billed = deal,
                                                 .opening = in.state,
                                                 .work = own_work,
                                                 .payments = own_payments,
                                                 .period = period,
                                                 .options = options}));
  } else {
    set(statement, tariff::write_statement_json(s, tariff->compiled));
  }
  return TARIFF_OK;
}

// A period as tariff_payouts and tariff_staff_pay take it: a month, "2026-03", or its first and
// last days, "2026-03-01..2026-03-15".
tariff::date_span read_period(std::string_view text) {
  if (text.size() == 7) {
    if (const std::optional<tariff::local_date> first =
            tariff::parse_date(std::string(text) + "-01")) {
      const date::year_month_day ymd{*first};
      return {*first, tariff::local_date{ymd + date::months{1}}};
    }
  } else if (const std::size_t dots = text.find(".."); dots != std::string_view::npos) {
    const std::optional<tariff::local_date> first = tariff::parse_date(text.substr(0, dots));
    const std::optional<tariff::local_date> last = tariff::parse_date(text.substr(dots + 2));
    if (first && last && *first <= *last) return {*first, *last + date::days{1}};
  }
  throw tariff::call_error("'" + tariff::text::visible(text) +
                           "' is not a period: a month YYYY-MM, or "
                           "YYYY-MM-DD..YYYY-MM-DD from the first day to the last");
}

// tariff_payouts and tariff_staff_pay: contracts and work read, the period checked, then `write`
// (capi/pay_json.hpp) gives the JSON.
template <class Write>
tariff_status pay_call(const tariff_tariff* tariff, const char* contracts_json,
                       const char* work_json, const char* period, char** out, char** errors,
                       Write&& write) {
  require(tariff, "tariff");
  require(contracts_json, "contracts_json");
  require(work_json, "work_json");
  require(period, "period");
  require(out, "result");
  const tariff::date_span span = read_period(period);
  const inputs in = read_inputs(contracts_json, work_json, nullptr);
  if (!in.problems.empty()) {
    set(errors, in.problems);
    return TARIFF_INVALID_INPUT;
  }
  set(out, write(in, span));
  return TARIFF_OK;
}

}  // namespace

extern "C" {

const char* tariff_version(void) {
  return tariff::version;
}

const char* tariff_tzdata_version(void) {
  try {
    static const std::string read_once = tariff::tzdata_version();
    return read_once.c_str();
  } catch (...) {  // the database could not be read: nothing to name
    return "";
  }
}

const char* tariff_status_name(tariff_status status) {
  switch (status) {
    case TARIFF_OK:
      return "TARIFF_OK";
    case TARIFF_INVALID_TARIFF:
      return "TARIFF_INVALID_TARIFF";
    case TARIFF_INVALID_INPUT:
      return "TARIFF_INVALID_INPUT";
    case TARIFF_INVALID_ARGUMENT:
      return "TARIFF_INVALID_ARGUMENT";
    case TARIFF_OUT_OF_MEMORY:
      return "TARIFF_OUT_OF_MEMORY";
    case TARIFF_INTERNAL_ERROR:
      return "TARIFF_INTERNAL_ERROR";
    case TARIFF_CANCELLED:
      return "TARIFF_CANCELLED";
  }
  return "TARIFF_UNKNOWN_STATUS";
}

void tariff_free(char* text) {
  std::free(text);
}

tariff_status tariff_compile(const char* source, size_t size, const char* file,
                             tariff_tariff** tariff, char** diagnostics) {
  return tariff_compile_with_stop(source, size, file, nullptr, tariff, diagnostics);
}

tariff_status tariff_compile_with_stop(const char* source, size_t size, const char* file,
                                       const tariff_stop* stop, tariff_tariff** tariff,
                                       char** diagnostics) {
  clear(diagnostics);
  if (tariff != nullptr) *tariff = nullptr;
  return guarded(diagnostics, [&] {
    require(source, "source");
    require(tariff, "tariff");
    const tariff::compile_options options{stop_of(stop)};
    tariff::compile_result r = tariff::compile(std::string_view(source, size),
                                               file != nullptr ? file : "<input>", options);
    if (!r.diagnostics.empty()) set(diagnostics, tariff::format(r.diagnostics));
    if (!r.tariff) return TARIFF_INVALID_TARIFF;
    *tariff = new tariff_tariff{*std::move(r.tariff)};
    return TARIFF_OK;
  });
}

tariff_status tariff_compile_versions(const char* const* sources, const size_t* sizes,
                                      const char* const* files, size_t count,
                                      tariff_tariff** tariff, char** diagnostics) {
  clear(diagnostics);
  if (tariff != nullptr) *tariff = nullptr;
  return guarded(diagnostics, [&] {
    require(sources, "sources");
    require(sizes, "sizes");
    require(tariff, "tariff");
    std::vector<tariff::tariff_source> versions;
    for (std::size_t i = 0; i < count; ++i) {
      require(sources[i], "sources[i]");
      const char* file = files != nullptr && files[i] != nullptr ? files[i] : "<input>";
      versions.push_back({std::string_view(sources[i], sizes[i]), file});
    }
    tariff::compile_result r = tariff::compile(versions);
    if (!r.diagnostics.empty()) set(diagnostics, tariff::format(r.diagnostics));
    if (!r.tariff) return TARIFF_INVALID_TARIFF;
    *tariff = new tariff_tariff{*std::move(r.tariff)};
    return TARIFF_OK;
  });
}

tariff_status tariff_check_json(const char* source, size_t size, const char* file,
                                char** diagnostics_json) {
  clear(diagnostics_json);
  return guarded(nullptr, [&] {
    require(source, "source");
    require(diagnostics_json, "diagnostics_json");
    std::string out = "[";
    bool first = true;
    for (const tariff::diagnostic& d :
         tariff::check(std::string_view(source, size), file != nullptr ? file : "<input>")) {
      out += first ? "\n  {\"file\": " : ",\n  {\"file\": ";
      first = false;
      tariff::formats::append_json_string(out, d.file);
      out += ", \"line\": " + std::to_string(d.line) + ", \"column\": " + std::to_string(d.column) +
             ", \"severity\": ";
      tariff::formats::append_json_string(out,
                                          d.level == tariff::severity::error ? "error" : "warning");
      out += ", \"message\": ";
      tariff::formats::append_json_string(out, d.message);
      out += "}";
    }
    out += first ? "]\n" : "\n]\n";
    set(diagnostics_json, out);
    return TARIFF_OK;
  });
}

void tariff_release(tariff_tariff* tariff) {
  delete tariff;
}

const char* tariff_source_hash(const tariff_tariff* tariff) {
  return tariff == nullptr ? "" : tariff->compiled.source_hash().c_str();
}

tariff_status tariff_price(const tariff_tariff* tariff, const char* contracts_json,
                           const char* work_json, char** priced, char** errors) {
  return tariff_price_with_stop(tariff, contracts_json, work_json, nullptr, priced, errors);
}

tariff_status tariff_price_with_stop(const tariff_tariff* tariff, const char* contracts_json,
                                     const char* work_json, const tariff_stop* stop, char** priced,
                                     char** errors) {
  clear(priced);
  clear(errors);
  return guarded(errors, [&] {
    require(tariff, "tariff");
    require(contracts_json, "contracts_json");
    require(work_json, "work_json");
    require(priced, "priced");
    const inputs in = read_inputs(contracts_json, work_json, nullptr);
    if (!in.problems.empty()) {
      set(errors, in.problems);
      return TARIFF_INVALID_INPUT;
    }
    tariff::price_options options;
    options.stop = stop_of(stop);
    const auto lines = tariff::price(tariff->compiled, in.contracts, in.work, options);
    set(priced, tariff::write_priced_json(lines, tariff->compiled));
    return TARIFF_OK;
  });
}

tariff_status tariff_bill(const tariff_tariff* tariff, const char* contracts_json,
                          const char* contract_id, const char* day, const char* state_json,
                          const char* work_json, char** statement, char** errors) {
  clear(statement);
  clear(errors);
  return guarded(errors, [&] {
    return bill_json(tariff, contracts_json, contract_id, day, state_json, work_json, nullptr,
                     nullptr, nullptr, statement, errors);
  });
}

tariff_status tariff_bill_with_payments(const tariff_tariff* tariff, const char* contracts_json,
                                        const char* contract_id, const char* day,
                                        const char* state_json, const char* work_json,
                                        const char* payments_json, char** statement,
                                        char** errors) {
  clear(statement);
  clear(errors);
  return guarded(errors, [&] {
    return bill_json(tariff, contracts_json, contract_id, day, state_json, work_json, payments_json,
                     nullptr, nullptr, statement, errors);
  });
}

tariff_status tariff_bill_with_options(const tariff_tariff* tariff, const char* contracts_json,
                                       const char* contract_id, const char* day,
                                       const char* state_json, const char* work_json,
                                       const char* payments_json, const char* options_json,
                                       char** statement, char** errors) {
  clear(statement);
  clear(errors);
  return guarded(errors, [&] {
    return bill_json(tariff, contracts_json, contract_id, day, state_json, work_json, payments_json,
                     options_json, nullptr, statement, errors);
  });
}

tariff_status tariff_bill_with_stop(const tariff_tariff* tariff, const char* contracts_json,
                                    const char* contract_id, const char* day,
                                    const char* state_json, const char* work_json,
                                    const char* payments_json, const char* options_json,
                                    const tariff_stop* stop, char** statement, char** errors) {
  clear(statement);
  clear(errors);
  return guarded(errors, [&] {
    return bill_json(tariff, contracts_json, contract_id, day, state_json, work_json, payments_json,
                     options_json, stop, statement, errors);
  });
}

tariff_status tariff_verify(const char* statement_json, const char* tariff_dir, char** result,
                            char** errors) {
  clear(result);
  clear(errors);
  return guarded(errors, [&] {
    require(statement_json, "statement_json");
    require(tariff_dir, "tariff_dir");
    require(result, "result");
    tariff::verify_result r;
    try {
      r = tariff::verify(statement_json, tariff_dir);
    } catch (const std::filesystem::filesystem_error& e) {
      throw tariff::call_error(std::string(tariff_dir) + ": " + e.code().message());
    }
    set(result, tariff::write_verify_json(r));
    return TARIFF_OK;
  });
}

tariff_status tariff_estimate(const tariff_tariff* tariff, const char* contracts_json,
                              const char* contract_id, const char* state_json,
                              const char* work_json, char** priced, char** errors) {
  return tariff_estimate_with_stop(tariff, contracts_json, contract_id, state_json, work_json,
                                   nullptr, priced, errors);
}

tariff_status tariff_estimate_with_stop(const tariff_tariff* tariff, const char* contracts_json,
                                        const char* contract_id, const char* state_json,
                                        const char* work_json, const tariff_stop* stop,
                                        char** priced, char** errors) {
  clear(priced);
  clear(errors);
  return guarded(errors, [&] {
    require(tariff, "tariff");
    require(contracts_json, "contracts_json");
    require(contract_id, "contract_id");
    require(work_json, "work_json");
    require(priced, "priced");
    const inputs in = read_inputs(contracts_json, work_json, state_json);
    if (!in.problems.empty()) {
      set(errors, in.problems);
      return TARIFF_INVALID_INPUT;
    }
    const tariff::contract& deal = find_contract(in.contracts, contract_id);
    tariff::price_options options;
    options.stop = stop_of(stop);
    const auto lines = tariff::estimate(tariff->compiled, deal, in.state, in.work, options);
    set(priced, tariff::write_priced_json(lines, tariff->compiled));
    return TARIFF_OK;
  });
}

tariff_status tariff_payouts(const tariff_tariff* tariff, const char* contracts_json,
                             const char* work_json, const char* period, const char* rates,
                             char** payouts_json, char** errors) {
  clear(payouts_json);
  clear(errors);
  return guarded(errors, [&] {
    return pay_call(tariff, contracts_json, work_json, period, payouts_json, errors,
                    [&](const inputs& in, tariff::date_span span) {
                      return tariff::capi::payouts_json(tariff->compiled, in.contracts, in.work,
                                                        span, rates != nullptr ? rates : "");
                    });
  });
}

tariff_status tariff_staff_pay(const tariff_tariff* tariff, const char* contracts_json,
                               const char* work_json, const char* period, const char* pay,
                               char** staff_pay_json, char** errors) {
  clear(staff_pay_json);
  clear(errors);
  return guarded(errors, [&] {
    return pay_call(tariff, contracts_json, work_json, period, staff_pay_json, errors,
                    [&](const inputs& in, tariff::date_span span) {
                      return tariff::capi::staff_pay_json(tariff->compiled, in.contracts, in.work,
                                                          span, pay != nullptr ? pay : "");
                    });
  });
}

}  // extern "C"
