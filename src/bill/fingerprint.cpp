// A work line's fingerprint: what the ledger compares to tell a line sent again from a corrected
// one. A canonical text of the pricing fields, each field tagged and each string length-prefixed
// so that no two different lines write the same text, hashed with SHA-256.
#include <array>
#include <charconv>
#include <cstring>
#include <string>

#include <tariff/billing.hpp>

#include "text/sha256.hpp"

namespace tariff {

namespace {

// The canonical text, written into a buffer on the stack when it fits (as a usual line's does)
// and into a string otherwise: a fingerprint is made for every line billed, and building its
// text should cost no allocation. The writer is given an upper bound of the text's length first.
class canonical_text {
 public:
  explicit canonical_text(std::size_t most) {
    if (most > local_.size()) {
      spill_.resize(most);
      begin_ = spill_.data();
    } else {
      begin_ = local_.data();
    }
    end_ = begin_;
  }
  canonical_text(const canonical_text&) = delete;
  canonical_text& operator=(const canonical_text&) = delete;

  void put(char c) { *end_++ = c; }
  void put(std::string_view text) {
    std::memcpy(end_, text.data(), text.size());
    end_ += text.size();
  }
  void put_number(long long n) { end_ = std::to_chars(end_, end_ + number_room, n).ptr; }
  std::string_view text() const { return {begin_, static_cast<std::size_t>(end_ - begin_)}; }

  static constexpr std::size_t number_room = 20;              // "-9223372036854775808"
  static constexpr std::size_t field_room = 2 + number_room;  // a tag, a number, a separator

 private:
  std::array<char, 384> local_;
  std::string spill_;
  char* begin_ = nullptr;
  char* end_ = nullptr;
};

void put(canonical_text& out, char tag, std::string_view value) {
  out.put(tag);
  out.put_number(static_cast<long long>(value.size()));
  out.put(':');
  out.put(value);
}

void put_seconds(canonical_text& out, char tag, const instant& t) {
  out.put(tag);
  out.put_number(static_cast<long long>(t.time_since_epoch().count()));
  out.put(';');
}

// A quantity by its value, not its scale: 1.5 and 1.50 price the same.
std::string quantity_text(const decimal& q) {
  std::string text = q.to_string();
  if (text.find('.') == std::string::npos) return text;
  while (text.back() == '0')
    text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::size_t attributes_room(const attribute_map& values) {
  std::size_t room = canonical_text::field_room;
  for (const auto& [name, value] : values)
    room += 2 * canonical_text::field_room + name.size() + value.size();
  return room;
}

void put_attributes(canonical_text& out, char tag, const attribute_map& values) {
  out.put(tag);
  out.put_number(static_cast<long long>(values.size()));
  out.put(';');
  for (const auto& [name, value] : values) {  // a std::map: in name order
    put(out, 'k', name);
    put(out, 'v', value);
  }
}

}  // namespace

std::string work_fingerprint(const work_line& line) {
  constexpr std::string_view version = "tariff-work-1";  // the canonical text's own version
  const std::string quantity = line.quantity ? quantity_text(*line.quantity) : "-";
  const std::string_view kind = to_string(line.kind);
  canonical_text text(version.size() + 7 * canonical_text::field_room + line.item.size() +
                      quantity.size() + kind.size() + line.site.size() + line.time_zone.size() + 1 +
                      attributes_room(line.site_attributes) + attributes_room(line.attributes));
  text.put(version);
  put(text, 'i', line.item);
  put_seconds(text, 's', line.start);
  if (line.end)
    put_seconds(text, 'e', *line.end);
  else
    put(text, 'e', "-");
  put(text, 'q', quantity);
  put(text, 'w', kind);
  put(text, 'p', line.site);
  put(text, 'z', line.time_zone);
  put_attributes(text, 'S', line.site_attributes);
  put_attributes(text, 'A', line.attributes);
  return text::sha256_hex(text.text(), 32);
}

}  // namespace tariff
