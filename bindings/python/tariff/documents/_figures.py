"""The one place documents read a statement's taxes, its rounding and its total due.

A statement of a tariff with a tax has ``taxes`` (one line per rate), ``tax``, ``total``,
``tax_included``, ``tax_exempt``, and each line and fee its ``tax`` (include/tariff/billing.hpp);
without a tax its total due is its revenue and documents say that no VAT applies. Every template,
the workbook and the CSV go through these functions, and statement-like objects (a test's
stand-in, an older build's statement) that lack a field read as having no tax.

How the figures fit (billing.hpp): the rows of a document are the fees and lines, whose amounts
add up to ``fees_total + work_total``; ``total`` is what the client owes, rounded at ``rounding
statement``; ``revenue = total − tax``. When prices exclude the tax, ``total`` is the rows plus
the tax (plus the rounding); when they include it (``tax_included``), ``total`` is the rows
themselves (plus the rounding) and the tax is "of which".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Optional

__all__ = ["TaxRow", "line_tax", "rounding", "subtotal", "tax_exempt", "tax_included", "tax_rows",
           "tax_total", "total_due"]


@dataclass(frozen=True)
class TaxRow:
    """One tax at one rate on a statement: VAT 20 % on ``base`` is ``amount``."""

    tax: str  # the tax's name in the tariff ("vat")
    rate: str  # the rate's name in the tariff ("standard")
    percent: Decimal  # 20 for 20 %
    base: Decimal
    amount: Decimal


def tax_rows(statement: Any) -> list[TaxRow]:
    """The statement's taxes, one row per tax and rate; [] when it has none."""
    return [TaxRow(tax=t.tax, rate=t.rate, percent=t.percent, base=t.base, amount=t.amount)
            for t in (getattr(statement, "taxes", None) or [])]


def tax_exempt(statement: Any) -> bool:
    """True when the statement carries no tax: exempt, or no taxes at all (then documents print
    "Без налога (НДС)" / "VAT not applicable")."""
    return bool(getattr(statement, "tax_exempt", False)) or not tax_rows(statement)


def tax_total(statement: Any) -> Decimal:
    """The statement's tax; with none, zero at the scale of its revenue (0.00)."""
    tax = getattr(statement, "tax", None)
    if tax is not None:
        return tax
    rows = tax_rows(statement)
    if rows:
        return sum((row.amount for row in rows[1:]), rows[0].amount)
    return statement.revenue - statement.revenue  # 0 with the revenue's scale, exactly


def total_due(statement: Any) -> Decimal:
    """What the client owes: the statement's total, or its revenue when it has no total."""
    total = getattr(statement, "total", None)
    return statement.revenue if total is None else total


def _rows_sum(statement: Any) -> Decimal:
    return statement.fees_total + statement.work_total


def tax_included(statement: Any) -> bool:
    """Whether the rows' amounts include the tax ("в том числе НДС")."""
    return bool(getattr(statement, "tax_included", False)) and not tax_exempt(statement)


def rounding(statement: Any) -> Decimal:
    """What the tariff's statement rounding added to the rows (negative when it took away);
    0 without rounding."""
    added_tax = 0 if tax_included(statement) else tax_total(statement)
    return total_due(statement) - added_tax - _rows_sum(statement)


def subtotal(statement: Any) -> Decimal:
    """What a document's rows add up to, the rounding row included: the total without the tax
    when prices exclude it (the revenue), the total itself when they include it."""
    return _rows_sum(statement) + rounding(statement)


def line_tax(line: Any) -> Optional[Decimal]:
    """The tax on one statement line or fee; None when the statement has no taxes."""
    return getattr(line, "tax", None)
