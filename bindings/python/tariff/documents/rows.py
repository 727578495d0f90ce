"""A statement as the rows of an invoice or an act: No., description, quantity, unit, price, amount.

A row's amount is always a figure of the statement (a fee's amount, the sum of a line's billed
parts, the line's amount), so the rows add up to the statement's fees and work; when the tariff
rounds the statement's total, a rounding row says by how much (tariff.documents._figures).
Quantity × price is printed only where it holds exactly:

- a fee of 1 unit is 1 month (quarter, year) at its amount; a per-unit fee shows its units and
  the price per unit when the amount divides exactly, else 1 service at the amount;
- a work line's billed parts are grouped by price per unit (and the labels that made it, "night"):
  one row per group, its billed quantity at that price; a line whose amount a charge limit changed
  (minimum or maximum charge) is one service at the line's amount;
- parts an allowance included bill nothing: an invoice leaves them out; an act, which certifies the
  work done, lists them at 0.00 with the value the subscription covered;
- a line billed before and taken back (a correction or a void, docs/statement.md, "Billing twice
  never charges twice") is one row at the negative amount the statement reverses.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any, Iterable, Optional

from . import _figures
from ._figures import line_tax
from .formatting import format_amount, format_date, format_duration, format_period, \
    format_quantity
from .labels import labels
from .parties import Details

__all__ = ["DocumentRow", "Quantity", "allowance_title", "document_rows", "line_description",
           "zero_of"]


@dataclass(frozen=True)
class Quantity:
    """A quantity in an item's unit: seconds when ``unit_seconds`` is set (3600: the price is per
    hour), else a count."""

    value: Decimal
    unit_seconds: int = 0

    @classmethod
    def of(cls, item_quantity: Any) -> "Quantity":
        """From the engine's ItemQuantity."""
        return cls(item_quantity.value, item_quantity.unit_seconds if item_quantity.is_time else 0)

    @property
    def is_time(self) -> bool:
        return self.unit_seconds > 0

    def __add__(self, other: "Quantity") -> "Quantity":
        return Quantity(self.value + other.value, self.unit_seconds or other.unit_seconds)

    def format(self, locale: str) -> str:
        return format_quantity(self.value, self.unit_seconds, locale)


@dataclass(frozen=True)
class DocumentRow:
    """One row of an invoice or an act. ``price`` is None where no price per unit holds
    (a rounding row, work the subscription included)."""

    number: int
    kind: str  # "fee", "work", "adjustment" (late work), "reversal", "rounding"
    description: str
    quantity: Optional[Quantity]
    unit: str
    price: Optional[Decimal]
    amount: Decimal
    note: str = ""
    line_id: str = ""
    request: str = ""
    date: Optional[datetime.date] = None
    item: str = ""
    covered: Decimal = Decimal(0)  # what an allowance covered in this row
    tax: Optional[Decimal] = None  # a line's tax, on its first row


def zero_of(amount: Decimal) -> Decimal:
    """Zero at the scale of ``amount``: sums of nothing print as 0.00, like the engine's."""
    return amount - amount


def _sum(values: Iterable[Decimal], zero: Decimal) -> Decimal:
    total = zero
    for value in values:
        total += value
    return total


