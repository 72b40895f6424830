"""The overview of the whole memory: totals, every partner with its last and next round, recent documents.

These views read the whole database; :func:`data_version` changes whenever a document is stored
or a statement reviewed, so a face may memoise them per version.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .tables import DocumentRow, HistoryRow, MeetingReport, MeetingRow, Series, StatementRow
from .views import (
    BRIEF_COLUMNS,
    DocumentBrief,
    NextBrief,
    Page,
    RoundBrief,
    next_rounds,
    reported_reports,
    round_briefs,
)

__all__ = ["PartnerSummary", "Totals", "data_version", "list_partners", "recent_documents", "totals"]


@dataclass(frozen=True, slots=True)
class PartnerSummary:
    partner: str
    kinds: list[str]
    meetings: int
    documents: int
    statements: int
    last: RoundBrief | None
    next: NextBrief | None


@dataclass(frozen=True, slots=True)
class Totals:
    partners: int
    meetings: int
    documents: int
    statements: int
    proposed: int


def totals(*, session: Session) -> Totals:
    reported = reported_reports().subquery()
    meetings, documents = session.execute(
        select(
            func.count(func.distinct(reported.c.meeting_id)),
            func.count(func.distinct(reported.c.document_id)),
        )
    ).one()
    partners = session.scalar(
        select(func.count(func.distinct(Series.partner))).where(Series.id.in_(select(reported.c.series_id)))
    )
    by_state = dict(
        session.execute(
            select(StatementRow.state, func.count())
            .join(MeetingReport, MeetingReport.id == StatementRow.report_id)
            .join(DocumentRow, DocumentRow.id == MeetingReport.document_id)
            .where(DocumentRow.latest.is_(True))
            .group_by(StatementRow.state)
        ).all()
    )
    visible = sum(n for state, n in by_state.items() if state != "rejected")
    return Totals(int(partners or 0), int(meetings), int(documents), visible, by_state.get("proposed", 0))


def list_partners(*, session: Session, offset: int = 0, limit: int = 100) -> Page[PartnerSummary]:
    """Every partner with reported meetings: counts, its last round and the next one announced."""
    reported = reported_reports().subquery()
    counts = session.execute(
        select(
            Series.partner,
            func.count(func.distinct(reported.c.meeting_id)),
            func.count(func.distinct(reported.c.document_id)),
        )
        .join(reported, reported.c.series_id == Series.id)
        .group_by(Series.partner)
        .order_by(Series.partner)
    ).all()
    total = len(counts)
    counts = counts[offset : offset + limit]
    partners = [c[0] for c in counts]
    kinds: dict[str, list[str]] = {}
    for partner, kind in session.execute(
        select(Series.partner, Series.kind)
        .where(Series.partner.in_(partners), Series.id.in_(select(reported.c.series_id)))
        .order_by(Series.partner, Series.kind)
    ):
        kinds.setdefault(partner, []).append(kind)
    statements = dict(
        session.execute(
            select(Series.partner, func.count(StatementRow.id))
            .join(MeetingRow, MeetingRow.series_id == Series.id)
            .join(MeetingReport, MeetingReport.meeting_id == MeetingRow.id)
            .join(DocumentRow, DocumentRow.id == MeetingReport.document_id)
            .join(StatementRow, StatementRow.report_id == MeetingReport.id)
            .where(
                Series.partner.in_(partners), DocumentRow.latest.is_(True), StatementRow.state != "rejected"
            )
            .group_by(Series.partner)
        ).all()
    )
    rank = (
        func.row_number()
        .over(
            partition_by=Series.partner,
            order_by=(MeetingRow.start.desc().nulls_last(), MeetingRow.id.desc()),
        )
        .label("rank")
    )
    latest = (
        select(Series.partner.label("partner"), MeetingRow.id.label("meeting_id"), rank)
        .join(MeetingRow, MeetingRow.series_id == Series.id)
        .where(Series.partner.in_(partners), MeetingRow.id.in_(select(reported.c.meeting_id)))
        .subquery()
    )
    last_ids = dict(
        session.execute(select(latest.c.partner, latest.c.meeting_id).where(latest.c.rank == 1)).all()
    )
    briefs = round_briefs(last_ids.values(), session=session)
    upcoming = next_rounds(last_ids.values(), session=session)
    data = [
        PartnerSummary(
            partner,
            kinds.get(partner, []),
            int(meetings),
            int(documents),
            int(statements.get(partner, 0)),
            briefs.get(last_ids[partner]) if partner in last_ids else None,
            upcoming.get(last_ids[partner]) if partner in last_ids else None,
        )
        for partner, meetings, documents in counts
    ]
    return Page(data, total)


def recent_documents(*, session: Session, offset: int = 0, limit: int = 20) -> Page[DocumentBrief]:
    """The latest version of each document, most recently published first."""
    latest = DocumentRow.latest.is_(True)
    total = session.scalar(select(func.count()).select_from(DocumentRow).where(latest)) or 0
    rows = session.execute(
        select(*BRIEF_COLUMNS)  # never the texts: sorting would drag every text through memory
        .where(latest)
        .order_by(DocumentRow.published.desc().nulls_last(), DocumentRow.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return Page([DocumentBrief(*row) for row in rows], int(total))


def data_version(*, session: Session) -> tuple[int, int]:
    """Changes whenever a document is stored or a statement reviewed (for caching views)."""
    documents = session.scalar(select(func.max(DocumentRow.id))) or 0
    changes = session.scalar(select(func.max(HistoryRow.id))) or 0
    return int(documents), int(changes)
