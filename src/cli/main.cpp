// tariff: check, price, bill, estimate, compare and format tariffs, and work out payouts and
// staff pay, from the command line.
//
//   tariff check facilities.tariff
//   tariff price    -t facilities.tariff -c contracts.csv -w work.csv --explain
//   tariff bill     -t facilities.tariff -c contracts.csv -w work.csv --period 2026-03
//   tariff estimate -t facilities.tariff -c contracts.csv -w planned.csv --contract C-1
//   tariff diff     --old current.tariff --new proposed.tariff -c contracts.csv -w history.csv
//   tariff payouts  -t facilities.tariff -c contracts.csv -w accepted.csv --period 2026-03
//   tariff pay      -t facilities.tariff -c contracts.csv -w work.csv --period 2026-03
//   tariff fmt -w facilities.tariff
//   tariff lsp                  (a language server for editors, on standard input and output)
//   tariff help [COMMAND]
//   tariff completion bash|zsh|fish
//   tariff man
//
// Exit status: 0 done; 1 the tariff or the input has errors (each printed with its place), or an
// output could not be written; 2 the command line is wrong; diff also 3 (--exit-code: a figure
// changed) and 4 (a contract the new tariff cannot price); 5 --timeout passed. docs/cli.md
// describes every command and option.
#include <cstdio>
#include <exception>
#include <fmt/core.h>
#include <optional>
#include <sstream>

#include <tariff/version.hpp>

#include "cli/cli.hpp"
#include "cli/command_line.hpp"
#include "text/visible.hpp"

namespace {

// Prints the help or version text as the tool prints its results, so that a failure to write it
// is an error (exit status 1) too.
int print_for(const CLI::App& app, const CLI::Error& e) {
  std::ostringstream text;
  const int status = app.exit(e, text, std::cerr);
  try {
    tariff::cli::write_output("", text.str());
  } catch (const tariff::cli::failure& f) {
    fmt::print(stderr, "tariff: {}\n", f.what());
    return f.exit_code;
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"tariff: price service work exactly with a rules-language tariff", "tariff"};
  app.set_version_flag("--version", std::string("tariff ") + tariff::version);
  app.require_subcommand(1);
  app.fallthrough();
  tariff::cli::add_check_command(app);
  tariff::cli::add_price_command(app);
  tariff::cli::add_bill_command(app);
  tariff::cli::add_verify_command(app);
  tariff::cli::add_estimate_command(app);
  tariff::cli::add_diff_command(app);
  tariff::cli::add_payouts_command(app);
  tariff::cli::add_pay_command(app);
  tariff::cli::add_delimiter_option(app);  // the commands above that read CSV
  tariff::cli::add_timeout_option(app);    // price, bill, estimate and diff
  tariff::cli::add_fmt_command(app);
  tariff::cli::add_lsp_command(app);
  tariff::cli::add_help_command(app);
  tariff::cli::add_completion_command(app);
  tariff::cli::add_man_command(app);
  app.footer("'tariff help COMMAND' prints a command's options; docs/cli.md describes them all.");
  // Runs after the command line is parsed and before the command's callback reads anything.
  app.parse_complete_callback([&app] {
    tariff::cli::standard_input_once(app);
    tariff::cli::output_format_from_name(app);
    tariff::cli::start_timeout();
  });
  // A misspelt command or option is named before CLI11 would miss a required option instead.
  try {
    if (const std::optional<int> answered = tariff::cli::screen_command_line(app, argc, argv))
      return *answered;
  } catch (const tariff::cli::failure& f) {  // the help could not be written
    fmt::print(stderr, "tariff: {}\n", f.what());
    return f.exit_code;
  }
  try {
    app.parse(argc, argv);
    // What a command printed may still sit in standard output's buffer: a write error (a full
    // disk) shows only when it is flushed, and must not end in status 0.
    tariff::cli::flush_standard_output();
  } catch (const CLI::CallForHelp& e) {
    return print_for(app, e);
  } catch (const CLI::CallForAllHelp& e) {
    return print_for(app, e);
  } catch (const CLI::CallForVersion& e) {
    return print_for(app, e);
  } catch (const CLI::ParseError& e) {
    return tariff::cli::usage_error(app, e);
  } catch (const tariff::cancelled&) {  // how far it got is a block's count: not told
    fmt::print(stderr, "tariff: {}\n", tariff::cli::timed_out_message());
    return tariff::cli::timed_out_status;
  } catch (const tariff::cli::failure& e) {
    // Messages may quote names from the input: a line break or an escape sequence in one is
    // shown visibly, never sent to the terminal.
    if (*e.what() != '\0') fmt::print(stderr, "tariff: {}\n", tariff::text::visible(e.what()));
    return e.exit_code;
  } catch (const std::exception& e) {
    fmt::print(stderr, "tariff: {}\n", tariff::text::visible(e.what()));
    return 1;
  }
  return 0;
}
