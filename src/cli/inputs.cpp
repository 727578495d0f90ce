// Reading the tool's inputs: files, the tariff, contracts, work, payments and state; and writing
// its output, to standard output or to a file (cli.hpp).
#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/core.h>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <system_error>

#include <tariff/diagnostics.hpp>
#include <tariff/io.hpp>
#include <tariff/statement_io.hpp>

#include "cli/cli.hpp"
#include "cli/output_file.hpp"

namespace tariff::cli {

namespace {

// What --delimiter gave, empty when not given; one command runs in a process, and each command
// that reads CSV binds its --delimiter here (add_delimiter_option).
std::string delimiter_given;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)

// What --timeout gave, as given (empty: none), and the call's stop condition once started.
std::string timeout_given;         // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)
stop_condition timeout_condition;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)

// A number of seconds ("2", "0.5", "1e-3"), or nothing if `text` is not a finite number whole.
std::optional<double> seconds_of(const std::string& text) {
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || errno != 0 || !std::isfinite(value))
    return std::nullopt;
  return value;
}

// The rows that read, unless some did not: then each of those is printed and nothing is used.
template <class Row>
std::vector<Row> all_rows(read_result<Row> read, const std::string& path) {
  for (const input_error& e : read.errors)
    fmt::print(stderr, "{}: {}\n", path, format(e));
  if (!read.errors.empty())
    throw failure(fmt::format("{}: {} row(s) could not be read; nothing was priced", path,
                              read.errors.size()));
  return std::move(read.rows);
}

// Built from errno at once, before another call changes it; a call that failed without saying
// why still failed.
failure standard_output_failure(int error) {
  return failure("cannot write standard output: " +
                 std::generic_category().message(error != 0 ? error : EIO));
}

}  // namespace

void add_delimiter_option(CLI::App& app) {
  // ',' and ';', or their names: a ';' must be quoted in a shell, and completion offers the
  // names, since its choices are read from the "{a,b}" of the help (command_model.cpp).
  const CLI::Validator delimiter(
      [](std::string& value) -> std::string {
        if (value == "comma") value = ",";
        if (value == "semicolon") value = ";";
        return value == "," || value == ";" ? "" : "expected ',' or ';', not '" + value + "'";
      },
      "{comma,semicolon}");
  for (CLI::App* command : app.get_subcommands({})) {
    if (command->get_option_no_throw("--contracts") == nullptr &&
        command->get_option_no_throw("--work") == nullptr)
      continue;
    command
        ->add_option("--delimiter", delimiter_given,
                     "The CSV inputs' field delimiter, ',' or ';' (comma or semicolon); "
                     "default: ';' when a header has ';' and no ','")
        ->transform(delimiter);
  }
}

void add_timeout_option(CLI::App& app) {
  for (const char* name : {"price", "bill", "estimate", "diff"})
    app.get_subcommand(name)
        ->add_option("--timeout", timeout_given,
                     "Give up after SECONDS (from the start) of compiling the tariffs, pricing "
                     "and billing: exit status 5, no file written")
        ->check(CLI::Validator(
            [](const std::string& value) -> std::string {
              const std::optional<double> seconds = seconds_of(value);
              return seconds && *seconds > 0
                         ? ""
                         : "expected a number of seconds greater than 0, not '" + value + "'";
            },
            ""))
        ->type_name("SECONDS");
}

void start_timeout() {
  if (timeout_given.empty()) return;
  // To the microsecond; a timeout of more than thirty years is one of thirty years.
  const double seconds = std::min(seconds_of(timeout_given).value_or(1e9), 1e9);
  timeout_condition =
      stop_condition::after(std::chrono::microseconds(static_cast<long long>(seconds * 1e6)));
}

const stop_condition& call_stop() {
  return timeout_condition;
}

std::string timed_out_message() {
  return fmt::format(
      "stopped: the --timeout of {} s passed; the files it would write are left as they were",
      timeout_given);
}

csv_options csv_input_options() {
  if (delimiter_given == ",") return {.delimiter = csv_delimiter::comma};
  if (delimiter_given == ";") return {.delimiter = csv_delimiter::semicolon};
  return {};
}

bool is_json_path(const std::string& path) {
  if (path.size() < 5) return false;
  std::string suffix = path.substr(path.size() - 5);
  for (char& c : suffix)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return suffix == ".json";
}

std::string display_name(const std::string& path) {
  return path == "-" ? "<stdin>" : path;
}

void print_diagnostics(const std::vector<diagnostic>& diagnostics) {
  std::string text = format(diagnostics);
  while (!text.empty() && text.back() == '\n')
    text.pop_back();
  fmt::print(stderr, "{}\n", text);
}

std::string read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream text;
    text << std::cin.rdbuf();
    return text.str();
  }
  // A directory opens as a stream that reads nothing: it would pass for an empty file.
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw failure(path + " is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw failure("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw failure("cannot read " + path);
  return text.str();
}

