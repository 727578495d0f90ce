// tariff diff: the same history priced under the current tariff and a proposed one. The history
// is read as a stream and sorted into contracts (in memory, or in temporary files past
// TARIFF_SORT_MEMORY), and each contract's lines go through a comparison_stream: the figures take
// the memory of the groups; the changed lines are kept, at most --lines N, or written as they
// are found into a sort that gives them back in history order for the report's end.
#include <algorithm>
#include <cstdint>
#include <fmt/core.h>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <tariff/compare.hpp>
#include <tariff/compare_io.hpp>

#include "cli/cli.hpp"
#include "cli/external_sort.hpp"
#include "cli/output_stream.hpp"
#include "cli/progress.hpp"
#include "cli/sort_keys.hpp"
#include "cli/work_input.hpp"
#include "cli/work_record.hpp"
#include "text/visible.hpp"

namespace tariff::cli {

namespace {

struct diff_args {
  std::string old_tariff, new_tariff, contracts, work, output;
  std::string format = "text";
  bool lines = false;
  std::optional<std::size_t> most;  // --lines N: list at most N changed lines
  bool no_fees = false;
  bool exit_code = false;             // --exit-code: 3 when a figure changed
  std::vector<std::string> map_plan;  // --map-plan OLD=NEW, each as given
};

// --map-plan's OLD=NEW pairs as compare_options takes them; a failure (exit 2) for other text.
std::map<std::string, std::string, std::less<>> renamed_plans(
    const std::vector<std::string>& given) {
  std::map<std::string, std::string, std::less<>> renamed;
  for (const std::string& pair : given) {
    const std::size_t equals = pair.find('=');
    if (equals == 0 || equals == std::string::npos || equals + 1 == pair.size())
      throw failure("--map-plan " + pair + ": expected OLD=NEW, two plan names", 2);
    std::string from = pair.substr(0, equals);
    if (!renamed.emplace(from, pair.substr(equals + 1)).second)
      throw failure("--map-plan: plan '" + from + "' is mapped twice", 2);
  }
  return renamed;
}

// diff's exit statuses besides 0 (no change, or changes without --exit-code) and 1 (an error),
// as docs/cli.md lists them: git diff's --exit-code, and a status of its own for a proposed
// tariff that leaves contracts unpriced, which no figure should hide.
constexpr int prices_changed = 3;
constexpr int contracts_unpriced = 4;

// The contracts with a line the current tariff prices and the proposed one rejects, each with
// the first such line's reason, by contract id.
using unpriced_contracts = std::map<std::string, std::string, std::less<>>;

// Says which contracts the proposed tariff cannot price (at most a screenful, then how many more)
// and gives the status that says so.
[[noreturn]] void refuse_unpriced(const unpriced_contracts& unpriced) {
  constexpr std::size_t shown = 10;
  std::size_t n = 0;
  for (const auto& [contract, reason] : unpriced) {
    if (n++ == shown) break;
    fmt::print(stderr, "tariff: contract '{}' cannot be priced under the new tariff: {}\n",
               text::visible(contract), text::visible(reason));
  }
  if (unpriced.size() > shown)
    fmt::print(stderr, "tariff: and {} more contract(s)\n", unpriced.size() - shown);
  throw failure(
      fmt::format("{} contract(s) cannot be priced under the new tariff", unpriced.size()),
      contracts_unpriced);
}

bool figures_changed(const change& total) {
  return total.changed > 0 || total.old_revenue != total.new_revenue ||
         total.old_cost != total.new_cost || total.old_rejected != total.new_rejected;
}

// The changed lines the report lists: all, or the first `most` in history order (a heap of the
// earliest so far, so that the memory is that of `most` lines whatever the history).
class kept_lines {
 public:
  explicit kept_lines(std::optional<std::size_t> most) : most_(most) {}

  void add(line_change&& l) {
    ++seen_;
    if (most_ && lines_.size() == *most_) {
      if (*most_ == 0 || l.index > lines_.front().index) return;
      std::pop_heap(lines_.begin(), lines_.end(), earlier);
      lines_.back() = std::move(l);
    } else {
      lines_.push_back(std::move(l));
    }
    std::push_heap(lines_.begin(), lines_.end(), earlier);
  }
  std::size_t seen() const { return seen_; }
  std::vector<line_change> take() {
    std::sort(lines_.begin(), lines_.end(), earlier);
    return std::move(lines_);
  }

 private:
  static bool earlier(const line_change& a, const line_change& b) { return a.index < b.index; }

