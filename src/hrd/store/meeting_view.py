"""The meeting and document views, the evidence of statements in their text, and the review queue.

:func:`evidence_segments` cuts a document's text at the spans of its
statements, so a face can mark each statement's evidence (and scroll to
it) without ever putting the text itself into markup unescaped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import NotFoundError
from ..record import LegalRef, Record
from .mapping import statements_of
from .repo import get_document, get_meeting, get_record
from .tables import DocumentRow, MeetingReport, MeetingRow, Series, StatementRow
from .views import DocumentBrief, Page, RoundBrief, document_brief, round_briefs

__all__ = [
    "DocumentDetail",
    "FactValue",
    "MeetingDetail",
    "ReportView",
    "Segment",
    "StatementView",
    "document_detail",
    "evidence_segments",
    "get_statement",
    "meeting_detail",
    "review_queue",
    "statement_views",
]


@dataclass(frozen=True, slots=True)
class StatementView:
    id: int
    version: int
    state: str
    actor: str
    act: str
    topics: list[str]
    legal_refs: list[LegalRef]
    text: str | None
    span: tuple[int, int] | None
    confidence: float | None
    document_id: int
    document: str
    meeting_id: int


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text and the statements whose evidence covers it (``starts``: those beginning here)."""

    text: str
    statements: tuple[int, ...] = ()
    starts: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportView:
    """What one document says about the meeting."""

    document: DocumentBrief
    statements: list[StatementView]
    text: str | None = None
    segments: list[Segment] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FactValue:
    value: str
    documents: list[str]


@dataclass(frozen=True, slots=True)
class MeetingDetail:
    meeting: RoundBrief
    facts: dict[str, list[FactValue]]
    """field ('start', 'city', 'head:EU', ...) -> values; two values: the sources disagree."""
    reports: list[ReportView]
    previous: RoundBrief | None
    following: RoundBrief | None

    def by_act(self) -> list[tuple[str, list[StatementView]]]:
        """Every statement of every report, grouped by act (acts in order of first appearance)."""
        groups: dict[str, list[StatementView]] = {}
        for report in self.reports:
            for s in report.statements:
                groups.setdefault(s.act, []).append(s)
        return list(groups.items())


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    document: DocumentBrief
    text: str | None
    record: Record
    meetings: list[RoundBrief]
    versions: list[DocumentBrief]


def evidence_segments(text: str, spans: Sequence[tuple[int, tuple[int, int] | None]]) -> list[Segment]:
    """``text`` cut at every boundary of the ``(statement id, span)`` pairs (bad spans are ignored)."""
    valid = [(sid, s, e) for sid, span in spans if span for s, e in [span] if 0 <= s < e <= len(text)]
    cuts = sorted({0, len(text), *(s for _, s, _ in valid), *(e for _, _, e in valid)})
    segments = []
    for a, b in pairwise(cuts):
        covering = tuple(sid for sid, s, e in valid if s <= a and b <= e)
        starts = tuple(sid for sid, s, _ in valid if s == a)
        segments.append(Segment(text[a:b], covering, starts))
    return segments


def statement_views(rows: Sequence[StatementRow], *, session: Session) -> list[StatementView]:
    """Stored statements with their current topics and references, document and meeting."""
    if not rows:
        return []
    records = statements_of(rows, session=session)
    where = {
        report_id: (doc_id, key, meeting_id)
        for report_id, doc_id, key, meeting_id in session.execute(
            select(MeetingReport.id, DocumentRow.id, DocumentRow.key, MeetingReport.meeting_id)
            .join(DocumentRow, DocumentRow.id == MeetingReport.document_id)
            .where(MeetingReport.id.in_({r.report_id for r in rows}))
        )
    }
    out = []
    for row, st in zip(rows, records, strict=True):
        doc_id, key, meeting_id = where[row.report_id]
        out.append(
            StatementView(
                row.id,
                row.version,
                row.state,
                st.actor,
                st.act,
                list(st.topics),
                list(st.legal_refs),
                st.text,
                st.span,
                st.confidence,
                doc_id,
                key,
                meeting_id,
            )
        )
    return out


def get_statement(*, statement_id: int, session: Session) -> StatementView:
    row = session.get(StatementRow, statement_id)
    if row is None:
        raise NotFoundError(f"no statement {statement_id}")
    return statement_views([row], session=session)[0]


