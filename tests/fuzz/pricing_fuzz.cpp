// libFuzzer target: any tariff that compiles prices any work without a crash, a hang or a leak.
// Each input is a tariff source. When it compiles, every item of it is priced as a timed line and
// as a counted line, at four instants (a weekday noon, a night across midnight, a DST change, a
// leap day), under a contract for every plan and for every price list, once without attributes
// and once with every declared attribute set to "1". Checked: one result per line; a rejected line
// has a message and no amount; pricing without the trace gives the same amounts. Then each
// contract with a plan is billed for March 2026, with a payment: its statement accounts for every
// line, its taxes add up (the lines' and fees' shares to each rate's tax, the rates to the
// statement's), a prepaid balance's drawn and owed make the total, billing it again from its
// closing state bills nothing and changes nothing, and pricing request by request with the state
// gives the same lines. Billing may throw only tariff::error, naming the
// contract: a tax whose exemption a contract cannot decide, or data the tariff refuses
// (billing_input_error). Every pay block pays the work of March.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/billing.hpp>
#include <tariff/pricing.hpp>
#include <tariff/staff_pay.hpp>

#include "plan/access.hpp"
#include "plan/program.hpp"

namespace {

std::vector<tariff::contract> contracts_for(const tariff::plan::tariff_program& p) {
  std::vector<tariff::contract> out;
  auto add = [&](std::string plan, std::string list) {
    tariff::contract c;
    c.id = "C" + std::to_string(out.size());
    c.plan = std::move(plan);
    c.pricelist = std::move(list);
    c.start = *tariff::parse_date("2020-02-29");
    c.end = *tariff::parse_date("2030-12-31");
    out.push_back(std::move(c));
  };
  for (const auto& plan : p.plans)
    add(plan.name, "");
  for (const auto& list : p.pricelists)
    add("", list.name);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  const tariff::compile_result compiled = tariff::compile(source, "fuzz.tariff");
  if (!compiled.tariff) return 0;
  const tariff::plan::tariff_program& program = tariff::plan::program_of(*compiled.tariff);
  const std::vector<tariff::contract> contracts = contracts_for(program);
  const char* starts[][2] = {{"2026-03-04T12:00:00Z", "2026-03-04T13:25:00Z"},
                             {"2026-03-07T21:40:00+03:00", "2026-03-08T02:05:00+03:00"},
                             {"2026-03-29T00:30:00Z", "2026-03-29T03:10:00Z"},
                             {"2028-02-29T23:00:00Z", "2028-03-01T00:01:00Z"}};
  std::vector<tariff::work_line> lines;
  for (const tariff::contract& c : contracts)
    for (const std::string& item : program.item_names)
      for (const auto& [start, end] : starts)
        for (int with_attributes = 0; with_attributes < 2; ++with_attributes) {
          tariff::work_line w;
          w.id = std::to_string(lines.size());
          w.contract = c.id;
          w.item = item;
          w.start = *tariff::parse_instant(start);
          w.time_zone = with_attributes != 0 ? "Europe/Berlin" : "";
          if (with_attributes != 0)
            for (const auto& a : program.attributes) {
              if (a.scope == tariff::vocabulary::attribute_scope::site)
                w.site_attributes[a.name] = "1";
              if (a.scope == tariff::vocabulary::attribute_scope::work) w.attributes[a.name] = "1";
            }
          tariff::work_line counted = w;
          counted.id += "q";
          counted.quantity = tariff::decimal("2.5");
          w.end = *tariff::parse_instant(end);
          lines.push_back(std::move(w));
          lines.push_back(std::move(counted));
        }
  const auto traced = tariff::price(*compiled.tariff, contracts, lines);
  const auto quiet = tariff::price(*compiled.tariff, contracts, lines, {.trace = false});
  if (traced.size() != lines.size() || quiet.size() != lines.size()) std::abort();
  for (std::size_t i = 0; i < traced.size(); ++i) {
    if (!traced[i].ok() && (traced[i].message.empty() || !traced[i].parts.empty())) std::abort();
    if (traced[i].ok() != quiet[i].ok() || !identical(traced[i].amount, quiet[i].amount))
      std::abort();
  }
  for (const tariff::contract& c : contracts) {
    if (c.plan.empty()) continue;
    std::vector<tariff::work_line> own;
    for (const tariff::work_line& w : lines)
      if (w.contract == c.id) own.push_back(w);
    const tariff::date_span march =
        tariff::statement_period(*compiled.tariff, c, *tariff::parse_date("2026-03-01"));
    // A payment only where the plan keeps a prepaid balance: elsewhere it refuses the statement.
    std::vector<tariff::payment> payments;
    if (program.plans[program.plan_index.at(c.plan)].prepaid)
      payments.push_back({"P1",
                          c.id,
                          *tariff::parse_date("2026-03-10"),
                          tariff::decimal("100.00"),
                          tariff::payment_kind::payment,
                          {}});
    tariff::statement s;
    try {
      s = tariff::bill(*compiled.tariff, c, march, {}, own, payments);
    } catch (const tariff::error&) {
      // The exemption reads an attribute these contracts do not give, or the tariff's data
      // refuses them (a per-unit attribute whose default is below 0): billing_input_error.
      continue;
    }
    if (s.lines.size() + s.adjustments.size() + s.rejected.size() + s.already_billed.size() !=
        own.size())
      std::abort();
    tariff::decimal rates;
    tariff::decimal shares;
    for (const tariff::tax_line& t : s.taxes)
      rates += t.amount;
    for (const tariff::fee_line& f : s.fees)
      shares += f.tax;
    for (const auto* section : {&s.lines, &s.adjustments})
      for (const tariff::priced_line& l : *section)
        shares += l.tax;
    if (rates != s.tax || shares != s.tax) std::abort();
    if (s.prepaid && s.prepaid->drawn + s.prepaid->owed != s.total) std::abort();
    // Billed again from its closing state, the same work and payments bill nothing and change
    // nothing (docs/design.md, decision 11).
    const tariff::statement again =
        tariff::bill(*compiled.tariff, c, march, s.closing, own, payments);
    if (!(again.closing == s.closing) || !again.lines.empty() || !again.adjustments.empty() ||
        !again.reversals.empty() || !again.fees.empty() || !again.supplementary)
      std::abort();
    tariff::billing_state state;
    const auto priced = tariff::price_with_state(*compiled.tariff, c, state, own);
    if (priced.size() != own.size()) std::abort();
  }
  const tariff::date_span march{*tariff::parse_date("2026-03-01"),
                                *tariff::parse_date("2026-04-01")};
  for (const auto& block : program.pays) {
    for (const tariff::staff_pay& p :
         tariff::staff_pays(*compiled.tariff, contracts, lines, march, block.name).pays) {
      tariff::decimal total;
      for (const tariff::staff_pay_line& l : p.lines)
        total += l.pay;
      if (total != p.total) std::abort();
    }
  }
  return 0;
}
