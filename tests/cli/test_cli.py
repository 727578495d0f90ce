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
    # the fix-it under the name, then the count: no empty line
    assert r.stderr.endswith("^~~~~\n" + " " * (column + 1) + "night\n"
                             "tariff: 1 error(s), 0 warning(s) in 1 file(s)\n")


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


def test_price_table_shows_part_amounts_at_the_display_scale_and_site_times():
    night = EXAMPLES / "04-night-work"
    r = run("price", *inputs(night))
    assert r.returncode == 0, r.stderr
    rows = r.stdout.splitlines()
    # J2, 20:10-23:30 per started hour: 4583.333... and 10833.333... marked, exact in JSON.
    j2 = rows.index(next(l for l in rows if l.startswith("  J2 ")))
    assert rows[j2 + 1:j2 + 3] == [
        "      20:10-22:00                                                 1h50min  @ 2500.00   ≈4583.33",
        "      22:00-23:30             night                               2h10min  @ 5000.00  ≈10833.33",
    ]
    # J8 at a site in Yekaterinburg, 18:00-21:00 Moscow time: its own clock, zone named.
    j8 = rows.index(next(l for l in rows if l.startswith("  J8 ")))
    assert rows[j8].endswith("10000.00  C-1; times in Asia/Yekaterinburg")
    assert rows[j8 + 1:j8 + 3] == [
        "      20:00-22:00                                                      2h  @ 2500.00    5000.00",
        "      22:00-23:00             night                                    1h  @ 5000.00    5000.00",
    ]
    exact = run("price", *inputs(night), "-f", "json")
    j2_parts = next(l for l in json.loads(exact.stdout) if l["id"] == "J2")["parts"]
    assert [p["amount"] for p in j2_parts] == ["4583.33333333333333333333",
                                               "10833.33333333333333333333"]


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


def test_semicolon_csv_is_told_by_its_header(tmp_path):
    # What a spreadsheet exports in a decimal-comma locale: the same lines, priced the same.
    semicolons = tmp_path / "work.csv"
    semicolons.write_bytes(b"\xef\xbb\xbf" + (SUBSCRIPTION / "work.csv").read_bytes()
                           .replace(b",", b";").replace(b"\n", b"\r\n"))
    r = run("price", "-t", SUBSCRIPTION / "tariff.tariff", "-c", SUBSCRIPTION / "contracts.csv",
            "-w", semicolons, "-f", "json")
    assert r.returncode == 0, r.stderr
    assert r.stdout == run("price", *inputs(), "-f", "json").stdout


def test_delimiter_reads_a_semicolon_file_whose_header_has_a_quoted_comma(tmp_path):
    # Detection sees the ',' of the header's quoted field and splits at commas; --delimiter ';'
    # reads every CSV input (work, contracts, payments) with semicolons.
    args = money(tmp_path, [])
    (tmp_path / "contracts.csv").write_text('id;client;plan;start;end;"client.name, full"\n'
                                            'C-1;acme;basic;2026-01-01;2026-12-31;"Acme, Ltd"\n')
    (tmp_path / "work.csv").write_text(
        'id;contract;item;start;quantity;"work.note, short"\n'
        'V3;C-1;visit;2026-03-03T10:00:00Z;1;"a, b; c"\n'
        'V10;C-1;visit;2026-03-10T10:00:00Z;2;plain\n')
    paid = tmp_path / "paid.csv"
    paid.write_text("id;contract;date;amount\nP-1;C-1;2026-03-01;20000.00\n")
    r = run("price", *args)
    assert r.returncode == 1
    assert r.stderr == (f"{tmp_path / 'contracts.csv'}: row 1: a quote inside an unquoted field "
                        "(quote the whole field)\n"
                        f"tariff: {tmp_path / 'contracts.csv'}: 1 row(s) could not be read; "
                        "nothing was priced\n")
    for delimiter in [";", "semicolon"]:
        r = run("price", *args, "--delimiter", delimiter, "-f", "csv")
        assert (r.returncode, r.stderr) == (0, "")
        assert [row.split(",")[:13] for row in r.stdout.splitlines()[1:]] == [
            ["V3", "", "C-1", "visit", "billable", "2026-03-03", "priced", "", "", "retail", "1",
             "1", "1000.00"],
            ["V10", "", "C-1", "visit", "billable", "2026-03-10", "priced", "", "", "retail", "2",
             "2", "2000.00"]]
    r = run("bill", *args, "--period", "2026-03", "--payments", paid, "--delimiter", ";",
            "-f", "json")
    assert (r.returncode, r.stderr) == (0, "")
    [statement] = json.loads(r.stdout)
    # The fee 10000.00 and the visits 3000.00, with 20 % tax, drawn from the payment.
    assert (statement["revenue"], statement["tax"], statement["total"]) == (
        "13000.00", "2600.00", "15600.00")
    assert (statement["prepaid"]["received"], statement["prepaid"]["closing"]) == (
        "20000.00", "4400.00")
    r = run("pay", *args, "--period", "2026-03", "--delimiter", ";", "-f", "csv")
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout.splitlines()[1:] == [  # no performer named: the employee is empty
        ",V3,,C-1,visit,billable,2026-03-03,1,1000.00,labour,300.00",
        ",V10,,C-1,visit,billable,2026-03-10,2,2000.00,labour,600.00"]
    r = run("price", *args, "--delimiter", "tab")
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == "tariff: --delimiter: expected ',' or ';', not 'tab' (see 'tariff help price')\n"
    r = run("check", tmp_path / "money.tariff", "--delimiter", ";")
    assert r.returncode == 2
    assert "unknown option '--delimiter'" in r.stderr


