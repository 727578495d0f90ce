// A statement's tax: per line, or on the statement's total and shared back over its lines.
#pragma once

#include <span>
#include <string>

#include <tariff/billing.hpp>

#include "bill/ledger.hpp"
#include "plan/program.hpp"

namespace tariff::bill_stage {

/// Whether the tax's `exempt` condition holds for `deal` on `day` (its contract and client
/// attributes in force then). Throws billing_input_error if it cannot be decided (an attribute
/// it reads is missing and has no default).
bool tax_exempt(const plan::tariff_program& program, const plan::tax& t, const contract& deal,
                local_date day);

/// Sets the tax of each fee, line and adjustment of `s`, and its tax lines, by the tariff's tax
/// (nothing without one). Per line: each amount's tax is rounded, and a rate's tax is their sum.
/// Per statement: a rate's tax is computed on the signed sum of its amounts and rounded once, then
/// shared back: each amount's exact tax rounded toward zero, the steps left over given with their
/// sign to the amounts of that sign by largest remainder (decimal allocate_whole), so that the
/// shares add up to it exactly and a refund's share is never positive. The exemption is decided per
/// statement period of the contract's plan: the fees and the lines by the statement's, late work by
/// its own period's.
void apply_taxes(const plan::tariff_program& program, const contract& deal, statement& s);

/// The name of the tax rate the tariff taxes `item` at ("standard"); empty without a tax.
std::string rate_name(const plan::tariff_program& program, const std::string& item);

/// Sets the tax of each priced line on its own, as a statement taxed per line would (the
/// exemption of the statement period of its date): what price_with_state and estimate give. With
/// a tax per statement, a statement's shares may differ from these by the cents its one rounding
/// moves.
void tax_each_line(const plan::tariff_program& program, const contract& deal,
                   std::span<priced_line> lines);

}  // namespace tariff::bill_stage
