"""Hostile inputs on the command line: nothing crashes the tool, nothing reaches the terminal raw,
every refusal names its place (docs/formats.md, "Text" and "JSON rules"; docs/cli.md, "Inputs").

A directory named as a file, standard input named twice, JSON nested a million levels deep,
bytes that are not UTF-8, control characters in ids, dates that do not exist, byte order marks,
and names that would forge a line of the statement.
"""
import csv
import io
import json
import os
import pathlib
import subprocess

import pytest

CLI = os.environ["TARIFF_CLI"]
TUTORIAL = pathlib.Path(os.environ["TARIFF_EXAMPLES"]).parent / "docs" / "tutorial"
TARIFF = TUTORIAL / "first.tariff"
CONTRACTS = TUTORIAL / "contracts.csv"
WORK = TUTORIAL / "work.csv"

HEADER = "id,request,contract,item,start,end,quantity\n"


def run(*args, stdin=b""):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, input=stdin, timeout=60)


def text(r):
    """stdout and stderr as text; both must be UTF-8 without control characters but LF."""
    out, err = r.stdout.decode("utf-8"), r.stderr.decode("utf-8")
    for stream in (out, err):
        assert not any(ord(c) < 0x20 and c != "\n" or 0x7F <= ord(c) <= 0x9F for c in stream), stream
    return out, err


# --- a directory is not a file ------------------------------------------------------------------

# A directory named as a tariff holds its versions (docs/design.md, decision 12): one without a
# .tariff file is named as such.
@pytest.mark.parametrize("args", [
    ["check", "{d}"],
    ["price", "-t", "{d}", "-c", CONTRACTS, "-w", WORK],
])
def test_a_directory_of_no_tariff_versions_is_named(tmp_path, args):
    d = tmp_path / "inputs"
    d.mkdir()
    r = run(*[str(a).format(d=d) for a in args])
    out, err = text(r)
    assert r.returncode == 1
    assert err == f"tariff: {d} is a directory holding no .tariff file\n"
    assert out == ""


@pytest.mark.parametrize("args", [
    ["price", "-t", TARIFF, "-c", "{d}", "-w", WORK],
    ["price", "-t", TARIFF, "-c", CONTRACTS, "-w", "{d}"],
    ["estimate", "-t", TARIFF, "-c", CONTRACTS, "-w", WORK, "--contract", "C-1", "-s", "{d}"],
    ["bill", "-t", TARIFF, "-c", CONTRACTS, "-w", WORK, "--period", "2026-03", "--payments", "{d}"],
    ["diff", "--old", TARIFF, "--new", "{d}", "-c", CONTRACTS, "-w", WORK],
])
def test_a_directory_given_as_a_file_is_named(tmp_path, args):
    d = tmp_path / "inputs"
    d.mkdir()
    r = run(*[str(a).format(d=d) for a in args])
    out, err = text(r)
    assert r.returncode == 1
    assert f"tariff: {d} is a directory, not a file\n" in err
    assert "empty" not in err and "header" not in err
    assert out == ""


# --- standard input, once -----------------------------------------------------------------------

@pytest.mark.parametrize("args, named", [
    (["price", "-t", "-", "-c", "-", "-w", WORK], "--tariff and --contracts"),
    (["price", "-t", TARIFF, "-c", "-", "-w", "-"], "--contracts and --work"),
    (["estimate", "-t", TARIFF, "-c", CONTRACTS, "-w", "-", "--contract", "C-1", "-s", "-"],
     "--work and --state"),
    (["bill", "-t", TARIFF, "-c", CONTRACTS, "-w", "-", "--payments", "-", "--period", "2026-03"],
     "--work and --payments"),
    (["diff", "--old", "-", "--new", "-", "-c", CONTRACTS, "-w", WORK], "--old and --new"),
    (["payouts", "-t", "-", "-c", CONTRACTS, "-w", "-", "--period", "2026-03"],
     "--tariff and --work"),
    (["pay", "-t", TARIFF, "-c", "-", "-w", "-", "--period", "2026-03"], "--contracts and --work"),
    (["check", "-", TARIFF, "-"], "2 of the files"),
    (["fmt", "-", "-"], "2 of the files"),
])
def test_standard_input_named_twice_is_a_command_line_error(args, named):
    r = run(*args, stdin=TARIFF.read_bytes())
    assert (r.returncode, r.stdout) == (2, b"")
    assert r.stderr.decode() == (f"tariff: standard input ('-') is named by {named}; only one "
                                 "input can come from standard input\n")


def test_standard_input_named_once_is_read():
    r = run("price", "-t", TARIFF, "-c", CONTRACTS, "-w", "-", "-f", "csv", stdin=WORK.read_bytes())
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().count("\n") == 8


