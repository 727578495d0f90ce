"""Compiling from Python: source or path, warnings kept, errors raised as TariffError with the
diagnostics (file, line, column, message)."""

import pathlib

import pytest

import tariff

GOOD = """tariff "Service" currency RUB
rounding line 0.01 half_up
pricelist retail {
  item visit "Visit" per visit price 1800.00 cost 900.00
}
plan standard {
  pricelist retail
}
"""

# tests/errors/check/attribute_unknown.tariff, cut down: a misspelt attribute.
BAD = """tariff "T" currency EUR
attribute site.region : string
pricelist retail {
  item visit "Visit" per visit price 100.00
}
rule a when site.regoin = "tula" : price * 1.25
rule d when contract.years > 2 : price * 0.9
"""


def test_compile_from_source_text():
    t = tariff.compile(GOOD, file="service.tariff")
    assert (t.name, t.currency, t.file, t.plans) == ("Service", "RUB", "service.tariff", ["standard"])
    assert t.source == GOOD
    assert len(t.source_hash) == 64 and t.warnings == []
    assert repr(t) == f"<tariff.Tariff 'Service' RUB {t.source_hash[:12]}>"


def test_a_path_object_or_load_reads_a_file_and_a_str_is_always_source(tmp_path):
    path = tmp_path / "service.tariff"
    path.write_text(GOOD)
    by_path = tariff.compile(path)
    loaded = tariff.load(str(path))
    assert by_path.file == loaded.file == str(path)
    assert by_path.source_hash == loaded.source_hash == tariff.compile(GOOD).source_hash
    assert tariff.load(path, file="named.tariff").file == "named.tariff"
    # A str naming the file is source text: it does not compile, and the error says why.
    with pytest.raises(tariff.TariffError) as raised:
        tariff.compile(str(path))
    assert raised.value.diagnostics[0].file == "<input>"
    assert str(raised.value).endswith(
        f"\nhint: the text is the name of the file {str(path)!r}; a str is always tariff source: "
        f"to compile the file, pass pathlib.Path({str(path)!r}) or use tariff.load({str(path)!r})")


def test_a_missing_file_says_no_such_file(tmp_path):
    missing = tmp_path / "docs" / "servce.tariff"
    for call in (lambda: tariff.compile(missing), lambda: tariff.load(str(missing)),
                 lambda: tariff.check(missing)):
        with pytest.raises(FileNotFoundError) as raised:
            call()
        assert str(raised.value) == f"[Errno 2] no such file: {str(missing)!r}"
    # A directory holds the versions of one tariff (docs/design.md, decision 12): none here.
    with pytest.raises(IsADirectoryError, match="is a directory holding no .tariff file"):
        tariff.load(tmp_path)
    # A mistyped path given as a str is compiled as source; the error hints at what was meant.
    with pytest.raises(tariff.TariffError) as raised:
        tariff.compile(str(missing))
    assert str(raised.value).splitlines()[-1] == (
        "hint: the text looks like a file name, but a str is always tariff source; to read a "
        f"file pass pathlib.Path or use tariff.load (no such file: {str(missing)!r})")
    # Source that does not compile and names no file gets no hint.
    with pytest.raises(tariff.TariffError) as raised:
        tariff.compile(BAD, file="bad.tariff")
    assert "hint:" not in str(raised.value)


def test_errors_raise_tariff_error_with_diagnostics():
    with pytest.raises(tariff.TariffError) as raised:
        tariff.compile(BAD, file="bad.tariff")
    found = [(d.file, d.line, d.column, d.severity, d.message) for d in raised.value.diagnostics]
    assert found == [
        ("bad.tariff", 6, 13, "error", "unknown attribute 'site.regoin'; did you mean 'site.region'?"),
        ("bad.tariff", 7, 13, "error",
         "unknown attribute 'contract.years'; did you mean 'contract.year'?"),
    ]
    assert raised.value.input_errors == []
    message = str(raised.value)
    assert message.startswith("bad.tariff: 2 errors\n")
    assert "bad.tariff:6:13: error: unknown attribute 'site.regoin'" in message
    d = raised.value.diagnostics[0]
    assert d.source_line == 'rule a when site.regoin = "tula" : price * 1.25'
    assert str(d) == ("bad.tariff:6:13: error: unknown attribute 'site.regoin'; did you mean "
                      "'site.region'?\n"
                      '  rule a when site.regoin = "tula" : price * 1.25\n'
                      "              ^\n"
                      "              site.region")  # the fix-it under the name


def test_a_diagnostic_has_its_stable_name_span_and_fix():
    with pytest.raises(tariff.TariffError) as raised:
        tariff.compile(BAD, file="bad.tariff")
    d = raised.value.diagnostics[0]
    assert (d.name, d.line, d.column, d.length) == ("unknown-attribute", 6, 13, len("site.regoin"))
    [fix] = d.fixes
    assert isinstance(fix, tariff.FixIt)
    assert (fix.line, fix.column, fix.end_line, fix.end_column, fix.replacement) == (
        6, 13, 6, 13 + len("site.regoin"), "site.region")
    warning = tariff.check(GOOD + "rule off when false : price * 0.1\n")[0]
    assert (warning.severity, warning.name, warning.fixes) == ("warning", "never-fires", [])


def test_a_syntax_error_has_its_place():
    with pytest.raises(tariff.TariffError) as raised:
        tariff.compile('tariff "T" currency EUR\npricelist retail {\n  item visit "Visit" per\n}\n')
    d = raised.value.diagnostics[0]
    assert (d.file, d.line, d.severity) == ("<input>", 3, "error")


def test_check_lists_warnings_without_raising():
    source = GOOD + "rule off when false : price * 0.1\n"
    found = [(d.line, d.column, d.severity, d.message) for d in tariff.check(source)]
    assert found == [(9, 6, "warning", "rule 'off' can never fire: its condition is always false")]
    assert [d.message for d in tariff.compile(source).warnings] == [found[0][3]]
    assert tariff.check(GOOD) == []


def test_the_time_zone_and_version():
    t = tariff.compile(pathlib.Path(__file__).parents[3] / "examples/04-night-work/tariff.tariff")
    assert t.time_zone == "Europe/Moscow"
    assert tariff.__version__.count(".") == 2


def test_compile_refuses_what_is_neither_text_nor_path():
    with pytest.raises(TypeError):
        tariff.compile(42)
