"""The search page: words, facets and highlighted snippets (the same query as /api/v1/search)."""

from __future__ import annotations

from dataclasses import asdict, replace
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from ...store.search import SearchQuery, search
from ..deps import FiltersDep, PagingDep, ReadPoolDep, SessionDep
from ..render import render

__all__ = ["router"]

router = APIRouter()
PARAMS = ("partner", "topic", "act", "actor", "kind", "since", "until")


def _params(q: SearchQuery) -> dict[str, str]:
    values = asdict(q)
    out = {"q": q.text} if q.text else {}
    out.update({k: str(values[k]) for k in PARAMS if values[k] not in (None, "")})
    return out


def link(q: SearchQuery, **changes: object) -> str:
    """The search URL of ``q`` with some filters changed (None removes one)."""
    params = _params(q)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "/search?" + urlencode(params) if params else "/search"


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, session: SessionDep, pool: ReadPoolDep, paging: PagingDep, filters: FiltersDep
) -> HTMLResponse:
    limit = min(paging.limit, 50)
    result = search(replace(filters, limit=paging.offset + limit), session=session, pool=pool)
    active = {k: v for k, v in _params(filters).items() if k != "q"}
    context = {
        "q": filters,
        "result": result,
        "hits": result.statements[paging.offset :],
        "documents": result.documents[:10] if paging.offset == 0 else [],
        "offset": paging.offset,
        "limit": limit,
        "active": active,
        "link": link,
    }
    return render(request, "search.html", context)
