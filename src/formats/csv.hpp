// RFC 4180 CSV: splitting text into records and writing fields back.
//
// The readers sit on top of this; it knows nothing about columns or rows' meaning.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tariff::formats {

/// One record of a CSV text.
struct csv_record {
  std::size_t line = 0;             ///< the line it starts on, from 1
  std::vector<std::string> fields;  ///< its fields, unquoted
  std::string error;  ///< non-empty: the record is malformed (fields are then what was read)
};

/// Splits CSV text into records: fields separated by commas, or by semicolons when the first
/// record (the header) has a ';' and no ',' (a spreadsheet's export in a decimal-comma locale); a
/// field in double quotes may hold commas, doubled quotes and line breaks; records end at LF or
/// CRLF; a UTF-8 BOM at the start is skipped; empty lines are skipped. A malformed record (a quote
/// inside an unquoted field, text after a closing quote, an unclosed quote) is returned with
/// `error` set, and reading resumes at the next line so one bad record does not hide the rest.
std::vector<csv_record> split_csv(std::string_view text);

/// Appends `field` to `out`, quoted only when it holds a comma, a quote or a line break.
void append_csv_field(std::string& out, std::string_view field);

/// Appends a record (fields separated by commas, ended by LF) to `out`.
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace tariff::formats
