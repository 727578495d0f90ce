#include "verify/tariff_archive.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

#include <tariff/diagnostics.hpp>
#include <tariff/verify.hpp>

#include "text/sha256.hpp"

namespace tariff::verify_stage {

namespace {

std::string file_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw verify_input_error("cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

}  // namespace

tariff_archive::tariff_archive(const std::filesystem::path& folder) {
  if (!std::filesystem::is_directory(folder))
    throw verify_input_error(folder.string() + " is not a folder");
  std::vector<std::filesystem::path> files;
  for (const auto& item : std::filesystem::recursive_directory_iterator(
           folder, std::filesystem::directory_options::skip_permission_denied))
    if (item.is_regular_file() && item.path().extension() == ".tariff")
      files.push_back(item.path());
  std::sort(files.begin(), files.end());
  for (const std::filesystem::path& file : files) {
    std::string source = file_text(file);
    std::string hash = text::sha256_hex(source);
    by_hash_.try_emplace(std::move(hash), entry{file, std::move(source), std::nullopt});
  }
}

const std::filesystem::path* tariff_archive::find(std::string_view hash) const {
  const auto at = by_hash_.find(hash);
  return at == by_hash_.end() ? nullptr : &at->second.file;
}

const compiled_tariff& tariff_archive::compiled(std::string_view hash) {
  entry& e = by_hash_.find(hash)->second;
  if (!e.tariff) {
    compile_result r = compile(e.source, e.file.string());
    if (!r.tariff)
      throw verify_input_error(
          e.file.string() + " (hash " + std::string(hash) + ") does not compile: " +
          (r.diagnostics.empty() ? std::string("no diagnostic") : r.diagnostics.front().message));
    e.tariff = std::move(r.tariff);
  }
  return *e.tariff;
}

const compiled_tariff& tariff_archive::compiled(const std::vector<std::string>& hashes,
                                                const std::vector<std::string>& files) {
  if (hashes.size() == 1) return compiled(hashes.front());
  if (const auto known = versioned_.find(hashes); known != versioned_.end()) return known->second;
  std::vector<tariff_source> sources;
  for (std::size_t i = 0; i < hashes.size(); ++i)
    sources.push_back({by_hash_.find(hashes[i])->second.source, files[i]});
  compile_result r = compile(sources);
  if (!r.tariff)
    throw verify_input_error(
        "the versions " + files.front() + " … " + files.back() + " do not compile together: " +
        (r.diagnostics.empty() ? std::string("no diagnostic") : r.diagnostics.front().message));
  return versioned_.emplace(hashes, std::move(*r.tariff)).first->second;
}

}  // namespace tariff::verify_stage
