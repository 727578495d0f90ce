// What-if comparison: the same history priced as billing prices it under two tariffs, then the
// differences summed per group.
#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include <tariff/compare.hpp>

#include "errors/errors.hpp"
#include "queries/queries.hpp"

namespace tariff {

std::optional<decimal> change::revenue_change_percent() const {
  if (old_revenue.is_zero()) return std::nullopt;
  return divide(revenue_change() * decimal(100), old_revenue, 2, rounding_mode::half_even);
}

namespace {

// The history's lines grouped by the contract they name; lines naming none are orphans.
struct lines_by_contract {
  std::vector<std::vector<std::size_t>> of_contract;
  std::vector<std::size_t> orphans;
};

lines_by_contract group_lines(std::span<const contract> contracts,
                              std::span<const work_line> history) {
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t c = 0; c < contracts.size(); ++c)
    index.emplace(contracts[c].id, c);  // the first of two contracts with one id wins, as in price
  lines_by_contract out;
  out.of_contract.resize(contracts.size());
  for (std::size_t i = 0; i < history.size(); ++i) {
    const auto found = index.find(history[i].contract);
    if (found == index.end())
      out.orphans.push_back(i);
    else
      out.of_contract[found->second].push_back(i);
  }
  return out;
}

// Hands each fee of every statement period of each registered contract's plan that overlaps
// both the history and the contract's term to `charged(contract's index, fee)`, as it is made:
// a history of many contracts keeps none of them.
void charge_fees(const compiled_tariff& tariff, std::span<const contract> contracts,
                 date_span history, const stop_condition& stop,
                 const std::function<void(std::size_t, const fee_line&)>& charged) {
  if (history.first >= history.end) return;
  const std::vector<std::string> plans = tariff.plans();
  bill_options options;
  options.expiry_warning_days = 0;
  options.trace = false;
  options.stop = stop;  // each period's bill looks at it before its first step
  for (std::size_t c = 0; c < contracts.size(); ++c) {
    const contract& deal = contracts[c];
    if (deal.status != contract_status::registered ||
        std::find(plans.begin(), plans.end(), deal.plan) == plans.end())
      continue;
    const local_date first = std::max(history.first, deal.start);
    const local_date last = std::min(history.end - date::days{1}, deal.end);
    if (first > last) continue;
    for (date_span period = statement_period(tariff, deal, first); period.first <= last;
         period = statement_period(tariff, deal, period.end)) {
      const statement s = bill(tariff, deal, period, {}, {}, options);
      for (const fee_line& fee : s.fees)
        charged(c, fee);
    }
  }
}

std::string month_of(local_date day) {
  return format_date(day).substr(0, 7);  // "2026-03-16" → "2026-03"
}

// The month a line counts in: its local date under either tariff; failing both (a line rejected
// before it could be dated), the UTC date of its start.
std::string month_of(const priced_line& a, const priced_line& b, const work_line& w) {
  if (a.date) return month_of(*a.date);
  if (b.date) return month_of(*b.date);
  return month_of(local_date_of(w.start, *date::locate_zone("UTC")));
}

bool priced_differently(const priced_line& a, const priced_line& b) {
  return a.rejected != b.rejected || a.amount != b.amount || a.cost != b.cost ||
         a.billed != b.billed;
}

void add_line(change& g, const priced_line& a, const priced_line& b, bool differs) {
  ++g.lines;
  if (differs) ++g.changed;
  if (!a.ok()) ++g.old_rejected;
  if (!b.ok()) ++g.new_rejected;
  if (a.ok()) {
    g.old_revenue += a.amount;
    g.old_cost += a.cost;
    g.old_margin += a.margin;
  }
  if (b.ok()) {
    g.new_revenue += b.amount;
    g.new_cost += b.cost;
    g.new_margin += b.margin;
  }
}

void add_fee(change& g, const decimal& amount, bool old_tariff) {
  (old_tariff ? g.old_revenue : g.new_revenue) += amount;
  (old_tariff ? g.old_margin : g.new_margin) += amount;
}

// A group with nothing in it yet.
change empty_change(std::string key, const compiled_tariff& old_tariff,
                    const compiled_tariff& new_tariff) {
  change g;
  g.key = std::move(key);
  g.old_revenue = g.old_cost = g.old_margin = queries::zero_amount(old_tariff);
  g.new_revenue = g.new_cost = g.new_margin = queries::zero_amount(new_tariff);
  return g;
}

// Throws call_error unless each renamed plan is a plan of its tariff: a misspelt name would
// price nothing differently and say nothing.
void check_renamed_plans(const compiled_tariff& old_tariff, const compiled_tariff& new_tariff,
                         const std::map<std::string, std::string, std::less<>>& renamed) {
  const std::vector<std::string> old_plans = old_tariff.plans();
  const std::vector<std::string> new_plans = new_tariff.plans();
  const auto has = [](const std::vector<std::string>& plans, const std::string& name) {
    return std::find(plans.begin(), plans.end(), name) != plans.end();
  };
  for (const auto& [from, to] : renamed) {
    if (!has(old_plans, from))
      throw call_error("renamed plan '" + from + "': the current tariff '" + old_tariff.name() +
                       "' has no plan '" + from + "'");
    if (!has(new_plans, to))
      throw call_error("renamed plan '" + from + "': the proposed tariff '" + new_tariff.name() +
                       "' has no plan '" + to + "'");
  }
}

// Gives `deal` the proposed tariff's names of its plans — its own and those its amendments change
// to (docs/design.md, decision 13) — and says whether any was renamed.
bool rename_plans(contract& deal, const std::map<std::string, std::string, std::less<>>& renamed) {
  bool changed = false;
  const auto rename = [&](std::string& plan) {
    if (const auto found = renamed.find(plan); found != renamed.end()) {
      plan = found->second;
      changed = true;
    }
  };
  rename(deal.plan);
  for (contract_amendment& a : deal.amendments)
    if (!a.plan.empty()) rename(a.plan);
  return changed;
}

// The contract as the proposed tariff sees it: `deal` itself, or `copy` with its plans renamed.
const contract* under_new_name(const contract* deal,
                               const std::map<std::string, std::string, std::less<>>& renamed,
                               contract& copy) {
  if (deal == nullptr || renamed.empty()) return deal;
  copy = *deal;
  return rename_plans(copy, renamed) ? &copy : deal;
}

// Groups by key, kept sorted.
class grouping {
 public:
  grouping(const compiled_tariff& old_tariff, const compiled_tariff& new_tariff)
      : old_(old_tariff), new_(new_tariff) {}

