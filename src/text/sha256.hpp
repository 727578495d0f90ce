// SHA-256 (FIPS 180-4): the hash a statement carries of the tariff source that priced it, and
// the fingerprints the billing ledger keeps of work lines.
#pragma once

#include <string>
#include <string_view>

namespace tariff::text {

/// The SHA-256 digest of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace tariff::text
