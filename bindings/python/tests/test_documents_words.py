"""Amounts in words (tariff.documents.words) and figures for people (tariff.documents.formatting):
every case spelled out, Russian plural forms and genders, exactness on Decimal."""

import datetime
from decimal import Decimal

import pytest

from tariff.documents.formatting import NBSP, format_amount, format_date, format_decimal, \
    format_duration, format_long_date, format_percent, format_period, format_quantity
from tariff.documents.words import amount_in_words, number_in_words, plural_ru

RUB_RU = [
    ("0", "Ноль рублей 00 копеек"),
    ("0.01", "Ноль рублей 01 копейка"),
    ("1", "Один рубль 00 копеек"),
    ("2", "Два рубля 00 копеек"),
    ("3.02", "Три рубля 02 копейки"),
    ("4.05", "Четыре рубля 05 копеек"),
    ("5", "Пять рублей 00 копеек"),
    ("10", "Десять рублей 00 копеек"),
    ("11", "Одиннадцать рублей 00 копеек"),
    ("12.11", "Двенадцать рублей 11 копеек"),
    ("13.12", "Тринадцать рублей 12 копеек"),
    ("14.14", "Четырнадцать рублей 14 копеек"),
    ("15", "Пятнадцать рублей 00 копеек"),
    ("16", "Шестнадцать рублей 00 копеек"),
    ("17", "Семнадцать рублей 00 копеек"),
    ("18", "Восемнадцать рублей 00 копеек"),
    ("19", "Девятнадцать рублей 00 копеек"),
    ("20", "Двадцать рублей 00 копеек"),
    ("21.21", "Двадцать один рубль 21 копейка"),
    ("22.22", "Двадцать два рубля 22 копейки"),
    ("40", "Сорок рублей 00 копеек"),
    ("90", "Девяносто рублей 00 копеек"),
    ("100", "Сто рублей 00 копеек"),
    ("101", "Сто один рубль 00 копеек"),
    ("111", "Сто одиннадцать рублей 00 копеек"),
    ("200", "Двести рублей 00 копеек"),
    ("999", "Девятьсот девяносто девять рублей 00 копеек"),
    ("1000", "Одна тысяча рублей 00 копеек"),
    ("1001", "Одна тысяча один рубль 00 копеек"),
    ("2000", "Две тысячи рублей 00 копеек"),
    ("3000", "Три тысячи рублей 00 копеек"),
    ("5000", "Пять тысяч рублей 00 копеек"),
    ("11000", "Одиннадцать тысяч рублей 00 копеек"),
    ("12000", "Двенадцать тысяч рублей 00 копеек"),
    ("21000", "Двадцать одна тысяча рублей 00 копеек"),
    ("22000", "Двадцать две тысячи рублей 00 копеек"),
    ("100000", "Сто тысяч рублей 00 копеек"),
    ("109000.00", "Сто девять тысяч рублей 00 копеек"),
    ("1000000", "Один миллион рублей 00 копеек"),
    ("2000000", "Два миллиона рублей 00 копеек"),
    ("5000000", "Пять миллионов рублей 00 копеек"),
    ("21000000", "Двадцать один миллион рублей 00 копеек"),
    ("1000001", "Один миллион один рубль 00 копеек"),
    ("1234567.89",
     "Один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь рублей 89 копеек"),
    ("999999999.99", "Девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч "
                     "девятьсот девяносто девять рублей 99 копеек"),
    ("1000000000", "Один миллиард рублей 00 копеек"),
    ("2001002003.04", "Два миллиарда один миллион две тысячи три рубля 04 копейки"),
]

