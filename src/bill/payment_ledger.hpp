// Payments against the ledger (docs/design.md, decision 11): (contract, payment id) is the key. A
// payment sent again is credited once; the same id with other figures is an error; a refund or
// chargeback is its own record and takes back at most what is left of the payment it names.
#pragma once

#include <span>
#include <string>
#include <vector>

#include <tariff/billing.hpp>

namespace tariff::bill_stage {

/// The records of `payments` this statement credits: the contract's, dated before the period's
/// end, that `records` does not hold; each is added to `records` (a refund also to its payment's
/// `refunded`), the ids of those held as they are go to `already`. Throws billing_input_error,
/// naming the id, for a held id with other figures, a record dated before `horizon`, a refund
/// naming no credited payment of the contract or taking back more than is left of it, and a
/// repeat under repeat_policy::error.
std::vector<payment> payments_to_credit(const contract& deal, std::span<const payment> payments,
                                        const date_span& period, local_date horizon,
                                        repeat_policy on_repeat,
                                        std::vector<billing_state::credited_payment>& records,
                                        std::vector<std::string>& already);

}  // namespace tariff::bill_stage
