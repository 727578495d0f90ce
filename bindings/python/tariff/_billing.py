"""Billing many contracts and periods in one call: Tariff.bill_table.

One table (or list) of every contract's work is split by contract in C++ (the rows read with
price_table's checks); each contract's periods are billed in order, each statement opening from
the one before's closing state (docs/python.md, "Billing many contracts").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from . import _tariff
from ._frames import frame_of_rows, statement_rows
from ._table import _columns, _contracts, _pd


@dataclass
class BillingRun:
    """What Tariff.bill_table made.

    statements: every Statement, by contract (in the order of ``contracts``), each contract's in
    period order. closing: contract id -> the BillingState after its last statement (the next
    run's opening). not_billed: the work lines that name no contract given, which no statement
    billed (the `tariff bill` tool counts them the same way)."""

    statements: list = field(default_factory=list)
    closing: dict = field(default_factory=dict)
    not_billed: list = field(default_factory=list)

    def to_frame(self) -> Any:
        """Every statement's rows (Statement.to_frame) in one DataFrame."""
        rows = [row for s in self.statements for row in statement_rows(s)]
        return frame_of_rows(rows, "BillingRun.to_frame")


def _work_by_contract(work) -> dict:
    if (_pd is not None and isinstance(work, _pd.DataFrame)) or isinstance(work, Mapping):
        columns, rows, _ = _columns(work)
        missing = (_pd.NA, _pd.NaT) if _pd is not None else ()
        return _tariff._work_by_contract(rows, columns, missing)
    grouped: dict = {}
    for line in work:
        if not isinstance(line, _tariff.WorkLine):
            raise TypeError(f"expected WorkLine objects or a table of work, not "
                            f"{type(line).__name__}")
        grouped.setdefault(line.contract, []).append(line)
    return grouped


def _states_by_contract(states) -> dict:
    if states is None:
        return {}
    if isinstance(states, Mapping):
        return dict(states)
    out = {}
    for state in states:
        if not state.contract:
            raise ValueError("a state without its contract (BillingState.contract) cannot be "
                             "matched: pass states as a dict {contract id: state}")
        out[state.contract] = state
    return out


def _periods_of(tariff, contract, periods) -> list:
    given = periods if isinstance(periods, (list, tuple)) else [periods]
    if not given:
        raise ValueError("no period to bill")
    spans = {}
    for p in given:
        span = p if isinstance(p, _tariff.Period) else tariff.statement_period(contract, p)
        spans[(span.first, span.last)] = span
    return [spans[k] for k in sorted(spans)]


def _split_by_period(tariff, contract, lines, spans) -> list:
    """Each line goes to the statement of the period its date falls in; lines dated before the
    first (late work), or not dated (rejected), to the first; after the last, to the last (which
    rejects them, after_period, as one statement would)."""
    if len(spans) == 1:
        return [lines]
    out = [[] for _ in spans]
    dated = tariff.price(contract, lines, trace=False)
    for line, priced in zip(lines, dated):
        day = priced.date
        k = 0
        if day is not None:
            while k + 1 < len(spans) and day >= spans[k + 1].first:
                k += 1
        out[k].append(line)
    return out


def bill_table(self, contracts, work, periods, *, states=None, payments=None,
               expiry_warning_days: int = 30, trace: bool = True, on_repeat: str = "skip",
               late_work_periods: Optional[int] = None) -> BillingRun:
    """Bills every contract of ``contracts`` for ``periods`` from one table of everyone's work.

    contracts: Contract objects or a table of them. work: a DataFrame or dict of columns (as
    price_table takes: whole-number floats accepted, fractions refused by row and column) or
    WorkLine objects, of any contracts. periods: one period or a list, each a Period, a day
    ("2026-03-15") or a month ("2026-03"); for each contract, the statement periods of its plan
    that contain them, billed in order, each statement opening from the previous closing
    state and given the lines dated in its period (late work goes to the first, lines after the
    last to the last). states: opening BillingStates, a dict by contract id (or states whose
    ``contract`` is set); a contract without one opens empty. payments: Payment objects of any
    contracts. The other options are Tariff.bill's. Returns a BillingRun."""
    deals = _contracts(contracts)
    by_contract = _work_by_contract(work)
    opening = _states_by_contract(states)
    paid: dict = {}
    for p in ([payments] if isinstance(payments, _tariff.Payment) else payments or []):
        paid.setdefault(p.contract, []).append(p)
    run = BillingRun()
    billed = set()
    for deal in deals:
        if deal.id in billed:
            raise ValueError(f"contract {deal.id!r} is given twice")
        billed.add(deal.id)
        state = opening.get(deal.id)
        lines = by_contract.get(deal.id, [])
        spans = _periods_of(self, deal, periods)
        for span, own in zip(spans, _split_by_period(self, deal, lines, spans)):
            statement = self.bill(deal, span, own, state=state, payments=paid.get(deal.id),
                                  expiry_warning_days=expiry_warning_days, trace=trace,
                                  on_repeat=on_repeat, late_work_periods=late_work_periods)
            run.statements.append(statement)
            state = statement.closing
        run.closing[deal.id] = state
    run.not_billed = [line for contract, lines in by_contract.items() if contract not in billed
                      for line in lines]
    return run
