"""Documents from statements (tariff.documents, docs/documents.md): what the rendered invoice, act,
period report and payout register say, read back from their PDF (pdftotext) and HTML; the
workbook's cells read back with openpyxl; the CSV's records; the what-if chart's SVG; the
command line.

The example data: examples/tariffs/facilities.tariff with examples/work/facilities-*.csv, billed
for March 2026 (what examples/run bills), contract C-100; examples/05-contractor-payouts for the
payouts; examples/documents/parties.json for the details. Expected figures are spelled out for
this data, and checked against the statement's own Decimals as well.

PDFs are rendered once per module (WeasyPrint takes about a second each). pdftotext turns the
no-break spaces that group Russian digits into plain spaces, so expected PDF text uses spaces;
"-raw" keeps a table cell's wrapped lines together, in the order they were drawn, and "-layout"
keeps a line's columns on one line.
"""

import csv
import datetime
import html as html_lib
import io
import os
import pathlib
import re
import subprocess
import sys
import types
import zipfile
from decimal import Decimal

import pytest

import tariff
from tariff import documents
from tariff.documents import DetailsError, DocumentInfo, _figures, cli
from tariff.documents.accounting_csv import COLUMNS
from tariff.documents.formatting import NBSP, format_amount
from tariff.documents.report import period_report_model
from tariff.documents.rows import document_rows

DATA = pathlib.Path(__file__).resolve().parent / "documents"


# Fixtures --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def facilities(examples):
    return (tariff.compile(examples / "tariffs" / "facilities.tariff"),
            tariff.load_contracts(examples / "work" / "facilities-contracts.csv"),
            tariff.load_work(examples / "work" / "facilities-work.csv"))


def bill(facilities, contract_id):
    t, contracts, work = facilities
    contract = next(c for c in contracts if c.id == contract_id)
    mine = [w for w in work if w.contract == contract_id]
    return t.bill(contract, datetime.date(2026, 3, 1), mine)


@pytest.fixture(scope="module")
def march(facilities):
    """Contract C-100's statement for March 2026."""
    return bill(facilities, "C-100")


@pytest.fixture(scope="module")
def details(examples):
    return documents.load_details(examples / "documents" / "parties.json")


@pytest.fixture(scope="module")
def details_en(examples):
    return documents.load_details(examples / "documents" / "parties-en.json")


@pytest.fixture(scope="module")
def payouts(examples):
    folder = examples / "05-contractor-payouts"
    t = tariff.compile(folder / "tariff.tariff")
    return tariff.payouts(t, tariff.load_contracts(folder / "contracts.csv"),
                          tariff.load_work(folder / "work.csv"), datetime.date(2026, 3, 1))


