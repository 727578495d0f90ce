// The key that names an allowance in statements and the billing state: its items, sorted and
// joined by '+', then '/' and its period ("call+visit/month"). Sorted so that the order a tariff
// lists the items in does not change the key: `includes 2 (visit, call)` and `(call, visit)` are
// the same allowance, and a state saved under either spelling finds it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tariff::model {

/// The key of an allowance of `items` per `period` ("month").
std::string allowance_key(std::vector<std::string_view> items, std::string_view period);

/// `key` with its items sorted: "visit+call/month" is "call+visit/month". Text without a '/'
/// is returned as it is (it names no allowance the engine makes).
std::string canonical_allowance_key(std::string_view key);

}  // namespace tariff::model
