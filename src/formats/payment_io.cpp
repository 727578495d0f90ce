// Payments towards prepaid balances: their columns and keys, and the public readers and writers.
#include <array>

#include <tariff/io.hpp>

#include "formats/csv_table.hpp"
#include "formats/json_table.hpp"
#include "formats/values.hpp"

namespace tariff {
namespace {

using formats::field_spec;
using formats::json_number;
using formats::json_string;

template <auto Member>
constexpr auto read = formats::read_member<payment, Member>;
template <auto Member>
constexpr auto write = formats::write_member<payment, Member>;

constexpr std::array<field_spec<payment>, 4> payment_fields{{
    {"id", true, json_string, read<&payment::id>, write<&payment::id>},
    {"contract", true, json_string, read<&payment::contract>, write<&payment::contract>},
    {"date", true, json_string, read<&payment::date>, write<&payment::date>},
    {"amount", true, json_string | json_number, read<&payment::amount>, write<&payment::amount>},
}};

std::optional<formats::row_problem> check_payment(const payment& p) {
  if (p.amount.sign() <= 0)
    return formats::row_problem{"amount", "a payment must be above 0, not " + p.amount.to_string()};
  return std::nullopt;
}

const formats::row_spec<payment> payment_spec{payment_fields, {}, check_payment};

}  // namespace

read_result<payment> read_payments_csv(std::string_view text) {
  return formats::read_csv_rows(text, payment_spec);
}

read_result<payment> read_payments_json(std::string_view text) {
  return formats::read_json_rows(text, payment_spec);
}

std::string write_payments_csv(std::span<const payment> payments) {
  return formats::write_csv_rows(payments, payment_spec);
}

std::string write_payments_json(std::span<const payment> payments) {
  return formats::write_json_rows(payments, payment_spec);
}

}  // namespace tariff
