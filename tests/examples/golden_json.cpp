// golden_json DIR: checks one golden example folder as examples_test does (check_folder), and
// only if every directive of its expect.txt holds, writes to stdout, as JSON, each call the checks
// made of the engine: what was passed (contract and work lines by id, the opening state, the
// payments by id) and what came back, in the engine's canonical JSON (write_priced_json,
// write_statement_json, write_state_json, each priced line with its tax; payouts and staff pay
// field by field, decimals and quantities as their to_string writes them). The Python package's
// test (bindings/python/tests/test_golden.py) makes the same calls through the bindings and must
// get the same JSON: the expect files have one reader, this one.
//
// Exit status 0 and the JSON; 1 and the failures on stderr; 2 for a wrong command line.
#include <cstddef>
#include <exception>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <tariff/billing.hpp>
#include <tariff/calendar.hpp>
#include <tariff/io.hpp>
#include <tariff/payouts.hpp>
#include <tariff/priced_io.hpp>
#include <tariff/pricing.hpp>
#include <tariff/staff_pay.hpp>
#include <tariff/statement_io.hpp>

#include "expect.hpp"

namespace {

using json = nlohmann::ordered_json;
using namespace tariff;

// The contract as billed: a `change` directive may have changed it since contracts.csv.
json contract_row(const contract& deal) {
  return json::parse(write_contracts_json(std::span<const contract>(&deal, 1))).at(0);
}

json span_json(const date_span& s) {
  return {{"first", format_date(s.first)}, {"last", format_date(s.end - date::days{1})}};
}

template <class T>
json ids(std::span<const T> rows) {
  json out = json::array();
  for (const T& row : rows)
    out.push_back(row.id);
  return out;
}

json payout_json(const payout& p) {
  json lines = json::array();
  for (const payout_line& l : p.lines)
    lines.push_back({{"id", l.id},
                     {"request", l.request},
                     {"contract", l.contract},
                     {"item", l.item},
                     {"date", format_date(l.date)},
                     {"accepted_on", l.accepted_on ? json(format_date(*l.accepted_on)) : json()},
                     {"quantity", l.quantity.to_string()},
                     {"rate", l.rate.to_string()},
                     {"amount", l.amount.to_string()},
                     {"payable", l.payable}});
  return {{"performer", p.performer},         {"currency", p.currency},
          {"period", span_json(p.period)},    {"payable", p.payable.to_string()},
          {"pending", p.pending.to_string()}, {"lines", lines}};
}

json staff_pay_json(const staff_pay& p) {
  json lines = json::array();
  for (const staff_pay_line& l : p.lines)
    lines.push_back({{"id", l.id},
                     {"request", l.request},
                     {"contract", l.contract},
                     {"item", l.item},
                     {"kind", std::string(to_string(l.kind))},
                     {"date", format_date(l.date)},
                     {"quantity", l.quantity.to_string()},
                     {"amount", l.amount.to_string()},
                     {"rule", l.rule},
                     {"pay", l.pay.to_string()},
                     {"line", l.line},
                     {"column", l.column}});
  return {{"employee", p.employee},
          {"currency", p.currency},
          {"period", span_json(p.period)},
          {"total", p.total.to_string()},
          {"lines", lines}};
}

// A priced line's tax, which write_priced_json leaves out (and write_statement_json for a tariff
// without a tax): added, so that the bindings' tax is compared too.
void add_taxes(json& lines, std::span<const priced_line> from) {
  for (std::size_t i = 0; i < from.size(); ++i)
    if (from[i].ok() && !lines.at(i).contains("tax")) lines[i]["tax"] = from[i].tax.to_string();
}

// The statement as write_statement_json writes it, with the tax fields it leaves out for a
// tariff without a tax added, so that every figure of the bindings' statement is compared.
json statement_json(const statement& s, const compiled_tariff& tariff) {
  json out = json::parse(write_statement_json(s, tariff));
  add_taxes(out.at("lines"), s.lines);
  add_taxes(out.at("adjustments"), s.adjustments);
  add_taxes(out.at("rejected"), s.rejected);
  for (std::size_t i = 0; i < s.fees.size(); ++i)
    if (!out.at("fees").at(i).contains("tax")) out["fees"][i]["tax"] = s.fees[i].tax.to_string();
  if (!out.contains("tax_included")) {
    out["tax_included"] = s.tax_included;
    out["tax_exempt"] = s.tax_exempt;
    out["taxes"] = json::array();
    for (const tax_line& t : s.taxes)
      out["taxes"].push_back({{"tax", t.tax},
                              {"rate", t.rate},
                              {"percent", t.percent.to_string()},
                              {"base", t.base.to_string()},
                              {"amount", t.amount.to_string()}});
    out["tax"] = s.tax.to_string();
    out["total"] = s.total.to_string();
  }
  return out;
}

// Every call, as JSON, in the order made.
class json_log final : public examples::engine_log {
 public:
  json calls = json::array();

