// The checks across the versions of one tariff, and the in-file half of `migrate`
// (docs/design.md, decision 12).
#include "check/versions.hpp"

#include <algorithm>
#include <map>

#include "check/passes.hpp"
#include "model/allowance_key.hpp"

namespace tariff::check_stage {
namespace {

using diagnostics::code;
using kind = ast::migrate_decl::kind;

const ast::tariff_header* header_of(const ast::module& m) {
  return m.headers.empty() ? nullptr : &m.headers.front();
}

std::optional<local_date> effective_of(const ast::module& m) {
  const ast::tariff_header* h = header_of(m);
  return h != nullptr ? h->effective : std::nullopt;
}

// Where a finding about a whole version is placed: its `effective` date, else its header.
ast::position version_at(const ast::module& m) {
  const ast::tariff_header* h = header_of(m);
  if (h == nullptr) return {1, 1};
  return h->effective ? h->effective_at : h->at;
}

// "prices-2026-03.tariff (in force from 2026-03-01)": how a message names another version.
std::string describe(const ast::module& m) {
  const std::optional<local_date> from = effective_of(m);
  return m.file +
         (from ? " (in force from " + format_date(*from) + ")" : " (in force from the start)");
}

// The calendar's zone as written; "UTC" when the tariff writes none (docs/language.md).
std::pair<std::string, ast::position> zone_of(const ast::module& m) {
  for (const ast::calendar_decl& c : m.calendars)
    if (c.timezone) return {c.timezone->text, c.timezone->at};
  return {"UTC", version_at(m)};
}

std::vector<std::string> plan_names(const ast::module& m) {
  std::vector<std::string> out;
  for (const ast::plan_decl& p : m.plans)
    out.push_back(p.name.text);
  return out;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

const ast::migrate_decl* migration_of(const ast::module& m, kind what, const std::string& old) {
  for (const ast::migrate_decl& d : m.migrations) {
    const std::string from =
        what == kind::allowance ? model::canonical_allowance_key(d.from.text) : d.from.text;
    if (d.what == what && from == old) return &d;
  }
  return nullptr;
}

// Whether `day` starts a statement period of `period`: statements are per calendar month,
// quarter or year (docs/language.md, Plans).
bool starts_period(local_date day, ast::period_kind period) {
  const date::year_month_day ymd{day};
  if (ymd.day() != date::day{1}) return false;
  const unsigned month = static_cast<unsigned>(ymd.month());
  if (period == ast::period_kind::quarter) return month % 3 == 1;
  if (period == ast::period_kind::year) return month == 1;
  return true;
}

void check_pair(const version_input& before, const version_input& now) {
  const ast::module& old_m = *before.module;
  const ast::module& new_m = *now.module;
  diagnostics::diagnostic_sink& sink = *now.sink;

  const std::optional<local_date> old_from = effective_of(old_m);
  const std::optional<local_date> new_from = effective_of(new_m);
  if (old_from == new_from) {
    sink.report(code::version_date_repeated, version_at(new_m),
                "this version is in force from the same day as " + describe(old_m) +
                    ": give each version its own 'effective' date");
  }
  const ast::tariff_header* old_h = header_of(old_m);
  const ast::tariff_header* new_h = header_of(new_m);
  if (old_h != nullptr && new_h != nullptr && old_h->currency.text != new_h->currency.text)
    sink.report(code::version_currency_differs, new_h->currency.at,
                "currency " + new_h->currency.text + " differs from " + old_h->currency.text +
                    " of " + describe(old_m) +
                    ": the versions of a tariff price in one currency (docs/design.md, decision "
                    "8)");
  const auto [old_zone, old_zone_at] = zone_of(old_m);
  const auto [new_zone, new_zone_at] = zone_of(new_m);
  if (old_zone != new_zone)
    sink.report(code::version_time_zone_differs, new_zone_at,
                "the calendar is in " + new_zone + ", but " + describe(old_m) + " is in " +
                    old_zone + ": the date that picks a line's version must mean one thing");

  // Plans and allowance keys of the version before: kept, or migrated.
  const std::vector<std::string> new_plans = plan_names(new_m);
  for (const ast::plan_decl& p : old_m.plans)
    if (!contains(new_plans, p.name.text) &&
        migration_of(new_m, kind::plan, p.name.text) == nullptr)
      sink.report(code::plan_dropped, version_at(new_m),
                  "plan '" + p.name.text + "' of " + describe(old_m) +
                      " is not in this version: its contracts would have no plan; keep it or "
                      "write 'migrate plan " +
                      p.name.text + " -> NEW'");
  const std::vector<std::string> old_keys = allowance_keys(old_m);
  const std::vector<std::string> new_keys = allowance_keys(new_m);
  for (const std::string& key : old_keys)
    if (!contains(new_keys, key) && migration_of(new_m, kind::allowance, key) == nullptr)
      sink.report(code::allowance_dropped, version_at(new_m),
                  "allowance '" + key + "' of " + describe(old_m) +
                      " is in no plan of this version: the use recorded under it would be "
                      "lost; keep it or write 'migrate allowance \"" +
                      key + "\" -> \"NEW\"'");

  // The old side of each migration is the version before's.
  const std::vector<std::string> old_plans = plan_names(old_m);
  for (const ast::migrate_decl& d : new_m.migrations) {
    const bool plan = d.what == kind::plan;
    const std::string from = plan ? d.from.text : model::canonical_allowance_key(d.from.text);
    if (!contains(plan ? old_plans : old_keys, from))
      sink.report(code::migrate_unknown_name, d.from.at,
                  std::string(plan ? "plan '" : "allowance '") + d.from.text + "' is not in " +
                      describe(old_m) + ", the version before: nothing migrates from it");
  }

  // Fees and allowances change from a statement period on: a version from another day charges
  // the rest of a period by the version its period started in.
  if (new_from)
    for (const ast::module* m : {&old_m, &new_m})
      for (const ast::plan_decl& p : m->plans) {
        if (p.fees.empty() && p.allowances.empty()) continue;
        const ast::period_kind period = p.period.value_or(ast::period_kind::month);
        if (starts_period(*new_from, period)) continue;
        sink.report(code::version_mid_period, version_at(new_m),
                    "this version is in force from " + format_date(*new_from) +
                        ", which starts no statement period (per " + vocabulary::to_string(period) +
                        ") of plan '" + p.name.text + "' in " + m->file +
                        ": its fees and allowances change only from the next period, while "
                        "its work lines are priced by it from this day");
        return;  // once per version
      }
}

}  // namespace

std::vector<std::string> allowance_keys(const ast::module& module) {
  std::vector<std::string> keys;
  for (const ast::plan_decl& p : module.plans)
    for (const ast::allowance_decl& a : p.allowances) {
      std::vector<std::string_view> items;
      for (const ast::identifier& i : a.items)
        items.push_back(i.text);
      std::string key = model::allowance_key(std::move(items), vocabulary::to_string(a.period));
      if (!contains(keys, key)) keys.push_back(std::move(key));
    }
  return keys;
}

std::vector<std::size_t> version_order(std::span<const version_input> versions) {
  std::vector<std::size_t> order(versions.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return effective_of(*versions[a].module) < effective_of(*versions[b].module);
  });
  return order;
}

void check_versions(std::span<const version_input> versions,
                    const std::vector<std::size_t>& ordered) {
  if (ordered.empty()) return;
  // The first version has no version before: what it migrates from is nowhere.
  const version_input& first = versions[ordered.front()];
  if (ordered.size() > 1)
    for (const ast::migrate_decl& d : first.module->migrations)
      first.sink->report(code::migrate_unknown_name, d.from.at,
                         "this is the first version of the tariff: there is no version before "
                         "it to migrate '" +
                             d.from.text + "' from");
  for (std::size_t k = 1; k < ordered.size(); ++k)
    check_pair(versions[ordered[k - 1]], versions[ordered[k]]);
}

void check_migrations(context& ctx) {
  const std::vector<std::string> plans = plan_names(ctx.module);
  const std::vector<std::string> keys = allowance_keys(ctx.module);
  std::map<std::pair<kind, std::string>, ast::position> seen;
  for (const ast::migrate_decl& d : ctx.module.migrations) {
    const bool plan = d.what == kind::plan;
    const std::string from = plan ? d.from.text : model::canonical_allowance_key(d.from.text);
    const std::string to = plan ? d.to.text : model::canonical_allowance_key(d.to.text);
    if (const auto [first, added] = seen.emplace(std::pair{d.what, from}, d.at); !added)
      ctx.sink.report(code::repeated_declaration, d.at,
                      std::string("'") + d.from.text + "' migrates twice (first at " +
                          where(first->second) + ")");
    if (!contains(plan ? plans : keys, to))
      ctx.sink.report(code::migrate_unknown_name, d.to.at,
                      std::string(plan ? "plan '" : "allowance '") + d.to.text +
                          "' is not in this version: a migration names " +
                          (plan ? "a plan declared here" : "a key of an allowance declared here"));
    else if (contains(plan ? plans : keys, from))
      ctx.sink.report(code::migrate_unknown_name, d.from.at,
                      std::string(plan ? "plan '" : "allowance '") + d.from.text +
                          "' is still in this version: only what it no longer has migrates");
  }
}

}  // namespace tariff::check_stage
