"""Tables priced in one call (Tariff.price_table): the money modes, the input forms, the errors,
and agreement with pricing line by line."""

import datetime
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import tariff

UTC = datetime.timezone.utc


@pytest.fixture(scope="module")
def night_tables(examples):
    folder = examples / "04-night-work"
    return (tariff.compile(folder / "tariff.tariff"), tariff.read_table(folder / "contracts.csv"),
            tariff.read_table(folder / "work.csv"))


COLUMNS = ["id", "request", "contract", "item", "kind", "date", "status", "reason", "message",
           "price_list", "measured", "billed", "amount", "cost", "margin", "parts"]


def test_the_three_money_modes(night_tables):
    t, contracts, work = night_tables
    as_decimal = t.price_table(contracts, work)
    as_text = t.price_table(contracts, work, money="str")
    as_minor = t.price_table(contracts, work, money="minor")
    assert list(as_decimal.columns) == COLUMNS
    j1 = as_decimal.iloc[0]
    assert (j1.id, j1.status, j1.amount, j1.cost, j1.margin) == (
        "J1", "priced", Decimal("12500.00"), Decimal("4900.00"), Decimal("7600.00"))
    assert isinstance(j1.amount, Decimal) and str(j1.amount) == "12500.00"
    assert (as_text.amount[0], as_text.amount[1]) == ("12500.00", "15416.67")
    assert (as_minor.amount[0], as_minor.amount[1]) == (1250000, 1541667)
    assert str(as_minor.amount.dtype) == "Int64" and as_minor.attrs["minor_scale"] == 2
    assert (j1.measured, j1.billed, j1.price_list, j1.parts) == ("3h30min", "3h30min", "retail", 2)
    assert j1.date == pd.Timestamp("2026-03-10")
    assert list(as_decimal.kind.cat.categories) == ["billable", "internal", "warranty", "bug_fix",
                                                    "company_cost"]


def test_the_table_gives_what_pricing_line_by_line_gives(night, night_tables):
    t, contracts, work = night
    lines = t.price(contracts, work, trace=False)
    table = t.price_table(contracts, night_tables[2], money="decimal")
    assert list(table.amount) == [l.amount for l in lines]
    assert list(table.cost) == [l.cost for l in lines]
    assert list(table.billed) == [str(l.billed) for l in lines]


def test_the_index_is_kept(night_tables):
    t, contracts, work = night_tables
    indexed = work.set_index(pd.Index([f"row{i}" for i in range(len(work))]))
    out = t.price_table(contracts, indexed, money="str")
    assert list(out.index) == list(indexed.index)
    assert out.loc["row0", "amount"] == "12500.00"
    repeated = work.set_index(pd.Index([0, 0] + list(range(1, len(work) - 1))))  # a label twice
    again = t.price_table(contracts, repeated, money="str")
    assert list(again.index) == list(repeated.index)
    assert list(again.amount) == list(out.amount) and list(again.id) == list(work.id)


def test_a_dict_of_python_values():
    t = tariff.compile('tariff "S" currency RUB\nrounding line 0.01 half_up\n'
                       'pricelist retail {\n  item visit "Visit" per visit price 1800.00 cost 900.00\n'
                       '  item repair "Repair" per hour price 2500.00 cost 1400.00\n}\n')
    contracts = [tariff.Contract("C-1", "K-1", "2026-01-01", "2026-12-31", pricelist="retail")]
    start = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    work = {
        "id": ["A", "B", "C", "D"],
        "contract": ["C-1", "C-1", "C-1", "C-2"],
        "item": ["visit", "repair", "visit", "visit"],
        "start": [start, "2026-03-02T10:00:00+03:00", start, start],
        "end": [None, "2026-03-02T10:25:00+03:00", None, None],
        "quantity": [Decimal("2"), None, 3, "1"],
    }
    out = t.price_table(contracts, work, money="minor")
    assert isinstance(out, dict) and list(out) == COLUMNS
    assert list(out["id"]) == ["A", "B", "C", "D"]
    assert list(out["amount"].filled(-1)) == [360000, 104167, 540000, -1]  # D: masked
    assert list(out["status"]) == ["priced", "priced", "priced", "rejected"]
    assert out["reason"][3] == "unknown_contract" and out["reason"][0] is None
    assert out["message"][3].startswith("line D: ")
    assert list(out["billed"]) == ["2", "25min", "3", None]
    text = t.price_table(contracts, work, money="str")
    assert list(text["amount"]) == ["3600.00", "1041.67", "5400.00", None]


