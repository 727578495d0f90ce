// The front end in one call: parse, then check, every finding in source order.
#include <tariff/diagnostics.hpp>

#include "check/checker.hpp"
#include "check/directives.hpp"
#include "parse/parser.hpp"
#include "parse/source_text.hpp"

namespace tariff {

std::vector<diagnostic> check(std::string_view source, std::string_view file) {
  diagnostics::diagnostic_sink sink(source, std::string(file));
  if (!check_stage::source_within_limit(source, sink) || !parse::source_text_readable(source, sink))
    return sink.take();
  const check_stage::directives allowed(source, sink);
  const ast::module module = parse::parse_module(source, sink);
  check_stage::check_module(module, sink);
  return allowed.filter(sink.take());
}

}  // namespace tariff
