"""The follow-up board: every call and commitment of a partner, with the analysts' status applied.

Items come from the visible statements (:func:`hrd.track.followup.items_from_series`
over :func:`hrd.store.tracking.load_series`); their status, note, evidence
and history are what analysts recorded in the store
(:mod:`hrd.store.followup`). :func:`followup_board` is the query behind the
follow-up page and its JSON answer; :func:`with_status` gives the items of
some series with the stored status applied (what the briefing note lists).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ...analyst import STATUSES
from ...errors import InvalidInputError, NotFoundError
from ...series import Series
from ...store.followup import StatusEntry, current_statuses
from ...store.tracking import SeriesFilter, load_series
from ..followup import (
    Evidence,
    FollowUpItem,
    FollowUpOptions,
    items_from_series,
    set_status,
    stale,
    suggest_evidence,
)

__all__ = ["BoardItem", "FollowUpBoard", "followup_board", "with_status"]


@dataclass(frozen=True, slots=True)
class BoardItem:
    """One item on the board: its current status, age, flag and suggested evidence."""

    item: FollowUpItem
    statement_id: int
    kind: str
    """The series (meeting kind) the item was raised in."""
    rounds_open: int
    stale: bool
    suggestions: tuple[Evidence, ...]
    current: StatusEntry | None
    """The analyst's latest status, None while nobody has set one."""

    @property
    def version(self) -> int:
        """The version to send back when setting a status (0: never set)."""
        return self.current.version if self.current else 0


@dataclass(frozen=True, slots=True)
class FollowUpBoard:
    partner: str
    stale_after: int
    items: list[BoardItem]

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.item.status == status)

    @property
    def stale_count(self) -> int:
        return sum(1 for i in self.items if i.stale)


def _apply(item: FollowUpItem, entry: StatusEntry | None) -> FollowUpItem:
    if entry is None:
        return item
    return set_status(item, entry.status, entry.note, (str(e) for e in entry.evidence))


def with_status(series: Sequence[Series], *, session: Session) -> tuple[FollowUpItem, ...]:
    """The follow-up items of ``series`` with the analysts' current status, note and evidence."""
    items = [i for s in series for i in items_from_series(s)]
    current = current_statuses(statement_ids=(int(i.statement_id) for i in items), session=session)
    return tuple(_apply(i, current.get(int(i.statement_id))) for i in items)


def followup_board(
    *, partner: str, session: Session, stale_after: int = 2, suggestions: int = 3, status: str | None = None
) -> FollowUpBoard:
    """Every follow-up item of ``partner`` (all its series), oldest round first.

    ``status`` keeps the items of one status; items open for ``stale_after``
    rounds or more without a sign of progress are flagged stale.
    Raises :class:`NotFoundError` when the partner has no round.
    """
    if status is not None and status not in STATUSES:
        raise InvalidInputError(f"unknown follow-up status {status!r}: use one of {', '.join(STATUSES)}")
    all_series = load_series(session=session, filters=SeriesFilter(partner=partner))
    if not all_series:
        raise NotFoundError(f"no dialogue round of {partner.strip().upper()!r} is recorded")
    out: list[BoardItem] = []
    options = FollowUpOptions(limit=suggestions)
    for s in all_series:
        items = with_status([s], session=session)
        current = current_statuses(statement_ids=(int(i.statement_id) for i in items), session=session)
        flagged = {x.item.id for x in stale(items, s.rounds, stale_after)}
        ids = [r.meeting_id for r in s.rounds]
        for item in items:
            if status is not None and item.status != status:
                continue
            out.append(
                BoardItem(
                    item=item,
                    statement_id=int(item.statement_id),
                    kind=s.kind,
                    rounds_open=len(ids) - 1 - ids.index(item.round.meeting_id),
                    stale=item.id in flagged,
                    suggestions=suggest_evidence(item, s.rounds, options) if suggestions > 0 else (),
                    current=current.get(int(item.statement_id)),
                )
            )
    out.sort(key=lambda b: (b.item.round.start or dt.date.max, b.kind, b.statement_id))
    return FollowUpBoard(all_series[0].partner, stale_after, out)
