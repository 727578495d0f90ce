// The stable names of every error and warning the front end reports: one table, which the sink,
// `tariff check -W`, `#@ allow`, SARIF's ruleId and docs/language.md all read. A name, once
// given, keeps its meaning and its number; a new kind of finding gets a new row at the end.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include <tariff/diagnostics.hpp>

namespace tariff::diagnostics {

/// A kind of finding. The enumerators follow the table's rows (names.cpp).
enum class code : std::uint16_t {
  syntax_error,
  invalid_source_text,
  invalid_literal,
  option_repeated,
  limit_exceeded,
  missing_header,
  repeated_declaration,
  invalid_currency,
  not_positive,
  duplicate_name,
  unknown_item,
  unknown_pricelist,
  unknown_attribute,
  unknown_name,
  unknown_calendar_name,
  unknown_time_zone,
  unknown_inherited_item,
  invalid_time_zone_name,
  calendar_too_large,
  invalid_window,
  window_overlap,
  reversed_range,
  builtin_name,
  invalid_default,
  type_mismatch,
  condition_not_bool,
  wrong_value_type,
  not_readable_here,
  division_by_zero,
  too_few_arguments,
  too_many_errors,
  table_key_type,
  table_value_type,
  table_value_not_constant,
  table_cycle,
  duplicate_key,
  key_overlap,
  table_gap,
  pricelist_versions_disagree,
  pricelist_cycle,
  override_without_base,
  inherited_item_redeclared,
  item_incomplete,
  charge_limits_reversed,
  percent_out_of_range,
  negative_amount,
  per_segment_not_timed,
  quantity_unit_mismatch,
  tier_bounds,
  tier_value_kind,
  no_rules,
  never_fires,
  plan_without_pricelist,
  allowance_repeated,
  fee_per_unit_type,
  invalid_late_work,
  late_work_wording,
  allowance_period_too_short,
  tax_rate_conflict,
  tax_without_default_rate,
  below_cost,
  compile_failed,
  internal_error,
  unknown_diagnostic_name,
  unknown_directive,
  negative_price,
  // Across the versions of one tariff (docs/design.md, decision 12).
  version_date_repeated,
  version_currency_differs,
  version_time_zone_differs,
  plan_dropped,
  allowance_dropped,
  migrate_unknown_name,
  version_mid_period,
};

/// One row of the table.
struct code_info {
  code id;
  std::string_view name;  ///< stable, lowercase words joined by '-': "unknown-item"
  int number;             ///< stable, shown as T0001 where a number is wanted
  severity level;
  std::string_view summary;  ///< one line, for docs/language.md and SARIF's rule description
};

/// The row of `c`.
const code_info& info(code c);
/// Every row, in number order.
std::span<const code_info> all_codes();
/// The row named `name`, if any.
const code_info* find_code(std::string_view name);

}  // namespace tariff::diagnostics
