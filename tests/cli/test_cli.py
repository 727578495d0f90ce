"""The `tariff` tool as a user runs it: commands, exit codes, output, files written.

Figures come from the golden examples (examples/NN-*/expect.txt hold the same ones).
"""
import json
import os
import pathlib
import pty
import shutil
import subprocess

import pytest

CLI = os.environ["TARIFF_CLI"]
EXAMPLES = pathlib.Path(os.environ["TARIFF_EXAMPLES"])
SUBSCRIPTION = EXAMPLES / "03-subscription"
FACILITIES = EXAMPLES / "tariffs" / "facilities.tariff"


def run(*args, cwd=None):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          stdin=subprocess.DEVNULL, timeout=60)


def inputs(example=SUBSCRIPTION):
    return ["-t", example / "tariff.tariff", "-c", example / "contracts.csv",
            "-w", example / "work.csv"]


# --- check -------------------------------------------------------------------------------------

def test_check_a_clean_tariff():
    r = run("check", FACILITIES)
    assert r.returncode == 0
    assert r.stdout == f"{FACILITIES}: ok\n"
    assert r.stderr == ""


def test_check_reports_the_place_with_a_caret_and_fails(tmp_path):
    bad = tmp_path / "typo.tariff"
    bad.write_text(FACILITIES.read_text().replace("in night", "in nigth"))
    r = run("check", bad)
    assert r.returncode == 1
    line_no = next(i for i, l in enumerate(bad.read_text().splitlines(), 1) if "nigth" in l)
    column = bad.read_text().splitlines()[line_no - 1].index("nigth") + 1
    assert f"{bad}:{line_no}:{column}: error: unknown window 'nigth'" in r.stderr
    assert "did you mean 'night'?" in r.stderr
    assert "\n" + " " * (column + 1) + "^" in r.stderr  # the caret under the name
    assert r.stderr.endswith("^\n1 error(s), 0 warning(s) in 1 file(s)\n")  # no empty line


def test_check_goes_on_after_an_unreadable_file(tmp_path):
    r = run("check", tmp_path / "missing.tariff", FACILITIES)
    assert r.returncode == 1
    assert f"cannot read {tmp_path / 'missing.tariff'}" in r.stderr
    assert r.stdout == f"{FACILITIES}: ok\n"


