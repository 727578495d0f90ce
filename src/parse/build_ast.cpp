// Builds the syntax tree from the parse tree of one declaration. The grammar has already checked
// the shape; what remains is reading values (numbers, dates, times) and placing them.
#include "parse/build_ast.hpp"

#include <memory>
#include <optional>
#include <string>

#include "errors/stop_point.hpp"

namespace tariff::parse {

namespace {

namespace g = grammar;

ast::position pos(const node& n) {
  return {static_cast<int>(n.m_begin.line), static_cast<int>(n.m_begin.column)};
}

template <class Rule>
const node* find(const node& n) {
  for (const auto& c : n.children)
    if (c->is_type<Rule>()) return c.get();
  return nullptr;
}

template <class Rule>
const node& get(const node& n) {
  const node* c = find<Rule>(n);
  if (c == nullptr)  // the grammar guarantees the child; reaching this is a bug in this file
    throw std::logic_error("parse tree: missing " + std::string(pegtl::demangle<Rule>()) + " in " +
                           std::string(n.type));
  return *c;
}

template <class Rule>
std::vector<const node*> all(const node& n) {
  std::vector<const node*> out;
  for (const auto& c : n.children)
    if (c->is_type<Rule>()) out.push_back(c.get());
  return out;
}

ast::identifier identifier_of(const node& n) {
  return {n.string(), pos(n)};
}

/// Reads literal values, reporting what the grammar cannot judge.
class reader {
 public:
  explicit reader(diagnostics::diagnostic_sink& sink) : sink_(sink) {}

  // The number, or none (reported) when it is past the decimal's limits.
  std::optional<decimal> number_if_readable(const node& n, std::string_view text) {
    try {
      return decimal(text);
    } catch (const decimal_error& e) {
      sink_.report(diagnostics::code::invalid_literal, pos(n), e.what());
      return std::nullopt;
    }
  }
  std::optional<decimal> number_if_readable(const node& n) {
    return number_if_readable(n, n.string_view());
  }
  decimal number(const node& n, std::string_view text) {
    return number_if_readable(n, text).value_or(decimal());
  }
  decimal number(const node& n) { return number(n, n.string_view()); }
  decimal percent(const node& n) {
    const std::string_view text = n.string_view();
    return number(n, text.substr(0, text.size() - 1));
  }
  ast::quantity duration(const node& n) {
    std::string_view text = n.string_view();
    const bool minutes = text.ends_with("min");
    text.remove_suffix(minutes ? 3 : 1);
    return {number(n, text), minutes ? "min" : "h", pos(n)};
  }
  ast::quantity quantity(const node& n) {  // a duration or a unit_quantity
    if (n.is_type<g::duration>()) return duration(n);
    return {number(get<g::number>(n)), get<g::item_unit>(n).string(), pos(n)};
  }
  local_date date(const node& n) {
    if (auto d = parse_date(n.string_view())) return *d;
    sink_.report(diagnostics::code::invalid_literal, pos(n),
                 "invalid date " + n.string() + ": no such day");
    return {};
  }
  std::chrono::minutes time(const node& n) {
    if (auto t = parse_time_of_day(n.string_view())) return *t;
    sink_.report(diagnostics::code::invalid_literal, pos(n),
                 "invalid time " + n.string() + ": a time of day is 00:00 to 24:00");
    return {};
  }
  static std::string string(const node& n) {
    const std::string_view text = n.string_view();
    std::string out;
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
      if (text[i] == '\\') ++i;  // the grammar allows only \" and \\ .
      out.push_back(text[i]);
    }
    return out;
  }

  ast::expression expression(const node& n);
  ast::literal literal(const node& n);

  diagnostics::diagnostic_sink& sink() { return sink_; }

