"""A contractor payout register: what ``tariff.payouts`` owes each performer for a month, payable
(the client accepted the work) and pending (not yet), with the totals per currency.

The figures are the Payout objects' own (``payable``, ``pending``, each line's ``amount``); the
register only adds performers' figures up for its totals, starting from their own zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Sequence

from .parties import Details, Party

__all__ = ["PerformerPayouts", "PayoutRegister", "payout_register_model"]


@dataclass(frozen=True)
class PerformerPayouts:
    """One performer's lines and figures, with the caller's details for them."""

    performer: str  # the id in the work
    party: Party
    currency: str
    lines: tuple[Any, ...]  # PayoutLine
    payable: Decimal
    pending: Decimal


@dataclass(frozen=True)
class CurrencyTotal:
    currency: str
    payable: Decimal
    pending: Decimal


@dataclass(frozen=True)
class PayoutRegister:
    period: Any  # the Period of the payouts (None when there are none)
    performers: tuple[PerformerPayouts, ...]
    totals: tuple[CurrencyTotal, ...]  # per currency, in the order they first appear
    not_paid: tuple[Any, ...]  # PricedLine: lines that could not be paid, with reasons


def payout_register_model(payouts: Sequence[Any], not_paid: Sequence[Any],
                          details: Details) -> PayoutRegister:
    """The register of ``payouts`` (one Payout per performer) and the lines not paid."""
    performers = tuple(
        PerformerPayouts(performer=p.performer, party=details.performer(p.performer),
                         currency=p.currency, lines=tuple(p.lines), payable=p.payable,
                         pending=p.pending)
        for p in payouts)
    totals: dict[str, list[Decimal]] = {}
    for p in performers:
        if p.currency not in totals:
            totals[p.currency] = [p.payable, p.pending]
        else:
            totals[p.currency][0] += p.payable
            totals[p.currency][1] += p.pending
    return PayoutRegister(
        period=payouts[0].period if payouts else None, performers=performers,
        totals=tuple(CurrencyTotal(c, pay, pend) for c, (pay, pend) in totals.items()),
        not_paid=tuple(not_paid))
