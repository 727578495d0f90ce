// What a syntax error says: one message per rule that can fail at a commit point (after an
// if_must<> or inside a must<>). Kept apart from the rules, as PEGTL's json_errors example does.
// The table is complete by construction: the parser's control (src/parse/parse_tree.hpp) refuses
// to compile a commit point over a rule that can fail and has no message here.
#pragma once

#include "tariff_grammar.hpp"

namespace tariff::grammar {

/// The message for a rule that failed after a commit point; nullptr: none in the table.
template <class Rule>
inline constexpr const char* error_message = nullptr;

/// Whether a rule can fail at all. An opt<> or a star<> after a commit point never does, so it
/// needs no message; every other rule there does.
template <class Rule>
inline constexpr bool can_fail = true;
template <class... Rules>
inline constexpr bool can_fail<opt<Rules...>> = false;
template <class Rule, class... Rules>
inline constexpr bool can_fail<star<Rule, Rules...>> = false;

/// Whether a failure of `Rule` after a commit point has its message in the table.
template <class Rule>
inline constexpr bool has_error_message = !can_fail<Rule> || error_message<Rule> != nullptr;

// A token with its trailing space says what the token says.
template <class Rule>
inline constexpr const char* error_message<t<Rule>> = error_message<Rule>;

#define TARIFF_ERROR(rule, text) \
  template <>                    \
  inline constexpr const char* error_message<rule> = text;

TARIFF_ERROR(name, "expected a name (lowercase letters, digits and '_', not a keyword)")
TARIFF_ERROR(string_literal, "expected a string in double quotes")
TARIFF_ERROR(string_end, "unterminated string: a string ends with '\"' on the same line")
TARIFF_ERROR(item_title, "expected a string in double quotes")
TARIFF_ERROR(number, "expected a number such as 2500.00")
TARIFF_ERROR(integer, "expected a whole number")
TARIFF_ERROR(percent, "expected a percentage such as 15%")
TARIFF_ERROR(date_literal, "expected a date as YYYY-MM-DD")
TARIFF_ERROR(time_literal, "expected a time of day as HH:MM")
TARIFF_ERROR(currency_code, "expected a currency code of three capital letters, such as RUB")
TARIFF_ERROR(zone_name, "expected a time zone name such as Europe/Moscow")
TARIFF_ERROR(dots, "expected '..'")
TARIFF_ERROR(comma, "expected ','")
TARIFF_ERROR(colon, "expected ':'")
TARIFF_ERROR(open_brace, "expected '{'")
TARIFF_ERROR(close_paren, "expected ')'")
TARIFF_ERROR(open_paren, "expected '('")
TARIFF_ERROR(rounding_mode,
             "expected a rounding mode: half_even, half_up, half_down, up, down, ceiling or floor")
TARIFF_ERROR(rounding_point, "expected a rounding point: segment, line or statement")
TARIFF_ERROR(item_unit, "expected a unit: hour, minute, day, month, visit, piece, km, kg, m2 or m3")
TARIFF_ERROR(period_name, "expected a period: month, quarter or year")
TARIFF_ERROR(weekday, "expected a weekday: mon, tue, wed, thu, fri, sat or sun")
TARIFF_ERROR(value_type, "expected a type: string, number, integer, money, percent, bool or date")
TARIFF_ERROR(attribute_dot, "expected '.' and an attribute name, as in site.region")
TARIFF_ERROR(attribute_name, "expected an attribute name after '.'")
TARIFF_ERROR(attribute_ref, "expected an attribute such as site.region")
TARIFF_ERROR(literal, "expected a value: a number, percentage, string, date, true or false")
TARIFF_ERROR(expression, "expected an expression")
TARIFF_ERROR(operand, "expected an operand")
TARIFF_ERROR(term, "expected an operand")
TARIFF_ERROR(compared, "expected an operand")
TARIFF_ERROR(conjunct, "expected a condition")
TARIFF_ERROR(disjunct, "expected a condition")
TARIFF_ERROR(negation, "expected a condition")
TARIFF_ERROR(unary, "expected an operand")
TARIFF_ERROR(arguments, "expected an argument")
TARIFF_ERROR(division_round, "a division must name its rounding, as in: a / b round 0.01 half_up")
TARIFF_ERROR(on_target, "expected a day set or 'holiday' after 'on'")
TARIFF_ERROR(during_target, "expected a season or a date range after 'during'")
TARIFF_ERROR(segment_or_line, "expected 'segment' or 'line'")
TARIFF_ERROR(weekdays, "expected a weekday: mon, tue, wed, thu, fri, sat or sun")
TARIFF_ERROR(date_span, "expected a date as YYYY-MM-DD")
TARIFF_ERROR(date_spans, "expected a date as YYYY-MM-DD")
TARIFF_ERROR(names, "expected a name")
TARIFF_ERROR(percents, "expected a percentage such as 80%")
TARIFF_ERROR(quantity, "expected a quantity such as 1h, 15min or 10 piece")
TARIFF_ERROR(allowance_amount, "expected an amount such as 3 or 20h")
TARIFF_ERROR(item_set, "expected an item or a list of items in parentheses")
TARIFF_ERROR(table_entries, "expected a table entry, as in \"moscow\": 1.00 or 3..4: 10%")
TARIFF_ERROR(table_value, "expected a value")
TARIFF_ERROR(default_value,
             "expected a default value: a number, percentage, string, date, true or false")
TARIFF_ERROR(rule_value, "expected the rule's value, an expression such as price * 2")
TARIFF_ERROR(tier_list, "expected a tier, as in 0..10: 3000.00")
TARIFF_ERROR(tier_value, "expected a price or a percentage")
TARIFF_ERROR(package_size, "expected the package size, a whole number")
TARIFF_ERROR(tier_kind, "expected a tier kind: graduated, volume, package N or percentage")
TARIFF_ERROR(stacking, "expected how factors stack: multiply, largest or add")
TARIFF_ERROR(order_kind, "expected an allowance order: work, cheapest or dearest")
TARIFF_ERROR(item_option,
             "expected an item option: price, cost, bill started, minimum, maximum charge, "
             "discount, tiers or credit")
TARIFF_ERROR(item_options, error_message<item_option>)
TARIFF_ERROR(calendar_end,
             "expected a calendar entry (timezone, window, days, holidays, season) or '}'")
TARIFF_ERROR(table_end, "expected ',' or '}' after a table entry")
TARIFF_ERROR(tiers_end, "expected ',' or '}' after a tier")
TARIFF_ERROR(pricelist_end,
             "expected an item ('item code \"Title\" per unit price ...'), an "
             "override ('code price ...') or '}'")
TARIFF_ERROR(group_end, "expected a rule or '}'")
TARIFF_ERROR(late_work_count, "expected the number of periods, as in: late work 3 periods")
TARIFF_ERROR(late_work_unit, "expected 'periods' ('period' after 1), as in: late work 3 periods")
TARIFF_ERROR(plan_end,
             "expected a plan entry (pricelist, period, fee, includes, order, catalogue, "
             "prepaid, late work) or '}'")
TARIFF_ERROR(tax_basis, "expected whether prices include the tax: included or excluded")
TARIFF_ERROR(tax_per, "expected 'per line' or 'per statement': where the tax is computed")
TARIFF_ERROR(tax_scope, "expected 'line' or 'statement': where the tax is computed")
TARIFF_ERROR(tax_round, "a tax must name its rounding, as in: round 0.01 half_up")
TARIFF_ERROR(tax_rounding, "expected the tax's rounding step and mode, as in: round 0.01 half_up")
TARIFF_ERROR(balances, "expected a balance such as 20000.00")
TARIFF_ERROR(tax_when, "expected 'when' and a condition, as in: exempt when client.tax_exempt")
TARIFF_ERROR(tax_end, "expected a tax entry (rate, exempt) or '}'")
TARIFF_ERROR(version_date,
             "expected the date the version is in force from, as in: effective 2026-04-01")
TARIFF_ERROR(migrate_what,
             "expected what migrates: plan OLD -> NEW, or allowance \"OLD\" -> \"NEW\"")
TARIFF_ERROR(migrate_arrow, "expected '->' between the old name and the new one")
TARIFF_ERROR(migrate_old,
             "expected the plan of the version before, as in: migrate plan basic -> standard")
TARIFF_ERROR(migrate_new,
             "expected the plan of this version, as in: migrate plan basic -> standard")
TARIFF_ERROR(migrate_old_key,
             "expected the allowance key of the version before in quotes, as in: "
             "migrate allowance \"visit/month\" -> \"visit+call/month\"")
TARIFF_ERROR(migrate_new_key,
             "expected the allowance key of this version in quotes, as in: "
             "migrate allowance \"visit/month\" -> \"visit+call/month\"")
TARIFF_ERROR(pay_end, "expected a pay rule ('rule name for items : amount * 30%') or '}'")
TARIFF_ERROR(declaration,
             "expected a declaration: tariff, rounding, calendar, attribute, table, pricelist, "
             "rule, group, plan, tax, pay or migrate")

// Keywords that must follow other keywords.
TARIFF_ERROR(TAO_PEGTL_KEYWORD("currency"), "expected 'currency' and a currency code")
TARIFF_ERROR(TAO_PEGTL_KEYWORD("by"), "expected 'by' and the table's key, as in: by site.region")
TARIFF_ERROR(TAO_PEGTL_KEYWORD("per"), "expected 'per' and a unit, as in: per hour")
TARIFF_ERROR(TAO_PEGTL_KEYWORD("started"), "expected 'started', as in: bill started 15min")
TARIFF_ERROR(TAO_PEGTL_KEYWORD("charge"), "expected 'charge' and an amount")
TARIFF_ERROR(TAO_PEGTL_KEYWORD("stack"), "expected 'stack' and multiply, largest or add")
TARIFF_ERROR(TAO_PEGTL_KEYWORD("work"), "expected 'work', as in: late work 3 periods")

#undef TARIFF_ERROR

/// Whether a failure of this rule is reported at the token where it was noticed. For most rules
/// the missing piece was due at the end of the previous token (an operand at the end of a line),
/// and that is where the parser reports it; a block's end or a declaration is due where the next
/// token stands.
template <class Rule>
inline constexpr bool reported_at_next_token = false;
template <class Rule>
inline constexpr bool reported_at_next_token<t<Rule>> = reported_at_next_token<Rule>;
template <>
inline constexpr bool reported_at_next_token<calendar_end> = true;
template <>
inline constexpr bool reported_at_next_token<table_entries> = true;
template <>
inline constexpr bool reported_at_next_token<table_end> = true;
template <>
inline constexpr bool reported_at_next_token<tier_list> = true;
template <>
inline constexpr bool reported_at_next_token<tiers_end> = true;
template <>
inline constexpr bool reported_at_next_token<pricelist_end> = true;
template <>
inline constexpr bool reported_at_next_token<group_end> = true;
template <>
inline constexpr bool reported_at_next_token<plan_end> = true;
template <>
inline constexpr bool reported_at_next_token<tax_end> = true;
template <>
inline constexpr bool reported_at_next_token<pay_end> = true;
template <>
inline constexpr bool reported_at_next_token<declaration> = true;

}  // namespace tariff::grammar
