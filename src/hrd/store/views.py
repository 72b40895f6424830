"""The read-only views of the web pages and the JSON API: partners, series, meetings, documents.

Each view is one keyword-only function taking the session; it returns typed
values that the HTML page and the JSON answer both render (the same query
for both faces). Only the latest version of each document counts, and
rejected statements are left out. Meeting detail, documents and the review
queue are in :mod:`hrd.store.meeting_view`; the partner page, with its
stance matrix, in :mod:`hrd.track.views.partner`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, exists, func, select
from sqlalchemy.orm import Session

from .tables import DocumentRow, MeetingReport, MeetingRow, Series

__all__ = [
    "BRIEF_COLUMNS",
    "DocumentBrief",
    "NextBrief",
    "Page",
    "RoundBrief",
    "SeriesSummary",
    "document_brief",
    "list_meetings",
    "list_series",
    "meetings_of_documents",
    "next_rounds",
    "reported_reports",
    "round_briefs",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list and the number of items in the whole list."""

    data: list[T]
    count: int


@dataclass(frozen=True, slots=True)
class RoundBrief:
    """A held meeting in a line: which series, which round, when and where."""

    meeting_id: int
    partner: str
    kind: str
    ordinal: int | None
    start: dt.date | None
    end: dt.date | None
    name: str | None = None
    city: str | None = None
    country: str | None = None
    format: str | None = None


@dataclass(frozen=True, slots=True)
class NextBrief:
    """The next round as the latest report announces it."""

    meeting_id: int
    year: int | None
    date: dt.date | None
    city: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class DocumentBrief:
    id: int
    key: str
    title: str | None
    published: dt.date | None
    issuer: str | None
    source: str | None
    version: int
    media_type: str | None = None


@dataclass(frozen=True, slots=True)
class SeriesSummary:
    id: int
    partner: str
    kind: str
    meetings: int
    first: dt.date | None
    last: dt.date | None


BRIEF_COLUMNS = (
    DocumentRow.id,
    DocumentRow.key,
    DocumentRow.title,
    DocumentRow.published,
    DocumentRow.issuer,
    DocumentRow.source,
    DocumentRow.version,
    DocumentRow.media_type,
)
"""The columns of a :class:`DocumentBrief`, in order."""


def document_brief(row: DocumentRow) -> DocumentBrief:
    return DocumentBrief(
        row.id, row.key, row.title, row.published, row.issuer, row.source, row.version, row.media_type
    )


def _is_reported() -> ColumnElement[bool]:
    """True for a meeting that a latest document reports (correlated to ``MeetingRow``)."""
    return (
        exists()
        .where(MeetingReport.meeting_id == MeetingRow.id, DocumentRow.id == MeetingReport.document_id)
        .where(DocumentRow.latest.is_(True))
    )


def reported_reports() -> Select[int, int, int]:
    """(meeting_id, document_id, series_id) of every report by a latest document."""
    return (
        select(
            MeetingReport.meeting_id.label("meeting_id"),
            MeetingReport.document_id.label("document_id"),
            MeetingRow.series_id.label("series_id"),
        )
        .join(DocumentRow, DocumentRow.id == MeetingReport.document_id)
        .join(MeetingRow, MeetingRow.id == MeetingReport.meeting_id)
        .where(DocumentRow.latest.is_(True))
    )