 private:
  ast::expression operator_chain(const node& n);
  ast::expression prefix_run(const node& n);
  diagnostics::diagnostic_sink& sink_;
};

ast::expression make(ast::position at, auto node) {
  ast::expression e;
  e.at = at;
  e.node = std::move(node);
  return e;
}

ast::expression_ptr boxed(ast::expression e) {
  return std::make_unique<ast::expression>(std::move(e));
}

ast::binary_op compare_op_of(std::string_view op) {
  if (op == "=") return ast::binary_op::equal;
  if (op == "!=") return ast::binary_op::not_equal;
  if (op == "<") return ast::binary_op::less;
  if (op == "<=") return ast::binary_op::less_equal;
  if (op == ">") return ast::binary_op::greater;
  return ast::binary_op::greater_equal;
}

ast::attribute_scope scope_of(std::string_view text) {
  if (text == "contract") return ast::attribute_scope::contract;
  if (text == "client") return ast::attribute_scope::client;
  if (text == "site") return ast::attribute_scope::site;
  return ast::attribute_scope::work;
}

ast::attribute_ref attribute_of(const node& n) {
  return {scope_of(get<g::attribute_scope>(n).string_view()), get<g::attribute_name>(n).string()};
}

rounding_mode mode_of(const node& n) {
  // The grammar admits only valid names.
  return parse_rounding_mode(n.string_view()).value_or(rounding_mode::half_even);
}

ast::literal reader::literal(const node& n) {
  ast::literal l;
  if (n.is_type<g::number>()) {
    l.kind = ast::literal_kind::number;
    l.number = number(n);
  } else if (n.is_type<g::percent>()) {
    l.kind = ast::literal_kind::percent;
    l.number = percent(n);
  } else if (n.is_type<g::duration>()) {
    const ast::quantity q = duration(n);
    l.kind = ast::literal_kind::quantity;
    l.number = q.amount;
    l.text = q.unit;
  } else if (n.is_type<g::date_literal>()) {
    l.kind = ast::literal_kind::date;
    l.day = date(n);
  } else if (n.is_type<g::string_literal>()) {
    l.kind = ast::literal_kind::string;
    l.text = string(n);
  } else {
    l.kind = ast::literal_kind::boolean;
    l.truth = n.is_type<g::true_literal>();
  }
  return l;
}

// A first operand followed by operator nodes, each holding its right operand: one chain node,
// applied left to right (see ast::chain), however many operators follow.
ast::expression reader::operator_chain(const node& n) {
  ast::expression first = expression(*n.children.front());
  if (n.children.size() == 1) return first;
  ast::chain c;
  c.first = boxed(std::move(first));
  c.links.reserve(n.children.size() - 1);
  for (std::size_t i = 1; i < n.children.size(); ++i) {
    const node& op = *n.children[i];
    ast::chain_link& link = c.links.emplace_back();
    link.at = pos(op);
    if (op.is_type<g::multiply>()) {
      link.op = ast::binary_op::multiply;
    } else if (op.is_type<g::divide>()) {
      link.op = ast::binary_op::divide;
      link.rounding = ast::division_rounding{
          number(*op.children.at(1)),  // after the divisor, which may be a number
          mode_of(get<g::rounding_mode>(op))};
    } else if (op.is_type<g::add>()) {
      link.op = ast::binary_op::add;
    } else if (op.is_type<g::subtract>()) {
      link.op = ast::binary_op::subtract;
    } else if (op.is_type<g::compare>()) {
      link.op = compare_op_of(get<g::compare_op>(op).string_view());
    } else if (op.is_type<g::logical_and>()) {
      link.op = ast::binary_op::logical_and;
    } else {
      link.op = ast::binary_op::logical_or;
    }
    // The right operand is the operator node's first child; a comparison's first child is the
    // operator itself, and a division's later children are its rounding.
    const node& right = op.is_type<g::compare>() ? *op.children.back() : *op.children.front();
    link.operand = boxed(expression(right));
  }
  const ast::position last_operator = c.links.back().at;
  return make(last_operator, std::move(c));
}

// `- - - x` or `not not x`: the parse tree nests one node per operator; the syntax tree takes
// the run as one node, read in a loop (see ast::unary).
ast::expression reader::prefix_run(const node& n) {
  ast::unary u;
  u.op = n.is_type<g::negate>() ? ast::unary_op::negate : ast::unary_op::logical_not;
  const auto same_operator = [&](const node& c) {
    return u.op == ast::unary_op::negate ? c.is_type<g::negate>() : c.is_type<g::logical_not>();
  };
  const node* last = &n;
  while (same_operator(*last->children.back())) {
    last = last->children.back().get();
    ++u.times;
  }
  u.innermost = pos(*last);
  u.operand = boxed(expression(*last->children.back()));
  return make(pos(n), std::move(u));
}

ast::expression reader::expression(const node& n) {
  if (n.is_type<g::expression>() || n.is_type<g::conjunction>() || n.is_type<g::disjunct>() ||
      n.is_type<g::comparison>() || n.is_type<g::sum>() || n.is_type<g::compared>() ||
      n.is_type<g::product>() || n.is_type<g::term>()) {
    return operator_chain(n);
  }
  if (n.is_type<g::negate>() || n.is_type<g::logical_not>()) return prefix_run(n);
  if (n.is_type<g::name_ref>()) return make(pos(n), ast::name_ref{n.string()});
  if (n.is_type<g::attribute_ref>()) return make(pos(n), attribute_of(n));
  if (n.is_type<g::call>()) {
    ast::call c;
    c.fn = n.children.front()->is_type<g::min_call>() ? ast::function::min : ast::function::max;
    for (std::size_t i = 1; i < n.children.size(); ++i)
      c.arguments.push_back(boxed(expression(*n.children[i])));
    return make(pos(n), std::move(c));
  }
  if (n.is_type<g::in_window>()) {
    return make(pos(n), ast::in_window{identifier_of(get<g::name>(n))});
  }
  if (n.is_type<g::on_days>()) {
    ast::on_days o;
    if (const node* name = find<g::name>(n)) o.day_set = identifier_of(*name);
    return make(pos(n), std::move(o));
  }
  if (n.is_type<g::during>()) {
    ast::during d;
    if (const node* range = find<g::during_range>(n)) {
      const auto dates = all<g::date_literal>(*range);
      d.first = date(*dates.front());
      d.last = date(*dates.back());
    } else {
      d.season = identifier_of(get<g::name>(n));
    }
    return make(pos(n), std::move(d));
  }
  return make(pos(n), literal(n));
}

// ---------------------------------------------------------------------------------------------
// Declarations

void build_header(reader& r, const node& n, ast::module& m) {
  ast::tariff_header h{reader::string(get<g::string_literal>(n)),
                       identifier_of(get<g::currency_code>(n)),
                       pos(n),
                       std::nullopt,
                       {}};
  if (const node* effective = find<g::version_date>(n)) {
    h.effective = r.date(*effective);
    h.effective_at = pos(*effective);
  }
  m.headers.push_back(std::move(h));
}

ast::rounding_point rounding_point_of(std::string_view text) {
  if (text == "segment") return ast::rounding_point::segment;
  if (text == "statement") return ast::rounding_point::statement;
  return ast::rounding_point::line;
}

void build_rounding(reader& r, const node& n, ast::module& m) {
  m.roundings.push_back({rounding_point_of(get<g::rounding_point>(n).string_view()),
                         r.number(get<g::number>(n)), mode_of(get<g::rounding_mode>(n)), pos(n)});
}

date::weekday weekday_of(std::string_view text) {
  constexpr std::array<std::string_view, 7> names = {"sun", "mon", "tue", "wed",
                                                     "thu", "fri", "sat"};
  for (unsigned i = 0; i < names.size(); ++i)
    if (names[i] == text) return date::weekday{i};
  return date::weekday{0};
}

void build_calendar(reader& r, const node& n, ast::module& m) {
  ast::calendar_decl c;
  c.at = pos(n);
  for (const auto& entry : n.children) {
    const node& e = *entry;
    if (e.is_type<g::timezone_entry>()) {
      if (c.timezone)
        r.sink().report(diagnostics::code::option_repeated, pos(e),
                        "duplicate 'timezone' in the calendar (first at " +
                            std::to_string(c.timezone->at.line) + ":" +
                            std::to_string(c.timezone->at.column) + ")");
      else
        c.timezone = identifier_of(get<g::zone_name>(e));
    } else if (e.is_type<g::window_entry>()) {
      const auto times = all<g::time_literal>(e);
      c.windows.push_back(
          {identifier_of(get<g::name>(e)), r.time(*times[0]), r.time(*times[1]), pos(e)});
    } else if (e.is_type<g::days_entry>()) {
      ast::days_decl d{identifier_of(get<g::name>(e)), {}, pos(e)};
      for (const node* w : all<g::weekday>(e))
        d.days.push_back(weekday_of(w->string_view()));
      c.day_sets.push_back(std::move(d));
    } else if (e.is_type<g::holidays_entry>()) {
      for (const node* span : all<g::date_span>(e)) {
        const auto dates = all<g::date_literal>(*span);
        const local_date first = r.date(*dates.front());
        const local_date last = dates.size() > 1 ? r.date(*dates.back()) : first;
        c.holidays.push_back({first, last, pos(*span)});
      }
    } else if (e.is_type<g::season_entry>()) {
      const auto dates = all<g::date_literal>(e);
      c.seasons.push_back(
          {identifier_of(get<g::name>(e)), r.date(*dates[0]), r.date(*dates[1]), pos(e)});
    }
  }
  m.calendars.push_back(std::move(c));
}

ast::value_type value_type_of(std::string_view text) {
  if (text == "number") return ast::value_type::number;
  if (text == "integer") return ast::value_type::integer;
  if (text == "money") return ast::value_type::money;
  if (text == "percent") return ast::value_type::percent;
  if (text == "bool") return ast::value_type::boolean;
  if (text == "date") return ast::value_type::date;
  return ast::value_type::string;
}

void build_attribute(reader& r, const node& n, ast::module& m) {
  const node& ref = get<g::attribute_ref>(n);
  ast::attribute_decl a;
  a.scope = scope_of(get<g::attribute_scope>(ref).string_view());
  a.name = identifier_of(get<g::attribute_name>(ref));
  a.type = value_type_of(get<g::value_type>(n).string_view());
  if (const node* d = find<g::attribute_default>(n)) {
    a.default_value = r.expression(*d->children.front());
  }
  a.at = pos(n);
  m.attributes.push_back(std::move(a));
}

void build_table(reader& r, const node& n, ast::module& m) {
  ast::table_decl t;
  t.name = identifier_of(get<g::name>(n));
  t.key = r.expression(get<g::expression>(n));
  t.at = pos(n);
  for (const node* e : all<g::table_entry>(n)) {
    ast::table_entry entry;
    entry.at = pos(*e);
    if (const node* s = find<g::string_literal>(*e)) {
      entry.kind = ast::table_key_kind::string;
      entry.text = reader::string(*s);
    } else if (find<g::key_else>(*e) != nullptr) {
      entry.kind = ast::table_key_kind::otherwise;
    } else {
      const node& range = get<g::key_range>(*e);
      const node& low = get<g::key_low>(range);
      const node* high = find<g::key_high>(range);
      try {
        entry.low = std::stoll(low.string());
        if (high != nullptr) entry.high = std::stoll(high->string());
      } catch (const std::out_of_range&) {
        r.sink().report(diagnostics::code::invalid_literal, pos(low),
                        "table key " + range.string() + " is too large");
      }
      const bool is_range = range.string_view().find("..") != std::string_view::npos;
      entry.kind = is_range ? ast::table_key_kind::range : ast::table_key_kind::integer;
    }
    entry.value = r.expression(*get<g::table_value>(*e).children.front());
    t.entries.push_back(std::move(entry));
  }
  m.tables.push_back(std::move(t));
}

ast::item_unit unit_of(std::string_view text) {
  constexpr std::array<std::string_view, 10> names = {"hour",  "minute", "day", "month", "visit",
                                                      "piece", "km",     "kg",  "m2",    "m3"};
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == text) return static_cast<ast::item_unit>(i);
  return ast::item_unit::piece;
}

