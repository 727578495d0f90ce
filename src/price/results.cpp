// The text forms of pricing results: quantities ("1h30min", "1.50") and reject reason codes.
#include <array>
#include <cstdint>
#include <utility>

#include <tariff/pricing.hpp>

namespace tariff {
namespace {

// In declaration order, so a reason's code is its enumerator's name.
constexpr std::array<std::pair<reject_reason, std::string_view>, 32> reject_reason_names{{
    {reject_reason::unknown_contract, "unknown_contract"},
    {reject_reason::wrong_contract, "wrong_contract"},
    {reject_reason::contract_not_registered, "contract_not_registered"},
    {reject_reason::contract_not_started, "contract_not_started"},
    {reject_reason::contract_ended, "contract_ended"},
    {reject_reason::unknown_plan, "unknown_plan"},
    {reject_reason::no_price_list, "no_price_list"},
    {reject_reason::unknown_price_list, "unknown_price_list"},
    {reject_reason::no_price_list_version, "no_price_list_version"},
    {reject_reason::unknown_item, "unknown_item"},
    {reject_reason::item_not_in_catalogue, "item_not_in_catalogue"},
    {reject_reason::item_not_in_price_list, "item_not_in_price_list"},
    {reject_reason::missing_end, "missing_end"},
    {reject_reason::missing_quantity, "missing_quantity"},
    {reject_reason::unexpected_quantity, "unexpected_quantity"},
    {reject_reason::invalid_quantity, "invalid_quantity"},
    {reject_reason::end_before_start, "end_before_start"},
    {reject_reason::unknown_time_zone, "unknown_time_zone"},
    {reject_reason::missing_attribute, "missing_attribute"},
    {reject_reason::invalid_attribute, "invalid_attribute"},
    {reject_reason::no_table_entry, "no_table_entry"},
    {reject_reason::invalid_contract, "invalid_contract"},
    {reject_reason::arithmetic_limit, "arithmetic_limit"},
    {reject_reason::not_supported, "not_supported"},
    {reject_reason::after_period, "after_period"},
    {reject_reason::negative_price, "negative_price"},
    {reject_reason::accepted_before_work, "accepted_before_work"},
    {reject_reason::span_too_long, "span_too_long"},
    {reject_reason::period_closed, "period_closed"},
    {reject_reason::not_billed, "not_billed"},
    {reject_reason::moved_contract, "moved_contract"},
    {reject_reason::duplicate_id, "duplicate_id"},
}};

// Whole seconds as hours, minutes and seconds, only the non-zero parts: "1h2min5s", "0min".
std::string format_seconds(std::int64_t seconds) {
  std::string out;
  // The magnitude as unsigned, so the most negative value negates without overflow.
  auto rest = static_cast<std::uint64_t>(seconds);
  if (seconds < 0) {
    out += '-';
    rest = 0 - rest;
  }
  const std::uint64_t hours = rest / 3600;
  const std::uint64_t minutes = rest % 3600 / 60;
  const std::uint64_t secs = rest % 60;
  if (hours != 0) out += std::to_string(hours) + "h";
  if (minutes != 0) out += std::to_string(minutes) + "min";
  if (secs != 0) out += std::to_string(secs) + "s";
  if (rest == 0) out += "0min";
  return out;
}

}  // namespace

std::string item_quantity::to_string() const {
  if (!is_time()) return value.to_string();
  std::int64_t seconds = 0;
  try {
    seconds = value.to_units(0);
  } catch (const decimal_error&) {
    // Not whole seconds, or beyond 64 bits: pricing never makes such a value, but say it exactly.
    return value.to_string() + "s";
  }
  return format_seconds(seconds);
}

std::string_view to_string(reject_reason reason) {
  for (const auto& [value, name] : reject_reason_names) {
    if (value == reason) return name;
  }
  return "?";
}

std::string_view to_string(trace_kind kind) {
  switch (kind) {
    case trace_kind::discount:
      return "discount";
    case trace_kind::rule:
      return "rule";
    case trace_kind::group:
      return "group";
    case trace_kind::group_factor:
      return "group_factor";
    case trace_kind::not_billable:
      return "not_billable";
    case trace_kind::minimum_charge:
      return "minimum_charge";
    case trace_kind::overage:
      return "overage";
    case trace_kind::tier:
      return "tier";
    case trace_kind::maximum_charge:
      return "maximum_charge";
  }
  return "?";
}

}  // namespace tariff
