// The tool's commands and options as data, read from the CLI11 definitions the commands add: what
// shell completion and the man page are generated from, so that neither can drift from the
// options the tool really takes.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace tariff::cli {

/// One option or positional of a command.
struct option_model {
  std::vector<std::string> names;  ///< "-f", "--format"; empty for a positional
  std::string positional;          ///< a positional's name ("files"); else empty
  std::string description;
  bool takes_value = false;          ///< false: a flag
  std::vector<std::string> choices;  ///< the values it accepts, when they are a fixed set
};

/// One command: its name, what it does and its options, --help first.
struct command_model {
  std::string name;
  std::string description;
  std::vector<option_model> options;
};

/// The app's own options (--help, --version) and its commands, in the order they were added.
struct tool_model {
  std::string description;
  std::vector<option_model> options;
  std::vector<command_model> commands;
};

tool_model model_of(const CLI::App& app);

}  // namespace tariff::cli
