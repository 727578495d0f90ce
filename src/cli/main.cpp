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
//
// Exit status: 0 done; 1 the tariff or the input has errors (each printed with its place), or an
// output could not be written; 2 the command line is wrong. docs/cli.md describes every command
// and option.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <fmt/core.h>
#include <sstream>
#include <string_view>

#include <tariff/version.hpp>

#include "cli/cli.hpp"
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
  tariff::cli::add_estimate_command(app);
  tariff::cli::add_diff_command(app);
  tariff::cli::add_payouts_command(app);
  tariff::cli::add_pay_command(app);
  tariff::cli::add_fmt_command(app);
  tariff::cli::add_lsp_command(app);
  // Runs after the command line is parsed and before the command's callback reads anything.
  app.parse_complete_callback([&app] { tariff::cli::standard_input_once(app); });
  // CLI11 would call a misspelt command a missing one; name it instead.
  if (argc > 1 && argv[1][0] != '-') {
    const std::string_view command = argv[1];
    const auto subcommands = app.get_subcommands({});
    if (std::none_of(subcommands.begin(), subcommands.end(),
                     [&](const CLI::App* s) { return s->get_name() == command; })) {
      fmt::print(stderr,
                 "tariff: unknown command '{}'; the commands are check, price, bill, "
                 "estimate, diff, payouts, pay, fmt and lsp (tariff --help)\n",
                 tariff::text::visible(command));
      return 2;
    }
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
    app.exit(e);
    return 2;
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
