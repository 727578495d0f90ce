// The what-if report (compare_io.hpp) for people: text, and a CSV of its groups for a
// spreadsheet.
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <tariff/compare_io.hpp>

#include "formats/compare_json.hpp"
#include "formats/csv.hpp"
#include "formats/priced_writer.hpp"
#include "report/text_layout.hpp"
#include "text/visible.hpp"

namespace tariff {
namespace {

// "+500.00", "-20.00", "0.00": a change always shows its direction.
std::string signed_text(const decimal& d) {
  return d.sign() > 0 ? "+" + d.to_string() : d.to_string();
}

std::string percent_text(const change& g) {
  const std::optional<decimal> p = g.revenue_change_percent();
  return p ? signed_text(*p) + "%" : "-";
}

// ---------------------------------------------------------------------------------------------
// Text

void add_change(report::text_table& table, std::string label, const change& g) {
  table.add({std::move(label), std::to_string(g.lines), std::to_string(g.changed),
             g.old_revenue.to_string(), g.new_revenue.to_string(), signed_text(g.revenue_change()),
             percent_text(g), g.old_margin.to_string(), g.new_margin.to_string(),
             signed_text(g.margin_change())});
}

void add_groups(report::text_table& table, const char* title, const std::vector<change>& groups) {
  if (groups.empty()) return;
  table.add_raw("");
  table.add_raw(title);
  for (const change& g : groups)
    add_change(table, "  " + (g.key.empty() ? std::string("(none)") : g.key), g);
}

// The lines of a pricing as text: the line, its parts and trace (or why it was rejected).
std::vector<std::string> pricing_lines(const priced_line& line, const compiled_tariff& tariff) {
  report::text_page page;
  if (line.ok()) {
    report::text_table table(0, {false, false, false, true, true});
    report::add_priced_line(table, line, tariff, true);
    page.add(std::move(table));
  } else {
    page.add("rejected: " + std::string(to_string(*line.rejected)));
    page.add(line.message);
  }
  std::vector<std::string> out;
  std::istringstream text(page.render());
  for (std::string l; std::getline(text, l);)
    out.push_back(std::move(l));
  return out;
}

// The columns a report for a terminal fits in (docs/cli.md, "tariff diff").
constexpr std::size_t terminal_columns = 100;

std::size_t widest(const std::vector<std::string>& lines) {
  std::size_t out = 0;
  for (const std::string& l : lines)
    out = std::max(out, report::width(l));
  return out;
}

void append_indented(std::string& out, const std::vector<std::string>& lines, std::size_t indent) {
  for (const std::string& l : lines) {
    if (!l.empty()) out.append(indent, ' ');
    out += l;
    out += '\n';
  }
}

// Two blocks of text side by side, the left one padded to its widest line, when they fit in
// terminal_columns; else the left one above the right one, so that no line wraps.
void append_side_by_side(std::string& out, const std::vector<std::string>& left,
                         const std::vector<std::string>& right, std::size_t indent) {
  const std::size_t left_width = widest(left);
  if (indent + left_width + 4 + 2 + widest(right) > terminal_columns) {
    append_indented(out, left, indent);
    append_indented(out, right, indent);
    return;
  }
  for (std::size_t i = 0; i < std::max(left.size(), right.size()); ++i) {
    std::string row(indent, ' ');
    const std::string l = i < left.size() ? left[i] : std::string();
    row += l;
    if (i < right.size()) {
      row.append(left_width - report::width(l) + 4, ' ');
      row += "| " + right[i];
    }
    while (!row.empty() && row.back() == ' ')
      row.pop_back();
    out += row;
    out += '\n';
  }
}

// The heading of the list of changed lines.
void append_lines_heading(std::string& out, std::size_t count) {
  out += "\nLines priced differently (" + std::to_string(count) + ")\n";
}

// One changed line: the line, both amounts and the change, then both pricings side by side.
void append_changed_line(std::string& out, const line_change& l, const compiled_tariff& old_tariff,
                         const compiled_tariff& new_tariff) {
  const priced_line& a = l.old_line;
  const priced_line& b = l.new_line;
  const std::string old_amount = a.ok() ? a.amount.to_string() : "rejected";
  const std::string new_amount = b.ok() ? b.amount.to_string() : "rejected";
  // Names from the input and the tariffs are made visible (visible.hpp), as render() does.
  std::string head = "\n  " + text::visible(a.id) + "  " + text::visible(a.item) + "  contract " +
                     text::visible(a.contract);
  if (!l.client.empty()) head += ", client " + text::visible(l.client);
  head += ":  " + old_amount + " -> " + new_amount;
  if (a.ok() && b.ok()) head += "  (" + signed_text(b.amount - a.amount) + ")";
  out += head + '\n';
  std::vector<std::string> left = pricing_lines(a, old_tariff);
  std::vector<std::string> right = pricing_lines(b, new_tariff);
  left.insert(left.begin(), "old: " + text::visible(old_tariff.name()));
  right.insert(right.begin(), "new: " + text::visible(new_tariff.name()));
  append_side_by_side(out, left, right, 4);
}

// ---------------------------------------------------------------------------------------------
// CSV

void append_change_record(std::string& out, std::string group, const change& g) {
  const std::optional<decimal> p = g.revenue_change_percent();
  formats::append_csv_record(
      out, {std::move(group), g.key, std::to_string(g.lines), std::to_string(g.changed),
            std::to_string(g.old_rejected), std::to_string(g.new_rejected),
            g.old_revenue.to_string(), g.new_revenue.to_string(), g.revenue_change().to_string(),
            p ? p->to_string() : std::string(), g.old_cost.to_string(), g.new_cost.to_string(),
            g.old_margin.to_string(), g.new_margin.to_string(), g.margin_change().to_string()});
}

}  // namespace

namespace {

// The text report's figures: everything before the changed lines.
std::string comparison_summary(const comparison& c) {
  // The lines written here, outside render(), make their names visible as render() does.
  std::string out = "What-if comparison in " + text::visible(c.currency);
  if (c.history.first < c.history.end) out += " over " + format_span(c.history);
  out += "\n  old  \"" + text::visible(c.old_name) + "\"  hash " + c.old_hash.substr(0, 12);
  out += "\n  new  \"" + text::visible(c.new_name) + "\"  hash " + c.new_hash.substr(0, 12);
  out += "\n  " + std::to_string(c.total.lines) + " lines, " + std::to_string(c.total.changed) +
         " priced differently; rejected: " + std::to_string(c.total.old_rejected) + " old, " +
         std::to_string(c.total.new_rejected) + " new\n\n";

  report::text_page page;
  report::text_table table(0, {false, true, true, true, true, true, true, true, true, true});
  table.add({"", "lines", "changed", "old revenue", "new revenue", "change", "%", "old margin",
             "new margin", "change"});
  add_change(table, "Total", c.total);
  if (!c.fees.old_revenue.is_zero() || !c.fees.new_revenue.is_zero())
    add_change(table, "  of it fees", c.fees);
  add_groups(table, "By client", c.by_client);
  add_groups(table, "By item", c.by_item);
  add_groups(table, "By month", c.by_month);
  page.add(std::move(table));
  page.render_to(out);
  return out;
}

}  // namespace

std::string write_comparison_text(const comparison& c, const compiled_tariff& old_tariff,
                                  const compiled_tariff& new_tariff,
                                  const comparison_text_options& options) {
  if (!options.lines) return comparison_summary(c);
  comparison_writer writer(comparison_writer::format::text, old_tariff, new_tariff);
  std::string out = writer.head(c, c.lines.size());
  writer.append(out, c.lines);
  out += writer.tail();
  return out;
}

comparison_writer::comparison_writer(format f, const compiled_tariff& old_tariff,
                                     const compiled_tariff& new_tariff)
    : format_(f), old_(&old_tariff), new_(&new_tariff) {}

std::string comparison_writer::head(const comparison& c, std::size_t lines) {
  count_ = lines;
  std::string out;
  if (format_ == format::text) {
    out = comparison_summary(c);
    append_lines_heading(out, lines);
  } else {
    formats::append_comparison_json_head(out, c);
    out += lines == 0 ? "[]" : "[";
  }
  return out;
}

void comparison_writer::append(std::string& out, std::span<const line_change> lines) {
  for (const line_change& l : lines) {
    if (format_ == format::text) {
      append_changed_line(out, l, *old_, *new_);
      continue;
    }
    // As append_object_array writes the elements of "lines", at indent 4.
    out += written_ == 0 ? "\n    " : ",\n    ";
    formats::append_line_change_json(out, l, 6, *old_, *new_);
    ++written_;
  }
}

std::string comparison_writer::tail() const {
  if (format_ == format::text) return {};
  return count_ == 0 ? "\n}\n" : "\n  ]\n}\n";
}

std::string write_comparison_csv(const comparison& c) {
  std::string out;
  formats::append_csv_record(
      out, {"group", "key", "lines", "changed", "old_rejected", "new_rejected", "old_revenue",
            "new_revenue", "revenue_change", "revenue_change_percent", "old_cost", "new_cost",
            "old_margin", "new_margin", "margin_change"});
  append_change_record(out, "total", c.total);
  append_change_record(out, "fees", c.fees);
  for (const change& g : c.by_client)
    append_change_record(out, "client", g);
  for (const change& g : c.by_item)
    append_change_record(out, "item", g);
  for (const change& g : c.by_month)
    append_change_record(out, "month", g);
  return out;
}

}  // namespace tariff
