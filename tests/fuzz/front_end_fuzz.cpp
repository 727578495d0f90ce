// libFuzzer target: any text through parse and check gives diagnostics, never a crash, a hang or
// a leak; and every diagnostic has a place. The formatter on the same text either refuses it
// (with the syntax errors) or gives a layout that formats to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <tariff/diagnostics.hpp>
#include <tariff/formatter.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  for (const tariff::diagnostic& d : tariff::check(source, "fuzz.tariff"))
    if (d.line < 1 || d.column < 1 || d.message.empty()) std::abort();

  const tariff::format_result once = tariff::format_tariff(source, "fuzz.tariff");
  if (!once.text) {
    if (once.diagnostics.empty()) std::abort();
    // A refusal is the parser's syntax error, never the formatter's own check failing.
    for (const tariff::diagnostic& d : once.diagnostics)
      if (d.message.starts_with("the formatter")) std::abort();
    return 0;
  }
  const tariff::format_result twice = tariff::format_tariff(*once.text, "fuzz.tariff");
  if (!twice.text || *twice.text != *once.text) std::abort();
  return 0;
}
