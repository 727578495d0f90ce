// The compile stage: a checked module becomes an immutable tariff_program.
//
// It runs only on a module the checker passed, so it may rely on what the checker guarantees
// (every name resolves, types fit, no inheritance cycle) and reports only the few limits of the
// compiled form itself, as diagnostics in the same sink.
#include <algorithm>

#include <tariff/pricing.hpp>

#include "check/checker.hpp"
#include "check/directives.hpp"
#include "check/graph.hpp"
#include "compile/build.hpp"
#include "compile/expressions.hpp"
#include "compile/pricelists.hpp"
#include "errors/release.hpp"
#include "errors/stop_point.hpp"
#include "model/allowance_key.hpp"
#include "parse/parser.hpp"
#include "parse/source_text.hpp"
#include "plan/access.hpp"
#include "text/sha256.hpp"

namespace tariff {

namespace compile_stage {

using model::allowance_key;
using plan::allowance;
using plan::attribute_slot;
using plan::code;
using plan::fee;
using plan::group;
using plan::instruction;
using plan::op;
using plan::pay;
using plan::rounding;
using plan::rule;
using plan::table;
using plan::tariff_program;
using plan::tax;
using plan::value;

namespace {

class program_builder {
 public:
  program_builder(const ast::module& m, tariff_program& p) : module_(m), program_(p) {}

  void build() {
    header();
    roundings();
    calendar_of_module();
    attributes();
    assign_item_ids(module_, program_);
    errors::poll(0, 6, "compile steps");  // compile()'s stop condition, before each long step
    build_pricelists(module_, program_);
    errors::poll(1, 6, "compile steps");
    tables();
    errors::poll(2, 6, "compile steps");
    rules();
    errors::poll(3, 6, "compile steps");
    plans();
    errors::poll(4, 6, "compile steps");
    taxes();
    errors::poll(5, 6, "compile steps");
    pays();
  }

 private:
  void header() {
    const ast::tariff_header& h = module_.headers.front();
    program_.name = h.name;
    program_.currency = h.currency.text;
    program_.effective = h.effective;
  }

  void roundings() {
    for (const ast::rounding_decl& r : module_.roundings) {
      rounding to{r.step, r.mode};
      switch (r.point) {
        case ast::rounding_point::segment:
          program_.segment_rounding = to;
          break;
        case ast::rounding_point::line:
          program_.line_rounding = to;
          break;
        case ast::rounding_point::statement:
          program_.statement_rounding = to;
          break;
      }
    }
  }

  void calendar_of_module() {
    const date::time_zone* zone = date::locate_zone("UTC");
    for (const ast::calendar_decl& c : module_.calendars)
      if (c.timezone) zone = &find_time_zone(c.timezone->text);
    program_.cal = calendar(*zone);
    for (const ast::calendar_decl& c : module_.calendars) {
      for (const ast::window_decl& w : c.windows)
        names_.windows.emplace(w.name.text, program_.cal.add_window({w.name.text, w.start, w.end}));
      for (const ast::days_decl& d : c.day_sets) {
        std::uint8_t mask = 0;
        for (date::weekday day : d.days)
          mask = static_cast<std::uint8_t>(mask | (1U << day.c_encoding()));
        names_.day_sets.emplace(d.name.text, program_.cal.add_day_set({d.name.text, mask}));
      }
      for (const ast::holiday_decl& h : c.holidays)
        program_.cal.add_holidays(h.first, h.last);
      for (const ast::season_decl& s : c.seasons) {
        names_.seasons.emplace(s.name.text,
                               program_.cal.add_date_range({s.name.text, s.first, s.last}));
        program_.season_names.push_back(s.name.text);
      }
    }
  }

  void attributes() {
    for (const ast::attribute_decl& a : module_.attributes) {
      attribute_slot slot;
      slot.scope = a.scope;
      slot.name = a.name.text;
      slot.key = std::string(ast::to_string(a.scope)) + "." + a.name.text;
      slot.type = a.type;
      if (a.default_value) slot.default_value = compiler().constant(*a.default_value);
      names_.attributes.emplace(slot.key, static_cast<std::uint32_t>(program_.attributes.size()));
      program_.attributes.push_back(std::move(slot));
    }
  }

