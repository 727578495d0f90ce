// tariff diff: the same history priced under the current tariff and a proposed one.
#include <fmt/core.h>
#include <memory>

#include <tariff/compare.hpp>
#include <tariff/compare_io.hpp>

#include "cli/cli.hpp"
#include "cli/progress.hpp"

namespace tariff::cli {

void add_diff_command(CLI::App& app) {
  struct options {
    std::string old_tariff, new_tariff, contracts, work, output;
    std::string format = "text";
    bool lines = false;
    bool no_fees = false;
  };
  auto opts = std::make_shared<options>();
  CLI::App* cmd = app.add_subcommand(
      "diff", "What-if: revenue and margin of a history under the current and a proposed tariff");
  cmd->add_option("--old", opts->old_tariff, "The current tariff")->required();
  cmd->add_option("--new", opts->new_tariff, "The proposed tariff")->required();
  cmd->add_option("-c,--contracts", opts->contracts, "Contracts, CSV or .json")->required();
  cmd->add_option("-w,--work", opts->work, "The history: work lines, CSV or .json")->required();
  cmd->add_flag("--lines", opts->lines, "List each line priced differently, traces side by side");
  cmd->add_flag("--no-fees", opts->no_fees, "Compare work only, without the plans' fees");
  cmd->add_option("-f,--format", opts->format, "text, json or csv (csv: the figures only)")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", opts->output, "Write to this file instead of standard output");
  cmd->callback([opts] {
    const compiled_tariff old_tariff = load_tariff(opts->old_tariff);
    const compiled_tariff new_tariff = load_tariff(opts->new_tariff);
    const std::vector<contract> contracts = load_contracts(opts->contracts);
    const std::vector<work_line> work = load_work(opts->work);
    progress_bar bar("lines priced", 2 * work.size());
    compare_options options;
    options.keep_lines = opts->lines || opts->format == "json";
    options.trace = options.keep_lines;
    options.include_fees = !opts->no_fees;
    options.progress = [&bar](std::size_t done, std::size_t) { bar.update(done); };
    const comparison c = compare(old_tariff, new_tariff, contracts, work, options);
    if (opts->format == "json")
      write_output(opts->output, write_comparison_json(c, old_tariff, new_tariff));
    else if (opts->format == "csv")
      write_output(opts->output, write_comparison_csv(c));
    else
      write_output(opts->output, write_comparison_text(c, old_tariff, new_tariff, opts->lines));
  });
}

}  // namespace tariff::cli
