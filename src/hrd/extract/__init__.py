"""Extraction: readout text -> dialogue record, through the stages of :mod:`.pipeline`."""

from __future__ import annotations

import datetime as dt

from ..record import Record
from .assemble import to_record
from .pipeline import STAGES, run
from .state import Analysis

__all__ = ["STAGES", "analyse", "extract"]


def analyse(text: str, *, published: dt.date | None = None, source: str | None = None) -> Analysis:
    """Run every stage over ``text`` and return the full analysis."""
    return run(Analysis(text=text, published_hint=published, source=source))


def extract(text: str, *, published: dt.date | None = None, source: str | None = None) -> Record:
    """Extract the dialogue record of one readout's text.

    ``published`` is a publication date known from elsewhere (a feed entry, an
    HTTP header); a dateline in the text takes precedence. ``source`` is the
    URL or path the text was read from; it names the document.
    """
    return to_record(analyse(text, published=published, source=source))
