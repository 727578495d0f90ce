"""Rendering documents: a statement (or payouts) and the caller's details in, HTML out, PDF on
request.

    doc = invoice(statement, details, locale="ru")   # a Document
    doc.write("invoice.pdf")                          # or .html; doc.html, doc.pdf()

Each function builds the template's context (docs/documents.md, "Templates", lists it) from the
statement's own figures: rows (tariff.documents.rows), taxes and the total due
(tariff.documents._figures), the amount in words (tariff.documents.words). The document's number
and date come from ``document=`` or from the details' "document"; an invoice or an act without a
number is an error, never a made-up one.
"""

from __future__ import annotations

import base64
import datetime
import os
import pathlib
from dataclasses import dataclass
from typing import Any, Optional, Sequence, Union

from .. import _tariff
from .._currency import minor_units
from . import _figures
from ._output import write_file
from .formatting import format_percent, format_period
from .labels import labels, reason_text
from .parties import Details, DetailsError, DocumentInfo
from .register import payout_register_model
from .report import period_report_model
from .rows import allowance_title, document_rows
from .environment import TemplateDirs, environment, select, template_dirs
from .words import CURRENCIES, amount_in_words

__all__ = ["Document", "act", "invoice", "is_credit_note", "payout_register", "period_report"]

# How a tax is called when the details do not say: the tariff's name for it otherwise.
_TAX_NAMES = {"vat": {"ru": "НДС", "en": "VAT"}}
_CURRENCY_NAMES = {"ru": {"RUB": "руб."}, "en": {}}


@dataclass(frozen=True)
class Document:
    """A rendered document: its HTML, and what relative links in it resolve against."""

    kind: str  # "invoice", "act", "report", "payouts"
    html: str
    base_url: str
    date: Optional[datetime.date] = None  # the document's date: the PDF is dated by it

    def pdf(self) -> bytes:
        """The document as PDF (WeasyPrint), the same bytes every time."""
        from .pdf import html_to_pdf

        return html_to_pdf(self.html, self.base_url, self.date)

    def write(self, path: Union[str, "os.PathLike[str]"]) -> pathlib.Path:
        """Writes the document as its suffix says: .html (UTF-8) or .pdf."""
        path = pathlib.Path(path)
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm"):
            write_file(path, self.html.encode("utf-8"))
        elif suffix == ".pdf":
            write_file(path, self.pdf())
        else:
            raise ValueError(f"{path}: a document is written as .html or .pdf, not {suffix or '?'}")
        return path


def _document_info(details: Details, document: Optional[DocumentInfo], what: str,
                   number_required: bool) -> DocumentInfo:
    if not isinstance(details, Details):  # None or a dict would fail later, far from the cause
        raise TypeError(f"{what} needs the party details as tariff.documents.Details "
                        f"(documents.load_details(path), or Details(seller=Party(...))), not "
                        f"{type(details).__name__}")
    info = document or details.document
    if info is None:
        raise DetailsError(f"{what} needs a date{' and a number' if number_required else ''}: "
                           "pass document=DocumentInfo(...) or give \"document\" in the details")
    if number_required and not info.number:
        raise DetailsError(f"{what} needs a number: the document's number is the caller's")
    return info


def _tax_view(statement: Any, details: Details, locale: str) -> list[dict]:
    t = labels(locale)
    included = _figures.tax_included(statement)
    rows = []
    for row in _figures.tax_rows(statement):
        name = details.taxes.get(row.tax) or _TAX_NAMES.get(row.tax.lower(), {}).get(locale) \
            or row.tax
        label = t["tax_line"].format(tax=name, percent=format_percent(row.percent, locale))
        if included:
            label = t["tax_of_which"].format(label=label)
        rows.append(dict(label=label, tax=row.tax, rate=row.rate, percent=row.percent,
                         base=row.base, amount=row.amount))
    return rows


def _words(amount: Any, currency: str, locale: str) -> str:
    """The amount in words; "" for a currency the words module has no names for."""
    return amount_in_words(amount, currency, locale) if currency.upper() in CURRENCIES else ""


def _render(kind: str, context: dict, *, currency: str, details: Details, locale: str,
            templates: TemplateDirs, template: Optional[str]) -> Document:
    def unit_of(item: str) -> str:
        return details.item(item).unit or labels(locale)["unit_piece"]

    env = environment(locale, templates, decimals=minor_units(currency), unit_of=unit_of)
    html = select(env, kind, locale, template).render(context)
    base = template_dirs(templates)[0]
    return Document(kind=kind, html=html, base_url=base.as_uri() + "/",
                    date=context["document"].date)


_IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                ".svg": "image/svg+xml"}


