"""What a tariff says about its items, for documents whose details leave it out: each item's
title and the unit it is billed per ("per visit" is a visit, not a piece).

A statement names items by code only, so documents learn titles and units from the caller's
details (``items``). ``with_tariff(details, t, locale)`` fills what those leave out from the
compiled tariff's own declarations (``item visit "Engineer visit" per visit ...``, grammar/
tariff.ebnf); what the details say is kept. ``python3 -m tariff`` always does this.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from .parties import Details, ItemInfo
from .words import LOCALES

__all__ = ["tariff_items", "unit_name", "with_tariff"]

# The language's units (grammar/tariff.ebnf, "unit"). Time units are left to the documents, which
# show time as hours or as hours and minutes, whichever is exact.
_TIME_UNITS = frozenset({"hour", "minute", "day"})
_UNIT_NAMES = {
    "ru": {"month": "мес.", "visit": "выезд", "piece": "шт.", "km": "км", "kg": "кг",
           "m2": "м²", "m3": "м³"},
    "en": {"month": "month", "visit": "visit", "piece": "pcs", "km": "km", "kg": "kg",
           "m2": "m²", "m3": "m³"},
}

_STRING = r'"(?:[^"\\\n]|\\.)*"'
_COMMENT = re.compile(rf'({_STRING})|#[^\n]*')
_ITEM = re.compile(rf'\bitem\s+([A-Za-z_][A-Za-z0-9_]*)\s+(?:({_STRING})\s+)?per\s+([a-z0-9]+)\b')


def unit_name(unit: str, locale: str) -> str:
    """How a document names the tariff's unit ``unit`` ("visit" -> "выезд" / "visit"); "" for
    time units, which documents show as durations."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; known: {', '.join(LOCALES)}")
    if unit in _TIME_UNITS:
        return ""
    return _UNIT_NAMES[locale].get(unit, unit)


def _without_comments(source: str) -> str:
    # Strings are matched first, so a '#' inside a title is kept.
    return _COMMENT.sub(lambda m: m.group(1) or "", source)


def _unquoted(literal: str) -> str:
    return re.sub(r'\\(.)', r'\1', literal[1:-1])


def tariff_items(t: Any, locale: str) -> dict[str, ItemInfo]:
    """Every item the tariff declares, by code: its title (the tariff's, in the tariff's
    language) and its unit in ``locale``'s words. An item declared in several price lists keeps
    its first declaration's title."""
    items: dict[str, ItemInfo] = {}
    for match in _ITEM.finditer(_without_comments(t.source)):
        code, title, unit = match.group(1), match.group(2), match.group(3)
        if code not in items:
            items[code] = ItemInfo(title=_unquoted(title) if title else "",
                                   unit=unit_name(unit, locale))
    return items


def with_tariff(details: Details, t: Any, locale: str) -> Details:
    """``details`` with each item's title and unit filled from the tariff ``t`` where the details
    do not give them; whether an item is a material stays the details' to say."""
    items = dict(details.items)
    for code, known in tariff_items(t, locale).items():
        given = items.get(code, ItemInfo())
        items[code] = dataclasses.replace(given, title=given.title or known.title,
                                          unit=given.unit or known.unit)
    return dataclasses.replace(details, items=items)
