// RFC 4180 CSV: whole texts split by the tokenizer (csv_tokens.hpp), and the field writer.
#include "formats/csv.hpp"

#include <algorithm>

#include "formats/csv_tokens.hpp"

namespace tariff::formats {
std::vector<csv_record> split_csv(std::string_view text) {
  csv_tokenizer tokens;
  csv_record_view record;
  std::vector<csv_record> records;
  for (;;) {
    std::size_t used = 0;
    const csv_tokenizer::status status = tokens.next(text, true, record, used);
    text.remove_prefix(used);
    if (status != csv_tokenizer::status::record) return records;
    records.push_back({record.line,
                       std::vector<std::string>(record.fields.begin(), record.fields.end()),
                       std::string(record.error)});
  }
}

void append_csv_field(std::string& out, std::string_view field) {
  // One pass over the bytes: find_first_of with a set of four looks each byte up in the set.
  const auto special = [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; };
  if (std::none_of(field.begin(), field.end(), special)) {
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
