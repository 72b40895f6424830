"""Meeting identity: when two reports describe the same meeting (a pure rule over record values).

Two reports describe the same meeting when they have the same parties and
kind (the same dialogue series) and either give the same ordinal, or give
dates that overlap or lie within a day of each other. Two different ordinals
are two meetings whatever the dates say. A report with neither dates nor
ordinal cannot be matched and makes a meeting of its own. Two meetings of
one document are never the same meeting (two subcommittees held on
consecutive days stay two).

The store applies the rule to stored meetings (:mod:`hrd.store.identity`)
and the tracker to records read directly (:func:`hrd.track.rounds_from_records`);
both import it from here so that they can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .record import Meeting

__all__ = ["EU", "MeetingKey", "others_of", "partner_of", "same_meeting"]

EU = "EU"
SLACK = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class MeetingKey:
    """What identifies a meeting within its series: the ordinal and the dates (start <= end)."""

    ordinal: int | None
    start: dt.date | None
    end: dt.date | None

    @classmethod
    def of(cls, meeting: Meeting) -> MeetingKey:
        start = meeting.start or meeting.end
        end = meeting.end or meeting.start
        if start and end and end < start:
            start, end = end, start
        return cls(meeting.ordinal, start, end)


def others_of(parties: Iterable[str]) -> str | None:
    """The parties besides the EU, sorted and joined by '+'; None when the EU is alone."""
    others = sorted({p for p in parties if p != EU})
    return "+".join(others) if others else None


def partner_of(parties: Iterable[str]) -> str:
    """The series partner: the parties other than the EU, sorted and joined by '+' (else the parties)."""
    given = list(parties)
    return others_of(given) or "+".join(sorted(set(given)))


def same_meeting(a: MeetingKey, b: MeetingKey) -> bool:
    """True if two reports within one series describe the same meeting."""
    if a.ordinal is not None and b.ordinal is not None:
        return a.ordinal == b.ordinal
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return False
    return a.start <= b.end + SLACK and b.start <= a.end + SLACK
