// The checker's passes, in the order check_module runs them: each later pass may use the names
// the earlier ones recorded in the context (rules need tables, plans need price lists).
#pragma once

#include "check/context.hpp"

namespace tariff::check_stage {

/// How large a tariff may be (docs/language.md, Limits).
namespace limits {
inline constexpr std::size_t source_bytes = 16 * 1024 * 1024;  ///< checked before parsing
inline constexpr std::size_t table_entries = 10000;            ///< entries of one table
inline constexpr std::size_t items = 100000;  ///< items and overrides of all price lists
inline constexpr std::size_t rules = 10000;   ///< rules, those in groups included
/// Lists above a price list on its `extends` chain: ten times the deepest chain of any tariff
/// in examples/, tests/ and benchmarks/ (2) and then some; bounds every walk up a chain.
inline constexpr std::size_t extends_depth = 32;
/// A plan's `late work N periods`: a hundred years of monthly statements. The billing ledger
/// keeps N periods of records for every contract, so N is bounded like the counts above.
inline constexpr std::size_t late_work_periods = 1200;
}  // namespace limits

/// The size limits; false (with errors reported) if the tariff is past one.
bool check_limits(context& ctx);

/// The tariff header (exactly one, an ISO 4217 currency) and the rounding declarations.
void check_header_and_rounding(context& ctx);
/// The calendar: zone, windows, day sets, holidays, seasons; records their names.
void check_calendar(context& ctx);
/// Attribute declarations and their defaults; records them next to the built-in ones.
void check_attributes(context& ctx);
/// Tables: names, keys, constant values; records each table's value type.
void check_tables(context& ctx);
/// Price lists: versions, inheritance, items and their options; records the items.
void check_pricelists(context& ctx);
/// Rules and groups: names, items, condition and value types, rules that can never fire.
void check_rules(context& ctx);
/// Plans: price list, catalogue, allowances, fees, the late-work horizon.
void check_plans(context& ctx);
/// Taxes: one tax, its rates and rounding, an exemption that reads only the contract.
void check_taxes(context& ctx);
/// Staff pay blocks: unique names, known items, rules that give money.
void check_pays(context& ctx);
/// Warns where the written discounts can take an item's price below its cost.
void check_margins(context& ctx);
/// Warns where the written rules can take an item's price below zero (the same shapes, with
/// amounts taken off).
void check_negative_prices(context& ctx);
/// `migrate`s: the new name is this version's, the old one no longer is, none given twice (the
/// old name's place in the version before is check_versions' (check/versions.hpp)).
void check_migrations(context& ctx);

}  // namespace tariff::check_stage
