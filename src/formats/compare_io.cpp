// The what-if report (compare_io.hpp) as JSON, for programs.
#include <optional>
#include <string>

#include <tariff/compare_io.hpp>

#include "formats/compare_json.hpp"
#include "formats/priced_writer.hpp"
#include "formats/values.hpp"

namespace tariff {
namespace {

// ---------------------------------------------------------------------------------------------
// JSON

void append_change(std::string& out, const change& g, std::size_t indent) {
  formats::object_writer o(out, indent);
  o.string("key", g.key);
  o.raw("lines", std::to_string(g.lines));
  o.raw("changed", std::to_string(g.changed));
  o.raw("old_rejected", std::to_string(g.old_rejected));
  o.raw("new_rejected", std::to_string(g.new_rejected));
  o.string("old_revenue", g.old_revenue.to_string());
  o.string("new_revenue", g.new_revenue.to_string());
  o.string("revenue_change", g.revenue_change().to_string());
  const std::optional<decimal> p = g.revenue_change_percent();
  o.raw("revenue_change_percent", p ? "\"" + p->to_string() + "\"" : "null");
  o.string("old_cost", g.old_cost.to_string());
  o.string("new_cost", g.new_cost.to_string());
  o.string("old_margin", g.old_margin.to_string());
  o.string("new_margin", g.new_margin.to_string());
  o.string("margin_change", g.margin_change().to_string());
  o.close();
}

void append_tariff(std::string& out, const std::string& name, const std::string& hash,
                   std::size_t indent) {
  formats::object_writer o(out, indent);
  o.string("name", name);
  o.string("hash", hash);
  o.close();
}

}  // namespace

void formats::append_comparison_json_head(std::string& out, const comparison& c) {
  // The object's members up to "lines", written as object_writer writes them (at indent 2).
  formats::object_writer o(out, 2);
  o.string("currency", c.currency);
  o.key("old");
  append_tariff(out, c.old_name, c.old_hash, 4);
  o.key("new");
  append_tariff(out, c.new_name, c.new_hash, 4);
  o.key("history");
  if (c.history.first < c.history.end) {
    formats::object_writer h(out, 4);
    h.string("first", format_date(c.history.first));
    h.string("last", format_date(formats::last_day(c.history)));
    h.close();
  } else {
    out += "null";
  }
  o.key("total");
  append_change(out, c.total, 4);
  o.key("fees");
  append_change(out, c.fees, 4);
  o.key("by_client");
  formats::append_object_array(out, c.by_client, 4, append_change);
  o.key("by_item");
  formats::append_object_array(out, c.by_item, 4, append_change);
  o.key("by_month");
  formats::append_object_array(out, c.by_month, 4, append_change);
  o.key("lines");
}

void formats::append_line_change_json(std::string& out, const line_change& l, std::size_t indent,
                                      const compiled_tariff& old_tariff,
                                      const compiled_tariff& new_tariff) {
  formats::object_writer line(out, indent);
  line.raw("index", std::to_string(l.index));
  line.string("client", l.client);
  line.key("old");
  formats::append_priced_line(out, l.old_line, indent + 2, old_tariff);
  line.key("new");
  formats::append_priced_line(out, l.new_line, indent + 2, new_tariff);
  line.close();
}

std::string write_comparison_json(const comparison& c, const compiled_tariff& old_tariff,
                                  const compiled_tariff& new_tariff) {
  std::string out;
  formats::append_comparison_json_head(out, c);
  formats::append_object_array(
      out, c.lines, 4, [&](std::string& text, const line_change& l, std::size_t indent) {
        formats::append_line_change_json(text, l, indent, old_tariff, new_tariff);
      });
  out += "\n}\n";  // the object's close, as object_writer closes it at indent 2
  return out;
}

}  // namespace tariff
