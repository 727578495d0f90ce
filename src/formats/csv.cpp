// RFC 4180 CSV tokenizer and field writer.
#include "formats/csv.hpp"

namespace tariff::formats {
namespace {

// A cursor over the text that counts lines as it passes line feeds.
class scanner {
 public:
  explicit scanner(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  bool at(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }
  std::size_t line() const { return line_; }
  void advance(std::size_t n = 1) {
    for (std::size_t i = 0; i < n && pos_ < text_.size(); ++i, ++pos_) {
      if (text_[pos_] == '\n') ++line_;
    }
  }
  // At the end of a record: LF, CRLF or the end of the text.
  bool at_record_end() const { return done() || at("\n") || at("\r\n"); }
  void skip_record_end() { advance(at("\r\n") ? 2 : 1); }
  // Recovery after a malformed record: drop everything up to and including the next line end.
  void skip_line() {
    while (!done() && peek() != '\n')
      advance();
    advance();
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

// Reads a quoted field after its opening quote; false if the quote is never closed.
bool read_quoted(scanner& in, std::string& field) {
  while (!in.done()) {
    if (in.peek() == '"') {
      if (!in.at("\"\"")) {
        in.advance();
        return true;
      }
      field += '"';
      in.advance(2);
    } else {
      field += in.peek();
      in.advance();
    }
  }
  return false;
}

// Reads one record starting at a non-empty line.
csv_record read_record(scanner& in) {
  csv_record record;
  record.line = in.line();
  for (;;) {
    std::string field;
    if (!in.done() && in.peek() == '"') {
      in.advance();
      if (!read_quoted(in, field)) {
        record.fields.push_back(std::move(field));
        record.error = "a quoted field is not closed before the end of the input";
        return record;
      }
      if (!in.at_record_end() && in.peek() != ',') {
        record.fields.push_back(std::move(field));
        record.error = "text after the closing quote of a field";
        in.skip_line();
        return record;
      }
    } else {
      while (!in.at_record_end() && in.peek() != ',') {
        if (in.peek() == '"') {
          record.fields.push_back(std::move(field));
          record.error = "a quote inside an unquoted field (quote the whole field)";
          in.skip_line();
          return record;
        }
        field += in.peek();
        in.advance();
      }
    }
    record.fields.push_back(std::move(field));
    if (in.at_record_end()) {
      if (!in.done()) in.skip_record_end();
      return record;
    }
    in.advance();  // the comma
  }
}

}  // namespace

std::vector<csv_record> split_csv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  scanner in(text);
  std::vector<csv_record> records;
  while (!in.done()) {
    if (in.at("\n") || in.at("\r\n")) {
      in.skip_record_end();  // an empty line holds no record
      continue;
    }
    records.push_back(read_record(in));
  }
  return records;
}

void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
  // A lone empty field would make an empty line, which readers skip: quote it.
  if (fields.size() == 1 && fields[0].empty()) {
    out += "\"\"\n";
    return;
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    append_csv_field(out, fields[i]);
  }
  out += '\n';
}

}  // namespace tariff::formats