def test_spreadsheet_habits_get_hints_not_guesses(tmp_path):
    work = tmp_path / "work.csv"
    work.write_bytes(
        b"id;contract;item;start;quantity;performer\n"
        b"V1;C-1;cartridge;03.03.2026 09:45;1;x\n"
        b"V2;C-1;cartridge;2026-03-03T09:30+03:00;2,5;x\n"
        b"V3;C-1;cartridge;2026-03-03T09:30+03:00;1;\xc8\xe2\xe0\xed\xee\xe2\n"
        b"V4;C-1;cartridge;2026-03-03T09:30+03:00;1;Sm\xe9th\n")
    r = run("price", "-t", SUBSCRIPTION / "tariff.tariff", "-c", SUBSCRIPTION / "contracts.csv",
            "-w", work)
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr.splitlines() == [
        f"{work}: row 2 (id V1), column 'start': '03.03.2026 09:45' is not a timestamp with an "
        "offset, like 2026-03-29T01:30:00+03:00 or 2026-03-28T22:30Z; dates are written year "
        "first and times with their zone's offset: 2026-03-03T09:45:00+03:00 if dd.mm.yyyy at "
        "+03:00 was meant",
        f"{work}: row 3 (id V2), column 'quantity': '2,5' is not a decimal number; the decimal "
        "separator is '.': if a decimal comma was meant, write 2.5",
        f"{work}: row 4 (id V3), column 'performer': '\\xc8\\xe2\\xe0\\xed\\xee\\xe2' is not "
        "valid UTF-8 at byte 1 (0xc8); if the file is in Windows-1251 (cp1251), save it as UTF-8",
        f"{work}: row 5 (id V4), column 'performer': 'Sm\\xe9th' is not valid UTF-8 at byte 3 "
        "(0xe9)",
        f"tariff: {work}: 4 row(s) could not be read; nothing was priced"]
    contracts = tmp_path / "contracts.csv"
    contracts.write_text((SUBSCRIPTION / "contracts.csv").read_text().replace("2026-01-01", "01.01.2026", 1))
    r = run("price", "-t", SUBSCRIPTION / "tariff.tariff", "-c", contracts, "-w", SUBSCRIPTION / "work.csv")
    assert r.returncode == 1
    assert "'01.01.2026' is not a date (YYYY-MM-DD); dates are written year first: 2026-01-01 if dd.mm.yyyy was meant" in r.stderr


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


def test_timeout_stops_with_status_5_and_writes_no_file(tmp_path):
    # A timeout that has passed before the tariff is compiled: deterministic, whatever the speed.
    out, state = tmp_path / "priced.csv", tmp_path / "state.json"
    state.write_text("kept\n")
    stopped = "tariff: stopped: the --timeout of 0.000001 s passed; the files it would write " \
              "are left as they were\n"
    r = run("price", *inputs(), "-f", "csv", "-o", out, "--timeout", "0.000001")
    assert (r.returncode, r.stdout, r.stderr) == (5, "", stopped)
    assert not out.exists()
    r = run("bill", *inputs(), "--period", "2026-03", "--save-state", state,
            "--timeout", "0.000001")
    assert (r.returncode, r.stdout, r.stderr) == (5, "", stopped)
    assert state.read_text() == "kept\n"
    r = run("estimate", *inputs(), "--contract", "C-1", "--timeout", "1e-6")
    assert r.returncode == 5
    report = tmp_path / "diff.txt"
    r = run("diff", "--old", SUBSCRIPTION / "tariff.tariff", "--new", SUBSCRIPTION / "tariff.tariff",
            "-c", SUBSCRIPTION / "contracts.csv", "-w", SUBSCRIPTION / "work.csv", "-o", report,
            "--timeout", "0.000001")
    assert (r.returncode, r.stderr) == (5, stopped)
    assert not report.exists()
    # A timeout long enough changes nothing.
    assert run("price", *inputs(), "-f", "json", "--timeout", "600").stdout == \
        run("price", *inputs(), "-f", "json").stdout


@pytest.mark.parametrize("value", ["0", "-1", "abc", "1e400", "nan", ""])
def test_timeout_must_be_a_number_of_seconds(value):
    r = run("price", *inputs(), "--timeout", value)
    assert r.returncode == 2
    assert r.stderr == (f"tariff: --timeout: expected a number of seconds greater than 0, "
                        f"not '{value}' (see 'tariff help price')\n")


def test_bill_csv_is_a_row_of_totals_per_statement():
    r = run("bill", "-t", FACILITIES, "-c", EXAMPLES / "work" / "facilities-contracts.csv",
            "-w", EXAMPLES / "work" / "facilities-work.csv", "--period", "2026-03", "-f", "csv")
    assert r.returncode == 0, r.stderr
    rows = r.stdout.splitlines()
    assert rows[0] == ("contract,client,plan,first,last,currency,lines,adjustments,rejected,fees,"
                       "work,revenue,cost,margin,margin_percent,tax,total,owed,balance,id,"
                       "supplementary")
    assert len(rows) == 3
    *totals, statement_id, supplementary = rows[2].split(",")
    assert ",".join(totals).endswith(",100000.00,0.00,100000.00,4666.67,95333.33,95.33,0.00,"
                                     "100000.00,,")
    assert supplementary == "false"


def test_bill_saves_every_contracts_state_in_one_file(tmp_path):
    facilities = ["-t", FACILITIES, "-c", EXAMPLES / "work" / "facilities-contracts.csv",
                  "-w", EXAMPLES / "work" / "facilities-work.csv", "--period", "2026-03"]
    saved = tmp_path / "s.json"
    r = run("bill", *facilities, "--save-state", saved)
    assert (r.returncode, r.stderr) == (0, "")
    states = json.loads(saved.read_text())
    assert states["format"] == 2
    assert [s["contract"] for s in states["states"]] == ["C-100", "C-200"]
    assert [s["revision"] for s in states["states"]] == [1, 1]
    # Billed again from it: nothing is charged twice, and the file stays as it was.
    again = tmp_path / "again.json"
    r = run("bill", *facilities, "--state", saved, "--save-state", again, "-f", "json")
    assert (r.returncode, r.stderr) == (0, "")
    assert [s["supplementary"] for s in json.loads(r.stdout)] == [True, True]
    assert [s["fees_total"] for s in json.loads(r.stdout)] == ["0.00", "0.00"]
    assert again.read_text() == saved.read_text()
    # One contract billed from the file: the other's state is kept as it was.
    one = tmp_path / "one.json"
    r = run("bill", *facilities, "--state", saved, "--save-state", one, "--contract", "C-200",
            "--contract", "C-200")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("Statement for contract") == 1
    assert one.read_text() == saved.read_text()


def test_a_state_naming_no_contract_opens_one_contract_only(tmp_path):
    facilities = ["-t", FACILITIES, "-c", EXAMPLES / "work" / "facilities-contracts.csv",
                  "-w", EXAMPLES / "work" / "facilities-work.csv", "--period", "2026-03"]
    old = tmp_path / "old.json"
    old.write_text('{"allowances": []}\n')  # format 1: no contract
    r = run("bill", *facilities, "--state", old)
    assert r.returncode == 2
    assert r.stderr == (f"tariff: {old}: the state names no contract (format 1, or new), so it "
                        "opens one contract only: give --contract\n")
    saved = tmp_path / "saved.json"
    r = run("bill", *facilities, "--state", old, "--contract", "C-200", "--save-state", saved)
    assert r.returncode == 0, r.stderr
    state = json.loads(saved.read_text())  # one contract: one state, now naming it
    assert (state["format"], state["contract"], state["revision"]) == (2, "C-200", 1)