  change& operator[](const std::string& key) {
    auto found = groups_.find(key);
    if (found == groups_.end()) found = groups_.emplace(key, empty_change(key, old_, new_)).first;
    return found->second;
  }
  std::vector<change> take() {
    std::vector<change> out;
    out.reserve(groups_.size());
    for (auto& [key, g] : groups_)
      out.push_back(std::move(g));
    return out;
  }

 private:
  const compiled_tariff& old_;
  const compiled_tariff& new_;
  std::map<std::string, change, std::less<>> groups_;
};

}  // namespace

// What a stream has summed so far.
struct comparison_stream::sums {
  sums(const compiled_tariff& old_one, const compiled_tariff& new_one, const compare_options& given)
      : old_tariff(old_one),
        new_tariff(new_one),
        options(given),
        by_client(old_one, new_one),
        by_item(old_one, new_one),
        by_month(old_one, new_one) {}

  const compiled_tariff& old_tariff;
  const compiled_tariff& new_tariff;
  compare_options options;
  comparison out;
  grouping by_client, by_item, by_month;
  std::optional<local_date> first, last;  // the days of the dated lines so far
  std::vector<work_line> copy;            // a contract's lines, as price_with_state takes them
  contract renamed;                       // a contract on a renamed plan, as the new tariff sees it
};

comparison_stream::comparison_stream(const compiled_tariff& old_tariff,
                                     const compiled_tariff& new_tariff,
                                     const compare_options& options) {
  if (old_tariff.currency() != new_tariff.currency())
    throw call_error("the tariffs bill in different currencies: " + old_tariff.file() + " ('" +
                     old_tariff.name() + "') in " + old_tariff.currency() + ", " +
                     new_tariff.file() + " ('" + new_tariff.name() + "') in " +
                     new_tariff.currency());
  check_renamed_plans(old_tariff, new_tariff, options.renamed_plans);
  sums_ = std::make_unique<sums>(old_tariff, new_tariff, options);
  comparison& out = sums_->out;
  out.currency = old_tariff.currency();
  out.old_name = old_tariff.name();
  out.new_name = new_tariff.name();
  out.old_hash = old_tariff.source_hash();
  out.new_hash = new_tariff.source_hash();
  out.total = empty_change({}, old_tariff, new_tariff);
  out.fees = empty_change({}, old_tariff, new_tariff);
}

comparison_stream::comparison_stream(comparison_stream&&) noexcept = default;
comparison_stream& comparison_stream::operator=(comparison_stream&&) noexcept = default;
comparison_stream::~comparison_stream() = default;

