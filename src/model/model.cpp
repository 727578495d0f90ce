// Names of work kinds, payment kinds and contract statuses as files write them.
#include <array>
#include <utility>

#include <tariff/model.hpp>

namespace tariff {
namespace {

// One table per enum, so to_string and parse cannot drift apart.
constexpr std::array<std::pair<work_kind, std::string_view>, 5> work_kind_names{{
    {work_kind::billable, "billable"},
    {work_kind::internal, "internal"},
    {work_kind::warranty, "warranty"},
    {work_kind::bug_fix, "bug_fix"},
    {work_kind::company_cost, "company_cost"},
}};

constexpr std::array<std::pair<contract_status, std::string_view>, 3> status_names{{
    {contract_status::draft, "draft"},
    {contract_status::registered, "registered"},
    {contract_status::closed, "closed"},
}};

constexpr std::array<std::pair<payment_kind, std::string_view>, 3> payment_kind_names{{
    {payment_kind::payment, "payment"},
    {payment_kind::refund, "refund"},
    {payment_kind::chargeback, "chargeback"},
}};

}  // namespace

std::string_view to_string(payment_kind kind) {
  for (const auto& [value, name] : payment_kind_names) {
    if (value == kind) return name;
  }
  return "?";
}

std::optional<payment_kind> parse_payment_kind(std::string_view name) {
  for (const auto& [value, text] : payment_kind_names) {
    if (text == name) return value;
  }
  return std::nullopt;
}

std::string_view to_string(work_kind kind) {
  for (const auto& [value, name] : work_kind_names) {
    if (value == kind) return name;
  }
  return "?";
}

std::optional<work_kind> parse_work_kind(std::string_view name) {
  for (const auto& [value, text] : work_kind_names) {
    if (text == name) return value;
  }
  return std::nullopt;
}

std::string_view to_string(contract_status status) {
  for (const auto& [value, name] : status_names) {
    if (value == status) return name;
  }
  return "?";
}

std::optional<contract_status> parse_contract_status(std::string_view name) {
  for (const auto& [value, text] : status_names) {
    if (text == name) return value;
  }
  return std::nullopt;
}

const std::string* attribute_on(const contract& c, bool client, std::string_view name,
                                local_date day) {
  const contract_amendment* latest = nullptr;
  for (const contract_amendment& a : c.amendments) {
    if (a.effective > day) continue;
    const attribute_map& values = client ? a.client_attributes : a.attributes;
    if (values.find(name) == values.end()) continue;
    if (latest == nullptr || a.effective >= latest->effective) latest = &a;
  }
  const attribute_map& values = latest != nullptr
                                    ? (client ? latest->client_attributes : latest->attributes)
                                    : (client ? c.client_attributes : c.attributes);
  const auto found = values.find(name);
  return found == values.end() ? nullptr : &found->second;
}

const std::string& plan_on(const contract& c, local_date day) {
  const contract_amendment* latest = nullptr;
  for (const contract_amendment& a : c.amendments)
    if (!a.plan.empty() && a.effective <= day &&
        (latest == nullptr || a.effective >= latest->effective))
      latest = &a;
  return latest != nullptr ? latest->plan : c.plan;
}

}  // namespace tariff
