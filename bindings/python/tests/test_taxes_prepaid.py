"""Money flows through Python: taxes on statements, prepaid balances and payments, fees prepaid
for a span, staff pay (include/tariff/billing.hpp, staff_pay.hpp). Every figure is worked out by
hand in the comments."""

import ast
import datetime
import json
import pathlib
import pickle
from decimal import Decimal

import pytest

import tariff

D = Decimal

HEADER = """tariff "T" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
}
attribute client.vat_exempt : bool default false
"""

PRICES = """pricelist retail {
  item visit "Visit" per visit price %s cost 400.00
  item book "Manual" per piece price %s cost 300.00
}
"""

# The lead's example: VAT added to prices, line by line, 10 % on manuals; a prepaid balance.
EXCLUDED = HEADER + PRICES % ("1000.00", "500.00") + """
tax vat excluded per line round 0.01 half_up {
  rate standard 20%
  rate reduced 10% for book
  exempt when client.vat_exempt
}
pay technicians {
  rule labour for visit : amount * 30%
}
plan basic {
  pricelist retail
  fee support 10000.00 per month
}
plan prepaid {
  pricelist retail
  fee support 10000.00 per month
  prepaid alert 5000.00
}
"""


def contract(plan="basic", **options):
    return tariff.Contract("C-1", "K-1", "2026-01-01", "2026-12-31", plan=plan, **options)


def job(line_id, item, day, quantity=1, **options):
    return tariff.WorkLine(line_id, "C-1", item, f"2026-{day}T10:00:00+03:00", quantity=quantity,
                           **options)


@pytest.fixture(scope="module")
def excluded():
    return tariff.compile(EXCLUDED, file="excluded.tariff")


# --- Taxes ---------------------------------------------------------------------------------------


def test_vat_excluded_per_line(excluded):
    s = excluded.bill(contract(), "2026-03-01", [job("V1", "visit", "03-02"),
                                                 job("B1", "book", "03-03")])
    # 20 % of 1000.00 is 200.00; 10 % of 500.00 is 50.00; the fee is taxed at the default rate.
    assert [(l.id, l.amount, l.tax, l.margin) for l in s.lines] == [
        ("V1", D("1000.00"), D("200.00"), D("600.00")),
        ("B1", D("500.00"), D("50.00"), D("200.00"))]
    assert s.tax_included is False
    [fee] = s.fees
    assert (fee.amount, fee.tax, fee.prepaid_units) == (D("10000.00"), D("2000.00"), D("0"))
    assert [(x.tax, x.rate, x.percent, x.base, x.amount) for x in s.taxes] == [
        ("vat", "standard", D("20"), D("11000.00"), D("2200.00")),
        ("vat", "reduced", D("10"), D("500.00"), D("50.00"))]
    assert s.taxes[1].to_dict() == {"tax": "vat", "rate": "reduced", "percent": D("10"),
                                    "base": D("500.00"), "amount": D("50.00")}
    # The tax is added: the client owes 11500.00 + 2250.00; revenue is without it.
    assert (s.tax_exempt, s.tax, s.total, s.revenue, s.cost, s.margin) == (
        False, D("2250.00"), D("13750.00"), D("11500.00"), D("700.00"), D("10800.00"))
    assert s.prepaid is None
    written = json.loads(s.to_json())
    assert (written["tax"], written["total"], written["tax_exempt"]) == ("2250.00", "13750.00",
                                                                        False)
    assert written["lines"][0]["tax"] == "200.00" and written["fees"][0]["tax"] == "2000.00"
    assert "vat 20% (standard)" in s.to_text()
    assert s.lines[0].to_dict()["tax"] == D("200.00")


def test_vat_included_is_contained_in_the_price():
    t = tariff.compile(HEADER + PRICES % ("1200.00", "500.00") + """
tax vat included per line round 0.01 half_up {
  rate standard 20%
}
plan basic {
  pricelist retail
}
""")
    s = t.bill(contract(), "2026-03-01", [job("V1", "visit", "03-02")])
    [line] = s.lines
    # 1200.00 × 20 / 120 = 200.00 of the price is tax; the margin is without it.
    assert (line.amount, line.tax, line.margin) == (D("1200.00"), D("200.00"), D("600.00"))
    [vat] = s.taxes
    assert (vat.base, vat.amount) == (D("1000.00"), D("200.00"))
    assert (s.total, s.tax, s.revenue, s.margin) == (D("1200.00"), D("200.00"), D("1000.00"),
                                                     D("600.00"))
    assert s.tax_included is True


