// The explain command: a sample work line priced with the document's tariff, each rule's price
// before and after it. The line is written in a comment the server recognises,
//
//   # explain: hvac_repair 2026-03-14T23:00+03:00 2026-03-15T01:30+03:00 site.region=tula
//   # explain: cartridge 2026-03-02T10:00Z quantity=3 plan=standard
//
// (the item, the start, the end for an item billed by time, then name=value settings: quantity,
// plan, pricelist, kind, contract.start, and any contract., client., site. or work. attribute),
// or sent by the client as the same text.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "lsp/analysis.hpp"

namespace tariff::lsp {

/// The text after "# explain:" when `line` is an explain comment.
std::optional<std::string_view> explain_comment(std::string_view line);

/// The sample line of `request` priced with the analysis's tariff: {"item", "amount", "parts":
/// [{"begin", "end", "labels", "list_price", "unit_price", "amount", "steps": [{"name", "kind",
/// "before", "after", "line"}]}], "text"} with "text" the markdown hover shows; or
/// {"error": why} when the request or the tariff cannot be priced.
nlohmann::json explain(analysis& a, std::string_view request);

}  // namespace tariff::lsp