def pdftotext(path, mode):
    return subprocess.run(["pdftotext", mode, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


class Pdf:
    """A rendered PDF's text: ``layout`` as pdftotext -layout gives it, ``flow`` the -raw text
    with every run of white space made one space."""

    def __init__(self, path):
        self.path = path
        self.layout = pdftotext(path, "-layout")
        self.flow = " ".join(pdftotext(path, "-raw").split())

    def has_line(self, *pieces):
        """Some line of the layout holds ``pieces`` in this order, with space between them."""
        pattern = r"\s+".join(re.escape(p) for p in pieces)
        return re.search(pattern, self.layout) is not None


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, march, details, details_en, payouts):
    out = tmp_path_factory.mktemp("pdf")
    rendered = {
        "invoice-ru": documents.invoice(march, details, locale="ru"),
        "invoice-en": documents.invoice(march, details_en, locale="en"),
        "act-ru": documents.act(march, details, locale="ru"),
        "report-ru": documents.period_report(march, details, locale="ru"),
        "payouts-ru": documents.payout_register(payouts[0], details, not_paid=payouts[1],
                                                locale="ru"),
    }
    return {name: Pdf(doc.write(out / f"{name}.pdf")) for name, doc in rendered.items()}


def spaced(text):
    """Expected PDF text: pdftotext gives a no-break space as a space."""
    return text.replace(NBSP, " ")


def html_text(html):
    """An HTML document's text, tags dropped, white space (no-break spaces too) made one space."""
    body = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", body)).replace(NBSP, " ").split())


# The rows ---------------------------------------------------------------------------------------

INVOICE_RU = [
    # No., description, note, quantity, unit, price, amount
    (1, "Абонентское техническое обслуживание, тариф «Стандарт» за март 2026 г.", "", "1", "мес.",
     "100 000,00", "100 000,00"),
    (2, "Ремонт систем отопления, вентиляции и кондиционирования, заявка R-10 от 24.03.2026",
     "сверх включённого в абонентскую плату", "2", "ч", "2 250,00", "4 500,00"),
    (3, "Выезд инженера, заявка R-11 от 26.03.2026", "", "1", "выезд", "1 620,00", "1 620,00"),
    (4, "Картридж, заявка R-12 от 26.03.2026", "", "1", "шт.", "2 880,00", "2 880,00"),
]


def test_invoice_rows_are_the_statements_billed_figures(march, details):
    rows = document_rows(march, details, "ru")
    assert [(r.number, spaced(r.description), r.note, spaced(r.quantity.format("ru")), r.unit,
             spaced(format_amount(r.price, "ru")), spaced(format_amount(r.amount, "ru")))
            for r in rows] == INVOICE_RU
    # The fee's amount, and each billed line's amount, are the statement's own.
    assert rows[0].amount == march.fees[0].amount
    by_id = {line.id: line for line in march.lines}
    assert [(r.line_id, r.amount) for r in rows[1:]] == [
        (i, by_id[i].amount) for i in ("L11", "L12", "L13")]
    total = sum((r.amount for r in rows), Decimal("0.00"))
    assert total == march.revenue == Decimal("109000.00")


def test_act_rows_list_all_work_with_what_the_subscription_covered(march, details):
    rows = document_rows(march, details, "ru", include_covered=True)
    assert [r.line_id for r in rows] == ["", "L1", "L2", "L3", "L4", "L8", "L9", "L10", "L11",
                                         "L12", "L13"]
    assert sum((r.amount for r in rows), Decimal("0.00")) == march.revenue
    # Everything the allowances included, and only that, is in the rows' covered values.
    assert sum((r.covered for r in rows), Decimal("0.00")) == \
        sum((a.covered_value for a in march.allowances), Decimal("0.00")) == Decimal("55170.00")
    l1 = rows[1]
    assert (l1.amount, l1.covered, l1.price, spaced(l1.note)) == (
        Decimal("0.00"), Decimal("13500.00"), None,
        "в рамках абонентской платы; стоимость 13 500,00")
    # L4, warranty: the 2 cartridges measured, at 0.00, as the period report shows them.
    l4 = rows[4]
    assert (l4.line_id, spaced(l4.note), l4.quantity.format("ru"), l4.unit, l4.price,
            l4.amount) == ("L4", "не оплачивается (гарантия)", "2", "шт.", None, Decimal("0.00"))
    assert spaced(rows[8].note) == ("сверх включённого в абонентскую плату; ещё 6 ч в рамках "
                                    "абонентской платы (13 500,00)")


def test_report_sums_requests_work_and_materials(march, details):
    model = period_report_model(march, details)
    assert [r.request for r in model.requests] == [
        "R-1", "R-2", "R-3", "R-7", "R-8", "R-9", "R-10", "R-11", "R-12"]
    assert (model.work, model.materials, model.covered) == (
        Decimal("6120.00"), Decimal("2880.00"), Decimal("55170.00"))
    assert model.work + model.materials == march.work_total
    r3 = model.requests[2]
    assert [(l.id, l.material, l.kind) for l in r3.lines] == [
        ("L3", False, "billable"), ("L4", True, "warranty")]
    assert (r3.work, r3.materials, r3.covered) == (Decimal("0.00"), Decimal("0.00"),
                                                   Decimal("2430.00"))


# PDF --------------------------------------------------------------------------------------------


def test_invoice_pdf_in_russian(pdfs, march):
    pdf = pdfs["invoice-ru"]
    assert "Счёт на оплату № СЧ-2026-0031 от 31 марта 2026 г." in pdf.layout
    assert "Договор на техническое обслуживание № C-100 от 29.12.2025" in pdf.flow
    for party in ("ООО «Техсервис Плюс», ИНН 7705123456, КПП 770501001",
                  "ООО «Центр Офисы», ИНН 7710654321, КПП 771001001"):
        assert party in pdf.flow
    assert pdf.has_line("БИК", "044525999") and pdf.has_line("Сч. №", "40702810900000012345")
    for number, description, note, quantity, unit, price, amount in INVOICE_RU:
        row = " ".join(filter(None, [str(number), description, note, quantity, unit, price,
                                     amount]))
        assert row in pdf.flow
        assert pdf.has_line(price, amount)
    revenue = spaced(format_amount(march.revenue, "ru"))
    assert revenue == "109 000,00"
    assert pdf.has_line("Итого:", revenue)
    assert pdf.has_line("Без налога (НДС):", "—")
    assert pdf.has_line("Всего к оплате:", revenue)
    assert "Всего наименований 4, на сумму 109 000,00 руб." in pdf.layout
    assert "Сто девять тысяч рублей 00 копеек" in pdf.layout
    assert "Оплатить не позднее 10.04.2026" in pdf.layout
    assert pdf.has_line("Руководитель", "/ Петров П. П. /", "Бухгалтер", "/ Иванова И. И. /")


def test_invoice_pdf_in_english(pdfs):
    pdf = pdfs["invoice-en"]
    assert "Invoice INV-2026-0031\n" in pdf.layout  # not "Invoice No. ... of ..."
    assert pdf.has_line("Date:", "31 March 2026")
    assert "Maintenance contract C-100 of 29 December 2025" in pdf.layout
    assert "Tsentr Offices LLC, Tax ID 7710654321" in pdf.flow
    for row in ("1 Maintenance subscription, Standard plan, March 2026 1 month 100,000.00 "
                "100,000.00",
                "2 HVAC repair, request R-10, 24 Mar 2026 beyond the subscription's allowance 2 h "
                "2,250.00 4,500.00",
                "3 Engineer visit, request R-11, 26 Mar 2026 1 visit 1,620.00 1,620.00",
                "4 Cartridge, request R-12, 26 Mar 2026 1 pcs 2,880.00 2,880.00"):
        assert row in pdf.flow
    assert pdf.has_line("Subtotal:", "109,000.00")
    assert pdf.has_line("VAT not applicable:", "—")
    assert pdf.has_line("Total due:", "109,000.00")
    assert "One hundred nine thousand roubles and 00 kopecks" in pdf.layout
    assert pdf.has_line("SWIFT:", "EXAMRUMM")


def test_act_pdf_lists_every_line_and_both_signatures(pdfs):
    pdf = pdfs["act-ru"]
    assert "Акт выполненных работ (оказанных услуг) № СЧ-2026-0031 от 31 марта 2026 г." in pdf.flow
    assert ("2 Ремонт систем отопления, вентиляции и кондиционирования, заявка R-1 от 10.03.2026 "
            "в рамках абонентской платы; стоимость 13 500,00 4 ч — 0,00") in pdf.flow
    assert ("5 Картридж, заявка R-3 от 14.03.2026 не оплачивается (гарантия) 2 шт. — 0,00"
            in pdf.flow)
    assert "11 Картридж, заявка R-12 от 26.03.2026 1 шт. 2 880,00 2 880,00" in pdf.flow
    assert pdf.has_line("Всего оказано услуг:", "109 000,00")
    assert "Всего оказано услуг 11, на сумму 109 000,00 руб." in pdf.layout
    assert "Сто девять тысяч рублей 00 копеек" in pdf.layout
    assert "Заказчик претензий по объёму, качеству и срокам оказания услуг не имеет." in pdf.flow
    assert pdf.has_line("/ Петров П. П. /", "/ Сидоров С. С. /")


def test_report_pdf_lists_requests_allowances_and_figures(pdfs, march):
    pdf = pdfs["report-ru"]
    assert "Отчёт об оказанных услугах за март 2026 г." in pdf.layout
    for label, figure in (("Абонентская плата", "100 000,00"),
                          ("Работы (оплачивается сверх абонентской платы)", "6 120,00"),
                          ("Материалы", "2 880,00"), ("Итого за период", "109 000,00"),
                          ("Покрыто абонентской платой", "55 170,00")):
        assert pdf.has_line(label, figure)
    for request in ("R-1, 10.03.2026", "R-3, 14.03.2026", "R-10, 24.03.2026", "R-12, 26.03.2026"):
        assert f"Заявка {request}" in pdf.layout
    # L11: 8 h done, 6 h included (13 500,00 covered), 2 h billed 4 500,00; 18 000,00 in all.
    assert ("L11 24.03.2026 Ремонт систем отопления, вентиляции и кондиционирования Работы 8 ч 8 ч "
            "6 ч в месяц 18 000,00 13 500,00 4 500,00") in pdf.flow
    assert "Итого по заявке: работы 0,00, материалы 2 880,00 2 880,00 0,00 2 880,00" in pdf.flow
    # Allowances by their items' titles, not their keys ("visit/month").
    for a in march.allowances:
        assert a.allowance not in pdf.layout
        assert spaced(format_amount(a.covered_value, "ru")) in pdf.layout
    assert "Выезд инженера, в месяц 01.03.2026 – 31.03.2026 3 0 3 0 5 670,00" in pdf.flow
    assert ("Ремонт систем отопления, вентиляции и кондиционирования, в месяц 01.03.2026 – "
            "31.03.2026 20 ч 0 ч 20 ч 0 ч 49 500,00") in pdf.flow


def test_payout_register_pdf(pdfs, payouts):
    pdf = pdfs["payouts-ru"]
    assert "Реестр выплат исполнителям за март 2026 г." in pdf.layout
    assert pdf.has_line("ИП Соколов Игорь Валерьевич (kaluga-it)", "402700000003", "2 250,00",
                        "0,00")
    assert pdf.has_line("ООО «Тула Сервис» (tula-service)", "7106000002", "4 200,00", "4 200,00")
    assert pdf.has_line("Итого по реестру, RUB", "6 450,00", "4 200,00")
    # A line's amount is in the payable or the pending column, so each column adds up to the
    # performer's figure beside it (tula-service: 4 200,00 payable, 4 200,00 pending).
    assert pdf.has_line("1", "Q-101", "R1", "02.03.2026", "Ремонтная", "1 заявка", "2 100,00",
                        "2 100,00", "—", "04.03.2026")
    assert pdf.has_line("4", "Q-104", "R4", "23.03.2026", "Ремонтная", "1 заявка", "2 100,00", "—",
                        "2 100,00", "—")
    assert pdf.has_line("1", "Q-105", "D1", "12.03.2026", "Диагностика", "1 ч 30 мин", "1 500,00",
                        "2 250,00", "—", "13.03.2026")
    assert pdf.has_line("Итого по исполнителю", "2 250,00", "0,00")
    assert pdf.has_line("Итого по исполнителю", "4 200,00", "4 200,00")
    assert "к выплате" not in pdf.layout  # no status column beside the two amount columns
    for p in payouts[0]:
        assert spaced(format_amount(p.payable, "ru")) in pdf.layout


def test_the_same_document_gives_the_same_pdf(march, details, pdfs):
    again = documents.invoice(march, details, locale="ru").pdf()
    assert again == pdfs["invoice-ru"].path.read_bytes()


# Taxes ------------------------------------------------------------------------------------------


class Taxed:
    """A statement with the tax fields the engine is getting (statement.taxes, tax, total,
    tax_exempt; include/tariff/billing.hpp), to render before the extension has them. Prices
    exclude the tax (total = fees + work + tax), or with ``included`` contain it (total = fees +
    work, revenue = total - tax)."""

    def __init__(self, statement, percent, amount, included=False):
        self._statement = statement
        gross = statement.fees_total + statement.work_total
        base = gross - amount if included else gross
        self.taxes = [types.SimpleNamespace(tax="vat", rate="standard", percent=percent,
                                            base=base, amount=amount)]
        self.tax = amount
        self.total = gross if included else gross + amount
        self.revenue = self.total - amount
        self.tax_included = included
        self.tax_exempt = False

    def __getattr__(self, name):
        return getattr(self._statement, name)


def test_without_taxes_the_total_due_is_the_revenue(march):
    assert documents.tax_rows(march) == []
    assert documents.tax_exempt(march)
    assert documents.tax_total(march) == Decimal("0.00")
    assert documents.total_due(march) == march.revenue


def test_taxes_per_rate_and_the_total_due(march, details, details_en):
    taxed = Taxed(march, Decimal("20"), Decimal("21800.00"))
    assert documents.total_due(taxed) == Decimal("130800.00")
    ru = html_text(documents.invoice(taxed, details, locale="ru").html)
    assert "Итого: 109 000,00 НДС 20 %: 21 800,00 Всего к оплате: 130 800,00" in ru
    assert "Без налога" not in ru
    assert "Сто тридцать тысяч восемьсот рублей 00 копеек" in ru
    en = html_text(documents.act(taxed, details_en, locale="en").html)
    assert "Subtotal: 109,000.00 VAT 20%: 21,800.00 Total: 130,800.00" in en
    assert "One hundred thirty thousand eight hundred roubles and 00 kopecks" in en


def test_taxes_the_prices_include(march, details):
    """Prices with VAT in them: the rows are the total, the tax is "of which"."""
    taxed = Taxed(march, Decimal("20"), Decimal("18166.67"), included=True)
    assert documents.tax_included(taxed) and documents.rounding(taxed) == Decimal("0.00")
    assert documents.subtotal(taxed) == documents.total_due(taxed) == Decimal("109000.00")
    ru = html_text(documents.invoice(taxed, details, locale="ru").html)
    assert "Итого: 109 000,00 В том числе НДС 20 %: 18 166,67 Всего к оплате: 109 000,00" in ru
    report = html_text(documents.period_report(taxed, details, locale="ru").html)
    assert "Итого за период 109 000,00 В том числе НДС 20 % 18 166,67 Покрыто" in report


# HTML, templates, details ------------------------------------------------------------------------


def test_html_is_self_contained(march, details):
    doc = documents.invoice(march, details, locale="ru")
    assert doc.html.startswith("<!DOCTYPE html>")
    assert "@page" in doc.html and "<link" not in doc.html  # the style sheet is inlined
    assert '<meta name="dcterms.created" content="2026-03-31">' in doc.html
    text = html_text(doc.html)
    assert "Счёт на оплату № СЧ-2026-0031 от 31 марта 2026 г." in text
    assert "ООО «Центр Офисы»" in doc.html  # not escaped into entities


def test_html_escapes_the_callers_text(march, details):
    seller = documents.Party(name="<b>Tags & Co</b>")
    doc = documents.invoice(march, documents.Details(seller=seller, clients=details.clients,
                                                     document=details.document))
    assert "&lt;b&gt;Tags &amp; Co&lt;/b&gt;" in doc.html and "<b>Tags" not in doc.html


def test_user_templates_come_first(march, details, details_en):
    templates = DATA / "templates"
    en = documents.invoice(march, details_en, locale="en", templates=templates)
    assert "ACME invoice INV-2026-0031" in en.html
    assert "Please pay 109,000.00 RUB (One hundred nine thousand roubles and 00 kopecks)." in \
        html_text(en.html)
    assert "DejaVu Serif" in en.html  # the user's documents.css replaced the default one
    # No invoice.ru.html there: the Russian invoice is the package's, with the user's style sheet.
    ru = documents.invoice(march, details, locale="ru", templates=[str(templates)])
    assert "Счёт на оплату" in ru.html and "DejaVu Serif" in ru.html
    one = documents.invoice(march, details, locale="ru", templates=templates,
                            template="one-line.html")
    assert spaced(one.html) == "Счёт на оплату СЧ-2026-0031: ООО «Центр Офисы», 109 000,00\n"
    with pytest.raises(FileNotFoundError, match="no template missing.html"):
        documents.invoice(march, details, template="missing.html")
    with pytest.raises(FileNotFoundError, match="template directory"):
        documents.invoice(march, details, templates=DATA / "no-such-directory")


def test_details_are_checked_and_never_made_up(march, details):
    with pytest.raises(DetailsError, match=r"seller\.bank\.bik: unknown key"):
        documents.details_from_dict({"seller": {"name": "X", "bank": {"name": "B", "bik": "1"}}})
    with pytest.raises(DetailsError, match="seller: name required"):
        documents.details_from_dict({"seller": {"tax_id": "1"}})
    with pytest.raises(DetailsError, match=r"document\.date: '31\.03\.2026' is not a date"):
        documents.details_from_dict({"seller": {"name": "X"},
                                     "document": {"number": "1", "date": "31.03.2026"}})
    bare = documents.Details(seller=details.seller, clients=details.clients)
    with pytest.raises(DetailsError, match="needs a date and a number"):
        documents.invoice(march, bare)
    with pytest.raises(DetailsError, match="needs a number"):
        documents.act(march, bare,
                      document=DocumentInfo(number="", date=datetime.date(2026, 3, 31)))
    report = documents.period_report(march, bare, document=DocumentInfo(
        number="", date=datetime.date(2026, 4, 1)))
    assert "1 апреля 2026" in report.html
    no_client = documents.Details(seller=details.seller, document=details.document)
    with pytest.raises(DetailsError, match="no details for client 'Tsentr Offices'"):
        documents.invoice(march, no_client)
    with pytest.raises(ValueError, match="unknown locale"):
        documents.invoice(march, details, locale="de")


# Workbook ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workbook(tmp_path_factory, march, details_en):
    path = tmp_path_factory.mktemp("xlsx") / "march.xlsx"
    documents.write_workbook(march, path, locale="en", details=details_en)
    return path


def test_workbook_cells_are_the_statements_figures(workbook, march):
    import openpyxl

    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == ["Summary", "Lines", "Fees", "Allowances", "Rejected"]
    summary = {row[0].value: row[1] for row in book["Summary"].iter_rows(min_row=2)}
    assert summary["Contract"].value == "C-100"
    assert (summary["Client"].value, summary["Client ID"].value) == ("Tsentr Offices LLC",
                                                                     "Tsentr Offices")
    assert summary["First day"].value == datetime.datetime(2026, 3, 1)
    assert summary["First day"].number_format == "YYYY-MM-DD"
    for label, figure in (("Fees", march.fees_total), ("Work", march.work_total),
                          ("Revenue without tax", march.revenue), ("Total due", march.revenue),
                          ("Cost", march.cost), ("Margin", march.margin)):
        assert Decimal(str(summary[label].value)) == figure, label
        assert summary[label].number_format == "#,##0.00"
    assert Decimal(str(summary["Margin %"].value)) == march.margin_percent == Decimal("64.05")

    lines = list(book["Lines"].iter_rows(min_row=2, values_only=True))
    header = [c.value for c in book["Lines"][1]]
    assert header[:4] == ["Section", "ID", "Request", "Date"]
    assert [row[1] for row in lines] == [line.id for line in march.lines]
    for row, line in zip(lines, march.lines):
        assert row[3] == datetime.datetime.combine(line.date, datetime.time())
        assert [Decimal(str(v)) for v in row[10:14]] == [
            line.amount, sum((p.covered for p in line.parts if p.allowance), Decimal("0.00")),
            line.cost, line.margin]
    l11 = next(row for row in lines if row[1] == "L11")
    assert l11[5:10] == ("HVAC repair", "billable", "8h", "8h", 8)
    assert l11[14] == "HVAC repair, per month"
    l4 = next(row for row in lines if row[1] == "L4")
    assert l4[5:10] == ("Cartridge", "warranty", "2", "0", 0)
    l2 = next(row for row in lines if row[1] == "L2")
    assert (l2[7], Decimal(str(l2[9]))) == ("25min", Decimal(1))  # billed 1 h (started hours)
    assert book["Lines"]["K2"].number_format == "#,##0.00"

    fees = list(book["Fees"].iter_rows(min_row=2, values_only=True))
    assert fees == [("fee 100000.00 per month", datetime.datetime(2026, 3, 1),
                     datetime.datetime(2026, 3, 31), datetime.datetime(2026, 3, 1),
                     datetime.datetime(2026, 3, 31), 1, 100000)]
    # Allowances by title, their quantities numbers in the item's unit (hours for time).
    allowances = list(book["Allowances"].iter_rows(min_row=2, values_only=True))
    assert [a[:2] + a[4:9] + (Decimal(str(a[9])),) for a in allowances] == [
        ("Engineer visit, per month", "visit/month", "visit", 3, 0, 3, 0, Decimal("5670.00")),
        ("HVAC repair, per month", "hvac_repair/month", "h", 20, 0, 20, 0, Decimal("49500.00"))]
    assert [c.data_type for c in book["Allowances"][3][5:9]] == ["n"] * 4


def test_workbook_numbers_are_written_exactly_and_the_same_every_time(workbook, march,
                                                                      details_en, tmp_path):
    with zipfile.ZipFile(workbook) as z:
        summary_xml = z.read("xl/worksheets/sheet1.xml").decode()
        assert "<v>39183.33</v>" in summary_xml  # the cost, as the statement's Decimal writes it
        assert "<v>69816.67</v>" in summary_xml
        assert {info.date_time for info in z.infolist()} == {(2026, 3, 31, 0, 0, 0)}
    again = documents.write_workbook(march, tmp_path / "again.xlsx", locale="en",
                                     details=details_en)
    assert again.read_bytes() == workbook.read_bytes()
    huge = types.SimpleNamespace(**{name: getattr(march, name) for name in dir(march)
                                    if not name.startswith("_")})
    huge.revenue = Decimal("12345678901234567.89")  # more digits than a spreadsheet number holds
    with pytest.raises(ValueError, match="cannot be written exactly"):
        documents.write_workbook(huge, tmp_path / "huge.xlsx")


def test_workbook_in_russian_and_with_taxes(march, details, tmp_path):
    import openpyxl

    path = documents.write_workbook(Taxed(march, Decimal("20"), Decimal("21800.00")),
                                    tmp_path / "taxed.xlsx", locale="ru", details=details)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Итоги", "Строки", "Абонентская плата", "Объёмы", "Налоги",
                               "Отклонено"]
    summary = {row[0].value: row[1] for row in book["Итоги"].iter_rows(min_row=2)}
    assert summary["Первый день"].number_format == "DD.MM.YYYY"
    assert Decimal(str(summary["Налог"].value)) == Decimal("21800.00")
    assert Decimal(str(summary["Всего к оплате"].value)) == Decimal("130800.00")
    assert list(book["Налоги"].iter_rows(min_row=2, values_only=True)) == [
        ("vat", "standard", 20, 109000, 21800)]