def test_bill_text_writes_durations_as_hours_and_minutes_and_the_state_keeps_seconds(tmp_path):
    limits = EXAMPLES / "08-labour-limits"
    state = tmp_path / "state.json"
    r = run("bill", *inputs(limits), "--save-state", state)
    assert r.returncode == 0, r.stderr
    rows = r.stdout.splitlines()
    assert rows[rows.index("Alerts") + 1:rows.index("Alerts") + 3] == [
        "  - allowance hvac_repair+support_hour/month for 2026-03-01..2026-03-31 reached 80% with"
        " line H4: 18h of 20h used",
        "  - allowance hvac_repair+support_hour/month for 2026-03-01..2026-03-31 reached 100% with"
        " line H5: 20h of 20h used",
    ]
    assert ("  hvac_repair/month  2026-03-01..2026-03-31       10h         0min        3h"
            "         7h  7500.00") in rows
    states = json.loads(state.read_text())
    assert '"used": "10800"' in state.read_text(), states  # a machine format: seconds
    # J1 (3h of hvac_repair/month) voided: the reversal returns 3h, not 10800.
    void = tmp_path / "void.csv"
    header, *lines = (limits / "work.csv").read_text().splitlines()
    j1 = next(l for l in lines if l.startswith("J1,"))
    void.write_text(f"{header},void\n{j1},true\n")
    r = run("bill", "-t", limits / "tariff.tariff", "-c", limits / "contracts.csv", "-w", void,
            "--contract", "C-2", "-s", state, "--period", "2026-03")
    assert r.returncode == 0, r.stderr
    assert ("  reverses J1 (voided)  2026-03-10  hvac_repair      0.00  returns 3h to"
            " hvac_repair/month for 2026-03-01..2026-03-31") in r.stdout.splitlines(), r.stdout


def test_bill_says_when_there_is_no_contract_to_bill(tmp_path):
    contracts = tmp_path / "contracts.csv"
    contracts.write_text("id,client,plan,status,start,end\n"
                         "X1,K-9,gold,registered,2026-01-01,2026-12-31\n")
    r = run("bill", "-t", SUBSCRIPTION / "tariff.tariff", "-c", contracts,
            "-w", SUBSCRIPTION / "work.csv", "--period", "2026-03")
    assert r.returncode == 1
    assert "contract 'X1' has plan 'gold', which the tariff does not have; not billed" in r.stderr
    assert "no contract to bill" in r.stderr


# --- bill: payments and prepaid balances; pay: staff pay --------------------------------------

# Prices exclude a 20 % VAT; the plan's balance is prepaid with an alert at 5000.00; technicians
# earn 30 % of what the client pays for a visit.
MONEY = """tariff "T" currency RUB
rounding line 0.01 half_up
pricelist retail { item visit "Visit" per visit price 1000.00 cost 400.00 }
tax vat excluded per line round 0.01 half_up { rate standard 20% }
pay technicians { rule labour for visit : amount * 30% }
plan basic { pricelist retail  fee support 10000.00 per month  prepaid alert 5000.00 }
"""
MONEY_EXAMPLE = EXAMPLES / "cli-money"


def money(tmp_path, work_rows, tariff=MONEY):
    """-t, -c and -w for MONEY, contract C-1 on plan basic, and these work rows."""
    (tmp_path / "money.tariff").write_text(tariff)
    (tmp_path / "contracts.csv").write_text("id,client,plan,start,end\n"
                                            "C-1,acme,basic,2026-01-01,2026-12-31\n")
    (tmp_path / "work.csv").write_text("id,contract,item,start,end,quantity,kind,performer\n"
                                       + "".join(r + "\n" for r in work_rows))
    return ["-t", tmp_path / "money.tariff", "-c", tmp_path / "contracts.csv",
            "-w", tmp_path / "work.csv"]


def payments(path, *rows):
    path.write_text("id,contract,date,amount\n" + "".join(r + "\n" for r in rows))
    return path


VISITS = [f"V{d},C-1,visit,2026-03-{d:02}T10:00:00Z,,1,billable,ivanov" for d in (3, 10, 17)]


def test_bill_payments_fill_the_prepaid_balance_and_the_state_carries_it(tmp_path):
    # 20000.00 paid on 1 March; the fee costs 10000.00 + 2000.00 tax, each visit 1000.00 + 200.00.
    paid = payments(tmp_path / "paid.csv", "P-1,C-1,2026-03-01,20000.00")
    march = tmp_path / "march.json"
    r = run("bill", *money(tmp_path, VISITS), "--period", "2026-03", "--payments", paid,
            "-f", "json", "--contract", "C-1", "--save-state", march)
    assert (r.returncode, r.stderr) == (0, "")
    [s] = json.loads(r.stdout)
    assert (s["revenue"], s["tax"], s["total"]) == ("13000.00", "2600.00", "15600.00")
    prepaid = s["prepaid"]
    assert [(p["id"], p["date"], p["amount"]) for p in prepaid["payments"]] == [
        ("P-1", "2026-03-01", "20000.00")]
    assert (prepaid["received"], prepaid["drawn"], prepaid["closing"], prepaid["owed"]) == (
        "20000.00", "15600.00", "4400.00", "0.00")
    # 20000 - 12000 = 8000, then 6800, 5600, and V17 takes it to 4400, under 5000.00.
    assert [(a["kind"], a["line"], a["threshold"]) for a in s["alerts"]] == [
        ("balance_low", "V17", "5000.00")]
    assert s["closing"]["balance"] == "4400.00"
    assert json.loads(march.read_text())["balance"] == "4400.00"
    # April from March's state, without a payment: the fee's 12000.00 takes the 4400.00 left and
    # 7600.00 is owed; the closing balance is 0, which the state leaves out.
    april = tmp_path / "april.json"
    r = run("bill", *money(tmp_path, []), "--period", "2026-04", "--contract", "C-1",
            "-s", march, "--save-state", april, "-f", "json")
    assert (r.returncode, r.stderr) == (0, "")
    [s] = json.loads(r.stdout)
    prepaid = s["prepaid"]
    assert (prepaid["opening"], prepaid["received"], prepaid["drawn"], prepaid["closing"],
            prepaid["owed"]) == ("4400.00", "0.00", "4400.00", "0.00", "7600.00")
    assert [a["kind"] for a in s["alerts"]] == ["balance_exhausted"]
    assert "7600.00 of it is owed" in s["alerts"][0]["message"]
    assert "balance" not in json.loads(april.read_text())


