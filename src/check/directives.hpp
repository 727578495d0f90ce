// Directives: comments that start with "#@", the one reserved comment syntax (docs/language.md,
// Directives). Today there is one, `#@ allow NAME[, NAME...]`: the warnings of those names are not
// reported on the directive's line (written after code) or on the next line (written alone).
#pragma once

#include <string_view>
#include <vector>

#include <tariff/diagnostics.hpp>

#include "diagnostics/sink.hpp"

namespace tariff::check_stage {

/// The `#@ allow` directives of a source.
class directives {
 public:
  /// Reads the directives of `source`; an unknown directive, or a name that is not a warning's,
  /// is reported to `sink` as a warning.
  directives(std::string_view source, diagnostics::diagnostic_sink& sink);

  /// `found` without the warnings a directive allows.
  std::vector<diagnostic> filter(std::vector<diagnostic> found) const;

 private:
  struct allow {
    int line;  ///< the line whose warnings it allows
    std::string name;
  };
  std::vector<allow> allows_;
};

}  // namespace tariff::check_stage