VISITS = ('tariff "S" currency RUB\nrounding line 0.01 half_up\npricelist retail {\n'
          '  item visit "Visit" per visit price 1800.00 cost 900.00\n}\n')


def test_text_beyond_ascii_is_read_as_utf8():
    t = tariff.compile(VISITS + 'attribute site.region : string default "Юг"\n'
                       'rule north when site.region = "Север" : price * 150%\n')
    contracts = [tariff.Contract("Д-1", "К-1", "2026-01-01", "2026-12-31", pricelist="retail")]
    work = pd.DataFrame({
        "id": ["Заявка-1", "A-2", "Заявка-3"],
        "contract": ["Д-1", "Д-1", "Д-2"],
        "item": ["visit"] * 3,
        "start": ["2026-03-02T10:00:00+03:00"] * 3,
        "quantity": ["1"] * 3,
        "site.region": ["Север", "Юг", "Север"],
    })
    out = t.price_table(contracts, work, money="minor")
    assert list(out.amount.fillna(-1)) == [270000, 180000, -1]
    assert out.contract[0] == "Д-1" and out.id[0] == "Заявка-1"
    assert out.message[2].startswith("line Заявка-3: ")


def test_the_date_column(night_tables):
    t, contracts, work = night_tables
    assert str(t.price_table(contracts, work).date.dtype) == "datetime64[ns]"
    assert str(t.price_table(contracts, dict(work), money="str")["date"].dtype) == "datetime64[D]"
    # A date beyond what nanoseconds hold (2262-04-11): datetime.date objects, None for no date.
    far = tariff.compile(VISITS)
    deals = [tariff.Contract("C-1", "K-1", "2026-01-01", "2400-12-31", pricelist="retail")]
    lines = pd.DataFrame({"id": ["A", "B", "C"], "contract": ["C-1", "C-1", "C-404"],
                          "item": ["visit"] * 3, "quantity": ["1"] * 3,
                          "start": ["2300-03-02T10:00:00Z", "2026-03-02T10:00:00Z",
                                    "2026-03-02T10:00:00Z"]})
    out = far.price_table(deals, lines, money="minor")
    assert out.date.dtype == object
    assert list(out.date) == [datetime.date(2300, 3, 2), datetime.date(2026, 3, 2), None]
    assert list(out.amount.fillna(-1)) == [180000, 180000, -1]
    assert list(far.price_table(deals, dict(lines), money="str")["date"].astype(str)) == [
        "2300-03-02", "2026-03-02", "NaT"]


def test_text_columns_share_one_object_per_value_across_chunks():
    t = tariff.compile(VISITS)
    deals = [tariff.Contract("C-1", "K-1", "2026-01-01", "2026-12-31", pricelist="retail")]
    n = 10_000  # three chunks of 4 096 rows, each priced in batches of 256
    lines = pd.DataFrame({"id": [f"L{i}" for i in range(n)],
                          "contract": ["C-404" if i % 7 == 3 else "C-1" for i in range(n)],
                          "item": ["visit"] * n, "quantity": [str(1 + i % 3) for i in range(n)],
                          "start": ["2026-03-02T10:00:00Z"] * n})
    out = t.price_table(deals, lines, money="minor")
    rejected = [i % 7 == 3 for i in range(n)]
    assert list(out.status == "rejected") == rejected
    assert list(out.reason) == ["unknown_contract" if r else None for r in rejected]
    assert list(out.measured) == [None if r else str(1 + i % 3) for i, r in enumerate(rejected)]
    assert list(out.price_list) == [None if r else "retail" for r in rejected]
    assert list(out.amount.fillna(-1)) == [-1 if r else 180000 * (1 + i % 3)
                                           for i, r in enumerate(rejected)]
    # One object per value, whichever chunk a cell is in.
    for column in ("reason", "price_list", "measured", "billed"):
        values = out[column].dropna()
        assert len({id(cell) for cell in values}) == values.nunique(), column
    assert str(out.date.dtype) == "datetime64[ns]" and out.status.dtype == "category"