def test_bill_payments_in_text_and_from_json(tmp_path):
    paid = tmp_path / "paid.JSON"  # JSON by the name, in any case
    paid.write_text('[{"id": "P-1", "contract": "C-1", "date": "2026-02-20", "amount": 12500}]')
    r = run("bill", *money(tmp_path, VISITS[:1]), "--period", "2026-03", "--payments", paid)
    assert (r.returncode, r.stderr) == (0, "")
    # Paid in February, credited on 1 March: the fee's 12000.00 leaves 500.00, which V3's
    # 1200.00 takes, and 700.00 is owed.
    assert "\n  payment P-1  2026-02-20" in r.stdout
    owed = next(l for l in r.stdout.splitlines() if l.startswith("  owed "))
    assert owed.split() == ["owed", "700.00", "not", "covered", "by", "the", "balance"]
    assert ("  - prepaid balance fell to 500.00 (alert at 5000.00) with fee support 10000.00 per "
            "month\n  - prepaid balance exhausted with line V3: 700.00 of it is owed\n") in r.stdout


def test_bill_payments_that_no_balance_takes_are_named(tmp_path):
    paid = payments(tmp_path / "paid.csv", "P-1,C-1,2026-03-05,100.00",
                    "P-2,C-1,2026-04-01,500.00", "P-3,C-9,2026-03-05,700.00")
    r = run("bill", *money(tmp_path, VISITS), "--period", "2026-03", "--payments", paid,
            "-f", "json")
    assert r.returncode == 0, r.stderr
    assert r.stderr == ("tariff: 1 payment(s) name no contract given; not credited\n"
                        "tariff: contract 'C-1': 1 payment(s) dated after the period; not "
                        "credited, they wait for their own statement\n")
    assert json.loads(r.stdout)[0]["prepaid"]["received"] == "100.00"
    # A plan without `prepaid` takes no payment.
    r = run("bill", *inputs(), "--period", "2026-03", "--contract", "C-1",
            "--payments", payments(tmp_path / "c1.csv", "P-1,C-1,2026-03-05,100.00"))
    assert r.returncode == 0, r.stderr
    assert r.stderr == ("tariff: contract 'C-1' has plan 'pos_service', which has no prepaid "
                        "balance; its 1 payment(s) not credited\n")


def test_bill_refuses_bad_payments_with_their_rows(tmp_path):
    paid = payments(tmp_path / "paid.csv", "P-1,C-1,2026-03-01,20000.00",
                    "P-2,C-1,2026-03-32,500.00", "P-3,C-1,2026-03-05,-5.00")
    r = run("bill", *money(tmp_path, VISITS), "--period", "2026-03", "--payments", paid)
    assert r.returncode == 1
    assert r.stdout == ""
    assert r.stderr == (
        f"{paid}: row 3 (id P-2), column 'date': '2026-03-32' is not a date: 2026-03-32 is not a "
        "day, March has 31 days\n"
        f"{paid}: row 4 (id P-3), column 'amount': a payment must be above 0, not -5.00\n"
        f"tariff: {paid}: 2 row(s) could not be read; nothing was priced\n")
    bad_json = tmp_path / "paid.json"
    bad_json.write_text('[{"id": "P-1", "contract": "C-1", "date": "2026-03-01"}]')
    r = run("bill", *money(tmp_path, VISITS), "--period", "2026-03", "--payments", bad_json)
    assert r.returncode == 1
    assert f"{bad_json}: row 1 (id P-1), column 'amount'" in r.stderr
    r = run("bill", *money(tmp_path, VISITS), "--period", "2026-03",
            "--payments", tmp_path / "missing.csv")
    assert r.returncode == 1
    assert r.stderr == f"tariff: cannot read {tmp_path / 'missing.csv'}\n"


def test_pay_gives_each_employee_the_rules_pay(tmp_path):
    work = VISITS + ["V24,C-1,visit,2026-03-24T10:00:00Z,,1,warranty,petrov",
                     "A1,C-1,visit,2026-04-01T10:00:00Z,,1,billable,petrov"]  # April's
    r = run("pay", *money(tmp_path, work), "--period", "2026-03", "-f", "csv")
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout == (
        "employee,id,request,contract,item,kind,date,quantity,amount,rule,pay\n"
        "ivanov,V3,,C-1,visit,billable,2026-03-03,1,1000.00,labour,300.00\n"
        "ivanov,V10,,C-1,visit,billable,2026-03-10,1,1000.00,labour,300.00\n"
        "ivanov,V17,,C-1,visit,billable,2026-03-17,1,1000.00,labour,300.00\n"
        "petrov,V24,,C-1,visit,warranty,2026-03-24,1,0.00,labour,0.00\n")
    r = run("pay", *money(tmp_path, work), "--period", "2026-03", "--pay", "technicians")
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout.startswith("Pay of ivanov for 2026-03-01..2026-03-31")
    assert "  V3     2026-03-03  visit  billable  1  of 1000.00  300.00  rule labour\n" in r.stdout
    assert "\n  total                                              900.00\n" in r.stdout
    assert "\nPay of petrov for 2026-03-01..2026-03-31" in r.stdout


def test_pay_output_file_and_the_example(tmp_path):
    out = tmp_path / "pay.csv"
    r = run("pay", "-t", MONEY_EXAMPLE / "money.tariff", "-c", MONEY_EXAMPLE / "contracts.csv",
            "-w", MONEY_EXAMPLE / "march.csv", "--period", "2026-03", "-f", "csv", "-o", out)
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    rows = out.read_text().splitlines()
    assert [(row.split(",")[0], row.split(",")[-1]) for row in rows[1:]] == [
        ("ivanov", "300.00"), ("ivanov", "300.00"), ("ivanov", "0.00"), ("petrov", "300.00")]


