// libFuzzer target: any text through parse and check gives diagnostics, never a crash, a hang or
// a leak; and every diagnostic has a place.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <tariff/diagnostics.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  for (const tariff::diagnostic& d : tariff::check(source, "fuzz.tariff"))
    if (d.line < 1 || d.column < 1 || d.message.empty()) std::abort();
  return 0;
}
