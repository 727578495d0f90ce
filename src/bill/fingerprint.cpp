// A work line's fingerprint: what the ledger compares to tell a line sent again from a corrected
// one. A canonical text of the pricing fields, each field tagged and each string length-prefixed
// so that no two different lines write the same text, hashed with SHA-256.
#include <charconv>

#include <tariff/billing.hpp>

#include "text/sha256.hpp"

namespace tariff {

namespace {

void put_number(std::string& out, long long n) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
}

void put(std::string& out, char tag, std::string_view value) {
  out += tag;
  put_number(out, static_cast<long long>(value.size()));
  out += ':';
  out += value;
}

void put_seconds(std::string& out, char tag, const instant& t) {
  out += tag;
  put_number(out, static_cast<long long>(t.time_since_epoch().count()));
  out += ';';
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

void put_attributes(std::string& out, char tag, const attribute_map& values) {
  out += tag;
  put_number(out, static_cast<long long>(values.size()));
  out += ';';
  for (const auto& [name, value] : values) {  // a std::map: in name order
    put(out, 'k', name);
    put(out, 'v', value);
  }
}

}  // namespace

std::string work_fingerprint(const work_line& line) {
  std::string text;
  text.reserve(96 + line.item.size() + line.site.size() + line.time_zone.size());
  text += "tariff-work-1";  // the canonical text's own version
  put(text, 'i', line.item);
  put_seconds(text, 's', line.start);
  if (line.end)
    put_seconds(text, 'e', *line.end);
  else
    put(text, 'e', "-");
  put(text, 'q', line.quantity ? quantity_text(*line.quantity) : "-");
  put(text, 'w', to_string(line.kind));
  put(text, 'p', line.site);
  put(text, 'z', line.time_zone);
  put_attributes(text, 'S', line.site_attributes);
  put_attributes(text, 'A', line.attributes);
  return text::sha256_hex(text, 32);
}

}  // namespace tariff
