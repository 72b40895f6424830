"""Dialogue series for the tracker, built from the database.

:func:`load_series` turns stored meetings into :class:`hrd.series.Series`
values (what every analysis of :mod:`hrd.track` runs on): one round per
stored meeting (the store's meeting identity), the statements of every
latest document version that reports it, with the review state applied
(rejected statements left out, reviewers' edits and additions in). Round
and statement ids are the database ids as text (``meetings.id``,
``statements.id``), so that analysts' follow-up status and benchmark
assessments refer to rows that outlive any re-run of the analyses.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..record import Cases, Event, Head, MeetingKind, NextRound, Programme
from ..series import Provision, Round, Series, Source, TrackedStatement
from .tables import (
    CaseMention,
    Delegation,
    DocumentRow,
    EventRow,
    HeadRow,
    MeetingReport,
    MeetingRow,
    ProgrammeRow,
    StatementLegalRef,
    StatementRow,
    StatementTopic,
)
from .tables import Provision as ProvisionRow
from .tables import Series as SeriesRow

__all__ = ["SeriesFilter", "load_series", "partners_with_rounds"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SeriesFilter:
    """Which series to load: one partner (code such as 'KZ'), one kind, rounds between two years."""

    partner: str | None = None
    kind: str | None = None
    since: int | None = None
    until: int | None = None


def _in_years(start: dt.date | None, f: SeriesFilter) -> bool:
    if f.since is None and f.until is None:
        return True
    if start is None:
        return False
    return (f.since is None or start.year >= f.since) and (f.until is None or start.year <= f.until)


def partners_with_rounds(*, session: Session) -> list[str]:
    """Every partner with at least one stored meeting, sorted."""
    query = select(SeriesRow.partner).join(MeetingRow, MeetingRow.series_id == SeriesRow.id).distinct()
    return sorted(session.scalars(query))


def load_series(*, session: Session, filters: SeriesFilter = SeriesFilter()) -> list[Series]:
    """The dialogue series matching ``filters``, sorted by partner and kind, rounds oldest first.

    A meeting that no latest document version reports any more is left out;
    so is a series left without rounds.
    """
    query = (
        select(SeriesRow.partner, SeriesRow.kind, MeetingRow, MeetingReport, DocumentRow)
        .join(MeetingRow, MeetingRow.series_id == SeriesRow.id)
        .join(MeetingReport, MeetingReport.meeting_id == MeetingRow.id)
        .join(DocumentRow, DocumentRow.id == MeetingReport.document_id)
        .where(DocumentRow.latest.is_(True))
        .order_by(SeriesRow.partner, SeriesRow.kind, MeetingRow.id, DocumentRow.id, MeetingReport.position)
    )
    if filters.partner:
        query = query.where(SeriesRow.partner == filters.partner.strip().upper())
    if filters.kind:
        query = query.where(SeriesRow.kind == filters.kind)
    rows = [r for r in session.execute(query).all() if _in_years(r[2].start, filters)]
    report_ids = [r[3].id for r in rows]
    facts = _Facts.load(report_ids, session)
    grouped: dict[tuple[str, str], dict[int, list[tuple[MeetingRow, MeetingReport, DocumentRow]]]] = {}
    for partner, kind, meeting, report, document in rows:
        grouped.setdefault((partner, kind), {}).setdefault(meeting.id, []).append((meeting, report, document))
    out = []
    for (partner, kind), meetings in grouped.items():
        rounds = tuple(_round(partner, kind, reports, facts) for reports in meetings.values())
        out.append(Series(partner, cast(MeetingKind, kind), rounds))
    return out


def _unique_by(items: Iterable[tuple[Hashable, T]]) -> list[T]:
    """The values in order, the first of each key."""
    seen: dict[Hashable, T] = {}
    for key, value in items:
        seen.setdefault(key, value)
    return list(seen.values())


def _round(
    partner: str,
    kind: str,
    reports: Sequence[tuple[MeetingRow, MeetingReport, DocumentRow]],
    facts: _Facts,
) -> Round:
    meeting = reports[0][0]
    docs = [d for _, _, d in reports]
    reps = [r for _, r, _ in reports]
    heads = [h for r in reps for h in facts.heads[r.id]]
    programmes = [p for r in reps for p in facts.programmes[r.id]]
    events = [e for r in reps for e in facts.events[r.id]]
    first = next((r for r in reps if r.start is not None), reps[0])
    return Round(
        meeting_id=str(meeting.id),
        partner=partner,
        kind=cast(MeetingKind, kind),
        ordinal=meeting.ordinal,
        start=meeting.start,
        end=meeting.end,
        name=next((r.name for r in reps if r.name), None),
        city=first.city or next((r.city for r in reps if r.city), None),
        country=first.country or next((r.country for r in reps if r.country), None),
        statements=tuple(s for r, d in zip(reps, docs, strict=True) for s in facts.statements(r.id, d.key)),
        sources=tuple(_unique_by((d.id, Source(d.key, d.issuer, d.title, d.published)) for d in docs)),
        heads=tuple(_unique_by(((h.party, h.name.casefold()), h) for h in heads)),
        programmes=tuple(_unique_by(((p.acronym or p.name).casefold(), p) for p in programmes)),
        events=tuple(_unique_by(((e.what.casefold(), e.date), e) for e in events)),
        next=next((NextRound.model_validate(r.next) for r in reps if r.next), None),
        cases=Cases(
            raised=any(r.cases_raised for r in reps),
            list_handed_over=any(r.list_handed_over for r in reps),
            names=sorted({n for r in reps for n in facts.cases[r.id]}),
        ),
    )


@dataclass(slots=True)
class _Facts:
    """Everything the rounds need from the reports' child rows, loaded in a few queries."""

    rows: dict[int, list[StatementRow]]
    topics: dict[int, list[str]]
    refs: dict[int, list[Provision]]
    heads: dict[int, list[Head]]
    programmes: dict[int, list[Programme]]
    events: dict[int, list[Event]]
    cases: dict[int, list[str]]

    def statements(self, report_id: int, document: str) -> list[TrackedStatement]:
        return [
            TrackedStatement(
                id=str(s.id),
                actor=s.actor,
                act=s.act,
                topics=tuple(self.topics[s.id]),
                legal_refs=tuple(self.refs[s.id]),
                text=s.text,
                document_id=document,
                span=(s.span_start, s.span_end)
                if s.span_start is not None and s.span_end is not None
                else None,
            )
            for s in self.rows[report_id]
        ]

    @classmethod
    def load(cls, report_ids: list[int], session: Session) -> _Facts:
        facts = cls(*(defaultdict(list) for _ in range(7)))  # type: ignore[arg-type]
        for chunk in _chunks(report_ids):
            facts._load(chunk, session)
        return facts

    def _load(self, ids: list[int], session: Session) -> None:
        statements = session.scalars(
            select(StatementRow)
            .where(StatementRow.report_id.in_(ids), StatementRow.state != "rejected")
            .order_by(StatementRow.report_id, StatementRow.position, StatementRow.id)
        ).all()
        for s in statements:
            self.rows[s.report_id].append(s)
        visible = (
            select(StatementRow.id)
            .where(StatementRow.report_id.in_(ids), StatementRow.state != "rejected")
            .scalar_subquery()
        )
        for sid, topic in session.execute(
            select(StatementTopic.statement_id, StatementTopic.topic)
            .where(StatementTopic.statement_id.in_(visible))
            .order_by(StatementTopic.statement_id, StatementTopic.position)
        ):
            self.topics[sid].append(topic)
        for sid, instrument, article in session.execute(
            select(StatementLegalRef.statement_id, ProvisionRow.instrument, ProvisionRow.article)
            .join(ProvisionRow, ProvisionRow.id == StatementLegalRef.provision_id)
            .where(StatementLegalRef.statement_id.in_(visible))
            .order_by(StatementLegalRef.statement_id, StatementLegalRef.position)
        ):
            self.refs[sid].append(Provision(instrument.strip(), article or None))
        for rid, party, name, title in session.execute(
            select(HeadRow.report_id, Delegation.party, HeadRow.name, HeadRow.title)
            .join(Delegation, Delegation.id == HeadRow.delegation_id)
            .where(HeadRow.report_id.in_(ids))
            .order_by(HeadRow.report_id, HeadRow.position)
        ):
            self.heads[rid].append(Head(party=party, name=name, title=title))
        for p in session.scalars(
            select(ProgrammeRow).where(ProgrammeRow.report_id.in_(ids)).order_by(ProgrammeRow.position)
        ):
            self.programmes[p.report_id].append(
                Programme(name=p.name, acronym=p.acronym, amount=p.amount, currency=p.currency)
            )
        for e in session.scalars(
            select(EventRow).where(EventRow.report_id.in_(ids)).order_by(EventRow.position)
        ):
            self.events[e.report_id].append(Event(what=e.what, date=e.date))
        for c in session.scalars(
            select(CaseMention).where(CaseMention.report_id.in_(ids)).order_by(CaseMention.position)
        ):
            self.cases[c.report_id].append(c.name)


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]
