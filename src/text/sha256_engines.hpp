// The two ways sha256_hex compresses blocks, for the test that holds them to each other and to
// the NIST vectors (tests/text/sha256_test.cpp): every build compiles and tests the portable
// rounds, including on processors where sha256_hex always takes the SHA-NI instructions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tariff::text {

enum class sha256_engine {
  portable,  ///< FIPS 180-4's rounds in plain C++: every processor
  sha_ni,    ///< x86-64's SHA extensions: where the processor has them and the build allows
             ///< them (not with TARIFF_NO_SHA_NI)
};

/// Whether `engine` can run here: the portable one always, SHA-NI on a processor with it.
bool sha256_engine_available(sha256_engine engine);

/// sha256_hex through `engine` (which must be available), rather than the fastest available.
std::string sha256_hex_with(sha256_engine engine, std::string_view data, std::size_t digits = 64);

}  // namespace tariff::text