def _manuals(scope):
    return tariff.compile(HEADER + PRICES % ("1000.00", "333.35") + f"""
tax vat excluded per {scope} round 0.01 half_up {{
  rate standard 20%
  rate reduced 10% for book
}}
plan basic {{
  pricelist retail
}}
""")


def test_a_tax_per_statement_is_shared_over_the_lines_exactly():
    work = [job("M1", "book", "03-02"), job("M2", "book", "03-03"), job("M3", "book", "03-04")]
    s = _manuals("statement").bill(contract(), "2026-03-01", work)
    # 3 × 333.35 = 1000.05; 10 % is 100.005 -> 100.01, shared 33.34 + 33.34 + 33.33 (the cent left
    # over goes to the earlier lines).
    [reduced] = s.taxes
    assert (reduced.rate, reduced.base, reduced.amount) == ("reduced", D("1000.05"), D("100.01"))
    assert [l.tax for l in s.lines] == [D("33.34"), D("33.34"), D("33.33")]
    assert sum(l.tax for l in s.lines) == reduced.amount == s.tax
    assert s.total == D("1100.06")
    # Line by line each 33.335 rounds to 33.34: a cent more.
    per_line = _manuals("line").bill(contract(), "2026-03-01", work)
    assert [l.tax for l in per_line.lines] == [D("33.34")] * 3 and per_line.tax == D("100.02")


def test_an_exempt_client_pays_no_tax(excluded):
    exempt = contract(client_attributes={"vat_exempt": True})
    s = excluded.bill(exempt, "2026-03-01", [job("V1", "visit", "03-02")])
    assert (s.tax_exempt, s.taxes, s.tax) == (True, [], D("0.00"))
    assert (s.total, s.revenue) == (D("11000.00"), D("11000.00"))
    assert [l.tax for l in s.lines] == [D("0.00")] and s.fees[0].tax == D("0.00")
    assert json.loads(s.to_json())["tax_exempt"] is True


def test_request_by_request_taxes_each_line(excluded):
    deal = contract()
    work = [job("V1", "visit", "03-02"), job("B1", "book", "03-03")]
    s = excluded.bill(deal, "2026-03-01", work)
    state = tariff.BillingState()
    lines = excluded.price_with_state(deal, state, work[:1]) + \
        excluded.price_with_state(deal, state, work[1:])
    assert lines == s.lines
    assert [l.tax for l in excluded.estimate(deal, tariff.BillingState(), work)] == [
        D("200.00"), D("50.00")]
    # Pricing alone knows no statement: no tax.
    assert [l.tax for l in excluded.price(deal, work)] == [D("0"), D("0")]


# --- Prepaid balances and payments -------------------------------------------------------------


def test_a_prepaid_balance_is_drawn_by_the_fee_and_the_visits(excluded):
    opening = tariff.BillingState(balance="15000.00")
    s = excluded.bill(contract("prepaid"), "2026-03-01",
                      [job("V1", "visit", "03-02"), job("V2", "visit", "03-10")], state=opening)
    # The fee with its tax (12000.00) leaves 3000.00, below the 5000.00 alert; each visit draws
    # 1000.00 + 200.00 tax: 1800.00, then 600.00.
    p = s.prepaid
    assert (p.opening, p.payments, p.received, p.drawn, p.closing, p.owed) == (
        D("15000.00"), [], D("0.00"), D("14400.00"), D("600.00"), D("0.00"))
    [low] = s.alerts
    assert (low.kind, low.threshold, low.line) == ("balance_low", D("5000.00"),
                                                   "fee support 10000.00 per month")
    assert s.closing.balance == D("600.00") and s.total == D("14400.00")
    assert p.to_dict()["drawn"] == D("14400.00")
    assert json.loads(s.to_json())["prepaid"]["closing"] == "600.00"
    assert json.loads(s.closing.to_json())["balance"] == "600.00"
    assert opening.balance == D("15000.00")  # the opening state is not changed


