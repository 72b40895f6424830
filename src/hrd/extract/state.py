"""The typed values that flow through the extraction pipeline.

:class:`Analysis` is the pipeline's state. Each stage reads the fields it
declares in ``requires`` and returns a copy with the fields it declares in
``produces`` filled in (``dataclasses.replace``); no stage mutates its input.
Offsets are character offsets ``[start, end)`` into ``Analysis.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "Analysis",
    "CaseInfo",
    "DateMention",
    "EventInfo",
    "HeadInfo",
    "LegalRefInfo",
    "MeetingInfo",
    "NextInfo",
    "PartyMention",
    "PlaceMention",
    "ProgrammeInfo",
    "Sentence",
    "StatementInfo",
]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    header: bool = False
    """True for lines of the header block (title, dateline) and the sign-off."""


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    first: dt.date
    last: dt.date
    """Equal to ``first`` for a single day."""
    year_given: bool = True


@dataclass(frozen=True, slots=True)
class PartyMention:
    start: int
    end: int
    code: str
    """'EU', an ISO 3166-1 alpha-2 code, or an organisation acronym."""
    form: Literal["name", "demonym", "capital", "org", "eu"] = "name"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    city: str
    """The city's name as usually written in English (canonical spelling)."""
    country: str | None


@dataclass(frozen=True, slots=True)
class HeadInfo:
    party: str
    name: str
    title: str | None
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class NextInfo:
    city: str | None = None
    country: str | None = None
    year: int | None = None
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class MeetingInfo:
    kind: str
    name: str | None
    parties: tuple[str, ...]
    ordinal: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    format: str | None = None
    city: str | None = None
    country: str | None = None
    sentences: frozenset[int] = frozenset()
    """Indices of the sentences that report on this meeting (its section)."""
    confidence: float = 0.5
    heads: tuple[HeadInfo, ...] = ()
    next: NextInfo | None = None


@dataclass(frozen=True, slots=True)
class LegalRefInfo:
    instrument: str
    article: str | None
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class StatementInfo:
    meeting: int
    """Index into ``Analysis.meetings``."""
    actor: str
    act: str
    topics: tuple[str, ...]
    start: int
    end: int
    sentence: int
    confidence: float = 0.5
    legal_refs: tuple[LegalRefInfo, ...] = ()


@dataclass(frozen=True, slots=True)
class CaseInfo:
    meeting: int
    raised: bool = False
    list_handed_over: bool = False
    names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProgrammeInfo:
    meeting: int
    name: str
    acronym: str | None = None
    amount: float | None = None
    currency: str | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class EventInfo:
    meeting: int
    what: str
    date: dt.date | None
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the pipeline knows about one document so far."""

    text: str
    published_hint: dt.date | None = None
    """A publication date given by the caller (feed, HTTP header); the dateline wins."""
    source: str | None = None
    # segment
    title: str | None = None
    sentences: tuple[Sentence, ...] = ()
    language: str | None = None
    # dates
    published: dt.date | None = None
    dates: tuple[DateMention, ...] = ()
    # places
    parties: tuple[PartyMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    issuer: str | None = None
    # meetings (+ delegations, next_round fill MeetingInfo.heads / .next)
    meetings: tuple[MeetingInfo, ...] = ()
    # statements (+ legal fills StatementInfo.legal_refs)
    statements: tuple[StatementInfo, ...] = ()
    # cases, money, events
    cases: tuple[CaseInfo, ...] = ()
    programmes: tuple[ProgrammeInfo, ...] = ()
    events: tuple[EventInfo, ...] = ()
