"""The partner view: every round with a partner, a topic x round stance matrix, provisions, programmes.

The stance of a cell comes from :mod:`hrd.track.stance` (the one place that
decides which acts press and which recognise), computed over grouped counts
so that the page stays fast with thousands of documents. The other parts are
store queries, built from the briefs of :mod:`hrd.store.views`; the view
lives in the tracker because of its stances (the store never imports it).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from ...errors import NotFoundError
from ...series import TrackedStatement
from ...store.tables import (
    Delegation,
    DocumentRow,
    HeadRow,
    MeetingReport,
    MeetingRow,
    ProgrammeRow,
    Provision,
    Series,
    StatementLegalRef,
    StatementRow,
    StatementTopic,
)
from ...store.views import BRIEF_COLUMNS, DocumentBrief, NextBrief, RoundBrief, next_rounds
from ..stance import Stance, stance_of

__all__ = [
    "HeadBrief",
    "MatrixCell",
    "PartnerView",
    "ProgrammeLine",
    "ProvisionLine",
    "RoundLine",
    "TopicRow",
    "partner_view",
]


@dataclass(frozen=True, slots=True)
class HeadBrief:
    party: str
    name: str
    title: str | None


@dataclass(frozen=True, slots=True)
class RoundLine:
    """One round of the timeline."""

    round: RoundBrief
    heads: list[HeadBrief]
    documents: list[DocumentBrief]
    statements: int


@dataclass(frozen=True, slots=True)
class MatrixCell:
    meeting_id: int
    stance: Stance | None
    statements: int


@dataclass(frozen=True, slots=True)
class TopicRow:
    topic: str
    statements: int
    cells: list[MatrixCell]


@dataclass(frozen=True, slots=True)
class ProvisionLine:
    instrument: str
    article: str | None
    statements: int
    rounds: list[RoundBrief]


@dataclass(frozen=True, slots=True)
class ProgrammeLine:
    name: str
    acronym: str | None
    amount: float | None
    currency: str | None
    rounds: list[RoundBrief]


@dataclass(frozen=True, slots=True)
class PartnerView:
    partner: str
    rounds: list[RoundLine]
    """Every reported round, oldest first (undated last)."""
    matrix_rounds: list[RoundBrief]
    """The columns of the matrix: the latest ``matrix_size`` rounds, oldest first."""
    matrix: list[TopicRow]
    """One row per topic raised in those rounds, the most discussed first."""
    provisions: list[ProvisionLine]
    programmes: list[ProgrammeLine]
    next: NextBrief | None


def _order(r: RoundBrief) -> tuple[dt.date, int, int]:
    return (r.start or dt.date.max, r.ordinal if r.ordinal is not None else 1 << 30, r.meeting_id)


def _visible(report_ids: list[int]) -> ColumnElement[bool]:
    """The visible (not rejected) statements of the given reports."""
    return StatementRow.report_id.in_(report_ids) & (StatementRow.state != "rejected")


def partner_view(*, partner: str, session: Session, matrix_size: int = 12) -> PartnerView:
    """The partner page of ``partner`` (a party code such as 'KZ'); NotFoundError if it has no meeting."""
    code = partner.strip().upper()
    # The partner's meetings first (by the series index), then their reports: a plan that stays
    # fast whatever the number of documents of other partners.
    meeting_ids = list(
        session.scalars(
            select(MeetingRow.id)
            .join(Series, Series.id == MeetingRow.series_id)
            .where(Series.partner == code)
        )
    )
    rows = session.execute(
        select(
            MeetingReport.id,
            MeetingReport.meeting_id,
            MeetingRow.ordinal,
            MeetingRow.start,
            MeetingRow.end,
            Series.kind,
            MeetingReport.name,
            MeetingReport.city,
            MeetingReport.country,
            MeetingReport.format,
            *BRIEF_COLUMNS,
            DocumentRow.latest,
        )
        .join(DocumentRow, DocumentRow.id == MeetingReport.document_id)
        .join(MeetingRow, MeetingRow.id == MeetingReport.meeting_id)
        .join(Series, Series.id == MeetingRow.series_id)
        .where(MeetingReport.meeting_id.in_(meeting_ids))
        .order_by(MeetingReport.id)
    ).all()
    # Older versions are dropped here, not in SQL: a filter on the (unselective) 'latest'
    # index would make SQLite scan every document.
    rows = [row for row in rows if row.latest]
    if not rows:
        raise NotFoundError(f"no meetings with partner {code!r}")
    reports = [(row[0], row[1]) for row in rows]
    briefs: dict[int, RoundBrief] = {}
    documents: dict[int, dict[int, DocumentBrief]] = defaultdict(dict)
    for _, meeting_id, ordinal, start, end, kind, name, city, country, fmt, *doc, _latest in rows:
        known = briefs.get(meeting_id)
        if known is None:
            briefs[meeting_id] = RoundBrief(
                meeting_id, code, kind, ordinal, start, end, name, city, country, fmt
            )
        elif not (known.name and known.city and known.country and known.format):
            briefs[meeting_id] = replace(
                known,
                name=known.name or name,
                city=known.city or city,
                country=known.country or country,
                format=known.format or fmt,
            )
        documents[meeting_id][doc[0]] = DocumentBrief(*doc)
    ordered = sorted(briefs.values(), key=_order)
    report_ids = [r for r, _ in reports]
    heads: dict[int, list[HeadBrief]] = defaultdict(list)
    for meeting_id, party, name, title in session.execute(
        select(MeetingReport.meeting_id, Delegation.party, HeadRow.name, HeadRow.title)
        .join(Delegation, Delegation.id == HeadRow.delegation_id)
        .join(MeetingReport, MeetingReport.id == HeadRow.report_id)
        .where(HeadRow.report_id.in_(report_ids))
        .order_by(MeetingReport.id, HeadRow.position)
    ):
        if all((h.party, h.name.casefold()) != (party, name.casefold()) for h in heads[meeting_id]):
            heads[meeting_id].append(HeadBrief(party, name, title))
    meeting_of = dict(reports)
    per_meeting: dict[int, int] = defaultdict(int)
    for report_id, n in session.execute(
        select(StatementRow.report_id, func.count())
        .where(_visible(report_ids))
        .group_by(StatementRow.report_id)
    ):
        per_meeting[meeting_of[report_id]] += int(n)
    rounds = [
        RoundLine(
            r, heads[r.meeting_id], list(documents[r.meeting_id].values()), per_meeting.get(r.meeting_id, 0)
        )
        for r in ordered
    ]
    dated = [r for r in ordered if r.start is not None] or ordered
    columns = sorted(dated[-matrix_size:], key=_order) if matrix_size > 0 else []
    latest = max(dated, key=_order)
    return PartnerView(
        partner=code,
        rounds=rounds,
        matrix_rounds=columns,
        matrix=_matrix(columns, meeting_of, session),
        provisions=_provisions(meeting_of, briefs, session),
        programmes=_programmes(report_ids, briefs, session),
        next=next_rounds([latest.meeting_id], session=session).get(latest.meeting_id),
    )


def _matrix(columns: list[RoundBrief], meeting_of: dict[int, int], session: Session) -> list[TopicRow]:
    ids = [r.meeting_id for r in columns]
    if not ids:
        return []
    wanted = set(ids)
    report_ids = [r for r, m in meeting_of.items() if m in wanted]
    groups = session.execute(
        select(
            StatementRow.report_id, StatementTopic.topic, StatementRow.act, StatementRow.actor, func.count()
        )
        .join(StatementTopic, StatementTopic.statement_id == StatementRow.id)
        .where(_visible(report_ids))
        .group_by(StatementRow.report_id, StatementTopic.topic, StatementRow.act, StatementRow.actor)
    ).all()
    cells: dict[tuple[str, int], list[tuple[TrackedStatement, int]]] = defaultdict(list)
    for report_id, topic, act, actor, n in groups:
        cells[(topic, meeting_of[report_id])].append((TrackedStatement("", actor, act, (topic,)), int(n)))
    totals: dict[str, int] = defaultdict(int)
    for (topic, _), items in cells.items():
        totals[topic] += sum(n for _, n in items)
    rows = []
    for topic in sorted(totals, key=lambda t: (-totals[t], t)):
        row = []
        for meeting_id in ids:
            found = cells.get((topic, meeting_id))
            if not found:
                row.append(MatrixCell(meeting_id, None, 0))
                continue
            stance = stance_of([s for s, _ in found], topic)
            row.append(MatrixCell(meeting_id, stance, sum(n for _, n in found)))
        rows.append(TopicRow(topic, totals[topic], row))
    return rows


def _provisions(
    meeting_of: dict[int, int], briefs: dict[int, RoundBrief], session: Session
) -> list[ProvisionLine]:
    rows = session.execute(
        select(Provision.instrument, Provision.article, StatementRow.report_id, func.count())
        .select_from(StatementRow)
        .join(StatementLegalRef, StatementLegalRef.statement_id == StatementRow.id)
        .join(Provision, Provision.id == StatementLegalRef.provision_id)
        .where(_visible(list(meeting_of)))
        .group_by(Provision.instrument, Provision.article, StatementRow.report_id)
    ).all()
    lines: dict[tuple[str, str], tuple[int, list[RoundBrief]]] = {}
    for instrument, article, report_id, n in rows:
        count, rounds = lines.get((instrument, article), (0, []))
        brief = briefs.get(meeting_of[report_id])
        if brief is not None and brief not in rounds:
            rounds.append(brief)
        lines[(instrument, article)] = (count + int(n), rounds)
    return [
        ProvisionLine(instrument, article or None, count, sorted(rounds, key=_order))
        for (instrument, article), (count, rounds) in sorted(lines.items(), key=lambda kv: (-kv[1][0], kv[0]))
    ]


def _programmes(
    report_ids: list[int], briefs: dict[int, RoundBrief], session: Session
) -> list[ProgrammeLine]:
    rows = session.execute(
        select(ProgrammeRow, MeetingReport.meeting_id)
        .join(MeetingReport, MeetingReport.id == ProgrammeRow.report_id)
        .where(ProgrammeRow.report_id.in_(report_ids))
        .order_by(MeetingReport.id, ProgrammeRow.position)
    ).all()
    found: dict[str, tuple[ProgrammeRow, list[RoundBrief]]] = {}
    for programme, meeting_id in rows:
        key = (programme.acronym or programme.name).casefold()
        _, rounds = found.setdefault(key, (programme, []))
        if meeting_id in briefs and briefs[meeting_id] not in rounds:
            rounds.append(briefs[meeting_id])
    return [
        ProgrammeLine(p.name, p.acronym, p.amount, p.currency, sorted(rounds, key=_order))
        for p, rounds in found.values()
    ]
