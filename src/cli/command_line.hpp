// The command line as git and cargo read theirs: bare `tariff` and `tariff help [command]` print
// the help, a misspelt command or option is named with the nearest real one, and every message
// starts "tariff:". Generic over the commands' definitions: a command gets all of it by adding
// its subcommand and options to the app.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace tariff::cli {

/// Adds `help [COMMAND]`: the tool's help, or the command's.
void add_help_command(CLI::App& app);

/// Looks at the command line before it is parsed: prints the help for bare `tariff`, and refuses
/// an unknown command or option (with "did you mean"). Gives the exit status when it has answered
/// (0 help, 2 refused), nothing when the line is for CLI11 to parse. An unknown option is found
/// before any required one is missed: `tariff price --frob` names --frob.
std::optional<int> screen_command_line(const CLI::App& app, int argc, const char* const* argv);

/// For a command with `--format` and `--output`: the format an output file's name gives
/// (`-o out.json` is json, `-o out.csv` csv) when `--format` is not given; a failure (exit status
/// 2) when it is given and the name says otherwise. Run once the command line is parsed.
void output_format_from_name(const CLI::App& app);

/// Prints a CLI11 parse error as "tariff: MESSAGE (see 'tariff help COMMAND')"; gives 2.
int usage_error(const CLI::App& app, const CLI::ParseError& error);

}  // namespace tariff::cli
