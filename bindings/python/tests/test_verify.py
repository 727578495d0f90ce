"""tariff.verify and tariff.tzdata_version (docs/python.md, "Checking a past statement"): the
March statement of examples/03-subscription written with its inputs, billed again under the
archived tariff, and changed by hand."""

import datetime
import json
import pathlib
import shutil
import zoneinfo

import pytest

import tariff


@pytest.fixture()
def archived(subscription, examples, tmp_path):
    """The March statement with its inputs, and an archive holding the tariff that billed it."""
    t, contracts, work = subscription
    not_v5 = [w for w in work if w.id != "V5"]
    s = t.bill(contracts[0], datetime.date(2026, 3, 1), not_v5)
    archive = tmp_path / "archive"
    (archive / "2026-03").mkdir(parents=True)
    shutil.copy(examples / "03-subscription" / "tariff.tariff", archive / "2026-03" / "pos.tariff")
    return t, s, archive


def test_the_engine_names_the_tzdata_python_reads(subscription):
    """zoneinfo reads the operating system's database when TZPATH has one, as the engine does:
    its version line is the version the engine reports and statements record."""
    t, contracts, work = subscription
    version = tariff.tzdata_version()
    zi = next(pathlib.Path(p) / "tzdata.zi" for p in zoneinfo.TZPATH
              if (pathlib.Path(p) / "tzdata.zi").exists())
    assert zi.read_text(encoding="utf-8").splitlines()[0] == f"# version {version}"
    s = t.bill(contracts[0], "2026-03", work)
    assert (s.tzdata, s.engine) == (version, tariff.__version__)


def test_a_statement_billed_again_is_identical(archived):
    t, s, archive = archived
    text = s.to_json(inputs=True)
    assert json.loads(text)["inputs"]["contract"]["id"] == "C-1"
    r = tariff.verify(text, archive)
    assert r.identical and bool(r)
    assert (r.statements, r.differing, r.differences, r.missing_hashes) == (1, 0, [], [])
    assert r.notes == [f"tariff {t.source_hash[:12]}: {archive / '2026-03' / 'pos.tariff'}"]
    assert str(r).endswith("\nidentical\n")


def test_a_path_is_read(archived, tmp_path):
    t, s, archive = archived
    path = tmp_path / "march.json"
    path.write_text(s.to_json(inputs=True), encoding="utf-8")
    assert tariff.verify(path, archive).identical
    assert tariff.verify(str(path), str(archive)).identical


def test_a_tampered_figure_is_the_difference(archived):
    t, s, archive = archived
    text = s.to_json(inputs=True).replace('"revenue": "56400.00"', '"revenue": "56000.00"', 1)
    r = tariff.verify(text, archive)
    assert not r.identical
    [d] = r.differences
    assert (d.contract, d.period, d.element, d.where, d.recorded, d.repriced) == (
        "C-1", "2026-03-01..2026-03-31", "", "revenue", '"56000.00"', '"56400.00"')


def test_a_tampered_line_is_explained_both_ways(archived):
    t, s, archive = archived
    statement = json.loads(s.to_json(inputs=True))
    [v4] = [l for l in statement["lines"] if l["id"] == "V4"]
    v4["amount"] = "1900.00"
    r = tariff.verify(json.dumps(statement), archive)
    [d] = r.differences
    assert (d.element, d.where, d.recorded, d.repriced) == (
        "lines[V4]", "lines[V4].amount", '"1900.00"', '"1800.00"')
    assert d.recorded_line == ("V4 engineer_visit 2026-03-24: billed 1, amount 1900.00, cost 900.00\n"
                               "  part 1 2026-03-24: 1 x 1800.00 = 1800.00")
    assert d.repriced_line == ("V4 engineer_visit 2026-03-24: billed 1, amount 1800.00, cost 900.00\n"
                               "  part 1 2026-03-24: 1 x 1800.00 = 1800.00")


def test_an_archive_without_the_tariff_names_the_hash(archived, tmp_path):
    t, s, archive = archived
    empty = tmp_path / "empty"
    empty.mkdir()
    r = tariff.verify(s.to_json(inputs=True), empty)
    assert not r.identical
    assert r.missing_hashes == [t.source_hash]


def test_a_statement_without_inputs_cannot_be_verified(archived):
    t, s, archive = archived
    with pytest.raises(ValueError, match="records no inputs"):
        tariff.verify(s.to_json(), archive)
