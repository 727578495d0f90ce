// The expect-file parser and checker of the golden examples (expect.hpp).
#include "expect.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include <tariff/calendar.hpp>
#include <tariff/decimal.hpp>

namespace tariff::examples {
namespace {

constexpr std::array<std::string_view, 9> line_field_names{
    "amount", "cost", "margin", "billed", "measured", "rejected", "parts", "price_list", "date"};
constexpr std::array<std::string_view, 8> part_field_names{
    "billed", "measured", "list_price", "unit_price", "amount", "cost", "labels", "date"};

bool contains(std::span<const std::string_view> names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_decimal_field(std::string_view field) {
  return field == "amount" || field == "cost" || field == "margin" || field == "list_price" ||
         field == "unit_price";
}

// Every reason code the engine can write: to_string gives "?" for a value with no name.
const std::set<std::string, std::less<>>& reason_codes() {
  static const std::set<std::string, std::less<>> codes = [] {
    std::set<std::string, std::less<>> out;
    for (int i = 0; i < 256; ++i) {
      const std::string_view code = to_string(static_cast<reject_reason>(i));
      if (code != "?") out.emplace(code);
    }
    return out;
  }();
  return codes;
}

std::vector<std::string_view> tokens_of(std::string_view line) {
  std::vector<std::string_view> tokens;
  std::size_t at = 0;
  while (at < line.size()) {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t' || line[at] == '\r'))
      ++at;
    if (at == line.size() || line[at] == '#') break;
    const std::size_t start = at;
    while (at < line.size() && line[at] != ' ' && line[at] != '\t' && line[at] != '\r')
      ++at;
    tokens.push_back(line.substr(start, at - start));
  }
  return tokens;
}

std::optional<int> positive_int(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

// Why `value` cannot be what `field` holds; empty when it can.
std::string value_problem(std::string_view field, std::string_view value) {
  decimal number;
  if (is_decimal_field(field) && !decimal::try_parse(value, number))
    return "'" + std::string(value) + "' is not a decimal number";
  if (field == "rejected" && !reason_codes().contains(value))
    return "'" + std::string(value) + "' is not a reject reason code";
  if (field == "parts") {
    int count = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), count);
    if (error != std::errc{} || end != value.data() + value.size() || count < 0)
      return "'" + std::string(value) + "' is not a number of parts";
  }
  if (field == "date" && !parse_date(value))
    return "'" + std::string(value) + "' is not a date (YYYY-MM-DD)";
  return {};
}

std::string rejection_text(const priced_line& line) {
  return "rejected " + std::string(to_string(*line.rejected)) + " (" + line.message + ")";
}

std::string line_value(const priced_line& line, std::string_view field) {
  if (field == "rejected") return line.ok() ? "priced" : std::string(to_string(*line.rejected));
  if (!line.ok()) return rejection_text(line);
  if (field == "amount") return line.amount.to_string();
  if (field == "cost") return line.cost.to_string();
  if (field == "margin") return line.margin.to_string();
  if (field == "billed") return line.billed.to_string();
  if (field == "measured") return line.measured.to_string();
  if (field == "parts") return std::to_string(line.parts.size());
  if (field == "price_list") return line.price_list;
  if (field == "date") return line.date ? format_date(*line.date) : std::string("-");
  return "?";
}

std::string part_value(const priced_part& part, std::string_view field, const label_namer& labels) {
  if (field == "billed") return part.billed.to_string();
  if (field == "measured") return part.measured.to_string();
  if (field == "list_price") return part.list_price.to_string();
  if (field == "unit_price") return part.unit_price.to_string();
  if (field == "amount") return part.amount.to_string();
  if (field == "cost") return part.cost.to_string();
  if (field == "labels") return labels(part.labels);
  if (field == "date") return format_date(part.date);
  return "?";
}

}  // namespace

std::span<const std::string_view> line_fields() {
  return line_field_names;
}
std::span<const std::string_view> part_fields() {
  return part_field_names;
}

expect_file parse_expect(std::string_view text, std::string_view file) {
  expect_file out;
  int number = 0;
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    ++number;
    const std::vector<std::string_view> tokens = tokens_of(line);
    if (tokens.empty()) continue;
    const std::string where = std::string(file) + ":" + std::to_string(number) + ": ";
    if (tokens[0] != "line") {
      out.errors.push_back(where + "expected 'line ID [part N] FIELD VALUE ...', found '" +
                           std::string(tokens[0]) + "'");
      continue;
    }
    if (tokens.size() < 2) {
      out.errors.push_back(where + "'line' needs a work line id");
      continue;
    }
    assertion base;
    base.source_line = number;
    base.line_id = std::string(tokens[1]);
    std::size_t next = 2;
    if (next < tokens.size() && tokens[next] == "part") {
      const std::optional<int> part =
          next + 1 < tokens.size() ? positive_int(tokens[next + 1]) : std::nullopt;
      if (!part) {
        out.errors.push_back(where + "'part' needs a part number from 1");
        continue;
      }
      base.part = *part;
      next += 2;
    }
    if (next == tokens.size()) {
      out.errors.push_back(where + "line " + base.line_id + " asserts no field");
      continue;
    }
    const std::span<const std::string_view> allowed =
        base.part == 0 ? line_fields() : part_fields();
    std::vector<assertion> these;
    std::set<std::string_view> seen;
    bool good = true;
    for (; next < tokens.size(); next += 2) {
      const std::string_view field = tokens[next];
      std::string problem;
      if (!contains(allowed, field)) {
        if (base.part == 0 && contains(part_fields(), field))
          problem = "'" + std::string(field) + "' is a field of a part: write 'part N " +
                    std::string(field) + " ...'";
        else if (base.part != 0 && contains(line_fields(), field))
          problem = "'" + std::string(field) + "' is a field of a line, not of a part";
        else
          problem = "unknown field '" + std::string(field) + "'";
      } else if (!seen.insert(field).second) {
        problem = "field '" + std::string(field) + "' given twice";
      } else if (next + 1 == tokens.size()) {
        problem = "field '" + std::string(field) + "' has no value";
      } else {
        problem = value_problem(field, tokens[next + 1]);
      }
      if (!problem.empty()) {
        out.errors.push_back(where + problem);
        good = false;
        break;
      }
      assertion a = base;
      a.field = std::string(field);
      a.expected = std::string(tokens[next + 1]);
      these.push_back(std::move(a));
    }
    if (good) out.assertions.insert(out.assertions.end(), these.begin(), these.end());
  }
  return out;
}

