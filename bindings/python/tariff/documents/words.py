"""Amounts in words, as invoices and acts carry them: Russian and English, for RUB, EUR, USD, CZK.

    amount_in_words(Decimal("1234567.89"), "RUB", "ru")
    # 'Один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь рублей 89 копеек'
    amount_in_words(Decimal("1234567.89"), "RUB", "en")
    # 'One million two hundred thirty-four thousand five hundred sixty-seven roubles and 89 kopecks'

The whole units are spelled out and the minor units written as two digits, the way Russian
payment documents do it ("... рублей 05 копеек"). Everything is integer arithmetic on the
Decimal's own digits: an amount that is not a whole number of minor units (1041.666…) is refused
rather than rounded, because rounding is the tariff's decision, never the document's.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

__all__ = ["CURRENCIES", "LOCALES", "amount_in_words", "number_in_words", "plural_ru"]

LOCALES = ("ru", "en")

# Russian numerals ------------------------------------------------------------------------------

_RU_UNITS = {
    "m": ("", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"),
    "f": ("", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"),
}
_RU_TEENS = ("десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать",
             "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать")
_RU_TENS = ("", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
            "восемьдесят", "девяносто")
_RU_HUNDREDS = ("", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот",
                "восемьсот", "девятьсот")
# Each power of a thousand: its three forms (one, few, many) and its grammatical gender.
_RU_SCALES = (
    (("тысяча", "тысячи", "тысяч"), "f"),
    (("миллион", "миллиона", "миллионов"), "m"),
    (("миллиард", "миллиарда", "миллиардов"), "m"),
    (("триллион", "триллиона", "триллионов"), "m"),
)

# English numerals ------------------------------------------------------------------------------

_EN_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
             "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
             "eighteen", "nineteen")
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EN_SCALES = ("thousand", "million", "billion", "trillion")

_LIMIT = 1000 ** (len(_RU_SCALES) + 1)  # up to 999 trillion…: both languages name every group


def plural_ru(n: int, forms: tuple[str, str, str]) -> str:
    """The Russian form that agrees with ``n``: (один) рубль, (два) рубля, (пять) рублей.

    11 to 14 take the "many" form whatever their last digit is: одиннадцать рублей.
    """
    n = abs(n)
    if 11 <= n % 100 <= 14:
        return forms[2]
    if n % 10 == 1:
        return forms[0]
    if 2 <= n % 10 <= 4:
        return forms[1]
    return forms[2]


def _ru_below_thousand(n: int, gender: str) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words = [_RU_HUNDREDS[hundreds]] if hundreds else []
    if 10 <= rest <= 19:
        words.append(_RU_TEENS[rest - 10])
    else:
        tens, units = divmod(rest, 10)
        if tens:
            words.append(_RU_TENS[tens])
        if units:
            words.append(_RU_UNITS[gender][units])
    return words


def _ru_number(n: int, gender: str) -> str:
    if n == 0:
        return "ноль"
    groups = _groups(n)
    words: list[str] = []
    for power in range(len(groups) - 1, -1, -1):
        group = groups[power]
        if group == 0:
            continue
        if power == 0:
            words += _ru_below_thousand(group, gender)
        else:
            forms, scale_gender = _RU_SCALES[power - 1]
            words += _ru_below_thousand(group, scale_gender)
            words.append(plural_ru(group, forms))
    return " ".join(words)


def _en_below_thousand(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words = [_EN_SMALL[hundreds], "hundred"] if hundreds else []
    if rest >= 20:
        tens, units = divmod(rest, 10)
        words.append(_EN_TENS[tens] + (f"-{_EN_SMALL[units]}" if units else ""))
    elif rest:
        words.append(_EN_SMALL[rest])
    return words


def _en_number(n: int) -> str:
    if n == 0:
        return "zero"
    groups = _groups(n)
    words: list[str] = []
    for power in range(len(groups) - 1, -1, -1):
        group = groups[power]
        if group == 0:
            continue
        words += _en_below_thousand(group)
        if power:
            words.append(_EN_SCALES[power - 1])
    return " ".join(words)


def _groups(n: int) -> list[int]:
    """``n`` in groups of three digits, the lowest first: 1234567 -> [567, 234, 1]."""
    groups = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    return groups or [0]


def number_in_words(n: int, locale: str, gender: str = "m") -> str:
    """A whole number in words, lower case: ``gender`` ("m" or "f") is the Russian gender of what
    is counted (одна копейка, один рубль; ignored in English). Negative numbers get "минус" /
    "minus"."""
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"expected an int, not {type(n).__name__}")
    if abs(n) >= _LIMIT:
        raise ValueError(f"{n} is too large to be written in words")
    if gender not in ("m", "f"):
        raise ValueError(f"gender must be 'm' or 'f', not {gender!r}")
    locale = _check_locale(locale)
    text = _ru_number(abs(n), gender) if locale == "ru" else _en_number(abs(n))
    if n < 0:
        text = ("минус " if locale == "ru" else "minus ") + text
    return text


# Currencies ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    """A currency unit's names: Russian one/few/many forms and gender, English singular/plural."""

    ru: tuple[str, str, str]
    ru_gender: str
    en: tuple[str, str]


