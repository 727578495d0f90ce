"""pandas views of results: Statement.to_frame() and Comparison.to_frame().

Money stays decimal.Decimal in object columns (exact; a groupby sum adds Decimals), and what a
row does not have is None, as on the objects themselves (docs/python.md, "pandas views").
"""

from __future__ import annotations

from typing import Any

from ._optional import require

STATEMENT_COLUMNS = ["statement", "contract", "period", "section", "id", "request", "item",
                     "kind", "date", "status", "reason", "message", "measured", "billed",
                     "amount", "cost", "margin", "tax"]
_SECTIONS = ("fee", "reversal", "line", "adjustment", "rejected")


def _row(statement: Any, section: str, **values: Any) -> dict:
    row = dict.fromkeys(STATEMENT_COLUMNS)
    row.update(statement=statement.id, contract=statement.contract, period=str(statement.period),
               section=section)
    row.update(values)
    return row


def _line_row(statement: Any, section: str, line: Any) -> dict:
    ok = line.ok
    return _row(statement, section, id=line.id, request=line.request, item=line.item,
                kind=line.kind, date=line.date, status=line.status, reason=line.reason,
                message=line.message, measured=str(line.measured) if ok else None,
                billed=str(line.billed) if ok else None, amount=line.amount, cost=line.cost,
                margin=line.margin, tax=line.tax)


def statement_rows(statement: Any) -> list[dict]:
    """The statement's rows as dicts with STATEMENT_COLUMNS: fees, reversals, lines, adjustments
    (late work), then rejected lines."""
    rows = [_row(statement, "fee", item=f.description, date=f.fee_period.first, amount=f.amount,
                 tax=f.tax) for f in statement.fees]
    rows += [_row(statement, "reversal", id=r.id, item=r.item, date=r.date, status="reversed",
                  reason=r.reason, amount=r.amount, cost=r.cost, margin=r.amount - r.cost,
                  tax=r.tax) for r in statement.reversals]
    rows += [_line_row(statement, "line", line) for line in statement.lines]
    rows += [_line_row(statement, "adjustment", line) for line in statement.adjustments]
    rows += [_line_row(statement, "rejected", line) for line in statement.rejected]
    return rows


def frame_of_rows(rows: list[dict], feature: str) -> Any:
    pd = require("pandas", feature)
    frame = pd.DataFrame(rows, columns=STATEMENT_COLUMNS)
    frame["section"] = pd.Categorical(frame["section"], categories=list(_SECTIONS))
    return frame


def statement_to_frame(self: Any) -> Any:
    """The statement as a pandas DataFrame, one row per fee, reversal, line, adjustment and
    rejected line (column ``section``), with the statement's id, contract and period on each.
    Money (amount, cost, margin, tax) is Decimal, None where a row has none (a rejected line, a
    fee's cost): ``frame.amount.sum()`` over the rows not rejected is fees_total + work_total,
    exactly."""
    return frame_of_rows(statement_rows(self), "Statement.to_frame")


_BY = {"client": "by_client", "item": "by_item", "month": "by_month"}


def comparison_to_frame(self: Any, by: str = "client") -> Any:
    """The comparison as a pandas DataFrame: ``by`` "client", "item" or "month" gives one row
    per key (the Change's fields, indexed by ``key``), "total" the total and fees rows, "lines"
    one row per changed line (index in the history, client, id, contract, item, date, both
    statuses and amounts, the change). Money is Decimal."""
    pd = require("pandas", "Comparison.to_frame")
    if by == "lines":
        rows = []
        for c in self.lines:
            old, new = c.old_line, c.new_line
            change = (new.amount - old.amount
                      if old.amount is not None and new.amount is not None else None)
            rows.append(dict(index=c.index, client=c.client, id=new.id, contract=new.contract,
                             item=new.item, date=new.date or old.date, old_status=old.status,
                             new_status=new.status, old_amount=old.amount,
                             new_amount=new.amount, change=change))
        columns = ["index", "client", "id", "contract", "item", "date", "old_status",
                   "new_status", "old_amount", "new_amount", "change"]
        return pd.DataFrame(rows, columns=columns)
    if by == "total":
        changes = [self.total, self.fees]
    elif by in _BY:
        changes = getattr(self, _BY[by])
    else:
        raise ValueError(f"by is 'client', 'item', 'month', 'total' or 'lines', not {by!r}")
    frame = pd.DataFrame([c.to_dict() for c in changes])
    if frame.empty:
        return frame
    return frame.set_index("key")
