"""The input values of every analysis: statements, rounds and dialogue series.

The analyses never see the database or the record format: the store (or
:func:`rounds_from_records`, which runs directly on dialogue records) builds
:class:`Series` values, and every analysis is a pure function over them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeAlias

from ..identity import EU, MeetingKey, others_of, same_meeting
from ..record import Cases, Event, Head, Meeting, MeetingKind, NextRound, Programme, Record

__all__ = [
    "EU",
    "JOINT",
    "Provision",
    "Round",
    "RoundRef",
    "Series",
    "Source",
    "Subject",
    "TrackedStatement",
    "mentions",
    "rounds_from_records",
    "subject_label",
]

JOINT = "both"


@dataclass(frozen=True, slots=True, order=True)
class Provision:
    """A legal provision: an instrument and, where cited, one article of it."""

    instrument: str
    article: str | None = None

    @property
    def label(self) -> str:
        return self.instrument if self.article is None else f"{self.instrument}, art. {self.article}"


#: What an analysis follows across rounds: a topic code or a legal provision.
Subject: TypeAlias = str | Provision


def subject_label(subject: Subject) -> str:
    return subject.label if isinstance(subject, Provision) else subject


@dataclass(frozen=True, slots=True)
class TrackedStatement:
    """One statement of one round, with the document that reported it."""

    id: str
    actor: str
    act: str
    topics: tuple[str, ...]
    legal_refs: tuple[Provision, ...] = ()
    text: str | None = None
    document_id: str = ""
    span: tuple[int, int] | None = None


def mentions(statement: TrackedStatement, subject: Subject) -> bool:
    """Whether ``statement`` is about ``subject`` (a topic code or a provision)."""
    if isinstance(subject, Provision):
        return subject in statement.legal_refs
    return subject in statement.topics


@dataclass(frozen=True, slots=True)
class Source:
    """A document that reported a round, and who issued it (``EU``, the partner, or None)."""

    document_id: str
    issuer: str | None = None
    title: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class RoundRef:
    """A light reference to a round, carried by the results of the analyses."""

    meeting_id: str
    ordinal: int | None
    start: dt.date | None
    name: str | None

    @property
    def label(self) -> str:
        parts = [f"round {self.ordinal}" if self.ordinal is not None else (self.name or self.meeting_id)]
        if self.start is not None:
            parts.append(self.start.isoformat())
        return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class Round:
    """One held meeting of a dialogue series, merged over every document that reported it."""

    meeting_id: str
    partner: str
    kind: MeetingKind
    ordinal: int | None = None
    start: dt.date | None = None
    name: str | None = None
    statements: tuple[TrackedStatement, ...] = ()
    end: dt.date | None = None
    city: str | None = None
    country: str | None = None
    sources: tuple[Source, ...] = ()
    heads: tuple[Head, ...] = ()
    programmes: tuple[Programme, ...] = ()
    events: tuple[Event, ...] = ()
    next: NextRound | None = None
    cases: Cases = field(default_factory=Cases)

    @property
    def ref(self) -> RoundRef:
        return RoundRef(self.meeting_id, self.ordinal, self.start, self.name)

    def topics(self) -> frozenset[str]:
        return frozenset(t for s in self.statements for t in s.topics)


def _order_key(r: Round) -> tuple[dt.date, int, str]:
    return (r.start or dt.date.max, r.ordinal if r.ordinal is not None else 1 << 30, r.meeting_id)


@dataclass(frozen=True, slots=True)
class Series:
    """The rounds of one dialogue (partner and meeting kind), oldest first.

    Rounds are ordered by start date, then ordinal; undated rounds come last.
    """

    partner: str
    kind: MeetingKind
    rounds: tuple[Round, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "rounds", tuple(sorted(self.rounds, key=_order_key)))

    def index(self, meeting_id: str) -> int:
        """The position of a round in the series (``ValueError`` if it is not there)."""
        for i, r in enumerate(self.rounds):
            if r.meeting_id == meeting_id:
                return i
        raise ValueError(f"no round {meeting_id!r} in the {self.partner} {self.kind} series")

    def after(self, meeting_id: str) -> tuple[Round, ...]:
        return self.rounds[self.index(meeting_id) + 1 :]


# --- building series from dialogue records -------------------------------------------------


@dataclass(slots=True)
class _Pending:
    meeting: Meeting
    partner: str
    documents: list[tuple[Record, int]]


def _same_meeting(a: Meeting, b: Meeting) -> bool:
    """The store's identity rule (:func:`hrd.identity.same_meeting`), on two reported meetings."""
    return same_meeting(MeetingKey.of(a), MeetingKey.of(b))


