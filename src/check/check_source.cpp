// The front end in one call: parse, then check, every finding in source order.
#include <tariff/diagnostics.hpp>

#include "check/checker.hpp"
#include "check/directives.hpp"
#include "parse/parser.hpp"
#include "parse/source_text.hpp"

namespace tariff {

check_stage::checked_source check_stage::check_source(std::string_view source,
                                                      std::string_view file) {
  checked_source out;
  diagnostics::diagnostic_sink sink(source, std::string(file));
  if (!source_within_limit(source, sink) || !parse::source_text_readable(source, sink)) {
    out.diagnostics = sink.take();
    return out;
  }
  const directives allowed(source, sink);
  out.module = parse::parse_module(source, sink);
  check_module(out.module, sink);
  out.diagnostics = allowed.filter(sink.take());
  return out;
}

std::vector<diagnostic> check(std::string_view source, std::string_view file) {
  return check_stage::check_source(source, file).diagnostics;
}

}  // namespace tariff
