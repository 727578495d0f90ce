// tariff fmt: tariffs in canonical layout, comments kept (formatter.hpp).
#include <fmt/core.h>

#include <tariff/formatter.hpp>

#include "cli/cli.hpp"

namespace tariff::cli {

void add_fmt_command(CLI::App& app) {
  struct options {
    std::vector<std::string> files;
    bool check = false;
    bool write = false;
  };
  auto opts = std::make_shared<options>();
  CLI::App* cmd = app.add_subcommand(
      "fmt", "Format tariffs: print the canonical layout, or rewrite the files with --write");
  cmd->add_option("files", opts->files, "Tariff files (- for standard input)")->required();
  cmd->add_flag("--check", opts->check,
                "Change nothing; list the files not in canonical layout and fail if there are any");
  cmd->add_flag("-w,--write", opts->write, "Rewrite the files in place");
  cmd->callback([opts] {
    if (opts->check && opts->write) throw failure("--check and --write exclude each other", 2);
    bool failed = false;
    std::size_t unformatted = 0;
    for (const std::string& path : opts->files) {
      const std::string source = read_file(path);
      const format_result f = format_tariff(source, display_name(path));
      if (!f.text) {
        print_diagnostics(f.diagnostics);
        failed = true;
        continue;
      }
      if (opts->check) {
        if (*f.text != source) {
          write_output("", path + "\n");
          ++unformatted;
        }
      } else if (opts->write && path != "-") {
        if (*f.text == source) continue;
        try {
          write_output(path, *f.text);
        } catch (const failure& e) {  // that file is as it was; the others are still done
          fmt::print(stderr, "tariff: {}\n", e.what());
          failed = true;
        }
      } else {
        write_output("", *f.text);
      }
    }
    if (unformatted > 0)
      fmt::print(stderr,
                 "tariff: {} file(s) not in canonical layout; `tariff fmt --write` fixes them\n",
                 unformatted);
    if (failed || unformatted > 0) throw failure("");
  });
}

}  // namespace tariff::cli
