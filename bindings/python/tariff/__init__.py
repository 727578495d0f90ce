"""tariff: an exact-decimal billing rules engine, from Python.

    import tariff
    t = tariff.compile(pathlib.Path("facilities.tariff"))
    priced = t.price(contracts, work)                 # PricedLine objects, with traces
    table = t.price_table(contracts, work_frame, money="str")   # a DataFrame, in one call

Money goes in and comes out as decimal.Decimal (or, in tables, as exact text or integer minor
units), never as float. Instants are timezone-aware datetimes. docs/python.md is the guide.
"""

from __future__ import annotations

import os
import pathlib
from typing import Optional, Union

from . import _tariff
from ._currency import minor_units
from ._table import contracts_from_table, price_table, read_table
from ._tariff import (
    Alert,
    AllowanceReport,
    AllowanceUse,
    Amendment,
    BilledFee,
    BilledLine,
    BillingState,
    Contract,
    CreditedPayment,
    Diagnostic,
    FeeLine,
    InputError,
    IssuedStatement,
    ItemQuantity,
    Period,
    Payment,
    PrepaidFee,
    PrepaidReport,
    PricedLine,
    PricedPart,
    Reversal,
    Statement,
    Tariff,
    TariffError,
    TaxLine,
    TraceStep,
    Volume,
    WorkLine,
    __version__,
    check as _check,
    expiring_contracts,
    read_contracts_csv,
    read_contracts_json,
    read_payments_csv,
    read_payments_json,
    read_work_csv,
    read_work_json,
    write_contracts_csv,
    write_payments_csv,
    write_payments_json,
    write_work_csv,
)

from ._tariff import Change, Comparison, LineChange, Payout, PayoutLine, PortfolioRow, summarize
from ._tariff import StaffPay, StaffPayLine, write_staff_pay_csv, write_staff_pay_text

__all__ = [
    "Alert", "AllowanceReport", "AllowanceUse", "Amendment", "BilledFee", "BilledLine",
    "BillingState", "Change", "CreditedPayment", "IssuedStatement", "Reversal",
    "Comparison", "Contract", "LineChange", "Payment", "Payout", "PayoutLine", "PortfolioRow",
    "Diagnostic", "FeeLine", "InputError", "ItemQuantity", "Period", "PrepaidFee",
    "PrepaidReport", "PricedLine", "PricedPart", "StaffPay", "StaffPayLine", "Statement",
    "Tariff", "TariffError", "TaxLine", "TraceStep", "Volume", "WorkLine", "__version__",
    "check", "compile", "compare", "contracts_from_table", "expiring_contracts", "load_contracts",
    "load_payments", "load_work", "minor_units", "price_table", "read_contracts_csv",
    "read_contracts_json", "payouts", "read_payments_csv", "read_payments_json", "read_table",
    "read_work_csv", "read_work_json", "staff_pays", "summarize", "write_contracts_csv",
    "write_payments_csv", "write_payments_json", "write_staff_pay_csv", "write_staff_pay_text",
    "write_work_csv",
]

Source = Union[str, "os.PathLike[str]"]


def _source_and_file(source: Source, file: Optional[str]) -> tuple[str, str]:
    # A path object is always a path; a str is a path only when it is one line naming an
    # existing file (a tariff source has at least a header line and a declaration).
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and "\n" not in source and os.path.isfile(source)
    ):
        path = pathlib.Path(source)
        return path.read_text(encoding="utf-8"), file if file is not None else str(path)
    if not isinstance(source, str):
        raise TypeError(f"expected the tariff source (str) or a path, not {type(source).__name__}")
    return source, file if file is not None else "<input>"


def compile(source: Source, *, file: Optional[str] = None) -> Tariff:  # noqa: A001
    """Compiles a tariff from its source text or from a file.

    ``source`` is a path (pathlib.Path, or a str naming an existing file) or the source itself.
    ``file`` names it in diagnostics and traces (default: the path, or "<input>"). Raises
    TariffError with ``.diagnostics`` (file, line, column, message) when the tariff has errors;
    warnings are in ``Tariff.warnings``.
    """
    text, name = _source_and_file(source, file)
    return _tariff._compile(text, name)


def check(source: Source, *, file: Optional[str] = None) -> list[Diagnostic]:
    """Every error and warning of a tariff, in source order; [] for a clean tariff."""
    text, name = _source_and_file(source, file)
    return _check(text, name)


def load_work(path: Union[str, "os.PathLike[str]"]) -> list[WorkLine]:
    """Work lines from a CSV or JSON file (by its suffix), read exactly as docs/formats.md says."""
    path = pathlib.Path(path)
    text = path.read_text(encoding="utf-8")
    return read_work_json(text) if path.suffix.lower() == ".json" else read_work_csv(text)


def load_contracts(path: Union[str, "os.PathLike[str]"]) -> list[Contract]:
    """Contracts from a CSV or JSON file (by its suffix)."""
    path = pathlib.Path(path)
    text = path.read_text(encoding="utf-8")
    return read_contracts_json(text) if path.suffix.lower() == ".json" else read_contracts_csv(text)


def load_payments(path: Union[str, "os.PathLike[str]"]) -> list[Payment]:
    """Payments towards prepaid balances (id, contract, date, amount) from a CSV or JSON file (by
    its suffix)."""
    path = pathlib.Path(path)
    text = path.read_text(encoding="utf-8")
    return read_payments_json(text) if path.suffix.lower() == ".json" else read_payments_csv(text)


def compare(current: Tariff, proposed: Tariff, contracts, history, *, trace: bool = True,
            keep_lines: bool = True, include_fees: bool = True):
    """Prices ``history`` under both tariffs, as billing would, and reports the difference in
    total, per client, per item and per month, with every changed line (docs/compare.md)."""
    return _tariff._compare(current, proposed, contracts, history, trace, keep_lines,
                            include_fees)


def payouts(tariff: Tariff, contracts, work, period, *, rates: str = ""):
    """What each performer is owed for ``period`` (a Period, or the first day of a month):
    payable for the work the client accepted in it, pending for the rest, at each item's cost
    price or, with ``rates``, the prices of that price list (docs/statement.md, Payouts).
    Returns ``(payouts, not_paid)``: one Payout per performer, and the lines that could not be
    paid (rejected by the tariff, or with no rate) as PricedLine."""
    return _tariff._payouts(tariff, contracts, work, period, rates)


def staff_pays(tariff: Tariff, contracts, work, period, *, pay: Optional[str] = None):
    """What each employee earned for ``period`` (a Period, or the first day of a month) under the
    tariff's ``pay`` rules: each work line dated in the period is priced on its own and paid by
    the first rule of the block whose items and condition fit it (include/tariff/staff_pay.hpp).
    ``pay`` names the pay block (None: the tariff's only one; ValueError if there is not exactly
    one, or no block of that name). Returns ``(pays, not_paid)``: one StaffPay per employee, by
    name, and the lines that earn nothing because the tariff rejects them or a rule cannot be
    evaluated, as PricedLine with their reasons."""
    return _tariff._staff_pays(tariff, contracts, work, period, pay or "")


def _tariff_compare(self: Tariff, proposed: Tariff, contracts, history, **options):
    return compare(self, proposed, contracts, history, **options)


_tariff_compare.__doc__ = compare.__doc__
Tariff.compare = _tariff_compare  # type: ignore[attr-defined]
Tariff.payouts = payouts  # type: ignore[attr-defined]
Tariff.staff_pays = staff_pays  # type: ignore[attr-defined]
Tariff.price_table = price_table  # type: ignore[attr-defined]
