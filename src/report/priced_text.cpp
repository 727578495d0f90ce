// Priced lines as aligned text (priced_io.hpp): what `tariff price` prints.
#include <string>
#include <vector>

#include <tariff/priced_io.hpp>

#include "queries/queries.hpp"
#include "report/text_layout.hpp"

namespace tariff {

std::string write_priced_text(std::span<const priced_line> lines, const compiled_tariff& tariff,
                              const text_options& options) {
  const bool explain = options.explain;
  report::text_page page;
  page.add("Priced with \"" + tariff.name() + "\" (" + tariff.file() + ", hash " +
           tariff.source_hash().substr(0, 12) + ")");
  page.add("");
  page.add("Lines", tariff.currency());
  report::text_table priced(2, {false, false, false, true, true});
  // Sums start at zero with the scale amounts are rounded to, so "0.00" when nothing is priced.
  decimal revenue = queries::zero_amount(tariff);
  decimal cost = revenue;
  std::size_t rejected = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const priced_line& line = lines[i];
    if (!line.ok()) {
      ++rejected;
      continue;
    }
    report::add_priced_line(priced, line, tariff, explain, line.contract,
                            i < options.time_zones.size() ? options.time_zones[i] : "");
    revenue += line.amount;
    cost += line.cost;
  }
  if (rejected == lines.size()) priced.add_raw("  none");
  page.add(std::move(priced));

  if (rejected > 0) {
    page.add("");
    page.add("Rejected (not priced)");
    report::text_table table(2, {false, false, false, false});
    for (const priced_line& l : lines)
      if (!l.ok())
        table.add({l.id, l.date ? format_date(*l.date) : "-", to_string(*l.rejected), l.message});
    page.add(std::move(table));
  }

  page.add("");
  page.add("Totals", tariff.currency());
  report::text_table totals(2, {false});
  totals.add({"lines priced"}, std::to_string(lines.size() - rejected));
  totals.add({"lines rejected"}, std::to_string(rejected));
  totals.add({"revenue"}, revenue.to_string());
  totals.add({"cost"}, cost.to_string());
  totals.add({"margin"}, (revenue - cost).to_string());
  page.add(std::move(totals));
  return page.render();
}

}  // namespace tariff
