// tariff bill: a statement per contract for one period: fees, work with allowances, taxes, a
// prepaid balance topped up by payments, totals, alerts and the closing state.
#include <algorithm>
#include <cstdint>
#include <fmt/core.h>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <tariff/billing.hpp>
#include <tariff/portfolio.hpp>
#include <tariff/statement_io.hpp>

#include "cli/cli.hpp"
#include "cli/external_sort.hpp"
#include "cli/output_stream.hpp"
#include "cli/progress.hpp"
#include "cli/sort_keys.hpp"
#include "cli/work_input.hpp"
#include "cli/work_record.hpp"
#include "queries/queries.hpp"
#include "text/visible.hpp"

namespace tariff::cli {

namespace {

// "2026-03" is the first of March; "2026-03-16" that day.
local_date day_of(const std::string& period) {
  const std::optional<local_date> day = parse_date(period.size() == 7 ? period + "-01" : period);
  if (!day) throw failure("--period " + period + ": expected YYYY-MM or YYYY-MM-DD", 2);
  return *day;
}

// The day whose statement period is billed: --period, else the local date of the earliest line.
local_date billing_day(const std::string& period, std::optional<instant> earliest,
                       const compiled_tariff& tariff) {
  if (!period.empty()) return day_of(period);
  if (!earliest) throw failure("no work lines to date the statement by; give --period", 2);
  return local_date_of(*earliest, tariff.time_zone());
}

// The contracts to bill: those named, else every contract with a plan of the tariff.
std::vector<contract> contracts_to_bill(const std::vector<contract>& contracts,
                                        const std::vector<std::string>& ids,
                                        const compiled_tariff& tariff) {
  const std::vector<std::string> plans = tariff.plans();
  const auto has_plan = [&](const contract& c) {
    return std::find(plans.begin(), plans.end(), c.plan) != plans.end();
  };
  std::vector<contract> out;
  std::set<std::string, std::less<>> named;
  for (const std::string& id : ids) {
    if (!named.insert(id).second) continue;  // named twice, billed once
    const contract& c = find_contract(contracts, id);
    if (!has_plan(c))
      throw failure("contract '" + id + "' has plan '" + c.plan +
                    "', which the tariff does not have");
    out.push_back(c);
  }
  if (!ids.empty()) return out;
  for (const contract& c : contracts) {
    if (has_plan(c))
      out.push_back(c);
    else
      fmt::print(stderr,
                 "tariff: contract '{}' has {}, which the tariff does not have; not billed\n",
                 text::visible(c.id),
                 c.plan.empty() ? std::string("no plan") : "plan " + text::quote(c.plan));
  }
  if (out.empty())
    throw failure("no contract to bill: none has a plan of tariff '" + tariff.name() + "'");
  return out;
}

// Work that names none of the contracts is priced by no statement: say so rather than drop it.
void report_orphans(std::size_t orphans) {
  if (orphans > 0)
    fmt::print(stderr, "tariff: {} work line(s) name no contract given; not billed\n", orphans);
}

// Payments that name none of the contracts top up no balance: say so rather than drop them.
void report_orphan_payments(const std::vector<payment>& payments,
                            const std::vector<contract>& contracts) {
  std::set<std::string, std::less<>> known;
  for (const contract& c : contracts)
    known.insert(c.id);
  std::size_t orphans = 0;
  for (const payment& p : payments)
    if (!known.contains(p.contract)) ++orphans;
  if (orphans > 0)
    fmt::print(stderr, "tariff: {} payment(s) name no contract given; not credited\n", orphans);
}

// Whether the contract's plan keeps a prepaid balance. bill() refuses a statement given payments
// it has no balance for; a payments file may hold them for any contract, so the tool names them
// and leaves them out instead.
bool takes_payments(const compiled_tariff& tariff, const contract& c) {
  return queries::keeps_prepaid_balance(tariff, c.plan);
}

// A contract's payments that its statement did not credit: those dated after the period, which
// wait for their own statement (those credited before are the statement's already_credited).
void report_uncredited(const statement& s, std::size_t payments) {
  if (!s.prepaid) return;
  const std::size_t credited = s.prepaid->payments.size() + s.already_credited.size();
  const std::size_t later = payments > credited ? payments - credited : 0;
  if (later > 0)
    fmt::print(stderr,
               "tariff: contract '{}': {} payment(s) dated after the period; not credited, they "
               "wait for their own statement\n",
               text::visible(s.contract), later);
}

// Contracts whose data the tariff refuses before any statement (a prepaid span naming a fee the
// plan lacks): each printed with its row, then nothing is billed, as for a row that did not read.
void check_contracts(const read_result<contract>& read, const std::vector<contract>& billed,
                     const compiled_tariff& tariff, const std::string& path) {
  std::set<std::string, std::less<>> billing;
  for (const contract& c : billed)
    billing.insert(c.id);
  std::size_t bad = 0;
  for (std::size_t i = 0; i < read.rows.size(); ++i) {
    if (!billing.contains(read.rows[i].id)) continue;
    std::vector<input_error> problems = contract_problems(tariff, read.rows[i]);
    for (input_error& e : problems) {
      e.row = read.row_numbers[i];
      fmt::print(stderr, "{}: {}\n", path, format(e));
    }
    bad += problems.empty() ? 0 : 1;
  }
  if (bad > 0)
    throw failure(
        fmt::format("{}: {} contract(s) cannot be billed under tariff '{}'; nothing was "
                    "billed",
                    path, bad, tariff.name()));
}

// The state of a contract billed for the first time.
const billing_state& empty_state() {
  static const billing_state none;
  return none;
}

// Which contract's state records each billed line id, over every state of the file.
std::map<std::string, std::string, std::less<>> billed_by(const state_file& states) {
  std::map<std::string, std::string, std::less<>> out;
  for (const auto& [id, state] : states.by_contract)
    for (const billing_state::billed_line& line : state.lines)
      out.emplace(line.id, id);
  return out;
}

// Work lines of `deal` that another contract's state in the file records as billed, and its own
// does not: a billed line cannot move (docs/design.md, decision 11). They are taken out of `work`
// and come back as rejected lines, moved_contract, naming the id and both contracts.
std::vector<priced_line> moved_lines(const contract& deal, const billing_state& own,
                                     const std::map<std::string, std::string, std::less<>>& by,
                                     std::vector<work_line>& work, const std::string& path) {
  std::vector<priced_line> moved;
  if (by.empty()) return moved;
  const auto own_has = [&](const std::string& id) {  // the ledger's lines are sorted by id
    const auto at = std::lower_bound(
        own.lines.begin(), own.lines.end(), id,
        [](const billing_state::billed_line& l, const std::string& key) { return l.id < key; });
    return at != own.lines.end() && at->id == id;
  };
  std::vector<work_line> kept;
  kept.reserve(work.size());
  for (work_line& w : work) {
    const auto at = by.find(w.id);
    if (at == by.end() || at->second == deal.id || own_has(w.id)) {
      kept.push_back(std::move(w));
      continue;
    }
    priced_line line;
    line.id = w.id;
    line.request = w.request;
    line.contract = w.contract;
    line.item = w.item;
    line.kind = w.kind;
    line.rejected = reject_reason::moved_contract;
    line.message = "line " + w.id + ": it was billed to contract '" + at->second +
                   "' (its state in " + path + ") and now names contract '" + deal.id +
                   "': a billed line cannot move; void it there and send it here under a new id";
    fmt::print(stderr,
               "tariff: contract '{}': work line '{}' was billed to contract '{}' (state {}); "
               "not billed (moved_contract)\n",
               text::visible(deal.id), text::visible(w.id), text::visible(at->second),
               text::visible(path));
    moved.push_back(std::move(line));
  }
  work = std::move(kept);
  return moved;
}

// The command line of `tariff bill`.
struct bill_args {
  std::vector<std::string> tariff;  // the versions of one tariff, or a directory of them
  std::string contracts, work, payments, period, state, save_state, output;
  std::vector<std::string> ids;
  std::string format = "text";
  std::string on_repeat = "skip";
  std::optional<int> late_work;
  bool explain = false;
  bool portfolio = false;
  bool no_inputs = false;
};

// The sorted lines handed out a contract at a time, in the order of the contracts billed.
class sorted_work {
 public:
  explicit sorted_work(external_sort& sorted) : sorted_(sorted) {
    pending_ = sorted_.next(key_, record_);
  }

