// A prepaid balance in a statement: payments top it up, fees and lines draw it down in work order.
#pragma once

#include <span>

#include <tariff/billing.hpp>

#include "plan/program.hpp"

namespace tariff::bill_stage {

/// Fills `s.prepaid` and the balance alerts for a plan with `prepaid`, from the opening balance
/// and the contract's `payments`; `s` must have its fees, lines, taxes and total. Each fee (on
/// the period's first day), adjustment and line (on its date, in work order) draws what it costs
/// the client — its amount, plus its tax when prices exclude it — after the payments received up
/// to that day; a `rounding statement` difference is drawn last. What the balance cannot cover
/// is owed. Returns the closing balance.
decimal draw_prepaid(const plan::plan& p, const decimal& opening, const contract& deal,
                     std::span<const payment> payments, bool tax_added, statement& s);

}  // namespace tariff::bill_stage
