// Rows of any row_spec from CSV with a header row, a block of text at a time: the one reader
// behind both the whole-text readers (read_csv_rows) and the stream (work_stream.hpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/io.hpp>

#include "formats/csv_tokens.hpp"
#include "formats/row_reader.hpp"
#include "formats/row_spec.hpp"
#include "formats/seen_ids.hpp"
#include "formats/text_rules.hpp"
#include "text/visible.hpp"

namespace tariff::formats {

/// The tokenizer's delimiter for the readers' option.
constexpr char delimiter_char(csv_delimiter d) {
  switch (d) {
    case csv_delimiter::comma:
      return ',';
    case csv_delimiter::semicolon:
      return ';';
    case csv_delimiter::detect:
      break;
  }
  return csv_tokenizer::detect_delimiter;
}

/// What a header column stands for: a field, or an attribute of a group.
struct csv_column {
  int field = -1;
  int attribute = -1;
  std::string name;  // the attribute's name
};

/// Maps the header's columns (`names`, on line `line`); every problem with the header is
/// reported.
template <class Row>
std::vector<csv_column> read_csv_header(const row_spec<Row>& spec, std::size_t line,
                                        const std::vector<std::string>& names_given,
                                        std::vector<input_error>& errors) {
  auto complain = [&](std::string column, std::string message) {
    errors.push_back({line, {}, std::move(column), std::move(message)});
  };
  std::vector<csv_column> columns;
  std::set<std::string, std::less<>> names;
  for (std::size_t i = 0; i < names_given.size(); ++i) {
    const std::string& name = names_given[i];
    csv_column col;
    if (name.empty()) {
      complain("", "column " + std::to_string(i + 1) + " of the header has no name");
    } else if (auto problem = text_problem(name, text_kind::code)) {
      complain(text::visible(name), *problem);
    } else if (!names.insert(name).second) {
      complain(name, "the column appears more than once");
    } else {
      for (std::size_t f = 0; f < spec.fields.size(); ++f) {
        if (spec.fields[f].name == name) col.field = static_cast<int>(f);
      }
      for (std::size_t a = 0; a < spec.attributes.size() && col.field < 0; ++a) {
        const std::string_view prefix = spec.attributes[a].prefix;
        if (std::string_view(name).starts_with(prefix)) {
          col.attribute = static_cast<int>(a);
          col.name = name.substr(prefix.size());
        }
      }
      if (col.attribute >= 0 && col.name.empty()) {
        complain(name, "an attribute column needs a name after the '.'");
      } else if (col.field < 0 && col.attribute < 0) {
        complain(name, "unknown column");
      }
    }
    columns.push_back(std::move(col));
  }
  for (const auto& f : spec.fields) {
    if (f.required && !names.contains(f.name)) {
      complain(std::string(f.name), "the required column is missing");
    }
  }
  return columns;
}

/// Reads the rows of one CSV input from its text given a block at a time. Header problems stop
/// the reading: the columns cannot be trusted. The header and the cells it maps stay where they
/// are for the whole reading (the cells point into them), so a reader is neither copied nor
/// moved.
template <class Row>
class csv_row_reader {
 public:
  explicit csv_row_reader(const row_spec<Row>& spec, const csv_options& options = {})
      : spec_(spec), tokens_(delimiter_char(options.delimiter)) {}
  csv_row_reader(const csv_row_reader&) = delete;
  csv_row_reader& operator=(const csv_row_reader&) = delete;

  /// Reads the records that `text` (the input's unread bytes; `last`: none follow) holds whole
  /// into `out`, until `max_rows` rows and errors, and returns the bytes read: the next call
  /// gives the text after them. Given `seen`, ids are checked for repeats.
  std::size_t read(std::string_view text, bool last, std::size_t max_rows, read_result<Row>& out,
                   seen_ids* seen) {
    std::size_t read = 0;
    const std::size_t before = out.rows.size() + out.errors.size();
    while (!finished_ && out.rows.size() + out.errors.size() - before < max_rows) {
      std::size_t used = 0;
      const csv_tokenizer::status status = tokens_.next(text.substr(read), last, record_, used);
      read += used;
      if (status == csv_tokenizer::status::more) break;
      if (status == csv_tokenizer::status::end) {
        if (!header_read_) {
          out.errors.push_back({1, {}, {}, "the input is empty; a header row is expected"});
        }
        finished_ = true;
      } else if (!header_read_) {
        read_header(out);
      } else {
        read_record(out, seen);
      }
    }
    return read;
  }

  /// Whether the reading is over: the input ended, or its header was wrong.
  bool finished() const { return finished_; }

 private:
  void read_header(read_result<Row>& out) {
    header_read_ = true;
    if (!record_.error.empty()) {
      out.errors.push_back({record_.line, {}, {}, std::string(record_.error)});
      finished_ = true;
      return;
    }
    header_.assign(record_.fields.begin(), record_.fields.end());
    std::vector<input_error> errors;
    columns_ = read_csv_header(spec_, record_.line, header_, errors);
    if (!errors.empty()) {
      out.errors.insert(out.errors.end(), std::make_move_iterator(errors.begin()),
                        std::make_move_iterator(errors.end()));
      finished_ = true;
      return;
    }
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      cells_.push_back(
          {header_[i], columns_[i].field, columns_[i].attribute, columns_[i].name, {}, {}});
    }
  }

  void read_record(read_result<Row>& out, seen_ids* seen) {
    const csv_record_view& record = record_;
    if (!record.error.empty() || record.fields.size() != columns_.size()) {
      input_error error{record.line, {}, {}, {}};
      for (std::size_t i = 0; i < columns_.size() && i < record.fields.size(); ++i) {
        if (columns_[i].field == 0) error.id = row_id(record.fields[i]);
      }
      error.message = !record.error.empty()
                          ? std::string(record.error)
                          : "the row has " + std::to_string(record.fields.size()) +
                                " fields; the header has " + std::to_string(columns_.size());
      out.errors.push_back(std::move(error));
      return;
    }
    for (std::size_t i = 0; i < cells_.size(); ++i)
      cells_[i].text = record.fields[i];
    // Read in place: a row that does not read is taken back.
    Row& row = out.rows.emplace_back();
    input_error error;
    if (read_row_into(spec_, record.line, cells_, seen, row, error)) {
      out.row_numbers.push_back(record.line);
    } else {
      out.rows.pop_back();
      out.errors.push_back(std::move(error));
    }
  }

  const row_spec<Row>& spec_;
  csv_tokenizer tokens_;
  csv_record_view record_;
  bool header_read_ = false;
  bool finished_ = false;
  std::vector<std::string> header_;
  std::vector<csv_column> columns_;
  std::vector<cell_view> cells_;  // one per column, pointing into header_ and columns_
};

/// Reads CSV rows from a whole text.
template <class Row>
read_result<Row> read_csv_rows(std::string_view text, const row_spec<Row>& spec,
                               const csv_options& options) {
  read_result<Row> result;
  // Room for the rows up front: growing by doubling would move millions of rows. A record ends
  // at a line feed, and a row that reads is rarely under 64 bytes (one that is only makes the
  // vector grow from there), so the room asked for stays within a few times the text's size.
  const auto line_feeds = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  result.rows.reserve(std::min(line_feeds + 1, text.size() / 64));
  csv_row_reader<Row> reader(spec, options);
  seen_ids seen;
  while (!reader.finished())
    text.remove_prefix(
        reader.read(text, true, std::numeric_limits<std::size_t>::max(), result, &seen));
  return result;
}

}  // namespace tariff::formats
