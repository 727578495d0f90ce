"""What-if charts of a tariff comparison (docs/compare.md): the change in revenue and in margin
per client and per item, as horizontal bars, PNG or SVG (matplotlib, Agg).

The bars need lengths in floating point — that is drawing, not arithmetic on money: every number
printed on the chart is the comparison's Decimal, formatted for the locale. The SVG is the same
bytes for the same comparison: no date in its metadata, a fixed hash salt for its ids, and the
text kept as text (``svg.fonttype: none``), so the client names can be searched in it.
"""

from __future__ import annotations

import io
import os
import pathlib
from decimal import Decimal
from typing import Any, Optional, Sequence, Union

from .._optional import require
from ._output import write_file
from .formatting import format_amount, format_decimal, format_period
from .labels import labels
from .parties import Details

__all__ = ["comparison_chart"]

_REVENUE_COLOUR, _MARGIN_COLOUR = "#2f6db5", "#e08a1e"
_STYLE = {
    "svg.hashsalt": "tariff",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _signed(value: Decimal, locale: str) -> str:
    text = format_amount(value, locale)
    return text if value <= 0 else "+" + text


def _drawn(value: Decimal) -> float:
    """A bar's length: the one place a figure becomes a float, for drawing only."""
    return float(value)


def _tick(value: float, locale: str) -> str:
    """An axis tick in the locale's digits ("-10 000", "-10,000"): ticks are where the axis is
    drawn, not figures of the comparison, so the float is shown as its shortest decimal text."""
    return format_decimal(Decimal(repr(value)).normalize() + 0, locale)


def _panel(axes: Any, title: str, changes: Sequence[Any], names: Sequence[str], locale: str,
           currency: str, legend: bool) -> None:
    t = labels(locale)
    axes.set_title(title, loc="left", fontweight="bold")
    if not changes:
        axes.text(0.5, 0.5, "—", ha="center", va="center", transform=axes.transAxes)
        axes.set_yticks([])
        return
    height = 0.38
    positions = list(range(len(changes)))
    revenue = [_drawn(c.revenue_change) for c in changes]
    margin = [_drawn(c.margin_change) for c in changes]
    bars_revenue = axes.barh([p - height / 2 for p in positions], revenue, height,
                             color=_REVENUE_COLOUR, label=t["revenue_change"])
    bars_margin = axes.barh([p + height / 2 for p in positions], margin, height,
                            color=_MARGIN_COLOUR, label=t["margin_change"])
    axes.bar_label(bars_revenue, labels=[_signed(c.revenue_change, locale) for c in changes],
                   padding=3, fontsize=7)
    axes.bar_label(bars_margin, labels=[_signed(c.margin_change, locale) for c in changes],
                   padding=3, fontsize=7)
    axes.set_yticks(positions, labels=list(names))
    axes.invert_yaxis()
    axes.axvline(0, color="#444", linewidth=0.8)
    axes.set_xlabel(currency)
    from matplotlib.ticker import FuncFormatter
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: _tick(value, locale)))
    # Symmetric around zero, with room for the labels: gains and losses read at the same scale.
    reach = max([abs(v) for v in revenue + margin] + [1.0]) * 1.45
    axes.set_xlim(-reach, reach)
    axes.grid(axis="x", color="#ddd", linewidth=0.6)
    axes.set_axisbelow(True)
    if legend:
        # Above the panel, right of its title: clear of the axis and its label below.
        axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, fontsize=7,
                    frameon=False, borderaxespad=0.2)


def _fees(comparison: Any) -> Optional[Any]:
    """The comparison's fees as one more bar pair, when it compared fees: a fee cut is often
    what drives the change, and the clients' bars already hold it."""
    fees = getattr(comparison, "fees", None)
    if fees is None or (fees.old_revenue == 0 and fees.new_revenue == 0):
        return None
    return fees


def comparison_chart(comparison: Any, path: Union[None, str, "os.PathLike[str]"] = None, *,
                     format: Optional[str] = None, locale: str = "en",
                     details: Optional[Details] = None) -> bytes:
    """The chart of ``comparison`` (``tariff.compare(...)``): by client (named by ``details``'
    clients when given) and by item (by the details' item titles). Written to ``path`` when
    given (.png or .svg, by its suffix), and returned as bytes; ``format`` ("png", "svg") when
    there is no path."""
    matplotlib = require("matplotlib", "what-if charts (comparison_chart)")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure  # no pyplot: no global state, no GUI backend

    if path is not None:
        format = pathlib.Path(path).suffix.lower().lstrip(".")
    if format not in ("png", "svg"):
        raise ValueError(f"a chart is written as .png or .svg, not {format or '?'}")
    t = labels(locale)

    def client_name(key: str) -> str:
        if details and key in details.clients:
            return details.clients[key].name
        return key or "—"

    def item_name(key: str) -> str:
        return (details.item(key).title if details else "") or key

    clients, items = list(comparison.by_client), list(comparison.by_item)
    item_names = [item_name(c.key) for c in items]
    fees = _fees(comparison)
    if fees is not None:  # the fees are in the clients' figures: the item panel shows them too
        items.append(fees)
        item_names.append(t["chart_fees"])
    rows = max(len(clients), 1) + max(len(items), 1)
    with matplotlib.rc_context(_STYLE):
        figure = Figure(figsize=(8.0, 2.0 + 0.42 * rows), layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.subplots(2, 1, height_ratios=[max(len(clients), 1), max(len(items), 1)])
        history = comparison.history
        span = format_period(history.first, history.last, locale) if history.days else ""
        figure.suptitle(t["chart_title"].format(old=comparison.old_name, new=comparison.new_name)
                        + (f"\n{comparison.currency}, {span}" if span else ""),
                        fontsize=9, x=0.02, ha="left")
        _panel(axes[0], t["by_client"], clients, [client_name(c.key) for c in clients], locale,
               comparison.currency, legend=True)
        _panel(axes[1], t["by_item"], items, item_names, locale, comparison.currency,
               legend=False)
        buffer = io.BytesIO()
        metadata = {"Date": None} if format == "svg" else {"Software": None}
        figure.savefig(buffer, format=format, dpi=120, metadata=metadata)
    data = buffer.getvalue()
    if path is not None:
        write_file(path, data)
    return data