def _meeting_id(partner: str, m: Meeting, fallback: str) -> str:
    key = m.start.isoformat() if m.start else (f"n{m.ordinal}" if m.ordinal is not None else fallback)
    return f"{partner}:{m.kind}:{key}"


def _unique(items: Iterable[object]) -> Iterator[int]:
    seen: list[object] = []
    for i, item in enumerate(items):
        if item not in seen:
            seen.append(item)
            yield i


def _merge(p: _Pending) -> Round:
    meetings = [rec.meetings[i] for rec, i in p.documents]
    statements = tuple(
        TrackedStatement(
            id=f"{rec.document.id}#{i}.{j}",
            actor=s.actor,
            act=s.act,
            topics=tuple(s.topics),
            legal_refs=tuple(Provision(r.instrument.strip(), r.article) for r in s.legal_refs),
            text=s.text,
            document_id=rec.document.id,
            span=s.span,
        )
        for rec, i in p.documents
        for j, s in enumerate(rec.meetings[i].statements)
    )

    heads = [h for m in meetings for h in m.heads]
    programmes = [x for m in meetings for x in m.programmes]
    events = [e for m in meetings for e in m.events]
    fallback = p.documents[0][0].document.id
    m0 = p.meeting
    dated = next((m for m in meetings if m.start is not None), m0)
    cases = Cases(
        raised=any(m.cases.raised for m in meetings),
        list_handed_over=any(m.cases.list_handed_over for m in meetings),
        names=sorted({n for m in meetings for n in m.cases.names}),
    )
    return Round(
        meeting_id=_meeting_id(p.partner, dated, fallback),
        partner=p.partner,
        kind=m0.kind,
        ordinal=next((m.ordinal for m in meetings if m.ordinal is not None), None),
        start=dated.start,
        end=dated.end,
        name=next((m.name for m in meetings if m.name), None),
        city=next((m.city for m in meetings if m.city), None),
        country=next((m.country for m in meetings if m.country), None),
        statements=statements,
        sources=tuple(
            Source(rec.document.id, rec.document.issuer, rec.document.title, rec.document.published)
            for rec, _ in p.documents
        ),
        heads=tuple(heads[i] for i in _unique((h.party, h.name.casefold()) for h in heads)),
        programmes=tuple(
            programmes[i] for i in _unique((x.acronym or x.name).casefold() for x in programmes)
        ),
        events=tuple(events[i] for i in _unique((e.what.casefold(), e.date) for e in events)),
        next=next((m.next for m in meetings if m.next is not None), None),
        cases=cases,
    )


def rounds_from_records(records: Iterable[Record]) -> list[Series]:
    """Group the meetings of dialogue records into series, one per (partner, kind).

    A meeting reported by several documents becomes one round whose statements
    keep the document that reported them. Reports are the same meeting under
    the store's rule (:func:`hrd.identity.same_meeting`): same partner and
    kind, and the same ordinal, or, where either lacks one, dates that overlap
    or lie within a day. Meetings without a partner (no party besides the EU)
    are skipped. Series are sorted by partner and kind.
    """
    pending: dict[tuple[str, str], list[_Pending]] = {}
    for record in records:
        for i, meeting in enumerate(record.meetings):
            partner = others_of(meeting.parties)
            if partner is None:
                continue
            bucket = pending.setdefault((partner, meeting.kind), [])
            match = next((p for p in bucket if _same_meeting(p.meeting, meeting)), None)
            if match is None:
                bucket.append(_Pending(meeting, partner, [(record, i)]))
            else:
                match.documents.append((record, i))
    series = []
    for (partner, _), bucket in sorted(pending.items()):
        merged = [_merge(p) for p in bucket]
        series.append(Series(partner, bucket[0].meeting.kind, tuple(_dedupe_ids(merged))))
    return series


def _dedupe_ids(rounds: Sequence[Round]) -> list[Round]:
    """Undated rounds without ordinals fall back to a document id; keep ids unique anyway."""
    seen: dict[str, int] = {}
    out = []
    for r in rounds:
        n = seen.get(r.meeting_id, 0)
        seen[r.meeting_id] = n + 1
        if n:
            r = replace(r, meeting_id=f"{r.meeting_id}~{n}")
        out.append(r)
    return out