def logo_uri(details: Details) -> str:
    """The seller's logo as a data: URI, so the HTML stands alone and the PDF is the same bytes
    wherever it is rendered; "" without one. A missing or unreadable file is an error."""
    logo = details.seller.logo
    if not logo:
        return ""
    path = pathlib.Path(logo)
    kind = _IMAGE_TYPES.get(path.suffix.lower())
    if kind is None:
        raise DetailsError(f"seller.logo: {logo!r} is not a PNG, JPEG or SVG file")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DetailsError(f"seller.logo: cannot read {logo!r}: {e.strerror}") from None
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def _common(statement: Any, details: Details, info: DocumentInfo, locale: str) -> dict:
    t = labels(locale)
    total = _figures.total_due(statement)
    return dict(
        locale=locale, t=t, version=_tariff.__version__, document=info, seller=details.seller,
        logo=logo_uri(details),
        buyer=details.client(statement.client), statement=statement,
        basis=details.contracts.get(statement.contract) or f"{t['contract']} {statement.contract}",
        period_text=format_period(statement.period.first, statement.period.last, locale),
        currency=statement.currency,
        currency_name=_CURRENCY_NAMES[locale].get(statement.currency, statement.currency),
        subtotal=_figures.subtotal(statement), rounding=_figures.rounding(statement),
        taxes=_tax_view(statement, details, locale), tax_exempt=_figures.tax_exempt(statement),
        tax_included=_figures.tax_included(statement), tax_total=_figures.tax_total(statement),
        total_due=total, words=_words(total, statement.currency, locale))


def is_credit_note(statement: Any) -> bool:
    """Whether ``statement`` gives money back: its total due is below zero. Its invoice is titled
    a credit note, and ``python3 -m tariff`` numbers it in the credit notes' series."""
    return _figures.total_due(statement) < 0


def invoice(statement: Any, details: Details, *, document: Optional[DocumentInfo] = None,
            locale: str = "ru", templates: TemplateDirs = None,
            template: Optional[str] = None) -> Document:
    """An invoice for ``statement``: the fees and the work billed (work an allowance included
    bills nothing and is left out), taxes per rate, the total due and the amount in words.

    ``templates``: a directory (or several) searched before the package's defaults;
    ``template``: a template name to use instead of ``invoice.html``."""
    info = _document_info(details, document, "an invoice", number_required=True)
    context = _common(statement, details, info, locale)
    # A statement that gives money back (reversals, refunds: a negative total) is a credit note.
    context["credit_note"] = is_credit_note(statement)
    context["rows"] = document_rows(statement, details, locale, include_covered=False)
    return _render("invoice", context, currency=statement.currency, details=details,
                   locale=locale, templates=templates, template=template)


def act(statement: Any, details: Details, *, document: Optional[DocumentInfo] = None,
        locale: str = "ru", templates: TemplateDirs = None,
        template: Optional[str] = None) -> Document:
    """An act of completed work for ``statement``: every line of work of the period, those an
    allowance included at 0.00 with the value covered, the totals, taxes and signatures of both
    parties. Same options as ``invoice``."""
    info = _document_info(details, document, "an act", number_required=True)
    context = _common(statement, details, info, locale)
    context["rows"] = document_rows(statement, details, locale, include_covered=True)
    return _render("act", context, currency=statement.currency, details=details, locale=locale,
                   templates=templates, template=template)


def _not_billed(lines: Sequence[Any], locale: str) -> list[dict]:
    return [dict(id=line.id, request=line.request, date=line.date, reason=line.reason,
                 reason_text=reason_text(line.reason or "", line.message, locale))
            for line in lines]


def period_report(statement: Any, details: Details, *, document: Optional[DocumentInfo] = None,
                  locale: str = "ru", templates: TemplateDirs = None,
                  template: Optional[str] = None, contract_lines_only: bool = True) -> Document:
    """The client's report for the period: each request with its lines, work and materials,
    what the allowances included and covered, what is billed beyond them; the allowances' use;
    the lines not billed in this statement (``contract_lines_only``: leaving out those rejected
    only because they belong to another contract). It is dated, not numbered."""
    info = _document_info(details, document, "a period report", number_required=False)
    context = _common(statement, details, info, locale)
    t = context["t"]
    rejected = [line for line in statement.rejected
                if not (contract_lines_only and line.reason == "wrong_contract")]
    context.update(
        model=period_report_model(statement, details),
        kinds={kind: t.get(f"kind_{kind}", kind) for kind in
               ("warranty", "internal", "bug_fix", "company_cost", "billable")},
        not_billed=_not_billed(rejected, locale),
        allowance_title=lambda key, item="": allowance_title(key, details, locale, item=item))
    return _render("report", context, currency=statement.currency, details=details,
                   locale=locale, templates=templates, template=template)


def payout_register(payouts: Sequence[Any], details: Details, *, not_paid: Sequence[Any] = (),
                    document: Optional[DocumentInfo] = None, locale: str = "ru",
                    templates: TemplateDirs = None, template: Optional[str] = None) -> Document:
    """A payout register of ``payouts`` (``tariff.payouts(...)[0]``; ``not_paid`` its second
    half): per performer the lines with rate, amount and acceptance, payable and pending."""
    info = _document_info(details, document, "a payout register", number_required=False)
    register = payout_register_model(payouts, not_paid, details)
    t = labels(locale)
    period = register.period
    currency = register.totals[0].currency if register.totals else "RUB"
    context = dict(
        locale=locale, t=t, version=_tariff.__version__, document=info, seller=details.seller,
        logo=logo_uri(details), register=register,
        period_text=format_period(period.first, period.last, locale) if period else "",
        not_paid=_not_billed(register.not_paid, locale),
        item_title=lambda code: details.item(code).title or code)
    return _render("payouts", context, currency=currency, details=details, locale=locale,
                   templates=templates, template=template)
