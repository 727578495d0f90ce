// tariff verify: a past statement billed again from the inputs it records, under the tariff
// archived with its hash; "identical" or what differs (docs/cli.md, "tariff verify").
#include <filesystem>
#include <memory>

#include <tariff/verify.hpp>

#include "cli/cli.hpp"

namespace tariff::cli {

namespace {

// The exit statuses of docs/cli.md: 3 as `diff --exit-code` for changed figures, 4 for a
// statement the archive cannot check.
constexpr int figures_differ = 3;
constexpr int tariff_not_archived = 4;

}  // namespace

void add_verify_command(CLI::App& app) {
  struct options {
    std::string statement;
    std::string tariff_dir;
  };
  auto opts = std::make_shared<options>();
  CLI::App* cmd = app.add_subcommand(
      "verify",
      "Bill a statement again from its recorded inputs under its archived tariff; compare figures");
  cmd->add_option("statement", opts->statement,
                  "A statement written by 'tariff bill -f json' (- for standard input)")
      ->required();
  cmd->add_option("--tariff-dir", opts->tariff_dir,
                  "The archive: a folder whose .tariff files (subfolders too) are found by hash")
      ->required();
  cmd->callback([opts] {
    const std::string text = read_file(opts->statement);
    verify_result r;
    try {
      r = verify(text, opts->tariff_dir);
    } catch (const verify_input_error& e) {
      throw failure(display_name(opts->statement) + ": " + e.what());
    } catch (const std::filesystem::filesystem_error& e) {
      throw failure(opts->tariff_dir + ": " + e.code().message());
    }
    write_output("", write_verify_text(r));
    if (!r.missing_hashes.empty()) throw failure("", tariff_not_archived);
    if (!r.identical) throw failure("", figures_differ);
  });
}

}  // namespace tariff::cli
