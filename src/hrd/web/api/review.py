"""Review: the queue of proposed statements and the actions on them (optimistic locking: 409 if stale)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from ...record import Statement
from ...store import review as actions
from ...store.engine import read, write
from ...store.meeting_view import get_statement, review_queue
from ..deps import EngineDep, PagingDep, SessionDep
from ..schemas import AddIn, EditIn, ListOf, StatementOut, VersionIn

__all__ = ["router"]

router = APIRouter(prefix="/review", tags=["review"])
StatementId = Annotated[int, Path(ge=1, le=2**31 - 1)]
STATES = "^(proposed|confirmed|edited|rejected|added)$"


def _out(engine: EngineDep, statement_id: int) -> StatementOut:
    view = read(engine, lambda s: get_statement(statement_id=statement_id, session=s))
    return StatementOut.model_validate(view)


@router.get("", response_model=ListOf[StatementOut])
def queue(
    session: SessionDep,
    paging: PagingDep,
    state: Annotated[str, Query(pattern=STATES)] = "proposed",
    partner: Annotated[str | None, Query(max_length=40)] = None,
) -> ListOf[StatementOut]:
    """Statements to review, least confident first."""
    page = review_queue(
        session=session, state=state, partner=partner, offset=paging.offset, limit=paging.limit
    )
    return ListOf[StatementOut].model_validate(page, from_attributes=True)


@router.post("/{statement_id}/confirm", response_model=StatementOut)
def confirm(engine: EngineDep, statement_id: StatementId, body: VersionIn) -> StatementOut:
    """Mark a statement as checked and right."""
    write(
        engine,
        lambda s: actions.confirm(
            statement_id=statement_id, who=body.who, expected_version=body.version, session=s
        ),
    )
    return _out(engine, statement_id)


@router.post("/{statement_id}/reject", response_model=StatementOut)
def reject(engine: EngineDep, statement_id: StatementId, body: VersionIn) -> StatementOut:
    """Mark a statement as wrong: it leaves records, search and exports, and stays in the history."""
    write(
        engine,
        lambda s: actions.reject(
            statement_id=statement_id, who=body.who, expected_version=body.version, session=s
        ),
    )
    return _out(engine, statement_id)


@router.post("/{statement_id}/edit", response_model=StatementOut)
def edit(engine: EngineDep, statement_id: StatementId, body: EditIn) -> StatementOut:
    """Correct a statement's actor, act, topics or legal references (fields left out stay)."""
    changes = actions.StatementEdit(
        actor=body.actor, act=body.act, topics=body.topics, legal_refs=body.legal_refs
    )
    write(
        engine,
        lambda s: actions.edit(
            statement_id=statement_id,
            changes=changes,
            who=body.who,
            expected_version=body.version,
            session=s,
        ),
    )
    return _out(engine, statement_id)


@router.post("/add", response_model=StatementOut, status_code=201)
def add(engine: EngineDep, body: AddIn) -> StatementOut:
    """Add a statement the extraction missed to a meeting a document reports."""
    statement = Statement(
        actor=body.actor, act=body.act, topics=body.topics, text=body.text, legal_refs=body.legal_refs
    )
    item = write(
        engine,
        lambda s: actions.add(
            document=body.document, meeting=body.meeting, statement=statement, who=body.who, session=s
        ),
    )
    return _out(engine, item.id)
