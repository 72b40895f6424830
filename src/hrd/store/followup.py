"""Follow-up items in the store: analysts' status, note and evidence, with their history.

Items are not stored: every EU call and every partner commitment among the
visible statements is one (:func:`hrd.track.followup.items_from_series`).
What the store keeps is what analysts say of them, keyed by the statement
the item comes from: the current status (``followup_status``, guarded by a
version against lost updates) and every status given (``followup_history``).

:func:`followup_board` is the query behind the follow-up page and its JSON
answer; :func:`with_status` gives the items of some series with the stored
status applied (what the briefing note lists).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import ConflictError, InvalidInputError, NotFoundError
from ..track.followup import (
    STATUSES,
    Evidence,
    FollowUpItem,
    FollowUpOptions,
    Status,
    items_from_series,
    set_status,
    stale,
    suggest_evidence,
)
from ..track.rounds import Series
from .followup_tables import FollowUpHistoryRow, FollowUpStatusRow
from .tables import StatementRow
from .tracking import SeriesFilter, load_series

__all__ = [
    "BoardItem",
    "FollowUpBoard",
    "StatusEntry",
    "followup_board",
    "followup_history",
    "set_followup",
    "with_status",
]


@dataclass(frozen=True, slots=True)
class StatusEntry:
    """A status an analyst gave an item: what, why, on which evidence, who and when."""

    statement_id: int
    status: Status
    note: str | None
    evidence: tuple[int, ...]
    who: str
    at: dt.datetime
    version: int = 0


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


def _entry(row: FollowUpStatusRow | FollowUpHistoryRow, version: int = 0) -> StatusEntry:
    return StatusEntry(
        row.statement_id,
        cast(Status, row.status),
        row.note,
        tuple(int(e) for e in row.evidence),
        row.who,
        row.at,
        version,
    )


def _current(statement_ids: Iterable[int], session: Session) -> dict[int, StatusEntry]:
    ids = list(statement_ids)
    out: dict[int, StatusEntry] = {}
    for i in range(0, len(ids), 500):
        query = select(FollowUpStatusRow).where(FollowUpStatusRow.statement_id.in_(ids[i : i + 500]))
        for row in session.scalars(query):
            out[row.statement_id] = _entry(row, row.version)
    return out


def _apply(item: FollowUpItem, entry: StatusEntry | None) -> FollowUpItem:
    if entry is None:
        return item
    return set_status(item, entry.status, entry.note, (str(e) for e in entry.evidence))


def with_status(series: Sequence[Series], *, session: Session) -> tuple[FollowUpItem, ...]:
    """The follow-up items of ``series`` with the analysts' current status, note and evidence."""
    items = [i for s in series for i in items_from_series(s)]
    current = _current((int(i.statement_id) for i in items), session)
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
        current = _current((int(i.statement_id) for i in items), session)
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


def _follow_up_statement(statement_id: int, session: Session) -> StatementRow:
    row = session.get(StatementRow, statement_id)
    if row is None or row.state == "rejected":
        raise NotFoundError(f"no statement {statement_id}")
    if row.act not in ("call", "commit"):
        raise InvalidInputError(
            f"statement {statement_id} is a {row.act!r}: only calls and commitments are followed up"
        )
    return row


def set_followup(
    *,
    statement_id: int,
    status: str,
    who: str,
    session: Session,
    note: str | None = None,
    evidence: Sequence[int] = (),
    expected_version: int | None = None,
    now: dt.datetime | None = None,
) -> StatusEntry:
    """Give the item of ``statement_id`` a status (with note and evidence) and record it in the history.

    ``expected_version`` is the version the analyst saw (0: no status yet);
    a stale one raises :class:`ConflictError`.
    """
    if status not in STATUSES:
        raise InvalidInputError(f"unknown follow-up status {status!r}: use one of {', '.join(STATUSES)}")
    if not who.strip():
        raise InvalidInputError("say who sets the status")
    _follow_up_statement(statement_id, session)
    cited = sorted(set(evidence))
    if cited:
        found = set(
            session.scalars(
                select(StatementRow.id).where(StatementRow.id.in_(cited), StatementRow.state != "rejected")
            )
        )
        missing = [e for e in cited if e not in found]
        if missing:
            raise InvalidInputError(f"evidence: no statement {missing[0]}")
    text = note.strip() if note and note.strip() else None
    at = now or dt.datetime.now(dt.UTC)
    row = session.scalars(
        select(FollowUpStatusRow).where(FollowUpStatusRow.statement_id == statement_id).with_for_update()
    ).first()
    seen = row.version if row is not None else 0
    if expected_version is not None and expected_version != seen:
        raise ConflictError("the item was changed by someone else; reload and try again")
    if row is None:
        row = FollowUpStatusRow(statement_id=statement_id, status=status, note=text, evidence=cited, who=who)
        row.at = at
        session.add(row)
    else:
        row.status, row.note, row.evidence, row.who, row.at = status, text, cited, who, at
    session.add(
        FollowUpHistoryRow(
            statement_id=statement_id, status=status, note=text, evidence=cited, who=who, at=at
        )
    )
    session.flush()
    return _entry(row, row.version)


def followup_history(*, statement_id: int, session: Session) -> list[StatusEntry]:
    """Every status the item of ``statement_id`` was given, oldest first."""
    rows = session.scalars(
        select(FollowUpHistoryRow)
        .where(FollowUpHistoryRow.statement_id == statement_id)
        .order_by(FollowUpHistoryRow.id)
    )
    return [replace(_entry(r), version=n) for n, r in enumerate(rows, start=1)]