  // The lines of the contract billed `place`-th; the contracts are asked for in order.
  std::vector<work_line> lines_of(std::uint32_t place) {
    std::vector<work_line> out;
    while (pending_ && place_of_key(key_) == place) {
      std::size_t row = 0;
      out.push_back(read_work_record(record_, row));
      pending_ = sorted_.next(key_, record_);
    }
    return out;
  }

 private:
  external_sort& sorted_;
  std::string_view key_, record_;
  bool pending_ = false;
};

// The statements written as they are made, in the format asked for; a portfolio sums them all
// first.
class statement_output {
 public:
  statement_output(const bill_args& args, const compiled_tariff& tariff)
      : args_(args), tariff_(tariff) {}

  // `inputs`: what bill() was given, recorded in the JSON unless --no-inputs (so that `tariff
  // verify` can bill it again).
  void add(statement s, const statement_inputs& inputs, std::string& out) {
    const bool first = std::exchange(first_, false);
    if (args_.portfolio) {
      held_.push_back(std::move(s));
    } else if (args_.format == "json") {  // an array of statements, however many contracts
      const std::string text = args_.no_inputs ? write_statement_json(s, tariff_)
                                               : write_statement_json(s, tariff_, inputs);
      out += first ? "[\n" : ",\n";
      // Each statement one level in, as the elements of every other JSON array are.
      for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = text.find('\n', at);
        out += "  ";
        out.append(text, at, end - at);
        at = end + 1;
        if (at < text.size()) out += '\n';
      }
    } else if (args_.format == "text") {
      if (!first) out += '\n';
      out += write_statement_text(s, tariff_, {.explain = args_.explain});
    } else {
      // One row per statement under the header the first one writes.
      const std::string text = write_statements_csv(std::span<const statement>(&s, 1));
      out.append(first ? text : text.substr(text.find('\n') + 1));
    }
  }