def test_timezone_aware_datetime_columns(night_tables):
    t, contracts, work = night_tables
    typed = work.copy()
    for column in ("start", "end"):
        typed[column] = pd.to_datetime(typed[column].replace("", None), utc=True).dt.tz_convert(
            "Asia/Yekaterinburg")
    assert list(t.price_table(contracts, typed, money="str").amount) == list(
        t.price_table(contracts, work, money="str").amount)
    naive = typed.copy()
    naive["start"] = naive["start"].dt.tz_localize(None)
    with pytest.raises(TypeError, match="naive timestamps"):
        t.price_table(contracts, naive)


def test_a_float_column_of_whole_numbers_and_nan_reads_as_those_numbers(examples, tmp_path):
    """pandas' read_csv makes a quantity column with gaps float64 (2 becomes 2.0, an empty cell
    NaN): whole numbers lose nothing, so they are read, and NaN is no value."""
    folder = examples / "03-subscription"
    sub = tariff.compile(folder / "tariff.tariff")
    contracts = tariff.read_table(folder / "contracts.csv")
    text = (folder / "work.csv").read_text() + (
        "H1,R-301,C-1,engineer_visit,2026-03-05T10:00:00+03:00,2026-03-05T11:00:00+03:00,,,\n")
    (tmp_path / "work.csv").write_text(text)
    plain = pd.read_csv(tmp_path / "work.csv")
    assert plain["quantity"].dtype == np.float64 and plain["quantity"].isna().sum() == 1
    assert plain["kind"].dtype == np.float64 and plain["kind"].isna().all()
    exact = sub.price_table(contracts, tariff.read_table(tmp_path / "work.csv"))
    out = sub.price_table(contracts, plain)
    assert list(out.amount) == list(exact.amount)
    assert list(out.amount[:4]) == [Decimal("1800.00"), Decimal("1800.00"), Decimal("6400.00"),
                                    Decimal("1800.00")]
    assert list(out.measured) == list(exact.measured)
    assert out.measured[2] == "2" and out.status[8] == exact.status[8]
    # A float column with no values at all (an empty column read by pandas) is no column.
    exact_text = tariff.read_table(folder / "work.csv")
    exact_text["performer"] = np.nan
    assert sub.price_table(contracts, exact_text, money="str").amount[0] == "1800.00"


def test_a_fractional_float_is_refused_with_its_row_and_column(examples, tmp_path):
    folder = examples / "03-subscription"
    sub = tariff.compile(folder / "tariff.tariff")
    text = (folder / "work.csv").read_text().replace("cartridge,2026-03-10T14:40:00+03:00,,2,",
                                                     "cartridge,2026-03-10T14:40:00+03:00,,1.50,")
    (tmp_path / "work.csv").write_text(text)
    plain = pd.read_csv(tmp_path / "work.csv")  # pandas reads 1.50 as the float 1.5
    assert plain["quantity"].dtype.kind == "f"
    with pytest.raises(tariff.TariffError) as raised:
        sub.price_table(tariff.read_table(folder / "contracts.csv"), plain)
    found = [(e.row, e.id, e.column) for e in raised.value.input_errors]
    assert found == [(2, "M1", "quantity")]
    assert raised.value.input_errors[0].message.startswith(
        "the float 1.5 is refused: a float column is read only when its numbers are whole")
    # Also in an object column (a Python float among text), and in a text column.
    mixed = {"id": ["A", "B"], "contract": ["C-1", "C-1"], "item": ["cartridge"] * 2,
             "start": ["2026-03-10T14:40:00+03:00"] * 2, "quantity": [2.0, 0.1],
             "request": np.array([101.0, 2.5])}
    with pytest.raises(tariff.TariffError) as raised:
        sub.price_table(tariff.read_table(folder / "contracts.csv"), mixed)
    found = [(e.row, e.column, e.message.split(" is refused")[0]) for e in
             raised.value.input_errors]
    assert found == [(1, "request", "the float 2.5")]
    mixed["request"] = np.array([101.0, np.nan])
    with pytest.raises(tariff.TariffError) as raised:
        sub.price_table(tariff.read_table(folder / "contracts.csv"), mixed)
    found = [(e.row, e.column, e.message.split(" is refused")[0]) for e in
             raised.value.input_errors]
    assert found == [(1, "quantity", "the float 0.1")]