  void tables() {
    // Names first: a key may look up a table declared further down.
    for (const ast::table_decl& t : module_.tables) {
      names_.tables.emplace(t.name.text, static_cast<std::uint32_t>(program_.tables.size()));
      program_.tables.emplace_back();
    }
    for (std::size_t i = 0; i < module_.tables.size(); ++i) {
      const ast::table_decl& d = module_.tables[i];
      table& t = program_.tables[i];
      t.name = d.name.text;
      t.at = d.at;
      for (const ast::table_entry& e : d.entries) {
        value v = compiler().constant(e.value);
        switch (e.kind) {
          case ast::table_key_kind::string:
            t.string_keys = true;
            t.by_text.emplace_back(e.text, std::move(v));
            break;
          case ast::table_key_kind::integer:
            t.by_number.push_back({decimal(e.low), decimal(e.low), std::move(v)});
            break;
          case ast::table_key_kind::range: {
            std::optional<decimal> high;
            if (e.high) high = decimal(*e.high);
            t.by_number.push_back({decimal(e.low), std::move(high), std::move(v)});
            break;
          }
          case ast::table_key_kind::otherwise:
            t.otherwise = std::move(v);
            break;
        }
      }
      std::sort(t.by_text.begin(), t.by_text.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      std::sort(t.by_number.begin(), t.by_number.end(),
                [](const auto& a, const auto& b) { return a.low < b.low; });
    }
    for (std::size_t i = 0; i < module_.tables.size(); ++i)
      program_.tables[i].key = compiler().compile(module_.tables[i].key);
    propagate_reads_part();
  }

  // A key that looks up a table whose key reads the part reads the part too. Each table after
  // the tables its key looks up (the checker refused cycles), so one pass settles a chain of any
  // length.
  void propagate_reads_part() {
    check_stage::adjacency looks_up(program_.tables.size());
    for (std::size_t i = 0; i < program_.tables.size(); ++i)
      for (const instruction& in : program_.tables[i].key.ops)
        if (in.code == op::table) looks_up[i].push_back(in.arg);
    for (const std::size_t i : check_stage::dependencies_first(looks_up)) {
      code& key = program_.tables[i].key;
      for (const std::size_t other : looks_up[i])
        if (program_.tables[other].key.reads_part) key.reads_part = true;
    }
  }

  // By item id, true for the items named; empty (every item) when none are.
  std::vector<bool> item_mask(const std::vector<ast::identifier>& items) const {
    std::vector<bool> mask;
    if (items.empty()) return mask;
    mask.assign(program_.item_names.size(), false);
    for (const ast::identifier& i : items)
      mask[program_.item_ids.at(i.text)] = true;
    return mask;
  }

  rule compile_rule(const ast::rule_decl& d) {
    rule r;
    r.name = d.name.text;
    r.at = d.at;
    r.items = item_mask(d.items);
    if (d.condition) r.condition = compiler().compile(*d.condition);
    r.result = compiler().compile(d.value);
    return r;
  }

  void rules() {
    for (const ast::rule_or_group& s : module_.rules) {
      if (const auto* r = std::get_if<ast::rule_decl>(&s)) {
        program_.steps.emplace_back(compile_rule(*r));
        continue;
      }
      const auto& g = std::get<ast::group_decl>(s);
      group out;
      out.name = g.name.text;
      out.at = g.at;
      out.stack = g.stack;
      for (const ast::rule_decl& r : g.rules)
        out.rules.push_back(compile_rule(r));
      program_.steps.emplace_back(std::move(out));
    }
  }

  void plans() {
    for (const ast::plan_decl& d : module_.plans) {
      plan::plan p;
      p.name = d.name.text;
      p.pricelist = static_cast<std::int32_t>(program_.pricelist_index.at(d.pricelist->text));
      if (!d.catalogue.empty()) {
        p.catalogue.assign(program_.item_names.size(), false);
        for (const ast::identifier& i : d.catalogue)
          p.catalogue[program_.item_ids.at(i.text)] = true;
      }
      p.period = d.period.value_or(ast::period_kind::month);
      p.order = d.order.value_or(ast::allowance_order::work);
      for (const ast::fee_decl& f : d.fees)
        p.fees.push_back(compile_fee(f));
      for (const ast::allowance_decl& a : d.allowances)
        p.allowances.push_back(compile_allowance(a));
      if (d.prepaid) {
        p.prepaid = true;
        p.balance_alerts = d.prepaid->alerts;
      }
      if (d.late_work)  // checked: a whole number from 1 to 1200
        p.late_work_periods = static_cast<std::int32_t>(d.late_work->periods->to_units(0));
      program_.plan_index.emplace(p.name, static_cast<std::uint32_t>(program_.plans.size()));
      program_.plans.push_back(std::move(p));
    }
  }

  fee compile_fee(const ast::fee_decl& d) const {
    fee f;
    f.amount = d.amount;
    f.period = d.period;
    f.prorated = d.prorated;
    f.at = d.at;
    if (d.name) f.name = d.name->text;
    f.description = "fee " + (d.name ? d.name->text + " " : std::string()) + d.amount.to_string() +
                    " per " + ast::to_string(d.period);
    if (d.per_unit) {
      f.per_unit_key = std::string(ast::to_string(d.per_unit->scope)) + "." + d.per_unit->name;
      if (const auto slot = names_.attributes.find(f.per_unit_key); slot != names_.attributes.end())
        f.per_unit = slot->second;
      f.description += " per unit " + f.per_unit_key;
    }
    if (d.prorated) f.description += " prorated";
    return f;
  }

  allowance compile_allowance(const ast::allowance_decl& d) const {
    allowance a;
    a.items.assign(program_.item_names.size(), false);
    std::vector<std::string_view> names;
    for (const ast::identifier& i : d.items) {
      a.items[program_.item_ids.at(i.text)] = true;
      names.push_back(i.text);
    }
    a.key = allowance_key(std::move(names), ast::to_string(d.period));
    const bool duration = d.amount.unit == "h" || d.amount.unit == "min";
    a.unit_seconds = duration ? seconds_per(d.amount.unit) : 0;
    a.amount = duration ? d.amount.amount * decimal(a.unit_seconds) : d.amount.amount;
    a.period = d.period;
    a.overage = d.overage_price;
    a.alerts = d.alerts;
    a.at = d.at;
    return a;
  }

  void taxes() {
    if (module_.taxes.empty()) return;
    const ast::tax_decl& d = module_.taxes.front();  // the checker allows one
    tax t;
    t.name = d.name.text;
    t.basis = d.basis;
    t.scope = d.scope;
    t.step = d.step;
    t.mode = d.mode;
    t.rate_of_item.assign(program_.item_names.size(), 0);
    for (std::size_t r = 0; r < d.rates.size(); ++r)
      if (d.rates[r].items.empty()) t.default_rate = static_cast<std::uint32_t>(r);
    std::fill(t.rate_of_item.begin(), t.rate_of_item.end(), t.default_rate);
    for (std::size_t r = 0; r < d.rates.size(); ++r) {
      t.rates.push_back({d.rates[r].name.text, d.rates[r].percent});
      for (const ast::identifier& i : d.rates[r].items)
        t.rate_of_item[program_.item_ids.at(i.text)] = static_cast<std::uint32_t>(r);
    }
    if (d.exempt) t.exempt = compiler().compile(*d.exempt);
    program_.tax_rules = std::move(t);
  }

  void pays() {
    for (const ast::pay_decl& d : module_.pays) {
      pay out;
      out.name = d.name.text;
      for (const ast::rule_decl& r : d.rules) {
        rule compiled;
        compiled.name = r.name.text;
        compiled.at = r.at;
        compiled.items = item_mask(r.items);
        if (r.condition) compiled.condition = compiler().compile_pay(*r.condition);
        compiled.result = compiler().compile_pay(r.value);
        out.rules.push_back(std::move(compiled));
      }
      program_.pays.push_back(std::move(out));
    }
  }

  expression_compiler& compiler() {
    if (!compiler_) compiler_.emplace(program_, names_);
    return *compiler_;
  }

  const ast::module& module_;
  tariff_program& program_;
  scope names_;
  std::optional<expression_compiler> compiler_;
};

}  // namespace
}  // namespace compile_stage

std::shared_ptr<plan::tariff_program> compile_stage::build_program(
    const ast::module& module, std::string_view source, std::string_view file,
    diagnostics::diagnostic_sink& sink) {
  auto program = std::make_shared<plan::tariff_program>();
  // Cancelled while building a large tariff, what is built is freed elsewhere.
  const errors::release_on_unwind release(source.size() >= errors::release_source_from, program);
  program->file = std::string(file);
  program->source_hash = text::sha256_hex(source);
  try {
    compile_stage::program_builder(module, *program).build();
    return program;
  } catch (const cancelled&) {
    throw;  // not a fault of the tariff: the host asked to stop
  } catch (const compile_stage::compile_failure& f) {
    sink.report(diagnostics::code::compile_failed, f.at, f.message);
  } catch (const std::exception& e) {
    // The checker should have refused whatever gets here; report it rather than crash a host.
    sink.report(diagnostics::code::compile_failed, module.headers.front().at,
                std::string("cannot compile this tariff: ") + e.what());
  }
  return nullptr;
}

compile_result compile(std::string_view source, std::string_view file) {
  return compile(source, file, compile_options{});
}

compile_result compile(std::string_view source, std::string_view file,
                       const compile_options& options) {
  const errors::stop_scope stop(options.stop);  // parse, check and build poll it
  diagnostics::diagnostic_sink sink(source, std::string(file));
  compile_result result;
  if (!check_stage::source_within_limit(source, sink) ||
      !parse::source_text_readable(source, sink)) {
    result.diagnostics = sink.take();
    return result;
  }
  const check_stage::directives allowed(source, sink);  // `#@ allow`, as tariff::check reads it
  ast::module module = parse::parse_module(source, sink);
  // Cancelled while checking or building a large tariff, its syntax tree is freed elsewhere.
  const errors::release_on_unwind release(source.size() >= errors::release_source_from, module);
  check_stage::check_module(module, sink);
  if (!sink.has_errors())
    if (auto program = compile_stage::build_program(module, source, file, sink))
      result.tariff = compiled_tariff_access::make(std::move(program));
  result.diagnostics = allowed.filter(sink.take());
  return result;
}

}  // namespace tariff
