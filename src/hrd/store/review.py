"""Review of extracted statements: confirm, edit, reject, add; every change in the history.

Extracted statements start ``proposed``. A reviewer's change moves a
statement to ``confirmed``, ``edited`` or ``rejected``; a statement a
reviewer writes is ``added``. Each change checks the version the reviewer
saw (optimistic locking: a stale version raises
:class:`~hrd.errors.ConflictError`) and records who, when, before and after
in ``review_history``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..codes import act_codes, topic_codes
from ..errors import ConflictError, InvalidInputError, NotFoundError
from ..record import LegalRef, Statement
from .mapping import add_statement, set_topics_and_refs, statement_of
from .repo import get_document
from .report_topics import listed_topics, refresh_report_topics
from .tables import DocumentRow, HistoryRow, MeetingReport, StatementRow

__all__ = [
    "HistoryEntry",
    "ReviewItem",
    "StatementEdit",
    "add",
    "confirm",
    "edit",
    "history",
    "record_change",
    "reject",
    "review_items",
    "validate_statement",
]

_PARTY_RE = re.compile(r"^(EU|[A-Z]{2}|[A-Z]{3,10}|both)$")


@dataclass(frozen=True, slots=True)
class StatementEdit:
    """What an edit changes; ``None`` leaves a field as it is."""

    actor: str | None = None
    act: str | None = None
    topics: list[str] | None = None
    legal_refs: list[LegalRef] | None = None


@dataclass(frozen=True, slots=True)
class ReviewItem:
    id: int
    version: int
    state: str
    document: str
    meeting_id: int
    statement: Statement


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: dt.datetime
    who: str
    action: str
    statement_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def validate_statement(statement: Statement) -> None:
    """Refuse codes outside the code lists (a reviewer's typo must not enter the memory)."""
    if not _PARTY_RE.match(statement.actor):
        raise InvalidInputError(f"actor {statement.actor!r} is not 'EU', a party code or 'both'")
    if statement.act not in act_codes():
        raise InvalidInputError(f"unknown act {statement.act!r}")
    unknown = [t for t in statement.topics if t not in topic_codes()]
    if unknown:
        raise InvalidInputError(f"unknown topic {unknown[0]!r}")
    if not statement.topics:
        raise InvalidInputError("a statement needs at least one topic")


def _snapshot(row: StatementRow, session: Session) -> dict[str, Any]:
    data = statement_of(row, session=session).model_dump(mode="json")
    data["state"] = row.state
    return data


def record_change(
    *,
    action: str,
    who: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    session: Session,
    statement_id: int | None = None,
    document_id: int | None = None,
) -> None:
    session.add(
        HistoryRow(
            statement_id=statement_id,
            document_id=document_id,
            who=who,
            action=action,
            before=before,
            after=after,
        )
    )


def _load(statement_id: int, expected_version: int | None, session: Session) -> StatementRow:
    row = session.get(StatementRow, statement_id)
    if row is None:
        raise NotFoundError(f"no statement {statement_id}")
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(
            f"statement {statement_id} is at version {row.version}, not {expected_version}: "
            "someone changed it; reload and review again"
        )
    return row


def _change(
    statement_id: int,
    expected_version: int | None,
    who: str,
    action: str,
    state: str,
    session: Session,
    edit: StatementEdit | None = None,
) -> ReviewItem:
    row = _load(statement_id, expected_version, session)
    before = _snapshot(row, session)
    report = session.get_one(MeetingReport, row.report_id)
    listed = listed_topics(report=report, session=session)
    if edit is not None:
        current = statement_of(row, session=session)
        changed = current.model_copy(update={k: v for k, v in vars_of(edit).items() if v is not None})
        validate_statement(changed)
        row.actor, row.act = changed.actor, changed.act
        set_topics_and_refs(row=row, statement=changed, parties=report.parties, session=session)
    if row.state != "added" or action == "reject":
        row.state = state
    row.updated_at = dt.datetime.now(dt.UTC)
    row.updated_by = who
    session.flush()  # bumps the version; a concurrent change makes this a StaleDataError
    refresh_report_topics(report=report, listed=listed, session=session)
    record_change(
        action=action,
        who=who,
        before=before,
        after=_snapshot(row, session),
        session=session,
        statement_id=row.id,
    )
    return _item(row, session)


def vars_of(edit: StatementEdit) -> dict[str, Any]:
    return {"actor": edit.actor, "act": edit.act, "topics": edit.topics, "legal_refs": edit.legal_refs}


def confirm(
    *, statement_id: int, who: str, session: Session, expected_version: int | None = None
) -> ReviewItem:
    """Mark a statement as checked and right."""
    return _change(statement_id, expected_version, who, "confirm", "confirmed", session)


def reject(
    *, statement_id: int, who: str, session: Session, expected_version: int | None = None
) -> ReviewItem:
    """Mark a statement as wrong: it stays in the history but leaves records, search and exports."""
    return _change(statement_id, expected_version, who, "reject", "rejected", session)


def edit(
    *,
    statement_id: int,
    changes: StatementEdit,
    who: str,
    session: Session,
    expected_version: int | None = None,
) -> ReviewItem:
    """Correct a statement's actor, act, topics or legal references."""
    return _change(statement_id, expected_version, who, "edit", "edited", session, edit=changes)


def add(*, document: str | int, meeting: int, statement: Statement, who: str, session: Session) -> ReviewItem:
    """Add a statement the extraction missed to the ``meeting``-th meeting (0-based) a document reports."""
    validate_statement(statement)
    doc = get_document(ref=document, session=session)
    report = session.scalars(
        select(MeetingReport).where(MeetingReport.document_id == doc.id, MeetingReport.position == meeting)
    ).first()
    if report is None:
        raise NotFoundError(f"document {doc.key!r} reports no meeting {meeting}")
    last = session.scalar(select(func.max(StatementRow.position)).where(StatementRow.report_id == report.id))
    listed = listed_topics(report=report, session=session)
    row = add_statement(
        report=report,
        statement=statement,
        position=(last if last is not None else -1) + 1,
        state="added",
        session=session,
        who=who,
    )
    row.updated_at = dt.datetime.now(dt.UTC)
    refresh_report_topics(report=report, listed=listed, session=session)
    record_change(
        action="add",
        who=who,
        before=None,
        after=_snapshot(row, session),
        session=session,
        statement_id=row.id,
    )
    return _item(row, session)


def _item(row: StatementRow, session: Session) -> ReviewItem:
    report = session.get_one(MeetingReport, row.report_id)
    doc = session.get_one(DocumentRow, report.document_id)
    return ReviewItem(
        row.id, row.version, row.state, doc.key, report.meeting_id, statement_of(row, session=session)
    )


def review_items(
    *, session: Session, document: str | int | None = None, state: str | None = "proposed", limit: int = 100
) -> list[ReviewItem]:
    """Statements to review (of one document, or of all latest documents), in document order."""
    query = (
        select(StatementRow)
        .join(MeetingReport, MeetingReport.id == StatementRow.report_id)
        .join(DocumentRow, DocumentRow.id == MeetingReport.document_id)
        .order_by(DocumentRow.id, MeetingReport.position, StatementRow.position)
        .limit(limit)
    )
    if document is not None:
        query = query.where(DocumentRow.id == get_document(ref=document, session=session).id)
    else:
        query = query.where(DocumentRow.latest.is_(True))
    if state is not None:
        query = query.where(StatementRow.state == state)
    return [_item(row, session) for row in session.scalars(query)]


def history(
    *, session: Session, statement_id: int | None = None, document: str | int | None = None
) -> list[HistoryEntry]:
    """Changes to a statement, or to the statements of a document, oldest first."""
    query = select(HistoryRow).order_by(HistoryRow.at, HistoryRow.id)
    if statement_id is not None:
        query = query.where(HistoryRow.statement_id == statement_id)
    if document is not None:
        doc = get_document(ref=document, session=session)
        ids = (
            select(StatementRow.id)
            .join(MeetingReport, MeetingReport.id == StatementRow.report_id)
            .where(MeetingReport.document_id == doc.id)
        )
        query = query.where((HistoryRow.statement_id.in_(ids)) | (HistoryRow.document_id == doc.id))
    return [
        HistoryEntry(h.at, h.who, h.action, h.statement_id, h.before, h.after) for h in session.scalars(query)
    ]