# --- JSON nested too deep -----------------------------------------------------------------------

def test_json_nested_a_million_levels_is_refused_with_its_place(tmp_path):
    deep = tmp_path / "work.json"
    deep.write_text("[" * 1_000_000 + "]" * 1_000_000)
    r = run("price", "-t", TARIFF, "-c", CONTRACTS, "-w", deep)
    out, err = text(r)
    assert (r.returncode, out) == (1, "")
    assert err == (f"{deep}: row 0: JSON nested too deep at byte 65 (line 1, column 65): level 65 "
                   "of arrays and objects; the limit is 64\n"
                   f"tariff: {deep}: 1 row(s) could not be read; nothing was priced\n")
    state = tmp_path / "state.json"
    prefix, level = '{"allowances": ', '{"a": '
    state.write_text(prefix + level * 100_000)  # never closed
    r = run("estimate", "-t", TARIFF, "-c", CONTRACTS, "-w", WORK, "--contract", "C-1", "-s", state)
    out, err = text(r)
    assert r.returncode == 1
    byte = len(prefix) + 63 * len(level) + 1  # level 65: the 64th object inside "allowances"
    assert err.startswith(f"{state}: row 0: JSON nested too deep at byte {byte} (line 1, column "
                          f"{byte}): level 65 of arrays and objects; the limit is 64\n")


def test_json_nested_to_the_limit_is_read_and_refused_by_its_shape(tmp_path):
    contracts = tmp_path / "contracts.json"
    contracts.write_text("[" * 64 + "]" * 64)
    r = run("price", "-t", TARIFF, "-c", contracts, "-w", WORK)
    assert r.returncode == 1
    assert text(r)[1].startswith(f"{contracts}: row 1: expected an object, not an array\n")


# --- text that is not UTF-8, control characters -------------------------------------------------

def test_invalid_utf8_at_the_end_of_a_large_csv_is_refused_at_its_row_and_column(tmp_path):
    work = tmp_path / "work.csv"
    rows = "".join(f"W{i},R,C-1,visit,2026-03-03T10:00:00+03:00,,1\n" for i in range(50_000))
    work.write_bytes((HEADER + rows).encode() + b"W-last,R\xff,C-1,visit,2026-03-03T10:00:00+03:00,,1\n")
    message = (f"{work}: row 50002 (id W-last), column 'request': 'R\\xff' is not valid UTF-8 at "
               "byte 2 (0xff)\n")
    # To a file: the file is not made, and nothing was priced into it.
    r = run("price", "-t", TARIFF, "-c", CONTRACTS, "-w", work, "-f", "json",
            "-o", tmp_path / "out.json")
    assert (r.returncode, text(r)) == (1, ("", message + f"tariff: {work}: 1 row(s) could not be "
                                               "read; nothing was priced\n"))
    assert not (tmp_path / "out.json").exists()
    # To standard output, read and written as a stream (cli.md, Large inputs): the blocks before
    # the bad row are out, and the message says the output stops before it.
    r = run("price", "-t", TARIFF, "-c", CONTRACTS, "-w", work, "-f", "json")
    out, err = text(r)
    assert r.returncode == 1
    assert out.startswith('[\n  {\n    "id": "W0",') and not out.endswith("]\n")
    assert err == message + (f"tariff: {work}: 1 row(s) could not be read; the output above stops "
                             "before the first of them\n")


def test_a_nul_or_an_escape_in_an_id_is_refused_and_shown_visibly(tmp_path):
    work = tmp_path / "work.csv"
    work.write_bytes(HEADER.encode() + b"W\x001,R,C-1,visit,2026-03-03T10:00:00+03:00,,1\n"
                     b"W2,R\x1b[2J,C-1,visit,2026-03-03T10:00:00+03:00,,1\n"
                     b'"W\n3",R,C-1,visit,2026-03-03T10:00:00+03:00,,1\n')
    r = run("price", "-t", TARIFF, "-c", CONTRACTS, "-w", work, "-f", "csv")
    out, err = text(r)
    rule = ": ids, codes, keys and zone names may hold no control character but tab\n"
    assert err == (f"{work}: row 2, column 'id': 'W\\x001' holds a control character, \\x00, at "
                   "character 2" + rule +
                   f"{work}: row 3 (id W2), column 'request': 'R\\x1b[2J' holds a control "
                   "character, \\x1b, at character 2" + rule +
                   f"{work}: row 4, column 'id': 'W\\n3' holds a control character, \\n, at "
                   "character 2" + rule +
                   f"tariff: {work}: 3 row(s) could not be read; nothing was priced\n")


