"""tariff: an exact-decimal billing rules engine, from Python.

    import tariff
    t = tariff.compile(pathlib.Path("facilities.tariff"))
    priced = t.price(contracts, work)                 # PricedLine objects, with traces
    table = t.price_table(contracts, work_frame, money="str")   # a DataFrame, in one call

Money goes in and comes out as decimal.Decimal (or, in tables, as exact text or integer minor
units), never as float. Instants are timezone-aware datetimes. docs/python.md is the guide.
"""

from __future__ import annotations

import errno
import os
import pathlib
from typing import Optional, Union

from . import _tariff
from ._billing import BillingRun, bill_table
from ._currency import minor_units
from ._frames import comparison_to_frame, statement_to_frame
from ._optional import MissingDependency
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
    FixIt,
    InputError,
    IssuedStatement,
    ItemQuantity,
    Period,
    PlanDays,
    Payment,
    PrepaidFee,
    PrepaidReport,
    PricedLine,
    PricedPart,
    Reversal,
    Statement,
    Tariff,
    Cancelled,
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
from ._tariff import VerifyDifference, VerifyResult, tzdata_version

__all__ = [
    "Alert", "AllowanceReport", "AllowanceUse", "Amendment", "BilledFee", "BilledLine",
    "BillingRun", "BillingState", "Change", "Comparison", "Contract", "CreditedPayment",
    "Diagnostic", "FeeLine", "FixIt", "InputError", "IssuedStatement", "ItemQuantity", "LineChange",
    "MissingDependency", "Payment", "Payout", "PayoutLine", "Period", "PlanDays", "PortfolioRow",
    "PrepaidFee",
    "PrepaidReport", "PricedLine", "PricedPart", "Reversal", "StaffPay", "StaffPayLine",
    "Statement", "Tariff", "TariffError", "Cancelled", "TaxLine", "TraceStep",
    "VerifyDifference", "VerifyResult", "Volume", "WorkLine",
    "__version__", "bill_table", "check", "compare", "compile", "contracts_from_table",
    "expiring_contracts", "load", "load_contracts", "load_payments", "load_work", "minor_units",
    "payouts", "price_table", "read_contracts_csv", "read_contracts_json", "read_payments_csv",
    "read_payments_json", "read_table", "read_work_csv", "read_work_json", "staff_pays",
    "summarize", "write_contracts_csv", "write_payments_csv", "write_payments_json",
    "tzdata_version", "verify", "write_staff_pay_csv", "write_staff_pay_text", "write_work_csv",
]

Source = Union[str, "os.PathLike[str]"]


def _read_source(path: "os.PathLike[str]") -> str:
    try:
        return pathlib.Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(errno.ENOENT, "no such file", os.fspath(path)) from None
    except IsADirectoryError:
        raise IsADirectoryError(errno.EISDIR, "is a directory, not a tariff file",
                                os.fspath(path)) from None


def _source_and_file(source: Source, file: Optional[str]) -> tuple[str, str]:
    # A str is always the source text (a path that is mistyped would otherwise be compiled as
    # source, or a file that happens to exist read instead of the text); a path object is a file.
    if isinstance(source, os.PathLike):
        return _read_source(source), file if file is not None else os.fspath(source)
    if not isinstance(source, str):
        raise TypeError(f"expected the tariff source (str) or a path (pathlib.Path), not "
                        f"{type(source).__name__}")
    return source, file if file is not None else "<input>"


def _path_hint(text: str) -> Optional[str]:
    """What to say when source text that does not compile looks like a file's name."""
    name = text.strip()
    if "\n" in name or not name or len(name) > 4096:
        return None
    if os.path.isfile(name):
        return (f"hint: the text is the name of the file {name!r}; a str is always tariff source: "
                f"to compile the file, pass pathlib.Path({name!r}) or use tariff.load({name!r})")
    if name.endswith(".tariff"):
        return (f"hint: the text looks like a file name, but a str is always tariff source; to "
                f"read a file pass pathlib.Path or use tariff.load (no such file: {name!r})")
    return None


