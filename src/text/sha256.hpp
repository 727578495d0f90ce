// SHA-256 (FIPS 180-4): the hash a statement carries of the tariff source that priced it, and
// the fingerprints the billing ledger keeps of work lines.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tariff::text {

/// The SHA-256 digest of `data` as lower-case hex digits: all 64, or the first `digits` (a
/// fingerprint needs fewer, and its string then fits without a second allocation).
std::string sha256_hex(std::string_view data, std::size_t digits = 64);

}  // namespace tariff::text
