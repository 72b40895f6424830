"""Exports: statements as CSV, CAMEO-coded events for event-data tools, dialogue records as JSON.

Every function returns text; the faces write files or HTTP responses. CSV
cells that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, tab or carriage return) are prefixed with an apostrophe.
XLSX is not offered: it needs openpyxl, which is not a dependency.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..codes import acts
from ..record import Record
from ..track.rounds import EU, JOINT, Series

__all__ = [
    "CAMEO_COLUMNS",
    "STATEMENT_COLUMNS",
    "CameoEvent",
    "ExportOptions",
    "cameo_csv",
    "cameo_events",
    "records_json",
    "statements_csv",
]

STATEMENT_COLUMNS = (
    "partner",
    "kind",
    "meeting_id",
    "ordinal",
    "date",
    "statement_id",
    "document_id",
    "actor",
    "act",
    "topics",
    "legal_refs",
    "text",
)
CAMEO_COLUMNS = (
    "date",
    "source",
    "target",
    "cameo",
    "act",
    "topics",
    "partner",
    "meeting_id",
    "statement_id",
)


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """``split_joint``: a statement by both sides gives two events (EU to partner and back).

    ``delimiter`` separates CSV fields; ``list_separator`` the items of a list in one cell.
    """

    split_joint: bool = True
    delimiter: str = ","
    list_separator: str = "; "


@dataclass(frozen=True, slots=True)
class CameoEvent:
    """One dyadic event; actors as the record gives them (``EU``, ISO 3166-1 alpha-2 codes)."""

    date: str
    source: str
    target: str
    cameo: str
    act: str
    topics: tuple[str, ...]
    partner: str
    meeting_id: str
    statement_id: str


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]], options: ExportOptions) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=options.delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def statements_csv(series: Iterable[Series], options: ExportOptions = ExportOptions()) -> str:
    """One row per statement, series by series and round by round."""
    sep = options.list_separator
    rows = (
        (
            s.partner,
            s.kind,
            r.meeting_id,
            r.ordinal,
            r.start.isoformat() if r.start else None,
            st.id,
            st.document_id,
            st.actor,
            st.act,
            sep.join(st.topics),
            sep.join(p.label for p in st.legal_refs),
            st.text,
        )
        for s in series
        for r in s.rounds
        for st in r.statements
    )
    return _csv(STATEMENT_COLUMNS, rows, options)


def cameo_events(
    series: Iterable[Series], options: ExportOptions = ExportOptions()
) -> tuple[CameoEvent, ...]:
    """The statements as CAMEO events: the act's code from acts.json, the other party as target.

    Undated rounds give no events (event data needs a date); statements by
    both sides give two events with ``split_joint``, else one with source ``both``.
    """
    codes = {a.code: a.cameo for a in acts()}
    out = []
    for s in series:
        for r in s.rounds:
            if r.start is None:
                continue
            for st in r.statements:
                cameo = codes.get(st.act)
                if cameo is None:
                    continue
                if st.actor == JOINT and options.split_joint:
                    dyads = [(EU, s.partner), (s.partner, EU)]
                elif st.actor == JOINT:
                    dyads = [(JOINT, JOINT)]
                else:
                    dyads = [(st.actor, s.partner if st.actor == EU else EU)]
                out += [
                    CameoEvent(
                        r.start.isoformat(),
                        src,
                        dst,
                        cameo,
                        st.act,
                        st.topics,
                        s.partner,
                        r.meeting_id,
                        st.id,
                    )
                    for src, dst in dyads
                ]
    return tuple(out)


def cameo_csv(events: Iterable[CameoEvent], options: ExportOptions = ExportOptions()) -> str:
    rows = (
        (
            e.date,
            e.source,
            e.target,
            e.cameo,
            e.act,
            options.list_separator.join(e.topics),
            e.partner,
            e.meeting_id,
            e.statement_id,
        )
        for e in events
    )
    return _csv(CAMEO_COLUMNS, rows, options)


def records_json(records: Iterable[Record]) -> str:
    """Dialogue records as one JSON array in dialogue-record/1 form."""
    return json.dumps([r.to_json() for r in records], ensure_ascii=False, indent=2) + "\n"