def compile(source: Union[Source, "list[Source]"], *,  # noqa: A001
            file: Optional[str] = None, timeout: Optional[float] = None) -> Tariff:
    """Compiles a tariff from its source text (a str, always) or from a file (a pathlib.Path or
    another os.PathLike; tariff.load(path) takes a str path too).

    A list (or tuple) of sources or paths is the versions of one tariff (docs/design.md,
    decision 12), compiled into one: each line is priced by the version in force on its date.

    ``file`` names it in diagnostics and traces (default: the path, or "<input>"). Raises
    TariffError with ``.diagnostics`` (file, line, column, message) when the tariff has errors
    (when the text is the name of a file, the message adds that hint); FileNotFoundError ("no
    such file") for a path that names none. Warnings are in ``Tariff.warnings``. ``timeout``:
    seconds (None: none); past it raises tariff.Cancelled (a TimeoutError) and returns nothing;
    Ctrl-C stops it too.
    """
    if isinstance(source, (list, tuple)):
        if file is not None:
            raise TypeError("file= names one source; the versions' names are their paths")
        return _tariff._compile_versions(
            [_source_and_file(s, None if isinstance(s, os.PathLike) else f"<input {i + 1}>")
             for i, s in enumerate(source)], timeout)
    text, name = _source_and_file(source, file)
    try:
        return _tariff._compile(text, name, timeout)
    except TariffError as e:
        hint = _path_hint(text) if not isinstance(source, os.PathLike) else None
        if hint is not None:
            e.args = (f"{e.args[0]}\n{hint}",) + e.args[1:]
        raise


def load(path: Union[str, "os.PathLike[str]"], *, file: Optional[str] = None) -> Tariff:
    """Compiles the tariff in the file ``path`` (a str or a path), read as UTF-8.
    FileNotFoundError ("no such file", naming the path) when there is none. A directory: its
    .tariff files, in name order, are the versions of one tariff (docs/design.md, decision 12)."""
    if pathlib.Path(path).is_dir():
        files = sorted(pathlib.Path(path).glob("*.tariff"))
        if not files:
            raise IsADirectoryError(f"{path} is a directory holding no .tariff file")
        return compile(files)
    return compile(pathlib.Path(path), file=file)


def check(source: Source, *, file: Optional[str] = None) -> list[Diagnostic]:
    """Every error and warning of a tariff (source text, or a pathlib.Path), in source order;
    [] for a clean tariff."""
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
            keep_lines: bool = True, include_fees: bool = True,
            timeout: Optional[float] = None):
    """Prices ``history`` under both tariffs, as billing would, and reports the difference in
    total, per client, per item and per month, with every changed line (docs/compare.md).
    timeout: seconds (None: none); past it raises tariff.Cancelled, a TimeoutError, counting
    the lines priced of twice the history; Ctrl-C stops it too."""
    return _tariff._compare(current, proposed, contracts, history, trace, keep_lines,
                            include_fees, timeout)


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
Tariff.bill_table = bill_table  # type: ignore[attr-defined]
Statement.to_frame = statement_to_frame  # type: ignore[attr-defined]
Comparison.to_frame = comparison_to_frame  # type: ignore[attr-defined]


def verify(statement: Union[str, "os.PathLike[str]"],
           tariff_dir: Union[str, "os.PathLike[str]"]) -> VerifyResult:
    """Bills a past statement again from the inputs it records, under the tariff file in
    `tariff_dir` (subfolders too) whose SHA-256 is its `tariff_hash`, and compares every figure
    (docs/python.md, "Checking a past statement"). `statement` is the JSON text of a statement or
    an array of them (Statement.to_json(inputs=True), `tariff bill -f json`), or a path to a file
    holding it. The result's `identical` is true when every figure is the same; `missing_hashes`
    names tariffs the archive lacks; `differences` lists each figure that differs with both
    lines explained. ValueError for a statement that cannot be verified (no inputs, not JSON)."""
    if isinstance(statement, str) and statement.lstrip()[:1] in ("{", "["):
        text = statement
    else:
        text = _read_source(statement)
    return _tariff._verify(text, os.fspath(tariff_dir))
