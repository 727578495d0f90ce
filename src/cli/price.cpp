// tariff price: each work line priced on its own; tariff estimate: planned work priced against a
// contract's billing state, which is left as it is.
#include <algorithm>
#include <fmt/core.h>

#include <tariff/billing.hpp>
#include <tariff/priced_io.hpp>

#include "cli/cli.hpp"
#include "cli/progress.hpp"

namespace tariff::cli {

namespace {

struct priced_output {
  std::string format = "table";
  std::string output;
  bool explain = false;
};

void add_output_options(CLI::App* cmd, priced_output& out) {
  cmd->add_option("-f,--format", out.format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  cmd->add_flag("--explain", out.explain,
                "Show each price's trace in the table (json and csv always carry it)");
  cmd->add_option("-o,--output", out.output, "Write to this file instead of standard output");
}

void write_priced(const priced_output& out, const std::vector<priced_line>& lines,
                  const compiled_tariff& tariff) {
  if (out.format == "json")
    write_output(out.output, write_priced_json(lines, tariff));
  else if (out.format == "csv")
    write_output(out.output, write_priced_csv(lines, tariff));
  else
    write_output(out.output, write_priced_text(lines, tariff, out.explain));
}

struct inputs {
  std::string tariff;
  std::string contracts;
  std::string work;
};

void add_input_options(CLI::App* cmd, inputs& in) {
  cmd->add_option("-t,--tariff", in.tariff, "The tariff")->required();
  cmd->add_option("-c,--contracts", in.contracts, "Contracts, CSV or .json")->required();
  cmd->add_option("-w,--work", in.work, "Work lines, CSV or .json")->required();
}

}  // namespace

void add_price_command(CLI::App& app) {
  struct options {
    inputs in;
    priced_output out;
  };
  auto opts = std::make_shared<options>();
  CLI::App* cmd = app.add_subcommand("price", "Price work lines, each on its own");
  add_input_options(cmd, opts->in);
  add_output_options(cmd, opts->out);
  cmd->callback([opts] {
    const compiled_tariff tariff = load_tariff(opts->in.tariff);
    const std::vector<contract> contracts = load_contracts(opts->in.contracts);
    const std::vector<work_line> work = load_work(opts->in.work);
    // Lines are priced independently, so pricing them block by block gives the same results
    // while the bar moves.
    const price_options options{opts->out.explain || opts->out.format != "table"};
    std::vector<priced_line> priced;
    priced.reserve(work.size());
    progress_bar bar("lines", work.size());
    constexpr std::size_t block = 16384;
    for (std::size_t at = 0; at < work.size(); at += block) {
      const std::span<const work_line> part(work.data() + at, std::min(block, work.size() - at));
      std::vector<priced_line> done = price(tariff, contracts, part, options);
      std::move(done.begin(), done.end(), std::back_inserter(priced));
      bar.update(priced.size());
    }
    write_priced(opts->out, priced, tariff);
  });
}

void add_estimate_command(CLI::App& app) {
  struct options {
    inputs in;
    std::string contract;
    std::string state;
    priced_output out;
  };
  auto opts = std::make_shared<options>();
  CLI::App* cmd = app.add_subcommand(
      "estimate", "Price planned work for a contract against its state, leaving the state as is");
  add_input_options(cmd, opts->in);
  cmd->add_option("--contract", opts->contract, "The contract")->required();
  cmd->add_option("-s,--state", opts->state,
                  "The billing state (JSON; one state, or many contracts' states); default empty");
  add_output_options(cmd, opts->out);
  cmd->callback([opts] {
    const compiled_tariff tariff = load_tariff(opts->in.tariff);
    const std::vector<contract> contracts = load_contracts(opts->in.contracts);
    const contract& deal = find_contract(contracts, opts->contract);
    const std::vector<work_line> work = load_work(opts->in.work);
    const billing_state state = load_state(opts->state, opts->contract);
    const price_options options{opts->out.explain || opts->out.format != "table"};
    write_priced(opts->out, estimate(tariff, deal, state, work, options), tariff);
  });
}

}  // namespace tariff::cli
