// Contracts: their columns and keys, and the public readers and writers.
#include <array>

#include <tariff/io.hpp>

#include "formats/amendments.hpp"
#include "formats/csv_table.hpp"
#include "formats/json_table.hpp"
#include "formats/prepaid_fees.hpp"
#include "formats/values.hpp"
#include "text/visible.hpp"

namespace tariff {
namespace {

using formats::field_spec;
using formats::json_string;

std::optional<std::string> read_status(contract& c, std::string_view text) {
  const std::optional<contract_status> status = parse_contract_status(text);
  if (!status) {
    return text::quote(text) + " is not a contract status (draft, registered, closed)";
  }
  c.status = *status;
  return std::nullopt;
}

std::optional<std::string> write_status(const contract& c) {
  return std::string(to_string(c.status));
}

std::optional<std::string> read_amendments(contract& c, std::string_view text) {
  return formats::parse_amendments(text, c.amendments);
}

std::optional<std::string> write_amendments(const contract& c) {
  if (c.amendments.empty()) return std::nullopt;
  return formats::format_amendments(c.amendments);
}

std::optional<std::string> read_prepaid(contract& c, std::string_view text) {
  return formats::parse_prepaid_fees(text, c.prepaid_fees);
}

std::optional<std::string> write_prepaid(const contract& c) {
  if (c.prepaid_fees.empty()) return std::nullopt;
  return formats::format_prepaid_fees(c.prepaid_fees);
}

template <auto Member>
constexpr auto read = formats::read_member<contract, Member>;
template <auto Member>
constexpr auto write = formats::write_member<contract, Member>;

constexpr std::array<field_spec<contract>, 10> contract_fields{{
    {"id", true, json_string, read<&contract::id>, write<&contract::id>},
    {"client", true, json_string, read<&contract::client>, write<&contract::client>,
     formats::text_kind::prose},  // a name: may hold line breaks; every other field is a code
    {"plan", false, json_string, read<&contract::plan>, write<&contract::plan>},
    {"pricelist", false, json_string, read<&contract::pricelist>, write<&contract::pricelist>},
    {"status", false, json_string, read_status, write_status},
    {"start", true, json_string, read<&contract::start>, write<&contract::start>},
    {"end", true, json_string, read<&contract::end>, write<&contract::end>},
    {"client_since", false, json_string, read<&contract::client_since>,
     write<&contract::client_since>},
    {"amendments", false, json_string, read_amendments, write_amendments},
    {"prepaid", false, json_string, read_prepaid, write_prepaid},
}};

constexpr std::array<formats::attribute_spec<contract>, 2> contract_attributes{{
    {"contract.", "attributes", &contract::attributes},
    {"client.", "client_attributes", &contract::client_attributes},
}};

std::optional<formats::row_problem> check_contract(const contract& c) {
  if (c.end < c.start) return formats::row_problem{"end", "the end is before the start"};
  if (c.client_since && *c.client_since > c.start) {
    return formats::row_problem{"client_since", "client_since is after the contract's start"};
  }
  return std::nullopt;
}

const formats::row_spec<contract> contract_spec{contract_fields, contract_attributes,
                                                check_contract};

}  // namespace

read_result<contract> read_contracts_csv(std::string_view text, const csv_options& options) {
  return formats::read_csv_rows(text, contract_spec, options);
}

read_result<contract> read_contracts_json(std::string_view text) {
  return formats::read_json_rows(text, contract_spec);
}

std::string write_contracts_csv(std::span<const contract> contracts) {
  return formats::write_csv_rows(contracts, contract_spec);
}

std::string write_contracts_json(std::span<const contract> contracts) {
  return formats::write_json_rows(contracts, contract_spec);
}

}  // namespace tariff
