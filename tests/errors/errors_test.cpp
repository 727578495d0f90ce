// Golden diagnostics: every .tariff file under tests/errors carries its expected diagnostics in
// comment lines "#! LINE:COL: error: message" (or warning), in source order. The front end must
// report exactly those, no more and no fewer. A file without such lines must check clean.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/diagnostics.hpp>

namespace tariff {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> corpus() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(TARIFF_ERRORS_DIR))
    if (entry.is_regular_file() && entry.path().extension() == ".tariff")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> expectations(const std::string& source) {
  std::vector<std::string> out;
  std::istringstream lines(source);
  for (std::string line; std::getline(lines, line);) {
    const auto at = line.find("#! ");
    if (at != std::string::npos) out.push_back(line.substr(at + 3));
  }
  return out;
}

std::vector<std::string> reported(const std::vector<diagnostic>& ds) {
  std::vector<std::string> out;
  for (const diagnostic& d : ds)
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                  (d.level == severity::error ? "error: " : "warning: ") + d.message);
  return out;
}

class Diagnostics : public testing::TestWithParam<fs::path> {};

TEST_P(Diagnostics, AreExactlyTheExpectedOnes) {
  const std::string source = read(GetParam());
  const auto diagnostics = check(source, GetParam().filename().string());
  EXPECT_EQ(reported(diagnostics), expectations(source)) << format(diagnostics);
}

std::string test_name(const testing::TestParamInfo<fs::path>& info) {
  std::string name = fs::relative(info.param, TARIFF_ERRORS_DIR).replace_extension().string();
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, Diagnostics, testing::ValuesIn(corpus()), test_name);

TEST(DiagnosticsCorpus, IsNotEmpty) {
  EXPECT_GE(corpus().size(), 10U);
}

}  // namespace
}  // namespace tariff