def test_pay_and_payouts_write_json_as_the_c_interface_does(tmp_path):
    work = [VISITS[0], "X1,C-1,vist,2026-03-05T10:00:00Z,,1,,ivanov"]
    r = run("pay", *money(tmp_path, work), "--period", "2026-03", "-f", "json")
    assert (r.returncode, r.stderr) == (
        0, "tariff: not paid: line X1: item 'vist' is in no price list of tariff 'T'\n")
    assert r.stdout == """{
  "staff_pay": [
    {
      "employee": "ivanov",
      "currency": "RUB",
      "period": {"first": "2026-03-01", "last": "2026-03-31"},
      "total": "300.00",
      "lines": [
        {
          "id": "V3",
          "request": "",
          "contract": "C-1",
          "item": "visit",
          "kind": "billable",
          "date": "2026-03-03",
          "quantity": "1",
          "amount": "1000.00",
          "rule": "labour",
          "pay": "300.00",
          "line": 5,
          "column": 19
        }
      ]
    }
  ],
  "rejected": [
    {
      "id": "X1",
      "request": "",
      "contract": "C-1",
      "item": "vist",
      "kind": "billable",
      "date": "2026-03-05",
      "status": "rejected",
      "reason": "unknown_item",
      "message": "line X1: item 'vist' is in no price list of tariff 'T'"
    }
  ]
}
"""
    # -o x.json writes JSON without -f; payouts at each item's cost, pending without acceptance.
    out = tmp_path / "payouts.json"
    r = run("payouts", *money(tmp_path, VISITS[:2]), "--period", "2026-03", "-o", out)
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    written = json.loads(out.read_text())
    assert written["rejected"] == []
    [ivanov] = written["payouts"]
    assert (ivanov["performer"], ivanov["payable"], ivanov["pending"]) == ("ivanov", "0.00", "800.00")
    assert [(l["id"], l["rate"], l["accepted_on"], l["status"]) for l in ivanov["lines"]] == [
        ("V3", "400.00", None, "pending"), ("V10", "400.00", None, "pending")]
    out = tmp_path / "payouts.csv"
    r = run("payouts", *money(tmp_path, VISITS[:1]), "--period", "2026-03", "-o", out)
    assert (r.returncode, r.stderr) == (0, "")
    assert out.read_text() == (
        "performer,id,request,contract,item,date,accepted_on,quantity,rate,amount,status\n"
        "ivanov,V3,,C-1,visit,2026-03-03,,1,400.00,400.00,pending\n")
    r = run("payouts", *money(tmp_path, VISITS), "--period", "2026-03", "-f", "csv",
            "-o", tmp_path / "p.json")
    assert r.returncode == 2
    assert "names a json file, and --format is csv" in r.stderr


def test_pay_names_an_unknown_pay_block_and_the_lines_it_cannot_pay(tmp_path):
    r = run("pay", *money(tmp_path, VISITS), "--period", "2026-03", "--pay", "nurses")
    assert r.returncode == 1
    assert r.stdout == ""
    assert r.stderr == "tariff: tariff 'T' has no pay block 'nurses'\n"
    # Two pay blocks: --pay is needed.
    two = MONEY + "pay drivers { rule trip for visit : 100.00 }\n"
    r = run("pay", *money(tmp_path, VISITS, tariff=two), "--period", "2026-03")
    assert r.returncode == 1
    assert "has 2 pay blocks" in r.stderr
    r = run("pay", *money(tmp_path, VISITS, tariff=two), "--period", "2026-03", "--pay", "drivers",
            "-f", "csv")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[1].endswith(",trip,100.00")
    # A line the tariff rejects is paid nothing, and named.
    r = run("pay", *money(tmp_path, VISITS + ["X1,C-1,vist,2026-03-05T10:00:00Z,,1,,ivanov"]),
            "--period", "2026-03", "-f", "csv")
    assert r.returncode == 0
    assert r.stderr == "tariff: not paid: line X1: item 'vist' is in no price list of tariff 'T'\n"
    assert "X1" not in r.stdout


def test_pay_period_is_a_month(tmp_path):
    r = run("pay", *money(tmp_path, VISITS), "--period", "2026-03-05")
    assert r.returncode == 2
    assert r.stderr == "tariff: --period 2026-03-05: expected YYYY-MM\n"
    r = run("pay", *money(tmp_path, VISITS))
    assert r.returncode == 2
    assert "--period is required" in r.stderr


# --- diff --------------------------------------------------------------------------------------

def proposed(tmp_path):
    raised = tmp_path / "proposed.tariff"
    raised.write_text((SUBSCRIPTION / "tariff.tariff").read_text()
                      .replace("fee 45000.00", "fee 47000.00"))
    return raised


def test_diff_maps_a_renamed_plan(tmp_path):
    # The proposal renames pos_service to pos_basic and cuts its fee from 45000.00 to 39000.00.
    renamed = tmp_path / "renamed.tariff"
    renamed.write_text((SUBSCRIPTION / "tariff.tariff").read_text()
                       .replace("plan pos_service", "plan pos_basic")
                       .replace("fee 45000.00 per month", "fee 39000.00 per month"))
    args = ["--old", SUBSCRIPTION / "tariff.tariff", "--new", renamed,
            "-c", SUBSCRIPTION / "contracts.csv", "-w", SUBSCRIPTION / "work.csv", "-f", "csv"]
    r = run("diff", *args)
    assert r.returncode == 4
    assert r.stderr.endswith("tariff: 1 contract(s) cannot be priced under the new tariff\n")
    r = run("diff", *args, "--map-plan", "pos_service=pos_basic", "--exit-code")
    assert (r.returncode, r.stderr) == (3, "")
    rows = [row.split(",") for row in r.stdout.splitlines()]
    header = rows[0]
    figures = {(row[0], row[1]): dict(zip(header, row)) for row in rows[1:]}
    total = figures[("total", "")]
    assert (total["lines"], total["changed"], total["new_rejected"]) == ("8", "0", "0")
    assert (total["old_revenue"], total["new_revenue"], total["revenue_change"]) == (
        "103200.00", "91200.00", "-12000.00")
    assert figures[("fees", "")]["new_revenue"] == "78000.00"
    assert figures[("month", "2026-04")]["new_revenue"] == "39000.00"
    # Mapped twice, to a plan the tariff lacks, or not OLD=NEW.
    r = run("diff", *args, "--map-plan", "pos_service=pos_basic", "--map-plan", "pos_service=x")
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == "tariff: --map-plan: plan 'pos_service' is mapped twice\n"
    r = run("diff", *args, "--map-plan", "pos_service=gold")
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr == ("tariff: renamed plan 'pos_service': the proposed tariff 'POS service "
                        "centre' has no plan 'gold'\n")
    r = run("diff", *args, "--map-plan", "pos_service")
    assert (r.returncode, r.stderr) == (
        2, "tariff: --map-plan pos_service: expected OLD=NEW, two plan names\n")


def test_diff_csv_totals(tmp_path):
    r = run("diff", "--old", SUBSCRIPTION / "tariff.tariff", "--new", proposed(tmp_path),
            "-c", SUBSCRIPTION / "contracts.csv", "-w", SUBSCRIPTION / "work.csv", "-f", "csv")
    assert r.returncode == 0, r.stderr
    rows = {tuple(l.split(",")[:2]): l.split(",") for l in r.stdout.splitlines()[1:]}
    fees = rows[("fees", "")]
    assert fees[6:9] == ["90000.00", "94000.00", "4000.00"]  # March and April, +2000 each


