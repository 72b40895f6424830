"""Rows <-> values of the case register, sealing and opening fields on the way.

Internal to :mod:`hrd.cases`: these functions do no permission checks and
write no audit rows. Only :mod:`hrd.cases.access`, :mod:`hrd.cases.lists`
and :mod:`hrd.cases.rotation` call them, after checking the caller.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..auth.clock import as_utc
from ..errors import InvalidInputError, NotFoundError
from ..store.tables import Base
from .crypto import DecryptionError, Keyring
from .models import CaseSummary, CaseView, Category, Charge, MeetingLink, Reply, Status, StatusEntry
from .tables import CaseAlias, CaseCharge, CaseListEntry, CaseMeeting, CaseReply, CaseRow, CaseStatus

__all__ = [
    "add_meeting",
    "add_reply",
    "add_status",
    "load_case",
    "load_summaries",
    "open_date",
    "open_field",
    "replace_aliases",
    "replace_charges",
    "rows_of",
    "seal_fields",
    "status_history",
]


def seal_fields(keys: Keyring, row: Base, values: dict[str, str | None]) -> None:
    """Seal ``values`` into ``row``'s columns; the row must have its id (flush first)."""
    row_id = getattr(row, "id", None)
    if row_id is None:
        raise AssertionError("seal a row after it has an id")
    for column, value in values.items():
        setattr(row, column, keys.seal(value, table=row.__tablename__, row_id=row_id, column=column))


def open_field(keys: Keyring, row: Base, column: str) -> str | None:
    blob: bytes | None = getattr(row, column)
    return keys.open(blob, table=row.__tablename__, row_id=getattr(row, "id"), column=column)  # noqa: B009


def _text(keys: Keyring, row: Base, column: str) -> str:
    return open_field(keys, row, column) or ""


def _where(row: Base, column: str) -> str:
    return f"{row.__tablename__}.{column} of row {getattr(row, 'id', None)}"


def open_date(keys: Keyring, row: Base, column: str) -> dt.date | None:
    value = open_field(keys, row, column)
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise DecryptionError(f"{_where(row, column)} is not a date") from None


def _status(keys: Keyring, row: Base) -> Status:
    try:
        return Status(_text(keys, row, "status"))
    except ValueError:  # the message would carry the value
        raise DecryptionError(f"{_where(row, 'status')} is not a status") from None


def _category(keys: Keyring, row: Base) -> Category:
    try:
        return Category(_text(keys, row, "category"))
    except ValueError:
        raise DecryptionError(f"{_where(row, 'category')} is not a category") from None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _add(session: Session, keys: Keyring, row: Base, values: dict[str, str | None]) -> None:
    session.add(row)
    session.flush()
    seal_fields(keys, row, values)


def replace_aliases(session: Session, keys: Keyring, case_id: int, aliases: Sequence[str]) -> None:
    session.execute(delete(CaseAlias).where(CaseAlias.case_id == case_id))
    for position, alias in enumerate(a.strip() for a in aliases if a.strip()):
        _add(session, keys, CaseAlias(case_id=case_id, position=position), {"alias": alias})


def replace_charges(session: Session, keys: Keyring, case_id: int, charges: Sequence[Charge]) -> None:
    session.execute(delete(CaseCharge).where(CaseCharge.case_id == case_id))
    for position, charge in enumerate(charges):
        if not charge.instrument.strip():
            raise InvalidInputError("a charge needs the law or code it is brought under")
        values = {"instrument": charge.instrument, "article": charge.article, "note": charge.note}
        _add(session, keys, CaseCharge(case_id=case_id, position=position), values)


def add_status(session: Session, keys: Keyring, case_id: int, entry: StatusEntry, now: dt.datetime) -> None:
    values = {
        "status": entry.status.value,
        "on_date": _iso(entry.on),
        "source": entry.source,
        "note": entry.note,
    }
    _add(session, keys, CaseStatus(case_id=case_id, recorded_at=now), values)


