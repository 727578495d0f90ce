// RFC 4180 CSV one record at a time, from text that may stop in the middle of a record (a block
// of a stream): the tokenizer says so instead of guessing, and reads the record again once the
// rest of it is there.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tariff::formats {

/// One record, as views: into the text read, or into the tokenizer's own memory for a quoted
/// field with doubled quotes. Valid until the tokenizer reads the next record.
struct csv_record_view {
  std::size_t line = 0;                  ///< the line it starts on, from 1
  std::vector<std::string_view> fields;  ///< its fields, unquoted
  std::string_view error;  ///< non-empty: the record is malformed (fields are then what was read)
};

/// Splits CSV into records with split_csv's rules (csv.hpp), counting lines across calls.
class csv_tokenizer {
 public:
  /// The delimiter given, or detect_delimiter: told from the header (csv.hpp).
  static constexpr char detect_delimiter = '\0';
  explicit csv_tokenizer(char delimiter = detect_delimiter)
      : delimiter_known_(delimiter != detect_delimiter),
        delimiter_(delimiter != detect_delimiter ? delimiter : ',') {}

  enum class status : unsigned char {
    record,  ///< `out` holds the next record
    more,    ///< `text` ends before the next record does: call again with more text after it
    end,     ///< `text` is `last` and holds no further record
  };

  /// Reads the next record from `text`, the input's unread bytes; `last`: no byte follows them.
  /// `used` is how many bytes of `text` were read (records, empty lines, the byte order mark);
  /// the next call starts after them. Without `last`, a record is returned only once what
  /// follows it shows it to be whole (a CR might be half of CRLF, a quote half of a doubled one).
  status next(std::string_view text, bool last, csv_record_view& out, std::size_t& used);

 private:
  // A field before its record is whole: bytes of the text, or of scratch_ (which may still move).
  struct field_span {
    std::size_t begin;
    std::size_t size;
    bool scratch;
  };

  bool read_record(std::string_view text, bool last, csv_record_view& out, std::size_t& used);

  std::size_t line_ = 1;
  bool started_ = false;          // the byte order mark is behind us
  bool delimiter_known_ = false;  // given, or the header has been looked at
  char delimiter_ = ',';          // ';' given, or for a header with ';' and no ',' (csv.hpp)
  std::string scratch_;           // quoted fields with doubled quotes, unescaped
  std::vector<field_span> spans_;
};

}  // namespace tariff::formats
