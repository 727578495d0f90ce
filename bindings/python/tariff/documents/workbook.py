"""A statement as an Excel workbook (openpyxl): Summary, Lines, Fees, Allowances, Taxes (when the
statement has any) and Rejected sheets, amounts as numeric cells with a number format, dates as
date cells.

Amounts are written from the statement's Decimals. openpyxl 3.0.9 writes a number as
``"%.16g" % value``, through a binary double: exact for up to 15 significant digits (every amount
below 10 000 000 000 000.00) and wrong beyond. So each amount is checked — the text openpyxl
will write must read back as the same Decimal — and an amount that would not is refused with a
ValueError instead of being written wrong. Quantities (not money) in an item's units are written
exactly when they have at most six decimals, else rounded to six (50 min = 0.833333 h); the text
column beside them is exact.

The file is the same bytes for the same statement: the workbook's dates and the ZIP entries'
times are the statement's last day (or ``created=``), not the clock's.

Text is written as string cells, never as formulas: a name that starts with ``=`` stays that text
(``_spreadsheet``; docs/documents.md, "Formulas").
"""

from __future__ import annotations

import datetime
import io
import os
import pathlib
import zipfile
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, Optional, Union

from .._currency import minor_units
from .._optional import require
from . import _figures
from ._output import write_file
from ._spreadsheet import workbook_text
from .labels import labels
from .parties import Details, Party
from .rows import Quantity, _unit, allowance_title, kind_text

__all__ = ["statement_workbook", "write_workbook"]

_DATE_FORMATS = {"ru": "DD.MM.YYYY", "en": "YYYY-MM-DD"}


def _money_format(currency: str) -> str:
    decimals = minor_units(currency)
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _exact(value: Decimal) -> Decimal:
    """``value`` if openpyxl writes it exactly (see the module's docstring), else ValueError."""
    require("openpyxl", "statement workbooks (.xlsx)")
    from openpyxl.compat import safe_string

    if Decimal(safe_string(value)) != value:
        raise ValueError(f"{value} has more significant digits than a spreadsheet number holds "
                         "(15); it cannot be written exactly")
    return value


def _units(quantity: Quantity) -> Decimal:
    """A quantity in its item's unit: a count, or seconds / unit_seconds (hours for hourly
    items), exact up to six decimals."""
    if not quantity.is_time:
        return quantity.value
    units = quantity.value / Decimal(quantity.unit_seconds)
    six = units.quantize(Decimal("0.000001"), rounding=ROUND_HALF_EVEN)
    return units.normalize() if units == six else six


class _Sheet:
    """Writes rows into one worksheet, formatting each cell by what it holds."""

    def __init__(self, sheet: Any, headers: list[str], money: str, date: str) -> None:
        from openpyxl.styles import Font

        self.sheet, self.money, self.date = sheet, money, date
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        self.widths = [len(h) + 2 for h in headers]

    def append(self, values: list[Any], money_columns: set[int] = frozenset(),
               percent_columns: set[int] = frozenset()) -> None:
        row = []
        for i, value in enumerate(values):
            if isinstance(value, Decimal) and i in money_columns:
                value = _exact(value)
            row.append(workbook_text(value))
        self.sheet.append(row)
        for i, cell in enumerate(self.sheet[self.sheet.max_row]):
            value = values[i]
            if isinstance(value, str):
                # openpyxl makes "=..." a formula and "#N/A" an error: text stays text.
                cell.data_type = "s"
            if isinstance(value, datetime.date):
                cell.number_format = self.date
                width = 12
            elif i in money_columns and isinstance(value, Decimal):
                cell.number_format = self.money
                width = len(str(value)) + 5
            elif i in percent_columns and isinstance(value, Decimal):
                cell.number_format = "0.00"
                width = 10
            else:
                width = len(str(value)) + 2 if value is not None else 4
            self.widths[i] = min(max(self.widths[i], width), 60)

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter

        for i, width in enumerate(self.widths, 1):
            self.sheet.column_dimensions[get_column_letter(i)].width = width