def add_meeting(session: Session, keys: Keyring, case_id: int, link: MeetingLink) -> None:
    _add(session, keys, CaseMeeting(case_id=case_id, meeting_id=link.meeting_id), {"note": link.note})


def add_reply(session: Session, keys: Keyring, case_id: int, reply: Reply, now: dt.datetime) -> None:
    values = {"received_on": _iso(reply.received_on), "text": reply.text, "source": reply.source}
    _add(session, keys, CaseReply(case_id=case_id, meeting_id=reply.meeting_id, recorded_at=now), values)


def _entry(keys: Keyring, row: CaseStatus) -> tuple[tuple[dt.date, int], StatusEntry]:
    on = open_date(keys, row, "on_date")
    entry = StatusEntry(
        _status(keys, row), on, open_field(keys, row, "source"), open_field(keys, row, "note")
    )
    return (on or row.recorded_at.date(), row.id), entry


def status_history(session: Session, keys: Keyring, case_ids: Iterable[int]) -> dict[int, list[StatusEntry]]:
    """Each case's status history, oldest first."""
    ids = list(case_ids)
    keyed: dict[int, list[tuple[tuple[dt.date, int], StatusEntry]]] = {i: [] for i in ids}
    for row in session.scalars(select(CaseStatus).where(CaseStatus.case_id.in_(ids))):
        keyed[row.case_id].append(_entry(keys, row))
    return {i: [e for _, e in sorted(items, key=lambda item: item[0])] for i, items in keyed.items()}


_Child = TypeVar("_Child", CaseAlias, CaseCharge, CaseMeeting, CaseReply)


def _children(session: Session, table: type[_Child], case_id: int) -> list[_Child]:
    return list(session.scalars(select(table).where(table.case_id == case_id).order_by(table.id)))


def load_case(session: Session, keys: Keyring, row: CaseRow) -> CaseView:
    aliases = sorted(_children(session, CaseAlias, row.id), key=lambda a: a.position)
    charges = sorted(_children(session, CaseCharge, row.id), key=lambda c: c.position)
    lists = session.scalars(select(CaseListEntry.list_id).where(CaseListEntry.case_id == row.id))
    return CaseView(
        id=row.id,
        version=row.version,
        partner=row.partner,
        created_at=as_utc(row.created_at),
        updated_at=as_utc(row.updated_at),
        name=_text(keys, row, "name"),
        category=_category(keys, row),
        notes=open_field(keys, row, "notes"),
        aliases=tuple(_text(keys, a, "alias") for a in aliases),
        charges=tuple(
            Charge(_text(keys, c, "instrument"), _text(keys, c, "article"), open_field(keys, c, "note"))
            for c in charges
        ),
        history=tuple(status_history(session, keys, [row.id])[row.id]),
        meetings=tuple(
            MeetingLink(m.meeting_id, open_field(keys, m, "note"))
            for m in _children(session, CaseMeeting, row.id)
        ),
        replies=tuple(
            Reply(
                r.meeting_id,
                _text(keys, r, "text"),
                open_date(keys, r, "received_on"),
                open_field(keys, r, "source"),
            )
            for r in _children(session, CaseReply, row.id)
        ),
        lists=tuple(sorted(lists)),
    )


def load_summaries(session: Session, keys: Keyring, rows: Sequence[CaseRow]) -> list[CaseSummary]:
    history = status_history(session, keys, [r.id for r in rows])
    out = []
    for row in rows:
        last = history[row.id][-1] if history[row.id] else None
        out.append(
            CaseSummary(
                row.id,
                row.version,
                row.partner,
                _text(keys, row, "name"),
                _category(keys, row),
                last.status if last else None,
                last.on if last else None,
            )
        )
    return out


def rows_of(session: Session, case_ids: Sequence[int]) -> list[CaseRow]:
    """The case rows of ``case_ids``, in that order."""
    rows = {r.id: r for r in session.scalars(select(CaseRow).where(CaseRow.id.in_(case_ids)))}
    missing = [i for i in case_ids if i not in rows]
    if missing:
        raise NotFoundError(f"no case {missing[0]}")
    return [rows[i] for i in case_ids]
