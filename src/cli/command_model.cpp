#include "cli/command_model.hpp"

namespace tariff::cli {

namespace {

// CLI11 names an option's accepted values only in its type text: "TEXT:{table,json,csv}".
std::vector<std::string> choices_of(const CLI::Option& option) {
  const std::string type = option.get_type_name();
  const std::size_t open = type.find('{');
  const std::size_t close = type.find('}', open);
  std::vector<std::string> choices;
  if (open == std::string::npos || close == std::string::npos) return choices;
  std::string choice;
  for (std::size_t i = open + 1; i <= close; ++i) {
    if (type[i] == ',' || type[i] == '}') {
      if (!choice.empty()) choices.push_back(choice);
      choice.clear();
    } else {
      choice += type[i];
    }
  }
  return choices;
}

std::vector<option_model> options_of(const CLI::App& scope) {
  std::vector<option_model> options;
  for (const CLI::Option* option : scope.get_options()) {
    option_model o;
    for (const std::string& name : option->get_snames())
      o.names.push_back("-" + name);
    for (const std::string& name : option->get_lnames())
      o.names.push_back("--" + name);
    if (o.names.empty()) o.positional = option->get_name();
    o.description = option->get_description();
    o.takes_value = option->get_expected_max() > 0;
    o.choices = choices_of(*option);
    options.push_back(std::move(o));
  }
  return options;
}

}  // namespace

tool_model model_of(const CLI::App& app) {
  tool_model tool{app.get_description(), options_of(app), {}};
  for (const CLI::App* command : app.get_subcommands({}))
    tool.commands.push_back(
        {command->get_name(), command->get_description(), options_of(*command)});
  return tool;
}

}  // namespace tariff::cli
