"""Statements, filtered like search (the same query function)."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Path

from ...store.meeting_view import get_statement
from ...store.search import search
from ..deps import FiltersDep, PagingDep, SessionDep
from ..schemas import ListOf, StatementHitOut, StatementOut

__all__ = ["router"]

router = APIRouter(prefix="/statements", tags=["statements"])


@router.get("", response_model=ListOf[StatementHitOut])
def statements(session: SessionDep, paging: PagingDep, filters: FiltersDep) -> ListOf[StatementHitOut]:
    """Statements matching the words and filters, best first (without words: newest first)."""
    result = search(replace(filters, limit=paging.offset + paging.limit, facet_limit=0), session=session)
    hits = result.statements[paging.offset :]
    return ListOf[StatementHitOut].model_validate(
        {"data": hits, "count": result.total_statements}, from_attributes=True
    )


@router.get("/{statement_id}", response_model=StatementOut)
def statement(session: SessionDep, statement_id: Annotated[int, Path(ge=1, le=2**31 - 1)]) -> StatementOut:
    """One statement with its review state and version."""
    return StatementOut.model_validate(get_statement(statement_id=statement_id, session=session))