ast::tier_kind tier_kind_of(std::string_view text) {
  if (text.starts_with("volume")) return ast::tier_kind::volume;
  if (text.starts_with("package")) return ast::tier_kind::package;
  if (text.starts_with("percentage")) return ast::tier_kind::percentage;
  return ast::tier_kind::graduated;
}

ast::tiers_decl build_tiers(reader& r, const node& n) {
  ast::tiers_decl t;
  t.at = pos(n);
  const node& kind = get<g::tier_kind>(n);
  t.kind = tier_kind_of(kind.string_view());
  if (const node* size = find<g::package_size>(kind)) {
    try {
      t.package_size = std::stoll(size->string());
    } catch (const std::out_of_range&) {
      r.sink().report(diagnostics::code::invalid_literal, pos(*size),
                      "package size " + size->string() + " is too large");
    }
  }
  for (const node* tier_node : all<g::tier>(n)) {
    ast::tier tier;
    tier.at = pos(*tier_node);
    tier.low = r.number(get<g::tier_low>(*tier_node));
    const std::string_view text = tier_node->string_view();
    const bool is_range = text.find("..") < text.find(':');
    if (const node* high = find<g::tier_high>(*tier_node)) {
      tier.high = r.number(*high);
    } else if (!is_range) {
      tier.high = tier.low;  // a single quantity: `5: 100.00`
    }
    tier.value = r.literal(*get<g::tier_value>(*tier_node).children.front());
    t.tiers.push_back(std::move(tier));
  }
  return t;
}

