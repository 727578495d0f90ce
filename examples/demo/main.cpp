// tariff-demo: a small host program, and the main job of examples/run.
//
//   tariff-demo TARIFF CONTRACTS.csv WORK.csv          compile, bill each contract for the period
//                                                      of the first line, print the statements
//   tariff-demo price TARIFF CONTRACTS.csv WORK.csv [--json]
//                                                      priced lines as CSV (or JSON) on stdout
//
// It does what a host does: compile the tariff once (printing every diagnostic), read the
// contracts and work, bill each contract for a period from its (here empty) opening state, and
// show each price with the rules that made it, the allowances used and the closing state.
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/billing.hpp>
#include <tariff/io.hpp>
#include <tariff/priced_io.hpp>
#include <tariff/pricing.hpp>
#include <tariff/statement_io.hpp>
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
  if (in.work.empty()) return 0;

  // The statement period of the earliest work, for every contract that has a plan.
  const tariff::instant first =
      std::min_element(in.work.begin(), in.work.end(), [](const auto& a, const auto& b) {
        return a.start < b.start;
      })->start;
  const tariff::local_date day = tariff::local_date_of(first, in.tariff->time_zone());
  for (const tariff::contract& c : in.contracts) {
    if (c.plan.empty()) continue;
    std::vector<tariff::work_line> own;
    for (const tariff::work_line& w : in.work)
      if (w.contract == c.id) own.push_back(w);
    const tariff::date_span period = tariff::statement_period(*in.tariff, c, day);
    const tariff::statement s = tariff::bill(*in.tariff, c, period, {}, own);
    std::printf("%s\n", tariff::write_statement_text(s, *in.tariff, {.explain = true}).c_str());
    std::printf("Closing state (the host stores it; it opens the next statement):\n%s\n",
                tariff::write_state_json(s.closing).c_str());
  }
  const auto soon = tariff::expiring_contracts(in.contracts, day, 30);
  for (const tariff::contract& c : soon)
    std::printf("Renew soon: contract %s (%s) ends on %s.\n", c.id.c_str(), c.client.c_str(),
                tariff::format_date(c.end).c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string_view(argv[1]) == "price") return price_command(argc, argv);
  return main_job(argc, argv);
}
