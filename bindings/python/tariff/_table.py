"""Tables of work priced in one call: Tariff.price_table, and reading tables exactly.

The columns are those of the work format (docs/formats.md, "Work lines"): id, request, contract,
item, start, end, quantity, kind, performer, accepted, accepted_on, site, time_zone, and
attribute columns site.NAME and work.NAME. This module turns a pandas DataFrame or a dict of
sequences into one NumPy array per column; the extension reads them row by row into work lines,
prices them with the GIL released, and returns NumPy columns that are assembled here.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import io
import math
from typing import Any, Mapping, Optional

from . import _tariff
from ._currency import minor_units
from ._optional import require

try:  # pandas is optional: without it, tables are dicts of sequences
    import pandas as _pd
except ImportError:  # pragma: no cover - Debian's python3-pandas is installed for the tests
    _pd = None

MONEY_MODES = ("decimal", "str", "minor")
_KINDS = _tariff._kind_names()
_STATUSES = ["priced", "rejected"]


def _np():
    import numpy

    return numpy


def read_table(path, **options):
    """A CSV file as a DataFrame of text, exactly: every column as str, empty cells as "".

    pandas would otherwise read a quantity column as float64 (1.50 becoming 1.5, 0.1 becoming
    0.1000000000000000055...), which price_table refuses.
    """
    pd = require("pandas", "tariff.read_table")
    return pd.read_csv(path, dtype=str, keep_default_na=False, **options)


def _is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (
        _pd is not None and (value is _pd.NA or value is _pd.NaT)
    )


def _array(name: str, values):
    """The column as a contiguous 1-D NumPy array the extension reads; None if it has no values."""
    np = _np()
    if _pd is not None and isinstance(values, (_pd.Series, _pd.Index)):
        dtype = values.dtype
        if isinstance(dtype, _pd.DatetimeTZDtype):
            # A tz-aware column holds UTC instants: read in place, not converted into new arrays
            # (fresh memory is the costly part of a large table).
            utc = values.array.asi8.view(f"datetime64[{getattr(dtype, 'unit', 'ns')}]")
            return np.ascontiguousarray(utc.astype("datetime64[ns]", copy=False))
        if getattr(dtype, "kind", None) == "M":
            raise TypeError(
                f"column {name!r} holds naive timestamps, which name no instant: localize it "
                "(series.dt.tz_localize('Europe/Moscow')) or give ISO text with an offset"
            )
        if _pd.api.types.is_extension_array_dtype(dtype):
            return np.ascontiguousarray(values.to_numpy(dtype=object, na_value=None))
        values = values.to_numpy()
    if not isinstance(values, np.ndarray):
        values = np.array(list(values), dtype=object)
    if values.ndim != 1:
        raise ValueError(f"column {name!r} is not one-dimensional")
    kind = values.dtype.kind
    if kind == "f":  # whole numbers and NaN are read, fractions refused, in C++ (table_reader)
        return np.ascontiguousarray(values, dtype=np.float64)
    if kind in "iu":
        return np.ascontiguousarray(values, dtype=np.int64)
    if kind == "b":
        return np.ascontiguousarray(values, dtype=bool)
    if kind == "M":
        raise TypeError(
            f"column {name!r}: NumPy datetime64 carries no zone; give aware datetimes, ISO text "
            "with an offset, or a tz-aware pandas column"
        )
    if kind in "US":
        return values.astype(object)
    return np.ascontiguousarray(values, dtype=object)


def _columns(work) -> tuple[dict, int, Any]:
    if _pd is not None and isinstance(work, _pd.DataFrame):
        names, index = list(work.columns), work.index
        get = work.__getitem__
    elif isinstance(work, Mapping):
        names, index = list(work.keys()), None
        get = work.__getitem__
    else:
        raise TypeError(
            "expected a pandas DataFrame or a dict of columns for the work table; for WorkLine "
            "objects use Tariff.price"
        )
    columns, rows = {}, None
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"column names must be str, not {name!r}")
        array = _array(name, get(name))
        length = len(get(name))
        if rows is None:
            rows = length
        elif length != rows:
            raise ValueError(f"column {name!r} has {length} rows; the others have {rows}")
        if array is not None:
            columns[name] = array
    return columns, rows or 0, index


def _dates(raw, frame: bool):
    """Local dates: datetime64[D] in a dict; in a frame, pandas' datetime64[ns], which the
    extension gives in place of days when every date fits nanoseconds (about 1677-09-22 to
    2262-04-11), or else datetime.date objects (None for NaT), as pandas would refuse them.
    """
    dates = raw["date"].view(f"datetime64[{raw['date_unit']}]")
    if frame and raw["date_unit"] == "D":
        return dates.astype(object)
    return dates


def _contract_cell(name: str, value) -> str:
    if _is_missing(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        raise TypeError(f"contracts column {name!r} holds a float ({value!r}); give text")
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, datetime.datetime):
        raise TypeError(f"contracts column {name!r} holds a datetime; give dates")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if _pd is not None and isinstance(value, _pd.Timestamp):
        raise TypeError(f"contracts column {name!r} holds a Timestamp; give dates")
    return str(value)


def contracts_from_table(table) -> list:
    """Contracts from a DataFrame or a dict of columns with the contract format's columns
    (id, client, plan, pricelist, status, start, end, client_since, amendments, contract.NAME,
    client.NAME), read by the engine's own reader: the same checks and messages as a CSV file."""
    if _pd is not None and isinstance(table, _pd.DataFrame):
        names = [str(c) for c in table.columns]
        rows = table.itertuples(index=False, name=None)
    elif isinstance(table, Mapping):
        names = [str(c) for c in table.keys()]
        rows = zip(*(list(v) for v in table.values()))
    else:
        raise TypeError("expected a DataFrame or a dict of columns of contracts")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_contract_cell(n, v) for n, v in zip(names, row)])
    return _tariff.read_contracts_csv(out.getvalue())


