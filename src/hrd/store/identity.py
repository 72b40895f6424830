"""Meeting identity: which stored meeting a reported meeting is.

Two reports describe the same meeting when they have the same parties and
kind (that is, the same :class:`~hrd.store.tables.Series`) and either give
the same ordinal, or give dates that overlap or lie within a day of each
other. Two different ordinals are two meetings whatever the dates say. A
report with neither dates nor ordinal cannot be matched and makes a meeting
of its own.

:func:`same_meeting` is the pure rule; :func:`resolve_meeting` applies it
under a lock on the series row so that concurrent writers cannot both create
the same meeting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ..record import Meeting
from .tables import MeetingRow, Series
from .upsert import get_or_create_id

__all__ = ["MeetingKey", "partner_of", "resolve_meeting", "same_meeting"]

_SLACK = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class MeetingKey:
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


def partner_of(parties: list[str]) -> str:
    """The series partner: the parties other than the EU, sorted and joined by '+'."""
    others = sorted({p for p in parties if p != "EU"})
    return "+".join(others or sorted(set(parties)))


def same_meeting(a: MeetingKey, b: MeetingKey) -> bool:
    """True if two reports within one series describe the same meeting."""
    if a.ordinal is not None and b.ordinal is not None:
        return a.ordinal == b.ordinal
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return False
    return a.start <= b.end + _SLACK and b.start <= a.end + _SLACK


def _distance(a: MeetingKey, b: MeetingKey) -> int:
    if a.start is None or b.start is None:
        return 0
    return abs((a.start - b.start).days)


def resolve_meeting(*, meeting: Meeting, session: Session) -> MeetingRow:
    """The stored meeting ``meeting`` reports, created if no stored one matches.

    Fills in the identity keys (ordinal, dates) a matched meeting lacked.
    """
    series_id = get_or_create_id(
        Series,
        keys={"partner": partner_of(meeting.parties), "kind": meeting.kind},
        session=session,
        lock=True,
    )
    key = MeetingKey.of(meeting)
    could_match = []
    if key.ordinal is not None:
        could_match.append(MeetingRow.ordinal == key.ordinal)
    if key.start is not None and key.end is not None:
        could_match.append(and_(MeetingRow.start <= key.end + _SLACK, MeetingRow.end >= key.start - _SLACK))
    candidates = (
        session.scalars(select(MeetingRow).where(MeetingRow.series_id == series_id, or_(*could_match))).all()
        if could_match
        else []
    )
    matches = [row for row in candidates if same_meeting(MeetingKey(row.ordinal, row.start, row.end), key)]
    if matches:
        row = min(matches, key=lambda r: (_distance(MeetingKey(r.ordinal, r.start, r.end), key), r.id))
        if row.ordinal is None and key.ordinal is not None:
            row.ordinal = key.ordinal
        if row.start is None and key.start is not None:
            row.start, row.end = key.start, key.end
        return row
    row = MeetingRow(series_id=series_id, ordinal=key.ordinal, start=key.start, end=key.end)
    session.add(row)
    session.flush()
    return row
