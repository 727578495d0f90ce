// Work records (work_record.hpp): varint lengths and counts, instants and days as zigzag
// varints, decimals as their exact text.
#include "cli/work_record.hpp"

#include <chrono>
#include <cstdint>
#include <stdexcept>

namespace tariff::cli {

namespace {

void put(std::string& out, std::uint64_t n) {
  while (n >= 0x80) {
    out += static_cast<char>((n & 0x7F) | 0x80);
    n >>= 7;
  }
  out += static_cast<char>(n);
}

void put_signed(std::string& out, std::int64_t n) {
  put(out, (static_cast<std::uint64_t>(n) << 1) ^ static_cast<std::uint64_t>(n >> 63));
}

void put_text(std::string& out, std::string_view text) {
  put(out, text.size());
  out += text;
}

void put_map(std::string& out, const attribute_map& map) {
  put(out, map.size());
  for (const auto& [name, value] : map) {
    put_text(out, name);
    put_text(out, value);
  }
}

// Reads what put wrote; the bytes come from this process's own temporary file, so running off
// their end is a broken file, not bad input.
class bytes_in {
 public:
  explicit bytes_in(std::string_view bytes) : at_(bytes) {}

  std::uint64_t number() {
    std::uint64_t n = 0;
    for (int shift = 0;; shift += 7) {
      const auto byte = static_cast<unsigned char>(take(1).front());
      n |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return n;
    }
  }
  std::int64_t signed_number() {
    const std::uint64_t n = number();
    return static_cast<std::int64_t>(n >> 1) ^ -static_cast<std::int64_t>(n & 1);
  }
  std::string text() { return std::string(take(static_cast<std::size_t>(number()))); }
  attribute_map map() {
    attribute_map out;
    for (std::uint64_t n = number(); n > 0; --n) {
      std::string name = text();
      out.emplace_hint(out.end(), std::move(name), text());
    }
    return out;
  }
  bool done() const { return at_.empty(); }

 private:
  std::string_view take(std::size_t n) {
    if (n > at_.size()) throw std::runtime_error("a temporary file of the sort is cut short");
    const std::string_view out = at_.substr(0, n);
    at_.remove_prefix(n);
    return out;
  }

  std::string_view at_;
};

// Which optional fields a record holds, and the line's flags: one number.
constexpr std::uint64_t has_end = 1;
constexpr std::uint64_t has_quantity = 2;
constexpr std::uint64_t has_accepted_on = 4;
constexpr std::uint64_t accepted = 8;
constexpr std::uint64_t voided = 16;

}  // namespace

void append_work_record(std::string& out, const work_line& line, std::size_t row) {
  put(out, row);
  put_text(out, line.id);
  put_text(out, line.request);
  put_text(out, line.contract);
  put_text(out, line.item);
  put_signed(out, line.start.time_since_epoch().count());
  const std::uint64_t set = (line.end ? has_end : 0) | (line.quantity ? has_quantity : 0) |
                            (line.accepted_on ? has_accepted_on : 0) |
                            (line.accepted ? accepted : 0) | (line.voided ? voided : 0);
  put(out, set);
  if (line.end) put_signed(out, line.end->time_since_epoch().count());
  if (line.quantity) put_text(out, line.quantity->to_string());
  if (line.accepted_on) put_signed(out, line.accepted_on->time_since_epoch().count());
  put(out, static_cast<std::uint64_t>(line.kind));
  put_text(out, line.performer);
  put_text(out, line.site);
  put_text(out, line.time_zone);
  put_map(out, line.site_attributes);
  put_map(out, line.attributes);
}

work_line read_work_record(std::string_view bytes, std::size_t& row) {
  bytes_in in(bytes);
  work_line line;
  row = static_cast<std::size_t>(in.number());
  line.id = in.text();
  line.request = in.text();
  line.contract = in.text();
  line.item = in.text();
  line.start = instant{std::chrono::seconds{in.signed_number()}};
  const std::uint64_t set = in.number();
  if ((set & has_end) != 0) line.end = instant{std::chrono::seconds{in.signed_number()}};
  if ((set & has_quantity) != 0) {
    line.quantity = decimal::try_parse(in.text());
    if (!line.quantity)
      throw std::runtime_error("a temporary file of the sort holds a broken quantity");
  }
  if ((set & has_accepted_on) != 0) line.accepted_on = local_date{date::days{in.signed_number()}};
  line.accepted = (set & accepted) != 0;
  line.voided = (set & voided) != 0;
  line.kind = static_cast<work_kind>(in.number());
  line.performer = in.text();
  line.site = in.text();
  line.time_zone = in.text();
  line.site_attributes = in.map();
  line.attributes = in.map();
  if (!in.done()) throw std::runtime_error("a temporary file of the sort holds a broken record");
  return line;
}

}  // namespace tariff::cli