def test_an_exhausted_balance_leaves_the_rest_owed(excluded):
    work = [job("V1", "visit", "03-02"), job("V2", "visit", "03-10"), job("V3", "visit", "03-12")]
    s = excluded.bill(contract("prepaid"), "2026-03-01", work,
                      state=tariff.BillingState(balance="15000.00"))
    # V3 finds 600.00 of its 1200.00: 600.00 is owed, and the balance is exhausted with V3.
    assert (s.prepaid.drawn, s.prepaid.closing, s.prepaid.owed) == (D("15000.00"), D("0.00"),
                                                                     D("600.00"))
    assert [(a.kind, a.line) for a in s.alerts] == [
        ("balance_low", "fee support 10000.00 per month"), ("balance_exhausted", "V3")]
    assert "600.00 of it is owed" in s.alerts[1].message
    assert s.alerts[1].threshold == D("0")


def test_payments_top_the_balance_up_on_their_dates(excluded):
    deal = contract("prepaid")
    payments = [tariff.Payment("P-1", "C-1", "2026-03-05", "5000.00"),
                tariff.Payment("P-2", "C-1", "2026-04-02", "1000.00"),  # April's
                tariff.Payment("P-X", "C-9", "2026-03-01", "9999.00")]  # another contract's
    work = [job("V1", "visit", "03-02"), job("V2", "visit", "03-10"), job("V3", "visit", "03-12"),
            job("V4", "visit", "03-20")]
    s = excluded.bill(deal, "2026-03-01", work, state=tariff.BillingState(balance="15000.00"),
                      payments=payments)
    # 15000.00 - 12000.00 (fee) = 3000.00; V1 1800.00; P-1 on 5 March: 6800.00; V2 5600.00;
    # V3 4400.00 (below 5000.00 again); V4 3200.00.
    p = s.prepaid
    assert p.payments == [payments[0]]
    assert (p.received, p.drawn, p.closing, p.owed) == (D("5000.00"), D("16800.00"),
                                                        D("3200.00"), D("0.00"))
    assert [(a.kind, a.line) for a in s.alerts] == [
        ("balance_low", "fee support 10000.00 per month"), ("balance_low", "V3")]
    # April: the fee draws on the 1st, before P-2 arrives: 3200.00 taken, 8800.00 owed; P-2
    # is the closing balance.
    april = excluded.bill(deal, "2026-04-01", [], state=s.closing, payments=payments[1:2])
    assert (april.prepaid.opening, april.prepaid.received, april.prepaid.drawn,
            april.prepaid.owed, april.closing.balance) == (
        D("3200.00"), D("1000.00"), D("3200.00"), D("8800.00"), D("1000.00"))
    assert [a.kind for a in april.alerts] == ["balance_exhausted"]
    # One Payment alone is accepted too; anything else is refused.
    assert excluded.bill(deal, "2026-03-01", [], payments=payments[0]).prepaid.received == \
        D("5000.00")
    with pytest.raises(TypeError):
        excluded.bill(deal, "2026-03-01", [], payments=["P-1"])


def test_the_balance_is_kept_in_the_state(excluded):
    state = tariff.BillingState(balance=D("3200.00"))
    assert tariff.BillingState.from_json(state.to_json()) == state
    assert pickle.loads(pickle.dumps(state)).balance == D("3200.00")
    assert "balance 3200.00" in repr(state)
    # Requests priced one by one do not draw the balance: statements do, knowing the payments.
    excluded.price_with_state(contract("prepaid"), state, [job("V1", "visit", "03-02")])
    assert state.balance == D("3200.00")
    state.balance = "10.50"
    assert state.balance == D("10.50")
    with pytest.raises(TypeError, match="float"):
        state.balance = 10.5
    assert tariff.BillingState().balance == 0


def test_payments_read_write_and_refuse(tmp_path):
    p = tariff.Payment("P-1", "C-1", datetime.date(2026, 3, 5), "5000.00")
    assert (p.id, p.contract, p.date, p.amount) == ("P-1", "C-1", datetime.date(2026, 3, 5),
                                                    D("5000.00"))
    assert repr(p) == "Payment(P-1, C-1, 2026-03-05, 5000.00)"
    assert pickle.loads(pickle.dumps(p)) == p
    with pytest.raises(TypeError, match="float"):
        tariff.Payment("P-2", "C-1", "2026-03-05", 5000.0)
    with pytest.raises(ValueError, match="above 0"):
        tariff.Payment("P-2", "C-1", "2026-03-05", "0.00")
    text = tariff.write_payments_csv([p])
    assert text.splitlines() == ["id,contract,date,amount", "P-1,C-1,2026-03-05,5000.00"]
    (tmp_path / "payments.csv").write_text(text, encoding="utf-8")
    (tmp_path / "payments.json").write_text(tariff.write_payments_json([p]), encoding="utf-8")
    assert tariff.load_payments(tmp_path / "payments.csv") == [p]
    assert tariff.load_payments(str(tmp_path / "payments.json")) == [p]
    with pytest.raises(tariff.TariffError) as raised:
        tariff.read_payments_csv("id,contract,date,amount\nP-1,C-1,2026-03-05,-1.00\n")
    [error] = raised.value.input_errors
    assert (error.row, error.id, error.column) == (2, "P-1", "amount")  # the file's row


