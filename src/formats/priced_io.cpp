// Priced lines as CSV and JSON (docs/formats.md, "Priced lines"). Decimals are written with
// decimal::to_string, keeping their scale; nothing passes through a double.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tariff/priced_io.hpp>

#include "formats/csv.hpp"
#include "formats/priced_writer.hpp"

namespace tariff {
namespace {

// ---------------------------------------------------------------------------------------------
// Compact text (the CSV's parts and trace columns)

// "1h30min night+weekend @ 5000.00 = 7500.00"; without labels "2h @ 2500.00 = 5000.00".
std::string part_text(const priced_part& part, const compiled_tariff& tariff) {
  std::string out = part.billed.to_string();
  const std::vector<std::string> labels = tariff.label_names(part.labels);
  if (!labels.empty()) {
    out += ' ';
    out += formats::join(labels, "+");
  }
  out += " @ ";
  out += part.unit_price.to_string();
  out += " = ";
  out += part.amount.to_string();
  if (!part.allowance.empty()) {
    out += " included by ";
    out += part.allowance;
    out += ", covered ";
    out += part.covered.to_string();
  }
  return out;
}

// " (12:3)", or nothing when the step has no source location.
void append_location(std::string& out, const trace_step& step) {
  if (step.line == 0) return;
  out += " (";
  out += std::to_string(step.line);
  out += ':';
  out += std::to_string(step.column);
  out += ')';
}

void append_change(std::string& out, const trace_step& step) {
  out += step.before.to_string();
  out += " -> ";
  out += step.after.to_string();
}

}  // namespace

// One step, as docs/formats.md lists them, appended to `out`: a line's trace is written into one
// string, step after step.
void formats::append_trace_step_text(std::string& out, const trace_step& step, work_kind kind) {
  const auto named = [&](std::string_view before) {
    out += before;
    out += step.name;
  };
  switch (step.kind) {
    case trace_kind::discount:
      named("");
      out += " -";
      out += step.factor.to_string();
      out += "% ";
      append_change(out, step);
      break;
    case trace_kind::group:
      named("");
      out += ' ';
      append_change(out, step);
      out += " x ";
      out += step.factor.to_string();
      break;
    case trace_kind::group_factor:
      named("");
      out += " x ";
      out += step.factor.to_string();
      break;
    case trace_kind::not_billable:
      out += "not billable (";
      out += to_string(kind);
      out += ") ";
      append_change(out, step);
      return;  // no place: the kind, not a rule, made it
    case trace_kind::minimum_charge:
      named("minimum charge ");
      out += ' ';
      append_change(out, step);
      break;
    case trace_kind::maximum_charge:
      named("maximum charge ");
      out += ' ';
      append_change(out, step);
      break;
    case trace_kind::overage:
      named("overage ");
      out += ' ';
      append_change(out, step);
      break;
    case trace_kind::tier:
      named("tier ");
      out += ' ';
      append_change(out, step);
      break;
    case trace_kind::rule:
      named("");
      out += ' ';
      append_change(out, step);
      break;
  }
  append_location(out, step);
}

std::string formats::trace_step_text(const trace_step& step, work_kind kind) {
  std::string out;
  append_trace_step_text(out, step, kind);
  return out;
}

namespace {

// Every step of every part ("[1] …"), then the line's own steps ("[line] …"), into `out`.
void append_trace_text(std::string& out, const priced_line& line) {
  bool first = true;
  const auto next = [&] {
    if (!std::exchange(first, false)) out += "; ";
  };
  for (std::size_t p = 0; p < line.parts.size(); ++p) {
    for (const trace_step& step : line.parts[p].trace) {
      next();
      out += '[';
      out += std::to_string(p + 1);
      out += "] ";
      formats::append_trace_step_text(out, step, line.kind);
    }
  }
  for (const trace_step& step : line.line_trace) {
    next();
    out += "[line] ";
    formats::append_trace_step_text(out, step, line.kind);
  }
}

// ---------------------------------------------------------------------------------------------
// JSON

using formats::append_object_array;
using formats::append_string_array;
using formats::object_writer;

bool has_factor(trace_kind kind) {
  return kind == trace_kind::group || kind == trace_kind::group_factor ||
         kind == trace_kind::discount;
}

void append_step(std::string& out, const trace_step& step, std::size_t indent) {
  object_writer o(out, indent);
  o.string("kind", to_string(step.kind));
  o.string("name", step.name);
  o.string("before", step.before.to_string());
  o.string("after", step.after.to_string());
  if (has_factor(step.kind)) o.string("factor", step.factor.to_string());
  o.raw("line", std::to_string(step.line));
  o.raw("column", std::to_string(step.column));
  o.close();
}

void append_steps(std::string& out, const std::vector<trace_step>& steps, std::size_t indent) {
  append_object_array(out, steps, indent, append_step);
}

void append_part(std::string& out, const priced_part& part, std::size_t indent,
                 const compiled_tariff& tariff) {
  object_writer o(out, indent);
  o.string("begin", format_instant(part.begin));
  o.string("end", format_instant(part.end));
  o.string("date", format_date(part.date));
  o.key("labels");
  append_string_array(out, tariff.label_names(part.labels));
  o.string("measured", part.measured.to_string());
  o.string("billed", part.billed.to_string());
  o.string("list_price", part.list_price.to_string());
  o.string("unit_price", part.unit_price.to_string());
  o.string("amount", part.amount.to_string());
  o.string("cost", part.cost.to_string());
  if (!part.allowance.empty()) {
    o.string("allowance", part.allowance);
    o.string("covered", part.covered.to_string());
  }
  o.key("trace");
  append_steps(out, part.trace, indent + 2);
  o.close();
}

}  // namespace

void formats::append_priced_line(std::string& out, const priced_line& line, std::size_t indent,
                                 const compiled_tariff& tariff, bool with_tax) {
  object_writer o(out, indent);
  o.string("id", line.id);
  o.string("request", line.request);
  o.string("contract", line.contract);
  o.string("item", line.item);
  o.string("kind", to_string(line.kind));
  o.string("date", line.date ? format_date(*line.date) : std::string());
  if (line.rejected) {
    o.string("status", "rejected");
    o.string("reason", to_string(*line.rejected));
    o.string("message", line.message);
    o.close();
    return;
  }
  o.string("status", "priced");
  o.string("title", line.title);
  o.string("price_list", line.price_list);
  o.string("measured", line.measured.to_string());
  o.string("billed", line.billed.to_string());
  o.string("amount", line.amount.to_string());
  o.string("cost", line.cost.to_string());
  o.string("margin", line.margin.to_string());
  if (with_tax) o.string("tax", line.tax.to_string());
  o.key("parts");
  append_object_array(out, line.parts, indent + 2,
                      [&](std::string& text, const priced_part& part, std::size_t inner) {
                        append_part(text, part, inner, tariff);
                      });
  o.key("line_trace");
  append_steps(out, line.line_trace, indent + 2);
  o.close();
}

namespace {

// One priced line as a CSV row, the fields written straight into `out`: a stream of millions of
// lines builds no field strings of its own.
void append_priced_row(std::string& out, const priced_line& line, const compiled_tariff& tariff,
                       std::string& scratch) {
  const auto field = [&](std::string_view text, bool last = false) {
    formats::append_csv_field(out, text);
    out += last ? '\n' : ',';
  };
  field(line.id);
  field(line.request);
  field(line.contract);
  field(line.item);
  field(to_string(line.kind));
  field(line.date ? format_date(*line.date) : std::string());
  field(line.ok() ? "priced" : "rejected");
  field(line.rejected ? to_string(*line.rejected) : std::string_view());
  if (!line.ok()) {
    field(line.message);
    out.append(7, ',');
    out += '\n';
    return;
  }
  field(line.message);
  field(line.price_list);
  field(line.measured.to_string());
  field(line.billed.to_string());
  field(line.amount.to_string());
  field(line.cost.to_string());
  field(line.margin.to_string());
  scratch.clear();
  for (std::size_t i = 0; i < line.parts.size(); ++i) {
    if (i > 0) scratch += "; ";
    scratch += part_text(line.parts[i], tariff);
  }
  field(scratch);
  scratch.clear();
  append_trace_text(scratch, line);
  field(scratch, true);
}

}  // namespace

priced_writer::priced_writer(format f, const compiled_tariff& tariff)
    : format_(f), tariff_(&tariff) {}

void priced_writer::append(std::string& out, std::span<const priced_line> lines) {
  if (format_ == format::csv) {
    if (!started_)
      formats::append_csv_record(
          out, {"id", "request", "contract", "item", "kind", "date", "status", "reason", "message",
                "price_list", "measured", "billed", "amount", "cost", "margin", "parts", "trace"});
    started_ = true;
    for (const priced_line& line : lines)
      append_priced_row(out, line, *tariff_, scratch_);
    return;
  }
  for (const priced_line& line : lines) {
    out += started_ ? ",\n  " : "[\n  ";
    started_ = true;
    formats::append_priced_line(out, line, 4, *tariff_);
  }
}

void priced_writer::finish(std::string& out) {
  if (format_ == format::csv) {
    append(out, {});  // the header, if no line came
  } else {
    out += started_ ? "\n]\n" : "[]\n";
  }
}

std::string write_priced_csv(std::span<const priced_line> lines, const compiled_tariff& tariff) {
  std::string out;
  priced_writer writer(priced_writer::format::csv, tariff);
  writer.append(out, lines);
  writer.finish(out);
  return out;
}

std::string write_priced_json(std::span<const priced_line> lines, const compiled_tariff& tariff) {
  std::string out;
  priced_writer writer(priced_writer::format::json, tariff);
  writer.append(out, lines);
  writer.finish(out);
  return out;
}

}  // namespace tariff
