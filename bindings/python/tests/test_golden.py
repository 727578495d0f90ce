"""The golden examples through Python give the C++ figures, to the digit.

The expect files (examples/NN-*/expect.txt) have one reader, tests/examples/expect.cpp. For each
folder, tests/examples/golden_json.cpp checks every directive of its expect file as the C++
golden test does and, only when all hold, writes each call the checks made of the engine (price,
bill, estimate, price_with_state, expiring_contracts, payouts, staff_pays): what was passed, and
what came back as the engine's canonical JSON. Here each call is made again through the Python
package and what it returns, built into the same JSON from the objects' attributes, must be the
same: every field of every line, part, trace step, fee, tax, allowance, alert, prepaid balance,
payout, pay and state, decimals compared as text with their scale.

Also, every priced line of each example is compared with the JSON that the C++ host program
writes for the same files (`tariff-demo price ... --json`).
"""

import datetime
import functools
import json
import os
import pathlib
import subprocess
from decimal import Decimal

import pytest

import tariff
from conftest import example_folders

FOLDERS = example_folders()
# The demo host (examples/demo) compiles one tariff file: a folder of versions (decision 12) is
# replayed through golden_json only.
ONE_FILE_FOLDERS = [f for f in FOLDERS if len(list(f.glob("*.tariff"))) == 1]


def test_all_golden_examples_are_found():
    assert len(FOLDERS) >= 14
    assert {f.name for f in FOLDERS} >= {"01-catalogue", "03-subscription", "05-tiers",
                                         "07-payment-schemes", "12-price-history",
                                         # money flows: taxes, balances and payments, staff pay
                                         "07-taxes", "07-prepaid-balance", "12-prepaid-support",
                                         "11-repair-kinds", "05-contractor-payouts", "02-expiry"}


def _golden_json_tool() -> pathlib.Path:
    """The built golden_json: TARIFF_GOLDEN_JSON, else where the build tree the package was
    imported from has it (BUILD/bindings/python/tariff -> BUILD/tests/examples/golden_json)."""
    if "TARIFF_GOLDEN_JSON" in os.environ:
        return pathlib.Path(os.environ["TARIFF_GOLDEN_JSON"])
    return pathlib.Path(tariff.__file__).resolve().parents[3] / "tests" / "examples" / "golden_json"


