// Aligned text for terminals (text_layout.hpp).
#include "report/text_layout.hpp"

#include <algorithm>

#include "formats/priced_writer.hpp"

namespace tariff::report {

namespace {

void trim_right(std::string& text) {
  while (!text.empty() && text.back() == ' ')
    text.pop_back();
}

void append_two_digits(std::string& out, long long value) {
  out += static_cast<char>('0' + value / 10);
  out += static_cast<char>('0' + value % 10);
}

// "09:30", or "09:30:15" when the seconds are not zero; 24:00 is the end of a day.
std::string clock_text(std::chrono::seconds since_midnight) {
  const long long s = since_midnight.count();
  std::string out;
  append_two_digits(out, s / 3600);
  out += ':';
  append_two_digits(out, s / 60 % 60);
  if (s % 60 != 0) {
    out += ':';
    append_two_digits(out, s % 60);
  }
  return out;
}

}  // namespace

std::size_t width(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

void text_table::append_to(std::vector<text_row>& out) const {
  std::vector<std::size_t> widths(right_.size(), 0);
  for (const row& r : rows_)
    for (std::size_t c = 0; c < r.cells.size(); ++c)
      widths[c] = std::max(widths[c], width(r.cells[c]));
  std::vector<std::size_t> starts(right_.size(), indent_);
  std::size_t at = indent_;
  for (std::size_t c = 0; c < right_.size(); ++c) {
    starts[c] = at;
    if (widths[c] > 0) at += widths[c] + 2;
  }
  for (const row& r : rows_) {
    if (r.raw) {
      out.push_back(*r.raw);
      continue;
    }
    text_row t;
    if (r.cells.empty()) {
      t.left.assign(starts[r.free_column] + 2, ' ');
      t.left += r.free;
    } else {
      t.left.assign(indent_, ' ');
      bool first = true;
      for (std::size_t c = 0; c < r.cells.size(); ++c) {
        if (widths[c] == 0) continue;
        if (!first) t.left += "  ";
        first = false;
        const std::size_t pad = widths[c] - width(r.cells[c]);
        if (right_[c]) t.left.append(pad, ' ');
        t.left += r.cells[c];
        if (!right_[c]) t.left.append(pad, ' ');
      }
    }
    trim_right(t.left);
    t.amount = r.amount;
    t.note = r.note;
    out.push_back(std::move(t));
  }
}

std::string render(const std::vector<text_row>& rows) {
  // Escaping is idempotent: text a table made visible already stays as it is.
  std::vector<text_row> shown;
  shown.reserve(rows.size());
  for (const text_row& r : rows)
    shown.push_back({text::visible(r.left),
                     r.amount ? std::optional(text::visible(*r.amount)) : std::nullopt,
                     text::visible(r.note)});
  std::size_t left_width = 0;
  std::size_t amount_width = 0;
  for (const text_row& r : shown) {
    if (!r.amount) continue;
    left_width = std::max(left_width, width(r.left));
    amount_width = std::max(amount_width, width(*r.amount));
  }
  std::string out;
  for (const text_row& r : shown) {
    std::string line = r.left;
    if (r.amount) {
      line.append(left_width - width(r.left) + 2 + amount_width - width(*r.amount), ' ');
      line += *r.amount;
    }
    if (!r.note.empty()) {
      line += "  ";
      line += r.note;
    }
    trim_right(line);
    out += line;
    out += '\n';
  }
  return out;
}

std::string part_time(const priced_part& part, const priced_line& line,
                      const date::time_zone& zone) {
  const auto begin = date::zoned_seconds(&zone, part.begin).get_local_time();
  const local_date day = date::floor<date::days>(begin);
  std::string out;
  if (!line.date || *line.date != day) out = format_date(day) + " ";
  out += clock_text(begin - day);
  if (part.end == part.begin) return out;
  const auto end = date::zoned_seconds(&zone, part.end).get_local_time();
  out += '-';
  if (end - day <= std::chrono::hours{24}) {
    out += clock_text(end - day);
  } else {
    const local_date end_day = date::floor<date::days>(end);
    out += format_date(end_day) + " " + clock_text(end - end_day);
  }
  return out;
}

void add_priced_line(text_table& table, const priced_line& line, const compiled_tariff& tariff,
                     bool explain, std::vector<std::string> notes) {
  if (line.kind != work_kind::billable)
    notes.push_back("not billable (" + std::string(to_string(line.kind)) + ")");
  table.add({line.id, line.date ? format_date(*line.date) : std::string(), line.title,
             line.billed.to_string()},
            line.amount.to_string(), formats::join(notes, "; "));
  for (const priced_part& part : line.parts) {
    std::string note;
    if (!part.allowance.empty())
      note = "included (" + part.allowance + "), covered " + part.covered.to_string();
    table.add({{},
               part_time(part, line, tariff.time_zone()),
               formats::join(tariff.label_names(part.labels), "+"),
               part.billed.to_string(),
               "@ " + part.unit_price.to_string()},
              part.amount.to_string(), std::move(note));
    if (explain)
      for (const trace_step& step : part.trace)
        table.add_free(1, formats::trace_step_text(step, line.kind));
  }
  if (explain)
    for (const trace_step& step : line.line_trace)
      table.add_free(1, "line: " + formats::trace_step_text(step, line.kind));
}

}  // namespace tariff::report
