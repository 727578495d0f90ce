"""Money in and out as decimal.Decimal, exactly; floats refused; instants timezone-aware."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

import tariff

MOSCOW = ZoneInfo("Europe/Moscow")
UTC = datetime.timezone.utc


def visit(**changes):
    fields = dict(id="V1", contract="C-1", item="engineer_visit",
                  start=datetime.datetime(2026, 3, 3, 9, 30, tzinfo=MOSCOW), quantity=Decimal("1"))
    fields.update(changes)
    return tariff.WorkLine(**fields)


def test_decimals_keep_their_scale():
    w = visit(quantity=Decimal("1.50"))
    assert w.quantity == Decimal("1.50") and str(w.quantity) == "1.50"
    assert visit(quantity="0.10").quantity.as_tuple() == Decimal("0.10").as_tuple()
    assert visit(quantity=3).quantity.as_tuple() == Decimal("3").as_tuple()
    big = Decimal("123456789012345678901234567890.123456789")
    assert visit(quantity=big).quantity == big
    assert visit(quantity=Decimal("1E+2")).quantity == Decimal("100")


def test_a_float_is_refused_with_a_clear_error():
    with pytest.raises(TypeError, match=r"'quantity': a float \(0\.1\) is refused"):
        visit(quantity=0.1)
    with pytest.raises(TypeError, match="float"):
        tariff.AllowanceUse("engineer_visit/month",
                            tariff.Period(datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)), 1.0)
    with pytest.raises(TypeError, match="float"):
        visit(site_attributes={"floors": 12.5})
    with pytest.raises(TypeError, match="float"):
        tariff.ItemQuantity(1.5)


def test_other_wrong_money():
    with pytest.raises(ValueError, match="'1,5' is not a decimal number"):
        visit(quantity="1,5")
    with pytest.raises(ValueError, match="not a finite number"):
        visit(quantity=Decimal("NaN"))
    with pytest.raises(TypeError, match="a bool is not a number"):
        visit(quantity=True)


def test_attribute_values_become_text():
    w = visit(site_attributes={"region": "tula", "floors": 12, "factor": Decimal("1.250"),
                               "urban": True, "none": None})
    assert w.site_attributes == {"region": "tula", "floors": "12", "factor": "1.250",
                                 "urban": "true"}


def test_instants_are_aware_and_come_back_in_utc():
    w = visit()
    assert w.start == datetime.datetime(2026, 3, 3, 6, 30, tzinfo=UTC)
    assert w.start.tzinfo is UTC
    w.start = "2026-03-29T01:30:00+01:00"
    assert w.start == datetime.datetime(2026, 3, 29, 0, 30, tzinfo=UTC)
    # The second 01:30 of a DST fall-back night in Berlin (fold=1) is an hour after the first.
    berlin = ZoneInfo("Europe/Berlin")
    first = visit(start=datetime.datetime(2026, 10, 25, 2, 30, tzinfo=berlin)).start
    second = visit(start=datetime.datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=berlin)).start
    assert second - first == datetime.timedelta(hours=1)


def test_naive_instants_and_fractions_of_a_second_are_refused():
    with pytest.raises(ValueError, match="naive datetime"):
        visit(start=datetime.datetime(2026, 3, 3, 9, 30))
    with pytest.raises(ValueError, match="fraction of a second"):
        visit(start=datetime.datetime(2026, 3, 3, 9, 30, 0, 500, tzinfo=UTC))
    with pytest.raises(ValueError, match="not a timestamp with an offset"):
        visit(start="2026-03-03 09:30")
    with pytest.raises(TypeError, match="not an instant"):
        visit(start=datetime.date(2026, 3, 3))


def test_dates_are_dates():
    c = tariff.Contract("C-1", "K-1", datetime.date(2026, 1, 1), "2026-12-31", plan="standard")
    assert (c.start, c.end) == (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    with pytest.raises(ValueError, match="is an instant, not a date"):
        tariff.Contract("C-1", "K-1", datetime.datetime(2026, 1, 1, tzinfo=UTC), "2026-12-31")
    with pytest.raises(ValueError, match="is not a date"):
        tariff.Contract("C-1", "K-1", "2026-13-01", "2026-12-31")


def test_quantities_print_as_the_engine_writes_them():
    assert str(tariff.ItemQuantity(5400, 3600)) == "1h30min"
    assert str(tariff.ItemQuantity(Decimal("1.50"))) == "1.50"
    assert tariff.ItemQuantity(5400, 3600).is_time
    assert repr(tariff.ItemQuantity(0, 3600)) == "ItemQuantity('0min')"


def test_periods():
    march = tariff.Period(datetime.date(2026, 3, 1), "2026-03-31")
    assert (march.first, march.last, march.days, str(march)) == (
        datetime.date(2026, 3, 1), datetime.date(2026, 3, 31), 31, "2026-03-01..2026-03-31")
    assert datetime.date(2026, 3, 31) in march and datetime.date(2026, 4, 1) not in march
    with pytest.raises(ValueError, match="before the first"):
        tariff.Period("2026-03-02", "2026-03-01")