  void compiled(const compiled_tariff& tariff) override { tariff_ = tariff; }

  void priced(std::span<const priced_line> lines) override {
    calls.push_back({{"call", "price"}, {"lines", lines_json(lines)}});
  }

  void billed(const contract& deal, local_date day, const date_span& period,
              const billing_state& opening, std::span<const work_line> work,
              std::span<const payment> payments, const statement& s) override {
    calls.push_back({{"call", "bill"},
                     {"contract", deal.id},
                     {"contract_row", contract_row(deal)},
                     {"day", format_date(day)},
                     {"period", span_json(period)},
                     {"state", json::parse(write_state_json(opening))},
                     {"work", ids(work)},
                     {"payments", ids(payments)},
                     {"statement", statement_json(s, *tariff_)}});
  }

  void estimated(const contract& deal, const billing_state& opening,
                 std::span<const work_line> work, std::span<const priced_line> lines) override {
    calls.push_back({{"call", "estimate"},
                     {"contract", deal.id},
                     {"contract_row", contract_row(deal)},
                     {"state", json::parse(write_state_json(opening))},
                     {"work", ids(work)},
                     {"lines", lines_json(lines)}});
  }

  void priced_with_state(const contract& deal, const billing_state& before,
                         std::span<const work_line> work, std::span<const priced_line> lines,
                         const billing_state& after) override {
    calls.push_back({{"call", "price_with_state"},
                     {"contract", deal.id},
                     {"contract_row", contract_row(deal)},
                     {"state", json::parse(write_state_json(before))},
                     {"work", ids(work)},
                     {"lines", lines_json(lines)},
                     {"state_after", json::parse(write_state_json(after))}});
  }

  void expiring(local_date day, int days, std::span<const contract> found) override {
    calls.push_back({{"call", "expiring_contracts"},
                     {"day", format_date(day)},
                     {"days", days},
                     {"contracts", ids(found)}});
  }

  void paid_out(const date_span& month, const std::string& rates,
                std::span<const payout> found) override {
    json out = json::array();
    for (const payout& p : found)
      out.push_back(payout_json(p));
    calls.push_back(
        {{"call", "payouts"}, {"period", span_json(month)}, {"rates", rates}, {"payouts", out}});
  }

  void paid_staff(const date_span& month, const std::string& block,
                  std::span<const staff_pay> found) override {
    json out = json::array();
    for (const staff_pay& p : found)
      out.push_back(staff_pay_json(p));
    calls.push_back(
        {{"call", "staff_pays"}, {"period", span_json(month)}, {"block", block}, {"pays", out}});
  }

 private:
  json lines_json(std::span<const priced_line> lines) const {
    json out = json::parse(write_priced_json(lines, *tariff_));
    add_taxes(out, lines);
    return out;
  }

  std::optional<compiled_tariff> tariff_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: golden_json EXAMPLE_FOLDER\n";
    return 2;
  }
  try {
    std::filesystem::path dir = std::filesystem::path(argv[1]).lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();  // "examples/07-taxes/"
    const std::string name = dir.filename().string();
    json_log log;
    const std::vector<std::string> failures =
        examples::check_folder(dir, "examples/" + name + "/", &log);
    if (!failures.empty()) {
      for (const std::string& failure : failures)
        std::cerr << failure << '\n';
      std::cerr << name << ": " << failures.size()
                << " failure(s) against its expect.txt: no JSON written\n";
      return 1;
    }
    const json out{{"folder", name}, {"calls", log.calls}};
    std::cout << out.dump(1) << '\n';
    return std::cout.good() ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "golden_json: " << e.what() << '\n';
    return 1;
  }
}
