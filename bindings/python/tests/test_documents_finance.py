"""Documents a finance team would send (issue 27): items in the units the tariff bills them in,
one language without details, English headings, narrow columns, the seller's logo, invoice
numbers from a locked counter (credit notes apart). Every document is rendered and read back
(pdftotext) with its exact figures, as test_documents.py does.
"""

import argparse
import csv
import dataclasses
import datetime
import io
import json
import re
import struct
import subprocess
import threading
import types
import zlib
from decimal import Decimal

import pytest

import tariff
from tariff import documents
from tariff.documents import cli, numbering
from tariff.documents.catalogue import tariff_items, unit_name, with_tariff


def pdftotext(path, *mode):
    return subprocess.run(["pdftotext", *mode, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def flow(path):
    return " ".join(pdftotext(path, "-raw").split())


@pytest.fixture(scope="module")
def facilities(examples):
    return tariff.compile(examples / "tariffs" / "facilities.tariff")


@pytest.fixture(scope="module")
def march(examples, facilities):
    contract = next(c for c in tariff.load_contracts(examples / "work" /
                                                     "facilities-contracts.csv")
                    if c.id == "C-100")
    work = [w for w in tariff.load_work(examples / "work" / "facilities-work.csv")
            if w.contract == "C-100"]
    return facilities.bill(contract, datetime.date(2026, 3, 1), work)


@pytest.fixture(scope="module")
def details_en(examples):
    return documents.load_details(examples / "documents" / "parties-en.json")


def args_for(examples, command, output, parties, *extra):
    return [command, "-t", str(examples / "tariffs" / "facilities.tariff"),
            "-c", str(examples / "work" / "facilities-contracts.csv"),
            "-w", str(examples / "work" / "facilities-work.csv"), "--period", "2026-03",
            *(["-p", str(parties)] if parties else []), "-o", str(output), *extra]


# Items as the tariff declares them ---------------------------------------------------------------


def test_the_tariffs_items_give_titles_and_units(facilities):
    assert tariff_items(facilities, "en") == {
        "hvac_repair": documents.ItemInfo(title="HVAC repair", unit=""),  # time: shown as hours
        "visit": documents.ItemInfo(title="Engineer visit", unit="visit"),
        "cartridge": documents.ItemInfo(title="Cartridge", unit="pcs")}
    assert [i.unit for i in tariff_items(facilities, "ru").values()] == ["", "выезд", "шт."]
    assert (unit_name("m2", "ru"), unit_name("kg", "en"), unit_name("day", "en")) == ("м²", "kg",
                                                                                      "")


def test_comments_and_strings_do_not_make_items():
    t = tariff.compile('tariff "T" currency RUB\n'
                       '# item ghost "Ghost" per piece price 1.00\n'
                       'pricelist base {\n'
                       '  item visit "Visit # 1, per piece" per visit price 1800.00\n'
                       '}\n', file="t.tariff")
    assert tariff_items(t, "en") == {"visit": documents.ItemInfo(title="Visit # 1, per piece",
                                                                 unit="visit")}


def test_the_details_win_over_the_tariff(facilities, details_en):
    ours = dataclasses.replace(details_en, items={
        "visit": documents.ItemInfo(title="Call-out", material=False),
        "cartridge": documents.ItemInfo(unit="box", material=True)})
    filled = with_tariff(ours, facilities, "en")
    assert filled.items["visit"] == documents.ItemInfo(title="Call-out", unit="visit")
    assert filled.items["cartridge"] == documents.ItemInfo(title="Cartridge", unit="box",
                                                           material=True)
    assert filled.items["hvac_repair"].title == "HVAC repair"
    assert filled.seller == details_en.seller


def test_per_visit_items_are_shown_in_visits_without_item_details(examples, tmp_path, capsys):
    data = json.loads((examples / "documents" / "parties-en.json").read_text(encoding="utf-8"))
    del data["items"]
    parties = tmp_path / "parties.json"
    parties.write_text(json.dumps(data), encoding="utf-8")
    output = tmp_path / "invoice.pdf"
    assert cli.main(args_for(examples, "invoice", output, parties, "--contract", "C-100",
                             "--locale", "en")) == 0, capsys.readouterr().err
    text = flow(output)
    assert "3 Engineer visit, request R-11, 26 Mar 2026 1 visit 1,620.00 1,620.00" in text
    assert "4 Cartridge, request R-12, 26 Mar 2026 1 pcs 2,880.00 2,880.00" in text
    assert "2 HVAC repair, request R-10, 24 Mar 2026 beyond the subscription's allowance 2 h " \
        "2,250.00 4,500.00" in text


# One language ---------------------------------------------------------------------------------


def test_the_csv_without_details_is_in_one_language(examples, tmp_path, capsys, march):
    output = tmp_path / "march.csv"
    assert cli.main(args_for(examples, "csv", output, None, "--contract", "C-100")) == 0, \
        capsys.readouterr().err
    records = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8"))))
    assert not [r for r in records for v in r.values() if re.search("[А-Яа-яЁё]", v)]
    assert [(r["line"], r["description"], r["quantity"], r["unit"], r["amount"])
            for r in records[:5]] == [
        ("", "Subscription fee, plan “standard”, March 2026", "1", "month", "100000.00"),
        ("L1", "HVAC repair, request R-1, 10 Mar 2026", "4h", "h", "0.00"),
        ("L2", "HVAC repair, request R-2, 11 Mar 2026", "1h", "h", "0.00"),
        ("L3", "Engineer visit, request R-3, 14 Mar 2026", "1", "visit", "0.00"),
        ("L4", "Cartridge, request R-3, 14 Mar 2026", "2", "pcs", "0.00")]
    assert sum(Decimal(r["amount"]) for r in records) == march.revenue == Decimal("109000.00")


def test_the_workbook_from_the_command_line_names_the_client(examples, tmp_path, capsys):
    import openpyxl

    output = tmp_path / "march.xlsx"
    assert cli.main(args_for(examples, "workbook", output, examples / "documents" /
                             "parties-en.json", "--contract", "C-100")) == 0, \
        capsys.readouterr().err
    book = openpyxl.load_workbook(output)
    summary = {row[0].value: row[1].value for row in book["Summary"].iter_rows(min_row=2)}
    assert (summary["Client"], summary["Client ID"]) == ("Tsentr Offices LLC", "Tsentr Offices")
    kinds = {row[1]: row[6] for row in book["Lines"].iter_rows(min_row=2, values_only=True)}
    assert (kinds["L4"], kinds["L11"]) == ("warranty", "billable")


# Layout ---------------------------------------------------------------------------------------


def words_with_boxes(path):
    """(word, xMin, xMax) of every word pdftotext -bbox finds, in reading order."""
    found = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">'
                       r'([^<]*)</word>', pdftotext(path, "-bbox"))
    return [(word, float(x0), float(x1)) for x0, x1, word in found]


def test_the_quantity_column_is_as_wide_as_its_content(march, details_en, tmp_path):
    path = documents.invoice(march, details_en, locale="en").write(tmp_path / "invoice.pdf")
    words = words_with_boxes(path)
    qty = next(w for w in words if w[0] == "Qty")
    unit = next(w for w in words if w[0] == "Unit")
    description = next(w for w in words if w[0] == "Description")
    # The header "Qty" is centred in its column: the column is about the word's width plus its
    # padding (the old layout gave it a sixth of the page, ~90 pt).
    assert unit[1] - qty[2] < 20
    assert qty[1] - description[2] > 100  # the description has the room


def test_english_headings(march, details_en, tmp_path):
    act = documents.act(march, details_en, locale="en",
                        document=documents.DocumentInfo("A-31", datetime.date(2026, 3, 31)))
    text = pdftotext(act.write(tmp_path / "act.pdf"), "-layout")
    assert "Certificate of Completed Work A-31\n" in text
    assert re.search(r"Date:\s+31 March 2026", text)
    assert " of 31 March" not in text and "No. A-31" not in text


# The logo ----------------------------------------------------------------------------------------


def tiny_png():
    """A 2×1 PNG (red, blue), built here: the test needs no image file in the repository."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xffffffff)
    raw = b"\x00" + bytes([255, 0, 0, 0, 0, 255])
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_the_sellers_logo_is_in_the_slot(examples, march, tmp_path):
    (tmp_path / "logo.png").write_bytes(tiny_png())
    data = json.loads((examples / "documents" / "parties-en.json").read_text(encoding="utf-8"))
    data["seller"]["logo"] = "logo.png"  # next to the details file
    (tmp_path / "parties.json").write_text(json.dumps(data), encoding="utf-8")
    details = documents.load_details(tmp_path / "parties.json")
    assert details.seller.logo == str(tmp_path / "logo.png")
    doc = documents.invoice(march, details, locale="en")
    assert '<img class="logo" src="data:image/png;base64,' in doc.html  # inlined: stands alone
    path = doc.write(tmp_path / "invoice.pdf")
    images = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True,
                            text=True).stdout.splitlines()[2:]
    assert [line.split()[3:5] for line in images] == [["2", "1"]]  # width, height
    assert "Invoice INV-2026-0031" in pdftotext(path, "-layout")
    # Without a logo there is no image; a logo that is not there is an error, not a gap.
    assert "<img" not in documents.invoice(march, documents.load_details(
        examples / "documents" / "parties-en.json"), locale="en").html
    missing = dataclasses.replace(details, seller=dataclasses.replace(
        details.seller, logo=str(tmp_path / "none.png")))
    with pytest.raises(documents.DetailsError, match="seller.logo: cannot read"):
        documents.invoice(march, missing, locale="en")


# Numbers ------------------------------------------------------------------------------------------


def test_a_numbering_rule_formats_the_hosts_sequence():
    assert documents.NumberingRule().format(31, 2026) == "INV-2026-0031"
    assert documents.NumberingRule("CN-", 3, per_year=False).format(7, 2026) == "CN-007"
    assert documents.NumberingRule("", 0, per_year=False).format(12345, 2026) == "12345"
    with pytest.raises(documents.NumberingError, match="starts at 1"):
        documents.NumberingRule().format(0, 2026)


def counter(path):
    return documents.NumberCounter(path, {
        numbering.INVOICE: documents.NumberingRule("INV-"),
        numbering.CREDIT_NOTE: documents.NumberingRule("CN-")})


def test_the_counter_keeps_a_statements_number_and_never_reuses_one(tmp_path):
    path = tmp_path / "numbers.json"
    march, april = datetime.date(2026, 3, 31), datetime.date(2026, 4, 30)
    assert counter(path).number("C-100/2026-03-01/r0/a", march) == "INV-2026-0001"
    assert counter(path).number("C-200/2026-03-01/r0/b", march) == "INV-2026-0002"
    # Rendered again: the same number, from a counter opened anew.
    assert counter(path).number("C-100/2026-03-01/r0/a", april) == "INV-2026-0001"
    # A revised statement is another statement: the next number.
    assert counter(path).number("C-100/2026-03-01/r1/c", april) == "INV-2026-0003"
    # Credit notes: their own series, from 1.
    assert counter(path).number("C-100/2026-04-01/r2/d", april,
                                numbering.CREDIT_NOTE) == "CN-2026-0001"
    # A new year starts the sequence again; the year keeps the numbers apart.
    assert counter(path).number("C-100/2027-01-01/r3/e", datetime.date(2027, 1, 31)) == \
        "INV-2027-0001"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["series"]["invoice"]["last"] == {"2026": 3, "2027": 1}
    assert data["series"]["credit_note"]["issued"] == {"C-100/2026-04-01/r2/d": "CN-2026-0001"}
    assert not list(tmp_path.glob(".numbers.json.tariff-*"))  # written whole


def test_the_counter_is_locked_between_renders(tmp_path):
    path = tmp_path / "numbers.json"
    numbers, errors = [], []

    def render(worker):
        try:
            for i in range(5):
                numbers.append(counter(path).number(f"S-{worker}-{i}", datetime.date(2026, 3, 31)))
        except Exception as e:  # pragma: no cover - shown by the assertion below
            errors.append(e)

    threads = [threading.Thread(target=render, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(numbers) == [f"INV-2026-{n:04d}" for n in range(1, 41)]


def test_a_counter_file_that_is_not_one_is_refused(tmp_path):
    path = tmp_path / "numbers.json"
    path.write_text('{"next": 5}', encoding="utf-8")
    with pytest.raises(documents.NumberingError, match="not a counter file"):
        counter(path).number("S", datetime.date(2026, 3, 31))
    assert path.read_text(encoding="utf-8") == '{"next": 5}'


def test_python_m_tariff_numbers_invoices_from_the_counter(examples, tmp_path, capsys):
    numbers = tmp_path / "numbers.json"
    parties = examples / "documents" / "parties.json"

    def render(contract, name, *extra):
        output = tmp_path / name
        argv = args_for(examples, "invoice", output, parties, "--contract", contract,
                        "--counter", str(numbers), *extra)
        assert cli.main(argv) == 0, capsys.readouterr().err
        return pdftotext(output, "-layout")

    first = render("C-100", "c100.pdf")
    assert "Счёт на оплату № INV-2026-0001 от 31 марта 2026 г." in first
    assert "Сто девять тысяч рублей 00 копеек" in first
    assert "Счёт на оплату № INV-2026-0002 от 31 марта 2026 г." in render("C-200", "c200.pdf")
    assert "№ INV-2026-0001 от" in render("C-100", "again.pdf")  # re-rendered: its number
    # --number is the host's and wins; the counter is not touched.
    assert "№ СЧ-7 от" in render("C-100", "given.pdf", "--number", "СЧ-7")
    assert len(json.loads(numbers.read_text())["series"]["invoice"]["issued"]) == 2
    # A statement keeps its number even when the rule changes later.
    assert "№ INV-2026-0002 от" in render("C-200", "other.pdf", "--prefix", "СЧ-", "--no-year")


def test_a_credit_note_has_its_own_series_and_title(examples, march, tmp_path):
    credit = types.SimpleNamespace(**{name: getattr(march, name) for name in dir(march)
                                      if not name.startswith("_")})
    credit.id = "C-100/2026-04-01/r1/f"
    refund = Decimal("-2880.00")
    credit.total = credit.revenue = refund
    assert documents.render.is_credit_note(credit) and not \
        documents.render.is_credit_note(march)
    args = argparse.Namespace(counter=str(tmp_path / "numbers.json"), prefix="INV-",
                              credit_prefix="CN-", digits=4, no_year=False)
    date = datetime.date(2026, 4, 30)
    assert cli._counted_number(args, march, date) == "INV-2026-0001"
    assert cli._counted_number(args, credit, date) == "CN-2026-0001"
    details = documents.load_details(examples / "documents" / "parties-en.json")
    note = documents.invoice(credit, details, locale="en", document=documents.DocumentInfo(
        cli._counted_number(args, credit, date), date))
    text = pdftotext(note.write(tmp_path / "credit.pdf"), "-layout")
    assert "Credit note CN-2026-0001\n" in text
    assert re.search(r"Total due:\s+-2,880\.00", text)
    args.credit_prefix = "INV-"
    with pytest.raises(cli.UsageError, match="must differ"):
        cli._counted_number(args, credit, date)
