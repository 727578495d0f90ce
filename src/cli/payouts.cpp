// tariff payouts: what each contractor is owed for a month, payable for accepted work only.
#include <fmt/core.h>
#include <memory>

#include <tariff/payouts.hpp>

#include "cli/cli.hpp"
#include "text/visible.hpp"

namespace tariff::cli {

void add_payouts_command(CLI::App& app) {
  struct options {
    std::vector<std::string> tariff;  // the versions of one tariff, or a directory of them
    std::string contracts, work, month, rates, output;
    std::string format = "text";
  };
  auto opts = std::make_shared<options>();
  CLI::App* cmd = app.add_subcommand(
      "payouts", "Contractor payouts for a month: accepted work payable, the rest pending");
  cmd->add_option("-t,--tariff", opts->tariff,
                  "The tariff; repeated, or a directory: the versions of one tariff")
      ->required()
      ->allow_extra_args(false);  // `-t a -t b`: each names one version
  cmd->add_option("-c,--contracts", opts->contracts, "Contracts, CSV or .json")->required();
  cmd->add_option("-w,--work", opts->work, "Work lines with performer and acceptance")->required();
  cmd->add_option("--period", opts->month, "The month, YYYY-MM")->required();
  cmd->add_option("--rates", opts->rates,
                  "The price list of contractor rates; default: each item's cost price");
  cmd->add_option("-f,--format", opts->format, "text, json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", opts->output, "Write to this file instead of standard output");
  cmd->callback([opts] {
    const date_span month = month_option(opts->month);
    const compiled_tariff tariff = load_tariff(opts->tariff);
    const std::vector<contract> contracts = load_contracts(opts->contracts);
    const std::vector<work_line> work = load_work(opts->work);
    const payout_result owed = payouts(tariff, contracts, work, month, {.pricelist = opts->rates});
    for (const priced_line& line : owed.rejected)
      fmt::print(stderr, "tariff: not paid: {}\n", text::visible(line.message));
    write_output(opts->output, opts->format == "json"  ? write_payouts_json(owed, tariff)
                               : opts->format == "csv" ? write_payouts_csv(owed.payouts)
                                                       : write_payouts_text(owed.payouts));
  });
}

}  // namespace tariff::cli
