// Tables: one kind of key, no key twice, integer keys without overlaps or gaps, constant values.
#include <algorithm>
#include <limits>
#include <set>
#include <unordered_map>

#include "check/constant.hpp"
#include "check/graph.hpp"
#include "check/passes.hpp"
#include "check/work_count.hpp"

namespace tariff::check_stage {
namespace {

std::string key_text(const ast::table_entry& e) {
  switch (e.kind) {
    case ast::table_key_kind::string:
      return "\"" + e.text + "\"";
    case ast::table_key_kind::integer:
      return std::to_string(e.low);
    case ast::table_key_kind::range:
      return std::to_string(e.low) + ".." + (e.high ? std::to_string(*e.high) : std::string());
    case ast::table_key_kind::otherwise:
      return "else";
  }
  return "?";
}

bool is_integer_key(const ast::table_entry& e) {
  return e.kind == ast::table_key_kind::integer || e.kind == ast::table_key_kind::range;
}

// An integer key as the inclusive span of numbers it covers; `5..` runs to the largest integer.
struct span {
  std::int64_t low, high;
  const ast::table_entry* entry;
};

span span_of(const ast::table_entry& e) {
  if (e.kind == ast::table_key_kind::integer) return {e.low, e.low, &e};
  return {e.low, e.high.value_or(std::numeric_limits<std::int64_t>::max()), &e};
}

std::string span_text(std::int64_t low, std::int64_t high) {
  return low == high ? std::to_string(low) : std::to_string(low) + ".." + std::to_string(high);
}

class table_checker {
 public:
  table_checker(context& ctx, const ast::table_decl& table) : ctx_(ctx), table_(table) {}

  // Checks the keys and values; returns the type of the values.
  type run() {
    check_key_kinds();
    check_else();
    check_string_keys();
    check_integer_keys();
    return value_type();
  }

  // Checks that the key expression's type suits the keys. Run once every table has its type.
  void check_lookup() {
    const type key = check_expression(ctx_, table_.key);
    if (key.kind == type_kind::invalid || !key_kind_) return;
    const bool strings = *key_kind_ == ast::table_key_kind::string;
    const type_kind needed = strings ? type_kind::string : type_kind::number;
    if (key.kind != needed)
      ctx_.sink.report(diagnostics::code::table_key_type, start_of(table_.key),
                       "table '" + table_.name.text + "' has " + (strings ? "string" : "number") +
                           " keys but is looked up by " + describe(key));
  }

 private:
  void check_key_kinds() {
    for (const ast::table_entry& e : table_.entries) {
      if (e.kind == ast::table_key_kind::otherwise) continue;
      const ast::table_key_kind kind = is_integer_key(e) ? ast::table_key_kind::integer : e.kind;
      if (!key_kind_)
        key_kind_ = kind;
      else if (*key_kind_ != kind)
        ctx_.sink.report(diagnostics::code::table_key_type, e.at,
                         "table '" + table_.name.text + "' mixes string and number keys");
    }
  }

  void check_else() {
    const ast::table_entry* first = nullptr;
    for (const ast::table_entry& e : table_.entries) {
      if (e.kind != ast::table_key_kind::otherwise) continue;
      if (first != nullptr)
        ctx_.sink.report(diagnostics::code::duplicate_key, e.at,
                         "duplicate else (line " + std::to_string(first->at.line) + ")");
      else
        first = &e;
    }
    has_else_ = first != nullptr;
  }

  void check_string_keys() {
    std::map<std::string, const ast::table_entry*> seen;
    for (const ast::table_entry& e : table_.entries) {
      if (e.kind != ast::table_key_kind::string) continue;
      auto [it, inserted] = seen.emplace(e.text, &e);
      if (!inserted)
        ctx_.sink.report(
            diagnostics::code::duplicate_key, e.at,
            "duplicate key " + key_text(e) + " (line " + std::to_string(it->second->at.line) + ")");
    }
  }

  void check_integer_keys() {
    std::vector<span> spans;
    for (const ast::table_entry& e : table_.entries) {
      if (!is_integer_key(e) || (key_kind_ && *key_kind_ != ast::table_key_kind::integer)) continue;
      if (e.high && *e.high < e.low) {
        ctx_.sink.report(diagnostics::code::reversed_range, e.at,
                         "key range " + key_text(e) + " ends before it starts");
        continue;
      }
      const span s = span_of(e);
      report_first_overlap(s, spans);
      spans.push_back(s);
    }
    if (!has_else_) report_gaps(spans);
  }

  void report_first_overlap(const span& s, const std::vector<span>& earlier) {
    for (const span& other : earlier) {
      if (s.low > other.high || other.low > s.high) continue;
      const ast::table_entry& e = *s.entry;
      const std::string line = " (line " + std::to_string(other.entry->at.line) + ")";
      if (e.kind == ast::table_key_kind::integer && other.entry->kind == e.kind)
        ctx_.sink.report(diagnostics::code::duplicate_key, e.at,
                         "duplicate key " + key_text(e) + line);
      else
        ctx_.sink.report(diagnostics::code::key_overlap, e.at,
                         "key " + key_text(e) + " overlaps " + key_text(*other.entry) + line);
      return;
    }
  }

