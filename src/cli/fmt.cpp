// tariff fmt: tariffs in canonical layout, comments kept (formatter.hpp). A directory stands for
// every .tariff file under it, as gofmt and rustfmt take a tree.
#include <algorithm>
#include <filesystem>
#include <fmt/core.h>
#include <system_error>

#include <tariff/formatter.hpp>

#include "cli/cli.hpp"

namespace tariff::cli {

namespace {

// The files named, each directory replaced by the .tariff files under it, in name order (the
// order a listing gives differs between file systems). A directory that holds none is an error:
// `fmt` would otherwise succeed doing nothing.
std::vector<std::string> tariff_files(const std::vector<std::string>& named) {
  std::vector<std::string> files;
  for (const std::string& path : named) {
    std::error_code error;
    if (path == "-" || !std::filesystem::is_directory(path, error)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    std::filesystem::recursive_directory_iterator entry(path, error), end;
    for (; !error && entry != end; entry.increment(error))
      if (entry->is_regular_file(error) && entry->path().extension() == ".tariff")
        found.push_back(entry->path().string());
    if (error)
      throw failure(fmt::format("cannot read the directory {}: {}", path, error.message()));
    if (found.empty()) throw failure(path + " is a directory holding no .tariff file");
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace

void add_fmt_command(CLI::App& app) {
  struct options {
    std::vector<std::string> files;
    bool check = false;
    bool write = false;
  };
  auto opts = std::make_shared<options>();
  CLI::App* cmd = app.add_subcommand(
      "fmt", "Format tariffs: print the canonical layout, or rewrite the files with --write");
  cmd->add_option("files", opts->files,
                  "Tariff files (- for standard input); a directory: every .tariff file in it")
      ->required();
  cmd->add_flag("--check", opts->check,
                "Change nothing; list the files not in canonical layout and fail if there are any");
  cmd->add_flag("-w,--write", opts->write, "Rewrite the files in place");
  cmd->callback([opts] {
    if (opts->check && opts->write) throw failure("--check and --write exclude each other", 2);
    bool failed = false;
    std::size_t unformatted = 0;
    for (const std::string& path : tariff_files(opts->files)) {
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