RUB_EN = [
    ("0", "Zero roubles and 00 kopecks"),
    ("0.01", "Zero roubles and 01 kopeck"),
    ("1", "One rouble and 00 kopecks"),
    ("2", "Two roubles and 00 kopecks"),
    ("5", "Five roubles and 00 kopecks"),
    ("11", "Eleven roubles and 00 kopecks"),
    ("12", "Twelve roubles and 00 kopecks"),
    ("13", "Thirteen roubles and 00 kopecks"),
    ("14", "Fourteen roubles and 00 kopecks"),
    ("15", "Fifteen roubles and 00 kopecks"),
    ("16", "Sixteen roubles and 00 kopecks"),
    ("17", "Seventeen roubles and 00 kopecks"),
    ("18", "Eighteen roubles and 00 kopecks"),
    ("19", "Nineteen roubles and 00 kopecks"),
    ("21.21", "Twenty-one roubles and 21 kopecks"),
    ("101", "One hundred one roubles and 00 kopecks"),
    ("1000", "One thousand roubles and 00 kopecks"),
    ("2000", "Two thousand roubles and 00 kopecks"),
    ("5000", "Five thousand roubles and 00 kopecks"),
    ("21000", "Twenty-one thousand roubles and 00 kopecks"),
    ("1000000", "One million roubles and 00 kopecks"),
    ("2000000", "Two million roubles and 00 kopecks"),
    ("1234567.89", "One million two hundred thirty-four thousand five hundred sixty-seven "
                   "roubles and 89 kopecks"),
    ("999999999.99", "Nine hundred ninety-nine million nine hundred ninety-nine thousand nine "
                     "hundred ninety-nine roubles and 99 kopecks"),
    ("1000000000", "One billion roubles and 00 kopecks"),
]


@pytest.mark.parametrize("amount, words", RUB_RU)
def test_roubles_in_russian(amount, words):
    assert amount_in_words(Decimal(amount), "RUB", "ru") == words


@pytest.mark.parametrize("amount, words", RUB_EN)
def test_roubles_in_english(amount, words):
    assert amount_in_words(Decimal(amount), "RUB", "en") == words


@pytest.mark.parametrize("currency, amount, ru, en", [
    ("EUR", "1.01", "Один евро 01 цент", "One euro and 01 cent"),
    ("EUR", "2.02", "Два евро 02 цента", "Two euros and 02 cents"),
    ("EUR", "5.05", "Пять евро 05 центов", "Five euros and 05 cents"),
    ("EUR", "21000.11", "Двадцать одна тысяча евро 11 центов",
     "Twenty-one thousand euros and 11 cents"),
    ("USD", "1", "Один доллар США 00 центов", "One US dollar and 00 cents"),
    ("USD", "2.21", "Два доллара США 21 цент", "Two US dollars and 21 cents"),
    ("USD", "11.99", "Одиннадцать долларов США 99 центов", "Eleven US dollars and 99 cents"),
    ("CZK", "1", "Одна чешская крона 00 геллеров", "One Czech koruna and 00 halers"),
    ("CZK", "2.01", "Две чешские кроны 01 геллер", "Two Czech korunas and 01 haler"),
    ("CZK", "5.02", "Пять чешских крон 02 геллера", "Five Czech korunas and 02 halers"),
    ("CZK", "21", "Двадцать одна чешская крона 00 геллеров",
     "Twenty-one Czech korunas and 00 halers"),
])
def test_other_currencies_agree_in_gender_and_number(currency, amount, ru, en):
    assert amount_in_words(Decimal(amount), currency, "ru") == ru
    assert amount_in_words(Decimal(amount), currency, "en") == en


def test_words_are_exact_on_decimal_scale():
    # The same amount at any scale, as the engine may give it: 58000, 58000.0, 58000.000
    for text in ("58000", "58000.0", "58000.00", "58000.000", "5.8E+4"):
        assert amount_in_words(Decimal(text), "RUB", "ru") == \
            "Пятьдесят восемь тысяч рублей 00 копеек"
    # A value that float arithmetic would get wrong is still exact.
    assert amount_in_words(Decimal("0.1") + Decimal("0.2"), "RUB", "en") == \
        "Zero roubles and 30 kopecks"
    # 17 significant digits: a double holds 15 or 16 (float(...) is 999999999999999.9).
    assert amount_in_words(Decimal("999999999999999.99"), "RUB", "en").endswith(
        "nine hundred ninety-nine roubles and 99 kopecks")


def test_words_refuse_what_they_cannot_say_exactly():
    with pytest.raises(ValueError, match="whole number of minor units"):
        amount_in_words(Decimal("1041.666"), "RUB", "ru")
    with pytest.raises(TypeError):
        amount_in_words(1041.5, "RUB", "ru")  # a float is not an amount
    with pytest.raises(ValueError, match="no words for currency 'GBP'"):
        amount_in_words(Decimal("1"), "GBP", "en")
    with pytest.raises(ValueError, match="unknown locale"):
        amount_in_words(Decimal("1"), "RUB", "de")
    with pytest.raises(ValueError):
        amount_in_words(Decimal("NaN"), "RUB", "ru")
    with pytest.raises(ValueError, match="too large"):
        number_in_words(10 ** 15, "ru")