  void report_gaps(std::vector<span> spans) {
    std::sort(spans.begin(), spans.end(),
              [](const span& a, const span& b) { return a.low < b.low; });
    for (std::size_t i = 1; i < spans.size(); ++i) {
      const std::int64_t covered = spans[i - 1].high;
      if (covered == std::numeric_limits<std::int64_t>::max()) return;
      if (spans[i].low > covered + 1)
        ctx_.sink.report(
            diagnostics::code::table_gap, spans[i].entry->at,
            "no entry for " + span_text(covered + 1, spans[i].low - 1) + ", and no else");
      spans[i].high = std::max(spans[i].high, covered);
    }
  }

  // All values one type; numbers and money mix as money.
  type value_type() {
    std::optional<type> common;
    bool mixed_reported = false;
    for (const ast::table_entry& e : table_.entries) {
      if (!is_literal_constant(e.value)) {
        ctx_.sink.report(diagnostics::code::table_value_not_constant, start_of(e.value),
                         "table values must be constants, such as 1.25 or 10%");
        continue;
      }
      const type t = check_expression(ctx_, e.value);
      if (t.kind == type_kind::invalid) continue;
      if (!common) {
        common = t;
      } else if (!(*common == t)) {
        const bool money_mix = (common->kind == type_kind::money && t.kind == type_kind::number) ||
                               (common->kind == type_kind::number && t.kind == type_kind::money);
        if (money_mix)
          common = type{type_kind::money, {}};
        else if (!mixed_reported) {
          ctx_.sink.report(diagnostics::code::table_value_type, e.value.at,
                           "table '" + table_.name.text + "' mixes " + describe(*common) + " and " +
                               describe(t) + " values");
          mixed_reported = true;  // one mixture is enough to say; the rest adds nothing
        }
      }
    }
    return common.value_or(type{});
  }

  context& ctx_;
  const ast::table_decl& table_;
  std::optional<ast::table_key_kind> key_kind_;  // string or integer (ranges count as integer)
  bool has_else_ = false;
};

// The tables an expression reads, in the order it names them.
void collect_table_names(const context& ctx, const ast::expression& e,
                         std::vector<std::string_view>& out) {
  work_count::add();
  if (const auto* n = std::get_if<ast::name_ref>(&e.node)) {
    if (ctx.table_types.contains(n->name)) out.push_back(n->name);
  } else if (const auto* u = std::get_if<ast::unary>(&e.node)) {
    collect_table_names(ctx, *u->operand, out);
  } else if (const auto* c = std::get_if<ast::chain>(&e.node)) {
    collect_table_names(ctx, *c->first, out);
    for (const ast::chain_link& link : c->links)
      collect_table_names(ctx, *link.operand, out);
  } else if (const auto* f = std::get_if<ast::call>(&e.node)) {
    for (const ast::expression_ptr& argument : f->arguments)
      collect_table_names(ctx, *argument, out);
  }
}

// A table looked up by a key that reads the table itself (directly or through others) would
// never finish. Each group of tables that look each other up is reported once, at the key of its
// first declared table, with one path back to it. Without recursion, in time linear in the
// tables and the names their keys read: a chain may be a hundred thousand tables long.
void report_lookup_cycles(context& ctx) {
  const std::vector<std::string>& order = ctx.tables.names();
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < order.size(); ++i)
    index.emplace(order[i], i);
  std::vector<const ast::table_decl*> first_declared(order.size(), nullptr);
  for (const ast::table_decl& table : ctx.module.tables)
    if (const auto found = index.find(table.name.text);
        found != index.end() && first_declared[found->second] == nullptr)
      first_declared[found->second] = &table;
  adjacency reads(order.size());
  std::vector<std::string_view> names;
  for (std::size_t i = 0; i < order.size(); ++i) {
    names.clear();
    collect_table_names(ctx, first_declared[i]->key, names);
    for (const std::string_view name : names)
      reads[i].push_back(index.at(name));
  }
  for (const std::vector<std::size_t>& cycle : cycles(reads)) {
    std::string text;
    for (const std::size_t table : cycle)
      text += order[table] + " -> ";
    const std::string& start = order[cycle.front()];
    ctx.sink.report(diagnostics::code::table_cycle, start_of(first_declared[cycle.front()]->key),
                    "table '" + start + "' is looked up by itself: " + text + start);
  }
}

}  // namespace

void check_tables(context& ctx) {
  std::vector<table_checker> checkers;
  for (const ast::table_decl& table : ctx.module.tables) {
    checkers.emplace_back(ctx, table);
    const type values = checkers.back().run();
    const std::string& name = table.name.text;
    if (name == "base" || name == "quantity") {  // price and cost are keywords already
      ctx.sink.report(diagnostics::code::builtin_name, table.name.at,
                      "table '" + name +
                          "' takes the name of a built-in value; "
                          "a rule naming '" +
                          name + "' would read the built-in");
      checkers.pop_back();
      continue;
    }
    if (std::optional<ast::position> first = ctx.tables.add(table.name.text, table.at))
      ctx.sink.report(
          diagnostics::code::duplicate_name, table.name.at,
          "duplicate table '" + table.name.text + "' (first declared at " + where(*first) + ")");
    else
      ctx.table_types[table.name.text] = values;
  }
  for (table_checker& checker : checkers)
    checker.check_lookup();
  report_lookup_cycles(ctx);
}

}  // namespace tariff::check_stage
