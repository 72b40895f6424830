"""The briefing note as PDF: the HTML rendering laid out for A4 by WeasyPrint.

The note's HTML (:func:`hrd.report.render.render_html`) carries everything,
charts included (inline SVG); a print style sheet adds the page size,
margins, running page numbers and table headers repeated on each page.
WeasyPrint never fetches anything: the note has no external resources, and
its URL fetcher refuses every request, so a readout's text cannot make the
renderer load a file or a URL.
"""

from __future__ import annotations

from typing import Any, NoReturn

from ..errors import InvalidInputError
from .brief import Brief
from .render import render_html

__all__ = ["PRINT_CSS", "html_to_pdf", "render_pdf"]

PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
        @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 8pt; color: #444; } }
body { max-width: none; margin: 0; font-size: 10pt; }
h1 { font-size: 17pt; }
h2 { font-size: 13pt; break-after: avoid; } h3 { font-size: 11pt; break-after: avoid; }
table { width: 100%; font-size: 8.5pt; } thead { display: table-header-group; } tr { break-inside: avoid; }
figure { overflow: visible; } figure svg { max-width: 100%; height: auto; }
"""


def _fetcher() -> Any:
    """A WeasyPrint URL fetcher that refuses every URL (and stops the rendering)."""
    from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]

    class NoFetch(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: object = None) -> NoReturn:
            raise InvalidInputError(f"the briefing note may not load external resources ({url[:80]})")

    return NoFetch(fail_on_errors=True)


def html_to_pdf(html: str) -> bytes:
    """Lay out an HTML document (no external resources) as PDF.

    Raises :class:`InvalidInputError` when the document refers to anything
    outside itself (an image, a style sheet, a font by URL).
    """
    from weasyprint import CSS, HTML  # type: ignore[import-untyped]
    from weasyprint.urls import FatalURLFetchingError

    fetcher = _fetcher()
    try:
        document = HTML(string=html, url_fetcher=fetcher, base_url=None)
        pdf = document.write_pdf(stylesheets=[CSS(string=PRINT_CSS, url_fetcher=fetcher)])
    except FatalURLFetchingError as exc:
        cause = exc.__cause__
        raise cause if isinstance(cause, InvalidInputError) else InvalidInputError(str(exc)) from exc
    if not isinstance(pdf, bytes):
        raise TypeError("WeasyPrint returned no bytes")
    return pdf


def render_pdf(brief: Brief) -> bytes:
    """The briefing note as a PDF document (A4)."""
    return html_to_pdf(render_html(brief))
