"""Full-text search over statements and documents, with facets and highlighted snippets."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter

from ...store.search import search as run_search
from ..deps import FiltersDep, PagingDep, ReadPoolDep, SessionDep
from ..schemas import DocumentHitOut, ListOf, SearchOut, StatementHitOut

__all__ = ["router"]

router = APIRouter(prefix="/search", tags=["search"])


@router.get("", response_model=SearchOut)
def search(session: SessionDep, pool: ReadPoolDep, paging: PagingDep, filters: FiltersDep) -> SearchOut:
    """Statements and documents matching the query; facets count the matching statements."""
    result = run_search(replace(filters, limit=paging.offset + paging.limit), session=session, pool=pool)
    return SearchOut(
        statements=ListOf[StatementHitOut].model_validate(
            {"data": result.statements[paging.offset :], "count": result.total_statements},
            from_attributes=True,
        ),
        documents=ListOf[DocumentHitOut].model_validate(
            {"data": result.documents[paging.offset :], "count": result.total_documents},
            from_attributes=True,
        ),
        facets=result.facets,
    )
