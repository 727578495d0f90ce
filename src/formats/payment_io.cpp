// Payments towards prepaid balances: their columns and keys, and the public readers and writers.
#include <array>

#include <tariff/io.hpp>

#include "formats/csv_table.hpp"
#include "formats/json_table.hpp"
#include "formats/values.hpp"
#include "text/visible.hpp"

namespace tariff {
namespace {

using formats::field_spec;
using formats::json_number;
using formats::json_string;

template <auto Member>
constexpr auto read = formats::read_member<payment, Member>;
template <auto Member>
constexpr auto write = formats::write_member<payment, Member>;

std::optional<std::string> read_kind(payment& p, std::string_view text) {
  const std::optional<payment_kind> kind = parse_payment_kind(text);
  if (!kind) return text::quote(text) + " is not a payment kind (payment, refund, chargeback)";
  p.kind = *kind;
  return std::nullopt;
}

// A plain payment's kind is left out, so payments read and write as before kinds existed.
std::optional<std::string> write_kind(const payment& p) {
  if (p.kind == payment_kind::payment) return std::nullopt;
  return std::string(to_string(p.kind));
}

constexpr formats::text_kind code = formats::text_kind::code;

constexpr std::array<field_spec<payment>, 6> payment_fields{{
    {"id", true, json_string, read<&payment::id>, write<&payment::id>},
    {"contract", true, json_string, read<&payment::contract>, write<&payment::contract>},
    {"date", true, json_string, read<&payment::date>, write<&payment::date>},
    {"amount", true, json_string | json_number, read<&payment::amount>, write<&payment::amount>},
    {"kind", false, json_string, read_kind, write_kind, code, true},
    {"reverses", false, json_string, read<&payment::reverses>, write<&payment::reverses>, code,
     true},
}};

std::optional<formats::row_problem> check_payment(const payment& p) {
  if (p.amount.sign() <= 0)
    return formats::row_problem{"amount", "a " + std::string(to_string(p.kind)) +
                                              " must be above 0, not " + p.amount.to_string()};
  if (p.kind == payment_kind::payment && !p.reverses.empty())
    return formats::row_problem{"reverses",
                                "a payment reverses nothing; only a refund or chargeback does"};
  if (p.kind != payment_kind::payment && p.reverses.empty())
    return formats::row_problem{
        "reverses", "a " + std::string(to_string(p.kind)) + " must name the payment it reverses"};
  if (p.reverses == p.id)
    return formats::row_problem{"reverses",
                                "a " + std::string(to_string(p.kind)) + " cannot reverse itself"};
  return std::nullopt;
}

const formats::row_spec<payment> payment_spec{payment_fields, {}, check_payment};

}  // namespace

read_result<payment> read_payments_csv(std::string_view text, const csv_options& options) {
  return formats::read_csv_rows(text, payment_spec, options);
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