// Sets an option once; a second occurrence is an error naming the first.
template <class T>
void set_once(reader& r, std::optional<T>& slot, T value, const node& at, const char* what) {
  if (slot.has_value()) {
    r.sink().report(diagnostics::code::option_repeated, pos(at),
                    std::string("'") + what + "' given twice for this item");
    return;
  }
  slot = std::move(value);
}

void build_item_options(reader& r, const node& n, ast::item_decl& item) {
  for (const auto& child : n.children) {
    const node& o = *child;
    if (o.is_type<g::option_price>()) {
      set_once(r, item.price, r.number(get<g::number>(o)), o, "price");
    } else if (o.is_type<g::option_cost>()) {
      set_once(r, item.cost, r.number(get<g::number>(o)), o, "cost");
    } else if (o.is_type<g::option_bill>()) {
      const node& q = *o.children.front();
      set_once(r, item.step,
               ast::billing_step{r.quantity(q), find<g::per_segment>(o) != nullptr, pos(o)}, o,
               "bill started");
    } else if (o.is_type<g::option_minimum_charge>()) {
      set_once(r, item.minimum_charge, r.number(get<g::number>(o)), o, "minimum charge");
      item.minimum_charge_at = pos(o);
    } else if (o.is_type<g::option_minimum>()) {
      set_once(r, item.minimum, r.quantity(*o.children.front()), o, "minimum");
    } else if (o.is_type<g::option_maximum_charge>()) {
      set_once(r, item.maximum_charge, r.number(get<g::number>(o)), o, "maximum charge");
      item.maximum_charge_at = pos(o);
    } else if (o.is_type<g::option_discount>()) {
      set_once(r, item.discount_percent, r.percent(get<g::percent>(o)), o, "discount");
      item.discount_at = pos(o);
    } else if (o.is_type<g::option_tiers>()) {
      set_once(r, item.tiers, build_tiers(r, o), o, "tiers");
    } else if (o.is_type<g::option_credit>()) {
      set_once(r, item.credit, pos(o), o, "credit");
    }
  }
}

