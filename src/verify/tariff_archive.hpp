// The archive of tariff files `tariff verify` looks in: each `.tariff` file under a folder by the
// SHA-256 of its bytes, which is the hash a statement records (compiled_tariff::source_hash()).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/pricing.hpp>

namespace tariff::verify_stage {

class tariff_archive {
 public:
  /// Reads every `.tariff` file under `folder` (its subfolders too) and hashes it.
  explicit tariff_archive(const std::filesystem::path& folder);

  /// The file whose hash is `hash`, or nothing. Two files with the same bytes are one tariff: the
  /// first in path order is named.
  [[nodiscard]] const std::filesystem::path* find(std::string_view hash) const;

  /// The tariff with that hash compiled (once); throws verify_input_error if it does not compile.
  /// The hash must be one find() finds.
  const compiled_tariff& compiled(std::string_view hash);
  /// The versions with these hashes compiled together as one versioned tariff (once; one hash:
  /// as above), each under the file name the statement recorded for it (`files`, as many), so
  /// that the statement's `versions` read as they were; throws verify_input_error if they do not
  /// compile. Each hash must be one find() finds.
  const compiled_tariff& compiled(const std::vector<std::string>& hashes,
                                  const std::vector<std::string>& files);

 private:
  struct entry {
    std::filesystem::path file;
    std::string source;
    std::optional<compiled_tariff> tariff;
  };
  std::map<std::string, entry, std::less<>> by_hash_;
  std::map<std::vector<std::string>, compiled_tariff> versioned_;  ///< by their hashes
};

}  // namespace tariff::verify_stage