# CSV --------------------------------------------------------------------------------------------


def test_csv_rows_add_up_to_the_revenue(march, details_en, tmp_path):
    path = documents.write_statement_csv(march, tmp_path / "march.csv", details_en, locale="en")
    text = path.read_text(encoding="utf-8")
    assert "\r" not in text
    records = list(csv.DictReader(io.StringIO(text)))
    assert list(records[0]) == list(COLUMNS)
    assert [(r["section"], r["line"]) for r in records] == [("fee", "")] + [
        ("work", line.id) for line in march.lines]
    assert sum(Decimal(r["amount"]) for r in records) == march.revenue
    assert sum(Decimal(r["covered"] or "0") for r in records) == Decimal("55170.00")
    by_line = {r["line"]: r for r in records}
    assert records[0] == {
        "contract": "C-100", "section": "fee", "no": "1", "line": "", "request": "", "date": "",
        "item": "", "description": "Maintenance subscription, Standard plan, March 2026",
        "quantity": "1", "unit": "month", "unit_price": "100000.00", "amount": "100000.00",
        "covered": "", "tax": ""}
    assert {k: by_line["L11"][k] for k in ("request", "date", "item", "quantity", "unit",
                                           "unit_price", "amount", "covered")} == {
        "request": "R-10", "date": "2026-03-24", "item": "hvac_repair", "quantity": "2h",
        "unit": "h", "unit_price": "2250.00", "amount": "4500.00", "covered": "13500.00"}
    assert (by_line["L1"]["quantity"], by_line["L1"]["amount"], by_line["L1"]["unit_price"]) == (
        "4h", "0.00", "")


