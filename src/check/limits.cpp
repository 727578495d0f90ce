// Limits on the size of a tariff: a source past them is refused before the other passes run, so
// no pass meets an input large enough to take minutes (docs/language.md, Limits).
#include <string>

#include "check/checker.hpp"
#include "check/passes.hpp"

namespace tariff::check_stage {

bool check_limits(context& ctx) {
  bool within = true;
  // "table 'big' has more than 10000 entries; that is the limit ..."
  auto over = [&](ast::position at, const std::string& who, std::size_t limit, const char* what) {
    ctx.sink.report(diagnostics::code::limit_exceeded, at,
                    who + " more than " + std::to_string(limit) + " " + what +
                        "; that is the limit (docs/language.md, Limits)");
    within = false;
  };
  for (const ast::table_decl& t : ctx.module.tables)
    if (t.entries.size() > limits::table_entries)
      over(t.entries[limits::table_entries].at, "table '" + t.name.text + "' has",
           limits::table_entries, "entries");
  std::size_t items = 0;
  for (const ast::pricelist_decl& list : ctx.module.pricelists)
    for (const ast::item_decl& item : list.items)
      if (++items == limits::items + 1)
        over(item.at, "the price lists have", limits::items, "items and overrides");
  std::size_t rules = 0;
  for (const ast::rule_or_group& s : ctx.module.rules) {
    if (const auto* g = std::get_if<ast::group_decl>(&s)) {
      for (const ast::rule_decl& r : g->rules)
        if (++rules == limits::rules + 1)
          over(r.at, "the tariff has", limits::rules, "rules (those in groups included)");
    } else if (++rules == limits::rules + 1) {
      over(std::get<ast::rule_decl>(s).at, "the tariff has", limits::rules,
           "rules (those in groups included)");
    }
  }
  return within;
}

bool source_within_limit(std::string_view source, diagnostics::diagnostic_sink& sink) {
  if (source.size() <= check_stage::limits::source_bytes) return true;
  sink.report(diagnostics::code::limit_exceeded, {1, 1},
              "the tariff source is " + std::to_string(source.size()) + " bytes; the limit is " +
                  std::to_string(check_stage::limits::source_bytes) + " (16 MiB)");
  return false;
}

}  // namespace tariff::check_stage
