#include "formats/prepaid_fees.hpp"

#include "formats/values.hpp"
#include "text/visible.hpp"

namespace tariff::formats {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// The words of one entry, split at spaces.
std::vector<std::string_view> words_of(std::string_view entry) {
  std::vector<std::string_view> words;
  while (!(entry = trim(entry)).empty()) {
    const std::size_t space = entry.find_first_of(" \t");
    words.push_back(entry.substr(0, space));
    entry = space == std::string_view::npos ? std::string_view() : entry.substr(space);
  }
  return words;
}

std::optional<std::string> parse_entry(std::string_view entry, prepaid_fee& out) {
  const std::vector<std::string_view> words = words_of(entry);
  const std::string example = " (expected: support 2026-01-01..2026-06-30 [units 40])";
  if (words.size() != 2 && words.size() != 4)
    return text::quote(trim(entry)) + " is not a prepaid fee" + example;
  out.fee = std::string(words[0]);
  const std::size_t dots = words[1].find("..");
  if (dots == std::string_view::npos)
    return text::quote(words[1]) + " is not a span of days first..last" + example;
  local_date first{};
  local_date last{};
  if (auto problem = parse_value(words[1].substr(0, dots), first)) return problem;
  if (auto problem = parse_value(words[1].substr(dots + 2), last)) return problem;
  if (last < first)
    return "the span " + text::visible(words[1]) + " of fee " + text::quote(out.fee) +
           " ends before it starts";
  out.span = {first, last + date::days{1}};
  if (words.size() == 4) {
    if (words[2] != "units") return text::quote(words[2]) + " where 'units' was expected" + example;
    decimal units;
    if (auto problem = parse_value(words[3], units)) return problem;
    if (units.sign() < 0) return "prepaid units must not be negative, not " + units.to_string();
    out.units = units;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> parse_prepaid_fees(std::string_view text,
                                              std::vector<prepaid_fee>& out) {
  std::vector<prepaid_fee> fees;
  while (!text.empty()) {
    const std::size_t end = text.find(';');
    const std::string_view entry = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (trim(entry).empty()) continue;
    prepaid_fee fee;
    if (auto problem = parse_entry(entry, fee)) return problem;
    fees.push_back(std::move(fee));
  }
  out = std::move(fees);
  return std::nullopt;
}

std::string format_prepaid_fees(const std::vector<prepaid_fee>& fees) {
  std::string out;
  for (const prepaid_fee& fee : fees) {
    if (!out.empty()) out += "; ";
    out += fee.fee + " " + format_date(fee.span.first) + ".." +
           format_date(fee.span.end - date::days{1});
    if (fee.units) out += " units " + fee.units->to_string();
  }
  return out;
}

}  // namespace tariff::formats