def test_a_c1_control_in_a_value_is_shown_visibly_in_the_message(tmp_path):
    work = tmp_path / "work.csv"
    work.write_bytes(b"id,contract,item,start,quantity,kind\n"
                     b"W1,C-1,visit,2026-03-03T10:00:00+03:00,1,\xc2\x9b2J\n")
    r = run("price", "-t", TARIFF, "-c", CONTRACTS, "-w", work)
    assert r.returncode == 1
    assert text(r)[1].startswith(f"{work}: row 2 (id W1), column 'kind': '\\u009b2J' is not a work "
                                 "kind")


# --- dates that do not exist --------------------------------------------------------------------

def test_a_day_that_does_not_exist_is_named(tmp_path):
    work = tmp_path / "work.csv"
    work.write_text(HEADER + "W1,R,C-1,visit,2026-02-29T10:00:00+03:00,,1\n"
                    "W2,R,C-1,repair,2026-03-02T23:00:00+03:00,2026-03-02T25:00:00+03:00,\n")
    r = run("price", "-t", TARIFF, "-c", CONTRACTS, "-w", work)
    out, err = text(r)
    assert r.returncode == 1
    assert err.splitlines()[:2] == [
        f"{work}: row 2 (id W1), column 'start': '2026-02-29T10:00:00+03:00' is not a timestamp: "
        "2026-02-29 is not a day, 2026 is not a leap year",
        f"{work}: row 3 (id W2), column 'end': '2026-03-02T25:00:00+03:00' is not a timestamp: "
        "there is no hour 25, hours go from 00 to 23"]


# --- byte order marks ---------------------------------------------------------------------------

def test_a_byte_order_mark_starts_json_and_csv_and_nowhere_else(tmp_path):
    bom = b"\xef\xbb\xbf"
    work = tmp_path / "work.json"
    work.write_bytes(bom + json.dumps([{"id": "W1", "contract": "C-1", "item": "visit",
                                        "start": "2026-03-03T10:00:00+03:00",
                                        "quantity": 1}]).encode())
    contracts = tmp_path / "contracts.csv"
    contracts.write_bytes(bom + CONTRACTS.read_bytes())
    r = run("price", "-t", TARIFF, "-c", contracts, "-w", work, "-f", "csv")
    assert r.returncode == 0, r.stderr
    joined = tmp_path / "joined.csv"  # two files joined with cat
    joined.write_bytes(bom + CONTRACTS.read_bytes() + bom + b"C-3,cafe,basic,2026-01-01,2026-12-31\n")
    r = run("price", "-t", TARIFF, "-c", joined, "-w", work)
    assert r.returncode == 1
    assert text(r)[1].startswith(f"{joined}: row 4, column 'id': '\\ufeffC-3' holds a byte order "
                                 "mark (U+FEFF) at character 1: one may only start the input\n")


# --- names that would forge output --------------------------------------------------------------

FORGED = "acme\n  total                                                    0.00\x1b[8m"


def forged_contracts(tmp_path):
    contracts = tmp_path / "contracts.json"
    contracts.write_text(json.dumps([{"id": "C-1", "client": FORGED.replace("\x1b", ""),
                                      "plan": "basic", "start": "2026-01-01",
                                      "end": "2026-12-31"}]))
    return contracts


def test_a_line_break_in_a_client_name_cannot_forge_a_line_of_the_statement(tmp_path):
    r = run("bill", "-t", TARIFF, "-c", forged_contracts(tmp_path), "-w", WORK, "--period",
            "2026-03", "--contract", "C-1")
    out, _ = text(r)
    assert r.returncode == 0
    assert "  client    acme\\n  total" in out
    assert [line for line in out.splitlines() if line.lstrip().startswith("total")] == []


def test_the_escape_in_a_name_is_refused_and_machine_output_keeps_the_text(tmp_path):
    contracts = tmp_path / "contracts.json"
    contracts.write_text(json.dumps([{"id": "C-1", "client": FORGED, "plan": "basic",
                                      "start": "2026-01-01", "end": "2026-12-31"}]))
    r = run("bill", "-t", TARIFF, "-c", contracts, "-w", WORK, "--period", "2026-03")
    assert r.returncode == 1
    assert "'client': 'acme\\n  total" in text(r)[1]
    clean = forged_contracts(tmp_path)
    r = run("bill", "-t", TARIFF, "-c", clean, "-w", WORK, "--period", "2026-03", "-f", "json")
    assert json.loads(r.stdout)[0]["client"] == FORGED.replace("\x1b", "")
    r = run("bill", "-t", TARIFF, "-c", clean, "-w", WORK, "--period", "2026-03", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode())))
    assert rows[0]["client"] == FORGED.replace("\x1b", "")  # the engine's CSV is exact