std::vector<std::string> check_expectations(const expect_file& expect, std::string_view file,
                                            std::span<const work_line> work,
                                            std::span<const priced_line> priced,
                                            const label_namer& labels) {
  std::vector<std::string> failures;
  const auto where = [&](int line) {
    return std::string(file) + ":" + std::to_string(line) + ": ";
  };
  if (priced.size() != work.size()) {
    failures.push_back(std::string(file) + ": " + std::to_string(work.size()) +
                       " work lines were priced as " + std::to_string(priced.size()) + " lines");
    return failures;
  }
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t i = 0; i < work.size(); ++i)
    index.emplace(work[i].id, i);

  std::set<std::string, std::less<>> asserted;
  std::set<std::string, std::less<>> asserted_rejected;
  for (const assertion& a : expect.assertions) {
    const auto found = index.find(a.line_id);
    if (found == index.end()) {
      failures.push_back(where(a.source_line) + "line " + a.line_id + " is not in the work");
      continue;
    }
    asserted.insert(a.line_id);
    if (a.field == "rejected") asserted_rejected.insert(a.line_id);
    const priced_line& line = priced[found->second];
    std::string subject = "line " + a.line_id;
    std::string got;
    if (line.id != a.line_id) {
      got = "the priced line in its place is '" + line.id + "'";
    } else if (a.part == 0) {
      got = line_value(line, a.field);
    } else {
      subject += " part " + std::to_string(a.part);
      if (!line.ok())
        got = rejection_text(line);
      else if (static_cast<std::size_t>(a.part) > line.parts.size())
        got = "no such part (the line has " + std::to_string(line.parts.size()) + ")";
      else
        got = part_value(line.parts[static_cast<std::size_t>(a.part) - 1], a.field, labels);
    }
    if (got != a.expected)
      failures.push_back(where(a.source_line) + subject + " " + a.field + ": expected " +
                         a.expected + ", got " + got);
  }
  for (std::size_t i = 0; i < work.size(); ++i) {
    const std::string& id = work[i].id;
    if (!asserted.contains(id)) {
      failures.push_back(std::string(file) + ": line " + id + " has no assertion");
    } else if (!priced[i].ok() && !asserted_rejected.contains(id)) {
      failures.push_back(std::string(file) + ": line " + id + " was " + rejection_text(priced[i]) +
                         ", and no assertion says 'rejected'");
    }
  }
  return failures;
}

label_namer labels_of(const compiled_tariff& tariff) {
  return [tariff](const segment_labels& labels) {
    std::string out;
    for (const std::string& name : tariff.label_names(labels)) {
      if (!out.empty()) out += '+';
      out += name;
    }
    return out.empty() ? std::string("-") : out;
  };
}

}  // namespace tariff::examples
