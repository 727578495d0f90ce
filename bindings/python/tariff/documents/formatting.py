"""Figures and dates as people read them in a locale: "1 234 567,89" (ru), "1,234,567.89" (en).

Every function works on the Decimal's own digits (string and integer operations), so what a
document prints is the statement's figure to the last digit: nothing passes through float, and
nothing is rounded. An amount with fewer decimals than the currency's minor unit is padded with
zeros (58000 -> "58 000,00", exact); one with more keeps them all (1041.6667 stays 1 041,6667)
because rounding is the tariff's decision.

Russian groups thousands with a no-break space (U+00A0, NBSP), so a figure never breaks across
lines and every font has the character; the decimal separator is a comma. English groups with a
comma and uses a point. Negative figures start with a hyphen-minus.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Optional

from .words import LOCALES

__all__ = [
    "NBSP", "format_amount", "format_date", "format_decimal", "format_duration", "format_long_date",
    "format_percent", "format_period", "format_quantity", "month_name",
]

NBSP = "\u00a0"

_SEPARATORS = {"ru": (NBSP, ","), "en": (",", ".")}

_RU_MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
              "октябрь", "ноябрь", "декабрь")
_RU_MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                       "сентября", "октября", "ноября", "декабря")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_RU_QUARTERS = ("I", "II", "III", "IV")


def _check_locale(locale: str) -> str:
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; known: {', '.join(LOCALES)}")
    return locale


def _digits(value: Decimal, min_decimals: int) -> tuple[bool, str, str]:
    """(negative, integer digits, decimal digits) of ``value``, padded to ``min_decimals``."""
    if not isinstance(value, Decimal):
        raise TypeError(f"expected a Decimal, not {type(value).__name__}")
    if not value.is_finite():
        raise ValueError(f"{value} is not a figure")
    sign, digits, exponent = value.as_tuple()
    text = "".join(map(str, digits))
    if exponent >= 0:
        whole, fraction = text + "0" * exponent, ""
    else:
        text = text.rjust(-exponent + 1, "0")
        whole, fraction = text[:exponent], text[exponent:]
    whole = whole.lstrip("0") or "0"
    fraction = fraction.ljust(min_decimals, "0")
    negative = bool(sign) and (whole != "0" or fraction.strip("0") != "")
    return negative, whole, fraction


def _group(whole: str, separator: str) -> str:
    head = len(whole) % 3 or 3
    parts = [whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)]
    return separator.join(parts)


def format_decimal(value: Decimal, locale: str, *, min_decimals: int = 0,
                   grouping: bool = True) -> str:
    """``value`` with the locale's separators, every digit kept: Decimal("1234.5") ->
    "1 234,5" (ru), "1,234.5" (en); ``min_decimals`` pads with zeros."""
    thousands, point = _SEPARATORS[_check_locale(locale)]
    negative, whole, fraction = _digits(value, min_decimals)
    text = _group(whole, thousands) if grouping else whole
    if fraction:
        text += point + fraction
    return ("-" if negative else "") + text


def format_amount(value: Decimal, locale: str, decimals: int = 2) -> str:
    """A money figure: at least ``decimals`` decimals (the currency's minor unit, 2 for RUB, EUR,
    USD), grouped: "1 234 567,89" (ru, NBSP between groups), "1,234,567.89" (en)."""
    return format_decimal(value, locale, min_decimals=decimals)


def format_percent(value: Optional[Decimal], locale: str) -> str:
    """A percent figure as the statement gives it (64.05 means 64.05 %): "64,05 %" / "64.05%";
    "—" when there is none (a statement without revenue)."""
    if value is None:
        return "—"
    text = format_decimal(value, locale)
    return f"{text}{NBSP}%" if locale == "ru" else f"{text}%"


def format_duration(seconds: int, locale: str) -> str:
    """A time quantity in hours and minutes (and seconds when there are any): "3 ч 30 мин",
    "3 h 30 min"; "0 ч" / "0 h" for nothing."""
    _check_locale(locale)
    names = ("ч", "мин", "с") if locale == "ru" else ("h", "min", "s")
    negative, seconds = seconds < 0, abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{n}{NBSP}{name}" for n, name in zip((hours, minutes, secs), names) if n]
    text = " ".join(parts) or f"0{NBSP}{names[0]}"
    return ("-" if negative else "") + text


def format_quantity(value: Decimal, unit_seconds: int, locale: str) -> str:
    """A quantity in the item's unit. Counted items (``unit_seconds`` 0) as their number ("2",
    "1,5"). Time (``value`` in seconds) in units of ``unit_seconds`` (3600: hours) when that is
    exact to two decimals ("2", "1,5", "0,75"), else as hours and minutes ("1 ч 10 мин"), so the
    figure a reader multiplies by the price per unit is never a rounded one."""
    if not unit_seconds:
        return format_decimal(value, locale)
    seconds = int(value)
    if Decimal(seconds) != value:
        raise ValueError(f"a time quantity of {value} s is not a whole number of seconds")
    if (seconds * 100) % unit_seconds == 0:
        units = Decimal(seconds * 100 // unit_seconds).scaleb(-2).normalize()
        return format_decimal(units, locale)
    return format_duration(seconds, locale)


def month_name(month: int, locale: str) -> str:
    """The month's name for a period heading: "март", "March"."""
    return (_RU_MONTHS if _check_locale(locale) == "ru" else _EN_MONTHS)[month - 1]


def format_date(day: Optional[datetime.date], locale: str) -> str:
    """A date in a table: "31.03.2026" (ru), "31 Mar 2026" (en); "" for none."""
    if day is None:
        return ""
    if _check_locale(locale) == "ru":
        return day.strftime("%d.%m.%Y")
    return f"{day.day} {_EN_MONTHS[day.month - 1][:3]} {day.year}"


def format_long_date(day: datetime.date, locale: str) -> str:
    """A document's date: "31 марта 2026 г." (ru), "31 March 2026" (en)."""
    if _check_locale(locale) == "ru":
        return f"{day.day} {_RU_MONTHS_GENITIVE[day.month - 1]} {day.year}{NBSP}г."
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def _month_end(day: datetime.date) -> datetime.date:
    following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


def format_period(first: datetime.date, last: datetime.date, locale: str) -> str:
    """A span of days by its name when it has one: "март 2026 г." / "March 2026" for a calendar
    month, "I квартал 2026 г." / "Q1 2026", "2026 г." / "2026" for a year; otherwise both ends:
    "17.03.2026 – 31.03.2026"."""
    _check_locale(locale)
    ru = locale == "ru"
    whole_months = first.day == 1 and last == _month_end(last)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if whole_months and months == 1:
        name = month_name(first.month, locale)
        return f"{name} {first.year}{NBSP}г." if ru else f"{name} {first.year}"
    if whole_months and months == 3 and first.month % 3 == 1:
        quarter = first.month // 3
        return f"{_RU_QUARTERS[quarter]} квартал {first.year}{NBSP}г." if ru else \
            f"Q{quarter + 1} {first.year}"
    if whole_months and months == 12 and first.month == 1:
        return f"{first.year}{NBSP}г." if ru else str(first.year)
    return f"{format_date(first, locale)} – {format_date(last, locale)}"
