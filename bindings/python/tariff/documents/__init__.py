"""Business documents from statements: invoices, acts of completed work, client period reports,
contractor payout registers (HTML and PDF), statement workbooks (Excel) and CSV, and what-if
charts of a tariff comparison (PNG, SVG).

    import tariff, tariff.documents as documents
    details = documents.load_details("examples/documents/parties.json")
    statement = t.bill(contract, "2026-03-01", work)
    documents.invoice(statement, details, locale="ru").write("invoice.pdf")
    documents.write_workbook(statement, "statement.xlsx", locale="ru")

Every figure printed is the statement's own Decimal, formatted for the locale (ru "1 234,56",
en "1,234.56"); names, tax ids, bank details, numbers and dates are the caller's (``Details``).
Templates are Jinja2 files: pass ``templates=`` to search a directory of your own first.
docs/documents.md is the guide; ``python3 -m tariff`` renders them from the command line.
"""

from __future__ import annotations

from ._figures import TaxRow, line_tax, rounding, subtotal, tax_exempt, tax_included, tax_rows, \
    tax_total, total_due
from ._output import WriteError
from .catalogue import tariff_items, with_tariff
from .formatting import format_amount, format_date, format_long_date, format_period, \
    format_quantity
from .numbering import NumberCounter, NumberingError, NumberingRule
from .parties import BankAccount, Details, DetailsError, DocumentInfo, ItemInfo, Party, \
    Signatory, details_from_dict, load_details
from .render import Document, act, invoice, payout_register, period_report
from .rows import DocumentRow, Quantity, document_rows
from .words import amount_in_words, number_in_words

__all__ = [
    "BankAccount", "Details", "DetailsError", "Document", "DocumentInfo", "DocumentRow",
    "ItemInfo", "NumberCounter", "NumberingError", "NumberingRule", "Party", "Quantity",
    "Signatory", "TaxRow", "WriteError", "act", "amount_in_words", "comparison_chart",
    "details_from_dict", "document_rows", "format_amount", "format_date", "format_long_date",
    "format_period", "format_quantity", "invoice", "line_tax", "load_details",
    "number_in_words", "payout_register", "period_report", "rounding", "statement_csv",
    "statement_workbook", "subtotal", "tariff_items", "tax_exempt", "tax_included", "tax_rows",
    "tax_total", "total_due", "with_tariff", "write_statement_csv", "write_workbook",
]


def __getattr__(name: str):
    # The workbook, CSV and chart writers import openpyxl and matplotlib, which take time and
    # are not needed for HTML: loaded on first use.
    if name in ("write_workbook", "statement_workbook"):
        from . import workbook
        return getattr(workbook, name)
    if name in ("statement_csv", "write_statement_csv"):
        from . import accounting_csv
        return getattr(accounting_csv, name)
    if name == "comparison_chart":
        from .charts import comparison_chart
        return comparison_chart
    raise AttributeError(f"module 'tariff.documents' has no attribute {name!r}")
