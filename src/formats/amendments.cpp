#include "formats/amendments.hpp"

#include "formats/time_text.hpp"
#include "text/visible.hpp"

namespace tariff::formats {

namespace {

std::string escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ';' || c == ',' || c == '=' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Splits at unescaped `separator`, keeping escapes for the next level.
std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      parts.back() += text[i];
      parts.back() += text[++i];
    } else if (text[i] == separator) {
      parts.emplace_back();
    } else {
      parts.back() += text[i];
    }
  }
  return parts;
}

std::string unescaped(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    out += text[i];
  }
  return out;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ')
    s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ')
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> parse_amendments(std::string_view text,
                                            std::vector<contract_amendment>& out) {
  std::vector<contract_amendment> read;
  for (const std::string& entry : split(text, ';')) {
    const std::string_view e = trimmed(entry);
    const auto colon = e.find(':');
    const std::string_view date_text =
        colon == std::string_view::npos ? std::string_view() : trimmed(e.substr(0, colon));
    const std::optional<local_date> day = parse_date(date_text);
    if (!day) {
      if (auto problem = date_problem(date_text))
        return text::quote(e) + " is not an amendment: " + *problem;
      return text::quote(e) +
             " is not an amendment: write DATE: plan=NAME, contract.NAME=VALUE, client.NAME=VALUE";
    }
    contract_amendment a;
    a.effective = *day;
    for (const std::string& setting : split(e.substr(colon + 1), ',')) {
      const std::vector<std::string> sides = split(setting, '=');
      const std::string_view key = sides.size() == 2 ? trimmed(sides[0]) : std::string_view();
      if (key == "plan") {  // docs/design.md, decision 13: the plan from that day
        std::string plan = unescaped(trimmed(sides[1]));
        if (plan.empty() || !a.plan.empty())
          return text::quote(trimmed(setting)) + " in the amendment of " + format_date(*day) +
                 (plan.empty() ? " names no plan: write plan=NAME"
                               : " changes the plan a second time: one plan=NAME per date");
        a.plan = std::move(plan);
        continue;
      }
      const bool client = key.starts_with("client.");
      if (!client && !key.starts_with("contract."))
        return text::quote(trimmed(setting)) + " in the amendment of " + format_date(*day) +
               " is not plan=NAME, contract.NAME=VALUE or client.NAME=VALUE";
      std::string name = unescaped(key.substr(key.find('.') + 1));
      (client ? a.client_attributes : a.attributes)[std::move(name)] = unescaped(trimmed(sides[1]));
    }
    read.push_back(std::move(a));
  }
  out = std::move(read);
  return std::nullopt;
}

std::string format_amendments(const std::vector<contract_amendment>& amendments) {
  std::string out;
  for (const contract_amendment& a : amendments) {
    if (!out.empty()) out += "; ";
    out += format_date(a.effective) + ":";
    bool first = true;
    if (!a.plan.empty()) {
      out += " plan=" + escaped(a.plan);
      first = false;
    }
    for (const auto* values : {&a.attributes, &a.client_attributes})
      for (const auto& [name, value] : *values) {
        out += first ? " " : ", ";
        first = false;
        out += (values == &a.attributes ? "contract." : "client.") + escaped(name) + "=" +
               escaped(value);
      }
  }
  return out;
}

}  // namespace tariff::formats
