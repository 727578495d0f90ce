"""Tariff versions through the package (docs/design.md, decision 12): a list of sources, or a
directory, compiled into one tariff; each line priced by the version of its date."""
import datetime
import pathlib
import pickle
from decimal import Decimal

import pytest

import tariff

EXAMPLE = pathlib.Path(__file__).resolve().parents[3] / "examples" / "13-tariff-versions"


def test_a_directory_is_the_versions_of_one_tariff():
    t = tariff.load(EXAMPLE)
    assert [(v[0], v[2].rsplit("/", 1)[-1]) for v in t.versions] == [
        (None, "tariff.tariff"), (datetime.date(2026, 4, 1), "tariff-2026-04.tariff")]
    priced = t.price(tariff.load_contracts(EXAMPLE / "contracts.csv"),
                     tariff.load_work(EXAMPLE / "work.csv"))
    # March by the first version, April by the second (examples/13-tariff-versions/README.md).
    assert {l.id: l.amount for l in priced} == {
        "M1": Decimal("1800.00"), "M2": Decimal("1800.00"), "M3": Decimal("4800.00"),
        "A1": Decimal("2000.00"), "A2": Decimal("600.00"), "A3": Decimal("2000.00")}


def test_a_list_of_paths_is_the_same_tariff_in_any_order():
    files = [EXAMPLE / "tariff-2026-04.tariff", EXAMPLE / "tariff.tariff"]
    assert tariff.compile(files).source_hash == tariff.load(EXAMPLE).source_hash


def test_versions_that_disagree_are_refused_with_each_finding():
    first = 'tariff "T" currency EUR\npricelist p {\n  item v "V" per visit price 1.00\n}\n'
    with pytest.raises(tariff.TariffError) as e:
        tariff.compile([first, first.replace("EUR", "USD effective 2026-04-01")])
    assert [(d.file, d.line, d.column) for d in e.value.diagnostics] == [("<input 2>", 1, 21)]
    assert e.value.diagnostics[0].message.startswith("currency USD differs from EUR")


def test_a_tariff_of_versions_does_not_pickle_but_says_why():
    with pytest.raises(TypeError, match="several versions"):
        pickle.dumps(tariff.load(EXAMPLE))
