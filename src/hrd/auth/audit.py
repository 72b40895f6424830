"""The append-only, hash-chained audit log.

Each row's ``hash`` is the SHA-256 of the previous row's hash and the row's
own canonical content (id, time, actor, action, target, detail), so changing,
inserting or deleting any row breaks the chain from that row on;
:func:`verify` recomputes it and reports the first broken row. Deleting the
newest rows can only be seen against a head hash kept elsewhere: pass it as
``expected_head`` (``hrd audit verify --head``).

Rows are appended inside the caller's transaction, so an audited write and
its audit row commit or roll back together. Appends are serialised (SQLite
write transactions are exclusive; PostgreSQL takes a transaction-level
advisory lock), ids are consecutive, and ``prev_hash`` is unique, so the
chain cannot fork. Database triggers refuse UPDATE and DELETE.

What is audited: every write, every read of confidential data, every login,
failed login and logout, every change of users, roles and tokens. ``detail``
holds field names, ids and versions, never confidential values.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from .principal import Principal
from .roles import Action, Resource
from .tables import AuditRow

__all__ = ["GENESIS", "AuditEntry", "Verification", "entries", "record", "row_hash", "verify"]

GENESIS = "0" * 64
_PG_LOCK = 0x6872_6441_7564  # "hrdAud": the advisory lock of audit appends

Detail = Mapping[str, str | int | bool | Sequence[str | int] | None]


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    actor_id: int | None
    action: str
    target: str | None
    target_id: int | None
    detail: str


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    rows: int
    head: str
    """The hash of the newest row (keep it elsewhere to detect a truncated tail)."""
    first_broken: int | None = None
    """The id of the first row that does not verify."""
    reason: str = ""


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def row_hash(prev_hash: str, entry: AuditEntry) -> str:
    """The chain hash of one row: SHA-256 of the previous hash and the row's canonical content."""
    content = json.dumps(
        [
            entry.id,
            entry.at,
            entry.actor,
            entry.actor_id,
            entry.action,
            entry.target,
            entry.target_id,
            entry.detail,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        row.id, row.at, row.actor, row.actor_id, row.action, row.target, row.target_id, row.detail
    )


def record(
    session: Session,
    principal: Principal,
    action: str,
    *,
    target: str | None = None,
    target_id: int | None = None,
    detail: Detail | None = None,
) -> AuditEntry:
    """Append one row to the audit log, in the caller's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
    tail = session.execute(select(AuditRow.id, AuditRow.hash).order_by(AuditRow.id.desc()).limit(1)).first()
    last_id, prev = (tail[0], tail[1]) if tail else (0, GENESIS)
    entry = AuditEntry(
        id=last_id + 1,
        at=_now(),
        actor=principal.name,
        actor_id=principal.user_id,
        action=action,
        target=target,
        target_id=target_id,
        detail=json.dumps(dict(detail or {}), sort_keys=True, separators=(",", ":"), ensure_ascii=False),
    )
    session.execute(insert(AuditRow).values(**asdict(entry), prev_hash=prev, hash=row_hash(prev, entry)))
    return entry


def verify(session: Session, *, expected_head: str | None = None) -> Verification:
    """Recompute the whole chain; the first row that does not verify is reported."""
    prev, expected_id, count = GENESIS, 1, 0
    for row in session.scalars(select(AuditRow).order_by(AuditRow.id).execution_options(yield_per=1000)):
        if row.id > expected_id:
            return Verification(False, count, prev, expected_id, f"row {expected_id} is missing")
        problem = ""
        if row.id != expected_id:
            problem = "its id is out of sequence"
        elif row.prev_hash != prev:
            problem = "it does not link to the row before"
        elif row.hash != row_hash(prev, _entry(row)):
            problem = "its content does not match its hash"
        if problem:
            return Verification(False, count, prev, row.id, f"row {row.id}: {problem}")
        prev, expected_id, count = row.hash, row.id + 1, count + 1
    if expected_head is not None and expected_head != prev:
        return Verification(
            False, count, prev, None, "the newest row is not the expected head: rows were removed"
        )
    return Verification(True, count, prev)


def entries(
    session: Session, principal: Principal, *, limit: int = 100, before: int | None = None
) -> list[AuditEntry]:
    """The newest audit rows (administrators only), newest first; ``before`` pages back by id."""
    principal.require(Action.READ, Resource.AUDIT)
    query = select(AuditRow).order_by(AuditRow.id.desc()).limit(max(1, min(limit, 1000)))
    if before is not None:
        query = query.where(AuditRow.id < before)
    return [_entry(row) for row in session.scalars(query)]