def test_reason_and_message_are_none_on_priced_lines(night_tables, night):
    t, contracts, work = night_tables
    bad = work.copy()
    bad.loc[0, "contract"] = "C-404"
    out = t.price_table(contracts, bad)
    assert (out.reason[0], out.message[0][:8]) == ("unknown_contract", "line J1:")
    assert out.reason[1] is None and out.message[1] is None
    assert out.reason.isna().tolist() == out.message.isna().tolist() == [False] + [True] * 7
    line = t.price(night[1], night[2])[0]
    assert (line.ok, line.reason, line.message) == (True, None, None)
    assert (line.to_dict()["reason"], line.to_dict()["message"]) == (None, None)


def test_rows_that_do_not_read_are_reported_and_nothing_is_priced(night_tables):
    t, contracts, work = night_tables
    bad = work.copy()
    bad.loc[1, "start"] = "2026-03-10 20:10"
    bad.loc[3, "kind"] = "overtime"
    bad.loc[4, "end"] = ""
    with pytest.raises(tariff.TariffError) as raised:
        t.price_table(contracts, bad)
    found = [(e.row, e.id, e.column, e.message) for e in raised.value.input_errors]
    assert found == [
        (1, "J2", "start", "'2026-03-10 20:10' is not a timestamp with an offset, like "
                           "2026-03-29T01:30:00+03:00 or 2026-03-28T22:30Z"),
        (3, "J4", "kind", "'overtime' is not a work kind (billable, internal, warranty, bug_fix, "
                          "company_cost)"),
        (4, "J5", "", "a line needs either an end time or a quantity"),
    ]
    assert str(raised.value).startswith("3 rows of work did not read:\n  row 1 (id J2), column 'start'")


def test_columns_not_of_the_format_are_refused(night_tables):
    t, contracts, work = night_tables
    with pytest.raises(tariff.TariffError, match="unknown column 'quantiy'"):
        t.price_table(contracts, work.rename(columns={"quantity": "quantiy"}))
    with pytest.raises(tariff.TariffError, match="the required column 'start' is missing"):
        t.price_table(contracts, work.drop(columns=["start"]))
    with pytest.raises(ValueError, match="money must be"):
        t.price_table(contracts, work, money="float")


def test_minor_units_refuse_what_they_cannot_hold():
    # No rounding declared: 25 minutes at 10.00 an hour is 4.1666... kept exact to the scale the
    # engine computes, which minor units of a cent cannot hold.
    t = tariff.compile('tariff "S" currency KWD\npricelist retail {\n'
                       '  item fix "Fix" per visit price 10.125 cost 1.000\n}\n')
    contracts = [tariff.Contract("C-1", "K-1", "2026-01-01", "2026-12-31", pricelist="retail")]
    work = pd.DataFrame({"id": ["A"], "contract": ["C-1"], "item": ["fix"],
                         "start": ["2026-03-02T09:00Z"], "quantity": ["1"]})
    assert tariff.minor_units("KWD") == 3 and tariff.minor_units("JPY") == 0
    assert t.price_table(contracts, work, money="minor").amount[0] == 10125
    with pytest.raises(ValueError, match=r"line A: amount 10.125 has more decimals than the "
                                         r"minor unit \(scale 2\)"):
        t.price_table(contracts, work, money="minor", minor_scale=2)
    assert t.price_table(contracts, work, money="minor", minor_scale=4).amount[0] == 101250


def test_threads_and_chunks_give_the_same_table(night_tables):
    t, contracts, work = night_tables
    many = pd.concat([work] * 4000, ignore_index=True)  # 36 000 lines: several chunks
    many["id"] = [f"L{i}" for i in range(len(many))]
    one = t.price_table(contracts, many, money="minor")
    two = t.price_table(contracts, many, money="minor", threads=2)
    assert one.equals(two)
    assert one.amount.sum() == 4000 * work.pipe(
        lambda w: t.price_table(contracts, w, money="minor")).amount.sum()


def test_an_empty_table(night_tables):
    t, contracts, work = night_tables
    out = t.price_table(contracts, work.iloc[:0], money="minor")
    assert list(out.columns) == COLUMNS and len(out) == 0


def test_contracts_from_a_table():
    table = pd.DataFrame({"id": ["C-1"], "client": ["K-1"], "start": [datetime.date(2026, 1, 1)],
                          "end": ["2026-12-31"], "contract.workstations": [40],
                          "amendments": ["2026-03-16: contract.workstations=50"]})
    [c] = tariff.contracts_from_table(table)
    assert (c.id, c.start, c.attributes) == ("C-1", datetime.date(2026, 1, 1),
                                            {"workstations": "40"})
    assert c.amendments[0].attributes == {"workstations": "50"}
