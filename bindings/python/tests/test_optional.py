"""A missing optional dependency names the package to install instead of ending in a traceback
from deep inside a call. Each is hidden by a None in sys.modules (an import of it then fails as if
it were not installed) for the duration of one test."""

import datetime
import sys

import pytest

import tariff
import tariff.dask
from tariff import _optional, documents
from tariff.documents import pdf


@pytest.fixture
def hide(monkeypatch):
    def hide_module(name):
        for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            monkeypatch.delitem(sys.modules, loaded)
        monkeypatch.setitem(sys.modules, name, None)
    return hide_module


def check_message(raised, module, debian, pip, extra, feature):
    assert isinstance(raised.value, ModuleNotFoundError) and raised.value.name == module
    assert str(raised.value) == (
        f"{feature} needs the Python package {pip!r} ({module}), which is not installed: install "
        f"it (Debian: apt-get install {debian}; pip: pip install {pip!r}, or pip install "
        f"'tariff[{extra}]')")


def test_pandas(hide, subscription, examples):
    t, contracts, work = subscription
    s = t.bill(contracts[0], "2026-03", work)
    hide("pandas")
    with pytest.raises(_optional.MissingDependency) as raised:
        s.to_frame()
    check_message(raised, "pandas", "python3-pandas", "pandas", "pandas", "Statement.to_frame")
    with pytest.raises(ImportError) as raised:  # still an ImportError for code that catches one
        tariff.read_table(examples / "03-subscription" / "work.csv")
    check_message(raised, "pandas", "python3-pandas", "pandas", "pandas", "tariff.read_table")


def test_dask(hide, subscription):
    hide("dask")
    with pytest.raises(_optional.MissingDependency) as raised:
        tariff.dask.price_dataframe(subscription[0], subscription[1], object())
    check_message(raised, "dask", "python3-dask", "dask", "dask", "tariff.dask.price_dataframe")


@pytest.mark.parametrize("module, debian, pip, feature, call", [
    ("jinja2", "python3-jinja2", "Jinja2", "tariff.documents (HTML and PDF documents)",
     lambda s: documents.invoice(s, documents.Details(
         seller=documents.Party(name="X"), clients={"K-1": documents.Party(name="K")},
         document=documents.DocumentInfo(number="1", date=datetime.date(2026, 3, 31))))),
    ("openpyxl", "python3-openpyxl", "openpyxl", "statement workbooks (.xlsx)",
     lambda s: documents.statement_workbook(s)),
    ("weasyprint", "python3-weasyprint", "weasyprint", "PDF documents",
     lambda s: pdf.html_to_pdf("<p>x</p>", ".")),
    ("matplotlib", "python3-matplotlib", "matplotlib", "what-if charts (comparison_chart)",
     lambda s: documents.comparison_chart(None, format="svg")),
])
def test_documents(hide, subscription, module, debian, pip, feature, call):
    t, contracts, work = subscription
    s = t.bill(contracts[0], "2026-03", work)
    hide(module)
    with pytest.raises(_optional.MissingDependency) as raised:
        call(s)
    check_message(raised, module, debian, pip, "documents", feature)


def test_a_module_that_is_installed_is_returned():
    assert _optional.require("pandas", "a test") is sys.modules["pandas"]