std::vector<line_change> comparison_stream::add(const contract* deal,
                                                std::span<const work_line> lines,
                                                std::span<const std::size_t> indexes) {
  if (indexes.size() != lines.size())
    throw call_error("comparison_stream::add: " + std::to_string(lines.size()) + " lines and " +
                     std::to_string(indexes.size()) + " indexes");
  sums& s = *sums_;
  const bool trace = s.options.trace && s.options.keep_lines;
  price_options options{trace};
  options.stop = s.options.stop;
  // Each line priced as bill() prices it: a contract's lines in work order through its plan's
  // allowances, the state carried from one period to the next (price_with_state is proven equal
  // to billing period by period); a line naming no contract, rejected by both.
  const auto priced_by = [&](const compiled_tariff& tariff, const contract* under) {
    if (under == nullptr) return price(tariff, std::span<const contract>(), lines, options);
    s.copy.assign(lines.begin(), lines.end());
    billing_state state;
    return price_with_state(tariff, *under, state, s.copy, options);
  };
  std::vector<priced_line> old_lines = priced_by(s.old_tariff, deal);
  std::vector<priced_line> new_lines =
      priced_by(s.new_tariff, under_new_name(deal, s.options.renamed_plans, s.renamed));
  const std::string client = deal != nullptr ? deal->client : std::string();
  std::vector<line_change> changed;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const priced_line& a = old_lines[i];
    const priced_line& b = new_lines[i];
    for (const priced_line* line : {&a, &b}) {
      if (!line->date) continue;
      if (!s.first || *line->date < *s.first) s.first = line->date;
      if (!s.last || *line->date > *s.last) s.last = line->date;
    }
    const bool differs = priced_differently(a, b);
    add_line(s.out.total, a, b, differs);
    add_line(s.by_client[client], a, b, differs);
    add_line(s.by_item[lines[i].item], a, b, differs);
    add_line(s.by_month[month_of(a, b, lines[i])], a, b, differs);
    if (differs && s.options.keep_lines)
      changed.push_back({indexes[i], client, std::move(old_lines[i]), std::move(new_lines[i])});
  }
  return changed;
}

comparison comparison_stream::finish(std::span<const contract> contracts) {
  sums& s = *sums_;
  comparison& out = s.out;
  if (s.first) out.history = {*s.first, *s.last + date::days{1}};
  if (s.options.include_fees) {
    std::vector<contract> renamed;  // the contracts as the new tariff sees them, if any differ
    if (!s.options.renamed_plans.empty()) {
      renamed.assign(contracts.begin(), contracts.end());
      for (contract& c : renamed)
        rename_plans(c, s.options.renamed_plans);
    }
    for (const bool is_old : {true, false}) {
      const std::span<const contract> charged =
          is_old || renamed.empty() ? contracts : std::span<const contract>(renamed);
      charge_fees(is_old ? s.old_tariff : s.new_tariff, charged, out.history, s.options.stop,
                  [&](std::size_t c, const fee_line& fee) {
                    add_fee(out.total, fee.amount, is_old);
                    add_fee(out.fees, fee.amount, is_old);
                    add_fee(s.by_client[contracts[c].client], fee.amount, is_old);
                    add_fee(s.by_month[month_of(fee.covers.first)], fee.amount, is_old);
                  });
    }
  }
  out.by_client = s.by_client.take();
  out.by_item = s.by_item.take();
  out.by_month = s.by_month.take();
  return std::move(out);
}

comparison compare(const compiled_tariff& old_tariff, const compiled_tariff& new_tariff,
                   std::span<const contract> contracts, std::span<const work_line> history,
                   const compare_options& options) {
  comparison_stream stream(old_tariff, new_tariff, options);
  const lines_by_contract groups = group_lines(contracts, history);
  std::size_t done = 0;
  std::vector<line_change> changed;
  std::vector<work_line> lines;
  const auto add = [&](const contract* deal, const std::vector<std::size_t>& indexes) {
    if (indexes.empty()) return;
    lines.clear();
    for (std::size_t i : indexes)
      lines.push_back(history[i]);
    std::vector<line_change> more;
    try {
      more = stream.add(deal, lines, indexes);
    } catch (const cancelled& e) {  // counted over the whole history, not the contract's lines
      throw cancelled(e.cause(), done, 2 * history.size(), "lines priced");
    }
    std::move(more.begin(), more.end(), std::back_inserter(changed));
    done += 2 * indexes.size();  // each line priced under both tariffs
    if (options.progress) options.progress(done, 2 * history.size());
  };
  for (std::size_t c = 0; c < contracts.size(); ++c)
    add(&contracts[c], groups.of_contract[c]);
  add(nullptr, groups.orphans);
  comparison out;
  try {
    out = stream.finish(contracts);
  } catch (const cancelled& e) {  // every line was priced; the fees were being charged
    throw cancelled(e.cause(), done, 2 * history.size(), "lines priced");
  }
  std::sort(changed.begin(), changed.end(),
            [](const line_change& a, const line_change& b) { return a.index < b.index; });
  out.lines = std::move(changed);
  return out;
}

}  // namespace tariff
