// A statement's id (docs/design.md, decision 11): the same call gives the same id, so a host that
// retries a call, or stores statements, can tell one it already has.
#pragma once

#include <string>

#include <tariff/billing.hpp>

namespace tariff::bill_stage {

/// "C-1/2026-03-01/r3/9f86d081884c7d65": the contract, the period's first day, the opening
/// revision and the first 16 hex digits of a SHA-256 of the statement's figures (the tariff's
/// hash, each line's id and amount, every reversal, fee, payment and skipped id, the totals).
/// `s` must be complete but for its id and closing state.
std::string statement_id(const statement& s);

}  // namespace tariff::bill_stage