def _contracts(contracts) -> list:
    if isinstance(contracts, _tariff.Contract):
        return [contracts]
    if (_pd is not None and isinstance(contracts, _pd.DataFrame)) or isinstance(contracts, Mapping):
        return contracts_from_table(contracts)
    return list(contracts)


def price_table(self, contracts, work, *, money: str = "decimal",
                minor_scale: Optional[int] = None, threads: int = 1,
                timeout: Optional[float] = None):
    """Prices a table of work lines in one call (the GIL released while the engine prices).

    contracts: Contract objects, or a table of them (see contracts_from_table).
    work: a pandas DataFrame, or a dict of sequences, with the work format's columns. Instants
    are ISO text with an offset, aware datetimes, or a tz-aware datetime64 column; quantities
    Decimal, int or text (a float column is read when its numbers are whole; NaN is no value).
    money: "decimal" (decimal.Decimal objects), "str" (exact text with the engine's scale,
    "7500.00") or "minor" (integers: the amount x 10**minor_scale; a figure with more decimals
    than that raises ValueError instead of being rounded).
    minor_scale: for money="minor"; default the currency's ISO 4217 minor unit (2 for RUB).
    threads: price on this many threads (each line is priced on its own, so the result is the
    same).
    timeout: seconds (None: none); past it raises tariff.Cancelled (a TimeoutError) and returns
    nothing. Ctrl-C stops it too.

    Returns a DataFrame (same index as ``work``) when ``work`` is a DataFrame, else a dict of
    NumPy arrays, with one row per work line in order: id, request, contract, item, kind, date,
    status ("priced" or "rejected"), reason, message, price_list, measured, billed, amount, cost,
    margin, parts. Money of a rejected line is missing (None, or masked for "minor"); reason and
    message of a priced line are None. Raises
    TariffError with .input_errors when rows do not read; then nothing is priced.
    """
    np = _np()
    if money not in MONEY_MODES:
        raise ValueError(f"money must be one of {MONEY_MODES}, not {money!r}")
    if minor_scale is None:
        minor_scale = minor_units(self.currency)
    if not isinstance(minor_scale, int) or isinstance(minor_scale, bool) or minor_scale < 0:
        raise ValueError("minor_scale must be an int >= 0")
    deals = _contracts(contracts)
    columns, rows, index = _columns(work)
    missing = (_pd.NA, _pd.NaT) if _pd is not None else ()
    frame = _pd is not None and isinstance(work, _pd.DataFrame)
    raw = _tariff._price_columns(self, deals, rows, columns, missing, money, minor_scale, False,
                                 int(threads), timeout, dates_in_ns=frame)

    def text_of(codes, names):  # codes into names; -1 is None
        lookup = np.array(list(names) + [None], dtype=object)
        return lookup[codes]

    def given(name):  # an input column passed through, or "" when the table has none
        if name in work:
            values = work[name]
            return values.to_numpy() if frame else np.asarray(values, dtype=object)
        return np.full(rows, "", dtype=object)

    out = {name: given(name) for name in ("id", "request", "contract", "item")}
    if frame:
        out["kind"] = _pd.Categorical.from_codes(raw["kind"], categories=_KINDS)
    else:
        out["kind"] = text_of(raw["kind"], _KINDS)
    out["date"] = _dates(raw, frame)
    if frame:
        out["status"] = _pd.Categorical.from_codes(raw["status"], categories=_STATUSES)
    else:
        out["status"] = text_of(raw["status"], _STATUSES)
    # Object columns, so that a priced line's reason and message are both None, as on PricedLine
    # (a categorical column would show NaN for one and None for the other).
    for name in ("reason", "message", "price_list", "measured", "billed"):
        out[name] = raw[name]
    for name in ("amount", "cost", "margin"):
        values = raw[name]
        if money == "minor":
            rejected = raw["status"] == 1  # a mask of its own: pandas may change it in place
            values = (_pd.arrays.IntegerArray(values, rejected) if frame
                      else np.ma.MaskedArray(values, mask=rejected))
        out[name] = values
    out["parts"] = raw["parts"]
    if frame:
        # Object columns as Series of dtype object: given bare, pandas would scan each (a column
        # of None to its end) for datetimes to convert.
        for name, values in out.items():
            if isinstance(values, np.ndarray) and values.dtype == object:
                out[name] = _pd.Series(values, index=index, dtype=object, copy=False)
        result = _pd.DataFrame(out, index=index, copy=False)
        result.attrs["minor_scale"] = minor_scale if money == "minor" else None
        return result
    return out