void standard_input_once(const CLI::App& app) {
  // The options and positionals that name files to read; -o and --save-state are written.
  static constexpr std::array<std::string_view, 8> inputs{
      "--tariff", "--contracts", "--work", "--payments", "--state", "--old", "--new", "files"};
  for (const CLI::App* command : app.get_subcommands()) {
    std::vector<std::string> named;
    std::size_t times = 0;
    for (const CLI::Option* option : command->get_options()) {
      const std::string name = option->get_name();
      if (std::find(inputs.begin(), inputs.end(), name) == inputs.end()) continue;
      const auto& given = option->results();
      const auto count = static_cast<std::size_t>(std::count(given.begin(), given.end(), "-"));
      if (count == 0) continue;
      times += count;
      named.push_back(option->nonpositional() ? name : fmt::format("{} of the {}", count, name));
    }
    if (times > 1)
      throw failure(fmt::format("standard input ('-') is named by {}; only one input can come "
                                "from standard input",
                                fmt::join(named, " and ")),
                    2);
  }
}

void flush_standard_output() {
  if (std::fflush(stdout) != 0) throw standard_output_failure(errno);
  // An earlier write may have failed with nothing left to flush; why is no longer known.
  if (std::ferror(stdout)) throw standard_output_failure(EIO);
}

void write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size())
      throw standard_output_failure(errno);
    // Flushed now, not at exit: a caller goes on only once the output is out (bill saves the
    // state after the statement, never for a statement that was lost).
    flush_standard_output();
    return;
  }
  if (const std::error_code e = write_file(path, text))
    throw failure("cannot write " + path + ": " + e.message());
}

compiled_tariff load_tariff(const std::string& path) {
  compile_result compiled = compile(read_file(path), display_name(path), {call_stop()});
  if (!compiled.diagnostics.empty()) print_diagnostics(compiled.diagnostics);
  if (!compiled.tariff) throw failure("");
  return std::move(*compiled.tariff);
}

std::vector<std::string> tariff_version_files(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (path == "-" || !std::filesystem::is_directory(path, error)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (std::filesystem::directory_iterator entry(path, error), end; !error && entry != end;
         entry.increment(error))
      if (entry->is_regular_file(error) && entry->path().extension() == ".tariff")
        found.push_back(entry->path().string());
    if (error) throw failure("cannot read the directory " + path + ": " + error.message());
    if (found.empty()) throw failure(path + " is a directory holding no .tariff file");
    std::sort(found.begin(), found.end());  // the order a listing gives differs between systems
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

compiled_tariff load_tariff(const std::vector<std::string>& paths) {
  const std::vector<std::string> files = tariff_version_files(paths);
  if (files.size() == 1) return load_tariff(files.front());
  std::vector<std::string> texts;  // kept: the sources are views into them
  std::vector<std::string> names;
  texts.reserve(files.size());
  names.reserve(files.size());
  for (const std::string& file : files) {
    texts.push_back(read_file(file));
    names.push_back(display_name(file));
  }
  std::vector<tariff_source> sources;
  for (std::size_t i = 0; i < files.size(); ++i)
    sources.push_back({texts[i], names[i]});
  compile_result compiled = compile(sources, {call_stop()});
  if (!compiled.diagnostics.empty()) print_diagnostics(compiled.diagnostics);
  if (!compiled.tariff) throw failure("");
  return std::move(*compiled.tariff);
}

std::vector<contract> load_contracts(const std::string& path) {
  return load_contract_rows(path).rows;
}

read_result<contract> load_contract_rows(const std::string& path) {
  const std::string text = read_file(path);
  read_result<contract> read = is_json_path(path) ? read_contracts_json(text)
                                                  : read_contracts_csv(text, csv_input_options());
  std::vector<std::size_t> numbers = std::move(read.row_numbers);
  read.rows = all_rows(std::move(read), path);
  read.row_numbers = std::move(numbers);
  return read;
}

std::vector<work_line> load_work(const std::string& path) {
  const std::string text = read_file(path);
  return all_rows(
      is_json_path(path) ? read_work_json(text) : read_work_csv(text, csv_input_options()), path);
}

std::vector<payment> load_payments(const std::string& path) {
  const std::string text = read_file(path);
  return all_rows(
      is_json_path(path) ? read_payments_json(text) : read_payments_csv(text, csv_input_options()),
      path);
}

state_file load_states(const std::string& path) {
  state_file out;
  if (path.empty()) return out;
  std::vector<billing_state> states = all_rows(read_states_json(read_file(path)), path);
  if (states.size() == 1 && states.front().contract.empty()) {
    out.unnamed = std::move(states.front());
    return out;
  }
  for (billing_state& s : states) {
    std::string id = s.contract;
    out.by_contract.emplace(std::move(id), std::move(s));
  }
  return out;
}

billing_state load_state(const std::string& path, const std::string& contract_id) {
  state_file file = load_states(path);
  if (file.unnamed) return std::move(*file.unnamed);
  const auto it = file.by_contract.find(contract_id);
  return it == file.by_contract.end() ? billing_state{} : std::move(it->second);
}

const contract& find_contract(const std::vector<contract>& contracts, const std::string& id) {
  for (const contract& c : contracts)
    if (c.id == id) return c;
  throw failure("no contract '" + id + "' in the contracts given");
}

date_span month_option(const std::string& text) {
  const std::optional<local_date> first =
      text.size() == 7 ? parse_date(text + "-01") : std::nullopt;
  if (!first) throw failure("--period " + text + ": expected YYYY-MM", 2);
  const date::year_month_day ymd{*first};
  return {*first, local_date{ymd + date::months{1}}};
}

}  // namespace tariff::cli
