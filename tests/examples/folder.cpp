// One golden example folder, checked whole (expect.hpp, check_folder): what examples_test holds of
// each folder, and what golden_json runs to write the engine's answers for the Python test.
#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <tariff/diagnostics.hpp>
#include <tariff/io.hpp>

#include "expect.hpp"

namespace tariff::examples {
namespace {

namespace fs = std::filesystem;

void add(std::vector<std::string>& failures, std::vector<std::string> more) {
  for (std::string& failure : more)
    failures.push_back(std::move(failure));
}

}  // namespace

std::vector<std::string> check_folder(const fs::path& dir, const std::string& shown,
                                      engine_log* log) {
  std::vector<std::string> failures;
  for (const char* name : {"tariff.tariff", "contracts.csv", "work.csv", "expect.txt", "README.md"})
    if (!fs::exists(dir / name)) failures.push_back(shown + name + " is missing");
  if (!failures.empty()) return failures;

  // tariff.tariff, and any other .tariff file beside it: the versions of one tariff
  // (docs/design.md, decision 12), as `--tariff DIR` reads them.
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".tariff") names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  std::vector<std::string> texts;
  std::vector<std::string> shown_names;
  for (const std::string& name : names) {
    texts.push_back(read_file(dir / name).value_or(""));
    shown_names.push_back(shown + name);
  }
  std::vector<tariff_source> sources;
  for (std::size_t i = 0; i < names.size(); ++i)
    sources.push_back({texts[i], shown_names[i]});
  const compile_result compiled = compile(sources);
  if (!compiled.diagnostics.empty())
    failures.push_back("the tariff must compile with no diagnostic at all:\n" +
                       format(compiled.diagnostics));
  if (!compiled.tariff) return failures;
  if (log) log->compiled(*compiled.tariff);

  const read_result<contract> contracts =
      read_contracts_csv(read_file(dir / "contracts.csv").value_or(""));
  for (const input_error& e : contracts.errors)
    failures.push_back(shown + "contracts.csv: " + format(e));
  const read_result<work_line> work = read_work_csv(read_file(dir / "work.csv").value_or(""));
  for (const input_error& e : work.errors)
    failures.push_back(shown + "work.csv: " + format(e));
  if (work.rows.empty()) {
    failures.push_back(shown + "work.csv has no line");
    return failures;
  }

  const std::string expect_name = shown + "expect.txt";
  const expect_file expect = parse_expect(read_file(dir / "expect.txt").value_or(""), expect_name);
  if (!expect.errors.empty()) {
    add(failures, expect.errors);
    return failures;
  }

  // The pricing section: every line priced on its own (a file with no run is all pricing).
  const bool runs = !expect.runs.empty() || !expect.expiring.empty();
  if (!expect.assertions.empty() || !runs) {
    const std::vector<priced_line> priced = price(*compiled.tariff, contracts.rows, work.rows);
    if (log) log->priced(priced);
    add(failures,
        check_expectations(expect, expect_name, work.rows, priced, labels_of(*compiled.tariff)));
  }
  // Contractor payouts and staff pay by month.
  add(failures,
      check_payouts(expect, expect_name, *compiled.tariff, contracts.rows, work.rows, log));
  add(failures, check_pays(expect, expect_name, *compiled.tariff, contracts.rows, work.rows, log));
  // Payments towards prepaid balances, if the folder has any.
  const read_result<payment> payments =
      read_payments_csv(read_file(dir / "payments.csv").value_or("id,contract,date,amount\n"));
  for (const input_error& e : payments.errors)
    failures.push_back(shown + "payments.csv: " + format(e));
  // Statements, estimates and expiry, each statement also priced request by request.
  if (runs)
    add(failures, check_runs(expect, expect_name, *compiled.tariff, contracts.rows, work.rows,
                             labels_of(*compiled.tariff), payments.rows, log));
  return failures;
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace tariff::examples
