"""The Jinja2 environment documents render with: the caller's template directories first, then the
package's defaults, and the filters that print figures in the document's locale.

A template is looked up as ``NAME.LOCALE.html`` then ``NAME.html`` (``invoice.ru.html`` may
replace the invoice for Russian only), unless the caller names one. Undefined variables are
errors, so a replaced template that misspells a field fails instead of printing a blank.
"""

from __future__ import annotations

import os
import pathlib
from typing import Any, Callable, Iterable, Optional, Sequence, Union

from .._optional import require
from .formatting import format_amount, format_date, format_duration, format_long_date, \
    format_percent, format_period
from .rows import Quantity

__all__ = ["DEFAULT_TEMPLATES", "TemplateDirs", "environment", "select", "template_dirs"]

DEFAULT_TEMPLATES = pathlib.Path(__file__).resolve().parent / "templates"

PathLike = Union[str, "os.PathLike[str]"]
TemplateDirs = Union[None, PathLike, Sequence[PathLike]]


def template_dirs(templates: TemplateDirs) -> list[pathlib.Path]:
    """The directories searched, the caller's first (in the order given), the defaults last."""
    if templates is None:
        given: Iterable[PathLike] = []
    elif isinstance(templates, (str, os.PathLike)):
        given = [templates]
    else:
        given = templates
    dirs = [pathlib.Path(d) for d in given]
    for d in dirs:
        if not d.is_dir():
            raise FileNotFoundError(f"template directory {str(d)!r} does not exist")
    return dirs + [DEFAULT_TEMPLATES]


def _item_quantity(quantity: Any, locale: str) -> str:
    """An engine ItemQuantity for people: time as hours and minutes, counts as numbers."""
    if quantity is None:
        return ""
    q = quantity if isinstance(quantity, Quantity) else Quantity.of(quantity)
    if q.is_time:
        return format_duration(int(q.value), locale)
    return q.format(locale)


def environment(locale: str, templates: TemplateDirs = None, *, decimals: int = 2,
                unit_of: Optional[Callable[[str], str]] = None) -> Any:
    """A Jinja2 environment for one document: HTML autoescaped, the locale's filters
    (``money``, ``qty``, ``item_qty``, ``qty_unit``, ``date``, ``longdate``, ``period``,
    ``percent``). ``decimals`` is the currency's minor unit; ``unit_of(item)`` names a counted
    item's unit for ``qty_unit``."""
    # Imported here so `import tariff` does not need it.
    jinja2 = require("jinja2", "tariff.documents (HTML and PDF documents)")

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs(templates)]),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "htm", "xml"),
                                            default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)

    def qty_unit(quantity: Any, item: str = "") -> str:
        q = quantity if isinstance(quantity, Quantity) else Quantity.of(quantity)
        if q.is_time:
            return format_duration(int(q.value), locale)
        unit = unit_of(item) if unit_of else ""
        return f"{q.format(locale)}\u00a0{unit}" if unit else q.format(locale)

    env.filters.update(
        money=lambda value: format_amount(value, locale, decimals),
        qty=lambda quantity: quantity.format(locale),
        item_qty=lambda quantity: _item_quantity(quantity, locale),
        qty_unit=qty_unit,
        date=lambda day: format_date(day, locale),
        longdate=lambda day: format_long_date(day, locale),
        period=lambda period: format_period(period.first, period.last, locale),
        percent=lambda value: format_percent(value, locale),
    )
    return env


def select(env: Any, kind: str, locale: str, template: Optional[str]) -> Any:
    """The template for document ``kind``: the caller's ``template`` name, else
    ``KIND.LOCALE.html``, else ``KIND.html``."""
    jinja2 = require("jinja2", "tariff.documents (HTML and PDF documents)")

    names = [template] if template else [f"{kind}.{locale}.html", f"{kind}.html"]
    try:
        return env.select_template(names)
    except jinja2.TemplatesNotFound:
        searched = ", ".join(env.loader.searchpath)
        raise FileNotFoundError(f"no template {' or '.join(names)} in {searched}") from None
