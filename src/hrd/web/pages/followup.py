"""The follow-up board (set an item's status with a note) and the benchmarks page (define, assess).

Forms post back and redirect (303) to the page with a notice; an error shows
the page again with the problem. The queries are those of the JSON API.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ...errors import HRDError, InvalidInputError, http_status
from ...store.benchmarks import add_benchmark, set_assessment
from ...store.engine import read, write
from ...store.followup import set_followup
from ...track.benchmarks import RESULTS
from ...track.followup import STATUSES
from ...track.rounds import Provision, Subject
from ...track.views.benchmarks import benchmark_views
from ...track.views.followup import followup_board
from ..deps import SessionDep, get_engine
from ..render import render

__all__ = ["router"]

router = APIRouter()
Partner = Annotated[str, Path(max_length=40, pattern=r"^[A-Za-z+]{2,40}$")]
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
STATUS = "^(open|progressing|fulfilled|dropped)$"


def _board(
    request: Request,
    session: Session,
    partner: str,
    *,
    status: str | None = None,
    stale_after: int = 2,
    done: int | None = None,
    error: HRDError | None = None,
) -> HTMLResponse:
    board = followup_board(partner=partner, session=session, stale_after=stale_after, status=status)
    context = {"board": board, "status": status, "statuses": STATUSES, "done": done, "error": error}
    return render(request, "followup.html", context, status_code=http_status(error) if error else 200)


@router.get("/partners/{partner}/follow-up", response_class=HTMLResponse)
def board_page(
    request: Request,
    session: SessionDep,
    partner: Partner,
    status: Annotated[str | None, Query(pattern=STATUS)] = None,
    stale_after: Annotated[int, Query(ge=1, le=50)] = 2,
    done: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
) -> HTMLResponse:
    return _board(request, session, partner, status=status, stale_after=stale_after, done=done)


def _number(value: object, what: str) -> int:
    text = str(value or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 9:
        raise InvalidInputError(f"{what} must be a number; reload the page")
    return int(text)


def _text(form: Any, name: str) -> str | None:
    value = str(form.get(name) or "").strip()
    return value or None


async def _post(
    request: Request,
    change: Callable[[Any, Session], object],
    page: Callable[[Session, HRDError], HTMLResponse],
    done: str,
) -> Response:
    """Apply ``change(form, session)`` in one transaction and redirect (303) to ``done``; on a
    refused change, show ``page`` again with the problem (and its status)."""
    engine = get_engine(request)
    form = await request.form(max_files=0, max_fields=20)
    try:
        await run_in_threadpool(write, engine, lambda s: change(form, s))
    except HRDError as exc:
        error = exc
        return await run_in_threadpool(read, engine, lambda s: page(s, error))
    return RedirectResponse(done, 303)


@router.post("/partners/{partner}/follow-up/{statement_id}", response_class=HTMLResponse)
async def set_status(request: Request, partner: Partner, statement_id: Id) -> Response:
    def change(form: Any, session: Session) -> object:
        return set_followup(
            statement_id=statement_id,
            status=str(form.get("status") or ""),
            note=_text(form, "note"),
            evidence=[
                _number(e, "evidence") for e in str(form.get("evidence") or "").replace(",", " ").split()
            ],
            who=_text(form, "who") or "web",
            expected_version=_number(form.get("version"), "the item's version"),
            session=session,
        )

    return await _post(
        request,
        change,
        lambda s, error: _board(request, s, partner, error=error),
        f"/partners/{partner}/follow-up?done={statement_id}#item-{statement_id}",
    )


def _benchmarks(
    request: Request,
    session: Session,
    partner: str,
    *,
    done: str | None = None,
    error: HRDError | None = None,
) -> HTMLResponse:
    views = benchmark_views(partner=partner, session=session)
    context = {"partner": partner.upper(), "views": views, "results": RESULTS, "done": done, "error": error}
    return render(request, "benchmarks.html", context, status_code=http_status(error) if error else 200)


@router.get("/partners/{partner}/benchmarks", response_class=HTMLResponse)
def benchmarks_page(
    request: Request,
    session: SessionDep,
    partner: Partner,
    done: Annotated[str | None, Query(pattern="^(added|assessed)$")] = None,
) -> HTMLResponse:
    return _benchmarks(request, session, partner, done=done)


async def _benchmarks_post(
    request: Request, partner: str, change: Callable[[Any, Session], object], done: str
) -> Response:
    """A benchmark form's change; the page again with the problem, or its notice ``done``."""
    return await _post(
        request,
        change,
        lambda s, error: _benchmarks(request, s, partner, error=error),
        f"/partners/{partner}/benchmarks?done={done}",
    )


def _subject(form: Any) -> Subject:
    topic, instrument = _text(form, "topic"), _text(form, "instrument")
    if (topic is None) == (instrument is None):
        raise InvalidInputError("give either a topic or a provision (instrument and article)")
    return topic if topic is not None else Provision(instrument or "", _text(form, "article"))


@router.post("/partners/{partner}/benchmarks", response_class=HTMLResponse)
async def add(request: Request, partner: Partner) -> Response:
    def change(form: Any, session: Session) -> object:
        return add_benchmark(
            partner=partner,
            kind=str(form.get("kind") or "human-rights-dialogue"),
            subject=_subject(form),
            change=str(form.get("change") or ""),
            note=_text(form, "note"),
            who=_text(form, "who") or "web",
            session=session,
        )

    return await _benchmarks_post(request, partner, change, "added")


@router.post("/partners/{partner}/benchmarks/{benchmark_id}", response_class=HTMLResponse)
async def assess(request: Request, partner: Partner, benchmark_id: Id) -> Response:
    def change(form: Any, session: Session) -> object:
        result = str(form.get("result") or "")
        return set_assessment(
            benchmark_id=benchmark_id,
            meeting_id=_number(form.get("meeting_id"), "the round"),
            result=None if result == "clear" else result,
            note=_text(form, "note"),
            who=_text(form, "who") or "web",
            session=session,
        )

    return await _benchmarks_post(request, partner, change, f"assessed#benchmark-{benchmark_id}")
