// textDocument/documentSymbol: the outline, as a tree of DocumentSymbol. Each declaration spans
// from its start to the line before the next declaration (trailing blank lines left out): the
// syntax tree keeps where declarations start, not where they end. Block entries (items, windows,
// a group's rules) span their own line.
#include <tariff/calendar.hpp>

#include "lsp/capabilities.hpp"

namespace tariff::lsp {
namespace {

using json = nlohmann::json;

// SymbolKind of the specification.
enum kind : int {
  module_kind = 2,
  namespace_kind = 3,
  class_kind = 5,
  property_kind = 7,
  field_kind = 8,
  function_kind = 12,
  variable_kind = 13,
  constant_kind = 14,
  struct_kind = 23,
  event_kind = 24,
};

struct entry {
  std::string name;
  std::string detail;
  int kind = 0;
  ast::position at;        ///< where the declaration starts
  ast::identifier symbol;  ///< its name, for the selection range
  std::vector<entry> children;
};

class outline {
 public:
  outline(session& s, const document& d) : s_(s), d_(d) {}

  // The range from `at` to the end of line `last` (1-based).
  json range(ast::position at, int last) const {
    const text_position start = d_.lines.from_source(d_.text, at.line, at.column, s_.encoding);
    const std::string_view line = d_.lines.line(d_.text, last - 1);
    const text_position end =
        d_.lines.from_source(d_.text, last, static_cast<int>(line.size()) + 1, s_.encoding);
    return to_json(text_range{start, end});
  }

  json symbol(const entry& e, int last) const {
    json j = {{"name", e.name},
              {"kind", e.kind},
              {"range", range(e.at, std::max(last, e.at.line))},
              {"selectionRange",
               to_json(s_.range_of(d_, e.symbol.at, static_cast<int>(e.symbol.text.size())))}};
    if (!e.detail.empty()) j["detail"] = e.detail;
    if (!e.children.empty()) {
      json children = json::array();
      for (const entry& c : e.children)
        children.push_back(symbol(c, c.at.line));
      j["children"] = children;
    }
    return j;
  }

  // The last line of a declaration that runs up to `next` (1-based; exclusive), blank and
  // comment-only lines at its end left out.
  int last_line(int start, int next) const {
    int last = next - 1;
    while (last > start) {
      std::string_view line = d_.lines.line(d_.text, last - 1);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
        line.remove_prefix(1);
      if (!line.empty() && line.front() != '#') break;
      --last;
    }
    return last;
  }

 private:
  session& s_;
  const document& d_;
};

entry rule_entry(const ast::rule_decl& r) {
  return {r.name.text, "rule", function_kind, r.at, r.name, {}};
}

}  // namespace

json document_symbols(session& s, const json& params) {
  const document& d = s.document_of(params);
  const ast::module& m = s.analysis_of(d).module();
  std::vector<entry> top;
  for (const ast::tariff_header& h : m.headers)
    top.push_back(
        {"tariff \"" + h.name + "\"", h.currency.text, module_kind, h.at, {"tariff", h.at}, {}});
  for (const ast::calendar_decl& c : m.calendars) {
    entry e{"calendar", "", namespace_kind, c.at, {"calendar", c.at}, {}};
    for (const ast::window_decl& w : c.windows)
      e.children.push_back({w.name.text, "window", constant_kind, w.at, w.name, {}});
    for (const ast::days_decl& ds : c.day_sets)
      e.children.push_back({ds.name.text, "days", constant_kind, ds.at, ds.name, {}});
    for (const ast::season_decl& se : c.seasons)
      e.children.push_back({se.name.text, "season", constant_kind, se.at, se.name, {}});
    top.push_back(std::move(e));
  }
  for (const ast::attribute_decl& a : m.attributes) {
    const std::string key = std::string(to_string(a.scope)) + "." + a.name.text;
    top.push_back({key, to_string(a.type), property_kind, a.at, a.name, {}});
  }
  for (const ast::table_decl& t : m.tables)
    top.push_back({t.name.text, "table", struct_kind, t.at, t.name, {}});
  for (const ast::pricelist_decl& p : m.pricelists) {
    entry e{
        p.name.text, p.effective ? "price list from " + format_date(*p.effective) : "price list",
        module_kind, p.at,
        p.name,      {}};
    for (const ast::item_decl& i : p.items)
      e.children.push_back(
          {i.name.text, i.is_override ? "override" : i.title, field_kind, i.at, i.name, {}});
    top.push_back(std::move(e));
  }
  for (const ast::rule_or_group& r : m.rules) {
    if (const auto* single = std::get_if<ast::rule_decl>(&r)) {
      top.push_back(rule_entry(*single));
      continue;
    }
    const auto& g = std::get<ast::group_decl>(r);
    entry e{g.name.text,    std::string("group, stack ") + to_string(g.stack),
            namespace_kind, g.at,
            g.name,         {}};
    for (const ast::rule_decl& inner : g.rules)
      e.children.push_back(rule_entry(inner));
    top.push_back(std::move(e));
  }
  for (const ast::plan_decl& p : m.plans)
    top.push_back({p.name.text, "plan", class_kind, p.at, p.name, {}});
  for (const ast::tax_decl& t : m.taxes) {
    entry e{t.name.text, "tax", variable_kind, t.at, t.name, {}};
    for (const ast::tax_rate_decl& r : t.rates)
      e.children.push_back(
          {r.name.text, "rate " + r.percent.to_string() + "%", constant_kind, r.at, r.name, {}});
    top.push_back(std::move(e));
  }
  for (const ast::pay_decl& p : m.pays) {
    entry e{p.name.text, "pay", event_kind, p.at, p.name, {}};
    for (const ast::rule_decl& r : p.rules)
      e.children.push_back(rule_entry(r));
    top.push_back(std::move(e));
  }
  std::stable_sort(top.begin(), top.end(), [](const entry& a, const entry& b) {
    return std::tie(a.at.line, a.at.column) < std::tie(b.at.line, b.at.column);
  });
  const outline o(s, d);
  json result = json::array();
  for (std::size_t i = 0; i < top.size(); ++i) {
    const int next = i + 1 < top.size() ? top[i + 1].at.line : d.lines.lines() + 1;
    result.push_back(o.symbol(top[i], o.last_line(top[i].at.line, next)));
  }
  return result;
}

}  // namespace tariff::lsp
