"""Re-extraction: run a (newer) extractor over stored texts, touching only ``proposed`` statements.

Reviewed statements (confirmed, edited, rejected, added) are never changed or
removed, and a newly extracted statement over the same span as a reviewed one
is not proposed again. Proposed statements the new extraction still gives
keep their ids; the others are replaced. Each document whose proposals
changed gets one ``reextract`` entry in the review history with the
proposals before and after.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ..extract import extract
from ..record import Record, Statement
from .engine import read, write
from .identity import resolve_meeting
from .ingest import EXTRACTOR
from .mapping import (
    add_facts,
    add_report,
    add_statement,
    clear_facts,
    refresh_facets,
    set_report_values,
    statements_of,
)
from .repo import get_document
from .report_topics import listed_topics, refresh_report_topics
from .review import record_change
from .tables import DocumentRow, MeetingReport, StatementRow

__all__ = ["Change", "ReextractReport", "reextract", "reextract_document"]


@dataclass(frozen=True, slots=True)
class Change:
    document: str
    removed: int = 0
    added: int = 0
    kept_reviewed: int = 0


@dataclass(frozen=True, slots=True)
class ReextractReport:
    changes: list[Change] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def changed(self) -> list[Change]:
        return [c for c in self.changes if c.removed or c.added]


def _span(row: StatementRow) -> tuple[int, int] | None:
    return (row.span_start, row.span_end) if row.span_start is not None and row.span_end is not None else None


def reextract_document(*, document_id: int, record: Record, who: str, session: Session) -> Change:
    """Apply a new extraction of one stored document, keeping every reviewed statement."""
    doc = session.get_one(DocumentRow, document_id)
    info = record.document
    doc.title, doc.published, doc.language, doc.issuer = (
        info.title,
        info.published,
        info.language,
        info.issuer,
    )
    doc.extractor = EXTRACTOR
    reports = list(session.scalars(select(MeetingReport).where(MeetingReport.document_id == doc.id)))
    for r in reports:  # free the positions
        r.position = -r.id
    session.flush()
    unclaimed = {r.id: r for r in reports}
    removed: list[Statement] = []
    added: list[Statement] = []
    kept = 0
    taken: set[int] = set()
    for position, meeting in enumerate(record.meetings):
        meeting_id = resolve_meeting(meeting=meeting, session=session, taken=taken).id
        taken.add(meeting_id)
        report = next((r for r in unclaimed.values() if r.meeting_id == meeting_id), None)
        if report is None:
            report = add_report(
                document=doc, meeting=meeting, position=position, session=session, taken=taken
            )
            old: list[StatementRow] = []
        else:
            del unclaimed[report.id]
            report.position = position
            set_report_values(report=report, meeting=meeting)
            refresh_facets(report=report, session=session)
            clear_facts(report=report, session=session)
            add_facts(report=report, meeting=meeting, session=session)
            old = list(session.scalars(select(StatementRow).where(StatementRow.report_id == report.id)))
        reviewed_spans = {_span(r) for r in old if r.state != "proposed" and _span(r) is not None}
        kept += sum(1 for r in old if r.state != "proposed")
        proposed = [r for r in old if r.state == "proposed"]
        pool = list(zip(proposed, statements_of(proposed, session=session), strict=True))
        for i, statement in enumerate(meeting.statements):
            if statement.span is not None and statement.span in reviewed_spans:
                continue
            same = next((pair for pair in pool if pair[1] == statement), None)
            if same is not None:
                pool.remove(same)
                same[0].position = i
                continue
            add_statement(report=report, statement=statement, position=i, state="proposed", session=session)
            added.append(statement)
        for row, statement in pool:
            removed.append(statement)
            session.delete(row)
        session.flush()
        listed = listed_topics(report=report, session=session)
        refresh_report_topics(report=report, listed=listed, session=session)  # reviews outlive the extraction
    for extra, report in enumerate(unclaimed.values(), start=len(record.meetings)):
        rows = list(session.scalars(select(StatementRow).where(StatementRow.report_id == report.id)))
        if any(r.state != "proposed" for r in rows):
            kept += sum(1 for r in rows if r.state != "proposed")
            proposed = [r for r in rows if r.state == "proposed"]
            removed.extend(statements_of(proposed, session=session))
            for statement_row in proposed:
                session.delete(statement_row)
            report.position = extra
        else:
            removed.extend(statements_of(rows, session=session))
            session.delete(report)
    session.flush()
    if removed or added:
        record_change(
            action="reextract",
            who=who,
            before={"proposed": [s.model_dump(mode="json") for s in removed]},
            after={"proposed": [s.model_dump(mode="json") for s in added]},
            document_id=doc.id,
            session=session,
        )
    return Change(doc.key, len(removed), len(added), kept)


def reextract(*, engine: Engine, who: str, document: str | None = None) -> ReextractReport:
    """Re-extract one document, or the latest version of every document that has a stored text."""

    def targets(session: Session) -> list[int]:
        if document is not None:
            return [get_document(ref=document, session=session).id]
        query = select(DocumentRow.id).where(DocumentRow.latest.is_(True), DocumentRow.text.is_not(None))
        return list(session.scalars(query.order_by(DocumentRow.id)))

    report = ReextractReport()
    for doc_id in read(engine, targets):
        key = str(doc_id)
        try:
            row = read(engine, lambda s, i=doc_id: s.get_one(DocumentRow, i))  # type: ignore[misc]
            key = row.key
            if row.text is None:
                continue
            record = extract(row.text, published=row.published, source=row.source)

            def apply(session: Session, doc_id: int = doc_id, record: Record = record) -> Change:
                return reextract_document(document_id=doc_id, record=record, who=who, session=session)

            change = write(engine, apply)
        except Exception as exc:
            report.failed.append((key, f"{type(exc).__name__}: {exc}"))
            continue
        report.changes.append(change)
    return report