@functools.lru_cache(maxsize=None)
def engine_calls(folder) -> list:
    """The calls the C++ golden test made of the engine for ``folder``, with their answers."""
    tool = _golden_json_tool()
    if not tool.exists():
        pytest.fail(f"{tool} is not built (set TARIFF_GOLDEN_JSON to the built golden_json)")
    run = subprocess.run([str(tool), str(folder)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, f"the C++ golden check of {folder.name} fails:\n{run.stderr}"
    out = json.loads(run.stdout)
    assert out["folder"] == folder.name
    return out["calls"]


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


def _day(d: datetime.date) -> str:
    return d.isoformat()


def _span(p: tariff.Period) -> dict:
    return {"first": _day(p.first), "last": _day(p.last)}


def line_json(line: tariff.PricedLine) -> dict:
    """A priced line as write_priced_json writes it, with its tax (golden_json adds it)."""
    out = as_formats_json(line)
    if line.ok:
        out["tax"] = _money(line.tax)
    return out


def lines_json(lines) -> list:
    return [line_json(l) for l in lines]


def _use(u: tariff.AllowanceUse) -> dict:
    return {"allowance": u.allowance, "first": _day(u.period.first), "last": _day(u.period.last),
            "used": _money(u.used)}


def _billed_line(l: tariff.BilledLine) -> dict:
    out = {"id": l.id, "fingerprint": l.fingerprint, "date": _day(l.date), "item": l.item,
           "amount": _money(l.amount), "cost": _money(l.cost)}
    if l.rate or l.tax != 0:
        out["tax"] = _money(l.tax)
    if l.rate:
        out["rate"] = l.rate
    if l.volume != 0:
        out["volume"] = _money(l.volume)
    if l.included:
        out["included"] = [_use(u) for u in l.included]
    return out


def _credited(p: tariff.CreditedPayment) -> dict:
    out = {"id": p.id, "date": _day(p.date), "amount": _money(p.amount)}
    if p.kind != "payment":
        out["kind"] = p.kind
    if p.reverses:
        out["reverses"] = p.reverses
    if p.refunded != 0:
        out["refunded"] = _money(p.refunded)
    return out


def state_json(state: tariff.BillingState) -> dict:
    """The billing state as write_state_json writes it (format 2)."""
    out = {"format": 2, "contract": state.contract, "revision": state.revision,
           "allowances": [_use(u) for u in state.allowances]}
    if state.volumes:
        out["volumes"] = [{"item": v.item, "first": _day(v.period.first),
                           "last": _day(v.period.last), "quantity": _money(v.quantity)}
                          for v in state.volumes]
    if state.balance != 0:
        out["balance"] = _money(state.balance)
    if state.lines:
        out["lines"] = [_billed_line(l) for l in state.lines]
    if state.fees:
        out["fees"] = [{"fee": f.fee, "fee_first": _day(f.fee_period.first),
                        "fee_last": _day(f.fee_period.last), "first": _day(f.covers.first),
                        "last": _day(f.covers.last), "units": _money(f.units),
                        "amount": _money(f.amount)} for f in state.fees]
    if state.payments:
        out["payments"] = [_credited(p) for p in state.payments]
    if state.statements:
        out["statements"] = [{"id": x.id, "first": _day(x.period.first),
                              "last": _day(x.period.last), "revision": x.revision}
                             for x in state.statements]
    return out


def _fee(f: tariff.FeeLine) -> dict:
    out = {"description": f.description, "covers": _span(f.covers),
           "fee_period": _span(f.fee_period), "units": _money(f.units), "amount": _money(f.amount)}
    if f.billed_before is not None:
        out["billed_before"] = _money(f.billed_before)
    if f.prepaid_units != 0:
        out.update(prepaid_units=_money(f.prepaid_units), covered=_money(f.covered))
    out.update(tax=_money(f.tax), line=f.line, column=f.column)
    return out


def _allowance(a: tariff.AllowanceReport) -> dict:
    return {"allowance": a.allowance, "period": _span(a.period), "included": str(a.included),
            "used_before": str(a.used_before), "used": str(a.used), "remaining": str(a.remaining),
            "covered_value": _money(a.covered_value)}


def _alert(a: tariff.Alert) -> dict:
    out = {"kind": a.kind, "message": a.message}
    if a.kind == "allowance_threshold":
        out.update(allowance=a.allowance, percent=_money(a.percent), line=a.line)
    elif a.kind in ("balance_low", "balance_exhausted", "balance_negative"):
        out["line"] = a.line
        if a.kind == "balance_low":
            out["threshold"] = _money(a.threshold)
    return out


def _payment(x: tariff.Payment) -> dict:
    out = {"id": x.id, "date": _day(x.date), "amount": _money(x.amount)}
    if x.kind != "payment":
        out.update(kind=x.kind, reverses=x.reverses)
    return out


def _prepaid(p: tariff.PrepaidReport) -> dict:
    return {"opening": _money(p.opening), "payments": [_payment(x) for x in p.payments],
            "received": _money(p.received), "refunded": _money(p.refunded),
            "drawn": _money(p.drawn), "closing": _money(p.closing), "owed": _money(p.owed)}


def _reversal(r: tariff.Reversal) -> dict:
    out = {"id": r.id, "reason": r.reason, "date": _day(r.date), "item": r.item,
           "amount": _money(r.amount), "cost": _money(r.cost), "tax": _money(r.tax)}
    if r.rate:
        out["rate"] = r.rate
    out["returned"] = [{"allowance": u.allowance, "period": _span(u.period), "used": _money(u.used)}
                       for u in r.returned]
    return out


def statement_json(s: tariff.Statement) -> dict:
    """The statement as write_statement_json writes it, every tax field included (golden_json
    adds those it leaves out for a tariff without a tax)."""
    out = {"id": s.id, "opening_revision": s.opening_revision, "supplementary": s.supplementary,
           "contract": s.contract, "client": s.client, "plan": s.plan, "currency": s.currency,
           "tariff_hash": s.tariff_hash,
           **({"versions": [{"effective": v[0].isoformat() if v[0] else "start",
                             "source_hash": v[1], "file": v[2]} for v in s.versions]}
              if s.versions else {}),
           "engine": s.engine, "tzdata": s.tzdata,
           "period": _span(s.period),
           "fees": [_fee(f) for f in s.fees], "lines": lines_json(s.lines),
           "adjustments": lines_json(s.adjustments), "rejected": lines_json(s.rejected),
           "reversals": [_reversal(r) for r in s.reversals],
           "already_billed": list(s.already_billed), "already_credited": list(s.already_credited),
           "fees_total": _money(s.fees_total), "work_total": _money(s.work_total),
           "revenue": _money(s.revenue), "cost": _money(s.cost), "margin": _money(s.margin),
           "margin_percent": None if s.margin_percent is None else _money(s.margin_percent),
           "tax_included": s.tax_included, "tax_exempt": s.tax_exempt,
           "taxes": [{"tax": x.tax, "rate": x.rate, "percent": _money(x.percent),
                      "base": _money(x.base), "amount": _money(x.amount)} for x in s.taxes],
           "tax": _money(s.tax), "total": _money(s.total)}
    if len(s.plans) > 1:  # a plan change in the period
        out["plans"] = [{"plan": d.plan, "days": _span(d.days)} for d in s.plans]
    if s.prepaid is not None:
        out["prepaid"] = _prepaid(s.prepaid)
    out.update(allowances=[_allowance(a) for a in s.allowances],
               alerts=[_alert(a) for a in s.alerts], closing=state_json(s.closing))
    return out


def payout_json(p: tariff.Payout) -> dict:
    return {"performer": p.performer, "currency": p.currency, "period": _span(p.period),
            "payable": _money(p.payable), "pending": _money(p.pending),
            "lines": [{"id": l.id, "request": l.request, "contract": l.contract, "item": l.item,
                       "date": _day(l.date),
                       "accepted_on": None if l.accepted_on is None else _day(l.accepted_on),
                       "quantity": str(l.quantity), "rate": _money(l.rate),
                       "amount": _money(l.amount), "payable": l.payable} for l in p.lines]}


def staff_pay_json(p: tariff.StaffPay) -> dict:
    return {"employee": p.employee, "currency": p.currency, "period": _span(p.period),
            "total": _money(p.total),
            "lines": [{"id": l.id, "request": l.request, "contract": l.contract, "item": l.item,
                       "kind": l.kind, "date": _day(l.date), "quantity": str(l.quantity),
                       "amount": _money(l.amount), "rule": l.rule or "", "pay": _money(l.pay),
                       "line": l.line, "column": l.column} for l in p.lines]}


def _built_state(written: dict) -> tariff.BillingState:
    """A billing state made with the package's constructors from write_state_json's JSON; one
    with a ledger, which only billing writes, is read with BillingState.from_json."""
    if any(key in written for key in ("lines", "fees", "payments", "statements")):
        return tariff.BillingState.from_json(json.dumps(written))
    return tariff.BillingState(
        [tariff.AllowanceUse(u["allowance"], tariff.Period(u["first"], u["last"]),
                             Decimal(u["used"])) for u in written["allowances"]],
        [tariff.Volume(v["item"], tariff.Period(v["first"], v["last"]), Decimal(v["quantity"]))
         for v in written.get("volumes", [])],
        balance=Decimal(written.get("balance", "0")), contract=written.get("contract", ""),
        revision=written.get("revision", 0))


class Replay:
    """Makes the C++ golden test's calls again through the package, over the folder's files."""

    def __init__(self, folder):
        # A folder of several .tariff files holds the versions of one tariff, named as golden_json
        # (tests/examples/folder.cpp) names them: they appear in the statements' `versions`.
        versions = sorted(folder.glob("*.tariff"))
        self.t = (tariff.compile(folder / "tariff.tariff") if len(versions) == 1 else
                  tariff._tariff._compile_versions(
                      [(f.read_text(encoding="utf-8"), f"examples/{folder.name}/{f.name}")
                       for f in versions]))
        self.contracts = tariff.load_contracts(folder / "contracts.csv")
        self.deals = {c.id: c for c in self.contracts}
        self.work = tariff.load_work(folder / "work.csv")
        self.lines = {w.id: w for w in self.work}
        payments = folder / "payments.csv"
        self.payments = {p.id: p for p in (tariff.load_payments(payments)
                                           if payments.exists() else [])}
        # States the package returned (closing states, states after price_with_state), latest
        # first: a call made with one of them takes the package's own object, as a host would
        # pass a statement's closing state on; other states are built with the constructors.
        self.states: list = []

    def state(self, written: dict) -> tariff.BillingState:
        for known in self.states:
            if state_json(known) == written:
                return known
        built = _built_state(written)
        assert state_json(built) == written
        return built

    def keep(self, state: tariff.BillingState) -> None:
        self.states.insert(0, state)

    def work_of(self, call) -> list:
        return [self.lines[i] for i in call["work"]]

    def answer(self, call):
        """The package's answer to ``call``, as the JSON golden_json writes for it."""
        kind = call["call"]
        if kind == "price":
            return {"lines": lines_json(self.t.price(self.contracts, self.work))}
        if kind == "expiring_contracts":
            found = tariff.expiring_contracts(self.contracts, datetime.date.fromisoformat(
                call["day"]), call["days"])
            return {"contracts": [c.id for c in found]}
        if kind == "payouts":
            first = datetime.date.fromisoformat(call["period"]["first"])  # a month's first day
            found, _ = self.t.payouts(self.contracts, self.work, first, rates=call["rates"])
            return {"payouts": [payout_json(p) for p in found]}
        if kind == "staff_pays":
            first = datetime.date.fromisoformat(call["period"]["first"])
            found, _ = self.t.staff_pays(self.contracts, self.work, first,
                                         pay=call["block"] or None)
            return {"pays": [staff_pay_json(p) for p in found]}
        deal = self.deals[call["contract"]]
        if "contract_row" in call:  # as billed: an expect file's `change` may have changed it
            deal = tariff.read_contracts_json(json.dumps([call["contract_row"]]))[0]
        state = self.state(call["state"])
        if kind == "bill":
            day = datetime.date.fromisoformat(call["day"])
            assert _span(self.t.statement_period(deal, day)) == call["period"]
            s = self.t.bill(deal, day, self.work_of(call), state=state,
                            payments=[self.payments[i] for i in call["payments"]])
            assert state_json(state) == call["state"], "bill changed the state it was given"
            self.keep(s.closing)
            return {"statement": statement_json(s)}
        if kind == "estimate":
            lines = self.t.estimate(deal, state, self.work_of(call))
            assert state_json(state) == call["state"], "an estimate changed the state"
            return {"lines": lines_json(lines)}
        assert kind == "price_with_state", kind
        lines = self.t.price_with_state(deal, state, self.work_of(call))
        self.keep(state)
        return {"lines": lines_json(lines), "state_after": state_json(state)}


_ANSWERS = {"price": ("lines",), "expiring_contracts": ("contracts",), "payouts": ("payouts",),
            "staff_pays": ("pays",), "bill": ("statement",), "estimate": ("lines",),
            "price_with_state": ("lines", "state_after")}


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_the_package_answers_the_golden_tests_calls_as_the_engine_does(folder):
    calls = engine_calls(folder)
    assert calls, f"{folder.name}: the C++ golden test made no call of the engine"
    replay = Replay(folder)
    for number, call in enumerate(calls):
        expected = {name: call[name] for name in _ANSWERS[call["call"]]}
        got = replay.answer(call)
        where = f"{folder.name}, call {number} ({call['call']} {call.get('contract', '')})"
        assert got == expected, where


def test_the_calls_cover_every_kind_of_directive():
    """What the old port checked, kind by kind: statements with prepaid balances, taxes, fees,
    allowances and alerts, estimates, request-by-request pricing, expiry, payouts and staff pay.
    The calls are not just made: across the examples, each kind of answer has figures in it."""
    seen: dict = {}
    for folder in FOLDERS:
        for call in engine_calls(folder):
            seen.setdefault(call["call"], []).append(call)
    assert set(seen) == set(_ANSWERS)
    statements = [c["statement"] for c in seen["bill"]]
    assert any(s["prepaid"]["payments"] for s in statements if "prepaid" in s)
    assert any(s["taxes"] for s in statements)
    assert any(s["alerts"] for s in statements)
    assert any(s["allowances"] for s in statements)
    assert any(s["adjustments"] for s in statements)
    assert any(s["closing"].get("volumes") for s in statements)
    assert any(f.get("prepaid_units") for s in statements for f in s["fees"])
    assert any(c["contracts"] for c in seen["expiring_contracts"])
    assert any(p["lines"] for c in seen["payouts"] for p in c["payouts"])
    assert any(c["rates"] for c in seen["payouts"])
    assert any(p["lines"] for c in seen["staff_pays"] for p in c["pays"])
    assert any(c["lines"] for c in seen["estimate"])
    assert any(c["state"]["allowances"] for c in seen["price_with_state"])


@pytest.mark.skipif("TARIFF_DEMO" not in os.environ,
                    reason="TARIFF_DEMO (the built tariff-demo) is not given")
@pytest.mark.parametrize("folder", ONE_FILE_FOLDERS, ids=lambda f: f.name)
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
@pytest.mark.parametrize("folder", ONE_FILE_FOLDERS, ids=lambda f: f.name)
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
