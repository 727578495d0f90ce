"""A client's period report: every request of the statement with its lines, work and materials,
what the subscription's allowances covered and what was billed beyond them.

The engine knows items, not which of them are materials: the caller says so in its details
(``items.<code>.material``); every other item counts as work. All sums start from the
statement's own zero (0.00) and add its Decimals, so a request's figures add up to the statement's
work total exactly.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Optional

from .parties import Details
from .rows import Quantity, zero_of

__all__ = ["ReportLine", "RequestReport", "PeriodReport", "period_report_model"]


@dataclass(frozen=True)
class ReportLine:
    """One work line as the client sees it."""

    id: str
    date: Optional[datetime.date]
    item: str
    title: str
    kind: str  # the work kind: billable, warranty, ...
    material: bool
    late: bool  # an adjustment: work of an earlier period billed now
    measured: Quantity
    billed: Quantity
    included: Optional[Quantity]  # the quantity allowances included, None when none
    allowances: tuple[str, ...]  # their keys: "visit/month"
    covered: Decimal  # the value the allowances covered
    amount: Decimal  # what the client pays for the line

    @property
    def value(self) -> Decimal:
        """The line at its prices: what it is billed plus what the subscription covered."""
        return self.amount + self.covered


@dataclass(frozen=True)
class RequestReport:
    """A request's lines and its figures."""

    request: str  # "" for lines without a request
    first: Optional[datetime.date]
    last: Optional[datetime.date]
    lines: tuple[ReportLine, ...]
    work: Decimal  # billed for work items
    materials: Decimal  # billed for materials
    covered: Decimal

    @property
    def amount(self) -> Decimal:
        return self.work + self.materials


@dataclass(frozen=True)
class PeriodReport:
    """The report's content: the requests in work order (a request where its first line is), and
    the sums of the whole statement."""

    requests: tuple[RequestReport, ...]
    work: Decimal
    materials: Decimal
    covered: Decimal
    reversed: Decimal  # lines billed before and taken back (negative; zero when none)


def _line(line: Any, late: bool, details: Details) -> ReportLine:
    zero = zero_of(line.amount)
    included = [p for p in line.parts if p.allowance is not None]
    included_quantity = None
    for part in included:
        q = Quantity.of(part.billed)
        included_quantity = q if included_quantity is None else included_quantity + q
    covered = zero
    for part in included:
        covered += part.covered
    keys = tuple(dict.fromkeys(p.allowance for p in included))
    return ReportLine(
        id=line.id, date=line.date, item=line.item,
        title=details.item(line.item).title or line.title or line.item, kind=line.kind,
        material=details.item(line.item).material, late=late, measured=Quantity.of(line.measured),
        billed=Quantity.of(line.billed), included=included_quantity, allowances=keys,
        covered=covered, amount=line.amount)


def period_report_model(statement: Any, details: Details) -> PeriodReport:
    """Groups the statement's lines and late work by request, in work order."""
    zero = zero_of(statement.work_total)
    grouped: dict[str, list[ReportLine]] = {}
    for late, lines in ((False, statement.lines), (True, statement.adjustments)):
        for line in lines:
            grouped.setdefault(line.request, []).append(_line(line, late, details))
    requests = []
    for request, lines in grouped.items():
        work = materials = covered = zero
        for line in lines:
            if line.material:
                materials += line.amount
            else:
                work += line.amount
            covered += line.covered
        dates = [line.date for line in lines if line.date is not None]
        requests.append(RequestReport(request=request, first=min(dates, default=None),
                                      last=max(dates, default=None), lines=tuple(lines),
                                      work=work, materials=materials, covered=covered))
    work = materials = covered = zero
    for request in requests:
        work += request.work
        materials += request.materials
        covered += request.covered
    reversed = zero
    for back in getattr(statement, "reversals", ()):
        reversed += back.amount
    return PeriodReport(requests=tuple(requests), work=work, materials=materials, covered=covered,
                        reversed=reversed)
