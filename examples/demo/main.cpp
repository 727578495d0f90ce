// tariff-demo: a small host program, and the main job of examples/run.
//
//   tariff-demo TARIFF CONTRACTS.csv WORK.csv          check, price, print a statement
//   tariff-demo price TARIFF CONTRACTS.csv WORK.csv [--json]
//                                                      priced lines as CSV (or JSON) on stdout
//
// It does what a host does: compile the tariff once (printing every diagnostic), read the
// contracts and work, price every line, and show each price with the rules that made it.
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/io.hpp>
#include <tariff/priced_io.hpp>
#include <tariff/pricing.hpp>
#include <tariff/version.hpp>

namespace {

bool read_file(const char* path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "tariff-demo: cannot read %s\n", path);
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return true;
}

struct inputs {
  std::string source;
  std::optional<tariff::compiled_tariff> tariff;
  std::vector<tariff::contract> contracts;
  std::vector<tariff::work_line> work;
};

// Reads and compiles everything, printing every diagnostic and input error to stderr.
bool load(const char* tariff_path, const char* contracts_path, const char* work_path, inputs& in) {
  std::string contracts_text;
  std::string work_text;
  if (!read_file(tariff_path, in.source) || !read_file(contracts_path, contracts_text) ||
      !read_file(work_path, work_text))
    return false;
  tariff::compile_result compiled = tariff::compile(in.source, tariff_path);
  if (!compiled.diagnostics.empty())
    std::fprintf(stderr, "%s\n", tariff::format(compiled.diagnostics).c_str());
  if (!compiled.tariff) return false;
  in.tariff = std::move(compiled.tariff);

  auto contracts = tariff::read_contracts_csv(contracts_text);
  auto work = tariff::read_work_csv(work_text);
  for (const auto& e : contracts.errors)
    std::fprintf(stderr, "%s: %s\n", contracts_path, tariff::format(e).c_str());
  for (const auto& e : work.errors)
    std::fprintf(stderr, "%s: %s\n", work_path, tariff::format(e).c_str());
  in.contracts = std::move(contracts.rows);
  in.work = std::move(work.rows);
  return contracts.errors.empty() && work.errors.empty();
}

int price_command(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: tariff-demo price TARIFF CONTRACTS.csv WORK.csv [--json]\n");
    return 2;
  }
  inputs in;
  if (!load(argv[2], argv[3], argv[4], in)) return 1;
  const auto priced = tariff::price(*in.tariff, in.contracts, in.work);
  const bool json = argc > 5 && std::string_view(argv[5]) == "--json";
  const std::string out = json ? tariff::write_priced_json(priced, *in.tariff)
                               : tariff::write_priced_csv(priced, *in.tariff);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

// Shows the diagnostic a one-letter typo gets, as a tariff author would see it.
void show_a_typo(const std::string& source, const char* path) {
  std::string typo = source;
  const auto at = typo.find("in night");
  if (at == std::string::npos) return;
  typo.replace(at, 8, "in nigth");
  std::printf("The same tariff with a typo is refused, with the place and a suggestion:\n\n%s\n\n",
              tariff::format(tariff::compile(typo, path).diagnostics).c_str());
}

std::string hours_and_minutes(const tariff::instant& t, const date::time_zone& zone) {
  const auto local = zone.to_local(t);
  return date::format("%H:%M", date::floor<std::chrono::minutes>(local));
}

std::string step_text(const tariff::trace_step& s) {
  using tariff::trace_kind;
  std::string where = "(line " + std::to_string(s.line) + ")";
  switch (s.kind) {
    case trace_kind::group_factor:
      return "  " + s.name + " x" + s.factor.trimmed().to_string();
    case trace_kind::discount:
      return s.name + " discount " + s.factor.trimmed().to_string() + "%: " + s.before.to_string() +
             " -> " + s.after.to_string() + " " + where;
    case trace_kind::not_billable:
      return "not billed to the client: " + s.before.to_string() + " -> 0";
    default:
      return s.name + ": " + s.before.to_string() + " -> " + s.after.to_string() + " " + where;
  }
}