def test_diff_text_lists_changed_lines_in_100_columns(tmp_path):
    cheaper = tmp_path / "cheaper.tariff"
    cheaper.write_text((SUBSCRIPTION / "tariff.tariff").read_text()
                       .replace("price 3200.00", "price 3000.00"))
    r = run("diff", "--old", SUBSCRIPTION / "tariff.tariff", "--new", cheaper,
            "-c", SUBSCRIPTION / "contracts.csv", "-w", SUBSCRIPTION / "work.csv", "--lines")
    assert r.returncode == 0, r.stderr
    changed = r.stdout[r.stdout.index("Lines priced differently"):]
    # Side by side these pricings would take 106 columns: the current above the proposed.
    assert changed.startswith(
        "Lines priced differently (2)\n"
        "\n"
        "  M1  cartridge  contract C-1, client K-1:  6400.00 -> 6000.00  (-400.00)\n"
        "    old: POS service centre\n"
        "    M1  2026-03-10  Cartridge  2             6400.00\n"
        "        14:40                  2  @ 3200.00  6400.00\n"
        "    new: POS service centre\n"
        "    M1  2026-03-10  Cartridge  2             6000.00\n"
        "        14:40                  2  @ 3000.00  6000.00\n"
        "\n"), changed
    assert max(len(l) for l in changed.splitlines()) <= 100, changed


def diff_of(new, *more):
    return run("diff", "--old", SUBSCRIPTION / "tariff.tariff", "--new", new,
               "-c", SUBSCRIPTION / "contracts.csv", "-w", SUBSCRIPTION / "work.csv", *more)


def test_diff_exit_code_says_whether_a_figure_changed(tmp_path):
    same = diff_of(SUBSCRIPTION / "tariff.tariff", "--exit-code", "-f", "csv")
    assert (same.returncode, same.stderr) == (0, "")
    raised = diff_of(proposed(tmp_path), "--exit-code", "-f", "csv")
    assert (raised.returncode, raised.stderr) == (3, "")
    assert raised.stdout == diff_of(proposed(tmp_path), "-f", "csv").stdout  # the report as ever
    assert diff_of(proposed(tmp_path)).returncode == 0  # without --exit-code, a change is no error


def test_diff_exits_4_for_contracts_the_new_tariff_cannot_price(tmp_path):
    renamed = tmp_path / "renamed.tariff"
    renamed.write_text((SUBSCRIPTION / "tariff.tariff").read_text()
                       .replace("pos_service", "pos_care"))
    for more in [(), ("--exit-code",), ("-f", "json")]:
        r = diff_of(renamed, *more)
        assert r.returncode == 4
        assert r.stderr == (
            "tariff: contract 'C-1' cannot be priced under the new tariff: line V1: contract 'C-1' "
            "names plan 'pos_service', which the tariff does not have\n"
            "tariff: 1 contract(s) cannot be priced under the new tariff\n")
    assert "  8 lines, 8 priced differently; rejected: 0 old, 8 new\n" in diff_of(renamed).stdout


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


def test_fmt_of_a_directory_takes_every_tariff_under_it(tmp_path):
    tree = tmp_path / "tariffs"
    (tree / "old").mkdir(parents=True)
    messy = FACILITIES.read_text().replace("rule night when", "rule   night when")
    (tree / "b.tariff").write_text(messy)
    (tree / "a.tariff").write_text(FACILITIES.read_text())
    (tree / "old" / "c.tariff").write_text(messy)
    (tree / "notes.txt").write_text("rule   not a tariff\n")
    r = run("fmt", "--check", tree)
    assert (r.returncode, r.stdout) == (1, f"{tree / 'b.tariff'}\n{tree / 'old' / 'c.tariff'}\n")
    assert r.stderr == ("tariff: 2 file(s) not in canonical layout; `tariff fmt --write` "
                        "fixes them\n")
    assert run("fmt", "--write", tree).returncode == 0
    assert (tree / "b.tariff").read_text() == FACILITIES.read_text()
    assert (tree / "old" / "c.tariff").read_text() == FACILITIES.read_text()
    assert (tree / "notes.txt").read_text() == "rule   not a tariff\n"
    assert run("fmt", "--check", tree).returncode == 0


def test_fmt_of_a_directory_without_tariffs_fails(tmp_path):
    r = run("fmt", "--check", tmp_path)
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr == f"tariff: {tmp_path} is a directory holding no .tariff file\n"


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
    assert "payouts, pay, fmt, lsp, completion and man" in r.stderr


def test_bare_tariff_and_tariff_help_print_the_help():
    bare = run()
    assert (bare.returncode, bare.stderr) == (0, "")
    assert bare.stdout.startswith("tariff: price service work exactly")
    assert "\n  help                        Print the help of the tool, or of a command\n" in bare.stdout
    assert bare.stdout.endswith("'tariff help COMMAND' prints a command's options; "
                                "docs/cli.md describes them all.\n")
    assert run("help").stdout == bare.stdout
    price = run("help", "price")
    assert (price.returncode, price.stdout) == (0, run("price", "--help").stdout)
    assert price.stdout.startswith("Price work lines, each on its own\nUsage: tariff price [OPTIONS]\n")


def test_misspelt_commands_are_named_with_the_nearest_one():
    r = run("chek", FACILITIES)
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == "tariff: unknown command 'chek'; did you mean 'check'? (tariff help lists them all)\n"
    r = run("help", "payout")
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == "tariff: unknown command 'payout'; did you mean 'payouts'? (tariff help lists them all)\n"
    r = run("help", "frobnicate")
    assert r.stderr == ("tariff: unknown command 'frobnicate'; the commands are check, price, bill, verify, "
                        "estimate, diff, payouts, pay, fmt, lsp, completion and man (tariff help)\n")


def test_unknown_options_are_named_before_a_missing_required_one():
    r = run("price", "--frob")
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == "tariff: unknown option '--frob' for 'tariff price' (see 'tariff help price')\n"
    r = run("price", *inputs(), "--explian")
    assert r.stderr == ("tariff: unknown option '--explian' for 'tariff price'; did you mean "
                        "'--explain'? (see 'tariff help price')\n")
    r = run("bill", *inputs(), "--period=2026-03", "--save-sate=x.json")
    assert r.stderr == ("tariff: unknown option '--save-sate' for 'tariff bill'; did you mean "
                        "'--save-state'? (see 'tariff help bill')\n")
    r = run("price", "-x")  # one letter is not misspelt: no guess
    assert r.stderr == "tariff: unknown option '-x' for 'tariff price' (see 'tariff help price')\n"
    r = run("--frob")
    assert (r.returncode, r.stderr) == (2, "tariff: unknown option '--frob' (see 'tariff help')\n")
    r = run("--verison")
    assert r.stderr == ("tariff: unknown option '--verison'; did you mean '--version'? "
                        "(see 'tariff help')\n")


