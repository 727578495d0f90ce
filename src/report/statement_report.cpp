// Statements for people: the text a client reads and the one-row-per-statement CSV summary
// (docs/formats.md, "Statements").
#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <tariff/statement_io.hpp>

#include "formats/csv.hpp"
#include "formats/priced_writer.hpp"
#include "formats/values.hpp"
#include "queries/queries.hpp"
#include "report/text_layout.hpp"
#include "text/visible.hpp"

namespace tariff {
namespace {

using report::text_page;
using report::text_table;

using formats::last_day;
// ---------------------------------------------------------------------------------------------
// Text

// "late work for 2026-02-01..2026-02-28": the statement period of the plan the line is dated in.
std::string late_note(const priced_line& line, const statement& s, const compiled_tariff& tariff) {
  const std::vector<std::string> plans = tariff.plans();
  if (!line.date || std::find(plans.begin(), plans.end(), s.plan) == plans.end())
    return "late work";
  contract deal;
  deal.plan = s.plan;
  return "late work for " + format_span(statement_period(tariff, deal, *line.date));
}

// The lines of Work or Adjustments: each line, its parts below it, their trace with `explain`.
void add_lines(report::text_table& table, const std::vector<priced_line>& lines, const statement& s,
               const compiled_tariff& tariff, bool explain, bool late) {
  for (const priced_line& line : lines) {
    if (late)
      report::add_priced_line(table, line, tariff, explain, late_note(line, s, tariff));
    else
      report::add_priced_line(table, line, tariff, explain);
  }
}

// An allowance's use as a quantity of its unit ("3h", "2"), the unit found in the statement's
// allowances; as stored (seconds of a time allowance) for one the statement does not report.
std::string allowance_quantity(const statement& s, std::string_view allowance,
                               const decimal& used) {
  for (const allowance_report& a : s.allowances)
    if (a.allowance == allowance) return item_quantity{used, a.included.unit_seconds}.to_string();
  return used.to_string();
}

std::string short_hash(const std::string& hash) {
  return hash.substr(0, 12);
}

}  // namespace

std::string write_statement_text(const statement& s, const compiled_tariff& tariff,
                                 const text_options& options) {
  const bool explain = options.explain;
  text_page page;
  const auto title = [&](std::string_view text, bool amounts) {
    if (!page.empty()) page.add("");
    page.add(text, amounts ? std::optional<std::string_view>(s.currency) : std::nullopt);
  };

  page.add("Statement for contract " + s.contract);
  text_table header(2, {false, false});
  if (!s.id.empty())
    header.add({"id", s.id + (s.supplementary ? ", supplementary" : "") + " (opening revision " +
                          std::to_string(s.opening_revision) + ")"});
  else if (s.supplementary)
    header.add({"id", "supplementary"});
  header.add({"client", s.client});
  std::string plans = s.plan;
  if (s.plans.size() > 1) {  // a plan change in the period: each plan with its days
    plans.clear();
    for (const plan_days& d : s.plans)
      plans += (plans.empty() ? "" : ", then ") + d.plan + " " + format_span(d.days) + " (" +
               std::to_string(d.days.days()) + (d.days.days() == 1 ? " day)" : " days)");
  }
  header.add({"plan", plans});
  header.add({"period", format_span(s.period)});
  header.add({"currency", s.currency});
  header.add({"tariff", s.tariff_hash == tariff.source_hash()
                            ? tariff.name() + ", hash " + short_hash(s.tariff_hash)
                            : "hash " + short_hash(s.tariff_hash) + " (written with " +
                                  tariff.name() + ", hash " + short_hash(tariff.source_hash()) +
                                  ")"});
  // A versioned tariff: each version that priced or charged here, "from 2026-04-01, hash
  // 1a2b3c4d (prices-2026-04.tariff)".
  for (const tariff_version& v : s.versions)
    header.add({"version", "from " + (v.effective ? format_date(*v.effective) : "the start") +
                               ", hash " + short_hash(v.source_hash) + " (" + v.file + ")"});
  // What priced it besides the tariff (docs/statement.md, "Checking a past statement"); a
  // statement made by hand names neither.
  if (!s.engine.empty() || !s.tzdata.empty())
    header.add({"priced", "engine " + s.engine + ", tzdata " + s.tzdata});
  page.add(std::move(header));

  title("Fees", true);
  const bool units = std::any_of(s.fees.begin(), s.fees.end(),
                                 [](const fee_line& f) { return f.units != decimal(1); });
  text_table fees(2, {false, false, true});
  for (const fee_line& f : s.fees) {
    std::string covers = format_span(f.covers);
    if (f.covers != f.fee_period)
      covers += " (" + std::to_string(f.covers.days()) + " of " +
                std::to_string(f.fee_period.days()) + " days)";
    std::string note;
    if (f.billed_before)
      note = "adjustment: " + f.billed_before->to_string() + " billed before";
    else if (!f.prepaid_units.is_zero())
      note = f.prepaid_units == f.units ? "prepaid, covers " + f.covered.to_string()
                                        : "prepaid for " + f.prepaid_units.to_string() +
                                              " units, covers " + f.covered.to_string();
    fees.add({f.description, std::move(covers), units ? "x " + f.units.to_string() : std::string()},
             f.amount.to_string(), std::move(note));
  }
  page.add(std::move(fees));
  if (s.fees.empty()) page.add("  none");

  // Work and adjustments share their columns.
  title("Work", true);
  text_table work(2, {false, false, false, true, true});
  add_lines(work, s.lines, s, tariff, explain, false);
  if (s.lines.empty()) work.add_raw("  none");
  if (!s.adjustments.empty()) {
    work.add_raw("");
    work.add_raw("Adjustments (late work)", s.currency);
    add_lines(work, s.adjustments, s, tariff, explain, true);
  }
  page.add(std::move(work));

  if (!s.reversals.empty()) {
    title("Reversals (billed before, taken back)", true);
    text_table reversals(2, {false, false, false});
    for (const reversal& r : s.reversals) {
      std::string note;
      for (const billing_state::allowance_use& u : r.returned)
        note += (note.empty() ? "returns " : ", ") + allowance_quantity(s, u.allowance, u.used) +
                " to " + u.allowance + " for " + format_span(u.period);
      reversals.add({"reverses " + r.id + " (" + std::string(to_string(r.reason)) + ")",
                     format_date(r.date), r.item},
                    r.amount.to_string(), std::move(note));
    }
    page.add(std::move(reversals));
  }

  if (!s.already_billed.empty() || !s.already_credited.empty()) {
    title("Billed before (skipped)", false);
    text_table skipped(2, {false, false});
    if (!s.already_billed.empty()) skipped.add({"work", formats::join(s.already_billed, ", ")});
    if (!s.already_credited.empty())
      skipped.add({"payments", formats::join(s.already_credited, ", ")});
    page.add(std::move(skipped));
  }

  if (!s.rejected.empty()) {
    title("Rejected (not billed)", false);
    text_table rejected(2, {false, false, false, false});
    for (const priced_line& l : s.rejected)
      rejected.add({l.id, l.date ? format_date(*l.date) : "-",
                    l.rejected ? to_string(*l.rejected) : std::string_view(), l.message});
    page.add(std::move(rejected));
  }

  if (!s.allowances.empty()) {
    title("Allowances", false);
    text_table allowances(2, {false, false, true, true, true, true, true});
    allowances.add(
        {"allowance", "period", "included", "used before", "used now", "remaining", "covered"});
    for (const allowance_report& a : s.allowances)
      allowances.add({a.allowance, format_span(a.period), a.included.to_string(),
                      a.used_before.to_string(), a.used.to_string(), a.remaining.to_string(),
                      a.covered_value.to_string()});
    page.add(std::move(allowances));
  }

  if (!s.alerts.empty()) {
    title("Alerts", false);
    for (const alert& a : s.alerts)
      page.add("  - " + a.message);
  }

  if (s.prepaid) {
    const prepaid_report& p = *s.prepaid;
    title("Prepaid balance", true);
    text_table balance(2, {false, false});
    balance.add({"opening", {}}, p.opening.to_string());
    for (const payment& paid : p.payments) {
      if (paid.kind == payment_kind::payment)
        balance.add({"payment " + paid.id, format_date(paid.date)}, paid.amount.to_string());
      else
        balance.add({std::string(to_string(paid.kind)) + " " + paid.id, format_date(paid.date)},
                    (-paid.amount).to_string(), "reverses " + paid.reverses);
    }
    balance.add({"drawn", {}}, p.drawn.to_string());
    balance.add({"closing", {}}, p.closing.to_string());
    balance.add({"owed", {}}, p.owed.to_string(), "not covered by the balance");
    page.add(std::move(balance));
  }

  title("Totals", true);
  text_table totals(2, {false});
  totals.add({"fees"}, s.fees_total.to_string());
  totals.add({"work"}, s.work_total.to_string());
  if (const std::optional<tax_terms> t = tariff.tax()) {
    const bool included = t->basis == tax_basis::included;
    for (const tax_line& line : s.taxes)
      totals.add({line.tax + " " + line.percent.to_string() + "% (" + line.rate + ")"},
                 line.amount.to_string(),
                 (included ? "included, on " : "on ") + line.base.to_string());
    if (s.tax_exempt) totals.add({t->name}, s.tax.to_string(), "exempt");
    totals.add({"total"}, s.total.to_string(), "to pay");
  }
  totals.add({"revenue"}, s.revenue.to_string());
  totals.add({"cost"}, s.cost.to_string());
  totals.add({"margin"}, s.margin.to_string());
  if (s.margin_percent) {
    totals.add({"margin %"}, s.margin_percent->to_string());
  } else {
    totals.add({"margin %"}, "-", "no revenue");
  }
  page.add(std::move(totals));
  return page.render();
}

std::string write_statements_csv(std::span<const statement> statements) {
  std::string out;
  formats::append_csv_record(
      out,
      {"contract",       "client",   "plan",  "first", "last",    "currency", "lines",
       "adjustments",    "rejected", "fees",  "work",  "revenue", "cost",     "margin",
       "margin_percent", "tax",      "total", "owed",  "balance", "id",       "supplementary"});
  for (const statement& s : statements) {
    // A prepaid balance's figures; empty for a plan without one.
    const std::string owed = s.prepaid ? s.prepaid->owed.to_string() : std::string();
    const std::string balance = s.prepaid ? s.prepaid->closing.to_string() : std::string();
    formats::append_csv_record(out,
                               {s.contract,
                                s.client,
                                s.plan,
                                format_date(s.period.first),
                                format_date(last_day(s.period)),
                                s.currency,
                                std::to_string(s.lines.size()),
                                std::to_string(s.adjustments.size()),
                                std::to_string(s.rejected.size()),
                                s.fees_total.to_string(),
                                s.work_total.to_string(),
                                s.revenue.to_string(),
                                s.cost.to_string(),
                                s.margin.to_string(),
                                s.margin_percent ? s.margin_percent->to_string() : std::string(),
                                s.tax.to_string(),
                                s.total.to_string(),
                                owed,
                                balance,
                                s.id,
                                s.supplementary ? "true" : "false"});
  }
  return out;
}

}  // namespace tariff
