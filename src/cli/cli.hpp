// The `tariff` command-line tool: what its commands share.
#pragma once

#include <CLI/CLI.hpp>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <tariff/billing.hpp>
#include <tariff/cancel.hpp>
#include <tariff/diagnostics.hpp>
#include <tariff/io.hpp>
#include <tariff/model.hpp>
#include <tariff/pricing.hpp>

namespace tariff::cli {

/// A failure the tool has already explained (diagnostics, input errors) or explains with its
/// message; main() prints the message, if any, and exits with `exit_code`.
struct failure : std::runtime_error {
  explicit failure(const std::string& message, int code = 1)
      : std::runtime_error(message), exit_code(code) {}
  int exit_code;
};

/// A file's whole text ("-": standard input); throws failure naming the file if it cannot be
/// read, or is a directory ("DIR is a directory, not a file").
std::string read_file(const std::string& path);

/// Throws failure (exit status 2) when the command given names standard input ("-") for more
/// than one input: the second would read nothing. Run before the command reads any input.
void standard_input_once(const CLI::App& app);

/// Adds `--delimiter ','|';'` to every command that reads contracts or work (and so payments):
/// the CSV inputs are then split by it instead of by what their headers suggest. Run once the
/// commands are added.
void add_delimiter_option(CLI::App& app);
/// The CSV readers' options the command line chose (--delimiter).
csv_options csv_input_options();

/// Adds `--timeout SECONDS` to price, bill, estimate and diff: past it the tariffs' compile, the
/// pricing or the billing stops (exit status 5, docs/cli.md) and no file is written. Run once
/// the commands are added.
void add_timeout_option(CLI::App& app);
/// Starts the --timeout clock, if one was given: run once the command line is parsed.
void start_timeout();
/// The stop condition of the library calls: the --timeout's deadline, or none.
[[nodiscard]] const stop_condition& call_stop();
/// The exit status of a call stopped by --timeout, and what the tool then says.
inline constexpr int timed_out_status = 5;
[[nodiscard]] std::string timed_out_message();

/// Whether the file is read as JSON: its name ends in .json, in any case; otherwise CSV.
bool is_json_path(const std::string& path);

/// The name diagnostics give a file: "<stdin>" for "-".
std::string display_name(const std::string& path);

/// Diagnostics as a compiler prints them, to standard error, without a trailing empty line.
void print_diagnostics(const std::vector<diagnostic>& diagnostics);

/// Writes `text` to `path`, or to standard output when `path` is empty or "-"; throws failure
/// ("cannot write PATH: REASON") unless all of it was written: standard output flushed, a file
/// replaced whole or left as it was (output_file.hpp).
void write_output(const std::string& path, const std::string& text);

/// Flushes standard output; throws failure ("cannot write standard output: REASON") if that, or
/// any write before it, failed.
void flush_standard_output();

/// Compiles the tariff at `path`, printing every diagnostic to standard error; throws failure
/// if it has errors.
compiled_tariff load_tariff(const std::string& path);
/// The versions of one tariff (docs/design.md, decision 12): `--tariff` repeated, or a directory
/// (its .tariff files, not those below). One file compiles as load_tariff(path) does.
compiled_tariff load_tariff(const std::vector<std::string>& paths);
/// The files `paths` name, each directory replaced by its .tariff files in name order.
std::vector<std::string> tariff_version_files(const std::vector<std::string>& paths);

/// Contracts from CSV, or JSON when the file name ends in .json; every bad row is printed to
/// standard error with the file and row, and then failure is thrown: nothing is priced from
/// input that did not read whole.
std::vector<contract> load_contracts(const std::string& path);
/// Contracts as load_contracts reads them, with the row each was read from (row_numbers).
read_result<contract> load_contract_rows(const std::string& path);

/// Work lines, read as load_contracts reads contracts.
std::vector<work_line> load_work(const std::string& path);
/// The month `--period` names (YYYY-MM), as a span of days; a failure (exit 2) for other text.
date_span month_option(const std::string& text);

/// Payments towards prepaid balances, read as load_contracts reads contracts.
std::vector<payment> load_payments(const std::string& path);

/// The billing states of a state file (read_states_json: one state, or many contracts' states).
struct state_file {
  std::map<std::string, billing_state, std::less<>> by_contract;  ///< the states naming a contract
  std::optional<billing_state> unnamed;  ///< a file of one state naming no contract (format 1)
};

/// The states of the file at `path`; an empty path gives none. Bad elements are printed to
/// standard error with the file and row, then failure is thrown.
state_file load_states(const std::string& path);

/// The contract's billing state from the file at `path` (one state naming no contract is taken
/// for any contract); an empty path, or a file without the contract's state, gives the empty state.
billing_state load_state(const std::string& path, const std::string& contract_id);

/// The contract with this id; throws failure if there is none.
const contract& find_contract(const std::vector<contract>& contracts, const std::string& id);

// Each command adds its subcommand to the app.
void add_check_command(CLI::App& app);
void add_price_command(CLI::App& app);
void add_estimate_command(CLI::App& app);
void add_bill_command(CLI::App& app);
void add_verify_command(CLI::App& app);
void add_diff_command(CLI::App& app);
void add_fmt_command(CLI::App& app);
void add_lsp_command(CLI::App& app);
void add_payouts_command(CLI::App& app);
void add_pay_command(CLI::App& app);
void add_completion_command(CLI::App& app);
void add_man_command(CLI::App& app);

}  // namespace tariff::cli
