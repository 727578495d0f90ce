// A parsed JSON value written back as text, and looking up an object's member: the recorded
// inputs are handed to the readers that read them as documents of their own.
#pragma once

#include <string>
#include <string_view>

#include "formats/json_reader.hpp"

namespace tariff::verify_stage {

/// The value as compact JSON text; numbers as they were written.
std::string json_text(const formats::json_value& value);

/// The object's first member named `key`, or null if it has none (or is not an object).
const formats::json_value* member(const formats::json_value& object, std::string_view key);

/// The member's text when it is a string or number, else empty.
std::string member_text(const formats::json_value& object, std::string_view key);

}  // namespace tariff::verify_stage
