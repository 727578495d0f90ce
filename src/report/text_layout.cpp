// Aligned text for terminals (text_layout.hpp).
#include "report/text_layout.hpp"

#include <algorithm>

#include "formats/priced_writer.hpp"
#include "report/shown_amount.hpp"

namespace tariff::report {

namespace {

bool printable_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20U && byte < 0x7FU;
  });
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

void text_table::add_length(std::size_t length) {
  // Seven bits a byte, the low ones first; the high bit says that more follow.
  while (length >= 0x80U) {
    rows_ += static_cast<char>((length & 0x7FU) | 0x80U);
    length >>= 7U;
  }
  rows_ += static_cast<char>(length);
}

std::size_t text_table::add_field(std::string_view text) {
  // Its length twice, and one when its width is another number, written after it.
  if (printable_ascii(text)) {
    add_length(text.size() << 1U);
    rows_ += text;
    return text.size();
  }
  scratch_.clear();
  text::append_visible(scratch_, text);
  const std::size_t shown = width(scratch_);
  add_length((scratch_.size() << 1U) | (shown != scratch_.size() ? 1U : 0U));
  if (shown != scratch_.size()) add_length(shown);
  rows_ += scratch_;
  return shown;
}

void text_table::add_amount(std::optional<std::string_view> amount) {
  rows_ += static_cast<char>(amount ? 1 : 0);
  if (amount) add_field(*amount);
}

void text_table::add(std::initializer_list<std::string_view> cells,
                     std::optional<std::string_view> amount, std::string_view note) {
  rows_ += static_cast<char>(cells_row);
  const std::string_view* cell = cells.begin();
  for (std::size_t& column_width : widths_)
    column_width =
        std::max(column_width, add_field(cell != cells.end() ? *cell++ : std::string_view()));
  add_amount(amount);
  add_field(note);
}

void text_table::add_free(std::size_t column, std::string_view text) {
  rows_ += static_cast<char>(free_row);
  add_length(column);
  add_field(text);
}

void text_table::add_raw(std::string_view left, std::optional<std::string_view> amount,
                         std::string_view note) {
  rows_ += static_cast<char>(raw_row);
  add_field(left);
  add_amount(amount);
  add_field(note);
}

void text_page::add(std::string_view left, std::optional<std::string_view> amount,
                    std::string_view note) {
  if (!last_is_rows_) {
    tables_.emplace_back(0, std::vector<bool>());
    last_is_rows_ = true;
  }
  tables_.back().add_raw(left, amount, note);
}

bool text_page::empty() const {
  return std::all_of(tables_.begin(), tables_.end(),
                     [](const text_table& t) { return t.rows_.empty(); });
}

void text_page::add(text_table&& table) {
  tables_.push_back(std::move(table));
  tables_.back().scratch_ = std::string();
  last_is_rows_ = false;
}

namespace {

// A field of a row: its text, made visible, and the columns it takes.
struct field {
  std::string_view text;
  std::size_t width = 0;
};

// The rows of a table read back: each one's kind, then its fields in the order they were added.
class row_reader {
 public:
  explicit row_reader(std::string_view rows) : rows_(rows) {}
  bool done() const { return at_ >= rows_.size(); }
  char kind() { return rows_[at_++]; }
  std::size_t length() {
    std::size_t value = 0;
    for (unsigned shift = 0;; shift += 7) {
      const auto byte = static_cast<unsigned char>(rows_[at_++]);
      value |= static_cast<std::size_t>(byte & 0x7FU) << shift;
      if ((byte & 0x80U) == 0) return value;
    }
  }
  field next() {
    const std::size_t n = length();
    field f;
    f.width = (n & 1U) != 0 ? length() : n >> 1U;
    f.text = rows_.substr(at_, n >> 1U);
    at_ += n >> 1U;
    return f;
  }
  std::optional<field> amount() {
    if (rows_[at_++] == 0) return std::nullopt;
    return next();
  }

 private:
  std::string_view rows_;
  std::size_t at_ = 0;
};

// Where each column of a table starts: after the indent and the columns before it that are not
// left out, two spaces apart.
std::vector<std::size_t> column_starts(std::size_t indent, const std::vector<std::size_t>& widths) {
  std::vector<std::size_t> starts(widths.size(), indent);
  std::size_t at = indent;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    starts[c] = at;
    if (widths[c] > 0) at += widths[c] + 2;
  }
  return starts;
}

// The width of a row of cells laid out, without the spaces it ends with: up to the last
// character of the last cell that is not all spaces.
std::size_t trimmed_width(const std::vector<field>& cells, const std::vector<std::size_t>& starts,
                          const std::vector<std::size_t>& widths, const std::vector<bool>& right) {
  for (std::size_t c = cells.size(); c-- > 0;) {
    if (widths[c] == 0) continue;
    const std::string_view text = cells[c].text;
    std::size_t spaces = 0;  // at its end
    while (spaces < text.size() && text[text.size() - 1 - spaces] == ' ')
      ++spaces;
    if (spaces == text.size()) continue;
    const std::size_t shown = cells[c].width - spaces;
    return right[c] ? starts[c] + widths[c] - cells[c].width + shown : starts[c] + shown;
  }
  return 0;
}

void trim_right_from(std::string& out, std::size_t from) {
  while (out.size() > from && out.back() == ' ')
    out.pop_back();
}

}  // namespace

