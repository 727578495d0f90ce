// tariff price: each work line priced on its own; tariff estimate: planned work priced against a
// contract's billing state, which is left as it is.
#include <algorithm>
#include <array>
#include <fmt/core.h>
#include <future>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include <tariff/billing.hpp>
#include <tariff/priced_io.hpp>

#include "cli/cli.hpp"
#include "cli/external_sort.hpp"
#include "cli/output_stream.hpp"
#include "cli/progress.hpp"
#include "cli/work_input.hpp"
#include "cli/worker.hpp"

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

// Each work line's site zone, for the table's part times.
std::vector<std::string> time_zones(std::span<const work_line> work) {
  std::vector<std::string> zones;
  zones.reserve(work.size());
  for (const work_line& w : work)
    zones.push_back(w.time_zone);
  return zones;
}

void write_priced(const priced_output& out, const std::vector<priced_line>& lines,
                  const compiled_tariff& tariff, std::span<const work_line> work) {
  if (out.format == "json")
    write_output(out.output, write_priced_json(lines, tariff));
  else if (out.format == "csv")
    write_output(out.output, write_priced_csv(lines, tariff));
  else
    write_output(
        out.output,
        write_priced_text(lines, tariff, {.explain = out.explain, .time_zones = time_zones(work)}));
}

struct inputs {
  std::vector<std::string> tariff;  // the versions of one tariff, or a directory of them
  std::string contracts;
  std::string work;
};

void add_input_options(CLI::App* cmd, inputs& in) {
  cmd->add_option("-t,--tariff", in.tariff,
                  "The tariff; repeated, or a directory: the versions of one tariff")
      ->required()
      ->allow_extra_args(false);  // `-t a -t b`: each names one version
  cmd->add_option("-c,--contracts", in.contracts, "Contracts, CSV or .json")->required();
  cmd->add_option("-w,--work", in.work, "Work lines, CSV or .json")->required();
}

// Each contract by its id, found once for all the lines (the first of a repeated id, as price()
// takes it).
using contract_index = std::unordered_map<std::string_view, const contract*>;

contract_index index_contracts(const std::vector<contract>& contracts) {
  contract_index out;
  out.reserve(contracts.size());
  for (const contract& c : contracts)
    out.emplace(c.id, &c);
  return out;
}

// Prices `lines` into `priced`, each under the contract it names, found in the index built once
// (the many-contract price_into would build its own map for every block): each run of lines of
// one contract in one call, so that a file grouped by contract keeps the pricer's per-contract
// facts from line to line. (A date-ordered export names another contract on nearly every line.)
void price_block(const compiled_tariff& tariff, const contract_index& contracts,
                 std::span<const work_line> lines, std::vector<priced_line>& priced,
                 std::vector<priced_line>& run, const price_options& options) {
  priced.resize(lines.size());
  for (std::size_t at = 0; at < lines.size();) {
    std::size_t end = at + 1;
    while (end < lines.size() && lines[end].contract == lines[at].contract)
      ++end;
    const auto found = contracts.find(lines[at].contract);
    const auto part = lines.subspan(at, end - at);
    if (found == contracts.end())
      price_into(tariff, std::span<const contract>(), part, run, options);
    else
      price_into(tariff, *found->second, part, run, options);
    for (std::size_t i = 0; i < run.size(); ++i)
      std::swap(priced[at + i], run[i]);
    at = end;
  }
}

// tariff price: the lines are read, priced and written a block at a time, in input order, so
// that an export of any size takes the memory of a block (docs/cli.md, "Large inputs"); the
// table, which sums and aligns every line, holds them all.
void price_stream(const inputs& in, const priced_output& out) {
  const compiled_tariff tariff = load_tariff(in.tariff);
  const std::vector<contract> contracts = load_contracts(in.contracts);
  const contract_index index = index_contracts(contracts);
  work_input work(in.work, sort_memory() / 4);  // the ids' share, as bill and diff give it
  output_stream output(out.output);
  price_options options{out.explain || out.format != "table"};
  options.stop = call_stop();  // --timeout
  const bool table = out.format == "table";
  priced_writer writer(
      out.format == "json" ? priced_writer::format::json : priced_writer::format::csv, tariff);
  // Two blocks in turn: while the worker prices and writes one into its text, this thread
  // reads the next and sends out the text of the one before.
  struct block {
    std::vector<work_line> lines;
    std::vector<std::size_t> rows;
    std::vector<priced_line> priced, run;
    std::string text;
  };
  std::array<block, 2> blocks;
  std::vector<priced_line> all;    // the table's lines
  std::vector<std::string> zones;  // and their sites' zones
  worker pricer;
  std::future<void> pending;
  std::size_t next = 0;
  const auto collect = [&](block& done) {
    pending.get();
    if (table) {
      std::move(done.priced.begin(), done.priced.end(), std::back_inserter(all));
      for (const work_line& w : done.lines)
        zones.push_back(w.time_zone);
    } else {
      output.write(done.text);
    }
  };
  progress_bar bar("bytes of work read", work.size(), progress_bytes);
  while (work.next(blocks[next].lines, blocks[next].rows)) {
    bar.update(work.bytes_read());
    // After a row that did not read the command fails: the rest is read for its errors only.
    if (work.errors() > 0) continue;
    if (pending.valid()) collect(blocks[next ^ 1]);
    block& b = blocks[next];
    pending = pricer.run([&b, &tariff, &index, &writer, &options, table] {
      price_block(tariff, index, b.lines, b.priced, b.run, options);
      b.text.clear();
      if (!table) writer.append(b.text, b.priced);
    });
    next ^= 1;
  }
  if (pending.valid()) {
    if (work.errors() > 0)
      pending.get();  // its text is not written
    else
      collect(blocks[next ^ 1]);
  }
  if (work.errors() > 0)
    throw failure(fmt::format("{}: {} row(s) could not be read; {}", work.path(), work.errors(),
                              output.partly_written()
                                  ? "the output above stops before the first of them"
                                  : "nothing was priced"));
  if (table)
    output.write(write_priced_text(all, tariff, {.explain = out.explain, .time_zones = zones}));
  else
    writer.finish(output.text());
  output.finish();
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
  cmd->callback([opts] { price_stream(opts->in, opts->out); });
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
    price_options options{opts->out.explain || opts->out.format != "table"};
    options.stop = call_stop();  // --timeout
    write_priced(opts->out, estimate(tariff, deal, state, work, options), tariff, work);
  });
}

}  // namespace tariff::cli
