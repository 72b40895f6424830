"""Exports for event-data tools and spreadsheets: CAMEO-coded events and statements as XLSX.

Every function returns text or bytes; the faces write files or HTTP responses.
Dialogue records as JSON and statements as CSV are exported by the store
(:func:`hrd.store.exports.export`, review state applied); the XLSX workbook
has the same columns, row for row, as that CSV (:func:`hrd.store.exports.statement_rows`).
Cells that a spreadsheet would run as a formula get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..codes import acts
from ..record import Record
from ..store.exports import CSV_COLUMNS, safe_cell, statement_rows
from ..track.rounds import EU, JOINT, Series

__all__ = [
    "CAMEO_COLUMNS",
    "CameoEvent",
    "ExportOptions",
    "cameo_csv",
    "cameo_events",
    "statements_xlsx",
]

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


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]], options: ExportOptions) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=options.delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([safe_cell("" if v is None else str(v)) for v in row] for row in rows)
    return buffer.getvalue()


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


def statements_xlsx(records: Iterable[Record], title: str = "statements") -> bytes:
    """The statements of ``records`` as an XLSX workbook: one sheet, the columns of the statements CSV.

    Text cells are stored as strings (never as formulas); numbers stay numbers.
    """
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell.cell import TYPE_STRING  # type: ignore[import-untyped]

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(list(CSV_COLUMNS))
    for record in records:
        for row in statement_rows(record):
            sheet.append([None if row[c] == "" else safe_cell(row[c]) for c in CSV_COLUMNS])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = TYPE_STRING
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