def _neighbours(meeting: MeetingRow, session: Session) -> tuple[RoundBrief | None, RoundBrief | None]:
    """The rounds before and after ``meeting`` in its series (by date)."""
    if meeting.start is None:
        return None, None
    base = (
        select(MeetingRow.id)
        .join(MeetingReport, MeetingReport.meeting_id == MeetingRow.id)
        .join(DocumentRow, DocumentRow.id == MeetingReport.document_id)
        .where(MeetingRow.series_id == meeting.series_id, DocumentRow.latest.is_(True))
    )
    before = session.scalar(
        base.where(MeetingRow.start < meeting.start).order_by(MeetingRow.start.desc()).limit(1)
    )
    after = session.scalar(base.where(MeetingRow.start > meeting.start).order_by(MeetingRow.start).limit(1))
    briefs = round_briefs([i for i in (before, after) if i is not None], session=session)
    return (briefs.get(before) if before else None, briefs.get(after) if after else None)


def meeting_detail(*, meeting_id: int, session: Session, with_text: bool = True) -> MeetingDetail:
    """A meeting's facts (per source), its statements per reporting document, and (optionally) the texts."""
    view = get_meeting(meeting_id=meeting_id, session=session)
    meeting = session.get_one(MeetingRow, meeting_id)
    reports = session.execute(
        select(MeetingReport.id, DocumentRow)
        .join(DocumentRow, DocumentRow.id == MeetingReport.document_id)
        .where(MeetingReport.meeting_id == meeting_id, DocumentRow.latest.is_(True))
        .order_by(DocumentRow.published.nulls_last(), MeetingReport.id)
    ).all()
    rows = session.scalars(
        select(StatementRow)
        .where(StatementRow.report_id.in_([r for r, _ in reports]), StatementRow.state != "rejected")
        .order_by(StatementRow.report_id, StatementRow.position, StatementRow.id)
    ).all()
    by_report: dict[int, list[StatementView]] = defaultdict(list)
    for row, st in zip(rows, statement_views(rows, session=session), strict=True):
        by_report[row.report_id].append(st)
    views = []
    seen: dict[int, ReportView] = {}
    for report_id, doc in reports:
        if doc.id in seen:  # one document reporting the meeting twice: one column
            seen[doc.id].statements.extend(by_report[report_id])
            continue
        statements = by_report[report_id]
        text = doc.text if with_text else None
        views.append(ReportView(document_brief(doc), statements, text, []))
        seen[doc.id] = views[-1]
    if with_text:
        views = [
            ReportView(
                v.document,
                v.statements,
                v.text,
                evidence_segments(v.text, [(s.id, s.span) for s in v.statements]) if v.text else [],
            )
            for v in views
        ]
    facts = {
        name: [FactValue(value, docs) for value, docs in values.items()]
        for name, values in view.values.items()
    }
    previous, following = _neighbours(meeting, session)
    return MeetingDetail(
        round_briefs([meeting_id], session=session)[meeting_id], facts, views, previous, following
    )


def document_detail(*, ref: str | int, session: Session) -> DocumentDetail:
    """A document (by id, key or sha256): its text, its record (review applied), meetings and versions."""
    doc = get_document(ref=ref, session=session)
    meeting_ids = session.scalars(
        select(MeetingReport.meeting_id)
        .where(MeetingReport.document_id == doc.id)
        .order_by(MeetingReport.position)
    ).all()
    briefs = round_briefs(meeting_ids, session=session)
    versions = []
    if doc.source:
        versions = [
            document_brief(r)
            for r in session.scalars(
                select(DocumentRow).where(DocumentRow.source == doc.source).order_by(DocumentRow.version)
            )
        ]
    return DocumentDetail(
        document_brief(doc),
        doc.text,
        get_record(ref=doc.id, session=session),
        [briefs[i] for i in dict.fromkeys(meeting_ids)],
        versions,
    )


def review_queue(
    *, session: Session, state: str = "proposed", partner: str | None = None, offset: int = 0, limit: int = 50
) -> Page[StatementView]:
    """Statements in ``state`` of the latest documents, least confident first (no confidence: last)."""
    query = (
        select(StatementRow)
        .join(MeetingReport, MeetingReport.id == StatementRow.report_id)
        .join(DocumentRow, DocumentRow.id == MeetingReport.document_id)
        .where(DocumentRow.latest.is_(True), StatementRow.state == state)
    )
    if partner:
        query = (
            query.join(MeetingRow, MeetingRow.id == MeetingReport.meeting_id)
            .join(Series, Series.id == MeetingRow.series_id)
            .where(Series.partner == partner.upper())
        )
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(StatementRow.confidence.asc().nulls_last(), StatementRow.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return Page(statement_views(rows, session=session), int(total))
