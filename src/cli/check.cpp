// tariff check FILE...: every diagnostic of every file, like a compiler's.
#include <algorithm>
#include <cstdlib>
#include <fmt/core.h>
#include <optional>
#include <set>
#include <unistd.h>

#include <tariff/diagnostics.hpp>
#include <tariff/pricing.hpp>

#include "cli/check_formats.hpp"
#include "cli/cli.hpp"
#include "diagnostics/names.hpp"
#include "diagnostics/render.hpp"

namespace tariff::cli {

namespace {

// --color=auto: colour when standard error is a terminal and NO_COLOR (no-color.org) is unset
// or empty; always and never decide alone.
bool use_color(const std::string& choice) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(2) == 1;
}

// The warnings -W turns off: each `-W no-NAME` adds NAME, each `-W NAME` takes it out again, in
// the order given. A name that is no warning's is refused, as a misspelt option is.
std::set<std::string, std::less<>> warnings_off(const std::vector<std::string>& flags) {
  std::set<std::string, std::less<>> off;
  for (const std::string& flag : flags) {
    const bool disable = flag.starts_with("no-");
    const std::string name = disable ? flag.substr(3) : flag;
    const diagnostics::code_info* row = diagnostics::find_code(name);
    if (row == nullptr) throw failure("unknown warning name '" + name + "' in -W " + flag);
    if (row->level != severity::warning)
      throw failure("'" + name + "' is an error, not a warning: -W " + flag +
                    " cannot turn it off");
    if (disable)
      off.insert(name);
    else
      off.erase(name);
  }
  return off;
}

}  // namespace

void add_check_command(CLI::App& app) {
  struct options {
    std::vector<std::string> files;
    bool warnings_are_errors = false;
    bool quiet = false;
    std::string color = "auto";
    std::vector<std::string> warning_flags;
    std::string format = "text";
  };
  auto opts = std::make_shared<options>();
  CLI::App* cmd =
      app.add_subcommand("check", "Check tariffs: errors and warnings with their place");
  cmd->add_option("files", opts->files,
                  "Tariff files; a directory: its .tariff files. Files that say 'effective' are "
                  "the versions of one tariff, checked across versions too")
      ->required();
  cmd->add_flag("--werror", opts->warnings_are_errors, "Fail on warnings too");
  cmd->add_flag("-q,--quiet", opts->quiet, "Print nothing for a clean file");
  cmd->add_option("--color", opts->color,
                  "Colour the diagnostics: auto (a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--format", opts->format,
                  "text (on standard error), json or sarif (SARIF 2.1.0), on standard output")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  cmd->add_option("-W", opts->warning_flags,
                  "no-NAME: do not report warning NAME (docs/language.md, Names); NAME: report it "
                  "again")
      ->take_all()
      ->allow_extra_args(false);
  cmd->callback([opts] {
    const diagnostics::render_options look{
        .color = use_color(opts->color), .with_name = true, .underline = true};
    const std::set<std::string, std::less<>> off = warnings_off(opts->warning_flags);
    const bool as_text = opts->format == "text";
    std::vector<checked_file> checked;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    const std::vector<std::string> files = tariff_version_files(opts->files);
    std::vector<std::string> sources(files.size());
    std::vector<bool> readable(files.size(), false);
    for (std::size_t i = 0; i < files.size(); ++i) {
      try {
        sources[i] = read_file(files[i]);
        readable[i] = true;
      } catch (const failure&) {  // reported below, in its turn
      }
    }
    // Several files of which one says `effective`: the versions of one tariff (docs/design.md,
    // decision 12), whose findings across versions join each file's own once each is clean.
    std::optional<std::vector<diagnostic>> across;
    if (files.size() > 1 && std::all_of(readable.begin(), readable.end(), std::identity())) {
      std::vector<std::string> names;  // kept: the sources are views into them
      for (const std::string& path : files)
        names.push_back(display_name(path));
      std::vector<tariff_source> versions;
      bool dated = false;
      for (std::size_t i = 0; i < files.size(); ++i) {
        versions.push_back({sources[i], names[i]});
        const compile_result alone = compile(sources[i], names[i]);
        dated = dated || (alone.tariff && alone.tariff->versions().front().effective);
      }
      if (dated) across = compile(versions).diagnostics;
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
      const std::string& path = files[i];
      checked_file& file = checked.emplace_back();
      file.file = display_name(path);
      if (!readable[i]) {  // one unreadable file does not stop the others
        try {
          (void)read_file(path);
        } catch (const failure& e) {
          if (as_text) fmt::print(stderr, "tariff: {}\n", e.what());
          file.unreadable = e.what();
        }
        ++errors;
        continue;
      }
      if (across) {
        for (const diagnostic& d : *across)
          if (d.file == file.file) file.diagnostics.push_back(d);
      } else {
        file.diagnostics = check(sources[i], file.file);
      }
      std::erase_if(file.diagnostics, [&](const diagnostic& d) {
        return d.level == severity::warning && off.contains(d.name);
      });
      for (const diagnostic& d : file.diagnostics) {
        (d.level == severity::error ? errors : warnings) += 1;
        if (as_text) fmt::print(stderr, "{}\n", diagnostics::render(d, look));
      }
      if (as_text && file.diagnostics.empty() && !opts->quiet)
        write_output("", fmt::format("{}: ok\n", file.file));
    }
    if (opts->format == "json") write_output("", diagnostics_json(checked));
    if (opts->format == "sarif") write_output("", diagnostics_sarif(checked));
    if (as_text && (errors > 0 || warnings > 0))
      fmt::print(stderr, "tariff: {} error(s), {} warning(s) in {} file(s)\n", errors, warnings,
                 files.size());
    if (errors > 0 || (opts->warnings_are_errors && warnings > 0)) throw failure("");
  });
}

}  // namespace tariff::cli