  void finish(std::string& out) {
    if (args_.portfolio) {
      const portfolio summed = summarize(held_);
      out += args_.format == "csv" ? write_portfolio_csv(summed) : write_portfolio_text(summed);
    } else if (args_.format == "json") {
      out += first_ ? "[\n]\n" : "\n]\n";
    } else if (args_.format == "csv" && first_) {
      out += write_statements_csv({});
    }
  }

 private:
  const bill_args& args_;
  const compiled_tariff& tariff_;
  std::vector<statement> held_;
  bool first_ = true;
};

// tariff bill. The work is read as a stream and sorted into contracts (in memory, or in
// temporary files past TARIFF_SORT_MEMORY), so that every row is checked before anything is
// billed and each statement is made and written in turn, in the memory of one contract's work.
void run_bill(const bill_args& a) {
  if (a.portfolio && a.format == "json") throw failure("--portfolio is written as text or csv", 2);
  const compiled_tariff tariff = load_tariff(a.tariff);
  const read_result<contract> read = load_contract_rows(a.contracts);
  const std::vector<contract>& contracts = read.rows;
  const std::vector<contract> billed = contracts_to_bill(contracts, a.ids, tariff);
  std::unordered_map<std::string_view, std::uint32_t> place;
  for (std::size_t k = 0; k < billed.size(); ++k)
    place.emplace(billed[k].id, static_cast<std::uint32_t>(k));
  std::unordered_set<std::string_view> known;
  for (const contract& c : contracts)
    known.insert(c.id);

  const std::size_t memory = sort_memory();
  external_sort sorted(memory - memory / 4);
  std::optional<instant> earliest;
  std::size_t orphans = 0;
  std::string key, record;
  read_all_work(a.work, memory / 4, [&](const work_line& w, std::size_t row) {
    if (!earliest || w.start < *earliest) earliest = w.start;
    if (!known.contains(w.contract)) {
      ++orphans;
      return;
    }
    const auto at = place.find(w.contract);
    if (at == place.end()) return;  // a contract not billed in this run
    // By row: each contract's lines come back in input order, as a file grouped by contract
    // gives them; bill() puts them in work order itself, and lists what it skips as given.
    contract_key(key, at->second, row);
    record.clear();
    append_work_record(record, w, row);
    sorted.add(key, record);
  });
  const std::vector<payment> payments =
      a.payments.empty() ? std::vector<payment>() : load_payments(a.payments);
  check_contracts(read, billed, tariff, a.contracts);
  state_file states = load_states(a.state);
  if (states.unnamed && billed.size() != 1)
    throw failure(a.state +
                      ": the state names no contract (format 1, or new), so it opens one "
                      "contract only: give --contract",
                  2);
  const auto billed_lines = billed_by(states);
  const local_date day = billing_day(a.period, earliest, tariff);
  report_orphans(orphans);
  report_orphan_payments(payments, contracts);

  bill_options options;
  options.stop = call_stop();  // --timeout
  options.trace = a.explain || a.format == "json";
  options.on_repeat = a.on_repeat == "error" ? repeat_policy::error : repeat_policy::skip;
  options.late_work_periods = a.late_work;
  std::map<std::string, std::vector<payment>, std::less<>> payments_by_contract;
  for (const payment& p : payments)
    payments_by_contract[p.contract].push_back(p);
  // The states to save: every state read, each billed contract's replaced by its closing state
  // (a refused contract's stays as it was). Kept only when they are saved.
  const bool saving = !a.save_state.empty();
  std::map<std::string, billing_state, std::less<>> closing;
  if (saving) closing = states.by_contract;
  std::size_t made = 0;
  std::size_t refused = 0;
  sorted.finish();
  sorted_work work_of(sorted);
  output_stream output(a.output);
  statement_output statements(a, tariff);
  progress_bar bar("contracts", billed.size(), 2000);
  for (std::size_t k = 0; k < billed.size(); ++k) {
    const contract& c = billed[k];
    std::vector<work_line> own_work = work_of.lines_of(static_cast<std::uint32_t>(k));
    const auto paid = payments_by_contract.find(c.id);
    std::span<const payment> own_payments = paid == payments_by_contract.end()
                                                ? std::span<const payment>()
                                                : std::span<const payment>(paid->second);
    if (!own_payments.empty() && !takes_payments(tariff, c)) {
      fmt::print(stderr,
                 "tariff: contract '{}' has plan '{}', which has no prepaid balance; its {} "
                 "payment(s) not credited\n",
                 text::visible(c.id), text::visible(c.plan), own_payments.size());
      own_payments = {};
    }
    const auto stored = states.by_contract.find(c.id);
    const billing_state& opening = stored != states.by_contract.end() ? stored->second
                                   : states.unnamed                   ? *states.unnamed
                                                                      : empty_state();
    std::vector<priced_line> moved = moved_lines(c, opening, billed_lines, own_work, a.state);
    statement s;
    date_span period;
    try {
      period = statement_period(tariff, c, day);
      s = bill(tariff, c, period, opening, own_work, own_payments, options);
    } catch (const cancelled&) {
      throw;  // --timeout: the whole run stops, not this contract
    } catch (const tariff::error& e) {
      // This contract's data cannot be billed (a negative per-unit value, a state entry its
      // plan lacks): the others are, and the run fails.
      fmt::print(stderr, "tariff: {}; not billed\n", text::visible(e.what()));
      ++refused;
      continue;
    }
    if (!own_payments.empty()) report_uncredited(s, own_payments.size());
    for (priced_line& line : moved)
      s.rejected.push_back(std::move(line));
    if (saving) closing.insert_or_assign(c.id, s.closing);
    ++made;
    statements.add(std::move(s),
                   {.billed = c,
                    .opening = opening,
                    .work = own_work,
                    .payments = own_payments,
                    .period = period,
                    .options = options},
                   output.text());
    output.wrote();
    bar.update(k + 1);
  }
  statements.finish(output.text());
  output.finish();
  // Saved when a statement was made: one state as one state, many as one document of states.
  if (saving && made > 0) {
    std::vector<billing_state> saved;
    for (auto& [id, state] : closing)
      saved.push_back(std::move(state));
    write_output(a.save_state,
                 saved.size() == 1 ? write_state_json(saved.front()) : write_states_json(saved));
  }
  if (refused > 0)  // a refused contract's state stays as it was
    throw failure(fmt::format("{} of {} contract(s) not billed", refused, billed.size()));
}

}  // namespace

