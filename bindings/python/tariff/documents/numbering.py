"""Document numbers: a numbering rule (prefix, sequence, per year) and a counter that never gives
one number to two statements.

The number is the host's: an ITSM or accounting system that issues invoices keeps its own series
and passes the number in (``DocumentInfo.number``, ``--number``); documents only print it. For a
host without a series of its own, ``python3 -m tariff`` keeps one in a small JSON file
(``--counter FILE``), keyed by the statement's id (``Statement.id``: contract, period, revision,
content): rendering the same statement again (the PDF lost, the template changed) gives it the
number it already has, and a new statement the next one. Credit notes — statements that give
money back (the ledger's reversals and refunds, a negative total) — are numbered in a series of
their own, so an invoice number is never a credit note's and neither is reused.

The counter file is changed under an exclusive lock (``fcntl.flock`` on ``FILE.lock``), read,
updated and written whole (``_output.write_file``: a temporary file renamed over it), so two
renders at once get two numbers and a crash leaves the old file.
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import json
import os
import pathlib
from dataclasses import dataclass
from typing import Any, Iterator, Union

from ._output import write_file

__all__ = ["CREDIT_NOTE", "INVOICE", "NumberCounter", "NumberingError", "NumberingRule"]

INVOICE, CREDIT_NOTE = "invoice", "credit_note"
_FORMAT = 1


class NumberingError(ValueError):
    """A counter file that cannot be used: not ours, unreadable, or a number that does not fit."""


@dataclass(frozen=True)
class NumberingRule:
    """How a sequence number is written: ``prefix``, the year when the sequence restarts each
    year (``per_year``), and the sequence padded to ``digits``: "INV-2026-0031", "CN-0007"."""

    prefix: str = "INV-"
    digits: int = 4
    per_year: bool = True

    def format(self, sequence: int, year: int) -> str:
        if sequence < 1:
            raise NumberingError(f"a sequence number starts at 1, not {sequence}")
        if not 0 <= self.digits <= 12:
            raise NumberingError(f"digits must be 0 to 12, not {self.digits}")
        number = str(sequence).rjust(self.digits, "0")
        return f"{self.prefix}{year}-{number}" if self.per_year else f"{self.prefix}{number}"


@contextlib.contextmanager
def _locked(path: pathlib.Path) -> Iterator[None]:
    # The lock is a file of its own: the counter file itself is replaced by a rename, and a lock
    # held on a replaced file would lock nothing.
    lock = path.with_name(path.name + ".lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


class NumberCounter:
    """A counter file of document numbers per series (``INVOICE``, ``CREDIT_NOTE``), each with its
    rule. ``number(statement_id, date, series)`` gives the statement its number: the one it
    already has in that series, else the next of the series (of ``date``'s year when the rule
    restarts each year)."""

    def __init__(self, path: Union[str, "os.PathLike[str]"], rules: dict[str, NumberingRule]):
        self.path = pathlib.Path(path)
        self.rules = dict(rules)

    def _read(self) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {"format": _FORMAT, "series": {}}
        except OSError as e:
            raise NumberingError(f"{self.path}: cannot read: {e.strerror}") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise NumberingError(f"{self.path}: not a counter file: {e}") from None
        if not isinstance(data, dict) or data.get("format") != _FORMAT or \
                not isinstance(data.get("series"), dict):
            raise NumberingError(f"{self.path}: not a counter file (expected "
                                 f'{{"format": {_FORMAT}, "series": ...}})')
        return data

    def number(self, statement_id: str, date: datetime.date, series: str = INVOICE) -> str:
        if not statement_id:
            raise NumberingError("a statement without an id cannot be numbered by the counter")
        rule = self.rules.get(series)
        if rule is None:
            raise NumberingError(f"no numbering rule for series {series!r}")
        with _locked(self.path):
            data = self._read()
            kept = data["series"].setdefault(series, {"last": {}, "issued": {}})
            issued = kept["issued"]
            if statement_id in issued:  # a re-render: the number it was given
                return issued[statement_id]
            sequence_key = str(date.year) if rule.per_year else "all"
            sequence = int(kept["last"].get(sequence_key, 0)) + 1
            number = rule.format(sequence, date.year)
            if number in issued.values():
                raise NumberingError(f"{self.path}: {number} is already issued in series "
                                     f"{series!r}; the counter file was edited by hand?")
            kept["last"][sequence_key] = sequence
            issued[statement_id] = number
            write_file(self.path, (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
                                   + "\n").encode("utf-8"))
            return number