def statement_workbook(statement: Any, *, locale: str = "en",
                       details: Optional[Details] = None,
                       created: Optional[datetime.datetime] = None) -> Any:
    """The openpyxl Workbook of ``statement``; ``details`` gives item titles (else the tariff's)."""
    openpyxl = require("openpyxl", "statement workbooks (.xlsx)")

    t = labels(locale)
    details = details or Details(seller=Party(name=""))
    money, date = _money_format(statement.currency), _DATE_FORMATS[locale]
    book = openpyxl.Workbook()
    stamp = created or datetime.datetime.combine(statement.period.last, datetime.time())
    book.properties.creator = "tariff"
    book.properties.created = book.properties.modified = stamp
    taxed = not _figures.tax_exempt(statement)

    summary = _Sheet(book.active, [t["field"], t["figure"]], money, date)
    book.active.title = t["sheet_summary"]
    client = details.clients.get(statement.client)
    for label, value in [
        (t["contract"], statement.contract),
        (t["client"], client.name if client is not None else statement.client),
        (t["client_id"], statement.client),
        (t["plan"], statement.plan), (t["currency"], statement.currency),
        (t["first_day"], statement.period.first), (t["last_day"], statement.period.last),
    ]:
        summary.append([label, value])
    figures = [(t["fees_total"], statement.fees_total), (t["work_total"], statement.work_total),
               (t["revenue_net"], statement.revenue)]
    if taxed:
        figures.append((t["tax_total"], _figures.tax_total(statement)))
    figures += [(t["total_due"], _figures.total_due(statement)), (t["cost"], statement.cost),
                (t["margin"], statement.margin)]
    for label, value in figures:
        summary.append([label, value], money_columns={1})
    summary.append([t["margin_percent"], statement.margin_percent], percent_columns={1})
    summary.finish()

    headers = [t["section"], t["id"], t["request"], t["date"], t["item"], t["title"], t["kind"],
               t["measured"], t["billed_quantity"], t["quantity_units"], t["amount"],
               t["covered"], t["cost"], t["margin"], t["allowance_keys"]]
    if taxed:
        headers.append(t["tax"])
    lines = _Sheet(book.create_sheet(t["sheet_lines"]), headers, money, date)
    for section, rows in ((t["section_line"], statement.lines),
                          (t["section_adjustment"], statement.adjustments)):
        for line in rows:
            covered = line.amount - line.amount
            for part in line.parts:
                if part.allowance is not None:
                    covered += part.covered
            keys = "; ".join(allowance_title(key, details, locale) for key in
                             dict.fromkeys(p.allowance for p in line.parts if p.allowance))
            values = [section, line.id, line.request, line.date, line.item,
                      details.item(line.item).title or line.title, kind_text(line.kind, locale),
                      str(line.measured), str(line.billed),
                      _units(Quantity.of(line.billed)), line.amount, covered, line.cost,
                      line.margin, keys]
            if taxed:
                values.append(_figures.line_tax(line))
            lines.append(values, money_columns={10, 11, 12, 13, 15})
    for back in getattr(statement, "reversals", ()):  # lines billed before, taken back
        zero = back.amount - back.amount
        values = [t["section_reversal"], back.id, "", back.date, back.item,
                  details.item(back.item).title or back.item,
                  t.get(f"reversal_{back.reason}", back.reason), "", "", "",
                  back.amount, zero, back.cost, back.amount - back.cost, ""]
        if taxed:
            values.append(back.tax)
        lines.append(values, money_columns={10, 11, 12, 13, 15})
    lines.sheet.auto_filter.ref = lines.sheet.dimensions
    lines.finish()

    headers = [t["fee_description"], f"{t['fee_period']}: {t['first_day'].lower()}",
               f"{t['fee_period']}: {t['last_day'].lower()}", t["covers_first"], t["covers_last"],
               t["units"], t["amount"]]
    if taxed:
        headers.append(t["tax"])
    fees = _Sheet(book.create_sheet(t["sheet_fees"]), headers, money, date)
    for fee in statement.fees:
        values = [fee.description, fee.fee_period.first, fee.fee_period.last, fee.covers.first,
                  fee.covers.last, fee.units, fee.amount]
        if taxed:
            values.append(_figures.line_tax(fee))
        fees.append(values, money_columns={6, 7})
    fees.finish()

    # Quantities as numbers in the item's unit (hours for time), the unit in a column of its own,
    # so a spreadsheet can add and compare them.
    allowances = _Sheet(book.create_sheet(t["sheet_allowances"]),
                        [t["allowance"], t["id"], t["first_day"], t["last_day"], t["unit"],
                         t["allowance_included"], t["used_before"], t["used"], t["remaining"],
                         t["covered_value"]], money, date)
    for a in statement.allowances:
        item = a.allowance.rpartition("/")[0]
        quantities = [Quantity.of(q) for q in (a.included, a.used_before, a.used, a.remaining)]
        allowances.append([allowance_title(a.allowance, details, locale), a.allowance,
                           a.period.first, a.period.last,
                           _unit(quantities[0], item, details, t, locale)]
                          + [_units(q) for q in quantities] + [a.covered_value],
                          money_columns={9})
    allowances.finish()

    if taxed:
        taxes = _Sheet(book.create_sheet(t["sheet_taxes"]),
                       [t["tax"], t["tax_rate"], t["percent"], t["base"], t["amount"]],
                       money, date)
        for row in _figures.tax_rows(statement):
            taxes.append([row.tax, row.rate, row.percent, row.base, row.amount],
                         money_columns={3, 4}, percent_columns={2})
        taxes.finish()

    rejected = _Sheet(book.create_sheet(t["sheet_rejected"]),
                      [t["id"], t["request"], t["date"], t["item"], t["reason"], t["message"]],
                      money, date)
    for line in statement.rejected:
        rejected.append([line.id, line.request, line.date, line.item, line.reason, line.message])
    rejected.finish()
    return book


def _same_bytes_every_time(data: bytes, stamp: datetime.datetime) -> bytes:
    """The ZIP ``data`` with every entry dated ``stamp`` instead of the time it was written."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    when = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


def write_workbook(statement: Any, path: Union[str, "os.PathLike[str]"], *, locale: str = "en",
                   details: Optional[Details] = None,
                   created: Optional[datetime.datetime] = None) -> pathlib.Path:
    """Writes the workbook of ``statement`` to ``path`` (.xlsx), the same bytes every time for the
    same statement. ``created`` dates it (default: the statement's last day)."""
    path = pathlib.Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValueError(f"{path}: a workbook is written as .xlsx")
    stamp = created or datetime.datetime.combine(statement.period.last, datetime.time())
    book = statement_workbook(statement, locale=locale, details=details, created=stamp)
    buffer = io.BytesIO()
    book.save(buffer)
    write_file(path, _same_bytes_every_time(buffer.getvalue(), stamp))
    return path