void add_bill_command(CLI::App& app) {
  auto opts = std::make_shared<bill_args>();
  CLI::App* cmd =
      app.add_subcommand("bill", "Bill contracts for a period: fees, work, allowances, totals");
  cmd->add_option("-t,--tariff", opts->tariff,
                  "The tariff; repeated, or a directory: the versions of one tariff")
      ->required()
      ->allow_extra_args(false);  // `-t a -t b`: each names one version
  cmd->add_option("-c,--contracts", opts->contracts, "Contracts, CSV or .json")->required();
  cmd->add_option("-w,--work", opts->work, "Work lines not billed before, CSV or .json")
      ->required();
  cmd->add_option("--payments", opts->payments,
                  "Payments to prepaid balances not credited before, CSV or .json");
  cmd->add_option("--period", opts->period,
                  "A day of the period, YYYY-MM or YYYY-MM-DD; default: the earliest line's");
  cmd->add_option("--contract", opts->ids, "Bill only these contracts (repeatable)");
  cmd->add_option("-s,--state", opts->state,
                  "Opening billing states (JSON): one contract's, or many contracts' in one file");
  cmd->add_option("--save-state", opts->save_state,
                  "Write the billing states here (JSON): the closing states, and the other states "
                  "read, unchanged");
  cmd->add_option("--on-repeat", opts->on_repeat,
                  "Work and payments billed before as they are now: skip them (listed), or "
                  "error (the contract is not billed)")
      ->check(CLI::IsMember({"skip", "error"}))
      ->capture_default_str();
  cmd->add_option("--late-work", opts->late_work,
                  "The late-work horizon in statement periods (default: the plan's, else 12)")
      ->check(CLI::Range(1, 1200));
  cmd->add_option("-f,--format", opts->format,
                  "text, json, or csv (one row of totals per statement)")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->add_flag("--explain", opts->explain,
                "Show each price's trace in the text (json always carries it)");
  cmd->add_flag("--no-inputs", opts->no_inputs,
                "Leave out of the JSON the inputs that 'tariff verify' bills each statement "
                "again from");
  cmd->add_flag("--portfolio", opts->portfolio,
                "Print the statements summed by contract, client and item instead (text or csv)");
  cmd->add_option("-o,--output", opts->output, "Write to this file instead of standard output");
  cmd->callback([opts] { run_bill(*opts); });
}

}  // namespace tariff::cli