@dataclass(frozen=True)
class CurrencyWords:
    """How a currency's whole and minor units are named, and how many minor units it has."""

    major: _Unit
    minor: _Unit
    minor_digits: int = 2


CURRENCIES: dict[str, CurrencyWords] = {
    "RUB": CurrencyWords(
        _Unit(("рубль", "рубля", "рублей"), "m", ("rouble", "roubles")),
        _Unit(("копейка", "копейки", "копеек"), "f", ("kopeck", "kopecks"))),
    "EUR": CurrencyWords(
        _Unit(("евро", "евро", "евро"), "m", ("euro", "euros")),
        _Unit(("цент", "цента", "центов"), "m", ("cent", "cents"))),
    "USD": CurrencyWords(
        _Unit(("доллар США", "доллара США", "долларов США"), "m", ("US dollar", "US dollars")),
        _Unit(("цент", "цента", "центов"), "m", ("cent", "cents"))),
    "CZK": CurrencyWords(
        _Unit(("чешская крона", "чешские кроны", "чешских крон"), "f",
              ("Czech koruna", "Czech korunas")),
        _Unit(("геллер", "геллера", "геллеров"), "m", ("haler", "halers"))),
}


def _unit_name(unit: _Unit, n: int, locale: str) -> str:
    if locale == "ru":
        return plural_ru(n, unit.ru)
    return unit.en[0] if abs(n) == 1 else unit.en[1]


def _minor_units(amount: Decimal, digits: int) -> int:
    """``amount`` in minor units, exactly: Decimal("12.50") with 2 digits -> 1250."""
    if not isinstance(amount, Decimal):
        raise TypeError(f"expected a Decimal amount, not {type(amount).__name__}")
    if not amount.is_finite():
        raise ValueError(f"{amount} is not an amount")
    sign, digit_tuple, exponent = amount.as_tuple()
    value = int("".join(map(str, digit_tuple)) or "0")
    shift = exponent + digits  # amount * 10**digits = value * 10**shift
    if shift >= 0:
        value *= 10 ** shift
    else:
        value, rest = divmod(value, 10 ** -shift)
        if rest:
            raise ValueError(f"{amount} is not a whole number of minor units ({digits} decimals); "
                             "round it in the tariff, not in the document")
    return -value if sign else value


def amount_in_words(amount: Decimal, currency: str, locale: str) -> str:
    """``amount`` of ``currency`` in words, capitalised, the minor units as two digits.

    Raises ValueError for a currency without names here (RUB, EUR, USD, CZK have them), for an
    amount that is not a whole number of minor units, and for a locale other than "ru", "en".
    """
    locale = _check_locale(locale)
    names = CURRENCIES.get(currency.upper())
    if names is None:
        raise ValueError(f"no words for currency {currency!r}; known: {', '.join(CURRENCIES)}")
    minor_total = _minor_units(amount, names.minor_digits)
    negative = minor_total < 0
    major, minor = divmod(abs(minor_total), 10 ** names.minor_digits)
    words = number_in_words(major, locale, names.major.ru_gender)
    if negative:
        words = ("минус " if locale == "ru" else "minus ") + words
    minor_text = f"{minor:0{names.minor_digits}d}"
    major_name = _unit_name(names.major, major, locale)
    minor_name = _unit_name(names.minor, minor, locale)
    if locale == "ru":
        text = f"{words} {major_name} {minor_text} {minor_name}"
    else:
        text = f"{words} {major_name} and {minor_text} {minor_name}"
    return text[0].upper() + text[1:]


def _check_locale(locale: str) -> str:
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; known: {', '.join(LOCALES)}")
    return locale
