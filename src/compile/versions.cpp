// Compiling the versions of one tariff into one (docs/design.md, decision 12): each file through
// the front end alone, then the checks across versions, then a program per version, linked in
// date order under the newest, which answers for the tariff.
#include "check/versions.hpp"

#include <deque>
#include <map>
#include <optional>

#include <tariff/pricing.hpp>

#include "check/checker.hpp"
#include "check/directives.hpp"
#include "compile/build.hpp"
#include "errors/release.hpp"
#include "errors/stop_point.hpp"
#include "model/allowance_key.hpp"
#include "parse/parser.hpp"
#include "parse/source_text.hpp"
#include "plan/access.hpp"
#include "text/sha256.hpp"

namespace tariff {
namespace {

using name_map = std::map<std::string, std::string, std::less<>>;

// One file through the front end.
struct front_end {
  front_end(std::string_view source, std::string_view file) : sink(source, std::string(file)) {}
  diagnostics::diagnostic_sink sink;
  std::optional<check_stage::directives> allowed;  // none: the text was refused before parsing
  ast::module module;
};

// What each name of an earlier version is called in `module` (plans or allowance keys):
// `known` carried over, kept when `module` still has it, else followed through its `migrate`.
name_map carry(const name_map& known, const std::vector<std::string>& here,
               const ast::module& module, ast::migrate_decl::kind what) {
  name_map next;
  auto has = [&](const std::string& name) {
    return std::find(here.begin(), here.end(), name) != here.end();
  };
  for (const auto& [old, current] : known) {
    if (has(current)) {
      next[old] = current;
      continue;
    }
    for (const ast::migrate_decl& d : module.migrations) {
      const bool key = what == ast::migrate_decl::kind::allowance;
      const std::string from = key ? model::canonical_allowance_key(d.from.text) : d.from.text;
      if (d.what == what && from == current)
        next[old] = key ? model::canonical_allowance_key(d.to.text) : d.to.text;
    }
  }
  for (const std::string& name : here)
    next[name] = name;
  return next;
}

// The versions linked under the newest: its versions table, the older programs it owns, and in
// each program the plans and allowance keys of earlier versions migrated to its own.
std::shared_ptr<plan::tariff_program> link(
    const std::vector<std::shared_ptr<plan::tariff_program>>& programs,
    const std::deque<front_end>& fronts, const std::vector<std::size_t>& order) {
  name_map plans;
  name_map keys;
  std::string list;  // what the versioned tariff's hash is the hash of
  std::vector<plan::version> versions;
  for (const std::size_t i : order) {
    plan::tariff_program& p = *programs[i];
    const ast::module& m = fronts[i].module;
    std::vector<std::string> plan_names;
    for (const plan::plan& each : p.plans)
      plan_names.push_back(each.name);
    plans = carry(plans, plan_names, m, ast::migrate_decl::kind::plan);
    keys = carry(keys, check_stage::allowance_keys(m), m, ast::migrate_decl::kind::allowance);
    for (const auto& [old, current] : plans)
      if (old != current) p.plan_migrations[old] = current;
    for (plan::plan& each : p.plans)
      for (plan::allowance& a : each.allowances)
        for (const auto& [old, current] : keys)
          if (old != current && current == a.key) a.earlier_keys.push_back(old);
    versions.push_back({p.effective.value_or(local_date::min()), p.effective.has_value(),
                        p.source_hash, p.file, &p});
    list += (p.effective ? format_date(*p.effective) : std::string("start")) + " " + p.source_hash +
            "\n";
  }
  std::shared_ptr<plan::tariff_program> newest = programs[order.back()];
  for (const std::size_t i : order)
    if (i != order.back()) newest->older_versions.push_back(programs[i]);
  newest->versions = std::move(versions);
  newest->source_hash = text::sha256_hex(list);
  return newest;
}

}  // namespace

compile_result compile(std::span<const tariff_source> sources, const compile_options& options) {
  if (sources.size() == 1) return compile(sources.front().source, sources.front().file, options);
  const errors::stop_scope stop(options.stop);  // parse, check and build poll it
  compile_result result;
  if (sources.empty()) {
    diagnostics::diagnostic_sink sink("", "<none>");
    sink.report(diagnostics::code::missing_header, {1, 1},
                "no tariff source given: a tariff has at least one version");
    result.diagnostics = sink.take();
    return result;
  }
  std::deque<front_end> fronts;  // a deque: each sink stays where the checks found it
  std::size_t bytes = 0;
  for (const tariff_source& s : sources)
    bytes += s.source.size();
  // Cancelled among large versions, their syntax trees are freed elsewhere.
  const errors::release_on_unwind release(bytes >= errors::release_source_from, fronts);
  bool all_read = true;
  for (const tariff_source& s : sources) {
    front_end& f = fronts.emplace_back(s.source, s.file);
    if (!check_stage::source_within_limit(s.source, f.sink) ||
        !parse::source_text_readable(s.source, f.sink)) {
      all_read = false;
      continue;
    }
    f.allowed.emplace(s.source, f.sink);
    f.module = parse::parse_module(s.source, f.sink);
    f.module.file = std::string(s.file);
    check_stage::check_module(f.module, f.sink);
  }
  std::vector<check_stage::version_input> inputs;
  for (front_end& f : fronts)
    inputs.push_back({&f.module, &f.sink});
  const std::vector<std::size_t> order = check_stage::version_order(inputs);
  bool errors = !all_read;
  for (const front_end& f : fronts)
    errors = errors || f.sink.has_errors();
  if (!errors) check_stage::check_versions(inputs, order);  // each version sound on its own first
  for (const front_end& f : fronts)
    errors = errors || f.sink.has_errors();
  if (!errors) {
    std::vector<std::shared_ptr<plan::tariff_program>> programs;
    for (std::size_t i = 0; i < sources.size(); ++i) {
      programs.push_back(compile_stage::build_program(fronts[i].module, sources[i].source,
                                                      sources[i].file, fronts[i].sink));
      errors = errors || programs.back() == nullptr;
    }
    if (!errors) result.tariff = compiled_tariff_access::make(link(programs, fronts, order));
  }
  for (front_end& f : fronts) {
    std::vector<diagnostic> found = f.sink.take();
    if (f.allowed) found = f.allowed->filter(std::move(found));
    result.diagnostics.insert(result.diagnostics.end(), std::make_move_iterator(found.begin()),
                              std::make_move_iterator(found.end()));
  }
  return result;
}

}  // namespace tariff