# Charts -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def comparison(facilities):
    t, contracts, work = facilities
    proposed = tariff.compile(DATA / "facilities-proposed.tariff")
    return t.compare(proposed, contracts, work, trace=False, keep_lines=False)


def test_chart_svg_names_clients_and_items_with_exact_figures(comparison, details):
    svg = documents.comparison_chart(comparison, format="svg", locale="ru", details=details)
    text = svg.decode()
    assert text.startswith("<?xml")
    assert [c.key for c in comparison.by_client] == ["Tsentr Offices", "Tula Plaza"]
    assert [c.revenue_change for c in comparison.by_client] == [Decimal("-8020.00"),
                                                               Decimal("-5000.00")]
    for name in ("ООО «Центр Офисы»", "АО «Тула Плаза»", "Выезд инженера", "Картридж"):
        assert html_lib.escape(name, quote=False) in text
    for change in comparison.by_client + comparison.by_item:
        figure = format_amount(change.revenue_change, "ru")
        assert (figure if change.revenue_change <= 0 else "+" + figure) in text
    assert "Facilities 2026 → Facilities 2026, proposed" in text
    assert "<dc:date>" not in text
    assert documents.comparison_chart(comparison, format="svg", locale="ru", details=details) == svg


def test_chart_png_and_svg_files(comparison, tmp_path):
    png = tmp_path / "chart.png"
    documents.comparison_chart(comparison, png, locale="en")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = tmp_path / "chart.svg"
    documents.comparison_chart(comparison, svg, locale="en")
    text = svg.read_text(encoding="utf-8")
    assert "Tsentr Offices" in text and "Tula Plaza" in text and "-8,020.00" in text
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        documents.comparison_chart(comparison, tmp_path / "chart.jpg")


