// tariff pay: what each employee earned for a month under the tariff's `pay` rules.
#include <fmt/core.h>
#include <memory>

#include <tariff/staff_pay.hpp>

#include "cli/cli.hpp"
#include "text/visible.hpp"

namespace tariff::cli {

void add_pay_command(CLI::App& app) {
  struct options {
    std::vector<std::string> tariff;  // the versions of one tariff, or a directory of them
    std::string contracts, work, month, pay, output;
    std::string format = "text";
  };
  auto opts = std::make_shared<options>();
  CLI::App* cmd = app.add_subcommand(
      "pay", "Staff pay for a month: each employee's work paid by the tariff's pay rules");
  cmd->add_option("-t,--tariff", opts->tariff,
                  "The tariff; repeated, or a directory: the versions of one tariff")
      ->required()
      ->allow_extra_args(false);  // `-t a -t b`: each names one version
  cmd->add_option("-c,--contracts", opts->contracts, "Contracts, CSV or .json")->required();
  cmd->add_option("-w,--work", opts->work, "Work lines with their performer, CSV or .json")
      ->required();
  cmd->add_option("--period", opts->month, "The month, YYYY-MM")->required();
  cmd->add_option("--pay", opts->pay, "The tariff's pay block; default: its only one");
  cmd->add_option("-f,--format", opts->format, "text, json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", opts->output, "Write to this file instead of standard output");
  cmd->callback([opts] {
    const date_span month = month_option(opts->month);
    const compiled_tariff tariff = load_tariff(opts->tariff);
    const std::vector<contract> contracts = load_contracts(opts->contracts);
    const std::vector<work_line> work = load_work(opts->work);
    const staff_pay_result earned = staff_pays(tariff, contracts, work, month, opts->pay);
    for (const priced_line& line : earned.rejected)
      fmt::print(stderr, "tariff: not paid: {}\n", text::visible(line.message));
    write_output(opts->output, opts->format == "json"  ? write_staff_pay_json(earned, tariff)
                               : opts->format == "csv" ? write_staff_pay_csv(earned.pays)
                                                       : write_staff_pay_text(earned.pays));
  });
}

}  // namespace tariff::cli