# --- Fees prepaid for a span ---------------------------------------------------------------------

SUPPORT = """tariff "Support" currency RUB
rounding line 0.01 half_up
attribute contract.workstations : number
pricelist support {
  item consulting "Consulting" per hour price 4000.00 cost 2000.00
}
plan annual {
  pricelist support
  fee support 2000.00 per month per unit contract.workstations
  fee hosting 3000.00 per month
}
"""


def test_a_fee_prepaid_for_half_a_year():
    t = tariff.compile(SUPPORT)
    deal = tariff.Contract("C-1", "K-1", "2026-01-01", "2026-12-31", plan="annual",
                           attributes={"workstations": 12},
                           prepaid_fees=[tariff.PrepaidFee("support", "2026-01-01", "2026-06-30",
                                                           units=10),
                                         tariff.PrepaidFee("hosting", "2026-03-01", "2026-03-31")])
    march = t.bill(deal, "2026-03-01", [])
    # Support: 10 of the 12 workstations were paid for; the 2 others are billed, 2 × 2000.00.
    # Hosting: paid for March without units, so all of it.
    assert [(f.units, f.prepaid_units, f.amount, f.covered) for f in march.fees] == [
        (D("12"), D("10"), D("4000.00"), D("20000.00")),
        (D("1"), D("1"), D("0.00"), D("3000.00"))]
    assert march.fees_total == D("4000.00")
    written = json.loads(march.to_json())["fees"]
    assert (written[0]["prepaid_units"], written[0]["covered"]) == ("10", "20000.00")
    july = t.bill(deal, "2026-07-01", [])
    assert [(f.prepaid_units, f.amount) for f in july.fees] == [(D("0"), D("24000.00")),
                                                               (D("0"), D("3000.00"))]


def test_prepaid_fees_as_values_and_in_the_formats():
    fee = tariff.PrepaidFee("support", datetime.date(2026, 1, 1), "2026-06-30", units="10")
    assert (fee.fee, fee.first, fee.last, fee.units, fee.period.days) == (
        "support", datetime.date(2026, 1, 1), datetime.date(2026, 6, 30), D("10"), 181)
    assert tariff.PrepaidFee("hosting", "2026-01-01", "2026-01-31").units is None
    assert repr(fee) == "PrepaidFee(support, 2026-01-01..2026-06-30, units 10)"
    assert pickle.loads(pickle.dumps(fee)) == fee
    with pytest.raises(ValueError, match="before the first"):
        tariff.PrepaidFee("support", "2026-06-30", "2026-01-01")
    with pytest.raises(ValueError, match="negative"):
        tariff.PrepaidFee("support", "2026-01-01", "2026-06-30", units=-1)
    with pytest.raises(TypeError, match="float"):
        tariff.PrepaidFee("support", "2026-01-01", "2026-06-30", units=1.5)

    [deal] = tariff.read_contracts_csv(
        "id,client,plan,start,end,prepaid\n"
        "C-1,K-1,annual,2026-01-01,2026-12-31,"
        "support 2026-01-01..2026-06-30 units 10; hosting 2026-01-01..2026-12-31\n")
    assert deal.prepaid_fees == [fee, tariff.PrepaidFee("hosting", "2026-01-01", "2026-12-31")]
    written = tariff.write_contracts_csv([deal])
    assert "support 2026-01-01..2026-06-30 units 10; hosting 2026-01-01..2026-12-31" in written
    assert tariff.read_contracts_csv(written) == [deal]
    assert pickle.loads(pickle.dumps(deal)).prepaid_fees == deal.prepaid_fees
    deal.prepaid_fees = []
    assert deal.prepaid_fees == []


# --- Staff pay ---------------------------------------------------------------------------------