def test_usage_errors_start_with_tariff_and_name_the_commands_help():
    r = run("price", *inputs(), "-f", "xml")
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == ("tariff: --format: xml not in {table,json,csv} "
                        "(see 'tariff help price')\n")
    r = run("check", "--", "-x")  # after --, an argument is a file whatever it looks like
    assert r.returncode == 1
    assert r.stderr.startswith("tariff: cannot read -x")


def test_an_output_files_name_gives_its_format(tmp_path):
    r = run("price", *inputs(), "-o", tmp_path / "priced.json")
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    assert json.loads((tmp_path / "priced.json").read_text()) == json.loads(
        run("price", *inputs(), "-f", "json").stdout)
    r = run("bill", *inputs(), "--period", "2026-03", "-o", tmp_path / "march.CSV")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "march.CSV").read_text() == run(
        "bill", *inputs(), "--period", "2026-03", "-f", "csv").stdout
    r = run("price", *inputs(), "-o", tmp_path / "priced.txt")  # a name saying nothing
    assert (tmp_path / "priced.txt").read_text() == run("price", *inputs()).stdout


def test_an_output_files_name_and_format_must_agree(tmp_path):
    r = run("price", *inputs(), "-f", "csv", "-o", tmp_path / "priced.json")
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == (f"tariff: -o {tmp_path / 'priced.json'} names a json file, and --format "
                        "is csv (see 'tariff help price')\n")
    assert not (tmp_path / "priced.json").exists()
    r = run("price", *inputs(), "-f", "csv", "-o", tmp_path / "priced.csv")
    assert r.returncode == 0, r.stderr
    r = run("diff", "--old", SUBSCRIPTION / "tariff.tariff", "--new", SUBSCRIPTION / "tariff.tariff",
            "-c", SUBSCRIPTION / "contracts.csv", "-w", SUBSCRIPTION / "work.csv",
            "-o", tmp_path / "what-if.csv")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "what-if.csv").read_text().startswith("group,key,")


def bash_completes(*words):
    """What the generated bash completion offers for the last of `words` (sourced in bash)."""
    script = run("completion", "bash").stdout
    line = " ".join("''" if w == "" else w for w in words)
    r = subprocess.run(["bash", "-c", script + f'\nCOMP_WORDS=(tariff {line}); '
                        f'COMP_CWORD={len(words)}; _tariff; printf "%s\\n" "${{COMPREPLY[@]}}"'],
                       capture_output=True, text=True, timeout=60, cwd=EXAMPLES)
    assert r.stderr == ""
    return r.stdout.split()


def test_bash_completion_from_the_command_definitions():
    assert bash_completes("ch") == ["check"]
    assert bash_completes("p") == ["price", "payouts", "pay"]
    assert bash_completes("price", "--ex") == ["--explain"]
    assert bash_completes("bill", "--save") == ["--save-state"]
    assert bash_completes("price", "-f", "") == ["table", "json", "csv"]
    assert bash_completes("diff", "--format", "j") == ["json"]
    assert bash_completes("help", "fm") == ["fmt"]
    assert bash_completes("completion", "") == ["bash", "zsh", "fish"]
    assert bash_completes("check", "tariffs/fac") == ["tariffs/facilities.tariff"]
    assert bash_completes("--ver") == ["--version"]


def test_zsh_and_fish_completion_scripts_load_and_complete(tmp_path):
    zsh = tmp_path / "_tariff"
    zsh.write_text(run("completion", "zsh").stdout)
    assert subprocess.run(["zsh", "-n", zsh], capture_output=True, timeout=60).returncode == 0
    text = zsh.read_text()
    assert text.startswith("#compdef tariff\n")
    assert "    'check:Check tariffs: errors and warnings with their place'\n" in text
    assert "'--format[table, json or csv]:value:(table json csv)'" in text
    fish = tmp_path / "tariff.fish"
    fish.write_text(run("completion", "fish").stdout)
    r = subprocess.run(["fish", "-c", f"source {fish}; complete -C 'tariff ch'; "
                        "complete -C 'tariff price -f '; complete -C 'tariff diff --exi'"],
                       capture_output=True, text=True, timeout=60)
    assert r.stdout.splitlines() == [
        "check\tCheck tariffs: errors and warnings with their place",
        "csv\ttable, json or csv", "json\ttable, json or csv", "table\ttable, json or csv",
        "--exit-code\tExit with status 3 when a figure changed (4, always: a contract the new "
        "tariff cannot price)"]
    assert run("completion", "tcsh").returncode == 2


def test_man_page_from_the_command_definitions_renders(tmp_path):
    page = tmp_path / "tariff.1"
    page.write_text(run("man").stdout)
    r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", page], capture_output=True,
                       text=True, timeout=60)
    assert (r.returncode, r.stderr) == (0, "")  # no roff warning
    r = subprocess.run(["man", "-l", page], capture_output=True, text=True, timeout=60,
                       env={**os.environ, "MANWIDTH": "100", "MAN_KEEP_FORMATTING": "",
                            "MANPAGER": "cat", "PAGER": "cat"})
    assert r.returncode == 0, r.stderr
    shown = subprocess.run(["col", "-bx"], input=r.stdout, capture_output=True, text=True).stdout
    assert "tariff - price service work exactly with a rules-language tariff" in shown
    assert "\n   diff\n       What-if: revenue and margin" in shown
    assert "\n       --exit-code\n              Exit with status 3 when a figure changed" in shown
    assert "\n       -f, --format table|json|csv\n" in shown
    for command in ["check", "price", "bill", "estimate", "diff", "payouts", "pay", "fmt"]:
        assert f"\n   {command}\n" in shown


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
    size = work.stat().st_size  # the work is read as a stream: the bar counts its bytes
    assert f"100%  {size} of {size} bytes of work read".encode() in seen


# --- the ledger: billing twice never charges twice (docs/design.md, decision 11) -----------