def _months(first: datetime.date, last: datetime.date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _fee_unit(fee: Any, t: Any) -> str:
    """A whole fee period is one month (quarter, year); a part of one is one service."""
    if (fee.covers.first, fee.covers.last) != (fee.fee_period.first, fee.fee_period.last):
        return t["unit_service"]
    months = _months(fee.fee_period.first, fee.fee_period.last)
    return {1: t["unit_month"], 3: t["unit_quarter"], 12: t["unit_year"]}.get(months,
                                                                              t["unit_service"])


def _exact_quotient(amount: Decimal, units: Decimal) -> Optional[Decimal]:
    """amount / units when it is exact at the amount's scale, else None."""
    if units <= 0:
        return None
    with localcontext() as context:
        context.prec = 60
        price = (amount / units).quantize(Decimal(1).scaleb(min(amount.as_tuple().exponent, 0)))
        return price if price * units == amount else None


def _fee_rows(statement: Any, details: Details, locale: str) -> list[dict]:
    t = labels(locale)
    title = details.plans.get(statement.plan) or t["fee"].format(plan=statement.plan)
    rows = []
    for fee in statement.fees:
        period = format_period(fee.covers.first, fee.covers.last, locale)
        row = dict(kind="fee", description=t["fee_for"].format(title=title, period=period),
                   amount=fee.amount, tax=line_tax(fee))
        per_unit = _exact_quotient(fee.amount, fee.units) if fee.units != 1 else None
        if per_unit is not None:  # 12 workstations at 2500.00
            row.update(quantity=Quantity(fee.units), unit=t["unit_units"], price=per_unit)
        else:
            row.update(quantity=Quantity(Decimal(1)), unit=_fee_unit(fee, t), price=fee.amount)
        rows.append(row)
    return rows


def _unit(quantity: Quantity, item: str, details: Details, t: Any, locale: str) -> str:
    given = details.item(item).unit
    if given:
        return given
    if not quantity.is_time:
        return t["unit_piece"]
    if quantity.unit_seconds == 3600:
        return t["unit_hour"]
    return format_duration(quantity.unit_seconds, locale)


def _label_text(names: Iterable[str], details: Details) -> str:
    return ", ".join(details.labels.get(name, name) for name in names)


def line_description(line: Any, details: Details, locale: str, *, late: bool = False) -> str:
    """"Ремонт систем ОВиК, заявка R-10 от 24.03.2026": the item's title (the caller's, or the
    tariff's), the request and the date; late work says so."""
    t = labels(locale)
    title = details.item(line.item).title or line.title or line.item
    date = format_date(line.date, locale)
    if line.request:
        text = t["work_request"].format(title=title, request=line.request, date=date)
    else:
        text = t["work_dated"].format(title=title, date=date)
    return t["late"].format(text=text) if late else text


def kind_text(kind: str, locale: str) -> str:
    """A work kind in words: "warranty" -> "гарантия" / "warranty"; an unknown one as it is."""
    return _kind_text(kind, labels(locale))


def _kind_text(kind: str, t: Any) -> str:
    return t.get(f"kind_{kind}", kind)


def allowance_title(key: str, details: Details, locale: str, *, item: str = "") -> str:
    """An allowance as people read it: its key "hvac_repair/month" (the item or group, then the
    period it renews in) as "HVAC repair, per month", titled by the details (else the code).
    Beside a line of ``item`` itself, only the period: "per month"."""
    t = labels(locale)
    what, _, period = key.rpartition("/")
    if not what or f"allowance_{period}" not in t:
        return key
    if what == item:
        return t[f"allowance_{period}"]
    title = details.item(what).title or what
    return t["allowance_title"].format(title=title, period=t[f"allowance_{period}"])


def _work_rows(line: Any, kind: str, details: Details, locale: str,
               include_covered: bool) -> list[dict]:
    t = labels(locale)
    zero = zero_of(line.amount)
    description = line_description(line, details, locale, late=kind == "adjustment")
    common = dict(kind=kind, line_id=line.id, request=line.request, date=line.date, item=line.item)
    billed = [p for p in line.parts if p.allowance is None]
    included = [p for p in line.parts if p.allowance is not None]
    covered = _sum((p.covered for p in included), zero)
    included_quantity = _quantity_sum(p.billed for p in included)

    if line.amount == 0:
        if not include_covered:
            return []
        if included:
            quantity = _quantity_sum(p.billed for p in line.parts) or Quantity.of(line.billed)
            note = t["included_note"].format(covered=format_amount(covered, locale))
        else:
            # Warranty (or internal) work bills nothing, yet the act certifies it was done: the
            # measured quantity, as the period report shows it, at 0.00.
            quantity = Quantity.of(line.measured)
            note = t["not_billable"].format(kind=_kind_text(line.kind, t))
        return [dict(common, description=description, quantity=quantity,
                     unit=_unit(quantity, line.item, details, t, locale), price=None,
                     amount=line.amount, note=note, covered=covered, tax=line_tax(line))]

    notes = []
    if included:
        notes.append(t["beyond"])
        if include_covered:
            notes.append(t["also_included"].format(quantity=included_quantity.format(locale) + " "
                                                   + _unit(included_quantity, line.item, details,
                                                           t, locale),
                                                   covered=format_amount(covered, locale)))
    note = "; ".join(notes)

    if _sum((p.amount for p in billed), zero) != line.amount:
        # A charge limit (or the line's rounding) made the amount: one service at that amount.
        limits = [t[step.kind] for step in line.line_trace
                  if step.kind in ("minimum_charge", "maximum_charge")]
        if limits:
            note = "; ".join(filter(None, [note, t["charge_limit"].format(limit=limits[-1])]))
        return [dict(common, description=description, quantity=Quantity(Decimal(1)),
                     unit=t["unit_service"], price=line.amount, amount=line.amount, note=note,
                     covered=covered if include_covered else zero, tax=line_tax(line))]

    groups: dict[tuple, list] = {}
    for part in billed:
        if part.amount != 0 or part.billed.value != 0:
            groups.setdefault((part.unit_price, tuple(part.labels)), []).append(part)
    rows = []
    for (price, names), parts in groups.items():
        quantity = _quantity_sum(p.billed for p in parts)
        text = description
        if names:
            text = t["with_labels"].format(text=description, labels=_label_text(names, details))
        rows.append(dict(common, description=text, quantity=quantity,
                         unit=_unit(quantity, line.item, details, t, locale), price=price,
                         amount=_sum((p.amount for p in parts), zero),
                         note=note if not rows else "",
                         covered=covered if include_covered and not rows else zero,
                         tax=line_tax(line) if not rows else None))
    return rows


def _reversal_row(back: Any, details: Details, locale: str) -> dict:
    t = labels(locale)
    title = details.item(back.item).title or back.item
    text = t["work_dated"].format(title=title, date=format_date(back.date, locale))
    return dict(kind="reversal", description=t["reversal"].format(text=text, id=back.id),
                quantity=None, unit="", price=None, amount=back.amount,
                note=t[f"reversal_{back.reason}"], line_id=back.id, date=back.date,
                item=back.item, tax=line_tax(back))


def _quantity_sum(quantities: Iterable[Any]) -> Optional[Quantity]:
    total = None
    for q in quantities:
        total = Quantity.of(q) if total is None else total + Quantity.of(q)
    return total


def document_rows(statement: Any, details: Details, locale: str, *,
                  include_covered: bool = False) -> list[DocumentRow]:
    """The rows of an invoice (``include_covered=False``: what is billed) or of an act
    (``include_covered=True``: every line of work, included ones at 0.00), numbered from 1: the
    fees, the period's lines and the late work in work order, the reversals of lines billed
    before, and a rounding row when the tariff rounds the statement's total. They add up to
    ``_figures.subtotal(statement)``."""
    rows = _fee_rows(statement, details, locale)
    for line in statement.lines:
        rows += _work_rows(line, "work", details, locale, include_covered)
    for line in statement.adjustments:
        rows += _work_rows(line, "adjustment", details, locale, include_covered)
    for back in getattr(statement, "reversals", ()):
        rows.append(_reversal_row(back, details, locale))
    rounded = _figures.rounding(statement)
    if rounded != 0:
        rows.append(dict(kind="rounding", description=labels(locale)["rounding"], quantity=None,
                         unit="", price=None, amount=rounded))
    return [DocumentRow(number=i, **row) for i, row in enumerate(rows, 1)]