def test_staff_pay_by_employee(excluded):
    deal = contract()
    work = [job("V2", "visit", "03-03", performer="ivan"),
            job("V1", "visit", "03-02", performer="ivan"),
            job("B1", "book", "03-04", quantity=2, performer="petr"),
            job("N1", "visit", "03-05"),
            job("X1", "lamp", "03-06", performer="ivan"),  # no such item
            job("F1", "visit", "02-27", performer="ivan")]  # February
    pays, not_paid = excluded.staff_pays([deal], work, datetime.date(2026, 3, 1))
    # `amount * 30%` of a visit's 1000.00 (without the tax) is 300.00; no rule pays for manuals.
    assert [(p.employee, p.total) for p in pays] == [
        ("", D("300.00")), ("ivan", D("600.00")), ("petr", D("0.00"))]
    ivan = pays[1]
    assert (ivan.currency, str(ivan.period)) == ("RUB", "2026-03-01..2026-03-31")
    assert [(l.id, l.rule, l.amount, l.pay) for l in ivan.lines] == [  # work order
        ("V1", "labour", D("1000.00"), D("300.00")), ("V2", "labour", D("1000.00"), D("300.00"))]
    [b1] = pays[2].lines
    assert (b1.rule, b1.pay, str(b1.quantity), b1.kind, b1.date) == (
        None, D("0.00"), "2", "billable", datetime.date(2026, 3, 4))
    assert ivan.lines[0].line > 0
    assert [(l.id, l.reason) for l in not_paid] == [("X1", "unknown_item")]
    assert ivan.to_dict() == {
        "employee": "ivan", "currency": "RUB", "first": datetime.date(2026, 3, 1),
        "last": datetime.date(2026, 3, 31), "total": D("600.00"),
        "lines": [l.to_dict() for l in ivan.lines]}
    assert b1.to_dict() == {"id": "B1", "request": "", "contract": "C-1", "item": "book",
                            "kind": "billable", "date": datetime.date(2026, 3, 4),
                            "quantity": "2", "amount": D("1000.00"), "rule": None,
                            "pay": D("0.00")}
    assert tariff.staff_pays(excluded, [deal], work, tariff.Period("2026-03-01", "2026-03-31"),
                             pay="technicians") == (pays, not_paid)
    csv = tariff.write_staff_pay_csv(pays).splitlines()
    assert csv[0] == "employee,id,request,contract,item,kind,date,quantity,amount,rule,pay"
    assert csv[2] == "ivan,V1,,C-1,visit,billable,2026-03-02,1,1000.00,labour,300.00"
    assert "no pay rule applies" in tariff.write_staff_pay_text(pays)
    with pytest.raises(ValueError, match="no pay block 'drivers'"):
        excluded.staff_pays([deal], work, "2026-03-01", pay="drivers")
    with pytest.raises(ValueError, match="has no pay block"):
        tariff.compile(SUPPORT).staff_pays([deal], work, "2026-03-01")


# --- The stubs -----------------------------------------------------------------------------------


def _stub(name):
    return ast.parse((pathlib.Path(tariff.__file__).parent / name).read_text(encoding="utf-8"))


def test_the_stubs_name_what_the_module_has():
    from tariff import _tariff
    missing = []
    for node in _stub("_tariff.pyi").body:
        if isinstance(node, ast.ClassDef):
            runtime = getattr(_tariff, node.name, None)
            if runtime is None:
                missing.append(node.name)
                continue
            if issubclass(runtime, BaseException):
                continue  # instance attributes only
            for member in node.body:
                name = (member.target.id if isinstance(member, ast.AnnAssign)
                        else member.name if isinstance(member, ast.FunctionDef) else None)
                if name and not hasattr(runtime, name):
                    missing.append(f"{node.name}.{name}")
        elif isinstance(node, ast.FunctionDef) and not hasattr(_tariff, node.name):
            missing.append(node.name)
    for node in _stub("__init__.pyi").body:
        if isinstance(node, ast.FunctionDef) and not hasattr(tariff, node.name):
            missing.append(f"tariff.{node.name}")
        if isinstance(node, ast.ImportFrom):
            missing += [f"tariff.{a.asname}" for a in node.names
                        if a.asname and not hasattr(tariff, a.asname)]
    missing += [f"__all__ {n}" for n in tariff.__all__ if not hasattr(tariff, n)]
    assert missing == []