def test_the_same_work_billed_twice_is_a_supplementary_statement_and_the_same_state(tmp_path):
    march = tmp_path / "march.json"
    again = tmp_path / "again.json"
    base = ["bill", *inputs(), "--period", "2026-03", "--contract", "C-1"]
    r = run(*base, "--save-state", march, "-f", "json")
    assert (r.returncode, r.stderr) == (0, "")
    [first] = json.loads(r.stdout)
    assert (first["opening_revision"], first["supplementary"]) == (0, False)
    assert first["already_billed"] == []
    r = run(*base, "--state", march, "--save-state", again, "-f", "json")
    assert (r.returncode, r.stderr) == (0, "")
    [second] = json.loads(r.stdout)
    assert (second["opening_revision"], second["supplementary"]) == (1, True)
    rejected = {l["id"] for l in first["rejected"]}  # A1, after the period: not billed yet
    work_ids = [row.split(",")[0] for row in (SUBSCRIPTION / "work.csv").read_text().splitlines()]
    billed = [i for i in work_ids[1:] if i not in rejected]  # in input order
    assert len(billed) == len(first["lines"]) + len(first["adjustments"])
    assert second["already_billed"] == billed
    assert (second["fees"], second["lines"], second["adjustments"]) == ([], [], [])
    assert (second["fees_total"], second["work_total"], second["revenue"]) == (
        "0.00", "0.00", "0.00")
    assert second["id"] != first["id"]
    assert again.read_text() == march.read_text()  # f(f(x)) = f(x): the revision included
    # The text says so.
    r = run(*base, "--state", march)
    assert r.returncode == 0, r.stderr
    assert f"\n  id        {second['id']}, supplementary (opening revision 1)\n" in r.stdout
    assert "\nBilled before (skipped)\n  work  " + ", ".join(billed) + "\n" in r.stdout
    # --on-repeat error: the repeat refuses the statement, and the state is not saved.
    r = run(*base, "--state", march, "--save-state", again, "--on-repeat", "error")
    assert r.returncode == 1
    assert r.stderr == (f"tariff: contract 'C-1': line '{billed[0]}' was billed before as it is "
                        "now (on_repeat: error); not billed\n"
                        "tariff: 1 of 1 contract(s) not billed\n")
    assert again.read_text() == march.read_text()


def test_a_payment_sent_again_is_skipped(tmp_path):
    paid = payments(tmp_path / "paid.csv", "P-1,C-1,2026-03-01,20000.00")
    march = tmp_path / "march.json"
    base = ["bill", *money(tmp_path, VISITS), "--period", "2026-03", "--payments", paid,
            "-f", "json", "--contract", "C-1"]
    r = run(*base, "--save-state", march)
    assert (r.returncode, r.stderr) == (0, "")
    assert json.loads(r.stdout)[0]["prepaid"]["received"] == "20000.00"
    # March billed again with the same payment: credited once, the balance as it was.
    r = run(*base, "--state", march)
    assert (r.returncode, r.stderr) == (0, "")
    [s] = json.loads(r.stdout)
    assert s["already_credited"] == ["P-1"]
    assert (s["prepaid"]["payments"], s["prepaid"]["received"], s["prepaid"]["closing"]) == (
        [], "0.00", "4400.00")
    # A refund of part of it, in April: its own record, taking the balance down.
    refund = tmp_path / "refund.csv"
    refund.write_text("id,contract,date,amount,kind,reverses\n"
                      "R-1,C-1,2026-04-02,1000.00,refund,P-1\n")
    r = run("bill", *money(tmp_path, []), "--period", "2026-04", "--contract", "C-1",
            "--state", march, "--payments", refund, "-f", "json")
    assert (r.returncode, r.stderr) == (0, "")
    [s] = json.loads(r.stdout)
    assert s["prepaid"]["payments"] == [{"id": "R-1", "date": "2026-04-02", "amount": "1000.00",
                                         "kind": "refund", "reverses": "P-1"}]
    assert (s["prepaid"]["opening"], s["prepaid"]["refunded"]) == ("4400.00", "1000.00")


def test_a_billed_line_sent_under_another_contract_is_refused(tmp_path):
    contracts = tmp_path / "contracts.csv"
    contracts.write_text((SUBSCRIPTION / "contracts.csv").read_text()
                         + "C-2,K-2,pos_service,,registered,2026-01-01,2026-12-31,\n")
    tariff_file = SUBSCRIPTION / "tariff.tariff"
    states = tmp_path / "states.json"
    r = run("bill", "-t", tariff_file, "-c", contracts, "-w", SUBSCRIPTION / "work.csv",
            "--period", "2026-03", "--save-state", states)
    assert (r.returncode, r.stderr) == (0, "")
    moved = tmp_path / "moved.csv"
    moved.write_text("id,contract,item,start,quantity\n"
                     "V1,C-2,engineer_visit,2026-03-03T09:30:00+03:00,1\n"
                     "N1,C-2,engineer_visit,2026-03-04T09:30:00+03:00,1\n")
    r = run("bill", "-t", tariff_file, "-c", contracts, "-w", moved, "--period", "2026-03",
            "--state", states, "--contract", "C-2", "-f", "json")
    assert r.returncode == 0, r.stderr
    assert r.stderr == (f"tariff: contract 'C-2': work line 'V1' was billed to contract 'C-1' "
                        f"(state {states}); not billed (moved_contract)\n")
    [s] = json.loads(r.stdout)
    assert [l["id"] for l in s["lines"]] == ["N1"]
    [refused] = s["rejected"]
    assert (refused["id"], refused["reason"], refused["message"]) == (
        "V1", "moved_contract",
        f"line V1: it was billed to contract 'C-1' (its state in {states}) and now names "
        "contract 'C-2': a billed line cannot move; void it there and send it here under a new "
        "id")


def test_the_late_work_horizon_option(tmp_path):
    r = run("bill", *inputs(), "--period", "2026-03", "--late-work", "0")
    assert r.returncode == 2
    assert r.stderr == ("tariff: --late-work: Value 0 not in range 1 to 1200 "
                        "(see 'tariff help bill')\n")
    late = tmp_path / "late.csv"
    late.write_text("id,contract,item,start,quantity\n"
                    "L1,C-1,engineer_visit,2026-01-20T10:00:00+03:00,1\n")
    r = run("bill", "-t", SUBSCRIPTION / "tariff.tariff", "-c", SUBSCRIPTION / "contracts.csv",
            "-w", late, "--period", "2026-03", "--late-work", "1", "-f", "json")
    assert (r.returncode, r.stderr) == (0, "")
    [s] = json.loads(r.stdout)
    assert [(l["id"], l["reason"]) for l in s["rejected"]] == [("L1", "period_closed")]
    r = run("bill", "-t", SUBSCRIPTION / "tariff.tariff", "-c", SUBSCRIPTION / "contracts.csv",
            "-w", late, "--period", "2026-03", "--late-work", "2", "-f", "json")
    [s] = json.loads(r.stdout)
    assert [l["id"] for l in s["adjustments"]] == ["L1"]