void text_page::render_to(std::string& out) const {
  // First the widths: of the widest left part of a row with an amount (its cells laid out, the
  // spaces after them trimmed), and of the widest amount; and a bound of the text's length.
  std::size_t left_width = 0;
  std::size_t amount_width = 0;
  std::size_t amounts = 0;
  std::size_t bound = 0;
  std::vector<field> cells;
  for (const text_table& table : tables_) {
    const std::vector<std::size_t> starts = column_starts(table.indent_, table.widths_);
    std::size_t end = table.indent_;  // of the last column
    for (std::size_t c = 0; c < starts.size(); ++c)
      if (table.widths_[c] > 0) end = starts[c] + table.widths_[c];
    cells.resize(table.right_.size());
    for (row_reader r(table.rows_); !r.done();) {
      const char kind = r.kind();
      std::size_t bytes = 0;  // of its text, over its width
      std::size_t left = 0;   // the width of its left part
      std::optional<field> amount;
      field note;
      if (kind == text_table::free_row) {
        const std::size_t column = r.length();
        const field text = r.next();
        left = starts[column] + 2 + text.width;
        bytes = text.text.size() - text.width;
      } else if (kind == text_table::raw_row) {
        const field text = r.next();
        amount = r.amount();
        note = r.next();
        left = text.width;
        bytes = text.text.size() - left;
      } else {
        for (field& cell : cells) {
          cell = r.next();
          bytes += cell.text.size() - cell.width;
        }
        amount = r.amount();
        note = r.next();
        left = amount ? trimmed_width(cells, starts, table.widths_, table.right_) : end;
      }
      if (amount) {
        ++amounts;
        left_width = std::max(left_width, left);
        amount_width = std::max(amount_width, amount->width);
        bytes += amount->text.size() - amount->width;
      } else {
        bound += left;
      }
      bound += bytes + 2 + note.text.size() + 1;
    }
  }
  out.reserve(out.size() + bound + amounts * (left_width + 2 + amount_width));

  for (const text_table& table : tables_) {
    const std::vector<std::size_t> starts = column_starts(table.indent_, table.widths_);
    cells.resize(table.right_.size());
    for (row_reader r(table.rows_); !r.done();) {
      const std::size_t line = out.size();
      const char kind = r.kind();
      std::size_t left = 0;  // the width of its left part
      std::optional<field> amount;
      field note;
      if (kind == text_table::free_row) {
        const std::size_t column = r.length();
        out.append(starts[column] + 2, ' ');
        out += r.next().text;
        trim_right_from(out, line);
      } else if (kind == text_table::raw_row) {
        const field text = r.next();
        out += text.text;
        left = text.width;
        amount = r.amount();
        note = r.next();
      } else {
        for (field& cell : cells)
          cell = r.next();
        amount = r.amount();
        note = r.next();
        out.append(table.indent_, ' ');
        bool first = true;
        for (std::size_t c = 0; c < cells.size(); ++c) {
          if (table.widths_[c] == 0) continue;
          if (!first) out += "  ";
          first = false;
          const std::size_t pad = table.widths_[c] - cells[c].width;
          if (table.right_[c]) out.append(pad, ' ');
          out += cells[c].text;
          if (!table.right_[c]) out.append(pad, ' ');
        }
        trim_right_from(out, line);
        if (amount) left = trimmed_width(cells, starts, table.widths_, table.right_);
      }
      if (amount) {
        out.append(left_width - left + 2 + amount_width - amount->width, ' ');
        out += amount->text;
      }
      if (!note.text.empty()) {
        out += "  ";
        out += note.text;
      }
      trim_right_from(out, line);
      out += '\n';
    }
  }
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

namespace {

// The zone a line's part times are shown in: the site's, or the calendar's when the line names
// none (or names it); nullptr for a name the tz database does not have (such a line is rejected
// before it has parts).
const date::time_zone* shown_zone(std::string_view zone_name, const compiled_tariff& tariff) {
  if (zone_name.empty() || zone_name == tariff.time_zone_name()) return &tariff.time_zone();
  try {
    return &find_time_zone(zone_name);
  } catch (const calendar_error&) {
    return nullptr;
  }
}

}  // namespace

void add_priced_line(text_table& table, const priced_line& line, const compiled_tariff& tariff,
                     bool explain, std::optional<std::string_view> note,
                     std::string_view zone_name) {
  const date::time_zone* zone = shown_zone(zone_name, tariff);
  const bool other_zone = zone != &tariff.time_zone() && zone != nullptr;
  // The notes, "; " between them.
  std::string notes;
  std::string_view shown = note.value_or(std::string_view());
  if (other_zone) {
    notes = shown;
    if (note) notes += "; ";
    notes += "times in ";
    notes += zone_name;
    shown = notes;
  }
  if (line.kind != work_kind::billable) {
    if (!other_zone) notes = shown;
    if (note || other_zone) notes += "; ";
    notes += "not billable (";
    notes += to_string(line.kind);
    notes += ')';
    shown = notes;
  }
  table.add({line.id, line.date ? format_date(*line.date) : std::string(), line.title,
             line.billed.to_string()},
            line.amount.to_string(), shown);
  for (const priced_part& part : line.parts) {
    std::string part_note;
    if (!part.allowance.empty())
      part_note =
          "included (" + part.allowance + "), covered " + shown_amount(part.covered, tariff);
    table.add({{},
               part_time(part, line, zone != nullptr ? *zone : tariff.time_zone()),
               formats::join(tariff.label_names(part.labels), "+"),
               part.billed.to_string(),
               "@ " + part.unit_price.to_string()},
              shown_amount(part.amount, tariff), part_note);
    if (explain)
      for (const trace_step& step : part.trace)
        table.add_free(1, formats::trace_step_text(step, line.kind));
  }
  if (explain)
    for (const trace_step& step : line.line_trace)
      table.add_free(1, "line: " + formats::trace_step_text(step, line.kind));
}

}  // namespace tariff::report
