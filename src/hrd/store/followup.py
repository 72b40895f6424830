"""Follow-up status in the store: analysts' status, note and evidence of follow-up items, with history.

Items are not stored: every EU call and every partner commitment among the
visible statements is one (:func:`hrd.track.followup.items_from_series`).
What the store keeps is what analysts say of them, keyed by the statement
the item comes from: the current status (``followup_status``, guarded by a
version against lost updates) and every status given (``followup_history``).

:func:`set_followup` records a status, :func:`current_statuses` and
:func:`followup_history` read them back. The follow-up board and the items
with their status applied are built over these by
:mod:`hrd.track.views.followup`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..analyst import STATUSES, Status
from ..errors import ConflictError, InvalidInputError, NotFoundError
from .followup_tables import FollowUpHistoryRow, FollowUpStatusRow
from .tables import StatementRow

__all__ = ["StatusEntry", "current_statuses", "followup_history", "set_followup"]


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


def current_statuses(*, statement_ids: Iterable[int], session: Session) -> dict[int, StatusEntry]:
    """The current status of the items of ``statement_ids`` that have one, by statement id."""
    ids = list(statement_ids)
    out: dict[int, StatusEntry] = {}
    for i in range(0, len(ids), 500):
        query = select(FollowUpStatusRow).where(FollowUpStatusRow.statement_id.in_(ids[i : i + 500]))
        for row in session.scalars(query):
            out[row.statement_id] = _entry(row, row.version)
    return out


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
