// The incremental CSV tokenizer (csv_tokens.hpp).
#include "formats/csv_tokens.hpp"

#include <algorithm>
#include <array>

namespace tariff::formats {
namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
constexpr std::string_view quote_inside =
    "a quote inside an unquoted field (quote the whole field)";
constexpr std::string_view after_quote = "text after the closing quote of a field";
constexpr std::string_view not_closed = "a quoted field is not closed before the end of the input";

// The bytes that end a run of plain bytes in an unquoted field, with this delimiter.
constexpr std::array<bool, 256> special_with(char delimiter) {
  std::array<bool, 256> table{};
  for (const char c : {delimiter, '\n', '\r', '"'})
    table[static_cast<unsigned char>(c)] = true;
  return table;
}
constexpr std::array<bool, 256> special_comma = special_with(',');
constexpr std::array<bool, 256> special_semicolon = special_with(';');

// What spreadsheet programs export in locales whose decimal separator is the comma: fields
// separated by semicolons. Told by the header alone, and only when it cannot be comma-separated
// CSV: a ';' and no ','.
char delimiter_of_header(std::string_view header) {
  return header.find(';') != std::string_view::npos && header.find(',') == std::string_view::npos
             ? ';'
             : ',';
}

std::size_t line_feeds(std::string_view text, std::size_t from, std::size_t to) {
  return static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(from),
                                             text.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
}

}  // namespace

csv_tokenizer::status csv_tokenizer::next(std::string_view text, bool last, csv_record_view& out,
                                          std::size_t& used) {
  used = 0;
  if (!started_) {
    // Two bytes of a mark might be all a first block holds.
    if (text.size() < byte_order_mark.size() && !last && byte_order_mark.starts_with(text))
      return status::more;
    started_ = true;
    if (text.starts_with(byte_order_mark)) used = byte_order_mark.size();
  }
  for (;;) {  // empty lines hold no record
    const std::string_view rest = text.substr(used);
    if (rest.empty()) return last ? status::end : status::more;
    if (rest[0] == '\n') {
      ++used;
      ++line_;
      continue;
    }
    if (rest[0] == '\r') {
      if (rest.size() == 1 && !last) return status::more;
      if (rest.size() > 1 && rest[1] == '\n') {
        used += 2;
        ++line_;
        continue;
      }
    }
    break;
  }
  if (!delimiter_known_) {  // the first record is the header
    const std::string_view rest = text.substr(used);
    const std::size_t feed = rest.find('\n');
    if (feed == std::string_view::npos && !last) return status::more;
    delimiter_ = delimiter_of_header(rest.substr(0, feed));
    delimiter_known_ = true;
  }
  std::size_t record = 0;
  if (!read_record(text.substr(used), last, out, record)) return status::more;
  used += record;
  return status::record;
}

// Reads the record `text` starts with; false if `text` ends before it is known whole. Nothing is
// kept from a false call: the next one reads the record from its start again.
bool csv_tokenizer::read_record(std::string_view text, bool last, csv_record_view& out,
                                std::size_t& used) {
  spans_.clear();
  scratch_.clear();
  out.error = {};
  const std::size_t n = text.size();
  std::size_t pos = 0;
  std::size_t lines = 0;  // line feeds passed
  // After a malformed field: drop the rest of the line, so one bad record does not hide the next.
  auto skip_line = [&](std::string_view error) {
    out.error = error;
    const std::size_t feed = text.find('\n', pos);
    if (feed == std::string_view::npos) {
      if (!last) return false;
      pos = n;
    } else {
      pos = feed + 1;
      ++lines;
    }
    return true;
  };
  bool whole = true;
  const std::array<bool, 256>& special = delimiter_ == ';' ? special_semicolon : special_comma;
  for (;;) {
    if (pos < n && text[pos] == '"') {
      const std::size_t begin = ++pos;
      bool doubled = false;  // the field is unescaped into scratch_
      const std::size_t scratch_begin = scratch_.size();
      bool closed = false;
      for (;;) {
        const std::size_t quote = text.find('"', pos);
        if (quote == std::string_view::npos) break;
        lines += line_feeds(text, pos, quote);
        if (quote + 1 == n && !last) return false;  // perhaps the first of a doubled quote
        if (quote + 1 < n && text[quote + 1] == '"') {
          doubled = true;
          scratch_.append(text.substr(pos, quote + 1 - pos));
          pos = quote + 2;
          continue;
        }
        if (doubled) scratch_.append(text.substr(pos, quote - pos));
        spans_.push_back(doubled ? field_span{scratch_begin, scratch_.size() - scratch_begin, true}
                                 : field_span{begin, quote - begin, false});
        pos = quote + 1;
        closed = true;
        break;
      }
      if (!closed) {
        if (!last) return false;
        lines += line_feeds(text, pos, n);
        if (doubled) scratch_.append(text.substr(pos));
        spans_.push_back(doubled ? field_span{scratch_begin, scratch_.size() - scratch_begin, true}
                                 : field_span{begin, n - begin, false});
        out.error = not_closed;
        pos = n;
        break;
      }
      if (pos == n) {
        if (!last) return false;
        break;
      }
      if (text[pos] == delimiter_) {
        ++pos;
        continue;
      }
      if (text[pos] == '\n') {
        ++pos;
        ++lines;
        break;
      }
      if (text[pos] == '\r') {
        if (pos + 1 == n && !last) return false;
        if (pos + 1 < n && text[pos + 1] == '\n') {
          pos += 2;
          ++lines;
          break;
        }
      }
      whole = skip_line(after_quote);
      break;
    }
    const std::size_t begin = pos;
    bool ended = false;  // the record ends with this field
    for (;;) {
      while (pos < n && !special[static_cast<unsigned char>(text[pos])])
        ++pos;
      if (pos == n) {
        if (!last) return false;
        spans_.push_back({begin, pos - begin, false});
        ended = true;
        break;
      }
      const char c = text[pos];
      if (c == delimiter_) {
        spans_.push_back({begin, pos - begin, false});
        ++pos;
        break;
      }
      if (c == '\n') {
        spans_.push_back({begin, pos - begin, false});
        ++pos;
        ++lines;
        ended = true;
        break;
      }
      if (c == '\r') {  // at the end of a block, the loop above asks for what follows
        if (pos + 1 < n && text[pos + 1] == '\n') {
          spans_.push_back({begin, pos - begin, false});
          pos += 2;
          ++lines;
          ended = true;
          break;
        }
        ++pos;  // a CR alone is part of the field
        continue;
      }
      spans_.push_back({begin, pos - begin, false});  // a quote: the field so far
      whole = skip_line(quote_inside);
      ended = true;
      break;
    }
    if (ended) break;
  }
  if (!whole) return false;
  out.line = line_;
  line_ += lines;
  used = pos;
  out.fields.clear();
  for (const field_span& f : spans_) {
    out.fields.push_back(f.scratch ? std::string_view(scratch_).substr(f.begin, f.size)
                                   : text.substr(f.begin, f.size));
  }
  return true;
}

}  // namespace tariff::formats
