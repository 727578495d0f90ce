// Writing JSON text by hand, so that numbers never pass through a double.
#pragma once

#include <string>
#include <string_view>

namespace tariff::formats {

/// Appends `text` as a JSON string literal, with quotes and escapes; each byte of `text` that is
/// not UTF-8 is written as \ufffd, so the output is always JSON.
void append_json_string(std::string& out, std::string_view text);

}  // namespace tariff::formats