def svg_texts(svg):
    """The chart's text elements: (text, x, y) in drawing order; y grows downwards."""
    found = []
    for attributes, text in re.findall(r"<text([^>]*)>([^<]*)</text>", svg.decode()):
        place = re.search(r'(?:x="([\d.]+)" y="([\d.]+)"|translate\(([\d.]+) ([\d.]+)\))',
                          attributes)
        x, y = (place.group(1), place.group(2)) if place.group(1) else (place.group(3),
                                                                         place.group(4))
        found.append((html_lib.unescape(text), float(x), float(y)))
    return found


@pytest.fixture(scope="module")
def subscription_comparison(examples):
    """examples/03-subscription under docs/tutorial's proposal: the fee falls by 6 000,00, two
    visits more are billed (+1 800,00); K-1 loses 4 200,00 in all."""
    folder = examples / "03-subscription"
    proposed = examples.parent / "docs" / "tutorial" / "pos-two-visits.tariff"
    return tariff.compare(tariff.compile(folder / "tariff.tariff"), tariff.compile(proposed),
                          tariff.load_contracts(folder / "contracts.csv"),
                          tariff.load_work(folder / "work.csv"), keep_lines=False)


def test_chart_shows_the_fees_beside_the_items(subscription_comparison, details):
    c = subscription_comparison
    assert (c.fees.revenue_change, c.fees.margin_change) == (Decimal("-6000.00"),
                                                             Decimal("-6000.00"))
    texts = [text for text, _, _ in svg_texts(documents.comparison_chart(
        c, format="svg", locale="ru", details=details))]
    # The item panel: its rows, then the fees; each bar labelled with its exact figure.
    assert texts.index("Картридж") < texts.index("Выезд инженера") < \
        texts.index("Абонентская плата")
    assert texts.count(f"-6{NBSP}000,00") == 2  # revenue and margin of the fees
    assert texts.count(f"+1{NBSP}800,00") == 2  # the visits
    assert texts.count(f"-4{NBSP}200,00") == 2  # the client: both together
    en = [text for text, _, _ in svg_texts(documents.comparison_chart(c, format="svg",
                                                                      locale="en"))]
    assert "Subscription fees" in en and en.count("-6,000.00") == 2



