// The billing state as the object write_state_json writes, for the writers that embed it (a
// statement's "closing"). Defined in state_io.cpp.
#pragma once

#include <cstddef>
#include <string>

#include <tariff/billing.hpp>

namespace tariff::formats {

/// Appends the state as a JSON object, its members indented by `indent` spaces, the closing brace
/// by two fewer: format 2, with the ledger (docs/formats.md, "Billing state").
void append_state(std::string& out, const billing_state& state, std::size_t indent);

}  // namespace tariff::formats