def test_diagnostics_of_standard_input_name_it(tmp_path):
    r = subprocess.run([CLI, "check", "-"], input='tariff "T" currency RUB\nrule : price\n',
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1
    assert r.stderr.startswith("<stdin>:2:6: error:")


# --- price and estimate ------------------------------------------------------------------------

def test_price_json_gives_each_line_exactly():
    r = run("price", *inputs(), "-f", "json")
    assert r.returncode == 0, r.stderr
    lines = {l["id"]: l for l in json.loads(r.stdout)}
    assert lines["V4"]["amount"] == "1800.00"
    assert lines["M1"]["amount"] == "6400.00"
    assert lines["M1"]["cost"] == "4200.00"


def test_price_table_explains_each_price():
    r = run("price", *inputs(EXAMPLES / "04-night-work"), "--explain")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith('Priced with "')
    assert "Totals" in r.stdout
    assert " -> " in r.stdout  # a trace step: before -> after


def test_price_csv_has_a_header_and_a_row_per_line():
    r = run("price", *inputs(), "-f", "csv")
    assert r.returncode == 0
    rows = r.stdout.splitlines()
    assert rows[0].startswith("id,request,contract,item,kind,date,status")
    work_rows = (SUBSCRIPTION / "work.csv").read_text().splitlines()
    assert len(rows) == len(work_rows)


def test_bad_work_is_refused_with_its_row_and_nothing_priced(tmp_path):
    work = tmp_path / "work.csv"
    work.write_text("id,contract,item,start,end,quantity\n"
                    "W1,C-1,engineer_visit,2026-03-03T09:30:00+03:00,,1\n"
                    "W2,C-1,engineer_visit,yesterday,,1\n")
    r = run("price", "-t", SUBSCRIPTION / "tariff.tariff", "-c", SUBSCRIPTION / "contracts.csv",
            "-w", work)
    assert r.returncode == 1
    assert r.stdout == ""
    assert f"{work}: row 3 (id W2), column 'start'" in r.stderr


def test_estimate_prices_against_a_state_and_leaves_it(tmp_path):
    state = tmp_path / "state.json"
    r = run("bill", *inputs(), "--period", "2026-03", "--contract", "C-1", "--save-state", state)
    assert r.returncode == 0, r.stderr
    saved = state.read_text()
    assert '"used": "3"' in saved  # the three included visits of March
    planned = tmp_path / "planned.csv"
    planned.write_text("id,contract,item,start,end,quantity\n"
                       "P1,C-1,engineer_visit,2026-03-31T10:00:00+03:00,,1\n")
    r = run("estimate", "-t", SUBSCRIPTION / "tariff.tariff", "-c", SUBSCRIPTION / "contracts.csv",
            "-w", planned, "--contract", "C-1", "-s", state, "-f", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[0]["amount"] == "1800.00"  # the allowance is used up
    r = run("estimate", "-t", SUBSCRIPTION / "tariff.tariff", "-c", SUBSCRIPTION / "contracts.csv",
            "-w", planned, "--contract", "C-1", "-f", "json")
    assert json.loads(r.stdout)[0]["amount"] == "0.00"  # from an empty state it is included
    assert state.read_text() == saved


# --- bill --------------------------------------------------------------------------------------

def test_bill_text_statement():
    r = run("bill", *inputs(), "--period", "2026-03")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Statement for contract C-1\n")
    assert "58200.00" in r.stdout  # examples/c_host: March with V5 included


def test_bill_json_statement_and_state_round_trip(tmp_path):
    state = tmp_path / "march.json"
    r = run("bill", *inputs(), "--period", "2026-03", "-f", "json", "--contract", "C-1",
            "--save-state", state)
    assert r.returncode == 0, r.stderr
    [s] = json.loads(r.stdout)  # an array of statements, one per contract
    assert s["revenue"] == "58200.00"
    assert [l["id"] for l in s["rejected"]] == ["A1"]  # April's line waits for April
    april = run("bill", *inputs(), "--period", "2026-04", "-f", "json", "--contract", "C-1",
                "-s", state)
    assert april.returncode == 0, april.stderr
    assert json.loads(april.stdout)[0]["period"]["first"] == "2026-04-01"


def test_bill_csv_is_a_row_of_totals_per_statement():
    r = run("bill", "-t", FACILITIES, "-c", EXAMPLES / "work" / "facilities-contracts.csv",
            "-w", EXAMPLES / "work" / "facilities-work.csv", "--period", "2026-03", "-f", "csv")
    assert r.returncode == 0, r.stderr
    rows = r.stdout.splitlines()
    assert rows[0] == ("contract,client,plan,first,last,currency,lines,adjustments,rejected,fees,"
                       "work,revenue,cost,margin,margin_percent,tax,total")
    assert len(rows) == 3
    assert rows[2].endswith(",100000.00,0.00,100000.00,4666.67,95333.33,95.33,0.00,100000.00")


def test_bill_state_needs_one_contract(tmp_path):
    facilities = ["-t", FACILITIES, "-c", EXAMPLES / "work" / "facilities-contracts.csv",
                  "-w", EXAMPLES / "work" / "facilities-work.csv", "--period", "2026-03"]
    r = run("bill", *facilities, "--save-state", tmp_path / "s.json")
    assert r.returncode == 2
    assert "one contract" in r.stderr
    # A contract named twice is billed once, so its state can be saved.
    r = run("bill", *facilities, "--save-state", tmp_path / "s.json", "--contract", "C-200",
            "--contract", "C-200")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("Statement for contract") == 1


def test_bill_says_when_there_is_no_contract_to_bill(tmp_path):
    contracts = tmp_path / "contracts.csv"
    contracts.write_text("id,client,plan,status,start,end\n"
                         "X1,K-9,gold,registered,2026-01-01,2026-12-31\n")
    r = run("bill", "-t", SUBSCRIPTION / "tariff.tariff", "-c", contracts,
            "-w", SUBSCRIPTION / "work.csv", "--period", "2026-03")
    assert r.returncode == 1
    assert "contract 'X1' has plan 'gold', which the tariff does not have; not billed" in r.stderr
    assert "no contract to bill" in r.stderr


# --- diff --------------------------------------------------------------------------------------

def proposed(tmp_path):
    raised = tmp_path / "proposed.tariff"
    raised.write_text((SUBSCRIPTION / "tariff.tariff").read_text()
                      .replace("fee 45000.00", "fee 47000.00"))
    return raised


def test_diff_csv_totals(tmp_path):
    r = run("diff", "--old", SUBSCRIPTION / "tariff.tariff", "--new", proposed(tmp_path),
            "-c", SUBSCRIPTION / "contracts.csv", "-w", SUBSCRIPTION / "work.csv", "-f", "csv")
    assert r.returncode == 0, r.stderr
    rows = {tuple(l.split(",")[:2]): l.split(",") for l in r.stdout.splitlines()[1:]}
    fees = rows[("fees", "")]
    assert fees[6:9] == ["90000.00", "94000.00", "4000.00"]  # March and April, +2000 each


def test_diff_text_lists_changed_lines_side_by_side(tmp_path):
    cheaper = tmp_path / "cheaper.tariff"
    cheaper.write_text((SUBSCRIPTION / "tariff.tariff").read_text()
                       .replace("price 3200.00", "price 3000.00"))
    r = run("diff", "--old", SUBSCRIPTION / "tariff.tariff", "--new", cheaper,
            "-c", SUBSCRIPTION / "contracts.csv", "-w", SUBSCRIPTION / "work.csv", "--lines")
    assert r.returncode == 0, r.stderr
    assert "M1  cartridge  contract C-1, client K-1:  6400.00 -> 6000.00  (-400.00)" in r.stdout
    assert "| new: " in r.stdout


# --- fmt ---------------------------------------------------------------------------------------

def test_fmt_check_write_and_idempotence(tmp_path):
    messy = tmp_path / "messy.tariff"
    messy.write_text(FACILITIES.read_text().replace("rule night   when", "rule   night when")
                     .replace("rule night when", "rule   night when"))
    r = run("fmt", "--check", messy)
    assert r.returncode == 1
    assert r.stdout == f"{messy}\n"
    assert run("fmt", "-w", messy).returncode == 0
    assert messy.read_text() == FACILITIES.read_text()  # the examples are kept formatted
    r = run("fmt", "--check", messy)
    assert (r.returncode, r.stdout) == (0, "")


def test_examples_are_in_canonical_layout():
    tariffs = sorted(EXAMPLES.glob("**/*.tariff"))
    r = run("fmt", "--check", *tariffs)
    assert (r.returncode, r.stdout) == (0, "")


def test_fmt_refuses_a_syntax_error(tmp_path):
    bad = tmp_path / "bad.tariff"
    bad.write_text('tariff "T" currency RUB\nrule : price\n')
    r = run("fmt", bad)
    assert r.returncode == 1
    assert f"{bad}:2:6: error:" in r.stderr
    assert bad.read_text() == 'tariff "T" currency RUB\nrule : price\n'


# --- the command line itself -------------------------------------------------------------------

def test_usage_errors_exit_2():
    r = run("price", "-t", FACILITIES)
    assert r.returncode == 2
    assert "required" in r.stderr.lower()
    r = run("frobnicate")
    assert r.returncode == 2
    assert "unknown command 'frobnicate'" in r.stderr


def test_version():
    r = run("--version")
    assert r.returncode == 0
    assert r.stdout.startswith("tariff ")


def test_progress_bar_only_on_a_terminal(tmp_path):
    work = tmp_path / "many.csv"
    rows = ["id,contract,item,start,end,quantity"]
    rows += [f"L{i},C-1,cartridge,2026-03-10T14:40:00+03:00,,1" for i in range(25000)]
    work.write_text("\n".join(rows) + "\n")
    args = ["price", "-t", SUBSCRIPTION / "tariff.tariff", "-c", SUBSCRIPTION / "contracts.csv",
            "-w", work, "-f", "csv", "-o", tmp_path / "out.csv"]
    piped = run(*args)
    assert piped.returncode == 0
    assert piped.stderr == ""  # no bar into a pipe or a log
    leader, follower = pty.openpty()
    with subprocess.Popen([CLI, *map(str, args)], stderr=follower, stdout=subprocess.DEVNULL,
                          stdin=subprocess.DEVNULL) as p:
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        assert p.wait(timeout=60) == 0
    os.close(leader)
    assert b"of 25000 lines" in seen
    assert b"100%" in seen