// Each item's subtree is freed once read: a list of 100 000 items would otherwise be freed at
// once, tens of milliseconds in which compile()'s stop condition is not looked at.
void build_pricelist(reader& r, node& n, ast::module& m) {
  ast::pricelist_decl p;
  p.at = pos(n);
  p.name = identifier_of(get<g::name>(n));
  if (const node* base = find<g::base_list>(n)) p.base = identifier_of(get<g::name>(*base));
  if (const node* eff = find<g::effective>(n)) p.effective = r.date(get<g::date_literal>(*eff));
  p.items.reserve(n.children.size());  // one child per item, and a few more
  for (std::unique_ptr<node>& child : n.children) {
    errors::poll_every(static_cast<std::size_t>(&child - n.children.data()), n.children.size(),
                       "items read");
    const node& c = *child;
    if (!c.is_type<g::item>() && !c.is_type<g::override_item>()) continue;
    ast::item_decl item;
    item.at = pos(c);
    item.name = identifier_of(get<g::name>(c));
    item.is_override = c.is_type<g::override_item>();
    if (const node* title = find<g::item_title>(c)) item.title = reader::string(*title);
    if (const node* unit = find<g::item_unit>(c)) {
      item.unit = unit_of(unit->string_view());
      item.unit_at = pos(*unit);
    }
    build_item_options(r, c, item);
    p.items.push_back(std::move(item));
    child.reset();
  }
  m.pricelists.push_back(std::move(p));
}

ast::rule_decl build_rule(reader& r, const node& n) {
  ast::rule_decl rule;
  rule.at = pos(n);
  rule.name = identifier_of(get<g::name>(n));
  if (const node* items = find<g::rule_items>(n))
    for (const node* item : all<g::name>(*items))
      rule.items.push_back(identifier_of(*item));
  if (const node* when = find<g::rule_condition>(n))
    rule.condition = r.expression(*when->children.front());
  rule.value = r.expression(*get<g::rule_value>(n).children.front());
  return rule;
}

