"""The golden examples through Python give the C++ figures, to the digit.

Two ways: every directive of each examples/NN-*/expect.txt (the figures the C++ golden test
holds the engine to) is checked against what the Python package returns; and every priced line
of each example, every field of it, parts and trace included, is compared with the JSON that the
C++ host program writes for the same files (`tariff-demo price ... --json`).
"""

import json
import os
import warnings
import subprocess
from decimal import Decimal

import pytest

import golden
import tariff
from conftest import example_folders

FOLDERS = example_folders()


def test_all_golden_examples_are_found():
    assert len(FOLDERS) >= 14
    assert {f.name for f in FOLDERS} >= {"01-catalogue", "03-subscription", "05-tiers",
                                         "07-payment-schemes", "12-price-history",
                                         # money flows: taxes, balances and payments, staff pay
                                         "07-taxes", "07-prepaid-balance", "12-prepaid-support",
                                         "11-repair-kinds"}


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_expectations_hold_through_python(folder):
    failures, compared, unchecked = golden.check_folder(folder)
    assert failures == []
    assert compared > 0
    if unchecked:  # a feature the package does not bind yet: its figures are the C++ test's
        warnings.warn(f"{folder.name}: directives not checked through Python: "
                      f"{', '.join(sorted(unchecked))}")


def _utc(t) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def _money(d: Decimal) -> str:
    return format(d, "f")


def _step(s: tariff.TraceStep) -> dict:
    out = {"kind": s.kind, "name": s.name, "before": _money(s.before), "after": _money(s.after)}
    if s.kind in ("group", "group_factor", "discount"):
        out["factor"] = _money(s.factor)
    out.update(line=s.line, column=s.column)
    return out


def as_formats_json(line: tariff.PricedLine) -> dict:
    """A priced line as docs/formats.md ("Priced lines", JSON) writes it, built in Python from
    the objects the package returns."""
    out = {"id": line.id, "request": line.request, "contract": line.contract, "item": line.item,
           "kind": line.kind, "date": line.date.isoformat() if line.date else "",
           "status": line.status}
    if not line.ok:
        out.update(reason=line.reason, message=line.message)
        return out
    parts = []
    for p in line.parts:
        part = {"begin": _utc(p.begin), "end": _utc(p.end), "date": p.date.isoformat(),
                "labels": p.labels, "measured": str(p.measured), "billed": str(p.billed),
                "list_price": _money(p.list_price), "unit_price": _money(p.unit_price),
                "amount": _money(p.amount), "cost": _money(p.cost)}
        if p.allowance is not None:
            part.update(allowance=p.allowance, covered=_money(p.covered))
        part["trace"] = [_step(s) for s in p.trace]
        parts.append(part)
    out.update(title=line.title, price_list=line.price_list, measured=str(line.measured),
               billed=str(line.billed), amount=_money(line.amount), cost=_money(line.cost),
               margin=_money(line.margin), parts=parts,
               line_trace=[_step(s) for s in line.line_trace])
    return out


@pytest.mark.skipif("TARIFF_DEMO" not in os.environ,
                    reason="TARIFF_DEMO (the built tariff-demo) is not given")
@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_every_priced_line_equals_the_cpp_host_output(folder):
    files = [str(folder / name) for name in ("tariff.tariff", "contracts.csv", "work.csv")]
    cpp = json.loads(subprocess.run([os.environ["TARIFF_DEMO"], "price", *files, "--json"],
                                    check=True, capture_output=True, text=True, timeout=60).stdout)
    t = tariff.compile(folder / "tariff.tariff")
    priced = t.price(tariff.load_contracts(folder / "contracts.csv"),
                     tariff.load_work(folder / "work.csv"))
    python = [as_formats_json(l) for l in priced]
    assert len(python) == len(cpp)
    for mine, theirs in zip(python, cpp):
        assert mine == theirs


@pytest.mark.skipif("TARIFF_DEMO" not in os.environ,
                    reason="TARIFF_DEMO (the built tariff-demo) is not given")
@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_table_pricing_equals_the_cpp_host_output(folder):
    """The batch path (a DataFrame of the work file's text) gives the same figures."""
    files = [str(folder / name) for name in ("tariff.tariff", "contracts.csv", "work.csv")]
    cpp = json.loads(subprocess.run([os.environ["TARIFF_DEMO"], "price", *files, "--json"],
                                    check=True, capture_output=True, text=True, timeout=60).stdout)
    t = tariff.compile(folder / "tariff.tariff")
    table = t.price_table(tariff.read_table(folder / "contracts.csv"),
                          tariff.read_table(folder / "work.csv"), money="str")
    assert list(table["id"]) == [c["id"] for c in cpp]
    for row, theirs in zip(table.itertuples(), cpp):
        assert row.status == theirs["status"]
        assert (row.date.date().isoformat() if row.date == row.date else "") == theirs["date"]
        if theirs["status"] == "rejected":
            assert (row.reason, row.message) == (theirs["reason"], theirs["message"])
            assert row.amount is None
            continue
        assert (row.amount, row.cost, row.margin) == (theirs["amount"], theirs["cost"], theirs["margin"])
        assert (row.measured, row.billed, row.price_list) == (
            theirs["measured"], theirs["billed"], theirs["price_list"])
        assert row.parts == len(theirs["parts"])
