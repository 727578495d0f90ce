"""A statement as CSV for accountants: one record per document row — the fees, every line of work
(those an allowance included at 0.00, with the value covered), late work, a rounding row when the
tariff rounds the total — so the amounts add up to the statement's revenue.

It follows the engine's CSV conventions (docs/formats.md, "Reports"): RFC 4180, a header, LF line
ends, UTF-8, decimals as exact text with a point and their scale, dates as YYYY-MM-DD, quantities
as the engine writes them (``3h30min``, ``2``), an absent value as an empty cell. Only the
description is in the locale's words.

It is bound for spreadsheets, so a text cell that a spreadsheet would run as a formula (it starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return and is not a number) starts with a
``'`` (``_spreadsheet.csv_cell``; docs/documents.md, "Formulas").

The engine's own statement CSV (``write_statements_csv``: one row of totals per statement) is not
bound to Python; ``Tariff.priced_csv(statement.lines)`` writes the priced lines in the engine's
17-column format, traces included.
"""

from __future__ import annotations

import csv
import io
import os
import pathlib
from decimal import Decimal
from typing import Any, Optional, Union

from . import _figures
from ._output import write_file
from ._spreadsheet import csv_cell
from .parties import Details, Party
from .rows import DocumentRow, Quantity, document_rows

__all__ = ["COLUMNS", "statement_csv", "write_statement_csv"]

COLUMNS = ("contract", "section", "no", "line", "request", "date", "item", "description",
           "quantity", "unit", "unit_price", "amount", "covered", "tax")


def _engine_quantity(quantity: Optional[Quantity]) -> str:
    """``3h30min``, ``45s``, ``2``: item_quantity::to_string's text (docs/formats.md)."""
    if quantity is None:
        return ""
    if not quantity.is_time:
        return str(quantity.value)
    seconds = int(quantity.value)
    sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = "".join(f"{n}{unit}" for n, unit in ((hours, "h"), (minutes, "min"), (secs, "s")) if n)
    return sign + (text or "0min")


def _text(value: Optional[Decimal]) -> str:
    return "" if value is None else str(value)


def _record(statement: Any, row: DocumentRow, taxed: bool) -> list[str]:
    return [statement.contract, row.kind, str(row.number), row.line_id, row.request,
            row.date.isoformat() if row.date else "", row.item, row.description,
            _engine_quantity(row.quantity), row.unit, _text(row.price), str(row.amount),
            str(row.covered) if row.covered else "", _text(row.tax) if taxed else ""]


def statement_csv(statement: Any, details: Optional[Details] = None, *,
                  locale: str = "en") -> str:
    """The CSV text of ``statement``'s rows (``COLUMNS``); ``details`` gives the items' titles and
    units, else the tariff's."""
    rows = document_rows(statement, details or Details(seller=Party(name="")), locale,
                         include_covered=True)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    taxed = not _figures.tax_exempt(statement)
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in _record(statement, row, taxed)])
    return out.getvalue()


def write_statement_csv(statement: Any, path: Union[str, "os.PathLike[str]"],
                        details: Optional[Details] = None, *, locale: str = "en") -> pathlib.Path:
    """Writes ``statement_csv`` to ``path`` (UTF-8)."""
    path = pathlib.Path(path)
    if path.suffix.lower() != ".csv":
        raise ValueError(f"{path}: CSV is written as .csv")
    return write_file(path, statement_csv(statement, details, locale=locale).encode("utf-8"))
