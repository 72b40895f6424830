"""The confidential case register as JSON (case officers; ``cases:read`` / ``cases:write`` tokens).

Every call runs in a write transaction because reading case data is audited. Answers are never
cached (``Cache-Control: no-store``). An edit names the version it was made from: a stale one
answers 409 with ``current_version``. Errors name fields, never their values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy.orm import Session
from starlette.responses import JSONResponse, PlainTextResponse, Response

from ...cases import (
    CaseRef,
    VersionConflictError,
    add_reply,
    add_status,
    create_case,
    edit_case,
    get_case,
    link_meeting,
    list_cases,
    next_round_list,
    record_list,
    render_markdown,
    suggestions,
)
from ...store.engine import write
from ..auth import KeysDep, PrincipalDep
from ..case_schemas import (
    CaseEditIn,
    CaseIn,
    CaseOut,
    CaseRefOut,
    CaseSummaryOut,
    ListIn,
    MeetingIn,
    NextListOut,
    ReplyIn,
    StatusChangeIn,
    SuggestionOut,
    case_out,
    next_out,
)
from ..deps import EngineDep
from ..problems import PROBLEM
from ..schemas import Problem

__all__ = ["conflict_response", "router"]

router = APIRouter(prefix="/cases", tags=["cases"])
CaseId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Partner = Annotated[str, Path(min_length=2, max_length=40, pattern=r"^[A-Z]{2,3}(\+[A-Z]{2,3})*$")]
CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"model": Problem, "description": "Stale version: the problem carries `current_version`."}
}
T = TypeVar("T")


def conflict_response(error: VersionConflictError, instance: str) -> JSONResponse:
    body = Problem(title=error.title, status=409, detail=str(error), instance=instance).model_dump()
    body["current_version"] = error.current_version
    return JSONResponse(body, status_code=409, media_type=PROBLEM)


def _change(request: Request, engine: EngineDep, work: Callable[[Session], CaseRef]) -> Response | CaseRefOut:
    try:
        ref = write(engine, work)
    except VersionConflictError as error:
        return conflict_response(error, request.url.path)
    return CaseRefOut(id=ref.id, version=ref.version)


@router.get("", response_model=list[CaseSummaryOut])
def cases(
    engine: EngineDep,
    principal: PrincipalDep,
    keys: KeysDep,
    partner: Annotated[str | None, Query(max_length=40, pattern=r"^[A-Z]{2,3}(\+[A-Z]{2,3})*$")] = None,
) -> list[CaseSummaryOut]:
    """The cases (of one partner, or all) with their latest status."""
    found = write(engine, lambda s: list_cases(principal=principal, keys=keys, session=s, partner=partner))
    return [CaseSummaryOut.model_validate(c) for c in found]


@router.post("", response_model=CaseRefOut, status_code=201)
def new_case(engine: EngineDep, principal: PrincipalDep, keys: KeysDep, body: CaseIn) -> CaseRefOut:
    """Open a case; the answer gives its id and version."""
    ref = write(engine, lambda s: create_case(data=body.value(), principal=principal, keys=keys, session=s))
    return CaseRefOut(id=ref.id, version=ref.version)


@router.get("/{case_id}", response_model=CaseOut)
def case(engine: EngineDep, principal: PrincipalDep, keys: KeysDep, case_id: CaseId) -> CaseOut:
    """One case: aliases, charges, status history, meetings, replies and the lists it was on."""
    view = write(engine, lambda s: get_case(case_id=case_id, principal=principal, keys=keys, session=s))
    return case_out(view)


@router.post("/{case_id}/edit", response_model=CaseRefOut, responses=CONFLICT)
def edit(
    request: Request,
    engine: EngineDep,
    principal: PrincipalDep,
    keys: KeysDep,
    case_id: CaseId,
    body: CaseEditIn,
) -> Response | CaseRefOut:
    """Change fields of the case if it is still at ``version``."""
    change = body.value()
    return _change(
        request,
        engine,
        lambda s: edit_case(
            case_id=case_id, version=body.version, edit=change, principal=principal, keys=keys, session=s
        ),
    )


@router.post("/{case_id}/status", response_model=CaseRefOut, responses=CONFLICT)
def status(
    request: Request,
    engine: EngineDep,
    principal: PrincipalDep,
    keys: KeysDep,
    case_id: CaseId,
    body: StatusChangeIn,
) -> Response | CaseRefOut:
    """Add an entry to the status history."""
    entry = body.value()
    return _change(
        request,
        engine,
        lambda s: add_status(
            case_id=case_id, version=body.version, entry=entry, principal=principal, keys=keys, session=s
        ),
    )


@router.post("/{case_id}/meetings", response_model=CaseRefOut, responses=CONFLICT)
def meeting(
    request: Request,
    engine: EngineDep,
    principal: PrincipalDep,
    keys: KeysDep,
    case_id: CaseId,
    body: MeetingIn,
) -> Response | CaseRefOut:
    """Record that the case was raised at a round with its partner."""
    link = body.value()
    return _change(
        request,
        engine,
        lambda s: link_meeting(
            case_id=case_id, version=body.version, link=link, principal=principal, keys=keys, session=s
        ),
    )


@router.post("/{case_id}/replies", response_model=CaseRefOut, responses=CONFLICT)
def reply(
    request: Request,
    engine: EngineDep,
    principal: PrincipalDep,
    keys: KeysDep,
    case_id: CaseId,
    body: ReplyIn,
) -> Response | CaseRefOut:
    """Record the partner's reply about the case."""
    answer = body.value()
    return _change(
        request,
        engine,
        lambda s: add_reply(
            case_id=case_id, version=body.version, reply=answer, principal=principal, keys=keys, session=s
        ),
    )


@router.post("/partners/{partner}/lists", status_code=201)
def handed_over(
    engine: EngineDep, principal: PrincipalDep, keys: KeysDep, partner: Partner, body: ListIn
) -> dict[str, int]:
    """Record the list of cases handed over to the partner (at a meeting)."""
    list_id = write(
        engine,
        lambda s: record_list(
            partner=partner,
            case_ids=body.case_ids,
            handed_over_on=body.handed_over_on,
            meeting_id=body.meeting_id,
            note=body.note,
            principal=principal,
            keys=keys,
            session=s,
        ),
    )
    return {"id": list_id}


@router.get("/partners/{partner}/next", response_model=NextListOut)
def next_list(engine: EngineDep, principal: PrincipalDep, keys: KeysDep, partner: Partner) -> NextListOut:
    """The list for the next round: open cases and what changed since the last list handed over."""
    lst = write(engine, lambda s: next_round_list(partner=partner, principal=principal, keys=keys, session=s))
    return next_out(lst)


@router.get("/partners/{partner}/next.md", response_class=PlainTextResponse)
def next_list_markdown(
    engine: EngineDep, principal: PrincipalDep, keys: KeysDep, partner: Partner
) -> Response:
    """The same list as a Markdown download."""
    lst = write(engine, lambda s: next_round_list(partner=partner, principal=principal, keys=keys, session=s))
    name = f"cases-{partner}-{lst.prepared_on.isoformat()}.md"
    return PlainTextResponse(
        render_markdown(lst),
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/partners/{partner}/suggestions", response_model=list[SuggestionOut])
def names(engine: EngineDep, principal: PrincipalDep, keys: KeysDep, partner: Partner) -> list[SuggestionOut]:
    """Names that public readouts about the partner give, with the case each matches."""
    found = write(engine, lambda s: suggestions(partner=partner, principal=principal, keys=keys, session=s))
    return [SuggestionOut.model_validate(n) for n in found]
