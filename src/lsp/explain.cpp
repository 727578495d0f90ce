// The explain command (explain.hpp), its comment's hover and its code lens.
#include "lsp/explain.hpp"

#include <sstream>
#include <vector>

#include <tariff/calendar.hpp>
#include <tariff/model.hpp>
#include <tariff/pricing.hpp>

#include "lsp/capabilities.hpp"

namespace tariff::lsp {
namespace {

using json = nlohmann::json;

struct sample {
  contract deal;
  work_line line;
};

std::vector<std::string> words_of(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::vector<std::string> words;
  for (std::string w; in >> w;)
    words.push_back(w);
  return words;
}

// Reads the request into a contract and a line; throws rpc_error saying what is wrong.
sample read_sample(std::string_view request, const compiled_tariff& tariff) {
  const auto fail = [](const std::string& why) -> sample {
    throw rpc_error(error_code::request_failed, "explain: " + why);
  };
  const std::vector<std::string> words = words_of(request);
  if (words.size() < 2)
    return fail("write the item and the start: ITEM START [END] [name=value...]");
  sample s;
  s.line.id = "explain";
  s.line.contract = s.deal.id = "explain";
  s.line.item = words[0];
  const std::optional<instant> start = parse_instant(words[1]);
  if (!start)
    return fail("'" + words[1] + "' is not a time with an offset (2026-03-14T23:00+03:00)");
  s.line.start = *start;
  std::size_t next = 2;
  if (next < words.size() && words[next].find('=') == std::string::npos) {
    const std::optional<instant> end = parse_instant(words[next]);
    if (!end) return fail("'" + words[next] + "' is not a time with an offset");
    s.line.end = *end;
    ++next;
  }
  const local_date day = local_date_of(*start, tariff.time_zone());
  s.deal.start = day;
  s.deal.end = *parse_date("9999-12-31");
  const std::vector<std::string> plans = tariff.plans();
  if (!plans.empty()) s.deal.plan = plans.front();
  for (; next < words.size(); ++next) {
    const std::string& w = words[next];
    const std::size_t eq = w.find('=');
    if (eq == std::string::npos) return fail("'" + w + "': settings are name=value");
    const std::string key = w.substr(0, eq);
    const std::string value = w.substr(eq + 1);
    if (key == "quantity") {
      s.line.quantity = decimal::try_parse(value);
      if (!s.line.quantity) return fail("quantity '" + value + "' is not a number");
    } else if (key == "plan") {
      s.deal.plan = value;
    } else if (key == "pricelist") {
      s.deal.pricelist = value;
    } else if (key == "kind") {
      const std::optional<work_kind> kind = parse_work_kind(value);
      if (!kind) return fail("kind '" + value + "' is not a kind of work");
      s.line.kind = *kind;
    } else if (key == "contract.start") {
      const std::optional<local_date> d = parse_date(value);
      if (!d) return fail("contract.start '" + value + "' is not a date");
      s.deal.start = *d;
    } else if (key.starts_with("contract.")) {
      s.deal.attributes[key.substr(9)] = value;
    } else if (key.starts_with("client.")) {
      s.deal.client_attributes[key.substr(7)] = value;
    } else if (key.starts_with("site.")) {
      s.line.site_attributes[key.substr(5)] = value;
    } else if (key.starts_with("work.")) {
      s.line.attributes[key.substr(5)] = value;
    } else {
      return fail("unknown setting '" + key + "'");
    }
  }
  return s;
}

std::string join(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& w : words)
    text += (text.empty() ? "" : ", ") + w;
  return text;
}

json explained(const compiled_tariff& tariff, const priced_line& p) {
  json result = {{"item", p.item}};
  std::string text = "**explain** `" + p.item + "`";
  if (p.rejected) {
    result["rejected"] = std::string(to_string(*p.rejected));
    result["message"] = p.message;
    result["text"] =
        text + ": rejected (" + std::string(to_string(*p.rejected)) + "): " + p.message + "\n";
    return result;
  }
  result["amount"] = p.amount.to_string();
  text += " from `" + p.price_list + "`: amount **" + p.amount.to_string() + "**\n";
  json parts = json::array();
  int number = 0;
  for (const priced_part& part : p.parts) {
    ++number;
    const std::vector<std::string> labels = tariff.label_names(part.labels);
    json steps = json::array();
    text += "\npart " + std::to_string(number) + ", " + format_instant(part.begin) + " .. " +
            format_instant(part.end) + (labels.empty() ? "" : " (" + join(labels) + ")") +
            ": list price " + part.list_price.to_string() + ", unit price " +
            part.unit_price.to_string() + ", amount " + part.amount.to_string() + "\n\n";
    if (!part.trace.empty()) text += "| step | before | after |\n| --- | --- | --- |\n";
    for (const trace_step& step : part.trace) {
      steps.push_back({{"name", step.name},
                       {"kind", std::string(to_string(step.kind))},
                       {"before", step.before.to_string()},
                       {"after", step.after.to_string()},
                       {"line", step.line}});
      text += "| " + std::string(to_string(step.kind)) + " `" + step.name + "` (line " +
              std::to_string(step.line) + ") | " + step.before.to_string() + " | " +
              step.after.to_string() + " |\n";
    }
    parts.push_back({{"begin", format_instant(part.begin)},
                     {"end", format_instant(part.end)},
                     {"labels", labels},
                     {"list_price", part.list_price.to_string()},
                     {"unit_price", part.unit_price.to_string()},
                     {"amount", part.amount.to_string()},
                     {"steps", steps}});
  }
  result["parts"] = parts;
  result["text"] = text;
  return result;
}

// One line for a code lens: each part's steps as "rule before → after", then the amount.
std::string lens_title(const json& e) {
  if (e.contains("error")) return "explain: " + e["error"].get<std::string>();
  if (e.contains("rejected")) return "explain: rejected: " + e["message"].get<std::string>();
  std::string title = "explain:";
  for (const json& part : e["parts"]) {
    title += " " + part["list_price"].get<std::string>();
    for (const json& step : part["steps"])
      title += " → " + step["name"].get<std::string>() + " " + step["after"].get<std::string>();
    title += ";";
  }
  return title + " amount " + e["amount"].get<std::string>();
}

}  // namespace