def test_chart_without_fees_has_no_fee_row(examples):
    folder = examples / "03-subscription"
    proposed = examples.parent / "docs" / "tutorial" / "pos-two-visits.tariff"
    work_only = tariff.compare(tariff.compile(folder / "tariff.tariff"), tariff.compile(proposed),
                               tariff.load_contracts(folder / "contracts.csv"),
                               tariff.load_work(folder / "work.csv"), keep_lines=False,
                               include_fees=False)
    texts = [text for text, _, _ in svg_texts(documents.comparison_chart(work_only, format="svg",
                                                                         locale="en"))]
    assert "Subscription fees" not in texts and "-6,000.00" not in texts
    assert texts.count("+1,800.00") == 4  # the visits, and the client: work only


def test_chart_ticks_are_localised_and_the_legend_is_clear_of_the_axes(subscription_comparison,
                                                                       details):
    ru = svg_texts(documents.comparison_chart(subscription_comparison, format="svg", locale="ru",
                                              details=details))
    texts = [text for text, _, _ in ru]
    for tick in (f"-4{NBSP}000", "0", f"2{NBSP}000", f"8{NBSP}000"):
        assert tick in texts, tick
    assert not [t for t in texts if "\u2212" in t]  # matplotlib's own minus sign is not used
    en = [text for text, _, _ in svg_texts(documents.comparison_chart(
        subscription_comparison, format="svg", locale="en"))]
    assert "-4,000" in en and "8,000" in en
    legend = [y for text, _, y in ru if text in ("Изменение выручки", "Изменение маржи")]
    axis_labels = [y for text, _, y in ru if text == "RUB"]
    first_panel = next(y for text, _, y in ru if text == "По клиентам")
    assert len(legend) == 2 and len(axis_labels) == 2
    # Above the first panel, level with its title: nowhere near an axis label.
    assert all(abs(y - first_panel) < 5 for y in legend)
    assert all(y < min(axis_labels) - 30 for y in legend)


# The command line ---------------------------------------------------------------------------------


def statement_args(examples, command, output, *extra):
    return [command, "-t", str(examples / "tariffs" / "facilities.tariff"),
            "-c", str(examples / "work" / "facilities-contracts.csv"),
            "-w", str(examples / "work" / "facilities-work.csv"), "--period", "2026-03",
            "--contract", "C-100", "-p", str(examples / "documents" / "parties.json"),
            "-o", str(output), *extra]


def test_cli_writes_every_kind_of_file(examples, tmp_path, capsys, march):
    payouts_folder = examples / "05-contractor-payouts"
    runs = {
        "act.html": statement_args(examples, "act", tmp_path / "act.html", "--number", "А-7",
                                   "--date", "2026-04-01"),
        "report.html": statement_args(examples, "report", tmp_path / "report.html", "--locale",
                                      "en"),
        "march.xlsx": statement_args(examples, "workbook", tmp_path / "march.xlsx"),
        "march.csv": statement_args(examples, "csv", tmp_path / "march.csv"),
        "payouts.html": ["payouts", "-t", str(payouts_folder / "tariff.tariff"),
                         "-c", str(payouts_folder / "contracts.csv"),
                         "-w", str(payouts_folder / "work.csv"), "--period", "2026-03",
                         "-p", str(examples / "documents" / "parties.json"),
                         "-o", str(tmp_path / "payouts.html")],
        "chart.svg": ["chart", "-t", str(examples / "tariffs" / "facilities.tariff"),
                      "--proposed", str(DATA / "facilities-proposed.tariff"),
                      "-c", str(examples / "work" / "facilities-contracts.csv"),
                      "-w", str(examples / "work" / "facilities-work.csv"),
                      "-p", str(examples / "documents" / "parties.json"),
                      "-o", str(tmp_path / "chart.svg")],
    }
    for name, argv in runs.items():
        assert cli.main(argv) == 0, (name, capsys.readouterr().err)
        assert (tmp_path / name).stat().st_size > 0
    assert "Акт выполненных работ (оказанных услуг) № А-7 от 1 апреля 2026 г." in \
        html_text((tmp_path / "act.html").read_text(encoding="utf-8"))
    assert "Service Report for March 2026" in \
        html_text((tmp_path / "report.html").read_text(encoding="utf-8"))
    assert "ООО «Тула Сервис»" in (tmp_path / "payouts.html").read_text(encoding="utf-8")
    records = list(csv.DictReader(io.StringIO((tmp_path / "march.csv").read_text("utf-8"))))
    assert sum(Decimal(r["amount"]) for r in records) == march.revenue
    assert "ООО «Центр Офисы»" in (tmp_path / "chart.svg").read_text(encoding="utf-8")


@pytest.mark.parametrize("change, message", [
    (lambda a: a[:a.index("--contract") + 1] + ["C-999"] + a[a.index("--contract") + 2:],
     "no contract 'C-999' in"),
    (lambda a: a[:a.index("--period") + 1] + ["2026-13"] + a[a.index("--period") + 2:],
     "bad period '2026-13': expected a month as YYYY-MM"),
    (lambda a: a[:a.index("--period") + 1] + ["March"] + a[a.index("--period") + 2:],
     "bad period 'March'"),
    (lambda a: a[:a.index("-p")] + a[a.index("-p") + 2:], "the party details are required"),
    (lambda a: a[:a.index("-p") + 1] + ["missing.json"] + a[a.index("-p") + 2:],
     "no party details file 'missing.json'"),
    (lambda a: a[:a.index("-o") + 1] + ["invoice.docx"], "cannot tell the format of"),
    (lambda a: a[:a.index("-t") + 1] + ["missing.tariff"] + a[a.index("-t") + 2:],
     "no tariff file 'missing.tariff'"),
    (lambda a: a + ["--date", "31.03.2026"], "bad document date '31.03.2026'"),
    (lambda a: a[:-1], "expected one argument"),
])
def test_cli_bad_input_exits_2_with_one_line(examples, tmp_path, capsys, change, message):
    argv = change(statement_args(examples, "invoice", tmp_path / "invoice.pdf"))
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("python3 -m tariff: error: ")
    assert message in err
    assert not (tmp_path / "invoice.pdf").exists()


