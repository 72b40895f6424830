"""The one way to case data: every function checks the caller and writes an audit row.

Each function takes the caller (:class:`hrd.auth.Principal`), the keyring
(:func:`hrd.cases.crypto.load_keyring`) and a session. Reading case data
needs the case-officer or admin role (``cases:read`` for API tokens) and is
itself audited, so even reads must run in a write transaction
(:func:`hrd.store.engine.write`). Edits name the version they were made
from; a stale version raises :class:`VersionConflictError` (HTTP 409)
carrying the current one, and nothing is overwritten.

Audit rows name the case, the fields and the versions, never their values.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..auth import audit
from ..auth.principal import Principal
from ..auth.roles import Action, Resource
from ..errors import InvalidInputError, NotFoundError
from ..store.tables import MeetingRow, Series
from . import sealing
from .crypto import Keyring
from .models import (
    CaseEdit,
    CaseInput,
    CaseRef,
    CaseSummary,
    CaseView,
    Charge,
    MeetingLink,
    Reply,
    StatusEntry,
    VersionConflictError,
    check_text,
)
from .tables import CaseMeeting, CaseRow

__all__ = [
    "add_reply",
    "add_status",
    "check_meeting",
    "check_partner",
    "create_case",
    "edit_case",
    "get_case",
    "link_meeting",
    "list_cases",
]

PARTNER = re.compile(r"[A-Z]{2,3}(\+[A-Z]{2,3})*")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def check_partner(partner: str) -> str:
    if not PARTNER.fullmatch(partner):
        raise InvalidInputError("a partner is a country or organisation code such as 'KZ' or 'AUC'")
    return partner


def _case(session: Session, case_id: int) -> CaseRow:
    row = session.get(CaseRow, case_id)
    if row is None:
        raise NotFoundError(f"no case {case_id}")
    return row


def _bump(
    session: Session, case_id: int, version: int, sealed: dict[str, bytes | None] | None = None
) -> CaseRef:
    """Move the case from ``version`` to the next one (setting ``sealed`` columns), or raise a conflict.

    One conditional UPDATE: of two edits from the same version, the database lets exactly one through.
    """
    moved = session.execute(
        update(CaseRow)
        .where(CaseRow.id == case_id, CaseRow.version == version)
        .values(version=CaseRow.version + 1, updated_at=_now(), **(sealed or {}))
        .returning(CaseRow.version)
        .execution_options(synchronize_session=False)
    ).scalar()
    if moved is None:
        current = session.scalar(select(CaseRow.version).where(CaseRow.id == case_id))
        if current is None:
            raise NotFoundError(f"no case {case_id}")
        raise VersionConflictError(case_id, current)
    return CaseRef(case_id, moved)


def _partner(session: Session, case_id: int) -> str:
    partner = session.scalar(select(CaseRow.partner).where(CaseRow.id == case_id))
    if partner is None:
        raise NotFoundError(f"no case {case_id}")
    return partner


def check_meeting(session: Session, meeting_id: int | None, partner: str) -> None:
    if meeting_id is None:
        return
    query = select(Series.partner).join(MeetingRow, MeetingRow.series_id == Series.id)
    found = session.scalar(query.where(MeetingRow.id == meeting_id))
    if found is None:
        raise NotFoundError(f"no meeting {meeting_id}")
    if found != partner:
        raise InvalidInputError(f"meeting {meeting_id} is a round with {found}, not with {partner}")


def _check_status(entry: StatusEntry) -> None:
    check_text(entry.source, "the status source")
    check_text(entry.note, "the status note")


def _check_parts(aliases: Sequence[str] | None, charges: Sequence[Charge] | None) -> None:
    for alias in aliases or ():
        check_text(alias, "an alias")
    for charge in charges or ():
        check_text(charge.instrument, "the law or code of a charge", required=True)
        check_text(charge.article, "the article of a charge")
        check_text(charge.note, "the note on a charge")


def create_case(*, data: CaseInput, principal: Principal, keys: Keyring, session: Session) -> CaseRef:
    principal.require(Action.WRITE, Resource.CASES)
    check_partner(data.partner)
    check_text(data.name, "the name", required=True)
    check_text(data.notes, "the notes")
    _check_parts(data.aliases, data.charges)
    if data.status:
        _check_status(data.status)
    now = _now()
    row = CaseRow(partner=data.partner, version=1, created_at=now, updated_at=now)
    session.add(row)
    session.flush()
    values = {"name": data.name.strip(), "category": data.category.value, "notes": data.notes}
    sealing.seal_fields(keys, row, values)
    sealing.replace_aliases(session, keys, row.id, data.aliases)
    sealing.replace_charges(session, keys, row.id, data.charges)
    if data.status:
        sealing.add_status(session, keys, row.id, data.status, now)
    session.flush()
    return _finish(session, principal, CaseRef(row.id, row.version), "case.create")


def get_case(*, case_id: int, principal: Principal, keys: Keyring, session: Session) -> CaseView:
    """One case with its aliases, charges, status history, meetings, replies and lists."""
    principal.require(Action.READ, Resource.CASES)
    row = _case(session, case_id)
    view = sealing.load_case(session, keys, row)
    audit.record(
        session, principal, "case.read", target="cases", target_id=row.id, detail={"version": row.version}
    )
    return view


def list_cases(
    *, principal: Principal, keys: Keyring, session: Session, partner: str | None = None
) -> list[CaseSummary]:
    """The cases (of one partner, or all), by partner and id, with their latest status."""
    principal.require(Action.READ, Resource.CASES)
    query = select(CaseRow).order_by(CaseRow.partner, CaseRow.id)
    if partner is not None:
        query = query.where(CaseRow.partner == check_partner(partner))
    rows = list(session.scalars(query))
    summaries = sealing.load_summaries(session, keys, rows)
    detail = {"partner": partner, "cases": [r.id for r in rows]}
    audit.record(session, principal, "case.list", target="cases", detail=detail)
    return summaries


def _finish(
    session: Session,
    principal: Principal,
    ref: CaseRef,
    action: str,
    detail: dict[str, str | int | list[str]] | None = None,
) -> CaseRef:
    info = {"version": ref.version, **(detail or {})}
    audit.record(session, principal, action, target="cases", target_id=ref.id, detail=info)
    return ref


def edit_case(
    *, case_id: int, version: int, edit: CaseEdit, principal: Principal, keys: Keyring, session: Session
) -> CaseRef:
    """Apply ``edit`` to the case if it is still at ``version``."""
    principal.require(Action.WRITE, Resource.CASES)
    check_text(edit.name, "the name", required=edit.name is not None)
    check_text(edit.notes, "the notes")
    _check_parts(edit.aliases, edit.charges)
    values: dict[str, str | None] = {}
    if edit.name is not None:
        values["name"] = edit.name.strip()
    if edit.category is not None:
        values["category"] = edit.category.value
    if edit.notes is not None:
        values["notes"] = edit.notes or None
    sealed = {
        c: keys.seal(v, table=CaseRow.__tablename__, row_id=case_id, column=c) for c, v in values.items()
    }
    ref = _bump(session, case_id, version, sealed)
    if edit.aliases is not None:
        sealing.replace_aliases(session, keys, case_id, edit.aliases)
    if edit.charges is not None:
        sealing.replace_charges(session, keys, case_id, edit.charges)
    return _finish(session, principal, ref, "case.edit", {"fields": edit.changed()})


def add_status(
    *, case_id: int, version: int, entry: StatusEntry, principal: Principal, keys: Keyring, session: Session
) -> CaseRef:
    """Append an entry to the status history."""
    principal.require(Action.WRITE, Resource.CASES)
    _check_status(entry)
    ref = _bump(session, case_id, version)
    sealing.add_status(session, keys, case_id, entry, _now())
    return _finish(session, principal, ref, "case.status")


def link_meeting(
    *, case_id: int, version: int, link: MeetingLink, principal: Principal, keys: Keyring, session: Session
) -> CaseRef:
    """Record that the case was raised at a meeting (a round with the case's partner)."""
    principal.require(Action.WRITE, Resource.CASES)
    check_text(link.note, "the note")
    ref = _bump(session, case_id, version)
    check_meeting(session, link.meeting_id, _partner(session, case_id))
    linked = select(CaseMeeting.id).where(
        CaseMeeting.case_id == case_id, CaseMeeting.meeting_id == link.meeting_id
    )
    if session.scalar(linked) is not None:
        raise InvalidInputError(f"case {case_id} is already linked to meeting {link.meeting_id}")
    sealing.add_meeting(session, keys, case_id, link)
    return _finish(session, principal, ref, "case.link", {"meeting": link.meeting_id})


def add_reply(
    *, case_id: int, version: int, reply: Reply, principal: Principal, keys: Keyring, session: Session
) -> CaseRef:
    """Record the partner's reply about the case (at a round, or outside one)."""
    principal.require(Action.WRITE, Resource.CASES)
    check_text(reply.text, "the reply", required=True)
    check_text(reply.source, "the source")
    ref = _bump(session, case_id, version)
    check_meeting(session, reply.meeting_id, _partner(session, case_id))
    sealing.add_reply(session, keys, case_id, reply, _now())
    return _finish(session, principal, ref, "case.reply")
