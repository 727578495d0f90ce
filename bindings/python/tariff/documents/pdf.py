"""HTML to PDF with WeasyPrint (Debian's weasyprint 57).

Imported only when a PDF is asked for: WeasyPrint takes a second to import, and HTML, workbooks
and charts do not need it.

The same document renders to the same bytes. The PDF's dates are the ones the HTML names (the
default templates give the document's date), and the fonts WeasyPrint embeds are dated by
fontTools from SOURCE_DATE_EPOCH when it is set, else from the clock: so, unless the caller set
it already, it is set to the document's date while the PDF is written.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime
import os
import threading
from typing import Iterator, Optional

from .._optional import require

_ENVIRONMENT = threading.Lock()


@contextlib.contextmanager
def _source_date(day: Optional[datetime.date]) -> Iterator[None]:
    if day is None or "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    with _ENVIRONMENT:
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(day.timetuple()))
        try:
            yield
        finally:
            del os.environ["SOURCE_DATE_EPOCH"]


def html_to_pdf(html: str, base_url: str, created: Optional[datetime.date] = None) -> bytes:
    """The PDF of ``html``; relative links (images, style sheets) resolve against ``base_url``;
    ``created`` dates the embedded fonts (see above)."""
    weasyprint = require("weasyprint", "PDF documents")

    document = weasyprint.HTML(string=html, base_url=base_url).render()
    with _source_date(created):
        return document.write_pdf()