  std::optional<std::size_t> most_;
  std::vector<line_change> lines_;
  std::size_t seen_ = 0;
};

void run_diff(const diff_args& a) {
  auto renamed = renamed_plans(a.map_plan);  // a wrong command line before any file is read
  const compiled_tariff old_tariff = load_tariff(a.old_tariff);
  const compiled_tariff new_tariff = load_tariff(a.new_tariff);
  const std::vector<contract> contracts = load_contracts(a.contracts);
  std::unordered_map<std::string_view, std::uint32_t> place;
  for (std::size_t c = 0; c < contracts.size(); ++c)
    place.emplace(contracts[c].id, static_cast<std::uint32_t>(c));  // the first of a repeated id
  const auto orphan = static_cast<std::uint32_t>(contracts.size());

  const std::size_t memory = sort_memory();
  external_sort sorted(memory - memory / 4);
  std::size_t history = 0;
  std::string key, encoded;
  read_all_work(a.work, memory / 4, [&](const work_line& w, std::size_t) {
    const auto at = place.find(w.contract);
    contract_key(key, at == place.end() ? orphan : at->second, history);  // lines naming none last
    encoded.clear();
    append_work_record(encoded, w, history++);
    sorted.add(key, encoded);
  });
  sorted.finish();

  // Every changed line comes back, to find those the proposed tariff newly rejects; only the
  // listed ones are traced and kept.
  const bool listing = a.lines || a.format == "json";
  compare_options options;
  options.keep_lines = true;
  options.trace = listing;
  options.include_fees = !a.no_fees;
  options.renamed_plans = std::move(renamed);
  options.stop = call_stop();  // --timeout
  comparison_stream stream(old_tariff, new_tariff, options);
  const auto format =
      a.format == "json" ? comparison_writer::format::json : comparison_writer::format::text;
  // The changed lines the report lists: at most N, kept (in memory) until the end; or all of
  // them, each written as it is found into a sort by its position in the history, which gives
  // them back in history order after the figures.
  kept_lines kept(a.most);
  std::optional<external_sort> listed;
  if (listing && !a.most) listed.emplace(memory / 4);
  unpriced_contracts unpriced;
  std::string text;
  std::size_t changed = 0;

  progress_bar bar("lines priced", 2 * history);
  std::size_t done = 0;
  std::vector<work_line> group;
  std::vector<std::size_t> positions;
  std::string_view sorted_key, record;
  bool more = sorted.next(sorted_key, record);
  while (more) {
    const std::uint32_t at = place_of_key(sorted_key);
    group.clear();
    positions.clear();
    for (; more && place_of_key(sorted_key) == at; more = sorted.next(sorted_key, record)) {
      std::size_t position = 0;
      group.push_back(read_work_record(record, position));
      positions.push_back(position);
    }
    for (line_change& l : stream.add(at == orphan ? nullptr : &contracts[at], group, positions)) {
      if (l.old_line.ok() && !l.new_line.ok())
        unpriced.try_emplace(l.new_line.contract, l.new_line.message);
      if (!listing) continue;
      ++changed;
      if (!listed) {
        kept.add(std::move(l));
        continue;
      }
      key.clear();
      append_big_endian(key, l.index, 8);
      text.clear();
      comparison_writer(format, old_tariff, new_tariff).append(text, std::span(&l, 1));
      listed->add(key, text);
    }
    done += 2 * group.size();
    bar.update(done);
  }
  comparison c = stream.finish(contracts);

  output_stream out(a.output);
  if (a.format == "csv") {
    out.write(write_comparison_csv(c));
  } else if (!listing) {
    out.write(write_comparison_text(c, old_tariff, new_tariff));
  } else if (!listed) {
    c.lines = kept.take();
    if (c.lines.size() < changed)
      fmt::print(stderr,
                 "tariff: {} lines priced differently; the first {} are listed (--lines {})\n",
                 changed, c.lines.size(), c.lines.size());
    comparison_writer writer(format, old_tariff, new_tariff);
    out.write(writer.head(c, c.lines.size()));
    writer.append(out.text(), c.lines);
    out.write(writer.tail());
  } else {
    comparison_writer writer(format, old_tariff, new_tariff);
    out.write(writer.head(c, changed));
    listed->finish();
    bool first = true;
    while (listed->next(sorted_key, record)) {
      // Each line was written by a writer of its own, as the first of a JSON array: the others
      // take the comma that separates them.
      if (format == comparison_writer::format::json && !std::exchange(first, false))
        out.text() += ',';
      out.write(record);
    }
    out.write(writer.tail());
  }
  out.finish();
  if (!unpriced.empty()) refuse_unpriced(unpriced);
  if (a.exit_code && figures_changed(c.total)) throw failure("", prices_changed);
}

}  // namespace

void add_diff_command(CLI::App& app) {
  auto opts = std::make_shared<diff_args>();
  CLI::App* cmd = app.add_subcommand(
      "diff", "What-if: revenue and margin of a history under the current and a proposed tariff");
  cmd->add_option("--old", opts->old_tariff, "The current tariff")->required();
  cmd->add_option("--new", opts->new_tariff, "The proposed tariff")->required();
  cmd->add_option("-c,--contracts", opts->contracts, "Contracts, CSV or .json")->required();
  cmd->add_option("-w,--work", opts->work, "The history: work lines, CSV or .json")->required();
  cmd->add_option("--lines", opts->most,
                  "List each line priced differently, traces side by side; with N, the first N "
                  "(in history order)")
      ->expected(0, 1);
  cmd->add_flag("--no-fees", opts->no_fees, "Compare work only, without the plans' fees");
  cmd->add_option("--map-plan", opts->map_plan,
                  "OLD=NEW: the proposed tariff's name for a plan it renamed (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("--exit-code", opts->exit_code,
                "Exit with status 3 when a figure changed (4, always: a contract the new tariff "
                "cannot price)");
  cmd->add_option("-f,--format", opts->format, "text, json or csv (csv: the figures only)")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", opts->output, "Write to this file instead of standard output");
  cmd->callback([opts, cmd] {
    opts->lines = cmd->count("--lines") > 0;
    run_diff(*opts);
  });
}

}  // namespace tariff::cli
