#include "cli/command_line.hpp"

#include <cctype>
#include <filesystem>
#include <fmt/core.h>
#include <string_view>
#include <vector>

#include "cli/cli.hpp"
#include "cli/suggest.hpp"
#include "text/visible.hpp"

namespace tariff::cli {

namespace {

// The commands a user runs, in the order they were added; `help` is how to learn them.
std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands({}))
    if (command->get_name() != "help") names.push_back(command->get_name());
  return names;
}

// "a, b and c".
std::string listed(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " and " : ", ";
    text += names[i];
  }
  return text;
}

const CLI::App* command_of(const CLI::App& app, std::string_view name) {
  for (const CLI::App* command : app.get_subcommands({}))
    if (command->get_name() == name) return command;
  return nullptr;
}

// "tariff help price", or "tariff help" outside a command.
std::string help_for(const CLI::App* command) {
  return command == nullptr ? "tariff help" : "tariff help " + command->get_name();
}

// The options a command takes: its own, and the tool's (--help, --version) through fallthrough.
bool takes_option(const CLI::App& app, const CLI::App* command, const std::string& name) {
  if (command != nullptr && command->get_option_no_throw(name) != nullptr) return true;
  return app.get_option_no_throw(name) != nullptr;
}

std::vector<std::string> long_options(const CLI::App& app, const CLI::App* command) {
  std::vector<std::string> names;
  for (const CLI::App* scope : {command, &app}) {
    if (scope == nullptr) continue;
    for (const CLI::Option* option : scope->get_options())
      for (const std::string& name : option->get_lnames())
        names.push_back("--" + name);
  }
  return names;
}

// The option an argument gives: "--format" of "--format=json", "-f" of "-fjson"; nothing for an
// argument that is no option ("-" is standard input, "-5" a number).
std::optional<std::string> option_in(std::string_view argument) {
  if (argument.size() < 2 || argument.front() != '-') return std::nullopt;
  if (argument[1] == '-') return std::string(argument.substr(0, argument.find('=')));
  if (std::isdigit(static_cast<unsigned char>(argument[1])) != 0) return std::nullopt;
  return std::string(argument.substr(0, 2));
}

// With a near command, that one; otherwise them all.
std::string unknown_command(const CLI::App& app, std::string_view name) {
  const std::vector<std::string> names = command_names(app);
  const std::string guess = did_you_mean(name, names);
  if (!guess.empty())
    return fmt::format("unknown command '{}'{} (tariff help lists them all)", name, guess);
  return fmt::format("unknown command '{}'; the commands are {} (tariff help)", name,
                     listed(names));
}

int refuse(const std::string& message) {
  fmt::print(stderr, "tariff: {}\n", text::visible(message));
  return 2;
}

}  // namespace

void add_help_command(CLI::App& app) {
  auto command = std::make_shared<std::string>();
  CLI::App* help = app.add_subcommand("help", "Print the help of the tool, or of a command");
  help->add_option("command", *command, "The command");
  help->callback([&app, command] {
    if (command->empty()) {
      // Not app.help(): once `help` is parsed, that gives the help of `help`.
      write_output(
          "", app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal));
      return;
    }
    const CLI::App* named = command_of(app, *command);
    if (named == nullptr) throw failure(unknown_command(app, *command), 2);
    write_output("", named->help(app.get_name()));
  });
}

std::optional<int> screen_command_line(const CLI::App& app, int argc, const char* const* argv) {
  if (argc <= 1) {
    write_output("", app.help());
    return 0;
  }
  const CLI::App* command = nullptr;
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (argument == "--") break;  // what follows is not an option, whatever it looks like
    if (const std::optional<std::string> option = option_in(argument)) {
      if (takes_option(app, command, *option)) continue;
      std::string where = command == nullptr ? "" : " for 'tariff " + command->get_name() + "'";
      std::string guess =
          option->starts_with("--") ? did_you_mean(*option, long_options(app, command)) : "";
      return refuse(fmt::format("unknown option '{}'{}{} (see '{}')", *option, where, guess,
                                help_for(command)));
    }
    // The tool's own options are flags: its first other argument is the command.
    if (command == nullptr) {
      command = command_of(app, argument);
      if (command == nullptr) return refuse(unknown_command(app, argument));
    }
  }
  return std::nullopt;
}

void output_format_from_name(const CLI::App& app) {
  for (CLI::App* command : app.get_subcommands()) {
    CLI::Option* format = command->get_option_no_throw("--format");
    const CLI::Option* output = command->get_option_no_throw("--output");
    if (format == nullptr || output == nullptr || output->count() == 0) continue;
    const std::string file = output->as<std::string>();
    const std::string extension = std::filesystem::path(file).extension().string();
    std::string named;  // the format the file's name says
    for (const char c : extension)
      named += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (named != ".json" && named != ".csv") continue;  // a name that says nothing, or text
    named.erase(0, 1);
    if (format->count() == 0) {
      // Validated as if given: the format's choices say whether the command writes it.
      try {
        format->add_result(named);
        format->run_callback();
      } catch (const CLI::ValidationError&) {
        throw failure(fmt::format("-o {} names a {} file, which 'tariff {}' does not write (see "
                                  "'tariff help {}')",
                                  file, named, command->get_name(), command->get_name()),
                      2);
      }
    } else if (const std::string given = format->as<std::string>(); given != named) {
      throw failure(fmt::format("-o {} names a {} file, and --format is {} (see 'tariff help {}')",
                                file, named, given, command->get_name()),
                    2);
    }
  }
}

int usage_error(const CLI::App& app, const CLI::ParseError& error) {
  const std::vector<CLI::App*> parsed = app.get_subcommands();
  return refuse(fmt::format("{} (see '{}')", error.what(),
                            help_for(parsed.empty() ? nullptr : parsed.front())));
}

}  // namespace tariff::cli
