#include "diagnostics/names.hpp"

#include <algorithm>
#include <array>

namespace tariff::diagnostics {
namespace {

constexpr severity E = severity::error;
constexpr severity W = severity::warning;

// Rows in the enumeration's order; the number is the row's place plus one and never changes.
constexpr std::array table{
    code_info{code::syntax_error, "syntax-error", 1, E, "the text does not follow the grammar"},
    code_info{code::invalid_source_text, "invalid-source-text", 2, E,
              "a byte that is not UTF-8 text, or a byte order mark inside the text"},
    code_info{code::invalid_literal, "invalid-literal", 3, E,
              "a number, date or time that is written well but cannot be (past the limits, "
              "no such day)"},
    code_info{code::option_repeated, "option-repeated", 4, E,
              "an option given twice in one declaration"},
    code_info{code::limit_exceeded, "limit-exceeded", 5, E,
              "the tariff is past one of the size limits"},
    code_info{code::missing_header, "missing-header", 6, E,
              "no `tariff \"...\" currency XXX` header"},
    code_info{
        code::repeated_declaration, "repeated-declaration", 7, E,
        "a declaration a tariff has once (header, calendar, rounding point, tax) given again"},
    code_info{code::invalid_currency, "invalid-currency", 8, E, "a currency that is not ISO 4217"},
    code_info{code::not_positive, "not-positive", 9, E,
              "a step, size, fee or alert that must be greater than 0"},
    code_info{code::duplicate_name, "duplicate-name", 10, E, "a name declared twice"},
    code_info{code::unknown_item, "unknown-item", 11, E, "an item no price list declares"},
    code_info{code::unknown_pricelist, "unknown-pricelist", 12, E, "a price list never declared"},
    code_info{code::unknown_attribute, "unknown-attribute", 13, E, "an attribute never declared"},
    code_info{code::unknown_name, "unknown-name", 14, E,
              "a name in an expression that is no value or table"},
    code_info{code::unknown_calendar_name, "unknown-calendar-name", 15, E,
              "a window, day set or season the calendar does not declare"},
    code_info{code::unknown_time_zone, "unknown-time-zone", 16, E,
              "a time zone the system's time zone database does not know"},
    code_info{code::unknown_inherited_item, "unknown-inherited-item", 17, E,
              "an override of an item the base price lists do not declare"},
    code_info{code::invalid_time_zone_name, "invalid-time-zone-name", 18, E,
              "a time zone name that cannot be one (a path, too long)"},
    code_info{code::calendar_too_large, "calendar-too-large", 19, E,
              "more windows, day sets or seasons than a calendar holds"},
    code_info{code::invalid_window, "invalid-window", 20, E,
              "a window outside the day, or an empty one"},
    code_info{code::window_overlap, "window-overlap", 21, W, "two windows cover the same time"},
    code_info{code::reversed_range, "reversed-range", 22, E,
              "a range of dates, keys or tier bounds that ends before it starts"},
    code_info{code::builtin_name, "builtin-name", 23, E,
              "a declaration that takes the name of a built-in attribute or value"},
    code_info{code::invalid_default, "invalid-default", 24, E,
              "an attribute default that is not a constant of the declared type"},
    code_info{code::type_mismatch, "type-mismatch", 25, E,
              "an operator or function given values of types it does not combine"},
    code_info{code::condition_not_bool, "condition-not-bool", 26, E,
              "a condition that is not a bool"},
    code_info{code::wrong_value_type, "wrong-value-type", 27, E,
              "a rule that gives a value of the wrong kind (a factor, an amount)"},
    code_info{code::not_readable_here, "not-readable-here", 28, E,
              "a value read where it does not exist (a segment's time in a pay rule)"},
    code_info{code::division_by_zero, "division-by-zero", 29, E, "a division by a constant 0"},
    code_info{code::too_few_arguments, "too-few-arguments", 30, E, "min or max of one value"},
    code_info{code::too_many_errors, "too-many-errors", 31, E,
              "the errors of one expression past the first ones shown"},
    code_info{code::table_key_type, "table-key-type", 32, E,
              "a table's keys of two kinds, or looked up by a value of another kind"},
    code_info{code::table_value_type, "table-value-type", 33, E,
              "a table whose values are of different types"},
    code_info{code::table_value_not_constant, "table-value-not-constant", 34, E,
              "a table value that is not a constant"},
    code_info{code::table_cycle, "table-cycle", 35, E, "a table looked up by itself"},
    code_info{code::duplicate_key, "duplicate-key", 36, E, "a table key or else given twice"},
    code_info{code::key_overlap, "key-overlap", 37, E, "table key ranges that overlap"},
    code_info{code::table_gap, "table-gap", 38, E, "keys a table has no entry for, and no else"},
    code_info{code::pricelist_versions_disagree, "pricelist-versions-disagree", 39, E,
              "versions of one price list that extend different lists"},
    code_info{code::pricelist_cycle, "pricelist-cycle", 40, E,
              "price lists that extend each other in a circle"},
    code_info{code::override_without_base, "override-without-base", 41, E,
              "an override in a price list that extends nothing"},
    code_info{code::inherited_item_redeclared, "inherited-item-redeclared", 42, E,
              "an inherited item declared again with `item`"},
    code_info{code::item_incomplete, "item-incomplete", 43, E, "an item without a unit or a price"},
    code_info{code::charge_limits_reversed, "charge-limits-reversed", 44, E,
              "a maximum charge below the minimum charge"},
    code_info{code::percent_out_of_range, "percent-out-of-range", 45, E,
              "a discount, alert or tax rate outside 0% to 100%"},
    code_info{code::negative_amount, "negative-amount", 46, E,
              "a price, cost or charge that is negative"},
    code_info{code::per_segment_not_timed, "per-segment-not-timed", 47, E,
              "`per segment` on an item not billed by time"},
    code_info{code::quantity_unit_mismatch, "quantity-unit-mismatch", 48, E,
              "a quantity in a unit the item is not billed in"},
    code_info{code::tier_bounds, "tier-bounds", 49, E,
              "tiers that do not start at 0 or 1, ascend without gaps, and end open"},
    code_info{code::tier_value_kind, "tier-value-kind", 50, E,
              "a tier's price where a percent is due, or the other way round"},
    code_info{code::no_rules, "no-rules", 51, E, "a group or pay block without rules"},
    code_info{code::never_fires, "never-fires", 52, W, "a rule whose condition can never hold"},
    code_info{code::plan_without_pricelist, "plan-without-pricelist", 53, E,
              "a plan that names no price list"},
    code_info{code::allowance_repeated, "allowance-repeated", 54, E,
              "one allowance given twice in a plan"},
    code_info{code::fee_per_unit_type, "fee-per-unit-type", 55, E,
              "a fee per unit of an attribute that is not a number"},
    code_info{code::invalid_late_work, "invalid-late-work", 56, E,
              "a late-work horizon that is not a whole number of periods within the limit"},
    code_info{code::late_work_wording, "late-work-wording", 57, E,
              "`late work 1 periods` or `late work 2 period`"},
    code_info{code::allowance_period_too_short, "allowance-period-too-short", 58, E,
              "an allowance for a period shorter than the plan's"},
    code_info{code::tax_rate_conflict, "tax-rate-conflict", 59, E,
              "two rates of one tax for the same item"},
    code_info{code::tax_without_default_rate, "tax-without-default-rate", 60, E,
              "a tax with no rate for the items its rates do not name"},
    code_info{code::below_cost, "below-cost", 61, W,
              "discounts that can bring an item's price below its cost"},
    code_info{code::compile_failed, "compile-failed", 62, E,
              "a checked tariff the compiler still refuses"},
    code_info{code::internal_error, "internal-error", 63, E,
              "a tool failed on a tariff it should handle; please report it"},
    code_info{code::unknown_diagnostic_name, "unknown-diagnostic-name", 64, W,
              "a name in `#@ allow` that is no warning's name"},
    code_info{code::unknown_directive, "unknown-directive", 65, W,
              "a `#@` comment that is no directive"},
    code_info{code::negative_price, "negative-price", 66, W,
              "rules that can bring an item's price below zero"},
    code_info{code::version_date_repeated, "version-date-repeated", 67, E,
              "two versions of a tariff in force from the same day"},
    code_info{code::version_currency_differs, "version-currency-differs", 68, E,
              "a version of a tariff in another currency than the version before"},
    code_info{code::version_time_zone_differs, "version-time-zone-differs", 69, E,
              "a version of a tariff whose calendar is in another time zone"},
    code_info{code::plan_dropped, "plan-dropped", 70, E,
              "a plan of the version before that a version lacks, with no `migrate plan`"},
    code_info{code::allowance_dropped, "allowance-dropped", 71, E,
              "an allowance key of the version before that a version lacks, with no "
              "`migrate allowance`"},
    code_info{code::migrate_unknown_name, "migrate-unknown-name", 72, E,
              "a `migrate` naming what the version before or this one does not have"},
    code_info{code::version_mid_period, "version-mid-period", 73, W,
              "a version in force from a day that starts no statement period of a plan with "
              "fees or allowances"},
};

constexpr bool rows_follow_the_enumeration() {
  for (std::size_t i = 0; i < table.size(); ++i)
    if (static_cast<std::size_t>(table[i].id) != i || table[i].number != static_cast<int>(i) + 1)
      return false;
  return true;
}
static_assert(rows_follow_the_enumeration(), "a row out of place in the names table");

}  // namespace

const code_info& info(code c) {
  return table[static_cast<std::size_t>(c)];
}

std::span<const code_info> all_codes() {
  return table;
}

const code_info* find_code(std::string_view name) {
  const auto found = std::find_if(table.begin(), table.end(),
                                  [&](const code_info& row) { return row.name == name; });
  return found == table.end() ? nullptr : &*found;
}

}  // namespace tariff::diagnostics