std::optional<std::string_view> explain_comment(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
    line.remove_prefix(1);
  if (!line.starts_with('#')) return std::nullopt;
  line.remove_prefix(1);
  while (!line.empty() && line.front() == ' ')
    line.remove_prefix(1);
  constexpr std::string_view marker = "explain:";
  if (!line.starts_with(marker)) return std::nullopt;
  return line.substr(marker.size());
}

json explain(analysis& a, std::string_view request) {
  const compile_result& compiled = a.compiled();
  if (!compiled.tariff)
    return {{"error", "the tariff has errors; a price is explained once it compiles"}};
  try {
    const sample s = read_sample(request, *compiled.tariff);
    const std::vector<priced_line> priced =
        price(*compiled.tariff, s.deal, std::span<const work_line>(&s.line, 1));
    return explained(*compiled.tariff, priced.front());
  } catch (const rpc_error& e) {
    return {{"error", e.what()}};
  }
}

std::string explain_hover(session& s, const document& d, int line) {
  const std::optional<std::string_view> request = explain_comment(d.lines.line(d.text, line - 1));
  if (!request) return {};
  const json e = explain(s.analysis_of(d), *request);
  if (e.contains("error")) return "**explain**: " + e["error"].get<std::string>() + "\n";
  return e["text"].get<std::string>();
}

json execute_command(session& s, const json& params) {
  const std::string command = params.at("command").get<std::string>();
  if (command != explain_command)
    throw rpc_error(error_code::invalid_params, "unknown command: " + command);
  const json& argument = params.at("arguments").at(0);
  const std::string& uri = argument.at("uri").get_ref<const std::string&>();
  const document* d = s.documents.find(uri);
  if (d == nullptr) throw rpc_error(error_code::invalid_params, "document not open: " + uri);
  std::string request;
  if (argument.contains("work")) {
    request = argument.at("work").get<std::string>();
  } else {
    const int line = argument.at("line").get<int>();
    const std::optional<std::string_view> comment = explain_comment(d->lines.line(d->text, line));
    if (!comment)
      throw rpc_error(error_code::request_failed,
                      "line " + std::to_string(line + 1) + " is not an explain comment");
    request = std::string(*comment);
  }
  json e = explain(s.analysis_of(*d), request);
  if (e.contains("error"))
    throw rpc_error(error_code::request_failed, e["error"].get<std::string>());
  return e;
}

json code_lenses(session& s, const json& params) {
  const document& d = s.document_of(params);
  json lenses = json::array();
  for (int line = 0; line < d.lines.lines(); ++line) {
    const std::optional<std::string_view> request = explain_comment(d.lines.line(d.text, line));
    if (!request) continue;
    const json e = explain(s.analysis_of(d), *request);
    const text_range range{{line, 0}, {line, 0}};
    lenses.push_back({{"range", to_json(range)},
                      {"command",
                       {{"title", lens_title(e)},
                        {"command", explain_command},
                        {"arguments", {{{"uri", d.uri}, {"line", line}}}}}}});
  }
  return lenses;
}

}  // namespace tariff::lsp
