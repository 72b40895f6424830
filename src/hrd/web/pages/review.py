"""The review page: proposed statements, least confident first; confirm, edit (legal refs too), reject."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ...errors import HRDError, InvalidInputError, http_status
from ...store import review as actions
from ...store.engine import read, write
from ...store.meeting_view import get_statement, review_queue
from ..deps import PagingDep, SessionDep, get_engine
from ..render import render
from .add_statement import who_of
from .statement_forms import legal_refs_from_rows

__all__ = ["router"]

router = APIRouter()
DONE = {"confirm": "confirmed", "reject": "rejected", "edit": "saved"}
STATES = "^(proposed|confirmed|edited|rejected|added)$"


def _queue(
    request: Request,
    session: Session,
    *,
    state: str,
    offset: int,
    limit: int,
    done: str | None = None,
    done_id: int | None = None,
    error: HRDError | None = None,
) -> HTMLResponse:
    page = review_queue(session=session, state=state, offset=offset, limit=limit)
    context = {
        "page": page,
        "state": state,
        "offset": offset,
        "limit": limit,
        "done": DONE.get(done or ""),
        "done_id": done_id,
        "error": error,
    }
    return render(request, "review.html", context, status_code=http_status(error) if error else 200)


@router.get("/review", response_class=HTMLResponse)
def review_page(
    request: Request,
    session: SessionDep,
    paging: PagingDep,
    state: Annotated[str, Query(pattern=STATES)] = "proposed",
    done: Annotated[str | None, Query(max_length=20)] = None,
    id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
) -> HTMLResponse:
    limit = min(paging.limit, 20)
    return _queue(request, session, state=state, offset=paging.offset, limit=limit, done=done, done_id=id)


def _topics(values: list[str]) -> list[str]:
    """Topics from checkboxes or a comma-separated field."""
    out: list[str] = []
    for value in values:
        out.extend(t.strip() for t in value.split(",") if t.strip())
    return list(dict.fromkeys(out))


def _edit(
    session: Session,
    statement_id: int,
    changes: actions.StatementEdit,
    rows: tuple[list[str], list[str]] | None,
    *,
    who: str,
    version: int,
) -> None:
    """Save an edit; the legal references are the form's rows (names already cited kept as they are)."""
    if rows is not None:
        cited = {r.instrument for r in get_statement(statement_id=statement_id, session=session).legal_refs}
        changes = replace(changes, legal_refs=legal_refs_from_rows(*rows, keep=cited))
    actions.edit(
        statement_id=statement_id, changes=changes, who=who, expected_version=version, session=session
    )


@router.post("/review/{statement_id}", response_class=HTMLResponse)
async def review_action(request: Request, statement_id: Annotated[int, Path(ge=1, le=2**31 - 1)]) -> Response:
    engine = get_engine(request)
    who = who_of(request)
    form = await request.form(max_files=0, max_fields=100)
    action = str(form.get("action") or "")
    state = str(form.get("state") or "proposed")
    state = state if state in {"proposed", "confirmed", "edited", "rejected", "added"} else "proposed"
    try:
        version_text = str(form.get("version") or "")
        if not (version_text.isascii() and version_text.isdigit()):
            raise InvalidInputError("the form lacks the statement's version; reload the page")
        version = int(version_text)
        if action == "confirm":
            await run_in_threadpool(
                write,
                engine,
                lambda s: actions.confirm(
                    statement_id=statement_id, who=who, expected_version=version, session=s
                ),
            )
        elif action == "reject":
            await run_in_threadpool(
                write,
                engine,
                lambda s: actions.reject(
                    statement_id=statement_id, who=who, expected_version=version, session=s
                ),
            )
        elif action == "edit":
            rows = None
            if form.get("legal_refs") == "rows":  # the form has reference rows: what they hold is the list
                rows = (
                    [str(v) for v in form.getlist("ref_instrument")],
                    [str(v) for v in form.getlist("ref_article")],
                )
            changes = actions.StatementEdit(
                actor=str(form.get("actor") or "").strip() or None,
                act=str(form.get("act") or "").strip() or None,
                topics=_topics([str(v) for v in form.getlist("topics")]) or None,
            )
            await run_in_threadpool(
                write, engine, lambda s: _edit(s, statement_id, changes, rows, who=who, version=version)
            )
        else:
            raise InvalidInputError("unknown review action")
    except HRDError as exc:
        error = exc
        return await run_in_threadpool(
            read, engine, lambda s: _queue(request, s, state=state, offset=0, limit=20, error=error)
        )
    return RedirectResponse(f"/review?state={state}&done={action}&id={statement_id}", status_code=303)
