"""Meeting identity: which stored meeting a reported meeting is.

Two reports describe the same meeting when they have the same parties and
kind (that is, the same :class:`~hrd.store.tables.Series`) and either give
the same ordinal, or give dates that overlap or lie within a day of each
other. Two different ordinals are two meetings whatever the dates say. A
report with neither dates nor ordinal cannot be matched and makes a meeting
of its own.

:func:`same_meeting` is the pure rule (in :mod:`hrd.identity`, shared with
the tracker); :func:`resolve_meeting` applies it under a lock on the series
row so that concurrent writers cannot both create the same meeting.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ..identity import SLACK as _SLACK
from ..identity import MeetingKey, partner_of, same_meeting
from ..record import Meeting
from .tables import MeetingRow, Series
from .upsert import get_or_create_id

__all__ = ["MeetingKey", "partner_of", "resolve_meeting", "same_meeting"]


def _distance(a: MeetingKey, b: MeetingKey) -> int:
    if a.start is None or b.start is None:
        return 0
    return abs((a.start - b.start).days)


def resolve_meeting(*, meeting: Meeting, session: Session, taken: Collection[int] = ()) -> MeetingRow:
    """The stored meeting ``meeting`` reports, created if no stored one matches.

    ``taken`` are the meetings the same document already reports as another of its meetings (one
    readout does not report one meeting twice: two subcommittees held on consecutive days stay
    two). Fills in the identity keys (ordinal, dates) a matched meeting lacked.
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
    matches = [
        row
        for row in candidates
        if row.id not in taken and same_meeting(MeetingKey(row.ordinal, row.start, row.end), key)
    ]
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