void print_statement(const inputs& in, const std::vector<tariff::priced_line>& priced) {
  const tariff::compiled_tariff& t = *in.tariff;
  std::map<std::string, const tariff::contract*> contracts;
  for (const auto& c : in.contracts)
    contracts.emplace(c.id, &c);
  std::map<std::string, std::vector<const tariff::priced_line*>> by_contract;
  for (const auto& l : priced)
    by_contract[l.contract].push_back(&l);

  for (const auto& [id, lines] : by_contract) {
    const auto found = contracts.find(id);
    std::printf("Contract %s", id.c_str());
    if (found != contracts.end())
      std::printf(" - %s, plan %s", found->second->client.c_str(),
                  found->second->plan.empty() ? "(none)" : found->second->plan.c_str());
    std::printf("\n");
    tariff::decimal revenue;
    tariff::decimal cost;
    for (const tariff::priced_line* l : lines) {
      if (!l->ok()) {
        std::printf("  %-4s %-12s REJECTED %s: %s\n", l->id.c_str(), l->item.c_str(),
                    std::string(tariff::to_string(*l->rejected)).c_str(), l->message.c_str());
        continue;
      }
      std::printf("  %-4s %-16s %s  %-9s billed %-8s %12s   cost %10s\n", l->id.c_str(),
                  l->title.c_str(), tariff::format_date(*l->date).c_str(),
                  std::string(tariff::to_string(l->kind)).c_str(), l->billed.to_string().c_str(),
                  l->amount.to_string().c_str(), l->cost.to_string().c_str());
      for (const tariff::priced_part& p : l->parts) {
        std::string labels;
        for (const std::string& name : t.label_names(p.labels))
          labels += (labels.empty() ? "" : "+") + name;
        std::string when;
        if (p.billed.is_time() || p.measured.is_time())
          when = hours_and_minutes(p.begin, t.time_zone()) + "-" +
                 hours_and_minutes(p.end, t.time_zone()) + " ";
        std::printf("         %s%-14s %-8s x %12s = %s\n", when.c_str(),
                    labels.empty() ? "-" : labels.c_str(), p.billed.to_string().c_str(),
                    p.unit_price.to_string().c_str(), p.amount.to_string().c_str());
        for (const tariff::trace_step& s : p.trace)
          std::printf("             %s\n", step_text(s).c_str());
      }
      for (const tariff::trace_step& s : l->line_trace)
        std::printf("             line %s\n", step_text(s).c_str());
      revenue += l->amount;
      cost += l->cost;
    }
    std::printf("  %-60s revenue %12s   cost %10s   margin %s\n\n", "", revenue.to_string().c_str(),
                cost.to_string().c_str(), (revenue - cost).to_string().c_str());
  }
}

int main_job(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr,
                 "usage: tariff-demo TARIFF CONTRACTS.csv WORK.csv\n"
                 "       tariff-demo price TARIFF CONTRACTS.csv WORK.csv [--json]\n");
    return 2;
  }
  std::printf("tariff %s\n\n", tariff::version);
  inputs in;
  if (!load(argv[1], argv[2], argv[3], in)) return 1;
  std::printf("%s: compiled \"%s\" (%s), no errors, no warnings; sha256 %s\n\n", argv[1],
              in.tariff->name().c_str(), in.tariff->currency().c_str(),
              in.tariff->source_hash().c_str());
  show_a_typo(in.source, argv[1]);
  std::printf(
      "Each line priced on its own: segments, billing step and minimum, rules in written order.\n"
      "The plans' fees and allowances belong to period billing, which is not built yet.\n\n");
  print_statement(in, tariff::price(*in.tariff, in.contracts, in.work));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string_view(argv[1]) == "price") return price_command(argc, argv);
  return main_job(argc, argv);
}
