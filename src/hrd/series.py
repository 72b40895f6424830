"""The values every tracking analysis runs on: statements, rounds and dialogue series.

They sit below both the store and the tracker: the store builds them from
its rows (:func:`hrd.store.tracking.load_series`), the tracker from dialogue
records (:func:`hrd.track.rounds.rounds_from_records`), and every analysis of
:mod:`hrd.track` is a pure function over them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TypeAlias

from .record import Cases, Event, Head, MeetingKind, NextRound, Programme

__all__ = [
    "JOINT",
    "Provision",
    "Round",
    "RoundRef",
    "Series",
    "Source",
    "Subject",
    "TrackedStatement",
    "mentions",
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