def round_briefs(meeting_ids: Iterable[int], *, session: Session) -> dict[int, RoundBrief]:
    """Briefs of meetings by id, with name, place and format from their (latest) reports."""
    ids = list(dict.fromkeys(meeting_ids))
    if not ids:
        return {}
    rows = session.execute(
        select(MeetingRow, Series.partner, Series.kind)
        .join(Series, Series.id == MeetingRow.series_id)
        .where(MeetingRow.id.in_(ids))
    ).all()
    reports = session.execute(
        select(
            MeetingReport.meeting_id,
            MeetingReport.name,
            MeetingReport.city,
            MeetingReport.country,
            MeetingReport.format,
        )
        .join(DocumentRow, DocumentRow.id == MeetingReport.document_id)
        .where(MeetingReport.meeting_id.in_(ids), DocumentRow.latest.is_(True))
        .order_by(MeetingReport.id)
    ).all()
    extra: dict[int, dict[str, Any]] = {}
    for meeting_id, *values in reports:
        seen = extra.setdefault(meeting_id, {})
        for name, value in zip(("name", "city", "country", "format"), values, strict=True):
            if value and name not in seen:
                seen[name] = value
    return {
        m.id: RoundBrief(m.id, partner, kind, m.ordinal, m.start, m.end, **extra.get(m.id, {}))
        for m, partner, kind in rows
    }


def next_rounds(meeting_ids: Iterable[int], *, session: Session) -> dict[int, NextBrief]:
    """The next round each meeting's latest reports announce (the first report that says)."""
    ids = list(meeting_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(MeetingReport.meeting_id, MeetingReport.next)
        .join(DocumentRow, DocumentRow.id == MeetingReport.document_id)
        .where(MeetingReport.meeting_id.in_(ids), DocumentRow.latest.is_(True))
        .order_by(MeetingReport.id)
    ).all()
    out: dict[int, NextBrief] = {}
    for meeting_id, data in rows:
        if not data or meeting_id in out:
            continue
        date = dt.date.fromisoformat(data["date"]) if data.get("date") else None
        year = data.get("year") or (date.year if date else None)
        out[meeting_id] = NextBrief(meeting_id, year, date, data.get("city"), data.get("country"))
    return out


def list_series(
    *,
    session: Session,
    partner: str | None = None,
    series_id: int | None = None,
    offset: int = 0,
    limit: int = 100,
) -> Page[SeriesSummary]:
    """Dialogue series (partner and kind) with their number of reported meetings and date range."""
    query = (
        select(
            Series.id,
            Series.partner,
            Series.kind,
            func.count(func.distinct(MeetingRow.id)),
            func.min(MeetingRow.start),
            func.max(MeetingRow.start),
        )
        .join(MeetingRow, MeetingRow.series_id == Series.id)
        .where(_is_reported())
        .group_by(Series.id, Series.partner, Series.kind)
    )
    if partner:
        query = query.where(Series.partner == partner.upper())
    if series_id is not None:
        query = query.where(Series.id == series_id)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.execute(query.order_by(Series.partner, Series.kind).offset(offset).limit(limit)).all()
    return Page([SeriesSummary(i, p, k, int(n), first, last) for i, p, k, n, first, last in rows], int(total))


def list_meetings(
    *,
    session: Session,
    partner: str | None = None,
    kind: str | None = None,
    series_id: int | None = None,
    offset: int = 0,
    limit: int = 100,
) -> Page[RoundBrief]:
    """Reported meetings, newest first (undated last)."""
    query = select(MeetingRow.id).join(Series, Series.id == MeetingRow.series_id).where(_is_reported())
    if partner:
        query = query.where(Series.partner == partner.upper())
    if kind:
        query = query.where(Series.kind == kind)
    if series_id is not None:
        query = query.where(Series.id == series_id)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    ids = list(
        session.scalars(
            query.order_by(MeetingRow.start.desc().nulls_last(), MeetingRow.id.desc())
            .offset(offset)
            .limit(limit)
        )
    )
    briefs = round_briefs(ids, session=session)
    return Page([briefs[i] for i in ids], int(total))


def meetings_of_documents(document_ids: Iterable[int], *, session: Session) -> list[RoundBrief]:
    """The meetings the documents report, in the order they report them."""
    ids = list(document_ids)
    if not ids:
        return []
    meeting_ids = session.scalars(
        select(MeetingReport.meeting_id)
        .where(MeetingReport.document_id.in_(ids))
        .order_by(MeetingReport.document_id, MeetingReport.position)
    ).all()
    briefs = round_briefs(meeting_ids, session=session)
    return [briefs[i] for i in dict.fromkeys(meeting_ids)]