def test_cli_reports_bad_details_and_tariffs_in_one_line(examples, tmp_path, capsys):
    broken = tmp_path / "broken.tariff"
    broken.write_text((examples / "tariffs" / "facilities.tariff").read_text("utf-8")
                      .replace("in night", "in nigth"), encoding="utf-8")
    argv = statement_args(examples, "invoice", tmp_path / "i.html")
    # A tariff with errors exits 1, as `tariff` does (docs/cli.md, "Exit status").
    assert cli.main(argv[:2] + [str(broken)] + argv[3:]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not compile (1 error); first: " in err and "nigth" in err
    assert not (tmp_path / "i.html").exists()
    parties = tmp_path / "parties.json"
    parties.write_text('{"seller": {"name": "X"}, '
                       '"document": {"number": "1", "date": "2026-03-31"}}', encoding="utf-8")
    argv = statement_args(examples, "invoice", tmp_path / "i.html")
    argv[argv.index("-p") + 1] = str(parties)
    assert cli.main(argv) == 2
    assert "no details for client 'Tsentr Offices'" in capsys.readouterr().err
    parties.write_text('{"seller": {"name": "X", "inn": "1"}}', encoding="utf-8")
    assert cli.main(argv) == 2
    assert f"{parties}: seller.inn: unknown key" in capsys.readouterr().err


def test_python_m_tariff(examples, tmp_path):
    """The real entry point, in a process of its own: a PDF, then bad input."""
    output = tmp_path / "invoice.pdf"
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run([sys.executable, "-m", "tariff", *statement_args(examples, "invoice",
                                                                            output)],
                          capture_output=True, text=True, env=env)
    assert (done.returncode, done.stderr) == (0, "")
    assert "Сто девять тысяч рублей 00 копеек" in pdftotext(output, "-layout")
    bad = subprocess.run([sys.executable, "-m", "tariff", *statement_args(
        examples, "invoice", output, "--period", "2026-3")], capture_output=True, text=True,
        env=env)
    assert bad.returncode == 2
    assert bad.stderr == ("python3 -m tariff: error: bad period '2026-3': expected a month as "
                          "YYYY-MM, such as 2026-03\n")
    broken = tmp_path / "broken.tariff"
    broken.write_text('tariff "T" currency RUB\nplan p { pricelist nowhere }\n', encoding="utf-8")
    args = statement_args(examples, "invoice", output)
    args[args.index("-t") + 1] = str(broken)
    bad = subprocess.run([sys.executable, "-m", "tariff", *args], capture_output=True, text=True,
                         env=env)
    assert bad.returncode == 1
    assert bad.stderr.startswith(f"python3 -m tariff: error: the tariff {broken} does not compile "
                                 f"(1 error); first: {broken}:2:")


def test_documents_without_details_say_so(march):
    statement = march
    for render, what in ((documents.invoice, "an invoice"), (documents.act, "an act"),
                         (documents.period_report, "a period report")):
        with pytest.raises(TypeError) as raised:
            render(statement, None)
        assert str(raised.value) == (
            f"{what} needs the party details as tariff.documents.Details "
            "(documents.load_details(path), or Details(seller=Party(...))), not NoneType")


def test_cli_reports_a_broken_template_in_one_line(examples, tmp_path, capsys):
    (tmp_path / "invoice.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ rows[0].descriptio }}{% endblock %}',
        encoding="utf-8")
    (tmp_path / "broken.html").write_text("{% if %}", encoding="utf-8")
    argv = statement_args(examples, "invoice", tmp_path / "i.html", "--templates", str(tmp_path))
    assert cli.main(argv) == 2
    assert capsys.readouterr().err == ("python3 -m tariff: error: template: "
                                       "'tariff.documents.rows.DocumentRow object' has no "
                                       "attribute 'descriptio'\n")
    assert cli.main(argv + ["--template", "broken.html"]) == 2
    assert capsys.readouterr().err.startswith(
        f"python3 -m tariff: error: {tmp_path / 'broken.html'}:1: ")
    assert not (tmp_path / "i.html").exists()


def test_every_kind_of_row(details):
    """Per-unit and prorated fees, a line at two prices (night), a minimum charge, and the
    statement's rounding: tests/documents/rows.tariff."""
    t = tariff.compile(DATA / "rows.tariff")
    contract = tariff.Contract("C-1", "K-1", "2026-03-17", "2026-12-31", plan="basic",
                               attributes={"workstations": 12})
    work = [tariff.WorkLine("A", "C-1", "hvac_repair", "2026-03-20T20:00:00+03:00",
                            "2026-03-20T23:30:00+03:00", request="R-1"),
            tariff.WorkLine("B", "C-1", "waste_removal", "2026-03-21T10:00:00+03:00", None, 1,
                            request="R-2")]
    statement = t.bill(contract, datetime.date(2026, 3, 1), work)
    assert statement.revenue == Decimal("46800")  # 46850.00 rounded down to 100
    ours = documents.Details(seller=details.seller, labels={"night": "ночное время"},
                             clients={"K-1": documents.Party(name="K-1")},
                             document=details.document)
    rows = document_rows(statement, ours, "ru")
    assert [(r.kind, spaced(r.description), r.quantity and spaced(r.quantity.format("ru")), r.unit,
             r.price, r.amount, r.note) for r in rows] == [
        ("fee", "Абонентская плата по тарифному плану «basic» за март 2026 г.", "12", "ед.",
         Decimal("2500.00"), Decimal("30000.00"), ""),
        ("fee", "Абонентская плата по тарифному плану «basic» за 17.03.2026 – 31.03.2026", "1",
         "усл.", Decimal("1500.00"), Decimal("1500.00"), ""),
        ("work", "HVAC repair, заявка R-1 от 20.03.2026", "2", "ч", Decimal("2500.00"),
         Decimal("5000.00"), ""),
        ("work", "HVAC repair, заявка R-1 от 20.03.2026 (ночное время)", "1,5", "ч",
         Decimal("5000.00"), Decimal("7500.00"), ""),
        ("work", "Waste removal, заявка R-2 от 21.03.2026", "1", "усл.", Decimal("2850.00"),
         Decimal("2850.00"), "с учётом минимальной стоимости"),
        ("rounding", "Округление итога по тарифу", None, "", None, Decimal("-50.00"), ""),
    ]
    assert sum((r.amount for r in rows), Decimal(0)) == statement.revenue
    text = html_text(documents.invoice(statement, ours).html)
    assert "6 Округление итога по тарифу — -50,00" in text
    assert "Всего к оплате: 46 800,00" in text
    assert "Сорок шесть тысяч восемьсот рублей 00 копеек" in text


@pytest.mark.parametrize("prices", ["excluded", "included"])
def test_taxes_of_the_engine(examples, details, prices):
    """examples/07-taxes billed by the engine (VAT at 20 % and 10 %, a client exempt), with prices
    excluding the tax as the example has it, and including it: the invoice's tax block is the
    statement's. Skipped by a build whose statements do not carry taxes yet."""
    if not hasattr(tariff.Statement, "taxes"):
        pytest.skip("this build's statements have no taxes")
    folder = examples / "07-taxes"
    source = (folder / "tariff.tariff").read_text(encoding="utf-8")
    if prices == "included":
        source = source.replace("tax vat excluded per statement", "tax vat included per line")
    t = tariff.compile(source, file="taxes.tariff")
    contracts = tariff.load_contracts(folder / "contracts.csv")
    work = tariff.load_work(folder / "work.csv")
    statements = [t.bill(c, datetime.date(2026, 3, 1), [w for w in work if w.contract == c.id])
                  for c in contracts]
    taxed, exempt = statements
    assert [(r.percent, r.rate) for r in documents.tax_rows(taxed)] == [
        (Decimal("20"), "standard"), (Decimal("10"), "reduced")]
    assert documents.tax_included(taxed) == (prices == "included")
    assert documents.rounding(taxed) == 0
    ours = documents.Details(seller=details.seller, document=details.document,
                             clients={c.client: documents.Party(name=c.client) for c in contracts})
    text = html_text(documents.invoice(taxed, ours).html)
    of = "В том числе " if prices == "included" else ""
    block = " ".join([f"Итого: {spaced(format_amount(documents.subtotal(taxed), 'ru'))}"] + [
        f"{of}НДС {r.percent} %: {spaced(format_amount(r.amount, 'ru'))}"
        for r in documents.tax_rows(taxed)] + [
        f"Всего к оплате: {spaced(format_amount(taxed.total, 'ru'))}"])
    assert block in text
    assert documents.amount_in_words(taxed.total, "RUB", "ru") in text
    rows = document_rows(taxed, ours, "ru")
    assert sum((r.amount for r in rows), Decimal("0.00")) == documents.subtotal(taxed)
    assert documents.subtotal(taxed) == (taxed.total if prices == "included" else taxed.revenue)
    records = list(csv.DictReader(io.StringIO(documents.statement_csv(taxed, ours))))
    assert sum(Decimal(r["tax"]) for r in records) == taxed.tax
    exempt_text = html_text(documents.invoice(exempt, ours).html)
    assert f"Без налога (НДС): — Всего к оплате: {spaced(format_amount(exempt.total, 'ru'))}" \
        in exempt_text


def test_a_reversal_is_a_row_and_the_rows_still_add_up(facilities, march, details):
    """A line billed in March and voided in April (docs/statement.md, "Billing twice never
    charges twice"): April's invoice has the reversal as a row at the negative amount, and the
    rows add up to the statement's figures."""
    t, contracts, work = facilities
    contract = next(c for c in contracts if c.id == "C-100")
    l13 = next(w for w in work if w.id == "L13")
    cancelled = tariff.WorkLine(l13.id, l13.contract, l13.item, l13.start, quantity=l13.quantity,
                                request=l13.request, site=l13.site, time_zone=l13.time_zone,
                                site_attributes=l13.site_attributes, void=True)
    april = t.bill(contract, datetime.date(2026, 4, 1), [cancelled], state=march.closing)
    assert [(r.id, r.reason, r.amount) for r in april.reversals] == [
        ("L13", "voided", Decimal("-2880.00"))]
    rows = document_rows(april, details, "ru")
    assert [(r.kind, r.line_id, spaced(r.description), r.note, r.amount) for r in rows[1:]] == [
        ("reversal", "L13", "Сторно: Картридж от 26.03.2026, строка L13", "отменено",
         Decimal("-2880.00"))]
    assert sum((r.amount for r in rows), Decimal("0.00")) == _figures.subtotal(april)
    # The period report's summary: fees, work, materials and reversals make the revenue.
    model = period_report_model(april, details)
    assert (model.work, model.materials, model.reversed) == (
        Decimal("0.00"), Decimal("0.00"), Decimal("-2880.00"))
    assert april.fees_total + model.work + model.materials + model.reversed == april.revenue
    en = document_rows(april, details, "en")
    assert (spaced(en[1].description), en[1].note) == (
        "Reversal: Картридж, 26 Mar 2026, line L13", "cancelled")


def test_a_reversal_is_a_row_of_the_workbooks_lines(facilities, march, details, tmp_path):
    import openpyxl

    t, contracts, work = facilities
    contract = next(c for c in contracts if c.id == "C-100")
    l13 = next(w for w in work if w.id == "L13")
    cancelled = tariff.WorkLine(l13.id, l13.contract, l13.item, l13.start, quantity=l13.quantity,
                                request=l13.request, site=l13.site, time_zone=l13.time_zone,
                                site_attributes=l13.site_attributes, void=True)
    april = t.bill(contract, datetime.date(2026, 4, 1), [cancelled], state=march.closing)
    path = tmp_path / "april.xlsx"
    documents.write_workbook(april, path, locale="en", details=details)
    lines = list(openpyxl.load_workbook(path)["Lines"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[6], r[10], r[12], r[13]) for r in lines] == [
        ("reversal", "L13", "cancelled", Decimal("-2880.00"), Decimal("-2100.00"),
         Decimal("-780.00"))]