def test_negative_amounts_say_minus():
    assert amount_in_words(Decimal("-3.50"), "RUB", "ru") == "Минус три рубля 50 копеек"
    assert amount_in_words(Decimal("-3.50"), "RUB", "en") == "Minus three roubles and 50 kopecks"


def test_numbers_and_plural_forms():
    forms = ("рубль", "рубля", "рублей")
    assert [plural_ru(n, forms) for n in (0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1001)] \
        == ["рублей", "рубль", "рубля", "рубля", "рублей", "рублей", "рублей", "рублей", "рубль",
            "рубля", "рублей", "рубль", "рублей", "рубль"]
    assert number_in_words(1, "ru", "f") == "одна"
    assert number_in_words(2, "ru", "f") == "две"
    assert number_in_words(2002, "ru") == "две тысячи два"
    assert number_in_words(1_000_000_000_000, "ru") == "один триллион"
    assert number_in_words(999_999_999_999_999, "en").startswith(
        "nine hundred ninety-nine trillion")
    assert number_in_words(40_014, "en") == "forty thousand fourteen"


# Formatting ------------------------------------------------------------------------------------


def test_amounts_in_each_locale():
    assert format_amount(Decimal("1234567.89"), "ru") == f"1{NBSP}234{NBSP}567,89"
    assert format_amount(Decimal("1234567.89"), "en") == "1,234,567.89"
    assert format_amount(Decimal("109000.00"), "ru") == f"109{NBSP}000,00"
    assert format_amount(Decimal("0.00"), "en") == "0.00"
    assert format_amount(Decimal("58000"), "ru") == f"58{NBSP}000,00"  # padded, exactly
    assert format_amount(Decimal("1041.6667"), "en") == "1,041.6667"  # never rounded
    assert format_amount(Decimal("-1400.00"), "en") == "-1,400.00"
    assert format_amount(Decimal("-0.00"), "en") == "0.00"
    assert format_amount(Decimal("5E+3"), "en") == "5,000.00"
    assert format_amount(Decimal("0.05"), "ru") == "0,05"
    assert format_amount(Decimal("999"), "en", 0) == "999"
    assert format_amount(Decimal("12345678901234567.89"), "en") == "12,345,678,901,234,567.89"
    with pytest.raises(TypeError):
        format_amount(12.5, "en")


def test_percent_quantities_and_dates():
    assert format_percent(Decimal("64.05"), "ru") == f"64,05{NBSP}%"
    assert format_percent(Decimal("20"), "en") == "20%"
    assert format_percent(None, "en") == "—"
    assert format_decimal(Decimal("1.50"), "ru") == "1,50"
    assert format_quantity(Decimal("7200"), 3600, "ru") == "2"
    assert format_quantity(Decimal("5400"), 3600, "en") == "1.5"
    assert format_quantity(Decimal("2700"), 3600, "en") == "0.75"
    assert format_quantity(Decimal("4200"), 3600, "ru") == f"1{NBSP}ч 10{NBSP}мин"
    assert format_quantity(Decimal("360000"), 3600, "en") == "100"
    assert format_quantity(Decimal("3"), 0, "en") == "3"
    assert format_duration(12600, "en") == f"3{NBSP}h 30{NBSP}min"
    assert format_duration(0, "ru") == f"0{NBSP}ч"
    march_31 = datetime.date(2026, 3, 31)
    assert format_date(march_31, "ru") == "31.03.2026"
    assert format_date(march_31, "en") == "31 Mar 2026"
    assert format_long_date(march_31, "ru") == f"31 марта 2026{NBSP}г."
    assert format_long_date(march_31, "en") == "31 March 2026"
    first = datetime.date(2026, 3, 1)
    assert format_period(first, march_31, "ru") == f"март 2026{NBSP}г."
    assert format_period(first, march_31, "en") == "March 2026"
    assert format_period(datetime.date(2026, 1, 1), march_31, "ru") == f"I квартал 2026{NBSP}г."
    assert format_period(datetime.date(2026, 4, 1), datetime.date(2026, 6, 30), "en") == "Q2 2026"
    assert format_period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31), "en") == "2026"
    assert format_period(datetime.date(2026, 3, 17), march_31, "ru") == "17.03.2026 – 31.03.2026"
    assert format_period(datetime.date(2026, 2, 1), datetime.date(2026, 2, 28), "en") == \
        "February 2026"