ast::stacking stacking_of(std::string_view text) {
  if (text == "largest") return ast::stacking::largest;
  if (text == "add") return ast::stacking::add;
  return ast::stacking::multiply;
}

void build_group(reader& r, const node& n, ast::module& m) {
  ast::group_decl group;
  group.at = pos(n);
  group.name = identifier_of(get<g::name>(n));
  group.stack = stacking_of(get<g::stacking>(n).string_view());
  for (const node* rule : all<g::rule>(n))
    group.rules.push_back(build_rule(r, *rule));
  m.rules.emplace_back(std::move(group));
}

ast::period_kind period_of(const node& n) {
  const std::string_view text = n.string_view();
  if (text == "quarter") return ast::period_kind::quarter;
  if (text == "year") return ast::period_kind::year;
  return ast::period_kind::month;
}

ast::allowance_order order_of(std::string_view text) {
  if (text == "cheapest") return ast::allowance_order::cheapest;
  if (text == "dearest") return ast::allowance_order::dearest;
  return ast::allowance_order::work;
}

void build_plan(reader& r, const node& n, ast::module& m) {
  ast::plan_decl plan;
  plan.at = pos(n);
  plan.name = identifier_of(get<g::name>(n));
  auto once = [&r](const node& at, bool already, const char* what) {
    if (already)
      r.sink().report(diagnostics::code::option_repeated, pos(at),
                      std::string("'") + what + "' given twice in this plan");
    return !already;
  };
  for (const auto& child : n.children) {
    const node& e = *child;
    if (e.is_type<g::plan_pricelist>()) {
      if (once(e, plan.pricelist.has_value(), "pricelist"))
        plan.pricelist = identifier_of(get<g::name>(e));
    } else if (e.is_type<g::plan_period>()) {
      if (once(e, plan.period.has_value(), "period"))
        plan.period = period_of(get<g::period_name>(e));
    } else if (e.is_type<g::plan_fee>()) {
      ast::fee_decl fee;
      fee.at = pos(e);
      if (const node* name = find<g::fee_name>(e)) fee.name = identifier_of(*name);
      fee.amount = r.number(get<g::number>(e));
      fee.amount_at = pos(get<g::number>(e));
      fee.period = period_of(get<g::period_name>(e));
      if (const node* unit = find<g::fee_per_unit>(e)) {
        fee.per_unit = attribute_of(get<g::attribute_ref>(*unit));
        fee.per_unit_at = pos(get<g::attribute_ref>(*unit));
      }
      fee.prorated = find<g::fee_prorated>(e) != nullptr;
      plan.fees.push_back(std::move(fee));
    } else if (e.is_type<g::plan_includes>()) {
      ast::allowance_decl a;
      a.at = pos(e);
      const node& amount = *get<g::allowance_amount>(e).children.front();
      a.amount = amount.is_type<g::duration>() ? r.duration(amount)
                                               : ast::quantity{r.number(amount), "", pos(amount)};
      for (const node* item : all<g::name>(get<g::item_set>(e)))
        a.items.push_back(identifier_of(*item));
      a.period = period_of(get<g::period_name>(e));
      if (const node* overage = find<g::overage>(e))
        a.overage_price = r.number(get<g::number>(*overage));
      if (const node* alerts = find<g::alerts>(e))
        for (const node* p : all<g::percent>(*alerts)) {
          a.alerts.push_back(r.percent(*p));
          a.alerts_at.push_back(pos(*p));
        }
      plan.allowances.push_back(std::move(a));
    } else if (e.is_type<g::plan_order>()) {
      if (once(e, plan.order.has_value(), "order"))
        plan.order = order_of(get<g::order_kind>(e).string_view());
    } else if (e.is_type<g::plan_catalogue>()) {
      for (const node* item : all<g::name>(e))
        plan.catalogue.push_back(identifier_of(*item));
    } else if (e.is_type<g::plan_prepaid>()) {
      if (!once(e, plan.prepaid.has_value(), "prepaid")) continue;
      ast::prepaid_decl prepaid;
      prepaid.at = pos(e);
      if (const node* alerts = find<g::balance_alerts>(e))
        for (const node* balance : all<g::number>(*alerts)) {
          prepaid.alerts.push_back(r.number(*balance));
          prepaid.alerts_at.push_back(pos(*balance));
        }
      plan.prepaid = std::move(prepaid);
    } else if (e.is_type<g::plan_late_work>()) {
      if (!once(e, plan.late_work.has_value(), "late work")) continue;
      ast::late_work_decl late;
      late.at = pos(e);
      const node& count = get<g::late_work_count>(e);
      late.periods = r.number_if_readable(count);
      late.periods_at = pos(count);
      const node& unit = get<g::late_work_unit>(e);
      late.plural = unit.string_view() == "periods";
      late.word_at = pos(unit);
      plan.late_work = std::move(late);
    }
  }
  m.plans.push_back(std::move(plan));
}

