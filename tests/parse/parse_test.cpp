// The parser builds the syntax tree the checker reads: shapes, values and positions.
#include <gtest/gtest.h>

#include "parse/parser.hpp"
#include "tests/parse/samples.hpp"

namespace tariff {
namespace {

using testing_parse::parse;
using testing_parse::parsed;

const ast::rule_decl& rule_at(const ast::module& m, std::size_t i) {
  return std::get<ast::rule_decl>(m.rules.at(i));
}

const ast::chain& as_chain(const ast::expression& e) {
  return std::get<ast::chain>(e.node);
}

std::string text_of(const ast::expression& e) {
  return std::visit(
      [](const auto& n) -> std::string {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::literal>) {
          switch (n.kind) {
            case ast::literal_kind::number:
              return n.number.to_string();
            case ast::literal_kind::percent:
              return n.number.to_string() + "%";
            case ast::literal_kind::quantity:
              return n.number.to_string() + n.text;
            case ast::literal_kind::string:
              return "\"" + n.text + "\"";
            case ast::literal_kind::date:
              return format_date(n.day);
            case ast::literal_kind::boolean:
              return n.truth ? "true" : "false";
          }
          return "?";
        } else if constexpr (std::is_same_v<T, ast::name_ref>) {
          return n.name;
        } else if constexpr (std::is_same_v<T, ast::attribute_ref>) {
          return std::string(ast::to_string(n.scope)) + "." + n.name;
        } else if constexpr (std::is_same_v<T, ast::unary>) {
          std::string out;
          for (std::uint32_t i = 0; i < n.times; ++i)
            out += n.op == ast::unary_op::negate ? "-" : "not ";
          return out + text_of(*n.operand);
        } else if constexpr (std::is_same_v<T, ast::chain>) {
          // Each operator brackets what it applies to, so the grouping shows: ((a + b) - c).
          std::string out = text_of(*n.first);
          for (const ast::chain_link& link : n.links) {
            out = "(" + out + " " + ast::to_string(link.op) + " " + text_of(*link.operand);
            if (link.rounding)
              out += " round " + link.rounding->step.to_string() + " " +
                     std::string(to_string(link.rounding->mode));
            out += ")";
          }
          return out;
        } else if constexpr (std::is_same_v<T, ast::call>) {
          std::string out = n.fn == ast::function::min ? "min(" : "max(";
          for (std::size_t i = 0; i < n.arguments.size(); ++i)
            out += (i ? ", " : "") + text_of(*n.arguments[i]);
          return out + ")";
        } else if constexpr (std::is_same_v<T, ast::in_window>) {
          return "in " + n.window.text;
        } else if constexpr (std::is_same_v<T, ast::on_days>) {
          return "on " + (n.day_set ? n.day_set->text : std::string("holiday"));
        } else {
          return "during " +
                 (n.season ? n.season->text : format_date(n.first) + ".." + format_date(n.last));
        }
      },
      e.node);
}

TEST(Parse, PrecedenceAndAssociativity) {
  const auto p = parse(
      "rule a : price + base * 2 - cost\n"
      "rule b when not in night and on weekend or on holiday : price\n"
      "rule c when quantity >= 2 and work.kind = \"warranty\" : -price\n"
      "rule d : price / 3 round 0.05 half_even * 2\n"
      "rule e : min(price, 100.00, max(base, cost))\n"
      "rule f when during summer or during 2026-06-01 .. 2026-08-31 : price * 15%\n");
  ASSERT_TRUE(p.diagnostics.empty()) << format(p.diagnostics);
  const auto& m = p.module;
  EXPECT_EQ(text_of(rule_at(m, 0).value), "((price + (base * 2)) - cost)");
  EXPECT_EQ(text_of(*rule_at(m, 1).condition), "((not in night and on weekend) or on holiday)");
  EXPECT_EQ(text_of(*rule_at(m, 2).condition), "((quantity >= 2) and (work.kind = \"warranty\"))");
  EXPECT_EQ(text_of(rule_at(m, 2).value), "-price");
  EXPECT_EQ(text_of(rule_at(m, 3).value), "((price / 3 round 0.05 half_even) * 2)");
  EXPECT_EQ(text_of(rule_at(m, 4).value), "min(price, 100.00, max(base, cost))");
  EXPECT_EQ(text_of(*rule_at(m, 5).condition), "(during summer or during 2026-06-01..2026-08-31)");
  EXPECT_EQ(text_of(rule_at(m, 5).value), "(price * 15%)");
}

TEST(Parse, PositionsPointAtTheOperatorAndTheName) {
  const auto p = parse("tariff \"T\" currency RUB\nrule night when in night : price * 2\n");
  ASSERT_TRUE(p.diagnostics.empty()) << format(p.diagnostics);
  const auto& r = rule_at(p.module, 0);
  EXPECT_EQ(r.at, (ast::position{2, 1}));
  EXPECT_EQ(r.name.at, (ast::position{2, 6}));
  EXPECT_EQ(r.condition->at, (ast::position{2, 17}));
  EXPECT_EQ(std::get<ast::in_window>(r.condition->node).window.at, (ast::position{2, 20}));
  EXPECT_EQ(r.value.at, (ast::position{2, 34}));  // the '*'
  EXPECT_EQ(as_chain(r.value).first->at, (ast::position{2, 28}));
}

TEST(Parse, HeaderRoundingCalendar) {
  const auto p = parse(
      "tariff \"Facilities 2026\" currency RUB  # a comment\n"
      "rounding line 0.01 half_up\n"
      "calendar {\n"
      "  timezone Europe/Moscow\n"
      "  window night 22:00 .. 06:00\n"
      "  days weekend sat, sun\n"
      "  holidays 2026-01-01 .. 2026-01-08, 2026-05-01\n"
      "  season summer 2026-06-01 .. 2026-08-31\n"
      "}\n");
  ASSERT_TRUE(p.diagnostics.empty()) << format(p.diagnostics);
  const auto& m = p.module;
  ASSERT_EQ(m.headers.size(), 1U);
  EXPECT_EQ(m.headers[0].name, "Facilities 2026");
  EXPECT_EQ(m.headers[0].currency.text, "RUB");
  ASSERT_EQ(m.roundings.size(), 1U);
  EXPECT_EQ(m.roundings[0].point, ast::rounding_point::line);
  EXPECT_EQ(m.roundings[0].step.to_string(), "0.01");
  EXPECT_EQ(m.roundings[0].mode, rounding_mode::half_up);
  ASSERT_EQ(m.calendars.size(), 1U);
  const auto& c = m.calendars[0];
  EXPECT_EQ(c.timezone->text, "Europe/Moscow");
  ASSERT_EQ(c.windows.size(), 1U);
  EXPECT_EQ(c.windows[0].start, std::chrono::minutes(22 * 60));
  EXPECT_EQ(c.windows[0].end, std::chrono::minutes(6 * 60));
  ASSERT_EQ(c.day_sets.size(), 1U);
  EXPECT_EQ(c.day_sets[0].days, (std::vector<date::weekday>{date::Saturday, date::Sunday}));
  ASSERT_EQ(c.holidays.size(), 2U);
  EXPECT_EQ(format_date(c.holidays[0].first), "2026-01-01");
  EXPECT_EQ(format_date(c.holidays[0].last), "2026-01-08");
  EXPECT_EQ(format_date(c.holidays[1].first), "2026-05-01");
  EXPECT_EQ(format_date(c.holidays[1].last), "2026-05-01");
  EXPECT_EQ(c.seasons[0].name.text, "summer");
}

TEST(Parse, TablesWithKeysRangesAndElse) {
  const auto p = parse(
      "table region_factor by site.region { \"moscow\": 1.00, \"tula\": 1.25, else: 1.10 }\n"
      "table loyalty by contract.year { 1: 0%, 2: 5%, 3..4: 10%, 5..: 15%, }\n");
  ASSERT_TRUE(p.diagnostics.empty()) << format(p.diagnostics);
  const auto& region = p.module.tables.at(0);
  EXPECT_EQ(text_of(region.key), "site.region");
  ASSERT_EQ(region.entries.size(), 3U);
  EXPECT_EQ(region.entries[1].kind, ast::table_key_kind::string);
  EXPECT_EQ(region.entries[1].text, "tula");
  EXPECT_EQ(text_of(region.entries[1].value), "1.25");
  EXPECT_EQ(region.entries[2].kind, ast::table_key_kind::otherwise);
  const auto& loyalty = p.module.tables.at(1);
  ASSERT_EQ(loyalty.entries.size(), 4U);
  EXPECT_EQ(loyalty.entries[0].kind, ast::table_key_kind::integer);
  EXPECT_EQ(loyalty.entries[0].low, 1);
  EXPECT_EQ(loyalty.entries[2].kind, ast::table_key_kind::range);
  EXPECT_EQ(loyalty.entries[2].low, 3);
  EXPECT_EQ(loyalty.entries[2].high, 4);
  EXPECT_EQ(loyalty.entries[3].kind, ast::table_key_kind::range);
  EXPECT_FALSE(loyalty.entries[3].high.has_value());
  EXPECT_EQ(text_of(loyalty.entries[3].value), "15%");
}

TEST(Parse, PriceListsItemsOverridesTiers) {
  const auto p = parse(
      "pricelist retail effective 2026-01-01 {\n"
      "  item hvac_repair \"HVAC repair\" per hour price 2500.00 cost 1400.00 bill started 1h "
      "minimum 1h\n"
      "  item remote \"Remote\" per hour price 2000.00 bill started 15min per segment\n"
      "  item visit \"Engineer visit\" per visit price 1800.00 minimum charge 900.00\n"
      "  item cable \"Cable\" per piece price 100.00 bill started 10 piece tiers package 50 { "
      "1..: 450.00 }\n"
      "  item parts \"Parts\" per piece price 100.00 tiers graduated { 1..10: 100.00, 11..: 90.00 "
      "}\n"
      "}\n"
      "pricelist wholesale extends retail { hvac_repair price 2200.00 discount 5% }\n");
  ASSERT_TRUE(p.diagnostics.empty()) << format(p.diagnostics);
  const auto& retail = p.module.pricelists.at(0);
  EXPECT_EQ(format_date(*retail.effective), "2026-01-01");
  ASSERT_EQ(retail.items.size(), 5U);
  const auto& hvac = retail.items[0];
  EXPECT_EQ(hvac.title, "HVAC repair");
  EXPECT_EQ(hvac.unit, ast::item_unit::hour);
  EXPECT_EQ(hvac.price->to_string(), "2500.00");
  EXPECT_EQ(hvac.cost->to_string(), "1400.00");
  EXPECT_EQ(hvac.step->step.amount.to_string(), "1");
  EXPECT_EQ(hvac.step->step.unit, "h");
  EXPECT_FALSE(hvac.step->per_segment);
  EXPECT_EQ(hvac.minimum->unit, "h");
  const auto& remote = retail.items[1];
  EXPECT_EQ(remote.step->step.amount.to_string(), "15");
  EXPECT_EQ(remote.step->step.unit, "min");
  EXPECT_TRUE(remote.step->per_segment);
  EXPECT_EQ(retail.items[2].minimum_charge->to_string(), "900.00");
  const auto& cable = retail.items[3];
  EXPECT_EQ(cable.step->step.unit, "piece");
  EXPECT_EQ(cable.tiers->kind, ast::tier_kind::package);
  EXPECT_EQ(cable.tiers->package_size, 50);
  const auto& parts = retail.items[4].tiers->tiers;
  ASSERT_EQ(parts.size(), 2U);
  EXPECT_EQ(parts[0].low.to_string(), "1");
  EXPECT_EQ(parts[0].high->to_string(), "10");
  EXPECT_FALSE(parts[1].high.has_value());
  EXPECT_EQ(parts[1].value.number.to_string(), "90.00");
  const auto& wholesale = p.module.pricelists.at(1);
  EXPECT_EQ(wholesale.base->text, "retail");
  ASSERT_EQ(wholesale.items.size(), 1U);
  EXPECT_TRUE(wholesale.items[0].is_override);
  EXPECT_EQ(wholesale.items[0].price->to_string(), "2200.00");
  EXPECT_EQ(wholesale.items[0].discount_percent->to_string(), "5");
}

TEST(Parse, GroupsAndPlans) {
  const auto p = parse(
      "group surcharges stack largest {\n"
      "  rule night when in night : 2\n"
      "  rule weekend for visit, hvac when on weekend : 1.5\n"
      "}\n"
      "plan standard {\n"
      "  pricelist retail\n"
      "  period month\n"
      "  fee 100000.00 per month\n"
      "  fee 500.00 per month per unit contract.workstations prorated\n"
      "  includes 3 visit per month\n"
      "  includes 20h (hvac_repair, remote) per quarter overage 2000.00 alert 80%, 100%\n"
      "  order cheapest\n"
      "  catalogue hvac_repair, visit, cartridge\n"
      "}\n");
  ASSERT_TRUE(p.diagnostics.empty()) << format(p.diagnostics);
  const auto& group = std::get<ast::group_decl>(p.module.rules.at(0));
  EXPECT_EQ(group.stack, ast::stacking::largest);
  ASSERT_EQ(group.rules.size(), 2U);
  EXPECT_EQ(group.rules[1].items.size(), 2U);
  EXPECT_EQ(group.rules[1].items[1].text, "hvac");
  const auto& plan = p.module.plans.at(0);
  EXPECT_EQ(plan.pricelist->text, "retail");
  EXPECT_EQ(plan.period, ast::period_kind::month);
  ASSERT_EQ(plan.fees.size(), 2U);
  EXPECT_EQ(plan.fees[1].per_unit->name, "workstations");
  EXPECT_TRUE(plan.fees[1].prorated);
  EXPECT_FALSE(plan.fees[0].prorated);
  ASSERT_EQ(plan.allowances.size(), 2U);
  EXPECT_EQ(plan.allowances[0].amount.amount.to_string(), "3");
  EXPECT_EQ(plan.allowances[0].amount.unit, "");
  EXPECT_EQ(plan.allowances[0].items.at(0).text, "visit");
  EXPECT_EQ(plan.allowances[1].amount.unit, "h");
  EXPECT_EQ(plan.allowances[1].items.size(), 2U);
  EXPECT_EQ(plan.allowances[1].period, ast::period_kind::quarter);
  EXPECT_EQ(plan.allowances[1].overage_price->to_string(), "2000.00");
  EXPECT_EQ(plan.allowances[1].alerts.size(), 2U);
  EXPECT_EQ(plan.order, ast::allowance_order::cheapest);
  EXPECT_EQ(plan.catalogue.size(), 3U);
}

TEST(Parse, LateWorkHorizonOfAPlan) {
  const auto p = parse(
      "plan support {\n"
      "  pricelist main\n"
      "  late work 3 periods\n"
      "}\n"
      "plan single { late work 1 period }\n"
      "plan none { period month }\n");
  ASSERT_TRUE(p.diagnostics.empty()) << format(p.diagnostics);
  ASSERT_EQ(p.module.plans.size(), 3U);
  const auto& late = p.module.plans[0].late_work;
  ASSERT_TRUE(late.has_value());
  ASSERT_TRUE(late->periods.has_value());
  EXPECT_TRUE(identical(*late->periods, decimal(3)));
  EXPECT_TRUE(late->plural);
  EXPECT_EQ(late->at, (ast::position{3, 3}));
  EXPECT_EQ(late->periods_at, (ast::position{3, 13}));
  EXPECT_EQ(late->word_at, (ast::position{3, 15}));
  const auto& single = p.module.plans[1].late_work;
  ASSERT_TRUE(single.has_value());
  EXPECT_TRUE(identical(*single->periods, decimal(1)));
  EXPECT_FALSE(single->plural);
  EXPECT_EQ(single->word_at, (ast::position{5, 27}));
  EXPECT_FALSE(p.module.plans[2].late_work.has_value());
}

// The number is read as written (the checker judges it); the parser itself reports only a second
// horizon, and a number past the decimal's limits, which it leaves unread.
TEST(Parse, LateWorkKeepsTheNumberAsWrittenAndTheFirstOfTwo) {
  const auto p = parse(
      "plan a {\n"
      "  late work 2.50 periods\n"
      "  late work 6 periods\n"
      "}\n"
      "plan b { late work " +
      std::string(300, '9') + " periods }\n");
  ASSERT_EQ(p.diagnostics.size(), 2U) << format(p.diagnostics);
  EXPECT_EQ(p.diagnostics[0].message, "'late work' given twice in this plan");
  EXPECT_EQ(p.diagnostics[0].line, 3);
  EXPECT_EQ(p.diagnostics[0].column, 3);
  EXPECT_EQ(p.diagnostics[1].line, 5);
  EXPECT_EQ(p.diagnostics[1].column, 20);
  ASSERT_EQ(p.module.plans.size(), 2U);
  ASSERT_TRUE(p.module.plans[0].late_work->periods.has_value());
  EXPECT_EQ(p.module.plans[0].late_work->periods->to_string(), "2.50");
  ASSERT_TRUE(p.module.plans[1].late_work.has_value());
  EXPECT_FALSE(p.module.plans[1].late_work->periods.has_value());
}

// `late` and `periods` are not reserved: they stay names everywhere but where a plan entry starts.
TEST(Parse, LateAndPeriodsRemainNames) {
  const auto p = parse(
      "pricelist retail { item late per visit price 1 item periods per visit price 2 }\n"
      "rule late for late : price * 2\n"
      "plan p {\n"
      "  pricelist retail\n"
      "  fee late 100.00 per month\n"
      "  catalogue periods, late\n"
      "  late work 12 periods\n"
      "  includes 3 late per month\n"
      "}\n");
  ASSERT_TRUE(p.diagnostics.empty()) << format(p.diagnostics);
  const auto& plan = p.module.plans.at(0);
  EXPECT_EQ(plan.fees.at(0).name->text, "late");
  ASSERT_EQ(plan.catalogue.size(), 2U);
  EXPECT_EQ(plan.catalogue[1].text, "late");
  EXPECT_EQ(plan.late_work->periods->to_string(), "12");
  EXPECT_EQ(plan.allowances.at(0).items.at(0).text, "late");
}

TEST(Parse, EveryBrokenDeclarationIsReportedAndTheRestParses) {
  const auto p = parse(
      "rule a : price *\n"
      "table t by site.region { \"x\" 1 }\n"
      "rule b : price * 2\n"
      "plan p { fee 1 per week }\n"
      "rule c : price\n");
  ASSERT_EQ(p.diagnostics.size(), 3U) << format(p.diagnostics);
  EXPECT_EQ(p.diagnostics[0].line, 1);
  EXPECT_EQ(p.diagnostics[1].line, 2);
  EXPECT_EQ(p.diagnostics[2].line, 4);
  ASSERT_EQ(p.module.rules.size(), 2U);
  EXPECT_EQ(rule_at(p.module, 0).name.text, "b");
  EXPECT_EQ(rule_at(p.module, 1).name.text, "c");
}

TEST(Parse, EmptyAndCommentOnlySourcesHaveNothing) {
  EXPECT_TRUE(parse("").diagnostics.empty());
  EXPECT_TRUE(parse("# only a comment\n\n   # and another").diagnostics.empty());
  EXPECT_TRUE(parse("\r\n").diagnostics.empty());
}

TEST(Diagnostics, RenderWithACaretUnderTheColumn) {
  const diagnostic d{.level = severity::error,
                     .file = "rates.tariff",
                     .line = 14,
                     .column = 20,
                     .message = "unknown window 'nigth'; did you mean 'night'?",
                     .source_line = "rule night when in nigth : price * 2",
                     .name = "unknown-calendar-name",
                     .length = 5,
                     .note = {},
                     .fixes = {}};
  EXPECT_EQ(format(d),
            "rates.tariff:14:20: error: unknown window 'nigth'; did you mean 'night'?\n"
            "  rule night when in nigth : price * 2\n"
            "                     ^");
  const diagnostic tabbed{severity::warning, "t", 1,  3, "look", "\tx y",
                          "window-overlap",  0,   {}, {}};
  EXPECT_EQ(format(tabbed), "t:1:3: warning: look\n  \tx y\n  \t ^");
}

}  // namespace
}  // namespace tariff
