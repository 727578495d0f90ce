"""`tariff bill` on data that would invent or lose money: it refuses with the place, bills what
it can, exits non-zero, and never saves a state for a statement it did not make.

examples/12-prepaid-support: support at 2000.00 a month per workstation (`integer`), prepaid for
January to June for 10 workstations; March has 12 from 1 March, so it charges 4000.00 for the 2
added ones, and hosting at 3000.00.
"""
import json
import os
import pathlib
import subprocess

CLI = os.environ["TARIFF_CLI"]
EXAMPLES = pathlib.Path(os.environ["TARIFF_EXAMPLES"])
SUPPORT = EXAMPLES / "12-prepaid-support"
SUBSCRIPTION = EXAMPLES / "03-subscription"

HEADER = ("id,client,plan,pricelist,status,start,end,client_since,contract.workstations,"
          "amendments,prepaid\n")
GOOD = ("C-1,K-1,annual,,registered,2026-01-01,2026-12-31,,10,"
        "2026-03-01: contract.workstations=12,support 2026-01-01..2026-06-30 units 10\n")


def run(*args):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)


def bill(contracts, *extra):
    return run("bill", "-t", SUPPORT / "tariff.tariff", "-c", contracts,
               "-w", SUPPORT / "work.csv", "--period", "2026-03", "-f", "json", *extra)


def test_a_negative_unit_count_refuses_that_contract_and_bills_the_others(tmp_path):
    contracts = tmp_path / "contracts.csv"
    contracts.write_text(HEADER + GOOD + "C-2,K-2,annual,,registered,2026-01-01,2026-12-31,,10,"
                         "2026-03-16: contract.workstations=-5,\n")
    r = bill(contracts)
    assert r.returncode == 1
    statements = json.loads(r.stdout)
    assert [s["contract"] for s in statements] == ["C-1"]
    assert statements[0]["fees_total"] == "7000.00"  # 2 added workstations 4000.00, hosting 3000.00
    assert ("tariff: contract 'C-2': fee support 2000.00 per month per unit "
            "contract.workstations: contract.workstations is '-5' (from its amendment of "
            "2026-03-16, in force on 2026-03-16); a fee per unit needs a whole number of units, "
            "0 or more, so the contract's statement is not billed; not billed\n") in r.stderr
    assert r.stderr.endswith("tariff: 1 of 2 contract(s) not billed\n")


def test_a_fractional_count_is_refused_too(tmp_path):
    contracts = tmp_path / "contracts.csv"
    contracts.write_text(HEADER + GOOD.replace(",10,2026-03-01: contract.workstations=12",
                                               ",10,2026-03-01: contract.workstations=12.5"))
    r = bill(contracts)
    assert r.returncode == 1
    assert json.loads(r.stdout) == []
    assert "contract.workstations is '12.5'" in r.stderr


def test_a_prepaid_span_naming_no_fee_of_the_plan_is_a_row_error(tmp_path):
    contracts = tmp_path / "contracts.csv"
    contracts.write_text(HEADER + GOOD + "C-2,K-2,annual,,registered,2026-01-01,2026-12-31,,12,,"
                         "suport 2026-01-01..2026-06-30 units 12\n")
    r = bill(contracts)
    assert r.returncode == 1
    assert r.stdout == ""  # a data error refuses the whole input
    assert (f"{contracts}: row 3 (id C-2), column 'prepaid': prepaid fee 'suport "
            "2026-01-01..2026-06-30' names no fee of plan 'annual' (its named fees: support, hosting)\n"
            ) in r.stderr
    assert "1 contract(s) cannot be billed under tariff" in r.stderr


def test_a_misspelt_state_key_refuses_the_statement_and_keeps_the_state(tmp_path):
    state = tmp_path / "state.json"
    text = json.dumps({"allowances": [{"allowance": "engineer_vist/month", "first": "2026-03-01",
                                       "last": "2026-03-31", "used": "3"}]})
    state.write_text(text)
    r = run("bill", "-t", SUBSCRIPTION / "tariff.tariff", "-c", SUBSCRIPTION / "contracts.csv",
            "-w", SUBSCRIPTION / "work.csv", "--period", "2026-03", "--contract", "C-1",
            "--state", state, "--save-state", state)
    assert r.returncode == 1
    assert ("the opening state's allowance 'engineer_vist/month' for 2026-03-01..2026-03-31 "
            "matches nothing in plan") in r.stderr
    assert state.read_text() == text  # not saved: no statement was made


def test_a_refused_contracts_state_stays_as_it_was_among_the_states_saved(tmp_path):
    contracts = tmp_path / "contracts.csv"
    contracts.write_text(HEADER + GOOD + "C-2,K-2,annual,,registered,2026-01-01,2026-12-31,,10,"
                         "2026-03-16: contract.workstations=-5,\n")
    states = tmp_path / "states.json"
    before = {"format": 2, "states": [
        {"format": 2, "contract": "C-1", "revision": 0, "allowances": []},
        {"format": 2, "contract": "C-2", "revision": 4, "allowances": []},
        {"format": 2, "contract": "C-9", "revision": 2, "allowances": []}]}
    states.write_text(json.dumps(before))
    r = bill(contracts, "--state", states, "--save-state", states)
    assert r.returncode == 1
    assert r.stderr.endswith("tariff: 1 of 2 contract(s) not billed\n")
    after = json.loads(states.read_text())
    assert [(s["contract"], s["revision"]) for s in after["states"]] == [
        ("C-1", 1), ("C-2", 4), ("C-9", 2)]  # C-1 billed; C-2 refused and C-9 not billed: kept
    assert after["states"][1] == before["states"][1]
    assert after["states"][2] == before["states"][2]