void build_tax(reader& r, const node& n, ast::module& m) {
  ast::tax_decl tax;
  tax.at = pos(n);
  tax.name = identifier_of(get<g::name>(n));
  tax.basis = get<g::tax_basis>(n).string_view() == "included" ? ast::tax_basis::included
                                                               : ast::tax_basis::excluded;
  tax.scope = get<g::tax_scope>(n).string_view() == "statement" ? ast::tax_scope::statement
                                                                : ast::tax_scope::line;
  const node& rounding = get<g::tax_rounding>(n);
  tax.step = r.number(get<g::number>(rounding));
  tax.step_at = pos(get<g::number>(rounding));
  tax.mode = mode_of(get<g::rounding_mode>(rounding));
  for (const auto& child : n.children) {
    const node& e = *child;
    if (e.is_type<g::tax_rate>()) {
      ast::tax_rate_decl rate;
      rate.at = pos(e);
      rate.name = identifier_of(get<g::name>(e));
      rate.percent = r.percent(get<g::percent>(e));
      rate.percent_at = pos(get<g::percent>(e));
      if (const node* items = find<g::tax_rate_items>(e))
        for (const node* item : all<g::name>(*items))
          rate.items.push_back(identifier_of(*item));
      tax.rates.push_back(std::move(rate));
    } else if (e.is_type<g::tax_exempt>()) {
      if (tax.exempt) {
        r.sink().report(diagnostics::code::option_repeated, pos(e),
                        "'exempt' given twice in this tax");
        continue;
      }
      tax.exempt = r.expression(*e.children.front());
    }
  }
  m.taxes.push_back(std::move(tax));
}

void build_pay(reader& r, const node& n, ast::module& m) {
  ast::pay_decl pay;
  pay.at = pos(n);
  pay.name = identifier_of(get<g::name>(n));
  for (const node* rule : all<g::rule>(n))
    pay.rules.push_back(build_rule(r, *rule));
  m.pays.push_back(std::move(pay));
}

void build_migrate(const node& n, ast::module& m) {
  ast::migrate_decl d;
  d.at = pos(n);
  if (const node* p = find<g::migrate_plan>(n)) {
    d.what = ast::migrate_decl::kind::plan;
    d.from = identifier_of(get<g::migrate_old>(*p));
    d.to = identifier_of(get<g::migrate_new>(*p));
  } else {
    const node& a = get<g::migrate_allowance>(n);
    d.what = ast::migrate_decl::kind::allowance;
    const node& from = get<g::migrate_old_key>(a);
    const node& to = get<g::migrate_new_key>(a);
    d.from = {reader::string(from), pos(from)};
    d.to = {reader::string(to), pos(to)};
  }
  m.migrations.push_back(std::move(d));
}

}  // namespace

void build_declaration(node& n, ast::module& module, diagnostics::diagnostic_sink& sink) {
  reader r(sink);
  if (n.is_type<g::header>()) return build_header(r, n, module);
  if (n.is_type<g::rounding>()) return build_rounding(r, n, module);
  if (n.is_type<g::calendar>()) return build_calendar(r, n, module);
  if (n.is_type<g::attribute>()) return build_attribute(r, n, module);
  if (n.is_type<g::table>()) return build_table(r, n, module);
  if (n.is_type<g::pricelist>()) return build_pricelist(r, n, module);
  if (n.is_type<g::rule>()) return (void)module.rules.emplace_back(build_rule(r, n));
  if (n.is_type<g::group>()) return build_group(r, n, module);
  if (n.is_type<g::plan>()) return build_plan(r, n, module);
  if (n.is_type<g::tax>()) return build_tax(r, n, module);
  if (n.is_type<g::pay>()) return build_pay(r, n, module);
  if (n.is_type<g::migrate>()) return build_migrate(n, module);
}

}  // namespace tariff::parse
