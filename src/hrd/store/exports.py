"""Export and import: dialogue records (JSON Lines or one JSON array) and statements as CSV.

Exported records are schema-valid dialogue-record/1 documents with the review
state applied (rejected statements left out, edits and additions in), one per
latest document version. Importing an export into an empty database and
exporting again gives the same records.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, TextIO

from pydantic import ValidationError
from sqlalchemy import and_, exists, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ..errors import InvalidInputError
from ..record import Record
from .engine import write
from .mapping import load_record
from .repo import Stored, store_record
from .tables import DocumentRow, MeetingReport, MeetingRow, Series

__all__ = [
    "CSV_COLUMNS",
    "ExportFilters",
    "ExportFormat",
    "ImportReport",
    "export",
    "import_records",
    "parse_export",
    "records",
    "safe_cell",
    "statement_rows",
]

ExportFormat = Literal["jsonl", "json", "csv"]
CSV_COLUMNS = (
    "document", "meeting", "partner", "kind", "date", "actor", "act", "topics", "legal_refs", "text",
    "confidence",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ExportFilters:
    """Which documents to export: those reporting a meeting that matches every filter given."""

    partner: str | None = None
    kind: str | None = None
    since: int | None = None
    until: int | None = None


def _document_ids(filters: ExportFilters, session: Session) -> list[int]:
    query = select(DocumentRow.id).where(DocumentRow.latest.is_(True)).order_by(DocumentRow.id)
    conditions = []
    if filters.partner:
        conditions.append(Series.partner == filters.partner.upper())
    if filters.kind:
        conditions.append(Series.kind == filters.kind)
    date = MeetingReport.start
    if filters.since is not None:
        conditions.append(date >= dt.date(filters.since, 1, 1))
    if filters.until is not None:
        conditions.append(date <= dt.date(filters.until, 12, 31))
    if conditions:
        query = query.where(
            exists()
            .where(MeetingReport.document_id == DocumentRow.id)
            .where(MeetingRow.id == MeetingReport.meeting_id, Series.id == MeetingRow.series_id)
            .where(and_(*conditions))
        )
    return list(session.scalars(query))


def records(*, filters: ExportFilters, session: Session) -> Iterator[Record]:
    """The records of the selected documents, review state applied, oldest document first."""
    for doc_id in _document_ids(filters, session):
        yield load_record(document=session.get_one(DocumentRow, doc_id), session=session)


def safe_cell(value: object) -> object:
    """A text a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab or CR first), quoted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def statement_rows(record: Record) -> Iterator[dict[str, object]]:
    """One row (by ``CSV_COLUMNS``) per statement of ``record``: the statements CSV and XLSX exports."""
    for i, meeting in enumerate(record.meetings):
        partner = "+".join(p for p in meeting.parties if p != "EU")
        for st in meeting.statements:
            yield {
                "document": record.document.id,
                "meeting": i,
                "partner": partner,
                "kind": meeting.kind,
                "date": meeting.start.isoformat() if meeting.start else "",
                "actor": st.actor,
                "act": st.act,
                "topics": ";".join(st.topics),
                "legal_refs": ";".join(f"{r.instrument} {r.article}".strip() if r.article else r.instrument
                                       for r in st.legal_refs),
                "text": st.text or "",
                "confidence": "" if st.confidence is None else st.confidence,
            }  # fmt: skip


def export(out: TextIO, *, format: ExportFormat, filters: ExportFilters, session: Session) -> int:
    """Write the selected records (or their statements, as CSV) to ``out``; returns how many were written."""
    n = 0
    if format == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for record in records(filters=filters, session=session):
            for row in statement_rows(record):
                writer.writerow({k: safe_cell(v) for k, v in row.items()})
                n += 1
        return n
    if format == "json":
        out.write("[")
    for record in records(filters=filters, session=session):
        line = json.dumps(record.to_json(), ensure_ascii=False)
        if format == "json":
            out.write(("\n" if n == 0 else ",\n") + line)
        else:
            out.write(line + "\n")
        n += 1
    if format == "json":
        out.write("\n]\n")
    return n


def parse_export(data: str) -> list[Record]:
    """The records of a JSON Lines or JSON export; a CSV export cannot be read back (it has no meetings)."""
    stripped = data.lstrip()
    if not stripped:
        return []
    try:
        if stripped.startswith("["):
            items = json.loads(stripped)
            if not isinstance(items, list):
                raise InvalidInputError("a JSON export must be an array of records")
            return [Record.model_validate(item) for item in items]
        if not stripped.startswith("{"):
            raise InvalidInputError("not a JSON or JSON Lines export (CSV exports cannot be imported)")
        out = []
        for number, line in enumerate(data.splitlines(), start=1):
            if line.strip():
                try:
                    out.append(Record.model_validate_json(line))
                except ValidationError as exc:
                    raise InvalidInputError(
                        f"line {number}: not a dialogue record ({_first_error(exc)})"
                    ) from None
        return out
    except json.JSONDecodeError as exc:
        raise InvalidInputError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except ValidationError as exc:
        raise InvalidInputError(f"not a dialogue record ({_first_error(exc)})") from None


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error["loc"])
    return f"{where}: {error['msg']}" if where else error["msg"]


@dataclass(frozen=True, slots=True)
class ImportReport:
    imported: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def import_records(items: list[Record], *, engine: Engine) -> ImportReport:
    """Store each record in its own transaction; a record already stored (same sha256) changes nothing.

    Imported statements are ``proposed`` (an export does not carry review state);
    their documents have no text, so re-extraction leaves them alone.
    """
    report = ImportReport()
    for record in items:

        def store(session: Session, record: Record = record) -> Stored:
            return store_record(record=record, session=session)

        stored = write(engine, store)
        (report.imported if stored.status == "ingested" else report.unchanged).append(stored.key)
    return report
